// The engine against a scripted cloud that answers nonsense: every malformed or impossible answer
// is a clear error, and neither the outbox nor the pull cursor moves wrongly. In-process on purpose:
// the real sigma-cloud never sends these answers, so a scripted net::HttpServer has to.

#include "cloud/DeviceService.h"
#include "core/ErrorCodes.h"
#include "mock/SeededRandom.h"
#include "net/HttpServer.h"
#include "net/Router.h"
#include "store/CatalogRepository.h"
#include "store/Journal.h"
#include "support/TempDir.h"
#include "sync/CloudClient.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStateRepository.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <thread>
#include <tuple>

namespace sigma::sync::test {
namespace {

struct Canned {
    int status = 200;
    std::string body;
    std::string retryAfter;
};

class ScriptedCloud : public ::testing::Test {
protected:
    void SetUp() override
    {
        net::Router router;
        router.add("POST", "/api/v1/device/events", [this](net::HttpRequest& request) {
            std::lock_guard lock(m_mutex);
            ++m_pushes;
            m_lastBody = request.body;
            m_lastSignature = request.headers.get("X-Sigma-Signature").value_or("");
            return reply(m_events);
        });
        router.add("GET", "/api/v1/device/changes", [this](net::HttpRequest&) {
            std::lock_guard lock(m_mutex);
            return reply(m_changes);
        });
        ASSERT_TRUE(m_server.start(std::move(router)).ok());
        auto database =
            store::TerminalDatabase::open(m_dir / "terminal.db", store::TerminalDatabase::Access::Writer, "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
        SyncStateRepository states(*m_database);
        ASSERT_TRUE(states.saveRegistrationStart(url(), "reg", "secret", "trade").ok());
        ASSERT_TRUE(states.saveActivation("device-1", "key-1", 1).ok());
        m_changes = {200, R"({"changes":[],"cursor":0,"more":false})", ""};
    }

    net::HttpResponse reply(const Canned& canned)
    {
        auto response = net::HttpResponse::text(canned.status, canned.body, "application/json");
        if (!canned.retryAfter.empty()) {
            response.headers.set("Retry-After", canned.retryAfter);
        }
        return response;
    }

    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_server.port()); }

    void appendEvents(int count)
    {
        store::Journal journal(*m_database, m_clock, m_random);
        ASSERT_TRUE(m_database
                        ->transaction([&]() -> core::Status {
                            for (int i = 0; i < count; ++i) {
                                SIGMA_TRY(journal.append("cash.in", core::Json{{"sum", 100 + i}}));
                            }
                            return core::ok();
                        })
                        .ok());
    }

    std::int64_t acked()
    {
        store::Journal journal(*m_database, m_clock, m_random);
        return journal.outbox().value().ackedSeq;
    }

    std::int64_t cursor() { return SyncStateRepository(*m_database).load().value().changeCursor; }

    core::Result<SyncReport> round(SyncEngineOptions options = {})
    {
        options.client.totalTimeoutMs = 5000;
        SyncEngine engine(*m_database, options, m_clock, m_random);
        auto result = engine.syncOnce();
        m_lastStatus = engine.status();
        return result;
    }

    void setEvents(Canned canned)
    {
        std::lock_guard lock(m_mutex);
        m_events = std::move(canned);
    }
    void setChanges(Canned canned)
    {
        std::lock_guard lock(m_mutex);
        m_changes = std::move(canned);
    }

