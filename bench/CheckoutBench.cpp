// Durable checkouts per second.
//
// - BM_Checkout_InstantDevice: the whole two-phase checkout (calculator, pending commit, fiscal
//   task, fiscalized + journal commit) against a fiscal device that answers at once, so only our
//   own overhead is measured.
// - BM_RawSqlite_TwoDurableCommits: the physical limit on this machine: the same rows written by a
//   bare sqlite3 loop with the same two synchronous=FULL commits per sale, no logic at all.
// - BM_Checkout_Emulator: the same checkout through the in-process virtual register.
// Compare the first two as a ratio (the disk here absorbs fsyncs unrealistically fast; a real
// terminal's eMMC is 10-100x slower per commit, which makes our share smaller still).

#include "core/Clock.h"
#include "crypto/OsRandom.h"
#include "drivers/emulator/VirtualKkt.h"
#include "store/TerminalDatabase.h"
#include "till/CheckoutService.h"
#include "till/ShiftService.h"

#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>

namespace {

using namespace sigma;

std::filesystem::path tempPath(const std::string& name)
{
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("sigma-bench-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir / name;
}

// A register that answers every task at once: the test double of the benchmark.
class InstantDevice final : public fiscal::FiscalDevice {
public:
    core::Result<core::Json> execute(const core::Json& task) override
    {
        const std::string type = task["type"];
        if (type == "getFnStatus") {
            return core::Json{{"fnStatus", {{"lastDocumentNumber", m_number}, {"fnNumber", "7380440000000001"}}}};
        }
        if (type == "openShift") {
            return core::Json{{"fiscalParams", {{"fiscalDocumentNumber", ++m_number}, {"fiscalDocumentSign", "1"},
                                                {"fiscalDocumentDateTime", "2026-12-04T12:00:00+03:00"},
                                                {"shiftNumber", 1}, {"fnNumber", "7380440000000001"}}}};
        }
        return core::Json{{"fiscalParams", {{"fiscalDocumentNumber", ++m_number}, {"fiscalDocumentSign", "1494325660"},
                                            {"fiscalDocumentDateTime", "2026-12-04T12:00:00+03:00"},
                                            {"fiscalReceiptNumber", m_number}, {"shiftNumber", 1},
                                            {"fnNumber", "7380440000000001"}, {"total", task["total"]}}}};
    }
    std::string_view driverId() const override { return "instant"; }

private:
    std::uint32_t m_number = 0;
};

till::CheckoutRequest sampleRequest(const till::TillContext& context)
{
    till::CheckoutRequest request;
    request.receipt.vatDate = context.today();
    core::ReceiptLine line;
    line.name = "Молоко 3,2% 1 л";
    line.productRef = "A-1";
    line.unitPrice = core::Money::fromKopecks(8990);
    line.quantity = core::Quantity::pieces(2);
    line.vat = core::VatRate::Vat10;
    request.receipt.lines.push_back(line);
    request.receipt.payments.push_back({core::PaymentType::Cash, core::Money::fromKopecks(20000)});
    request.cashier = {"00000000-0000-7000-8000-000000000001", "Кассир", ""};
    return request;
}

void runCheckouts(benchmark::State& state, fiscal::FiscalDevice& device, const std::filesystem::path& dbPath)
{
    core::SystemClock clock;
    crypto::OsRandom random;
    auto database = store::TerminalDatabase::open(dbPath, store::TerminalDatabase::Access::Writer, "bench");
    if (!database) {
        state.SkipWithError(database.error().message.c_str());
        return;
    }
    till::TillContext context(**database, device, nullptr, clock, random);
    if (auto shift = till::ShiftService(context).open({"00000000-0000-7000-8000-000000000001", "Кассир", ""}); !shift) {
        state.SkipWithError(("cannot open a shift: " + shift.error().message).c_str());
        return;
    }
    till::CheckoutService checkout(context);
    const auto request = sampleRequest(context);
    for (auto _ : state) {
        auto result = checkout.checkout(request);
        if (!result || result->receipt.status != "fiscalized") {
            state.SkipWithError("checkout failed");
            return;
        }
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_Checkout_InstantDevice(benchmark::State& state)
{
    InstantDevice device;
    runCheckouts(state, device, tempPath("terminal.db"));
}
BENCHMARK(BM_Checkout_InstantDevice)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();

void BM_Checkout_Emulator(benchmark::State& state)
{
    core::SystemClock clock;
    drivers::emulator::VirtualKkt::Options options;
    const auto path = tempPath("kkt.db");
    options.statePath = path;
    options.clock = &clock;
    auto kkt = drivers::emulator::VirtualKkt::open(options);
    runCheckouts(state, **kkt, path.parent_path() / "terminal.db");
}
BENCHMARK(BM_Checkout_Emulator)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();

void BM_RawSqlite_TwoDurableCommits(benchmark::State& state)
{
    const auto path = tempPath("raw.db");
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE receipts (id TEXT PRIMARY KEY, status TEXT, total INTEGER, task TEXT, params TEXT);"
                 "CREATE TABLE lines (receipt_id TEXT, position INTEGER, name TEXT, amount INTEGER);"
                 "CREATE TABLE payments (receipt_id TEXT, position INTEGER, type TEXT, sum INTEGER);"
                 "CREATE TABLE journal (seq INTEGER PRIMARY KEY, uuid TEXT, type TEXT, payload TEXT, hash TEXT);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insertReceipt = nullptr;
    sqlite3_stmt* insertLine = nullptr;
    sqlite3_stmt* insertPayment = nullptr;
    sqlite3_stmt* update = nullptr;
    sqlite3_stmt* insertEvent = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO receipts VALUES (?1, 'pending', 17980, ?2, NULL)", -1, &insertReceipt, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO lines VALUES (?1, 0, 'Молоко 3,2% 1 л', 17980)", -1, &insertLine, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO payments VALUES (?1, 0, 'cash', 20000)", -1, &insertPayment, nullptr);
    sqlite3_prepare_v2(db, "UPDATE receipts SET status = 'fiscalized', params = ?2 WHERE id = ?1", -1, &update, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO journal (uuid, type, payload, hash) VALUES (?1, 'receipt.fiscalized', ?2, ?3)",
                       -1, &insertEvent, nullptr);
    const std::string task(600, 't');
    const std::string payload(900, 'p');
    const std::string hash(64, 'h');
    std::int64_t n = 0;
    auto step = [](sqlite3_stmt* s) {
        sqlite3_step(s);
        sqlite3_reset(s);
    };
    for (auto _ : state) {
        const std::string id = "0193a4c2-5b1e-7d3f-9a2b-" + std::to_string(1'000'000'000'000 + ++n);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(insertReceipt, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertReceipt, 2, task.c_str(), -1, SQLITE_TRANSIENT);
        step(insertReceipt);
        sqlite3_bind_text(insertLine, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        step(insertLine);
        sqlite3_bind_text(insertPayment, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        step(insertPayment);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        sqlite3_bind_text(update, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(update, 2, payload.c_str(), 200, SQLITE_TRANSIENT);
        step(update);
        sqlite3_bind_text(insertEvent, 1, id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertEvent, 2, payload.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insertEvent, 3, hash.c_str(), -1, SQLITE_TRANSIENT);
        step(insertEvent);
        sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }
    for (auto* s : {insertReceipt, insertLine, insertPayment, update, insertEvent}) {
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawSqlite_TwoDurableCommits)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseRealTime();

} // namespace
