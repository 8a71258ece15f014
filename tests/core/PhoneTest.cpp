#include "core/Phone.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

TEST(Phone, NormalisesCommonRussianFormats)
{
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"8 (999) 123-45-67", "+79991234567"},
        {"+7 999 1234567", "+79991234567"},
        {"+7 (999) 123-45-67", "+79991234567"},
        {"89991234567", "+79991234567"},
        {"79991234567", "+79991234567"},
        {"+79991234567", "+79991234567"},
        {"9991234567", "+79991234567"},
        {"7-999-123-45-67", "+79991234567"},
        {"8.999.123.45.67", "+79991234567"},
        {" 8 999 123 45 67 ", "+79991234567"},
        {"8\xC2\xA0"
         "999\xC2\xA0"
         "123-45-67",
         "+79991234567"},                      // no-break spaces from a copied text
        {"8 (495) 123-45-67", "+74951234567"}, // a Moscow landline
        {"8 (812) 123-45-67", "+78121234567"}, // St Petersburg: an 8xx area code
        {"495 123-45-67", "+74951234567"},
        {"+7 727 123 4567", "+77271234567"}, // +7 is shared with Kazakhstan
    };
    for (const auto& [input, expected] : cases) {
        const auto phone = normalizePhone(input);
        ASSERT_TRUE(phone.ok()) << input << ": " << phone.error().message;
        EXPECT_EQ(*phone, expected) << input;
    }
}

TEST(Phone, RefusesWhatIsNotARussianNumber)
{
    const std::string_view cases[] = {
        "",
        "   ",
        "8 999 123-45-6",   // 9 digits after the 8 (not the 10-digit 8999123456)
        "8999123456",       // 10 digits from 8: ambiguous, refused
        "8 999 123-45-678", // 12 digits
        "+8 999 123 45 67", // 8 is a trunk prefix, not a country code
        "+1 415 555 2671",  // another country
        "+44 20 7946 0958",
        "+7 999 123 45 6",
        "999123456",  // 9 digits
        "0991234567", // a national number does not start with 0
        "8 (999) 123-45-67 доб. 12",
        "8 999 12З-45-67", // a Cyrillic З for a 3
        "8 999 123+45 67",
        "++79991234567",
        "phone: 89991234567",
        "+7 999 123 45 67 00000000000000000000000000000",
    };
    for (const auto input : cases) {
        const auto phone = normalizePhone(input);
        ASSERT_FALSE(phone.ok()) << input << " gave " << *phone;
        EXPECT_EQ(phone.error().code, errc::kBadPhone) << input;
        EXPECT_EQ(phone.error().field, "phone");
    }
}

TEST(Phone, NormalisingIsIdempotent)
{
    const auto once = normalizePhone("8 (912) 000-11-22");
    ASSERT_TRUE(once.ok());
    const auto twice = normalizePhone(*once);
    ASSERT_TRUE(twice.ok());
    EXPECT_EQ(*once, *twice);
}

} // namespace
} // namespace sigma::core