    sigma::test::TempDir m_dir{"sigma-sync-answers"};
    core::SystemClock m_clock;
    sigma::test::SeededRandom m_random{5};
    net::HttpServer m_server;
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::mutex m_mutex;
    Canned m_events;  // guarded by m_mutex
    Canned m_changes; // guarded by m_mutex
    int m_pushes = 0;
    std::string m_lastBody;
    std::string m_lastSignature;
    SyncStatus m_lastStatus;
};

TEST_F(ScriptedCloud, MalformedPushAnswersNeverAdvanceTheOutbox)
{
    appendEvents(5);
    const std::vector<std::pair<std::string, std::string>> answers = {
        {"not json", "не JSON"},
        {"<html>oops</html>", "не JSON"},
        {"{}", "ackedSeq"},
        {R"({"ackedSeq":"5"})", "ackedSeq"},
        {R"({"ackedSeq":5.0})", "ackedSeq"},
        {R"({"ackedSeq":null})", "ackedSeq"},
        {"[5]", "ackedSeq"},
        {R"({"ackedSeq":999})", "999"},
        {R"({"ackedSeq":6})", "отправлено до 5"},
        {R"({"ackedSeq":0})", "не приняло"},
        {R"({"ackedSeq":-3})", "не приняло"},
    };
    for (const auto& [body, words] : answers) {
        setEvents({200, body, ""});
        auto result = round();
        ASSERT_FALSE(result.ok()) << body;
        EXPECT_EQ(result.error().code, core::errc::kSyncBadAnswer) << body;
        EXPECT_NE(result.error().message.find(words), std::string::npos) << body << ": " << result.error().message;
        EXPECT_EQ(acked(), 0) << body;
        EXPECT_EQ(m_lastStatus.phase, SyncPhase::Failing);
        EXPECT_EQ(m_lastStatus.lastErrorCode, core::errc::kSyncBadAnswer);
    }
    // The error is kept for other processes (sigmactl sync status).
    auto stored = SyncEngine::storedStatus(*m_database, m_clock);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->lastErrorCode, core::errc::kSyncBadAnswer);
    EXPECT_EQ(stored->unsentCount, 5);
}

TEST_F(ScriptedCloud, APartialAcknowledgementAdvancesOnlyThatFar)
{
    appendEvents(5);
    setEvents({200, R"({"ackedSeq":3})", ""});
    auto result = round();
    // 1..3 taken; the retry of 4..5 is answered 3 again: no progress is an error, not a loop.
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::errc::kSyncBadAnswer);
    EXPECT_EQ(acked(), 3);
    EXPECT_EQ(m_pushes, 2);
    EXPECT_NE(m_lastBody.find("\"seq\":4"), std::string::npos);
    EXPECT_EQ(m_lastBody.find("\"seq\":3"), std::string::npos);
}

TEST_F(ScriptedCloud, RefusalsAndOutagesAreNamed)
{
    appendEvents(2);
    const std::vector<std::tuple<int, std::string, int>> answers = {
        {500, R"({"error":{"code":"internal","message":"internal error"}})", core::errc::kSyncServerError},
        {503, "", core::errc::kSyncServerError},
        {409, R"({"error":{"code":"event_conflict","message":"x","field":"events[0].hash"}})",
         core::errc::kSyncRejected},
        {409, R"({"error":{"code":"broken_chain","message":"x"}})", core::errc::kSyncRejected},
        {401, R"({"error":{"code":"bad_signature","message":"x"}})", core::errc::kSyncAuthFailed},
        {403, R"({"error":{"code":"device_revoked","message":"x"}})", core::errc::kSyncDeviceRevoked},
        {429, R"({"error":{"code":"rate_limited","message":"x"}})", core::errc::kSyncRateLimited},
        {418, "garbage", core::errc::kSyncServerError},
    };
    for (const auto& [status, body, code] : answers) {
        setEvents({status, body, "7"});
        auto result = round();
        ASSERT_FALSE(result.ok()) << status << body;
        EXPECT_EQ(result.error().code, code) << status << " " << body << ": " << result.error().message;
        EXPECT_EQ(acked(), 0);
    }
    setEvents({429, R"({"error":{"code":"rate_limited","message":"x"}})", "7"});
    auto limited = round();
    ASSERT_FALSE(limited.ok());
    EXPECT_NE(limited.error().message.find("7 с"), std::string::npos) << limited.error().message;
}

