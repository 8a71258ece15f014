#include "fiscal/ffd/Cp866.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

#include <set>

namespace sigma::fiscal::ffd {
namespace {

std::string bytes(std::initializer_list<unsigned> values)
{
    std::string out;
    for (unsigned v : values) {
        out.push_back(static_cast<char>(v));
    }
    return out;
}

TEST(Cp866, EncodesCashierNameWithYoAndNumeroSign)
{
    const std::string utf8 = "Кассир Иванов Ё ё №";
    const std::string expected = bytes({0x8A, 0xA0, 0xE1, 0xE1, 0xA8, 0xE0, 0x20, 0x88, 0xA2, 0xA0, 0xAD, 0xAE, 0xA2,
                                        0x20, 0xF0, 0x20, 0xF1, 0x20, 0xFC});
    EXPECT_EQ(utf8ToCp866(utf8), expected);
    EXPECT_EQ(cp866ToUtf8(expected), utf8);
}

TEST(Cp866, WholeAlphabetRoundTrips)
{
    const std::string upper = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
    const std::string lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    EXPECT_EQ(utf8ToCp866(upper).size(), 33U);
    EXPECT_EQ(utf8ToCp866(lower).size(), 33U);
    EXPECT_EQ(cp866ToUtf8(utf8ToCp866(upper)), upper);
    EXPECT_EQ(cp866ToUtf8(utf8ToCp866(lower)), lower);
    EXPECT_EQ(utf8ToCp866("А"), bytes({0x80}));
    EXPECT_EQ(utf8ToCp866("Я"), bytes({0x9F}));
    EXPECT_EQ(utf8ToCp866("а"), bytes({0xA0}));
    EXPECT_EQ(utf8ToCp866("п"), bytes({0xAF}));
    EXPECT_EQ(utf8ToCp866("р"), bytes({0xE0}));
    EXPECT_EQ(utf8ToCp866("я"), bytes({0xEF}));
}

TEST(Cp866, TableSpotChecks)
{
    EXPECT_EQ(cp866ToCodePoint(0x41), U'A');
    EXPECT_EQ(cp866ToCodePoint(0x80), U'\u0410');
    EXPECT_EQ(cp866ToCodePoint(0xB0), U'\u2591'); // ░
    EXPECT_EQ(cp866ToCodePoint(0xB3), U'\u2502'); // │
    EXPECT_EQ(cp866ToCodePoint(0xC4), U'\u2500'); // ─
    EXPECT_EQ(cp866ToCodePoint(0xC9), U'\u2554'); // ╔
    EXPECT_EQ(cp866ToCodePoint(0xDB), U'\u2588'); // █
    EXPECT_EQ(cp866ToCodePoint(0xDF), U'\u2580'); // ▀
    EXPECT_EQ(cp866ToCodePoint(0xF0), U'\u0401'); // Ё
    EXPECT_EQ(cp866ToCodePoint(0xF1), U'\u0451'); // ё
    EXPECT_EQ(cp866ToCodePoint(0xF2), U'\u0404'); // Є
    EXPECT_EQ(cp866ToCodePoint(0xF6), U'\u040E'); // Ў
    EXPECT_EQ(cp866ToCodePoint(0xF8), U'\u00B0'); // °
    EXPECT_EQ(cp866ToCodePoint(0xFC), U'\u2116'); // №
    EXPECT_EQ(cp866ToCodePoint(0xFD), U'\u00A4'); // ¤
    EXPECT_EQ(cp866ToCodePoint(0xFE), U'\u25A0'); // ■
    EXPECT_EQ(cp866ToCodePoint(0xFF), U'\u00A0'); // no-break space
}

TEST(Cp866, EveryByteRoundTripsAndTheTableIsABijection)
{
    std::set<char32_t> seen;
    for (unsigned b = 0; b < 256; ++b) {
        const char32_t cp = cp866ToCodePoint(static_cast<std::uint8_t>(b));
        EXPECT_TRUE(seen.insert(cp).second) << "byte " << b << " maps to a code point already used";
        const auto back = cp866FromCodePoint(cp);
        ASSERT_TRUE(back.has_value()) << b;
        EXPECT_EQ(*back, b);
        const std::string one(1, static_cast<char>(b));
        EXPECT_EQ(utf8ToCp866(cp866ToUtf8(one)), one) << b;
    }
}

TEST(Cp866, Utf8OutputIsWellFormed)
{
    std::string all;
    for (unsigned b = 0; b < 256; ++b) {
        all.push_back(static_cast<char>(b));
    }
    const std::string utf8 = cp866ToUtf8(all);
    EXPECT_TRUE(utf8ToCp866Strict(utf8).ok());
    EXPECT_EQ(*utf8ToCp866Strict(utf8), all);
}

TEST(Cp866, CharactersWithoutCp866FormBecomeQuestionMarks)
{
    EXPECT_EQ(utf8ToCp866("100 ₽"), "100 ?");
    EXPECT_EQ(utf8ToCp866("«Ёлка»"), "?" + bytes({0xF0, 0xAB, 0xAA, 0xA0}) + "?");
    EXPECT_EQ(utf8ToCp866("é"), "?");
    EXPECT_EQ(utf8ToCp866("a\360\237\215\236b"), "a?b"); // one '?' for a 4-byte emoji
    EXPECT_FALSE(cp866FromCodePoint(U'\u20BD').has_value());
    // The strict form also replaces them: only broken UTF-8 is its error.
    ASSERT_TRUE(utf8ToCp866Strict("100 ₽").ok());
    EXPECT_EQ(*utf8ToCp866Strict("100 ₽"), "100 ?");
}

struct InvalidUtf8Case {
    const char* input;
    const char* lenient;
    std::size_t offset;
};

class Cp866InvalidUtf8 : public ::testing::TestWithParam<InvalidUtf8Case> {};

TEST_P(Cp866InvalidUtf8, LenientReplacesStrictRefuses)
{
    const auto& c = GetParam();
    EXPECT_EQ(utf8ToCp866(c.input), c.lenient);
    auto strict = utf8ToCp866Strict(c.input);
    ASSERT_FALSE(strict.ok());
    EXPECT_EQ(strict.error().code, core::errc::kBadUtf8);
    EXPECT_NE(strict.error().message.find("offset " + std::to_string(c.offset)), std::string::npos)
        << strict.error().message;
}

// Octal escapes where a letter follows (a hex escape would swallow it).
const InvalidUtf8Case kInvalidUtf8Cases[] = {
    {"\xFF", "?", 0},                     // never a UTF-8 byte
    {"a\200b", "a?b", 1},                 // lone continuation byte
    {"a\342\202b", "a?b", 1},             // truncated 3-byte sequence: one '?' for all of it
    {"ab\xD0", "ab?", 2},                 // truncated at the end
    {"\xC0\xAF", "??", 0},                // overlong '/'
    {"\xE0\x80\xAF", "???", 0},           // overlong 3-byte form
    {"\xED\xA0\x80", "???", 0},           // UTF-16 surrogate
    {"\xF4\x90\x80\x80", "????", 0},      // beyond U+10FFFF
    {"\xF8\x88\x80\x80\x80", "?????", 0}, // 5-byte form
    {"\xD0\x98\xD0", "\x88?", 2},         // "И" then a cut sequence
};

INSTANTIATE_TEST_SUITE_P(Cp866, Cp866InvalidUtf8, ::testing::ValuesIn(kInvalidUtf8Cases));

} // namespace
} // namespace sigma::fiscal::ffd
