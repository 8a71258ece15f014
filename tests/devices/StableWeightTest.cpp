#include "devices/StableWeight.h"

#include <gtest/gtest.h>

namespace sigma {
namespace {

using devices::StableWeight;
using State = StableWeight::State;

devices::WeightReading at(std::int64_t ms, std::int64_t grams, bool stable = true)
{
    devices::WeightReading r;
    r.weight = core::Quantity::fromThousandths(grams);
    r.stable = stable;
    r.negative = grams < 0;
    r.atUs = 1'000'000'000 + ms * 1000;
    return r;
}

TEST(StableWeight, ReportsAfterThreeReadingsOverThreeHundredMs)
{
    StableWeight rule;
    EXPECT_EQ(rule.feed(at(0, 1250)).state, State::Settling);
    EXPECT_EQ(rule.feed(at(150, 1251)).state, State::Settling);
    // Three readings, but only 299 ms apart: not yet.
    EXPECT_EQ(rule.feed(at(299, 1250)).state, State::Settling);
    const auto verdict = rule.feed(at(300, 1249));
    EXPECT_EQ(verdict.state, State::Stable);
    EXPECT_EQ(verdict.weight.thousandths(), 1249);
}

TEST(StableWeight, ThreeHundredMsAreNotEnoughWithTwoReadings)
{
    StableWeight rule;
    rule.feed(at(0, 500));
    EXPECT_EQ(rule.feed(at(1000, 500)).state, State::Settling);
    EXPECT_EQ(rule.feed(at(1100, 500)).state, State::Stable);
}

TEST(StableWeight, AMovingWeightStartsTheRunAgain)
{
    StableWeight rule;
    rule.feed(at(0, 1000));
    rule.feed(at(150, 1002));
    // 3 g away from 1000: out of the band, a new run starts at 1003.
    EXPECT_EQ(rule.feed(at(300, 1003)).state, State::Settling);
    EXPECT_EQ(rule.feed(at(450, 1003)).state, State::Settling);
    EXPECT_EQ(rule.feed(at(600, 1004)).state, State::Stable);
}

TEST(StableWeight, TheScalesOwnUnstableFlagResets)
{
    StableWeight rule;
    rule.feed(at(0, 700));
    rule.feed(at(150, 700));
    EXPECT_EQ(rule.feed(at(300, 700, false)).state, State::Settling);
    EXPECT_EQ(rule.feed(at(450, 700)).state, State::Settling);
}

TEST(StableWeight, RefusesZeroNegativeAndOverload)
{
    StableWeight rule;
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(rule.feed(at(i * 200, 0)).state, State::Empty);
    }
    EXPECT_EQ(rule.feed(at(2000, -5)).state, State::Negative);
    auto over = at(2100, 0);
    over.overload = true;
    EXPECT_EQ(rule.feed(over).state, State::Overload);
    EXPECT_EQ(StableWeight::errorFor({State::Overload, {}}).code, devices::scale_errc::kOverload);
    EXPECT_EQ(StableWeight::errorFor({State::Empty, {}}).code, devices::scale_errc::kNoWeight);
    EXPECT_EQ(StableWeight::errorFor({State::Negative, {}}).code, devices::scale_errc::kNoWeight);
    EXPECT_EQ(StableWeight::errorFor({State::Settling, {}}).code, devices::scale_errc::kNotStable);
    // An overload in the middle of a run ends it.
    rule.feed(at(3000, 400));
    rule.feed(at(3150, 400));
    rule.feed(over);
    EXPECT_EQ(rule.feed(at(3300, 400)).state, State::Settling);
}

TEST(StableWeight, TheRuleIsConfigurable)
{
    StableWeight rule({5, 10, 100});
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(rule.feed(at(i * 50, 2000 + i * 2)).state, State::Settling);
    }
    EXPECT_EQ(rule.feed(at(200, 2009)).state, State::Stable);
}

} // namespace
} // namespace sigma