TEST_F(ScriptedCloud, TheThreadWaitsAsLongAsRetryAfterSays)
{
    appendEvents(1);
    setEvents({429, R"({"error":{"code":"rate_limited","message":"x"}})", "120"});
    SyncEngineOptions options;
    options.minBackoff = std::chrono::milliseconds(10);
    options.maxBackoff = std::chrono::milliseconds(50);
    options.client.totalTimeoutMs = 5000;
    SyncEngine engine(*m_database, options, m_clock, m_random);
    engine.start();
    while (engine.roundsCompleted() < 1) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    const auto status = engine.status();
    const auto now = core::toUnixMicros(m_clock.now());
    engine.stop();
    EXPECT_EQ(status.lastErrorCode, core::errc::kSyncRateLimited);
    EXPECT_EQ(status.phase, SyncPhase::Failing);
    ASSERT_TRUE(status.nextAttemptAtUs.has_value());
    EXPECT_GE(*status.nextAttemptAtUs - now, 119'000'000); // not the 50 ms our own backoff allows
    std::lock_guard lock(m_mutex);
    EXPECT_EQ(m_pushes, 1);
}

TEST_F(ScriptedCloud, BatchesAreBoundedByCountAndBytes)
{
    appendEvents(25);
    setEvents({200, R"({"ackedSeq":0})", ""});
    SyncEngineOptions options;
    options.maxBatchEvents = 10;
    (void)round(options);
    auto body = core::parseJsonExact(m_lastBody);
    ASSERT_TRUE(body.ok());
    EXPECT_EQ((*body)["events"].size(), 10U);
    options.maxBatchBytes = 600; // about two events
    (void)round(options);
    body = core::parseJsonExact(m_lastBody);
    ASSERT_TRUE(body.ok());
    EXPECT_GE((*body)["events"].size(), 1U);
    EXPECT_LE((*body)["events"].size(), 3U);
    EXPECT_EQ((*body)["events"][0]["seq"], 1);
}

TEST_F(ScriptedCloud, MalformedChangePagesApplyNothing)
{
    const std::vector<std::string> pages = {
        "nonsense",
        "{}",
        R"({"changes":{},"cursor":1,"more":false})",
        R"({"changes":[],"more":false})",
        R"({"changes":[],"cursor":"1","more":false})",
        R"({"changes":[],"cursor":1})",
        R"({"changes":[],"cursor":0,"more":true})",
        R"({"changes":[{"seq":1,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000001","op":"upsert"}],"cursor":1,"more":false})",
        R"({"changes":[{"seq":1,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000001","op":"explode","data":{}}],"cursor":1,"more":false})",
        R"({"changes":[{"seq":5,"entity":"product","id":"x","op":"delete"}],"cursor":3,"more":false})",
        // The first item is fine, the second has a price that is not kopecks: neither is kept.
        R"({"changes":[{"seq":1,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000001","op":"upsert","data":{"name":"A","price":100,"vatRate":"vat22"}},{"seq":2,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000002","op":"upsert","data":{"name":"B","price":"1.5","vatRate":"vat22"}}],"cursor":2,"more":false})",
    };
    store::CatalogRepository catalog(*m_database);
    for (const auto& page : pages) {
        setChanges({200, page, ""});
        auto result = round();
        ASSERT_FALSE(result.ok()) << page;
        EXPECT_EQ(result.error().code, core::errc::kSyncBadAnswer) << page << ": " << result.error().message;
        EXPECT_EQ(cursor(), 0) << page;
        EXPECT_EQ(catalog.productCount().value(), 0) << page;
    }
    // The cursor going back is refused too.
    ASSERT_TRUE(SyncStateRepository(*m_database).saveCursor(10).ok());
    setChanges({200, R"({"changes":[],"cursor":4,"more":false})", ""});
    auto back = round();
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().code, core::errc::kSyncBadAnswer);
    EXPECT_EQ(cursor(), 10);
}

