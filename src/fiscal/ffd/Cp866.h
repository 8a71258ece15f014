#pragma once

#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// CP866 (the DOS Cyrillic code page) is how FFD documents store text. Every one of its 256 bytes
// is a character, so decoding cannot fail; encoding can meet characters CP866 does not have.
namespace sigma::fiscal::ffd {

/// The Unicode character a CP866 byte stands for (0x00-0x7F are ASCII).
char32_t cp866ToCodePoint(std::uint8_t byte);
/// The CP866 byte for a Unicode character, or nullopt when CP866 has no such character.
std::optional<std::uint8_t> cp866FromCodePoint(char32_t codePoint);

/// CP866 bytes to UTF-8. Never fails.
std::string cp866ToUtf8(std::string_view cp866);

/// UTF-8 to CP866 for a document that must be printed whatever happens: a character without a
/// CP866 form ("₽", "«", emoji) becomes '?', and so does every maximal invalid UTF-8 sequence
/// (one '?' per broken sequence, as Unicode recommends for replacement).
std::string utf8ToCp866(std::string_view utf8);

/// Like utf8ToCp866(), but invalid UTF-8 is an error (kBadUtf8, with the byte offset) instead of
/// a '?': for input that claims to be UTF-8 and should be rejected when it is not. Characters
/// without a CP866 form still become '?'.
core::Result<std::string> utf8ToCp866Strict(std::string_view utf8);

} // namespace sigma::fiscal::ffd
