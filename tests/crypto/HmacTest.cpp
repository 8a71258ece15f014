#include "crypto/Hmac.h"

#include "crypto/Hex.h"

#include <gtest/gtest.h>

#include <string>

namespace sigma::crypto {
namespace {

// RFC 4231, section 4.
TEST(HmacSha256, Rfc4231Case1)
{
    const std::string key(20, '\x0b');
    EXPECT_EQ(toHex(hmacSha256(key, "Hi There")), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

TEST(HmacSha256, Rfc4231Case2KeyShorterThanOutput)
{
    EXPECT_EQ(toHex(hmacSha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, Rfc4231Case6KeyLongerThanBlock)
{
    const std::string key(131, '\xaa');
    EXPECT_EQ(toHex(hmacSha256(key, "Test Using Larger Than Block-Size Key - Hash Key First")),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(HmacSha256, Rfc4231Case7LongKeyAndLongData)
{
    const std::string key(131, '\xaa');
    EXPECT_EQ(toHex(hmacSha256(key, "This is a test using a larger than block-size key and a larger than block-size "
                                    "data. The key needs to be hashed before being used by the HMAC algorithm.")),
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(HmacSha256, SpanOverloadsAgreeWithText)
{
    const std::vector<std::uint8_t> key{'J', 'e', 'f', 'e'};
    const std::string text = "what do ya want for nothing?";
    const std::vector<std::uint8_t> data(text.begin(), text.end());
    const Digest expected = hmacSha256("Jefe", text);
    EXPECT_EQ(hmacSha256(std::span<const std::uint8_t>(key), std::span<const std::uint8_t>(data)), expected);
    EXPECT_EQ(hmacSha256(std::as_bytes(std::span(key)), std::as_bytes(std::span(data))), expected);
}

TEST(HmacSha256, EmptyKeyAndDataAreValid)
{
    // HMAC-SHA-256 with an empty key over an empty message (a widely published value).
    EXPECT_EQ(toHex(hmacSha256("", "")), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    EXPECT_NE(hmacSha256("", "x"), hmacSha256("k", "x"));
}

} // namespace
} // namespace sigma::crypto
