#include "drivers/emulator/fptr10/WideString.h"

#include "core/ErrorCodes.h"

#include <cstdint>

namespace sigma::drivers::emulator {

static_assert(sizeof(wchar_t) == 4, "ATOL's C API on Linux passes UTF-32 wchar_t strings");

namespace {

bool isScalarValue(std::uint32_t cp)
{
    return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

core::Error badText(const std::string& what, std::size_t position)
{
    return core::Error(core::errc::kBadUtf8, what + " at position " + std::to_string(position));
}

} // namespace

core::Result<std::wstring> utf8ToWide(std::string_view utf8)
{
    std::wstring out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 0;
        std::uint32_t cp = 0;
        std::uint32_t smallest = 0;
        if (lead < 0x80) {
            out.push_back(static_cast<wchar_t>(lead));
            ++i;
            continue;
        }
        if ((lead & 0xE0) == 0xC0) {
            length = 2;
            cp = lead & 0x1Fu;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            length = 3;
            cp = lead & 0x0Fu;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            length = 4;
            cp = lead & 0x07u;
            smallest = 0x10000;
        } else {
            return badText("invalid UTF-8 lead byte", i);
        }
        if (utf8.size() - i < length) {
            return badText("truncated UTF-8 sequence", i);
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + k]);
            if ((next & 0xC0) != 0x80) {
                return badText("invalid UTF-8 continuation byte", i + k);
            }
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < smallest) {
            return badText("overlong UTF-8 sequence", i);
        }
        if (!isScalarValue(cp)) {
            return badText("UTF-8 encodes an invalid code point", i);
        }
        out.push_back(static_cast<wchar_t>(cp));
        i += length;
    }
    return out;
}

core::Result<std::string> wideToUtf8(std::wstring_view wide)
{
    std::string out;
    out.reserve(wide.size());
    for (std::size_t i = 0; i < wide.size(); ++i) {
        const auto cp = static_cast<std::uint32_t>(wide[i]);
        if (!isScalarValue(cp)) {
            return badText("invalid code point " + std::to_string(cp), i);
        }
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

} // namespace sigma::drivers::emulator
