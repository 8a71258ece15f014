// The sync engine and registration against the real sigma-cloud binary on loopback (SQLite and
// PostgreSQL), through the fault-injecting proxy; the cloud is administered with its admin CLI.

#include "core/ErrorCodes.h"
#include "store/CatalogRepository.h"
#include "sync/SyncFixture.h"

#include <gtest/gtest.h>

#include <thread>

namespace sigma::sync::test {
namespace {

using Flow = SyncFixture;

TEST_P(Flow, RegistrationStoresCredentialsAndAFirstRoundSucceeds)
{
    activate();
    auto state = SyncStateRepository(*m_database).load();
    ASSERT_TRUE(state.ok());
    EXPECT_TRUE(state->activated());
    EXPECT_EQ(state->registrationStatus, "active");
    EXPECT_TRUE(state->registrationSecret.empty()); // no longer needed, not kept
    auto report = engine().syncOnce();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(engine().status().phase, SyncPhase::NotRegistered); // a new engine has run no round yet
}

TEST_P(Flow, RegistrationErrorsAreNamedForTheCashier)
{
    RegistrationService registration(*m_database, {}, m_systemClock);
    const std::string pin = issuePin(serial());
    const std::string wrong = pin == "000000" ? "111111" : "000000";
    auto refused = registration.start(registrationRequest(wrong));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kRegistrationWrongPin);
    EXPECT_NE(refused.error().message.find("PIN"), std::string::npos);

    auto started = registration.start(registrationRequest(pin));
    ASSERT_TRUE(started.ok()) << started.error().message;
    // The PIN is spent: a second terminal state trying it again is told so.
    (void)SyncStateRepository(*m_database).saveRegistrationStatus("");
    RegistrationService other(*m_database, {}, m_systemClock);
    auto again = other.start(registrationRequest(pin));
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().code == core::errc::kRegistrationWrongPin ||
                again.error().code == core::errc::kRegistrationConflict)
        << again.error().code;

    auto badCode = registration.confirmSmsCode("999999" == sixDigits(lastSms(m_phone)) ? "888888" : "999999");
    ASSERT_FALSE(badCode.ok());
    EXPECT_EQ(badCode.error().code, core::errc::kRegistrationWrongCode);

    auto waiting = registration.waitUntilActive(std::chrono::seconds(2), std::chrono::seconds(1),
                                                [](std::chrono::milliseconds) {});
    ASSERT_FALSE(waiting.ok());
    EXPECT_EQ(waiting.error().code, core::errc::kRegistrationPending);

    RegistrationService offline(*m_database, {}, m_systemClock);
    auto request = registrationRequest(pin);
    request.cloudUrl = "http://127.0.0.1:1"; // nothing listens there
    auto noConnection = offline.start(request);
    ASSERT_FALSE(noConnection.ok());
    EXPECT_EQ(noConnection.error().code, core::errc::kSyncNoConnection);
    EXPECT_NE(noConnection.error().message.find("Нет связи"), std::string::npos);
}

TEST_P(Flow, TooManyWrongPinsLockTheRegistration)
{
    RegistrationService registration(*m_database, {}, m_systemClock);
    const std::string pin = issuePin(serial());
    const std::string wrong = pin == "000000" ? "111111" : "000000";
    core::Error last(0, "");
    for (int i = 0; i < 10; ++i) {
        auto refused = registration.start(registrationRequest(wrong));
        ASSERT_FALSE(refused.ok());
        last = refused.error();
        if (last.code != core::errc::kRegistrationWrongPin) {
            break;
        }
    }
    EXPECT_EQ(last.code, core::errc::kRegistrationTooManyAttempts) << last.message;
}

TEST_P(Flow, HundredReceiptsRungOfflineArriveExactlyOnce)
{
    activate();
    stopCloud();
    openShift();
    for (int i = 0; i < 100; ++i) {
        sell(1000 + i);
    }
    cash(true, 50000);
    cash(false, 10000);
    auto& sync = engine();
    auto offline = sync.syncOnce();
    ASSERT_FALSE(offline.ok());
    EXPECT_EQ(offline.error().code, core::errc::kSyncNoConnection);
    EXPECT_EQ(sync.status().phase, SyncPhase::Offline);
    EXPECT_EQ(sync.status().unsentCount, 103);
    EXPECT_TRUE(sync.status().oldestUnsentAtUs.has_value());
    EXPECT_EQ(outbox().ackedSeq, 0);

    restartCloud();
    auto report = sync.syncOnce();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->pushedEvents, 103);
    EXPECT_EQ(sync.status().phase, SyncPhase::Idle);
    EXPECT_EQ(sync.status().unsentCount, 0);
    EXPECT_EQ(outbox().ackedSeq, 103);
    EXPECT_EQ(cloudJournal(), localJournal());
    EXPECT_EQ(cloudCount("receipts"), 100);
    EXPECT_EQ(cloudCount("cash_operations"), 2);
    EXPECT_EQ(cloudCount("shifts"), 1);

    // A second round sends nothing again.
    auto again = sync.syncOnce();
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->pushedEvents, 0);
    EXPECT_EQ(cloudJournal().size(), 103U);
}

