#include "crypto/Hex.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

#include <random>

namespace sigma::crypto {
namespace {

TEST(Hex, EncodesLowerCase)
{
    const std::vector<std::uint8_t> bytes{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff};
    EXPECT_EQ(toHex(bytes), "00017f80abff");
    EXPECT_EQ(toHex({}), "");
}

TEST(Hex, DecodesEitherCase)
{
    auto bytes = fromHex("00017F80aBff");
    ASSERT_TRUE(bytes.ok()) << bytes.error().message;
    EXPECT_EQ(*bytes, (std::vector<std::uint8_t>{0x00, 0x01, 0x7f, 0x80, 0xab, 0xff}));
    auto empty = fromHex("");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->empty());
}

TEST(Hex, RoundTripsRandomBytes)
{
    std::mt19937 engine(7);
    for (std::size_t size = 0; size < 300; size += 7) {
        std::vector<std::uint8_t> bytes(size);
        for (auto& b : bytes) {
            b = static_cast<std::uint8_t>(engine());
        }
        const std::string hex = toHex(bytes);
        ASSERT_EQ(hex.size(), size * 2);
        auto back = fromHex(hex);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, bytes);
    }
}

TEST(Hex, RejectsOddLength)
{
    auto r = fromHex("abc");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::errc::kBadHex);
    EXPECT_NE(r.error().message.find("odd"), std::string::npos) << r.error().message;
}

TEST(Hex, RejectsNonHexCharactersNamingTheOffset)
{
    for (const auto& [text, offset] : std::vector<std::pair<std::string, std::string>>{{"0g", "1"},
                                                                                       {"g0", "0"},
                                                                                       {"00 1", "2"},
                                                                                       {"0x12", "1"},
                                                                                       {std::string("a\0", 2), "1"},
                                                                                       {"ab\xd0\xb9", "2"}}) {
        auto r = fromHex(text);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_EQ(r.error().code, core::errc::kBadHex);
        EXPECT_NE(r.error().message.find("offset " + offset), std::string::npos) << r.error().message;
    }
}

TEST(Hex, ConstantTimeEquals)
{
    EXPECT_TRUE(constantTimeEquals("", ""));
    EXPECT_TRUE(constantTimeEquals("secret-token", "secret-token"));
    EXPECT_FALSE(constantTimeEquals("secret-token", "secret-tokem"));
    EXPECT_FALSE(constantTimeEquals("Secret-token", "secret-token"));
    EXPECT_FALSE(constantTimeEquals("secret", "secret-token"));
    EXPECT_FALSE(constantTimeEquals("", "x"));
    EXPECT_TRUE(constantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
    EXPECT_FALSE(constantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

} // namespace
} // namespace sigma::crypto
