#include "fiscal/ffd/FiscalSign.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/TlvTestSupport.h"

#include <gtest/gtest.h>

namespace sigma::fiscal::ffd {
namespace {

using test::hexBytes;

TEST(FiscalSign, PrintedFormIsBytesTwoToFiveBigEndian)
{
    // 1494325660 = 0x5911999C, FISCAL.md's example sign.
    const std::array<std::uint8_t, 6> bytes = {0xAB, 0xCD, 0x59, 0x11, 0x99, 0x9C};
    EXPECT_EQ(fiscalSignFromBytes(bytes), 1494325660U);
    const std::array<std::uint8_t, 6> max = {0, 0, 0xFF, 0xFF, 0xFF, 0xFF};
    EXPECT_EQ(fiscalSignFromBytes(max), 4294967295U);
    const std::array<std::uint8_t, 6> zero = {0xFF, 0xFF, 0, 0, 0, 0};
    EXPECT_EQ(fiscalSignFromBytes(zero), 0U);
}

TEST(FiscalSign, PackingIsTheInverse)
{
    EXPECT_EQ(fiscalSignToBytes(1494325660), (std::array<std::uint8_t, 6>{0, 0, 0x59, 0x11, 0x99, 0x9C}));
    EXPECT_EQ(fiscalSignToBytes(1494325660, {0xAB, 0xCD}),
              (std::array<std::uint8_t, 6>{0xAB, 0xCD, 0x59, 0x11, 0x99, 0x9C}));
    for (std::uint32_t sign : {0U, 1U, 255U, 256U, 1494325660U, 4294967295U}) {
        EXPECT_EQ(fiscalSignFromBytes(fiscalSignToBytes(sign, {1, 2})), sign);
    }
}

TEST(FiscalSign, ParseChecksTheSize)
{
    EXPECT_EQ(*parseFiscalSign(hexBytes("00 00 59 11 99 9C")), 1494325660U);
    EXPECT_EQ(parseFiscalSign(hexBytes("59 11 99 9C")).error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(parseFiscalSign(hexBytes("00 00 00 59 11 99 9C")).error().code, core::errc::kTlvBadValue);
}

} // namespace
} // namespace sigma::fiscal::ffd
