// The ESC/POS encoder's exact bytes, the status bytes, and the reader of printer bytes (which
// takes input from the network, so every malformed shape is tried).

#include "drivers/printer/EscPos.h"

#include <gtest/gtest.h>

namespace sigma::drivers::printer {
namespace {

TEST(EscPos, EncodesCyrillicInCp866AfterSelectingTheCodePage)
{
    devices::PrintDocument doc;
    doc.lines.push_back({"Стол 5", true, false, devices::PrintAlign::Left});
    const Bytes bytes = EscPos::encode(doc);
    const Bytes expected = {
        0x1B, '@',                    // initialise
        0x1B, 't', 17,                // code page PC866
        0x1B, 'a', 0, 0x1B, 'E', 1, 0x1D, '!', 0x00,
        0x91, 0xE2, 0xAE, 0xAB, ' ', '5', '\n', // "Стол 5" in CP866: С=0x91 т=0xE2 о=0xAE л=0xAB
        0x1B, 'a', 0, 0x1B, 'E', 0, 0x1D, '!', 0,
        0x1D, 'V', 66, 3,             // feed and partial cut
    };
    EXPECT_EQ(bytes, expected);
}

TEST(EscPos, LargeCentredLineAndUnencodableCharacters)
{
    devices::PrintDocument doc;
    doc.lines.push_back({"№ 7 ₽", false, true, devices::PrintAlign::Center});
    const Bytes bytes = EscPos::encode(doc);
    const Bytes line(bytes.begin() + 5, bytes.begin() + 14);
    EXPECT_EQ(line, (Bytes{0x1B, 'a', 1, 0x1B, 'E', 0, 0x1D, '!', 0x11}));
    // № is 0xFC in CP866; ₽ has no CP866 form and becomes '?'.
    const Bytes text(bytes.begin() + 14, bytes.begin() + 20);
    EXPECT_EQ(text, (Bytes{0xFC, ' ', '7', ' ', '?', '\n'}));
}

TEST(EscPos, ControlCharactersInTextCannotBecomeCommands)
{
    devices::PrintDocument doc;
    doc.lines.push_back({std::string("a\x10\x04\x01" "b\x1B" "c"), false, false, devices::PrintAlign::Left});
    const Bytes bytes = EscPos::encode(doc);
    const Bytes text(bytes.begin() + 14, bytes.begin() + 21);
    EXPECT_EQ(text, (Bytes{'a', ' ', ' ', ' ', 'b', ' ', 'c'}));
    auto plain = EscPos::plainText(bytes);
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_EQ(*plain, "a   b c\n");
}

TEST(EscPos, PlainTextRoundTrip)
{
    devices::PrintDocument doc;
    doc.lines.push_back({"№ 12", true, true, devices::PrintAlign::Center});
    doc.lines.push_back({"2 x Капучино", false, false, devices::PrintAlign::Left});
    auto plain = EscPos::plainText(EscPos::encode(doc));
    ASSERT_TRUE(plain.ok()) << plain.error().message;
    EXPECT_EQ(*plain, "№ 12\n2 x Капучино\n");
}

TEST(EscPos, PlainTextRefusesMalformedBytes)
{
    const std::vector<Bytes> malformed = {
        {0x1B},                   // ESC cut short
        {0x1B, 't'},              // ESC t without its argument
        {0x1B, 'Z', 1},           // unknown ESC command
        {0x1D},                   // GS cut short
        {0x1D, '!'},              // GS ! without its argument
        {0x1D, 'V'},              // GS V without its mode
        {0x1D, 'V', 66},          // GS V 66 without n
        {0x1D, 'V', 7},           // unknown cut mode
        {0x1D, 'k', 0},           // unknown GS command
        {0x10, 0x04},             // DLE EOT cut short
        {0x10, 0x05, 1},          // DLE without EOT
        {'a', 0x07, 'b'},         // stray control byte
    };
    for (const auto& bytes : malformed) {
        auto plain = EscPos::plainText(bytes);
        ASSERT_FALSE(plain.ok()) << "accepted " << bytes.size() << " bytes";
        EXPECT_EQ(plain.error().code, devices::printer_errc::kBadAnswer);
    }
    EXPECT_EQ(*EscPos::plainText({}), "");
}

TEST(EscPos, StatusBytes)
{
    EXPECT_EQ(EscPos::statusRequest(4), (Bytes{0x10, 0x04, 4}));
    const devices::PrinterStatus fine{true, false, false, false};
    EXPECT_EQ(EscPos::statusByte(1, fine), 0x12);
    EXPECT_EQ(EscPos::statusByte(4, fine), 0x12);
    const devices::PrinterStatus empty{false, true, true, true};
    EXPECT_EQ(EscPos::statusByte(1, empty), 0x1A);
    EXPECT_EQ(EscPos::statusByte(2, empty), 0x36);
    EXPECT_EQ(EscPos::statusByte(4, empty), 0x7E);

    auto parsed = EscPos::parseStatus(0x1A, 0x36, 0x7E);
    ASSERT_TRUE(parsed.ok());
    EXPECT_FALSE(parsed->online);
    EXPECT_TRUE(parsed->paperOut);
    EXPECT_TRUE(parsed->paperNearEnd);
    EXPECT_TRUE(parsed->coverOpen);
    parsed = EscPos::parseStatus(0x12, 0x12, 0x12);
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed->online);
    EXPECT_FALSE(parsed->paperOut);

    // Bytes without the fixed bits are not status answers (a printer speaking something else).
    for (const std::uint8_t bad : {0x00, 0x13, 0x92, 0xFF, 0x02, 0x10}) {
        auto refused = EscPos::parseStatus(bad, 0x12, 0x12);
        ASSERT_FALSE(refused.ok()) << int(bad);
        EXPECT_EQ(refused.error().code, devices::printer_errc::kBadAnswer);
        EXPECT_FALSE(EscPos::parseStatus(0x12, 0x12, bad).ok());
    }
}

} // namespace
} // namespace sigma::drivers::printer
