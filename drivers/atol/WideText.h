#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

namespace sigma::drivers::atol {

// ATOL's driver takes and gives wchar_t strings (UTF-32 on Linux); the rest of Sigma speaks UTF-8.
// Strict both ways (kBadUtf8 with the position for a malformed or overlong sequence, a surrogate
// or a value above U+10FFFF): a task goes to the register exactly as built, or not at all.
//
// Deliberately not shared with the emulator's libfptr10.so (drivers/emulator/fptr10/WideString.h):
// the cross-path tests run the same tasks through both sides, and two independent converters that
// must agree catch what one shared helper would hide.

/// UTF-8 to wchar_t (UTF-32).
core::Result<std::wstring> toWide(std::string_view utf8);

/// wchar_t (UTF-32) to UTF-8.
core::Result<std::string> fromWide(std::wstring_view wide);

} // namespace sigma::drivers::atol
