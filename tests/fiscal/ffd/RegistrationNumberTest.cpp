#include "fiscal/ffd/RegistrationNumber.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/Crc16.h"

#include <gtest/gtest.h>

namespace sigma::fiscal::ffd {
namespace {

TEST(Crc16, CcittFalseCheckValue)
{
    EXPECT_EQ(crc16CcittFalse("123456789"), 0x29B1);
    EXPECT_EQ(crc16CcittFalse(""), 0xFFFF);
    const std::uint8_t zero[] = {0};
    EXPECT_EQ(crc16CcittFalse(std::span<const std::uint8_t>(zero)), 0xE1F0);
}

// Vectors computed independently (a Python CRC-16/CCITT-FALSE over the padded ASCII text).
TEST(RegistrationNumber, MakesTheCheckDigits)
{
    // "0000000001" + "007707083893" + "00000000106100000001" → CRC 55823
    auto organisation = makeRegistrationNumber("0000000001", "7707083893", "00106100000001");
    ASSERT_TRUE(organisation.ok()) << organisation.error().message;
    EXPECT_EQ(*organisation, "0000000001055823");

    // A 12-digit INN and a short serial: padding with zeros on the left. CRC 49242.
    auto entrepreneur = makeRegistrationNumber("0000123456", "500100732259", "12345");
    ASSERT_TRUE(entrepreneur.ok()) << entrepreneur.error().message;
    EXPECT_EQ(*entrepreneur, "0000123456049242");
}

TEST(RegistrationNumber, ChecksWhatItMakes)
{
    for (const char* first : {"0000000001", "1234567890", "9999999999"}) {
        for (const char* inn : {"7707083893", "500100732259"}) {
            for (const char* serial : {"1", "00106100000001", "12345678901234567890"}) {
                auto number = makeRegistrationNumber(first, inn, serial);
                ASSERT_TRUE(number.ok()) << number.error().message;
                ASSERT_EQ(number->size(), 16U);
                EXPECT_TRUE(checkRegistrationNumber(*number, inn, serial).ok()) << *number;
            }
        }
    }
}

TEST(RegistrationNumber, DetectsAWrongDigitInnOrSerial)
{
    const std::string number = makeRegistrationNumber("0000000001", "7707083893", "00106100000001").value();
    for (std::size_t i = 0; i < number.size(); ++i) {
        std::string changed = number;
        changed[i] = changed[i] == '9' ? '0' : static_cast<char>(changed[i] + 1);
        const auto status = checkRegistrationNumber(changed, "7707083893", "00106100000001");
        ASSERT_FALSE(status.ok()) << changed;
        EXPECT_EQ(status.error().code, core::errc::kRegistrationNumberMismatch);
        EXPECT_EQ(status.error().field, "registrationNumber");
    }
    EXPECT_EQ(checkRegistrationNumber(number, "7707083894", "00106100000001").error().code,
              core::errc::kRegistrationNumberMismatch);
    EXPECT_EQ(checkRegistrationNumber(number, "7707083893", "00106100000002").error().code,
              core::errc::kRegistrationNumberMismatch);
    // Leading zeros of the serial are padding: "106100000001" is the same serial.
    EXPECT_TRUE(checkRegistrationNumber(number, "7707083893", "106100000001").ok());
}

struct BadInput {
    const char* first10;
    const char* inn;
    const char* serial;
    const char* field;
};

class RegistrationNumberBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(RegistrationNumberBadInput, IsRefused)
{
    const auto& c = GetParam();
    auto number = makeRegistrationNumber(c.first10, c.inn, c.serial);
    ASSERT_FALSE(number.ok());
    EXPECT_EQ(number.error().code, core::errc::kBadRegistrationNumber);
    EXPECT_EQ(number.error().field, c.field);
}

INSTANTIATE_TEST_SUITE_P(RegistrationNumber, RegistrationNumberBadInput,
                         ::testing::Values(BadInput{"000000001", "7707083893", "1", "first10Digits"},
                                           BadInput{"00000000011", "7707083893", "1", "first10Digits"},
                                           BadInput{"000000000A", "7707083893", "1", "first10Digits"},
                                           BadInput{"0000000001", "770708389", "1", "inn"},
                                           BadInput{"0000000001", "77070838931", "1", "inn"},
                                           BadInput{"0000000001", "7707O83893", "1", "inn"},
                                           BadInput{"0000000001", "", "1", "inn"},
                                           BadInput{"0000000001", "7707083893", "", "serial"},
                                           BadInput{"0000000001", "7707083893", "123456789012345678901", "serial"},
                                           BadInput{"0000000001", "7707083893", "AB123", "serial"}));

TEST(RegistrationNumber, CheckRefusesMalformedNumbers)
{
    for (const char* bad : {"", "000000000105582", "00000000010558230", "000000000105582X", " 000000000105582"}) {
        const auto status = checkRegistrationNumber(bad, "7707083893", "00106100000001");
        ASSERT_FALSE(status.ok()) << bad;
        EXPECT_EQ(status.error().code, core::errc::kBadRegistrationNumber) << bad;
    }
    EXPECT_EQ(checkRegistrationNumber("0000000001055823", "123", "00106100000001").error().code,
              core::errc::kBadRegistrationNumber);
}

} // namespace
} // namespace sigma::fiscal::ffd
