#include "drivers/scale/CasApCodec.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "devices/Scale.h"

namespace sigma {
namespace {

using drivers::scale::CasApCodec;
using drivers::scale::CasWeightFrame;

std::vector<std::uint8_t> bytesOf(const std::string& middle)
{
    // SOH STX <STA SIGN W1..W6 U1 U2> BCC ETX EOT
    std::vector<std::uint8_t> out = {0x01, 0x02};
    for (const char c : middle) {
        out.push_back(static_cast<std::uint8_t>(c));
    }
    out.push_back(CasApCodec::bcc(std::span(out).subspan(2)));
    out.push_back(0x03);
    out.push_back(0x04);
    return out;
}

TEST(CasApCodec, EncodesAStableWeightByteForByte)
{
    const auto frame = CasApCodec::encodeWeightFrame({core::Quantity::fromThousandths(1234), true, false});
    // 'S' ' ' '0' '1' '.' '2' '3' '4' 'k' 'g': XOR = 0x53^0x20^0x30^0x31^0x2E^0x32^0x33^0x34^0x6B^0x67
    const std::vector<std::uint8_t> expected = {0x01, 0x02, 'S', ' ', '0',  '1',  '.', '2',
                                                '3',  '4',  'k', 'g', 0x00, 0x03, 0x04};
    ASSERT_EQ(frame.size(), 15u);
    for (std::size_t i = 0; i < frame.size(); ++i) {
        if (i != 12) {
            EXPECT_EQ(frame[i], expected[i]) << "byte " << i;
        }
    }
    std::uint8_t x = 0;
    for (const std::uint8_t b : {0x53, 0x20, 0x30, 0x31, 0x2E, 0x32, 0x33, 0x34, 0x6B, 0x67}) {
        x = static_cast<std::uint8_t>(x ^ b);
    }
    EXPECT_EQ(frame[12], x);
    EXPECT_EQ(x, 0x65);
}

TEST(CasApCodec, DecodesStableUnstableNegativeAndOverload)
{
    auto stable = CasApCodec::decodeWeightFrame(bytesOf("S 01.234kg"));
    ASSERT_TRUE(stable.ok()) << stable.error().message;
    EXPECT_EQ(stable->weight.thousandths(), 1234);
    EXPECT_TRUE(stable->stable);
    EXPECT_FALSE(stable->overload);

    auto moving = CasApCodec::decodeWeightFrame(bytesOf("U 00.350kg"));
    ASSERT_TRUE(moving.ok());
    EXPECT_EQ(moving->weight.thousandths(), 350);
    EXPECT_FALSE(moving->stable);

    auto negative = CasApCodec::decodeWeightFrame(bytesOf("S-00.015kg"));
    ASSERT_TRUE(negative.ok());
    EXPECT_EQ(negative->weight.thousandths(), -15);

    auto overload = CasApCodec::decodeWeightFrame(bytesOf("F     OLkg"));
    ASSERT_TRUE(overload.ok());
    EXPECT_TRUE(overload->overload);
    auto olOnly = CasApCodec::decodeWeightFrame(bytesOf("U     OLkg"));
    ASSERT_TRUE(olOnly.ok());
    EXPECT_TRUE(olOnly->overload);

    // Leading blanks are allowed.
    auto padded = CasApCodec::decodeWeightFrame(bytesOf("S  2.500kg"));
    ASSERT_TRUE(padded.ok()) << padded.error().message;
    EXPECT_EQ(padded->weight.thousandths(), 2500);
}

TEST(CasApCodec, RoundTripsEveryFewGrams)
{
    for (std::int64_t g = -99'999; g <= 99'999; g += 997) {
        for (const bool stable : {true, false}) {
            const auto frame = CasApCodec::encodeWeightFrame({core::Quantity::fromThousandths(g), stable, false});
            auto back = CasApCodec::decodeWeightFrame(frame);
            ASSERT_TRUE(back.ok()) << g;
            EXPECT_EQ(back->weight.thousandths(), g);
            EXPECT_EQ(back->stable, stable);
        }
    }
    const auto beyond = CasApCodec::encodeWeightFrame({core::Quantity::fromThousandths(100'000), true, false});
    EXPECT_TRUE(CasApCodec::decodeWeightFrame(beyond)->overload);
}

TEST(CasApCodec, RefusesMalformedFramesNamingTheByte)
{
    const auto good = bytesOf("S 01.234kg");
    const auto expectBad = [](std::vector<std::uint8_t> bytes, const std::string& what) {
        auto result = CasApCodec::decodeWeightFrame(bytes);
        ASSERT_FALSE(result.ok()) << what;
        EXPECT_EQ(result.error().code, devices::scale_errc::kBadFrame) << what;
        EXPECT_NE(result.error().message.find(what), std::string::npos) << result.error().message;
    };
    expectBad({}, "0 bytes");
    expectBad(std::vector<std::uint8_t>(good.begin(), good.end() - 1), "14 bytes");
    auto noSoh = good;
    noSoh[0] = 0x00;
    expectBad(noSoh, "no SOH");
    auto noStx = good;
    noStx[1] = 0x00;
    expectBad(noStx, "no STX");
    auto noEtx = good;
    noEtx[13] = 0x00;
    expectBad(noEtx, "no ETX");
    auto noEot = good;
    noEot[14] = 0x00;
    expectBad(noEot, "no EOT");
    auto flipped = good;
    flipped[6] = '9'; // a digit changed on the line: the checksum catches it
    expectBad(flipped, "checksum");
    expectBad(bytesOf("X 01.234kg"), "unknown status");
    expectBad(bytesOf("S+01.234kg"), "bad sign");
    expectBad(bytesOf("S 01.234lb"), "unit");
    expectBad(bytesOf("S 0.1234kg"), "not a number");
    expectBad(bytesOf("S 01.2.4kg"), "not a number");
    expectBad(bytesOf("S 01 234kg"), "not a number");
}

TEST(CasApCodec, RandomBytesNeverCrash)
{
    std::mt19937 random(20261204);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 40);
    int accepted = 0;
    for (int i = 0; i < 50'000; ++i) {
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(length(random)));
        for (auto& b : bytes) {
            b = static_cast<std::uint8_t>(byte(random));
        }
        if (i % 2 == 0 && bytes.size() >= 15) {
            // Half the time a plausible frame shape with random content, so the deeper checks run too.
            bytes.resize(15);
            bytes[0] = 0x01;
            bytes[1] = 0x02;
            bytes[12] = CasApCodec::bcc(std::span(bytes).subspan(2, 10));
            bytes[13] = 0x03;
            bytes[14] = 0x04;
        }
        auto result = CasApCodec::decodeWeightFrame(bytes);
        if (result.ok()) {
            ++accepted;
            EXPECT_LE(result->weight.thousandths(), CasApCodec::kMaxThousandths);
            EXPECT_GE(result->weight.thousandths(), -CasApCodec::kMaxThousandths);
        } else {
            EXPECT_EQ(result.error().code, devices::scale_errc::kBadFrame);
        }
    }
    EXPECT_LT(accepted, 50'000);
}

} // namespace
} // namespace sigma
