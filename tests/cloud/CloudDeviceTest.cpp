// The device API: signed requests, journal ingest with retries, conflicts and projections, the
// change feed.

#include "crypto/Hex.h"
#include "crypto/Sha256.h"

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

class CloudDeviceTest : public CloudFixture {
protected:
    std::int64_t count(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok());
        return row.ok() && row->has_value() ? (*row)->int64(0) : -1;
    }

    static std::vector<std::pair<std::string, core::Json>> sampleEvents()
    {
        return {
            {"shift.opened",
             {{"shiftId", "shift-1"}, {"number", 7}, {"openedAt", 1796378400000000}, {"cashierId", "c1"}}},
            {"receipt.fiscalized",
             {{"receiptId", "r-1"},
              {"shiftId", "shift-1"},
              {"operation", "sell"},
              {"total", 12345},
              {"lines",
               {{{"position", 0}, {"name", "Хлеб"}, {"quantity", 1000}, {"amount", 12345}, {"vatRate", "vat22"}}}},
              {"payments", {{{"type", "cash"}, {"sum", 12345}}}}}},
            {"cash.in", {{"operationId", "op-1"}, {"shiftId", "shift-1"}, {"sum", 50000}, {"reason", "размен"}}},
            {"order.future", {{"anything", "kept verbatim"}}},
        };
    }
};

TEST_P(CloudDeviceTest, IngestsRetriesAndProjects)
{
    const auto account = registerAccount("SN-D1", "9991110001", "d1@example.com");
    ASSERT_FALSE(account.device.key.empty());
    auto events = chain(1, std::string(store::JournalHash::kGenesis), sampleEvents());

    auto first = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody({events[0], events[1]}));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(json(first)["ackedSeq"], 2);
    // A retry of a batch already stored (the answer was lost), overlapping the next events.
    const auto ts = nowSeconds();
    auto retry = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events), ts);
    ASSERT_EQ(retry.status, 200) << retry.body;
    EXPECT_EQ(json(retry)["ackedSeq"], 4);
    // The same body again needs a new signature (a new timestamp), or it is a replay.
    auto replayed = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events), ts);
    EXPECT_EQ(replayed.status, 401);
    auto again = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events),
                            std::to_string(std::stoll(ts) + 1));
    EXPECT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(json(again)["ackedSeq"], 4);

    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events WHERE device_id = $1", {account.device.id}), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM shifts WHERE shift_id = 'shift-1' AND number = 7"), 1);
    EXPECT_EQ(count("SELECT total FROM receipts WHERE receipt_id = 'r-1'"), 12345);
    EXPECT_EQ(count("SELECT COUNT(*) FROM receipt_lines WHERE receipt_id = 'r-1'"), 1);
    EXPECT_EQ(count("SELECT sum FROM receipt_payments WHERE receipt_id = 'r-1'"), 12345);
    EXPECT_EQ(count("SELECT sum FROM cash_operations WHERE operation_id = 'op-1'"), 50000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events WHERE type = 'order.future'"), 1);
}

TEST_P(CloudDeviceTest, ConflictingHashIsRefusedAndAudited)
{
    const auto account = registerAccount("SN-D2", "9991110002", "d2@example.com");
    auto events = chain(1, std::string(store::JournalHash::kGenesis), sampleEvents());
    ASSERT_EQ(deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events)).status, 200);

    auto forged = chain(2, events[0].hash, {{"receipt.fiscalized", {{"receiptId", "r-other"}, {"total", 1}}}});
    auto conflict = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(forged));
    EXPECT_EQ(conflict.status, 409) << conflict.body;
    EXPECT_EQ(errorCode(conflict), "event_conflict");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'events.conflict'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM receipts WHERE receipt_id = 'r-other'"), 0);
}

TEST_P(CloudDeviceTest, BrokenChainAndTamperedEventsAreRefused)
{
    const auto account = registerAccount("SN-D3", "9991110003", "d3@example.com");
    auto events = chain(1, std::string(store::JournalHash::kGenesis), sampleEvents());

    auto gap = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody({events[1]}));
    EXPECT_EQ(gap.status, 409);
    EXPECT_EQ(errorCode(gap), "broken_chain");

    auto wrongPrev = chain(1, std::string(64, 'a'), {{"cash.in", {{"operationId", "x"}, {"sum", 1}}}});
    auto broken = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(wrongPrev));
    EXPECT_EQ(broken.status, 409);
    EXPECT_EQ(errorField(broken), "events[0].prevHash");

    auto tampered = events;
    tampered[0].payload["number"] = 8; // hash no longer matches
    auto bad = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody({tampered[0]}));
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(errorField(bad), "events[0].hash");

    auto malformed = deviceSend(account.device, "POST", "/api/v1/device/events", R"({"events": [{"seq": "x"}]})");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(errorField(malformed).rfind("events[0]", 0), 0U) << malformed.body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events"), 0);
}

