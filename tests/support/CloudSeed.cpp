// sigma_cloud_seed: a realistic sales history for a registered device, rung on a real terminal
// stack and pushed through the real signed sync client: for the cabinet's end-to-end tests, and to
// show a cabinet with data (the credentials of a device activated through the registration API).
//
//   sigma_cloud_seed --url URL --device-id ID --device-key KEY [--days 14] [--seed 1] [--dir DIR]
//
// A terminal data directory (terminal.db, the emulated register and pin pad) is made in DIR (a
// temporary one by default), the clock is moved day by day: each of the last `days` days (local
// Moscow time, UTC+3) has a shift opened at 09:00 by one of three cashiers with a float put in,
// 15–40 receipts of 1–5 lines (pieces and weighed goods, VAT 22 % and 10 %), cash or card, about
// one return a day of part of an earlier sale, a cash withdrawal some days, and a close at 21:00
// with a blind count that is sometimes short or over. After 10:00 local, today gets a shift that
// stays open, with sales up to a few minutes ago. Then one sync round pushes the journal (the signatures are
// corrected for the moved clock as a terminal with a wrong clock corrects them).
//
// Standard output: one JSON document of what was rung, computed from the terminal's own records
// (the figures the cabinet must show): totals, per local day, per cashier, per payment type, and
// every shift with its figures and blind count.
#include "core/ErrorCodes.h"
#include "core/ReceiptCalculator.h"
#include "drivers/emulator/VirtualKkt.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStateRepository.h"
#include "till/CheckoutService.h"
#include "till/ReturnService.h"
#include "till/ShiftService.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>

#include <iostream>
#include <map>
#include <optional>
#include <random>

namespace {

using namespace sigma;
using namespace std::chrono_literals;

constexpr auto kMoscow = std::chrono::hours(3); // the shop's local time: UTC+3

struct Product {
    const char* name;
    const char* sku;
    std::int64_t priceKopecks;
    core::VatRate vat;
    bool weighed;
};

constexpr Product kProducts[] = {
    {"Молоко 3,2% 1 л", "MLK-1", 8990, core::VatRate::Vat10, false},
    {"Хлеб Бородинский", "BRD-1", 5490, core::VatRate::Vat10, false},
    {"Кефир 1% 900 г", "KEF-1", 7990, core::VatRate::Vat10, false},
    {"Сыр Российский", "CHS-1", 89900, core::VatRate::Vat10, true},
    {"Яблоки Гренни", "APL-1", 16990, core::VatRate::Vat10, true},
    {"Бананы", "BAN-1", 13990, core::VatRate::Vat10, true},
    {"Кофе молотый 250 г", "COF-1", 45900, core::VatRate::Vat22, false},
    {"Чай чёрный 100 пак.", "TEA-1", 32900, core::VatRate::Vat22, false},
    {"Шоколад горький 90 г", "CHC-1", 11990, core::VatRate::Vat22, false},
    {"Вода питьевая 1,5 л", "WTR-1", 4990, core::VatRate::Vat22, false},
    {"Сок яблочный 1 л", "JCE-1", 12990, core::VatRate::Vat22, false},
    {"Гречка 900 г", "BUK-1", 10990, core::VatRate::Vat10, false},
    {"Макароны 450 г", "PST-1", 8990, core::VatRate::Vat10, false},
    {"Масло сливочное 82%", "BTR-1", 21990, core::VatRate::Vat10, false},
    {"Яйца С1 10 шт.", "EGG-1", 11990, core::VatRate::Vat10, false},
    {"Пакет-майка", "BAG-1", 900, core::VatRate::Vat22, false},
};

const till::Cashier kCashiers[] = {
    {"0193a4c2-0000-7000-8000-00000000c001", "Иванова Анна", ""},
    {"0193a4c2-0000-7000-8000-00000000c002", "Петров Сергей", ""},
    {"0193a4c2-0000-7000-8000-00000000c003", "Сидорова Мария", ""},
};

std::string localDate(core::Clock::TimePoint t)
{
    const auto days = std::chrono::floor<std::chrono::days>(t + kMoscow);
    const std::chrono::year_month_day ymd(days);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return text;
}

/// Running figures for one grouping (a day, a cashier, a payment type).
struct Figures {
    std::int64_t sales = 0;       ///< kopecks of sell receipts
    std::int64_t salesCount = 0;
    std::int64_t returns = 0;     ///< kopecks of sellReturn receipts
    std::int64_t returnsCount = 0;

