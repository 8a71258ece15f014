#include "crypto/OsRandom.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sigma::crypto {
namespace {

TEST(CryptoRandom, FillsTheWholeBuffer)
{
    // Filled twice from opposite starting patterns: a byte left unwritten would keep its pattern
    // both times. The chance of a real random byte matching both is 1/65536 per byte.
    OsRandom random;
    std::vector<std::byte> zeros(4096, std::byte{0x00});
    std::vector<std::byte> ones(4096, std::byte{0xFF});
    random.fill(zeros);
    random.fill(ones);
    std::size_t untouched = 0;
    for (std::size_t i = 0; i < zeros.size(); ++i) {
        if (zeros[i] == std::byte{0x00} && ones[i] == std::byte{0xFF}) {
            ++untouched;
        }
    }
    EXPECT_LT(untouched, 4u);
    // The tail, where an off-by-one would show, is written.
    EXPECT_FALSE(std::all_of(zeros.end() - 16, zeros.end(), [](std::byte b) { return b == std::byte{0}; }));
}

TEST(CryptoRandom, IsNotConstant)
{
    std::set<std::vector<std::uint8_t>> seen;
    for (int i = 0; i < 100; ++i) {
        EXPECT_TRUE(seen.insert(randomBytes(16)).second);
    }
    OsRandom random;
    std::array<std::byte, 32> a{};
    std::array<std::byte, 32> b{};
    random.fill(a);
    random.fill(b);
    EXPECT_NE(a, b);
}

TEST(CryptoRandom, BytesAndTokensHaveTheRequestedSize)
{
    EXPECT_TRUE(randomBytes(0).empty());
    EXPECT_EQ(randomBytes(1).size(), 1u);
    EXPECT_EQ(randomBytes(100'000).size(), 100'000u);
    EXPECT_EQ(randomToken(0), "");
    const std::string token = randomToken(16);
    EXPECT_EQ(token.size(), 32u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos) << token;
    EXPECT_NE(token, randomToken(16));
}

TEST(CryptoRandom, FillOfNothingIsFine)
{
    OsRandom random;
    random.fill({});
}

} // namespace
} // namespace sigma::crypto
