#include "core/Money.h"

#include "core/ErrorCodes.h"
#include "core/Quantity.h"

#include <gtest/gtest.h>

#include <limits>

namespace sigma::core {
namespace {

struct ParseCase {
    const char* text;
    std::int64_t kopecks;
};

void PrintTo(const ParseCase& c, std::ostream* os)
{
    *os << "'" << c.text << "'";
}

class MoneyParseValid : public ::testing::TestWithParam<ParseCase> {};

TEST_P(MoneyParseValid, ParsesExactly)
{
    auto parsed = Money::parse(GetParam().text);
    ASSERT_TRUE(parsed.ok()) << GetParam().text << ": " << parsed.error().message;
    EXPECT_EQ(parsed->kopecks(), GetParam().kopecks) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Money, MoneyParseValid,
                         ::testing::Values(ParseCase{"1234.50", 123450}, ParseCase{"1234,50", 123450},
                                           ParseCase{"1 234,50 \xE2\x82\xBD", 123450},
                                           ParseCase{"1\xC2\xA0" "234,50\xC2\xA0\xE2\x82\xBD", 123450},
                                           ParseCase{"1\xE2\x80\xAF" "234.5", 123450}, ParseCase{"0", 0},
                                           ParseCase{"0.01", 1}, ParseCase{"0.1", 10}, ParseCase{"-5", -500},
                                           ParseCase{"  42  ", 4200}, ParseCase{"12 345 678,90", 1234567890},
                                           ParseCase{"99 999 999.99", 9999999999}, ParseCase{"150 руб.", 15000},
                                           ParseCase{"150руб", 15000}, ParseCase{"7 р.", 700},
                                           ParseCase{"+3.30", 330}, ParseCase{"007", 700}));

struct BadCase {
    const char* text;
    int code;
};

void PrintTo(const BadCase& c, std::ostream* os)
{
    *os << "'" << c.text << "'";
}

class MoneyParseInvalid : public ::testing::TestWithParam<BadCase> {};

TEST_P(MoneyParseInvalid, RefusesWithNamedError)
{
    auto parsed = Money::parse(GetParam().text);
    ASSERT_FALSE(parsed.ok()) << GetParam().text << " parsed as " << parsed->toString();
    EXPECT_EQ(parsed.error().code, GetParam().code) << parsed.error().message;
    EXPECT_FALSE(parsed.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Money, MoneyParseInvalid,
    ::testing::Values(BadCase{"", errc::kBadMoney}, BadCase{"   ", errc::kBadMoney}, BadCase{"12.345", errc::kBadMoney},
                      BadCase{"12,3456", errc::kBadMoney}, BadCase{"abc", errc::kBadMoney},
                      BadCase{"12.3.4", errc::kBadMoney}, BadCase{"1e5", errc::kBadMoney},
                      BadCase{"12.", errc::kBadMoney}, BadCase{".5", errc::kBadMoney}, BadCase{"--5", errc::kBadMoney},
                      BadCase{"12 34", errc::kBadMoney}, BadCase{"1 2345", errc::kBadMoney},
                      BadCase{"1234 567", errc::kBadMoney}, BadCase{"1,234.50", errc::kBadMoney},
                      BadCase{"0x10", errc::kBadMoney}, BadCase{"12$", errc::kBadMoney},
                      BadCase{"\xE2\x82\xBD", errc::kBadMoney}, BadCase{"100 000 000", errc::kMoneyOutOfRange},
                      BadCase{"100000000.00", errc::kMoneyOutOfRange},
                      BadCase{"99999999999999999999999999", errc::kMoneyOutOfRange}));

TEST(Money, ErrorMessageNamesTheProblem)
{
    auto parsed = Money::parse("12.345");
    ASSERT_FALSE(parsed.ok());
    EXPECT_NE(parsed.error().message.find("more than 2 decimal places"), std::string::npos) << parsed.error().message;
    EXPECT_NE(parsed.error().message.find("12.345"), std::string::npos);
}

TEST(Money, UnlimitedParseAcceptsLargeTotals)
{
    auto parsed = Money::parseUnlimited("123 456 789 012,34");
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->kopecks(), 12345678901234);
    EXPECT_FALSE(Money::parseUnlimited("92233720368547758.08").ok()); // INT64_MAX + 1
    EXPECT_TRUE(Money::parseUnlimited("92233720368547758.07").ok());
}

TEST(Money, FormatsInRussianStyle)
{
    EXPECT_EQ(Money::fromKopecks(123450).format(), "1\xC2\xA0" "234,50\xC2\xA0\xE2\x82\xBD");
    EXPECT_EQ(Money::fromKopecks(5).format(false), "0,05");
    EXPECT_EQ(Money::fromKopecks(-100000000).format(false), "-1\xC2\xA0" "000\xC2\xA0" "000,00");
    EXPECT_EQ(Money::fromKopecks(99999).format(false), "999,99");
}

TEST(Money, MachineFormRoundTrips)
{
    for (std::int64_t k : {0LL, 1LL, 10LL, 99LL, 100LL, 123456LL, -1LL, -250LL, 9999999999LL}) {
        const Money m = Money::fromKopecks(k);
        auto back = Money::parse(m.toString());
        ASSERT_TRUE(back.ok()) << m.toString();
        EXPECT_EQ(*back, m);
    }
    EXPECT_EQ(Money::fromKopecks(std::numeric_limits<std::int64_t>::min()).toString(), "-92233720368547758.08");
    // The exact text, two fraction digits always (a parse round trip would accept "0.5" too).
    EXPECT_EQ(Money::fromKopecks(5).toString(), "0.05");
    EXPECT_EQ(Money::fromKopecks(-1230).toString(), "-12.30");
    EXPECT_EQ(Money::fromKopecks(100).toString(), "1.00");
}

TEST(Money, CheckedArithmeticReportsOverflow)
{
    const Money max = Money::fromKopecks(std::numeric_limits<std::int64_t>::max());
    const Money min = Money::fromKopecks(std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(max.checkedAdd(Money::fromKopecks(1)).error().code, errc::kMoneyOverflow);
    EXPECT_EQ(min.checkedSub(Money::fromKopecks(1)).error().code, errc::kMoneyOverflow);
    EXPECT_EQ(max.checkedMul(2).error().code, errc::kMoneyOverflow);
    EXPECT_EQ(Money::fromKopecks(7).checkedMul(3)->kopecks(), 21);
    EXPECT_EQ(Money::fromKopecks(7).checkedAdd(Money::fromKopecks(-10))->kopecks(), -3);
}

TEST(Money, OperatorsThrowInsteadOfWrapping)
{
    const Money max = Money::fromKopecks(std::numeric_limits<std::int64_t>::max());
    EXPECT_THROW((void)(max + Money::fromKopecks(1)), MoneyOverflowError);
    EXPECT_THROW((void)(-Money::fromKopecks(std::numeric_limits<std::int64_t>::min())), MoneyOverflowError);
    Money m = Money::fromKopecks(100);
    m += Money::fromKopecks(50);
    m -= Money::fromKopecks(25);
    EXPECT_EQ(m.kopecks(), 125);
}

TEST(Money, TimesQuantityRoundsHalfUp)
{
    // 0.125 kg × 199.99 = 24.99875 → 25.00
    EXPECT_EQ(Money::fromKopecks(19999).checkedTimes(Quantity::fromThousandths(125))->kopecks(), 2500);
    // 10.01 × 0.5 = 5.005 → 5.01 (half up, not to even)
    EXPECT_EQ(Money::fromKopecks(1001).checkedTimes(Quantity::fromThousandths(500))->kopecks(), 501);
    // 0.99 × 1.5 = 1.485 → 1.49
    EXPECT_EQ(Money::fromKopecks(99).checkedTimes(Quantity::fromThousandths(1500))->kopecks(), 149);
    // 0.01 × 0.499 = 0.00499 → 0.00
    EXPECT_EQ(Money::fromKopecks(1).checkedTimes(Quantity::fromThousandths(499))->kopecks(), 0);
    // negative amounts round away from zero symmetrically
    EXPECT_EQ(Money::fromKopecks(-1001).checkedTimes(Quantity::fromThousandths(500))->kopecks(), -501);
    // huge products do not overflow the intermediate
    const Money max = Money::fromKopecks(std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(max.checkedTimes(Quantity::fromThousandths(1000))->kopecks(), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(max.checkedTimes(Quantity::fromThousandths(2000)).error().code, errc::kMoneyOverflow);
}

} // namespace
} // namespace sigma::core
