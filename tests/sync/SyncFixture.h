#pragma once

#include "drivers/emulator/VirtualKkt.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/Journal.h"
#include "store/TerminalDatabase.h"
#include "support/FaultProxy.h"
#include "sync/CloudProcessFixture.h"
#include "sync/RegistrationService.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStateRepository.h"
#include "till/CheckoutService.h"
#include "till/ShiftService.h"

namespace sigma::sync::test {

using sigma::test::FaultProxy;
using sigma::test::ProxyFault;

/// The real sigma-cloud binary on loopback (CloudProcessFixture, SQLite or PostgreSQL) reached
/// through our fault-injecting proxy, and a terminal: terminal.db, the real virtual register and
/// pin pad, the till services ringing real sales into the journal. The sync engine works on a
/// Companion connection, as in the terminal.
class SyncFixture : public CloudProcessFixture {
protected:
    void SetUp() override
    {
        CloudProcessFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        m_proxy = std::make_unique<FaultProxy>(m_cloud->port());
        auto database = store::TerminalDatabase::open(m_terminalDir / "terminal.db",
                                                      store::TerminalDatabase::Access::Writer, "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
        auto companion = store::TerminalDatabase::open(m_terminalDir / "terminal.db",
                                                       store::TerminalDatabase::Access::Companion, "sync");
        ASSERT_TRUE(companion.ok()) << companion.error().message;
        m_syncDatabase = std::move(*companion);
        drivers::emulator::VirtualKkt::Options kktOptions;
        kktOptions.statePath = m_terminalDir / "kkt.db";
        kktOptions.clock = &m_tillClock;
        auto kkt = drivers::emulator::VirtualKkt::open(kktOptions);
        ASSERT_TRUE(kkt.ok()) << kkt.error().message;
        m_kkt = std::move(*kkt);
        drivers::payment::EmulatedPaymentTerminal::Options payOptions;
        payOptions.statePath = m_terminalDir / "pinpad.db";
        payOptions.clock = &m_tillClock;
        payOptions.random = &m_tillRandom;
        auto payment = drivers::payment::EmulatedPaymentTerminal::open(payOptions);
        ASSERT_TRUE(payment.ok()) << payment.error().message;
        m_payment = std::move(*payment);
        m_till = std::make_unique<till::TillContext>(*m_database, *m_kkt, m_payment.get(), m_tillClock, m_tillRandom);
    }

    void TearDown() override
    {
        m_engine.reset();
        m_till.reset();
        m_proxy.reset();
        CloudProcessFixture::TearDown();
    }

    std::string proxyUrl() const { return "http://127.0.0.1:" + std::to_string(m_proxy->port()); }

    std::string serial()
    {
        auto info = m_kkt->execute({{"type", "getDeviceInfo"}});
        EXPECT_TRUE(info.ok());
        return info.ok() ? (*info)["deviceInfo"].value("serial", "") : std::string();
    }

    RegistrationRequest registrationRequest(const std::string& pin)
    {
        return RegistrationRequest{proxyUrl(), m_phone, m_email, "S1", pin, serial(), "trade"};
    }

    /// The whole registration through RegistrationService; the owner's password is set over HTTP
    /// with the token from the e-mail, as the owner would. Returns the owner's session cookie.
    std::string activate()
    {
        RegistrationService registration(*m_database, {}, m_systemClock);
        auto started = registration.start(registrationRequest(issuePin(serial())));
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
        auto confirmed = registration.confirmSmsCode(sixDigits(lastSms(m_phone)));
        EXPECT_TRUE(confirmed.ok()) << (confirmed.ok() ? "" : confirmed.error().message);
        auto pending = registration.poll();
        EXPECT_TRUE(pending.ok());
        EXPECT_EQ(pending.ok() ? pending->status : "", "awaitingPassword");
        auto set = post("/api/v1/auth/set-password",
                        {{"token", tokenIn(mails().back(), "/set-password")}, {"password", "Correct-Horse-42"}});
        EXPECT_EQ(set.status, 200) << set.body;
        auto active = registration.waitUntilActive(std::chrono::seconds(0), std::chrono::seconds(1),
                                                   [](std::chrono::milliseconds) {});
        EXPECT_TRUE(active.ok()) << (active.ok() ? "" : active.error().message);
        return login(m_email, "Correct-Horse-42");
    }

    SyncEngine& engine(SyncEngineOptions options = {})
    {
        options.client.connectTimeoutMs = 2000;
        options.client.totalTimeoutMs = 5000;
        m_engine = std::make_unique<SyncEngine>(*m_syncDatabase, options, m_systemClock, m_syncRandom);
        return *m_engine;
    }

    void openShift()
    {
        auto shift = till::ShiftService(*m_till).open(m_cashier);
        ASSERT_TRUE(shift.ok()) << shift.error().message;
    }

    void sell(std::int64_t kopecks)
    {
        core::Receipt r;
        r.vatDate = core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
        core::ReceiptLine line;
        line.name = "Товар";
        line.productRef = "SKU-1";
        line.unitPrice = core::Money::fromKopecks(kopecks);
        line.quantity = core::Quantity::fromThousandths(1000);
        line.unit = core::MeasureUnit::Piece;
        line.vat = core::VatRate::Vat22;
        r.lines.push_back(line);
        r.payments.push_back({core::PaymentType::Cash, core::Money::fromKopecks(kopecks)});
        till::CheckoutRequest request;
        request.receipt = std::move(r);
        request.cashier = m_cashier;
        auto result = till::CheckoutService(*m_till).checkout(std::move(request));
        ASSERT_TRUE(result.ok()) << result.error().message;
    }

    void cash(bool in, std::int64_t kopecks)
    {
        auto result = till::ShiftService(*m_till).cash(m_cashier, in, core::Money::fromKopecks(kopecks), "размен");
        ASSERT_TRUE(result.ok()) << result.error().message;
    }

    /// (seq, hash) of the terminal's journal and of what the cloud holds for the device.
    std::vector<std::pair<std::int64_t, std::string>> localJournal()
    {
        store::Journal journal(*m_database, m_tillClock, m_tillRandom);
        auto events = journal.after(0, 1'000'000);
        EXPECT_TRUE(events.ok());
        std::vector<std::pair<std::int64_t, std::string>> out;
        for (const auto& event : events.ok() ? *events : std::vector<store::JournalEvent>{}) {
            out.emplace_back(event.seq, event.hash);
        }
        return out;
    }
    std::vector<std::pair<std::int64_t, std::string>> cloudJournal()
    {
        std::vector<std::pair<std::int64_t, std::string>> out;
        auto* cloudDb = inspect();
        if (cloudDb == nullptr) {
            return out;
        }
        auto lease = cloudDb->lock();
        auto rows = cloudDb->connection().query("SELECT seq, hash FROM device_events WHERE device_id = $1 ORDER "
                                                "BY seq",
                                                {deviceId()});
        EXPECT_TRUE(rows.ok());
        for (const auto& row : rows.ok() ? *rows : std::vector<db::Row>{}) {
            out.emplace_back(row.int64(0), row.text(1));
        }
        return out;
    }
    std::int64_t cloudCount(const std::string& table)
    {
        auto* cloudDb = inspect();
        if (cloudDb == nullptr) {
            return -1;
        }
        auto lease = cloudDb->lock();
        auto row =
            cloudDb->connection().queryOne("SELECT COUNT(*) FROM " + table + " WHERE device_id = $1", {deviceId()});
        EXPECT_TRUE(row.ok());
        return row.ok() && *row ? (*row)->int64(0) : -1;
    }
    std::string deviceId()
    {
        auto state = SyncStateRepository(*m_database).load();
        return state.ok() ? state->deviceId : std::string();
    }
    store::OutboxStatus outbox()
    {
        store::Journal journal(*m_database, m_tillClock, m_tillRandom);
        auto status = journal.outbox();
        EXPECT_TRUE(status.ok());
        return status.ok() ? *status : store::OutboxStatus{};
    }

    /// Stops the cloud process (SIGTERM, as an operator would); restartCloud() starts the binary
    /// again on the same data directory and database. It binds another free port: the proxy
    /// follows it, as DNS would.
    void stopCloud()
    {
        m_inspect.reset(); // nothing of the test holds the database while the cloud is down
        EXPECT_EQ(m_cloud->stop(), 0) << m_cloud->log();
    }
    void restartCloud()
    {
        startCloud();
        m_proxy->setUpstream(m_cloud->port());
    }

    std::string m_phone = "+79161234567";
    std::string m_email = "owner@example.test";
    sigma::test::TempDir m_terminalDir{"sigma-sync"};
    sigma::test::ManualClock m_tillClock{core::Clock::TimePoint(std::chrono::seconds(1'796'374'800))};
    sigma::test::SeededRandom m_tillRandom{7};
    sigma::test::SeededRandom m_syncRandom{99}; // the engine's jitter, on its own thread
    core::SystemClock m_systemClock;            // signatures must match the cloud's real clock
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<store::TerminalDatabase> m_syncDatabase;
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<drivers::payment::EmulatedPaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_till;
    std::unique_ptr<SyncEngine> m_engine;
    till::Cashier m_cashier{"00000000-0000-7000-8000-000000000001", "Иванова А.", ""};
};

} // namespace sigma::sync::test
