#include "fiscal/ffd/Cp866.h"

#include "core/ErrorCodes.h"

#include <array>

namespace sigma::fiscal::ffd {
namespace {

// CP866 0x80-0xFF (checked against Python's and ICU's cp866 tables).
constexpr std::array<char16_t, 128> kHighHalf = {
    0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, // 80-87 А-З
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F, // 88-8F И-П
    0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, // 90-97 Р-Ч
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, // 98-9F Ш-Я
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, // A0-A7 а-з
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, // A8-AF и-п
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, // B0-B7 shades, box drawing
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510, // B8-BF
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, // C0-C7
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567, // C8-CF
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, // D0-D7
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580, // D8-DF blocks
    0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, // E0-E7 р-ч
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F, // E8-EF ш-я
    0x0401, 0x0451, 0x0404, 0x0454, 0x0407, 0x0457, 0x040E, 0x045E, // F0-F7 Ё ё Є є Ї ї Ў ў
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x2116, 0x00A4, 0x25A0, 0x00A0, // F8-FF ° ∙ · √ № ¤ ■ NBSP
};

constexpr char kReplacement = '?';

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        // CP866 has nothing outside the BMP.
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

/// One step of UTF-8 decoding: the character, or (when `valid` is false) the length of the
/// maximal invalid subsequence to replace.
struct Utf8Step {
    char32_t codePoint = 0;
    std::size_t length = 1;
    bool valid = false;
};

// Well-formed sequences per Unicode Table 3-7: the second byte's range depends on the lead byte
// (that rules out overlong forms, surrogates and values past U+10FFFF).
Utf8Step decodeUtf8(std::string_view text, std::size_t pos)
{
    const auto lead = static_cast<std::uint8_t>(text[pos]);
    if (lead < 0x80) {
        return {lead, 1, true};
    }
    std::size_t need = 0;
    std::uint8_t low = 0x80;
    std::uint8_t high = 0xBF;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        need = 1;
        cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        need = 2;
        cp = lead & 0x0Fu;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        need = 3;
        cp = lead & 0x07u;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {0, 1, false};
    }
    std::size_t length = 1;
    for (std::size_t i = 0; i < need; ++i) {
        if (pos + length >= text.size()) {
            return {0, length, false};
        }
        const auto byte = static_cast<std::uint8_t>(text[pos + length]);
        if (byte < low || byte > high) {
            return {0, length, false};
        }
        cp = (cp << 6) | (byte & 0x3Fu);
        ++length;
        low = 0x80;
        high = 0xBF;
    }
    return {cp, length, true};
}

void appendCp866(std::string& out, char32_t cp)
{
    const auto byte = cp866FromCodePoint(cp);
    out.push_back(byte ? static_cast<char>(*byte) : kReplacement);
}

} // namespace

char32_t cp866ToCodePoint(std::uint8_t byte)
{
    return byte < 0x80 ? char32_t{byte} : char32_t{kHighHalf[byte - 0x80u]};
}

std::optional<std::uint8_t> cp866FromCodePoint(char32_t codePoint)
{
    if (codePoint < 0x80) {
        return static_cast<std::uint8_t>(codePoint);
    }
    // The three Cyrillic runs first: almost every non-ASCII character on a receipt is one of them.
    if (codePoint >= 0x0410 && codePoint <= 0x043F) {
        return static_cast<std::uint8_t>(0x80 + (codePoint - 0x0410));
    }
    if (codePoint >= 0x0440 && codePoint <= 0x044F) {
        return static_cast<std::uint8_t>(0xE0 + (codePoint - 0x0440));
    }
    for (std::size_t i = 0x30; i < kHighHalf.size(); ++i) {
        if (kHighHalf[i] == codePoint) {
            return static_cast<std::uint8_t>(0x80 + i);
        }
    }
    return std::nullopt;
}

std::string cp866ToUtf8(std::string_view cp866)
{
    std::string out;
    out.reserve(cp866.size() * 2);
    for (char c : cp866) {
        appendUtf8(out, cp866ToCodePoint(static_cast<std::uint8_t>(c)));
    }
    return out;
}

std::string utf8ToCp866(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const Utf8Step step = decodeUtf8(utf8, pos);
        if (step.valid) {
            appendCp866(out, step.codePoint);
        } else {
            out.push_back(kReplacement);
        }
        pos += step.length;
    }
    return out;
}

core::Result<std::string> utf8ToCp866Strict(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const Utf8Step step = decodeUtf8(utf8, pos);
        if (!step.valid) {
            return core::Error(core::errc::kBadUtf8, "invalid UTF-8 at byte offset " + std::to_string(pos));
        }
        appendCp866(out, step.codePoint);
        pos += step.length;
    }
    return out;
}

} // namespace sigma::fiscal::ffd
