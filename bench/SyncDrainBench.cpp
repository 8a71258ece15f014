// Sync figures against the real sigma-cloud binary (a child process on a free loopback port, as in
// tests/sync; SQLite, and PostgreSQL when the test cluster runs: start it with
// `ctest -R postgres.start`, or set SIGMA_TEST_PG_URL). Run from a Release build; nothing here
// asserts on time, the figures are printed as counters.
//
// BM_Drain*: 10,000 receipt events rung offline (the journal filled as the till fills it), then
// one SyncEngine round on its own thread. receipts_per_s, drain_s, requests; sync_thread_cpu_s
// (the terminal's sync thread, CLOCK_THREAD_CPUTIME_ID); cloud_cpu_s (the sigma-cloud process,
// /proc/PID/stat); server_ms_per_batch (the cloud's own time per POST /device/events, from its
// access log: request read to answer written). The gap between drain_s and the server's total is
// the terminal's and the network's share; the gap between the server's total and cloud_cpu_s is
// waiting (the database's commits, PostgreSQL's own process).
//
// BM_SaleLatency*: the cashier's view. Real sales through CheckoutService (virtual register), first
// with no sync, then while the engine's thread drains a 10,000-event backlog in the background and
// is woken after every sale as the terminal does. sale_p50_ms/sale_p99_ms for both phases,
// sales_during_drain, drain_s and sync_cpu_s (the terminal process's CPU outside the till's thread
// during the drain, i.e. the sync thread; the cloud runs in its own process).

#include "cloud/CloudDatabase.h"
#include "crypto/Hex.h"
#include "crypto/OsRandom.h"
#include "crypto/Sha256.h"
#include "drivers/emulator/VirtualKkt.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "store/Journal.h"
#include "support/CloudProcess.h"
#include "support/PgUrl.h"
#include "support/TempDir.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStateRepository.h"
#include "till/CheckoutService.h"
#include "till/ShiftService.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace {

using namespace sigma;

constexpr int kReceipts = 10'000;
constexpr int kIdleSales = 300;
const std::string kDeviceKey = "bench-device-key";

