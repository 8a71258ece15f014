// sigma_cloud_seed (tests/support/CloudSeed.cpp) against the real sigma-cloud binary: days of
// shifts, cash and card sales, returns and cash operations rung on the emulated terminal with a
// clock days in the past, pushed through the signed sync client, arrive in the cloud's projections
// exactly as the seeder's summary says (the summary is what the cabinet's end-to-end test checks
// its pages against).
#include "support/Process.h"
#include "sync/SyncFixture.h"

namespace sigma::sync::test {
namespace {

class SeedHistory : public SyncFixture {};

std::int64_t scalar(cloud::CloudDatabase& cloud, const std::string& sql)
{
    auto lease = cloud.lock();
    auto row = cloud.connection().queryOne(sql, {});
    return row.ok() && *row && !(*row)->isNull(0) ? (*row)->int64(0) : -1;
}

TEST_P(SeedHistory, ARungHistoryArrivesInTheCloudAsSummarised)
{
    activate();
    auto state = SyncStateRepository(*m_database).load();
    ASSERT_TRUE(state.ok());
    const sigma::test::TempDir terminal("sigma-seed-test");
    const auto run = sigma::test::runProcess(SIGMA_SEED_PATH, {"--url", url(""), "--device-id", state->deviceId,
                                                                "--device-key", state->deviceKey, "--days", "3",
                                                                "--seed", "7", "--dir", terminal.path().string()});
    ASSERT_EQ(run.exitCode, 0) << run.out << run.err;
    auto parsed = core::parseJsonExact(run.out);
    ASSERT_TRUE(parsed.ok()) << run.out;
    const core::Json summary = *parsed;
    EXPECT_EQ(run.out.find(state->deviceKey), std::string::npos); // the key is never printed

    // Three closed days, and today's open shift when the shop is open (after 10:00 Moscow time);
    // every day has sales.
    ASSERT_FALSE(summary["shifts"].empty());
    const bool openToday = summary["shifts"].back()["open"].get<bool>();
    const std::int64_t shifts = openToday ? 4 : 3;
    ASSERT_EQ(summary["shifts"].size(), static_cast<std::size_t>(shifts));
    EXPECT_EQ(summary["days"].size(), static_cast<std::size_t>(shifts));
    const auto& totals = summary["totals"];
    EXPECT_GT(totals["salesCount"].get<std::int64_t>(), 45);
    EXPECT_GT(summary["payments"].value("card", std::int64_t{0}), 0);
    EXPECT_GT(summary["payments"].value("cash", std::int64_t{0}), 0);
    EXPECT_GE(summary["cashOperations"].size(), static_cast<std::size_t>(shifts)); // a float put in each shift

    auto* cloud = inspect();
    ASSERT_NE(cloud, nullptr);
    const std::string device = "'" + state->deviceId + "'";
    EXPECT_EQ(scalar(*cloud, "SELECT COUNT(*) FROM receipts WHERE status = 'fiscalized' AND device_id = " + device),
              totals["receipts"].get<std::int64_t>());
    EXPECT_EQ(scalar(*cloud, "SELECT SUM(CASE WHEN operation = 'sellReturn' THEN -total ELSE total END) FROM receipts "
                             "WHERE status = 'fiscalized' AND device_id = " + device),
              totals["revenue"].get<std::int64_t>());
    EXPECT_EQ(scalar(*cloud, "SELECT COUNT(*) FROM receipts WHERE operation = 'sellReturn' AND device_id = " + device),
              totals["returnsCount"].get<std::int64_t>());
    EXPECT_EQ(scalar(*cloud, "SELECT COUNT(*) FROM shifts WHERE device_id = " + device), shifts);
    EXPECT_EQ(scalar(*cloud, "SELECT COUNT(*) FROM shifts WHERE closed_at IS NULL AND device_id = " + device),
              openToday ? 1 : 0);
    EXPECT_EQ(scalar(*cloud, "SELECT COUNT(*) FROM cash_operations WHERE device_id = " + device),
              static_cast<std::int64_t>(summary["cashOperations"].size()));
    std::int64_t overShort = 0;
    for (const auto& shift : summary["shifts"]) {
        overShort += shift.value("overShort", std::int64_t{0});
    }
    EXPECT_EQ(scalar(*cloud, "SELECT COALESCE(SUM(over_short), 0) FROM shifts WHERE device_id = " + device), overShort);
    // The history lies in the past days, as rung: the first receipt is about three days old.
    const auto now = core::toUnixMicros(core::SystemClock().now());
    const auto oldest = scalar(*cloud, "SELECT MIN(created_at) FROM receipts WHERE device_id = " + device);
    EXPECT_LT(oldest, now - 2LL * 24 * 3600 * 1'000'000);
    EXPECT_GT(oldest, now - 4LL * 24 * 3600 * 1'000'000);
}

INSTANTIATE_TEST_SUITE_P(Backends, SeedHistory, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::sync::test