TEST_P(CloudDeviceTest, SignaturesAreChecked)
{
    const auto account = registerAccount("SN-D4", "9991110004", "d4@example.com");
    const std::string body = eventsBody(chain(1, std::string(store::JournalHash::kGenesis), sampleEvents()));

    // Unsigned, wrong key, tampered body.
    EXPECT_EQ(send("POST", "/api/v1/device/events", body).status, 401);
    EXPECT_EQ(deviceSend(Device{account.device.id, "wrong-key"}, "POST", "/api/v1/device/events", body).status, 401);
    const auto ts = nowSeconds();
    const auto signature = signDeviceRequest(account.device.key, "POST", "/api/v1/device/events", ts, body);
    auto tampered =
        send("POST", "/api/v1/device/events", body + " ", {},
             {{"X-Sigma-Device", account.device.id}, {"X-Sigma-Timestamp", ts}, {"X-Sigma-Signature", signature}});
    EXPECT_EQ(tampered.status, 401);
    EXPECT_EQ(errorCode(tampered), "bad_signature");

    // Clock skew: 401 with the server's time.
    const auto skewed = std::to_string(std::stoll(nowSeconds()) - 301);
    auto late = deviceSend(account.device, "POST", "/api/v1/device/events", body, skewed);
    EXPECT_EQ(late.status, 401);
    EXPECT_EQ(errorCode(late), "clock_skew");
    EXPECT_TRUE(json(late).contains("serverTime"));

    // Replay: the same signed request twice.
    auto ok =
        send("POST", "/api/v1/device/events", body, {},
             {{"X-Sigma-Device", account.device.id}, {"X-Sigma-Timestamp", ts}, {"X-Sigma-Signature", signature}});
    EXPECT_EQ(ok.status, 200) << ok.body;
    auto replay =
        send("POST", "/api/v1/device/events", body, {},
             {{"X-Sigma-Device", account.device.id}, {"X-Sigma-Timestamp", ts}, {"X-Sigma-Signature", signature}});
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(errorCode(replay), "replayed");

    // Revoked.
    auto auth = adminAuth();
    ASSERT_TRUE(auth.revokeDevice("SN-D4").ok());
    auto revoked = deviceSend(account.device, "GET", "/api/v1/device/changes?cursor=0", {});
    EXPECT_EQ(revoked.status, 403);
    EXPECT_EQ(errorCode(revoked), "device_revoked");
}

TEST_P(CloudDeviceTest, CatalogChangesReachTheDevice)
{
    const auto account = registerAccount("SN-D5", "9991110005", "d5@example.com");
    auto product =
        post("/api/v1/products",
             {{"name", "Молоко"}, {"price", 8990}, {"vatRate", "vat10"}, {"unit", 0}, {"barcodes", {"4600000000001"}}},
             account.cookie);
    ASSERT_EQ(product.status, 201) << product.body;
    const auto productId = json(product)["id"].get<std::string>();
    auto employee = post("/api/v1/employees", {{"name", "Анна"}, {"role", "cashier"}}, account.cookie);
    ASSERT_EQ(employee.status, 201) << employee.body;
    auto update =
        send("PUT", "/api/v1/products/" + productId,
             core::Json{{"name", "Молоко 3,2%"}, {"price", 9990}, {"vatRate", "vat10"}}.dump(), account.cookie);
    ASSERT_EQ(update.status, 200) << update.body;
    auto list = json(send("GET", "/api/v1/products", {}, account.cookie));
    ASSERT_EQ(list["products"].size(), 1U);
    EXPECT_EQ(list["products"][0]["price"], 9990);

    auto changes = deviceSend(account.device, "GET", "/api/v1/device/changes?cursor=0", {});
    ASSERT_EQ(changes.status, 200) << changes.body;
    auto feed = json(changes);
    ASSERT_EQ(feed["changes"].size(), 3U);
    EXPECT_EQ(feed["changes"][0]["entity"], "product");
    EXPECT_EQ(feed["changes"][1]["entity"], "employee");
    EXPECT_EQ(feed["changes"][2]["data"]["price"], 9990);
    EXPECT_EQ(feed["cursor"], 3);
    EXPECT_EQ(feed["more"], false);

    EXPECT_EQ(send("DELETE", "/api/v1/products/" + productId, {}, account.cookie).status, 204);
    auto next = json(deviceSend(account.device, "GET", "/api/v1/device/changes?cursor=3", {}));
    ASSERT_EQ(next["changes"].size(), 1U);
    EXPECT_EQ(next["changes"][0]["op"], "delete");
    EXPECT_EQ(next["cursor"], 4);

    auto badCursor = deviceSend(account.device, "GET", "/api/v1/device/changes?cursor=abc", {});
    EXPECT_EQ(badCursor.status, 400);
    EXPECT_EQ(errorField(badCursor), "cursor");
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudDeviceTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
