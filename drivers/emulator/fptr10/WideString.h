#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

namespace sigma::drivers::emulator {

// ATOL's C API passes wchar_t strings, which on Linux are UTF-32; everything inside is UTF-8.
// Both directions are strict: a malformed sequence, an overlong form, a surrogate or a value above
// U+10FFFF is an error (kBadUtf8, with the position), never silently replaced, so a task is
// executed exactly as sent or not at all.
//
// The atol driver has its own converter (drivers/atol/WideText.h) on purpose: the two sides of
// the C API are independent implementations, and the tests that run the same task through both
// would catch a disagreement that a shared helper would hide.

/// UTF-8 to UTF-32 (`wchar_t`).
core::Result<std::wstring> utf8ToWide(std::string_view utf8);

/// UTF-32 (`wchar_t`) to UTF-8.
core::Result<std::string> wideToUtf8(std::wstring_view wide);

} // namespace sigma::drivers::emulator