core::Json receiptPayload(int i)
{
    char id[40];
    std::snprintf(id, sizeof id, "0193a4c2-5b1e-7d3f-9a2b-%012d", i);
    core::Json line{{"position", 0},
                    {"name", "Молоко 3,2% 1 л"},
                    {"sku", "A-1"},
                    {"barcode", "4601234567893"},
                    {"unitPrice", 8990},
                    {"quantity", 2000},
                    {"unit", 0},
                    {"vatRate", "vat10"},
                    {"paymentMethod", "fullPayment"},
                    {"paymentObject", "commodity"},
                    {"lineDiscount", 0},
                    {"receiptDiscount", 0},
                    {"amount", 17980},
                    {"price", 8990},
                    {"vatSum", 1635}};
    core::Json second = line;
    second["position"] = 1;
    second["name"] = "Хлеб";
    second["quantity"] = 1000;
    second["amount"] = 4500;
    return {{"receiptId", id},
            {"shiftId", "0193a4c2-5b1e-7d3f-9a2b-000000000000"},
            {"operation", "sell"},
            {"cashierId", "00000000-0000-7000-8000-000000000001"},
            {"createdAt", 1'796'378'400'000'000 + i},
            {"vatDate", "2026-12-04"},
            {"total", 22480},
            {"discountTotal", 0},
            {"change", 0},
            {"lines", {line, second}},
            {"payments", {{{"type", "cash"}, {"sum", 22480}}}},
            {"fiscal", {{"fiscalDocumentNumber", i + 2}, {"fiscalDocumentSign", "1234567890"}, {"shiftNumber", 1}}}};
}

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// utime + stime of another process (all its threads), from /proc/PID/stat.
double childCpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) {
        return 0;
    }
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int index = 3; fields >> field && index <= 15; ++index) {
        if (index == 14 || index == 15) { // utime, stime
            ticks += std::stod(field);
        }
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct AccessFigures {
    int batches = 0;
    double totalMs = 0;
    double maxMs = 0;
};

/// The cloud's own time for each POST /api/v1/device/events, from its access log.
AccessFigures eventBatches(const std::filesystem::path& accessLog)
{
    AccessFigures figures;
    std::ifstream in(accessLog);
    std::string line;
    while (std::getline(in, line)) {
        const auto entry = core::Json::parse(line, nullptr, false);
        if (!entry.is_object() || entry.value("path", "") != "/api/v1/device/events" ||
            entry.value("method", "") != "POST") {
            continue;
        }
        const double ms = static_cast<double>(entry.value("durationUs", std::int64_t{0})) / 1000.0;
        ++figures.batches;
        figures.totalMs += ms;
        figures.maxMs = std::max(figures.maxMs, ms);
    }
    return figures;
}

double percentile(std::vector<double> values, double share)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(share * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

/// The sigma-cloud binary on its own data directory (and PostgreSQL schema), with one active
/// device already in its database, as activation leaves it.
class BenchCloud {
public:
    /// Empty on success, else why the benchmark cannot run.
    std::string start(bool postgres)
    {
        std::string serveUrl; // --db; empty: the server's SQLite default
        std::string dbUrl = cloud::defaultDatabaseUrl(m_dir.path());
        if (postgres) {
            m_pgUrl = test::pgTestUrl();
            if (m_pgUrl.empty()) {
                return "PostgreSQL unavailable: ctest -R postgres.start, or SIGMA_TEST_PG_URL";
            }
            m_schema = "sync_bench_" + crypto::randomToken(6);
            auto admin = cloud::CloudDatabase::open(m_pgUrl, 1);
            if (!admin) {
                return admin.error().message;
            }
            auto lease = (*admin)->lock();
            if (auto created = (*admin)->connection().execute("CREATE SCHEMA " + m_schema); !created) {
                return created.error().message;
            }
            dbUrl =
                m_pgUrl + (m_pgUrl.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + m_schema;
            serveUrl = dbUrl;
        }
        {
            auto database = cloud::CloudDatabase::open(dbUrl, 1); // creates the schema
            if (!database) {
                return database.error().message;
            }
            auto lease = (*database)->lock();
            auto& db = (*database)->connection();
            for (const auto& [sql, params] : std::vector<std::pair<std::string, std::vector<db::Param>>>{
                     {"INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) "
                      "VALUES ('acc', 'trade', 1, 'active', 0)",
                      {}},
                     {"INSERT INTO stores(id, account_id, name, created_at) VALUES ('st', 'acc', 'S', 0)", {}},
                     {"INSERT INTO devices(id, account_id, store_id, serial, revoked, key_hash, created_at) "
                      "VALUES ('dev', 'acc', 'st', 'SN1', 0, $1, 0)",
                      {crypto::toHex(crypto::sha256(kDeviceKey))}}}) {
                if (auto done = db.execute(sql, params); !done) {
                    return done.error().message;
                }
            }
        }
        m_process = std::make_unique<test::CloudProcess>(SIGMA_CLOUD_PATH, m_dir.path(), serveUrl, "http://bench.test");
        return m_process->start();
    }

    ~BenchCloud()
    {
        m_process.reset();
        if (!m_schema.empty()) {
            if (auto admin = cloud::CloudDatabase::open(m_pgUrl, 1)) {
                auto lease = (*admin)->lock();
                (void)(*admin)->connection().execute("DROP SCHEMA " + m_schema + " CASCADE");
            }
        }
    }

    test::CloudProcess& process() { return *m_process; }
    const test::TempDir& dir() const { return m_dir; }
    std::filesystem::path accessLog() const { return m_dir.path() / "access.log"; }

private:
    test::TempDir m_dir{"sigma-sync-bench-cloud"};
    std::unique_ptr<test::CloudProcess> m_process;
    std::string m_pgUrl;
    std::string m_schema;
};

/// terminal.db with the device's credentials and `backlog` receipt events not yet sent.
core::Result<std::unique_ptr<store::TerminalDatabase>> terminalWithBacklog(const std::filesystem::path& path,
                                                                           BenchCloud& cloud, int backlog,
                                                                           const core::Clock& clock,
                                                                           core::RandomSource& random)
{
    SIGMA_ASSIGN_OR_RETURN(auto terminal,
                           store::TerminalDatabase::open(path, store::TerminalDatabase::Access::Writer, "bench"));
    store::Journal journal(*terminal, clock, random);
    SIGMA_TRY(terminal->transaction([&]() -> core::Status {
        for (int i = 0; i < backlog; ++i) {
            SIGMA_TRY(journal.append("receipt.fiscalized", receiptPayload(i)));
        }
        return core::ok();
    }));
    sync::SyncStateRepository states(*terminal);
    SIGMA_TRY(states.saveRegistrationStart(cloud.process().url(), "r", "s", "trade"));
    SIGMA_TRY(states.saveActivation("dev", kDeviceKey, 1));
    return terminal;
}

void drain(benchmark::State& state, bool postgres)
{
    for (auto _ : state) {
        state.PauseTiming();
        BenchCloud cloud;
        if (auto why = cloud.start(postgres); !why.empty()) {
            state.SkipWithError(why.c_str());
            return;
        }
        core::SystemClock clock;
        crypto::OsRandom random;
        auto terminal = terminalWithBacklog(cloud.dir() / "terminal.db", cloud, kReceipts, clock, random);
        if (!terminal) {
            state.SkipWithError(terminal.error().message.c_str());
            return;
        }
        sync::SyncEngineOptions options;
        options.pull = false;
        sync::SyncEngine engine(**terminal, options, clock, random);
        const double cloudCpuBefore = childCpuSeconds(cloud.process().pid());
        state.ResumeTiming();

        const auto start = std::chrono::steady_clock::now();
        double cpuSeconds = 0;
        core::Result<sync::SyncReport> report = core::Error(0, "not run");
        std::thread worker([&] {
            const double before = threadCpuSeconds();
            report = engine.syncOnce();
            cpuSeconds = threadCpuSeconds() - before;
        });
        worker.join();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        state.SetIterationTime(seconds);
        state.PauseTiming();
        if (!report || report->pushedEvents != kReceipts) {
            state.SkipWithError(report ? "not every receipt was acknowledged" : report.error().message.c_str());
            return;
        }
        const double cloudCpu = childCpuSeconds(cloud.process().pid()) - cloudCpuBefore;
        cloud.process().stop(); // flushes nothing we need: the access log is written per request
        const auto batches = eventBatches(cloud.accessLog());
        state.counters["receipts_per_s"] = kReceipts / seconds;
        state.counters["drain_s"] = seconds;
        state.counters["requests"] = static_cast<double>(report->requests);
        state.counters["sync_thread_cpu_s"] = cpuSeconds;
        state.counters["cloud_cpu_s"] = cloudCpu;
        state.counters["server_s"] = batches.totalMs / 1000.0;
        state.counters["server_ms_per_batch"] = batches.batches > 0 ? batches.totalMs / batches.batches : 0;
        state.counters["server_ms_max_batch"] = batches.maxMs;
        state.ResumeTiming();
    }
}

/// The till: the virtual register and pin pad in `dir`, real sales through CheckoutService.
class BenchTill {
public:
    core::Status open(store::TerminalDatabase& database, const std::filesystem::path& dir)
    {
        drivers::emulator::VirtualKkt::Options kktOptions;
        kktOptions.statePath = dir / "kkt.db";
        kktOptions.clock = &m_clock;
        SIGMA_ASSIGN_OR_RETURN(m_kkt, drivers::emulator::VirtualKkt::open(kktOptions));
        drivers::payment::EmulatedPaymentTerminal::Options payOptions;
        payOptions.statePath = dir / "pinpad.db";
        payOptions.clock = &m_clock;
        payOptions.random = &m_random;
        SIGMA_ASSIGN_OR_RETURN(m_payment, drivers::payment::EmulatedPaymentTerminal::open(payOptions));
        m_till = std::make_unique<till::TillContext>(database, *m_kkt, m_payment.get(), m_clock, m_random);
        SIGMA_TRY(till::ShiftService(*m_till).open(m_cashier));
        return core::ok();
    }

    /// One cash sale of two lines; its duration in milliseconds.
    core::Result<double> sell(int i)
    {
        core::Receipt receipt;
        receipt.vatDate = core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
        for (int n = 0; n < 2; ++n) {
            core::ReceiptLine line;
            line.name = n == 0 ? "Молоко 3,2% 1 л" : "Хлеб";
            line.productRef = n == 0 ? "A-1" : "A-2";
            line.unitPrice = core::Money::fromKopecks(4500 + i % 100);
            line.quantity = core::Quantity::fromThousandths(1000);
            line.unit = core::MeasureUnit::Piece;
            line.vat = core::VatRate::Vat10;
            receipt.lines.push_back(line);
        }
        receipt.payments.push_back({core::PaymentType::Cash, core::Money::fromKopecks(2 * (4500 + i % 100))});
        till::CheckoutRequest request;
        request.receipt = std::move(receipt);
        request.cashier = m_cashier;
        const auto start = std::chrono::steady_clock::now();
        SIGMA_TRY(till::CheckoutService(*m_till).checkout(std::move(request)));
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }

private:
    core::SystemClock m_clock;
    crypto::OsRandom m_random;
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<drivers::payment::EmulatedPaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_till;
    till::Cashier m_cashier{"00000000-0000-7000-8000-000000000001", "Иванова А.", ""};
};

void saleLatency(benchmark::State& state, bool postgres)
{
    for (auto _ : state) {
        BenchCloud cloud;
        if (auto why = cloud.start(postgres); !why.empty()) {
            state.SkipWithError(why.c_str());
            return;
        }
        core::SystemClock clock;
        crypto::OsRandom random;
        const auto dbPath = cloud.dir() / "terminal.db";
        auto terminal = terminalWithBacklog(dbPath, cloud, kReceipts, clock, random);
        if (!terminal) {
            state.SkipWithError(terminal.error().message.c_str());
            return;
        }
        auto companion = store::TerminalDatabase::open(dbPath, store::TerminalDatabase::Access::Companion, "sync");
        if (!companion) {
            state.SkipWithError(companion.error().message.c_str());
            return;
        }
        BenchTill till;
        if (auto opened = till.open(**terminal, cloud.dir().path()); !opened) {
            state.SkipWithError(opened.error().message.c_str());
            return;
        }
        // Phase 1: the till alone.
        std::vector<double> idle;
        for (int i = 0; i < kIdleSales; ++i) {
            auto ms = till.sell(i);
            if (!ms) {
                state.SkipWithError(ms.error().message.c_str());
                return;
            }
            idle.push_back(*ms);
        }

        // The backlog: the 10,000 events, the shift's opening and phase 1's sales.
        auto outbox = store::Journal(**terminal, clock, random).outbox();
        if (!outbox) {
            state.SkipWithError(outbox.error().message.c_str());
            return;
        }
        const std::int64_t backlogSeq = outbox->lastSeq;

        // Phase 2: the same sales while the engine's thread drains the backlog, woken after each
        // sale as the terminal wakes it.
        sync::SyncEngineOptions options;
        options.pull = false;
        crypto::OsRandom syncRandom;
        sync::SyncEngine engine(**companion, options, clock, syncRandom);
        std::vector<double> busy;
        const double processCpuBefore = processCpuSeconds();
        const double tillCpuBefore = threadCpuSeconds();
        const double cloudCpuBefore = childCpuSeconds(cloud.process().pid());
        const auto start = std::chrono::steady_clock::now();
        engine.start();
        for (int i = 0; engine.status().ackedSeq < backlogSeq; ++i) {
            auto ms = till.sell(kIdleSales + i);
            if (!ms) {
                engine.stop();
                state.SkipWithError(ms.error().message.c_str());
                return;
            }
            busy.push_back(*ms);
            engine.wake();
            if (engine.status().phase == sync::SyncPhase::Failing ||
                engine.status().phase == sync::SyncPhase::Revoked) {
                engine.stop();
                state.SkipWithError(engine.status().lastError.c_str());
                return;
            }
        }
        const double drainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double tillCpu = threadCpuSeconds() - tillCpuBefore;
        const double syncCpu = processCpuSeconds() - processCpuBefore - tillCpu;
        const double cloudCpu = childCpuSeconds(cloud.process().pid()) - cloudCpuBefore;
        engine.stop();

        state.counters["sale_p50_ms_nosync"] = percentile(idle, 0.50);
        state.counters["sale_p99_ms_nosync"] = percentile(idle, 0.99);
        state.counters["sale_p50_ms_sync"] = percentile(busy, 0.50);
        state.counters["sale_p99_ms_sync"] = percentile(busy, 0.99);
        state.counters["sale_max_ms_sync"] = percentile(busy, 1.0);
        state.counters["sales_during_drain"] = static_cast<double>(busy.size());
        state.counters["drain_s"] = drainSeconds;
        state.counters["sync_cpu_s"] = syncCpu;
        state.counters["sync_cpu_share"] = syncCpu / drainSeconds;
        state.counters["till_cpu_s"] = tillCpu;
        state.counters["cloud_cpu_s"] = cloudCpu;
    }
}

void BM_DrainTenThousandReceipts_Sqlite(benchmark::State& state)
{
    drain(state, false);
}
void BM_DrainTenThousandReceipts_Postgres(benchmark::State& state)
{
    drain(state, true);
}
void BM_SaleLatencyWhileDraining_Sqlite(benchmark::State& state)
{
    saleLatency(state, false);
}
void BM_SaleLatencyWhileDraining_Postgres(benchmark::State& state)
{
    saleLatency(state, true);
}

BENCHMARK(BM_DrainTenThousandReceipts_Sqlite)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_DrainTenThousandReceipts_Postgres)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
BENCHMARK(BM_SaleLatencyWhileDraining_Sqlite)->Iterations(1)->Unit(benchmark::kSecond);
BENCHMARK(BM_SaleLatencyWhileDraining_Postgres)->Iterations(1)->Unit(benchmark::kSecond);

} // namespace