TEST_F(ScriptedCloud, AnItemTheTerminalCannotStoreIsRefusedAloneAndUnknownEntitiesSkipped)
{
    setChanges({200,
                R"({"changes":[
          {"seq":1,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000001","op":"upsert","data":{"name":"A","price":100,"vatRate":"vat22","barcodes":["4601234567890"]}},
          {"seq":2,"entity":"product","id":"0193a4c2-5b1e-7d3f-9a2b-000000000002","op":"upsert","data":{"name":"B","price":200,"vatRate":"vat22","unit":0,"barcodes":["4601234567893"]}},
          {"seq":3,"entity":"settings","id":"receipt","op":"upsert","data":{"footer":"Спасибо"}},
          {"seq":4,"entity":"employee","id":"0193a4c2-5b1e-7d3f-9a2b-000000000009","op":"upsert","data":{"name":"Петров","role":"cashier","pinHash":null}}
        ],"cursor":4,"more":false})",
                ""});
    auto result = round();
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->refusedChanges.size(), 1U); // a wrong EAN-13 check digit
    EXPECT_NE(result->refusedChanges[0].find("000000000001"), std::string::npos);
    EXPECT_EQ(cursor(), 4);
    store::CatalogRepository catalog(*m_database);
    EXPECT_FALSE(catalog.findById("0193a4c2-5b1e-7d3f-9a2b-000000000001").value().has_value());
    auto b = catalog.findById("0193a4c2-5b1e-7d3f-9a2b-000000000002").value();
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->price.kopecks(), 200);
    store::EmployeeRepository staff(m_database->connection(), m_clock);
    auto employee = staff.findById(core::Uuid::parse("0193a4c2-5b1e-7d3f-9a2b-000000000009").value()).value();
    ASSERT_TRUE(employee.has_value());
    EXPECT_EQ(employee->name, "Петров");
}

TEST_F(ScriptedCloud, RequestsAreSignedAsTheCloudVerifies)
{
    for (const auto& [method, target, body] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"POST", "/api/v1/device/events", R"({"events":[]})"},
             {"GET", "/api/v1/device/changes?cursor=42", ""},
             {"POST", "/api/v1/device/events", "{\"x\":\"Ж\"}"}}) {
        EXPECT_EQ(CloudClient::sign("key-Ж-1", method, target, "1796378400", body),
                  cloud::signDeviceRequest("key-Ж-1", method, target, "1796378400", body));
    }
    appendEvents(1);
    setEvents({200, R"({"ackedSeq":1})", ""});
    ASSERT_TRUE(round().ok());
    EXPECT_EQ(m_lastSignature.size(), 64U);
}

TEST_F(ScriptedCloud, NotRegisteredIsSaidPlainly)
{
    auto fresh = store::TerminalDatabase::open(m_dir / "other.db", store::TerminalDatabase::Access::Writer, "test");
    ASSERT_TRUE(fresh.ok());
    SyncEngine engine(**fresh, {}, m_clock, m_random);
    auto result = engine.syncOnce();
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::errc::kSyncNotRegistered);
    EXPECT_EQ(engine.status().phase, SyncPhase::NotRegistered);
}

TEST(SyncBackoff, GrowsExponentiallyWithJitterAndHonoursRetryAfter)
{
    sigma::test::SeededRandom random{3};
    const std::chrono::milliseconds min(1000);
    const std::chrono::milliseconds max(60000);
    std::int64_t base = 1000;
    for (int failures = 1; failures <= 12; ++failures) {
        for (int i = 0; i < 50; ++i) {
            const auto delay = SyncEngine::backoff(failures, min, max, std::chrono::milliseconds(0), random).count();
            EXPECT_GE(delay, base / 2) << failures;
            EXPECT_LE(delay, base) << failures;
        }
        base = std::min<std::int64_t>(base * 2, 60000);
    }
    std::set<std::int64_t> seen;
    for (int i = 0; i < 50; ++i) {
        seen.insert(SyncEngine::backoff(5, min, max, std::chrono::milliseconds(0), random).count());
    }
    EXPECT_GT(seen.size(), 10U); // jitter, not one fixed delay
    EXPECT_EQ(SyncEngine::backoff(1, min, max, std::chrono::seconds(90), random), std::chrono::seconds(90));
}

} // namespace
} // namespace sigma::sync::test
