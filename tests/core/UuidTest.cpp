#include "core/Uuid.h"

#include "core/ErrorCodes.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"

#include <gtest/gtest.h>

#include <set>

namespace sigma::core {
namespace {

TEST(Uuid, V7CarriesTimestampVersionAndVariant)
{
    test::ManualClock clock(Clock::TimePoint(std::chrono::milliseconds(1'764'850'000'123)));
    test::SeededRandom random;
    const Uuid id = Uuid::generateV7(clock, random);
    EXPECT_EQ(id.version(), 7);
    EXPECT_EQ(id.bytes()[8] & 0xC0, 0x80);
    EXPECT_EQ(id.timestampMs(), 1'764'850'000'123);
    EXPECT_FALSE(id.isNil());
}

TEST(Uuid, V7SortsByTime)
{
    test::ManualClock clock;
    test::SeededRandom random;
    std::set<std::string> seen;
    Uuid previous = Uuid::generateV7(clock, random);
    for (int i = 0; i < 1000; ++i) {
        clock.advance(std::chrono::milliseconds(1));
        const Uuid next = Uuid::generateV7(clock, random);
        EXPECT_LT(previous, next);
        EXPECT_LT(previous.toString(), next.toString());
        EXPECT_TRUE(seen.insert(next.toString()).second);
        previous = next;
    }
}

TEST(Uuid, ParsesAndFormats)
{
    auto parsed = Uuid::parse("0190A1B2-C3D4-7E5F-8a9b-0c1d2e3f4a5b");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->toString(), "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    EXPECT_EQ(parsed->version(), 7);
    for (const char* bad : {"", "0190a1b2c3d47e5f8a9b0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5",
                            "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g", "0190a1b2-c3d4-7e5f-8a9b+0c1d2e3f4a5b"}) {
        auto r = Uuid::parse(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, errc::kBadUuid);
    }
    EXPECT_TRUE(Uuid().isNil());
}

} // namespace
} // namespace sigma::core