    void add(const store::ReceiptRecord& r)
    {
        if (r.operation == "sellReturn") {
            returns += r.total.kopecks();
            ++returnsCount;
        } else {
            sales += r.total.kopecks();
            ++salesCount;
        }
    }
    [[nodiscard]] core::Json toJson() const
    {
        return {{"sales", sales},
                {"salesCount", salesCount},
                {"returns", returns},
                {"returnsCount", returnsCount},
                {"revenue", sales - returns},
                {"receipts", salesCount + returnsCount}};
    }
};

class Seeder {
public:
    Seeder(std::filesystem::path dir, std::uint64_t seed, core::Clock::TimePoint now)
        : m_dir(std::move(dir)), m_rng(seed), m_random(seed), m_now(now)
    {
    }

    core::Status open(const std::string& url, const std::string& deviceId, const std::string& deviceKey)
    {
        SIGMA_ASSIGN_OR_RETURN(m_database, store::TerminalDatabase::open(m_dir / "terminal.db",
                                                                         store::TerminalDatabase::Access::Writer, "seed"));
        drivers::emulator::VirtualKkt::Options kkt;
        kkt.statePath = m_dir / "kkt.db";
        kkt.clock = &m_clock;
        SIGMA_ASSIGN_OR_RETURN(m_kkt, drivers::emulator::VirtualKkt::open(kkt));
        drivers::payment::EmulatedPaymentTerminal::Options pay;
        pay.statePath = m_dir / "pinpad.db";
        pay.clock = &m_clock;
        pay.random = &m_random;
        SIGMA_ASSIGN_OR_RETURN(m_payment, drivers::payment::EmulatedPaymentTerminal::open(pay));
        m_till = std::make_unique<till::TillContext>(*m_database, *m_kkt, m_payment.get(), m_clock, m_random);
        sync::SyncStateRepository state(*m_database);
        SIGMA_TRY(state.saveRegistrationStart(url, "seed", "seed", "trade"));
        SIGMA_TRY(state.saveActivation(deviceId, deviceKey, core::toUnixMicros(m_now)));
        return core::ok();
    }

    /// Rings `days` closed days before today and today's open shift.
    core::Status ring(int days)
    {
        const auto today = std::chrono::floor<std::chrono::days>(m_now + kMoscow);
        for (int back = days; back >= 1; --back) {
            SIGMA_TRY(ringDay(today - std::chrono::days(back), false));
        }
        // Today's shift is open when the shop is: from 09:00 with an hour of sales behind it.
        if (m_now + kMoscow - today < 10h) {
            return core::ok();
        }
        return ringDay(today, true);
    }

    /// One sync round with the device credentials: the whole journal.
    core::Result<sync::SyncReport> push()
    {
        SIGMA_ASSIGN_OR_RETURN(auto companion, store::TerminalDatabase::open(
                                                   m_dir / "terminal.db", store::TerminalDatabase::Access::Companion, "sync"));
        sync::SyncEngineOptions options;
        options.pull = false; // the history only; the catalog is the cabinet's business
        sync::SyncEngine engine(*companion, options, m_clock, m_random);
        return engine.syncOnce();
    }

    [[nodiscard]] core::Json summary() const
    {
        core::Json days = core::Json::object();
        for (const auto& [date, figures] : m_byDay) {
            days[date] = figures.toJson();
        }
        core::Json cashiers = core::Json::object();
        for (const auto& [name, figures] : m_byCashier) {
            cashiers[name] = figures.toJson();
        }
        core::Json payments = core::Json::object();
        for (const auto& [type, sum] : m_byPayment) {
            payments[type] = sum;
        }
        return {{"totals", m_totals.toJson()}, {"days", days},        {"cashiers", cashiers},
                {"payments", payments},        {"shifts", m_shifts},   {"cashOperations", m_cashOperations}};
    }

private:
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(m_rng); }

    void at(std::chrono::sys_days day, std::chrono::minutes localTime)
    {
        m_clock.set(std::chrono::time_point_cast<core::Clock::TimePoint::duration>(day - kMoscow + localTime));
    }

