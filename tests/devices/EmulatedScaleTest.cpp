#include "drivers/scale/EmulatedScale.h"

#include "drivers/scale/ScaleDrivers.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include "devices/StableWeight.h"

namespace sigma {
namespace {

using drivers::scale::EmulatedScale;
using drivers::scale::EmulatedScaleState;

class EmulatedScaleTest : public ::testing::Test {
protected:
    std::unique_ptr<EmulatedScale> open()
    {
        auto scale = EmulatedScale::open({m_dir / "scale.db", &m_clock});
        EXPECT_TRUE(scale.ok()) << scale.error().message;
        return scale.ok() ? std::move(*scale) : nullptr;
    }

    test::TempDir m_dir{"sigma-scale"};
    test::ManualClock m_clock;
};

TEST_F(EmulatedScaleTest, ApplesPutOnByAnotherHandleShowOnTheNextReading)
{
    auto terminal = open();
    auto other = open(); // as another process would: its own connection to scale.db
    auto empty = terminal->read();
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->weight.thousandths(), 0);
    EXPECT_TRUE(empty->stable);

    ASSERT_TRUE(other->place(core::Quantity::fromThousandths(1480), 500).ok());
    auto settling = terminal->read();
    ASSERT_TRUE(settling.ok());
    EXPECT_EQ(settling->weight.thousandths(), 1480);
    EXPECT_FALSE(settling->stable);
    m_clock.advance(std::chrono::milliseconds(500));
    auto settled = terminal->read();
    EXPECT_TRUE(settled->stable);
    EXPECT_EQ(settled->atUs, core::toUnixMicros(m_clock.now()));
}

TEST_F(EmulatedScaleTest, StableWeightRuleOverTheEmulator)
{
    auto scale = open();
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(2345), 200).ok());
    devices::StableWeight rule;
    std::optional<core::Quantity> weight;
    for (int i = 0; i < 20 && !weight; ++i) {
        auto reading = scale->read();
        ASSERT_TRUE(reading.ok());
        const auto verdict = rule.feed(*reading);
        if (verdict.state == devices::StableWeight::State::Stable) {
            weight = verdict.weight;
        }
        m_clock.advance(std::chrono::milliseconds(100));
    }
    ASSERT_TRUE(weight);
    EXPECT_EQ(weight->thousandths(), 2345);
}

TEST_F(EmulatedScaleTest, NoiseDriftOverloadAndFaults)
{
    auto scale = open();
    auto state = scale->state();
    ASSERT_TRUE(state.ok());
    state->gross = core::Quantity::fromThousandths(1000);
    state->noiseGrams = 3;
    ASSERT_TRUE(scale->setState(*state).ok());
    bool varied = false;
    for (int i = 0; i < 20; ++i) {
        const auto r = scale->read();
        ASSERT_TRUE(r.ok());
        EXPECT_GE(r->weight.thousandths(), 997);
        EXPECT_LE(r->weight.thousandths(), 1003);
        varied = varied || r->weight.thousandths() != 1000;
    }
    EXPECT_TRUE(varied);

    state = scale->state();
    state->noiseGrams = 0;
    state->driftGramsPerSecond = 10;
    state->placedAtUs = core::toUnixMicros(m_clock.now());
    ASSERT_TRUE(scale->setState(*state).ok());
    m_clock.advance(std::chrono::seconds(2));
    EXPECT_EQ(scale->read()->weight.thousandths(), 1020);

    state = scale->state();
    state->driftGramsPerSecond = 0;
    state->gross = core::Quantity::pieces(16); // above the 15 kg capacity
    state->failCount = 1;
    ASSERT_TRUE(scale->setState(*state).ok());
    auto failed = scale->read();
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, devices::scale_errc::kNoAnswer);
    EXPECT_TRUE(scale->read()->overload);
}

TEST_F(EmulatedScaleTest, ZeroAndTare)
{
    auto scale = open();
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(12)).ok()); // crumbs on the platform
    ASSERT_TRUE(scale->zero().ok());
    EXPECT_EQ(scale->read()->weight.thousandths(), 0);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(212)).ok()); // a 200 g tray
    ASSERT_TRUE(scale->tare().ok());
    EXPECT_EQ(scale->read()->weight.thousandths(), 0);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(1212)).ok());
    EXPECT_EQ(scale->read()->weight.thousandths(), 1000);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(12)).ok()); // the tray taken off
    const auto below = scale->read();
    EXPECT_TRUE(below->negative);
    EXPECT_EQ(below->weight.thousandths(), -200);
    // Zero is refused with goods on it, and while the weight moves.
    ASSERT_TRUE(scale->place(core::Quantity::pieces(2)).ok());
    EXPECT_EQ(scale->zero().error().code, devices::scale_errc::kOverload);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(5), 1000).ok());
    EXPECT_EQ(scale->zero().error().code, devices::scale_errc::kNotStable);
}

TEST_F(EmulatedScaleTest, SettingsSchemaAndFactory)
{
    using drivers::scale::ScaleDrivers;
    const auto described = ScaleDrivers::describe();
    ASSERT_EQ(described.size(), 2u);
    EXPECT_EQ(described[1]["id"], "casAp");
    EXPECT_EQ(described[1]["settings"][2]["choices"].size(), 3u);

    auto resolved = ScaleDrivers::resolveSettings("casAp", {{"port", "/dev/ttyS1"}});
    ASSERT_TRUE(resolved.ok());
    EXPECT_EQ((*resolved)["baudRate"], 9600);
    EXPECT_EQ((*resolved)["parity"], "none");
    auto badParity = ScaleDrivers::resolveSettings("casAp", {{"parity", "mark"}});
    ASSERT_FALSE(badParity.ok());
    EXPECT_EQ(badParity.error().code, devices::scale_errc::kBadSettings);
    EXPECT_EQ(badParity.error().field, "settings.parity");
    EXPECT_FALSE(ScaleDrivers::resolveSettings("casAp", {{"baudRate", 300}}).ok());
    EXPECT_FALSE(ScaleDrivers::resolveSettings("mettler", {}).ok());

    auto scale = ScaleDrivers::open("emulator", {}, {m_dir.path(), &m_clock});
    ASSERT_TRUE(scale.ok()) << scale.error().message;
    EXPECT_EQ((*scale)->driverId(), "emulator");
    EXPECT_TRUE(std::filesystem::exists(m_dir / "scale.db"));
    auto missingPort =
        ScaleDrivers::open("casAp", {{"port", (m_dir / "no-such-tty").string()}}, {m_dir.path(), &m_clock});
    ASSERT_FALSE(missingPort.ok());
    EXPECT_EQ(missingPort.error().code, devices::scale_errc::kPortFailed);
}

} // namespace
} // namespace sigma
