#include "cloud/SearchKey.h"

namespace sigma::cloud {

namespace {

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

char32_t fold(char32_t cp)
{
    if (cp >= U'A' && cp <= U'Z') {
        return cp + 0x20;
    }
    if (cp == U'Ё' || cp == U'ё') {
        return U'е';
    }
    if (cp >= 0x0410 && cp <= 0x042F) { // А..Я
        return cp + 0x20;
    }
    if (cp >= 0x0400 && cp <= 0x040F) { // Ѐ..Џ (Ukrainian, Belarusian, Serbian letters)
        return cp + 0x50;
    }
    return cp;
}

} // namespace

std::string searchKey(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += static_cast<char>(fold(byte));
            ++i;
            continue;
        }
        // Two-byte sequences hold every Cyrillic letter; longer ones are copied unchanged, and so
        // is a byte that does not start a valid sequence.
        if ((byte & 0xE0) == 0xC0 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            const char32_t cp =
                (static_cast<char32_t>(byte & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
            appendUtf8(out, fold(cp));
            i += 2;
            continue;
        }
        out += text[i];
        ++i;
    }
    return out;
}

std::string prefixUpperBound(std::string_view prefix)
{
    return std::string(prefix) + "\xF4\x8F\xBF\xBF";
}

} // namespace sigma::cloud