TEST_P(Flow, CutsAtEveryStageLoseAndDoubleNothing)
{
    activate();
    openShift();
    for (int i = 0; i < 60; ++i) {
        sell(500 + i);
    }
    cash(true, 1000);
    m_proxy->setDelay(std::chrono::milliseconds(200));
    m_proxy->script({ProxyFault::DropBeforeRequest, ProxyFault::DropAfterRequest, ProxyFault::DropMidAnswer,
                     ProxyFault::Delay, ProxyFault::Garbage, ProxyFault::DropAfterRequest, ProxyFault::Garbage,
                     ProxyFault::DropMidAnswer, ProxyFault::DropBeforeRequest, ProxyFault::DropAfterRequest});
    SyncEngineOptions options;
    options.maxBatchEvents = 7;
    auto& sync = engine(options);
    int failures = 0;
    bool done = false;
    for (int round = 0; round < 40 && !done; ++round) {
        auto result = sync.syncOnce();
        if (result.ok()) {
            done = true;
        } else {
            ++failures;
            EXPECT_TRUE(result.error().code == core::errc::kSyncNoConnection ||
                        result.error().code == core::errc::kSyncBadAnswer)
                << result.error().code << " " << result.error().message;
            // Whatever the cut, the outbox never runs ahead of the cloud.
            EXPECT_LE(outbox().ackedSeq, static_cast<std::int64_t>(cloudJournal().size()));
        }
    }
    ASSERT_TRUE(done);
    EXPECT_GE(failures, 3); // curl retries a dead kept-alive connection once by itself
    EXPECT_EQ(m_proxy->faultsApplied(), 10);
    EXPECT_EQ(cloudJournal(), localJournal());
    EXPECT_EQ(cloudCount("receipts"), 60);
    EXPECT_EQ(outbox().ackedSeq, 62);
}

TEST_P(Flow, CatalogChangesArriveAndTheCloudWinsAConflict)
{
    const std::string cookie = activate();
    auto created = post("/api/v1/products",
                        {{"name", "Молоко 1 л"},
                         {"sku", "MILK-1"},
                         {"price", 8990},
                         {"vatRate", "vat10"},
                         {"barcodes", {"4601234567893"}}},
                        cookie);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string id = json(created).value("id", "");
    auto& sync = engine();
    auto first = sync.syncOnce();
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_GE(first->pulledChanges, 1);

    store::CatalogRepository catalog(*m_database);
    auto product = catalog.findById(id);
    ASSERT_TRUE(product.ok());
    ASSERT_TRUE(product->has_value());
    EXPECT_EQ((*product)->name, "Молоко 1 л");
    EXPECT_EQ((*product)->price.kopecks(), 8990);
    EXPECT_EQ((*product)->barcodes, std::vector<std::string>{"4601234567893"});

    // A local edit: another price (a cloud field) and a PLU (a local-only field).
    auto local = **product;
    local.price = core::Money::fromKopecks(7000);
    local.plu = 42;
    ASSERT_TRUE(catalog.upsertProduct(local).ok());
    // Meanwhile the owner changes the product in the cabinet.
    auto updated = send(
        "PUT", "/api/v1/products/" + id,
        core::Json{{"name", "Молоко 1 л"}, {"sku", "MILK-1"}, {"price", 9490}, {"vatRate", "vat10"}}.dump(), cookie);
    ASSERT_EQ(updated.status, 200) << updated.body;
    ASSERT_TRUE(sync.syncOnce().ok());
    product = catalog.findById(id);
    ASSERT_TRUE(product.ok() && product->has_value());
    EXPECT_EQ((*product)->price.kopecks(), 9490); // the cloud wins for its fields
    EXPECT_EQ((*product)->plu, 42);               // the local-only field stays
    EXPECT_TRUE((*product)->barcodes.empty());    // the cloud's barcode set is the truth

    auto removed = send("DELETE", "/api/v1/products/" + id, {}, cookie);
    ASSERT_EQ(removed.status, 204) << removed.body;
    ASSERT_TRUE(sync.syncOnce().ok());
    product = catalog.findById(id);
    ASSERT_TRUE(product.ok() && product->has_value()); // kept for history and returns
    EXPECT_FALSE((*product)->active);
    auto state = SyncStateRepository(*m_database).load();
    ASSERT_TRUE(state.ok());
    EXPECT_GE(state->changeCursor, 3);
}

