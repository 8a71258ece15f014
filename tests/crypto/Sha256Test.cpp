#include "crypto/Sha256.h"

#include "crypto/Hex.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace sigma::crypto {
namespace {

// FIPS 180-2 / NIST CSRC example vectors.
constexpr std::string_view kEmptyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr std::string_view kAbcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr std::string_view k448BitMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr std::string_view k448BitDigest = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
constexpr std::string_view kMillionADigest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

TEST(Sha256, NistVectors)
{
    EXPECT_EQ(toHex(sha256(std::string_view())), kEmptyDigest);
    EXPECT_EQ(toHex(sha256("abc")), kAbcDigest);
    EXPECT_EQ(toHex(sha256(k448BitMessage)), k448BitDigest);
    EXPECT_EQ(toHex(sha256(std::string(1'000'000, 'a'))), kMillionADigest);
}

TEST(Sha256, SpanOverloadsAgreeWithText)
{
    const std::string text = "abc";
    const std::vector<std::uint8_t> bytes(text.begin(), text.end());
    EXPECT_EQ(toHex(sha256(std::span<const std::uint8_t>(bytes))), kAbcDigest);
    EXPECT_EQ(toHex(sha256(std::as_bytes(std::span(bytes)))), kAbcDigest);
}

TEST(Sha256, IncrementalMatchesNistVectors)
{
    Sha256 hasher;
    EXPECT_EQ(toHex(hasher.finish()), kEmptyDigest);
    hasher.update("a");
    hasher.update(std::string_view());
    hasher.update("bc");
    EXPECT_EQ(toHex(hasher.finish()), kAbcDigest);
    // finish() starts over: the object hashes a fresh message next.
    for (int i = 0; i < 1000; ++i) {
        hasher.update(std::string(1000, 'a'));
    }
    EXPECT_EQ(toHex(hasher.finish()), kMillionADigest);
}

TEST(Sha256, IncrementalEqualsOneShotOverRandomSplits)
{
    std::mt19937 engine(20251204);
    for (int round = 0; round < 200; ++round) {
        std::uniform_int_distribution<std::size_t> sizeDistribution(0, 3000);
        std::vector<std::uint8_t> message(sizeDistribution(engine));
        for (auto& b : message) {
            b = static_cast<std::uint8_t>(engine());
        }
        Sha256 hasher;
        std::size_t offset = 0;
        while (offset < message.size()) {
            std::uniform_int_distribution<std::size_t> piece(0, message.size() - offset);
            const std::size_t size = piece(engine);
            hasher.update(std::span<const std::uint8_t>(message).subspan(offset, size));
            offset += size;
        }
        ASSERT_EQ(hasher.finish(), sha256(std::span<const std::uint8_t>(message))) << "round " << round;
    }
}

TEST(Sha256, MovedHasherKeepsItsState)
{
    Sha256 first;
    first.update("ab");
    Sha256 second = std::move(first);
    second.update("c");
    EXPECT_EQ(toHex(second.finish()), kAbcDigest);
}

TEST(Sha256, DifferentInputsDiffer)
{
    EXPECT_NE(sha256("abc"), sha256("abd"));
    EXPECT_NE(sha256(std::string_view("\0", 1)), sha256(std::string_view()));
}

} // namespace
} // namespace sigma::crypto
