#include "drivers/atol/WideText.h"

#include "core/ErrorCodes.h"

#include <cstdint>

namespace sigma::drivers::atol {

static_assert(sizeof(wchar_t) == 4, "libfptr10 on Linux passes UTF-32 wchar_t strings");

namespace {

constexpr std::uint32_t kMaxCodePoint = 0x10FFFF;

bool isSurrogate(std::uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

core::Error invalid(const std::string& what, std::size_t position)
{
    return core::Error(core::errc::kBadUtf8, what + " at position " + std::to_string(position));
}

// The length of a UTF-8 sequence from its first byte, and the bits that byte contributes; 0 for a
// byte that cannot start a sequence (a continuation byte, or 0xF8 and above).
std::size_t sequenceLength(unsigned char lead, std::uint32_t& bits)
{
    if (lead < 0x80) {
        bits = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) { // 0xC0 and 0xC1 could only start overlong forms
        bits = lead & 0x1Fu;
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        bits = lead & 0x0Fu;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) { // above 0xF4 every value is beyond U+10FFFF
        bits = lead & 0x07u;
        return 4;
    }
    return 0;
}

} // namespace

core::Result<std::wstring> toWide(std::string_view utf8)
{
    static constexpr std::uint32_t kSmallest[5] = {0, 0, 0x80, 0x800, 0x10000};
    std::wstring wide;
    wide.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        std::uint32_t cp = 0;
        const std::size_t length = sequenceLength(static_cast<unsigned char>(utf8[i]), cp);
        if (length == 0) {
            return invalid("invalid UTF-8 byte", i);
        }
        if (length > utf8.size() - i) {
            return invalid("UTF-8 sequence cut short", i);
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(utf8[i + k]);
            if ((byte & 0xC0u) != 0x80u) {
                return invalid("UTF-8 sequence cut short", i);
            }
            cp = (cp << 6) | (byte & 0x3Fu);
        }
        if (cp < kSmallest[length]) {
            return invalid("overlong UTF-8 sequence", i);
        }
        if (isSurrogate(cp) || cp > kMaxCodePoint) {
            return invalid("UTF-8 for a code point that is not a character", i);
        }
        wide.push_back(static_cast<wchar_t>(cp));
        i += length;
    }
    return wide;
}

core::Result<std::string> fromWide(std::wstring_view wide)
{
    std::string utf8;
    utf8.reserve(wide.size() * 2);
    for (std::size_t i = 0; i < wide.size(); ++i) {
        const auto cp = static_cast<std::uint32_t>(wide[i]);
        if (isSurrogate(cp) || cp > kMaxCodePoint) {
            return invalid("wchar_t value " + std::to_string(cp) + " is not a Unicode character", i);
        }
        if (cp < 0x80) {
            utf8.push_back(static_cast<char>(cp));
            continue;
        }
        std::size_t length = cp < 0x800 ? 2 : (cp < 0x10000 ? 3 : 4);
        static constexpr unsigned char kLeadMarks[5] = {0, 0, 0xC0, 0xE0, 0xF0};
        char bytes[4];
        std::uint32_t rest = cp;
        for (std::size_t k = length - 1; k > 0; --k) {
            bytes[k] = static_cast<char>(0x80u | (rest & 0x3Fu));
            rest >>= 6;
        }
        bytes[0] = static_cast<char>(kLeadMarks[length] | rest);
        utf8.append(bytes, length);
    }
    return utf8;
}

} // namespace sigma::drivers::atol
