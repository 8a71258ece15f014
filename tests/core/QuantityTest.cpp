#include "core/Quantity.h"

#include "core/ErrorCodes.h"
#include "core/MeasureUnit.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

TEST(Quantity, ParsesUpToThreeDecimals)
{
    EXPECT_EQ(Quantity::parse("2")->thousandths(), 2000);
    EXPECT_EQ(Quantity::parse("0.125")->thousandths(), 125);
    EXPECT_EQ(Quantity::parse("0,125")->thousandths(), 125);
    EXPECT_EQ(Quantity::parse("1.5")->thousandths(), 1500);
    EXPECT_EQ(Quantity::parse("99999.999")->thousandths(), Quantity::kMaxThousandths);
}

TEST(Quantity, RefusesMalformedValues)
{
    EXPECT_EQ(Quantity::parse("0.1234").error().code, errc::kBadQuantity);
    EXPECT_EQ(Quantity::parse("-1").error().code, errc::kBadQuantity);
    EXPECT_EQ(Quantity::parse("1 000").error().code, errc::kBadQuantity);
    EXPECT_EQ(Quantity::parse("").error().code, errc::kBadQuantity);
    EXPECT_EQ(Quantity::parse("2kg").error().code, errc::kBadQuantity);
    EXPECT_EQ(Quantity::parse("100000").error().code, errc::kQuantityOutOfRange);
}

TEST(Quantity, Formats)
{
    EXPECT_EQ(Quantity::fromThousandths(125).toString(), "0.125");
    EXPECT_EQ(Quantity::fromThousandths(1500).toString(), "1.5");
    EXPECT_EQ(Quantity::pieces(3).toString(), "3");
    EXPECT_EQ(Quantity::fromThousandths(2000).toFixedString(), "2.000");
    EXPECT_EQ(Quantity::fromThousandths(5).toFixedString(), "0.005");
}

TEST(MeasureUnit, FfdCodesAndNames)
{
    EXPECT_EQ(measureUnitCode(MeasureUnit::Piece), 0);
    EXPECT_EQ(measureUnitCode(MeasureUnit::Kilogram), 11);
    EXPECT_EQ(measureUnitCode(MeasureUnit::Other), 255);
    EXPECT_EQ(*parseMeasureUnit("kilogram"), MeasureUnit::Kilogram);
    EXPECT_EQ(*parseMeasureUnit("11"), MeasureUnit::Kilogram);
    EXPECT_EQ(*parseMeasureUnit("0"), MeasureUnit::Piece);
    EXPECT_EQ(parseMeasureUnit("13").error().code, errc::kUnknownMeasureUnit);
    EXPECT_EQ(parseMeasureUnit("bag").error().code, errc::kUnknownMeasureUnit);
    EXPECT_FALSE(measureUnitAllowsFractions(MeasureUnit::Piece));
    EXPECT_TRUE(measureUnitAllowsFractions(MeasureUnit::Kilogram));
}

} // namespace
} // namespace sigma::core