TEST_P(Flow, ImportedProductsReachTheTerminal)
{
    const std::string cookie = activate();
    // The cabinet's CSV (ProductCsv): Excel's BOM, ';', roubles with a comma, a Russian VAT label.
    const std::string csv = "\xEF\xBB\xBFАртикул;Наименование;Цена;НДС;Ед. изм.;Категория;Штрихкоды\r\n"
                            "KEFIR-1;Кефир 1%;79,90;10%;шт;Молочное;4601234567893\r\n"
                            "APPLE-1;Яблоки;129,00;22%;кг;Фрукты;\r\n";
    auto imported = send("POST", "/api/v1/products/import", csv, cookie, "text/csv");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(json(imported)["created"], 2);

    auto round = engine().syncOnce();
    ASSERT_TRUE(round.ok()) << round.error().message;
    EXPECT_GE(round->pulledChanges, 2);
    store::CatalogRepository catalog(*m_database);
    auto kefir = catalog.findByBarcode("4601234567893");
    ASSERT_TRUE(kefir.ok());
    ASSERT_TRUE(kefir->has_value());
    EXPECT_EQ((*kefir)->name, "Кефир 1%");
    EXPECT_EQ((*kefir)->sku, "KEFIR-1");
    EXPECT_EQ((*kefir)->price.kopecks(), 7990);
    EXPECT_EQ((*kefir)->vat, core::VatRate::Vat10);
    auto apples = catalog.findBySku("APPLE-1");
    ASSERT_TRUE(apples.ok() && apples->has_value());
    EXPECT_EQ((*apples)->price.kopecks(), 12900);
    EXPECT_EQ((*apples)->unit, core::MeasureUnit::Kilogram);

    // A re-import with a new price is an update of the same product, not a second one.
    auto again = send("POST", "/api/v1/products/import", "Артикул;Наименование;Цена;НДС\nKEFIR-1;Кефир 1%;84,50;10%\n",
                      cookie, "text/csv");
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(json(again)["updated"], 1);
    ASSERT_TRUE(engine().syncOnce().ok());
    auto repriced = catalog.findBySku("KEFIR-1");
    ASSERT_TRUE(repriced.ok() && repriced->has_value());
    EXPECT_EQ((*repriced)->id, (*kefir)->id);
    EXPECT_EQ((*repriced)->price.kopecks(), 8450);
    // Columns the file lacks keep the product's values.
    EXPECT_EQ((*repriced)->barcodes, std::vector<std::string>{"4601234567893"});
    EXPECT_EQ((*repriced)->vat, core::VatRate::Vat10);
}

TEST_P(Flow, RevokedCredentialsAreReportedAndSalesGoOn)
{
    activate();
    openShift();
    sell(1500);
    auto& sync = engine();
    ASSERT_TRUE(sync.syncOnce().ok());
    revokeDevice(serial()); // sigma-cloud admin revoke-device

    sell(2500); // the till never waits for the cloud
    auto refused = sync.syncOnce();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kSyncDeviceRevoked);
    EXPECT_EQ(sync.status().phase, SyncPhase::Revoked);
    EXPECT_NE(sync.status().lastError.find("отозвало"), std::string::npos);
    EXPECT_EQ(sync.status().unsentCount, 1);
    sell(3500);
    auto stored = SyncEngine::storedStatus(*m_database, m_systemClock);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->phase, SyncPhase::Revoked);
    EXPECT_EQ(stored->unsentCount, 2);
    EXPECT_EQ(cloudJournal().size(), 2U);
}

TEST_P(Flow, TheBackgroundThreadDrainsWhileTheCashierSells)
{
    activate();
    SyncEngineOptions options;
    options.idleInterval = std::chrono::milliseconds(50);
    options.minBackoff = std::chrono::milliseconds(20);
    options.maxBatchEvents = 5;
    auto& sync = engine(options);
    sync.start();
    openShift();
    for (int i = 0; i < 30; ++i) {
        sell(100 + i);
        sync.wake();
    }
    // Bounded by the rounds the engine runs, not by time.
    const auto rounds = sync.roundsCompleted();
    while (sync.status().unsentCount != 0 || sync.status().phase != SyncPhase::Idle ||
           sync.roundsCompleted() < rounds + 2) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        ASSERT_LT(sync.roundsCompleted(), rounds + 10'000) << sync.status().lastError;
    }
    sync.stop();
    EXPECT_EQ(cloudJournal(), localJournal());
    EXPECT_EQ(cloudJournal().size(), 31U);
}

INSTANTIATE_TEST_SUITE_P(Backends, Flow, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::sync::test
