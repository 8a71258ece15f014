#include "core/Discount.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

TEST(Discount, PercentParsesAndRoundsHalfUp)
{
    auto five = Discount::parsePercent("5");
    ASSERT_TRUE(five.ok());
    EXPECT_EQ(five->percentHundredths(), 500);
    EXPECT_EQ(five->on(Money::fromKopecks(1010)).kopecks(), 51); // 50.5 → 51
    EXPECT_EQ(Discount::parsePercent("12,25%")->percentHundredths(), 1225);
    EXPECT_EQ(Discount::parsePercent("100")->on(Money::fromKopecks(777)).kopecks(), 777);
    EXPECT_EQ(Discount::parsePercent("100.01").error().code, errc::kBadPercent);
    EXPECT_EQ(Discount::parsePercent("-1").error().code, errc::kBadPercent);
    EXPECT_EQ(Discount::parsePercent("5.555").error().code, errc::kBadPercent);
}

TEST(Discount, AmountIsTakenAsIs)
{
    EXPECT_EQ(Discount::ofAmount(Money::fromKopecks(150)).on(Money::fromKopecks(100000)).kopecks(), 150);
    EXPECT_EQ(Discount::ofAmount(Money::fromKopecks(15000)).toString(), "150.00");
    EXPECT_EQ(Discount::ofPercentHundredths(550).toString(), "5.5%");
    EXPECT_EQ(Discount::ofPercentHundredths(1225).toString(), "12.25%");
}

} // namespace
} // namespace sigma::core