    core::Status ringDay(std::chrono::sys_days day, bool today)
    {
        const auto& cashier = kCashiers[uniform(0, 2)];
        at(day, 9h);
        const auto opened = till::ShiftService(*m_till).open(cashier);
        if (!opened) {
            return opened.error();
        }
        SIGMA_TRY(cash(cashier, true, 500000, "Размен на начало смены"));

        // Sales spread over the day: up to 21:00, or on the open day up to a few minutes ago.
        core::Clock::TimePoint end = day - kMoscow + 21h;
        if (today) {
            end = std::min(m_now - 5min, end);
        }
        const int count = today ? static_cast<int>(uniform(5, 12)) : static_cast<int>(uniform(15, 40));
        const core::Clock::TimePoint start = day - kMoscow + 9h + 10min;
        const auto span = std::max<std::int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(end - start).count());
        std::vector<std::int64_t> offsets;
        for (int i = 0; i < count && end > start; ++i) {
            offsets.push_back(uniform(0, span - 1));
        }
        std::sort(offsets.begin(), offsets.end());
        std::vector<store::ReceiptRecord> sales;
        for (const auto offset : offsets) {
            m_clock.set(std::chrono::time_point_cast<core::Clock::TimePoint::duration>(start + std::chrono::seconds(offset)));
            SIGMA_ASSIGN_OR_RETURN(auto sale, sell(cashier));
            sales.push_back(sale);
            // About one return a day: one line of a sale made earlier the same day.
            if (sales.size() > 3 && uniform(0, count) == 0) {
                const auto& original = sales[static_cast<std::size_t>(uniform(0, static_cast<std::int64_t>(sales.size()) - 2))];
                m_clock.set(m_clock.now() + 2min);
                auto returned = till::ReturnService(*m_till).returnByReceipt(
                    original.id, {{0, original.lines.front().quantity}}, cashier);
                if (returned && returned->receipt.status == "fiscalized") {
                    record(returned->receipt, cashier);
                }
            }
        }
        if (!today && uniform(0, 2) == 0) {
            m_clock.set(std::chrono::time_point_cast<core::Clock::TimePoint::duration>(day - kMoscow + 18h));
            SIGMA_TRY(cash(cashier, false, 300000, "Инкассация"));
        }
        if (today) {
            m_shifts.push_back({{"number", opened->number}, {"date", localDate(m_clock.now())},
                                {"cashier", cashier.name}, {"open", true}});
            return core::ok();
        }
        at(day, 21h);
        SIGMA_ASSIGN_OR_RETURN(const auto status, till::ShiftService(*m_till).status());
        // The blind count: mostly exact, sometimes short or over by a few roubles.
        const std::int64_t expected = status["figures"]["expectedCash"].get<std::int64_t>();
        const std::int64_t difference = std::array<std::int64_t, 6>{0, 0, 0, -10000, -5000, 2000}[uniform(0, 5)];
        SIGMA_ASSIGN_OR_RETURN(const auto closed, till::ShiftService(*m_till).close(
                                                      cashier, core::Money::fromKopecks(expected + difference)));
        m_shifts.push_back({{"number", closed.shift.number},
                            {"date", localDate(m_clock.now())},
                            {"cashier", cashier.name},
                            {"open", false},
                            {"figures", closed.figures.toJson()},
                            {"countedCash", closed.countedCash.kopecks()},
                            {"overShort", closed.overShort.kopecks()}});
        return core::ok();
    }

    core::Status cash(const till::Cashier& cashier, bool in, std::int64_t kopecks, const std::string& reason)
    {
        SIGMA_ASSIGN_OR_RETURN(const auto status, till::ShiftService(*m_till).status());
        SIGMA_ASSIGN_OR_RETURN(const auto done,
                               till::ShiftService(*m_till).cash(cashier, in, core::Money::fromKopecks(kopecks), reason));
        (void)done;
        m_cashOperations.push_back({{"shiftId", status.value("shiftId", std::string())},
                                    {"date", localDate(m_clock.now())},
                                    {"in", in},
                                    {"sum", kopecks},
                                    {"reason", reason},
                                    {"cashier", cashier.name}});
        return core::ok();
    }

    core::Result<store::ReceiptRecord> sell(const till::Cashier& cashier)
    {
        core::Receipt receipt;
        const auto date = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(m_clock.now() + kMoscow));
        receipt.vatDate = core::Date{date.year(), date.month(), date.day()};
        const int lines = static_cast<int>(uniform(1, 5));
        for (int i = 0; i < lines; ++i) {
            const auto& p = kProducts[uniform(0, std::size(kProducts) - 1)];
            core::ReceiptLine line;
            line.name = p.name;
            line.productRef = p.sku;
            line.unitPrice = core::Money::fromKopecks(p.priceKopecks);
            line.unit = p.weighed ? core::MeasureUnit::Kilogram : core::MeasureUnit::Piece;
            line.quantity = p.weighed ? core::Quantity::fromThousandths(uniform(150, 1800))
                                      : core::Quantity::fromThousandths(1000 * uniform(1, 3));
            line.vat = p.vat;
            receipt.lines.push_back(line);
        }
        SIGMA_ASSIGN_OR_RETURN(const auto totals, core::ReceiptCalculator().calculate(receipt));
        const std::int64_t total = totals.total.kopecks();
        if (uniform(0, 99) < 45) {
            receipt.payments.push_back({core::PaymentType::Electronically, totals.total});
        } else {
            // Cash handed over: the total rounded up to the next 100 roubles; the change is computed.
            receipt.payments.push_back({core::PaymentType::Cash, core::Money::fromKopecks((total / 10000 + 1) * 10000)});
        }
        till::CheckoutRequest request;
        request.cashier = cashier;
        request.receipt = std::move(receipt);
        SIGMA_ASSIGN_OR_RETURN(auto result, till::CheckoutService(*m_till).checkout(std::move(request)));
        if (result.receipt.status != "fiscalized") {
            return core::Error(core::errc::kInternal, "a seeded sale was not fiscalized: " + result.receipt.failure);
        }
        record(result.receipt, cashier);
        return result.receipt;
    }

    void record(const store::ReceiptRecord& r, const till::Cashier& cashier)
    {
        m_totals.add(r);
        m_byDay[localDate(core::fromUnixMicros(r.createdAtUs))].add(r);
        m_byCashier[cashier.name].add(r);
        const std::int64_t sign = r.operation == "sellReturn" ? -1 : 1;
        for (const auto& payment : r.payments) {
            const bool cash = payment.type == "cash";
            const std::int64_t kept = payment.sum.kopecks() - (cash ? r.change.kopecks() : 0);
            m_byPayment[cash ? "cash" : "card"] += sign * kept;
        }
    }

    std::filesystem::path m_dir;
    std::mt19937_64 m_rng;
    test::SeededRandom m_random;
    core::Clock::TimePoint m_now;
    test::ManualClock m_clock;
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<drivers::payment::EmulatedPaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_till;
    Figures m_totals;
    std::map<std::string, Figures> m_byDay;
    std::map<std::string, Figures> m_byCashier;
    std::map<std::string, std::int64_t> m_byPayment;
    core::Json m_shifts = core::Json::array();
    core::Json m_cashOperations = core::Json::array();
};

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Rings a realistic sales history on an emulated terminal and pushes it to the cloud"};
    std::string url;
    std::string deviceId;
    std::string deviceKey;
    int days = 14;
    std::uint64_t seed = 1;
    std::string dir;
    app.add_option("--url", url, "the cloud's address")->required();
    app.add_option("--device-id", deviceId, "the device id handed out at activation")->required();
    app.add_option("--device-key", deviceKey, "the device key handed out at activation")->required();
    app.add_option("--days", days, "closed days before today")->check(CLI::Range(0, 400));
    app.add_option("--seed", seed, "the random seed (the same seed rings the same history)");
    app.add_option("--dir", dir, "the terminal data directory to create (default: a temporary one)");
    CLI11_PARSE(app, argc, argv);

    std::optional<test::TempDir> temporary;
    std::filesystem::path where = dir;
    if (dir.empty()) {
        temporary.emplace("sigma-seed");
        where = temporary->path();
    } else {
        std::filesystem::create_directories(where);
    }
    Seeder seeder(where, seed, core::SystemClock().now());
    if (auto opened = seeder.open(url, deviceId, deviceKey); !opened) {
        std::cerr << "sigma_cloud_seed: " << opened.error().message << "\n";
        return 1;
    }
    if (auto rung = seeder.ring(days); !rung) {
        std::cerr << "sigma_cloud_seed: ringing failed: " << rung.error().message << "\n";
        return 1;
    }
    auto pushed = seeder.push();
    if (!pushed) {
        std::cerr << "sigma_cloud_seed: the push failed: " << pushed.error().message << "\n";
        return 1;
    }
    auto summary = seeder.summary();
    summary["pushedEvents"] = pushed->pushedEvents;
    summary["ackedSeq"] = pushed->ackedSeq;
    std::cout << summary.dump(2) << "\n";
    return 0;
}
