// sigma_finance_bench: the cabinet's «Финансы» at a real size (docs/cloud.md, "Performance"),
// printed as JSON.
//
//   sigma_finance_bench [--db URL] [--receipts 1000000] [--days 1095] [--repeat 20] [--depth 500000]
//
// One account with three years of a busy shop inserted directly in bulk (multi-row INSERTs, the
// way bench/CloudLoad.cpp writes its raw floor): `receipts` receipts with two lines and one
// payment each (every 20th a return of the one before, 40 % by card), two shifts a day closed
// with the register's figures, a cash in and a cash out per shift. Then, through an in-process
// sigma-cloud over HTTP with a signed-in owner:
//   - the first page of GET /api/v1/receipts and /api/v1/shifts over the whole period;
//   - a page `depth` receipts deep, reached by following the cursors (limit=200), timed with
//     limit=50: the keyset page;
//   - the same page with OFFSET instead of the keyset predicate, as SQL on one connection, next
//     to the keyset SQL on the same connection: the ratio is what keyset paging saves;
//   - GET /api/v1/shifts/{id} of a shift in the middle (figures, Z report, cash operations and
//     the sums of its ~450 receipts).
// Each timing is the median of `repeat` runs. PostgreSQL: a schema of its own, dropped at the end.

#include "BenchCloud.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
#include "cloud/Notifier.h"
#include "core/Clock.h"
#include "core/ExactJson.h"
#include "crypto/OsRandom.h"
#include "crypto/PasswordHasher.h"
#include "db/ConnectionFactory.h"
#include "db/Transaction.h"
#include "net/HttpClient.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace sigma;
using SteadyClock = std::chrono::steady_clock;

struct Options {
    std::string db;
    std::int64_t receipts = 1'000'000;
    std::int64_t days = 1095;
    int repeat = 20;
    std::int64_t depth = 500'000;
};

using bench::check;
using bench::die;

double millis(SteadyClock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

/// The median of `repeat` runs of `run`, in ms.
double median(int repeat, const std::function<void()>& run)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        const auto start = SteadyClock::now();
        run();
        times.push_back(millis(SteadyClock::now() - start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

/// Rows written into the SQL (our own values: digits, ids and fixed words, no quotes).
class Rows {
public:
    explicit Rows(std::string head) : m_head(std::move(head)) {}
    Rows& row()
    {
        m_sql += m_sql.empty() ? m_head + " VALUES (" : "), (";
        m_first = true;
        return *this;
    }
    Rows& operator<<(std::int64_t value) { return add(std::to_string(value)); }
    Rows& operator<<(int value) { return add(std::to_string(value)); }
    Rows& operator<<(const std::string& text) { return add("'" + text + "'"); }
    Rows& operator<<(const char* text) { return add("'" + std::string(text) + "'"); }
    Rows& null() { return add("NULL"); }
    void flush(db::Connection& db, const char* what)
    {
        if (!m_sql.empty()) {
            check(db.executeScript(m_sql + ")"), what);
            m_sql.clear();
        }
    }

private:
    Rows& add(const std::string& literal)
    {
        m_sql += (m_first ? "" : ", ") + literal;
        m_first = false;
        return *this;
    }
    std::string m_head;
    std::string m_sql;
    bool m_first = true;
};

std::string id(const char* prefix, std::int64_t n)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s-%012lld", prefix, static_cast<long long>(n));
    return buffer;
}

/// Three years of one shop, bulk. Returns the seconds it took.
double populate(db::Connection& db, const Options& o, std::int64_t startUs, std::int64_t endUs)
{
    const auto started = SteadyClock::now();
    const std::int64_t shifts = o.days * 2;
    const std::int64_t perShift = std::max<std::int64_t>(1, o.receipts / shifts);
    const std::int64_t stepUs = (endUs - startUs) / o.receipts;
    constexpr std::int64_t kBatch = 500;
    const std::string account = "account-0";
    const std::string device = "device-0";
    for (std::int64_t from = 0; from < o.receipts; from += kBatch) {
        Rows receipts(
            "INSERT INTO receipts(account_id, receipt_id, device_id, shift_id, status, operation, cashier_id, "
            "created_at, total, discount_total, change_sum, fiscal, original_receipt_id)");
        Rows lines("INSERT INTO receipt_lines(account_id, receipt_id, position, name, product_id, quantity, "
                   "unit_price, amount, vat_rate, vat_sum)");
        Rows payments("INSERT INTO receipt_payments(account_id, receipt_id, position, type, sum, card_status, "
                      "card_auth_code, card_rrn)");
        Rows shiftRows("INSERT INTO shifts(account_id, shift_id, device_id, number, opened_at, closed_at, cashier_id, "
                       "cashier_name, expected_cash, counted_cash, over_short, figures, close_fiscal, closed_by)");
        Rows cash("INSERT INTO cash_operations(account_id, operation_id, device_id, shift_id, kind, sum, reason, "
                  "cashier_id, occurred_at)");
        for (std::int64_t i = from; i < std::min(o.receipts, from + kBatch); ++i) {
            const std::int64_t at = startUs + i * stepUs;
            const std::int64_t shift = std::min(i / perShift, shifts - 1);
            const bool isReturn = i % 20 == 19;
            const bool card = !isReturn && i % 5 < 2;
            const std::int64_t total = 10000 + (i * 7919) % 90000;
            const std::string receipt = id("r", i);
            receipts.row() << account << receipt << device << id("sh", shift) << "fiscalized"
                           << (isReturn ? "sellReturn" : "sell") << "cashier-1" << at << total << 0 << 0
                           << "{\"fiscalDocumentNumber\":" + std::to_string(i + 1) + "}";
            if (isReturn) {
                receipts << id("r", i - 1);
            } else {
                receipts.null();
            }
            for (std::int64_t position = 0; position < 2; ++position) {
                lines.row() << account << receipt << position << "Товар"
                            << "p-1" << 1000 << total / 2 << total / 2 << "vat22" << total / 12;
            }
            payments.row() << account << receipt << 0 << (card ? "electronically" : "cash") << total;
            if (card) {
                payments << "approved"
                         << "A1B2C3" << id("rrn", i);
            } else {
                payments.null().null().null();
            }
            // A shift is written with its first receipt: opened before it, closed after its last.
            if (i % perShift == 0 && i / perShift < shifts) {
                const std::int64_t opened = at - 600'000'000;
                const std::int64_t closed = at + perShift * stepUs + 600'000'000;
                shiftRows.row() << account << id("sh", shift) << device << shift + 1 << opened << closed << "cashier-1"
                                << "Кассир" << 500000 << 499000 << -1000 << "{\"sales\":1,\"returns\":0}"
                                << "{\"fiscalDocumentNumber\":1}"
                                << "cashier-1";
                cash.row() << account << id("ci", shift) << device << id("sh", shift) << "in" << 300000 << "Размен"
                           << "cashier-1" << opened + 60'000'000;
                cash.row() << account << id("co", shift) << device << id("sh", shift) << "out" << 100000 << "Инкассация"
                           << "cashier-1" << closed - 60'000'000;
            }
        }
        auto tx = check(db::Transaction::begin(db, db::TransactionMode::Immediate), "begin");
        receipts.flush(db, "receipts");
        lines.flush(db, "lines");
        payments.flush(db, "payments");
        shiftRows.flush(db, "shifts");
        cash.flush(db, "cash");
        check(tx.commit(), "commit");
    }
    // Planner statistics, as a production database has them.
    check(db.executeScript("ANALYZE"), "analyze");
    return millis(SteadyClock::now() - started) / 1000.0;
}

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            die("missing value after " + arg);
        }
        const std::string value = argv[++i];
        auto number = [&]() -> std::int64_t {
            try {
                return std::max<std::int64_t>(1, std::stoll(value));
            } catch (const std::exception&) {
                die(arg + " takes a number");
            }
        };
        if (arg == "--db") {
            o.db = value;
        } else if (arg == "--receipts") {
            o.receipts = number();
        } else if (arg == "--days") {
            o.days = number();
        } else if (arg == "--repeat") {
            o.repeat = static_cast<int>(number());
        } else if (arg == "--depth") {
            o.depth = number();
        } else {
            die("unknown option " + arg);
        }
    }
    return o;
}

std::string isoDay(std::int64_t us)
{
    // The shop's local day (UTC+3), as the API takes it.
    const auto day = std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::microseconds>(std::chrono::microseconds(us + 3LL * 3600 * 1'000'000)));
    const std::chrono::year_month_day ymd(day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buffer;
}

} // namespace

int main(int argc, char** argv)
{
    Options options = parse(argc, argv);
    options.depth = std::min(options.depth, options.receipts - 100);
    crypto::OsRandom random;
    core::SystemClock clock;
    auto env = bench::BenchCloud::create("finance_bench", options.db, "http://bench.test");
    const auto& url = env.url;
    const auto& config = env.config;

    const std::int64_t endUs = core::toUnixMicros(clock.now());
    const std::int64_t startUs = endUs - options.days * 86'400'000'000LL;
    auto adminDb = check(cloud::CloudDatabase::open(url, 1), "open");
    double populateSec = 0;
    {
        auto lease = adminDb->lock();
        auto& db = adminDb->connection();
        check(db.execute("INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) VALUES "
                         "('account-0', 'trade', 1, 'active', 0)"),
              "account");
        check(db.execute("INSERT INTO devices(id, account_id, serial, revoked, key_hash, created_at) VALUES "
                         "('device-0', 'account-0', 'SN-BENCH', 0, 'x', 0)"),
              "device");
        const auto hash = check(crypto::PasswordHasher::hash("Bench-Pass-123", config.argon2, random), "hash");
        check(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at) "
                         "VALUES ('owner-0', 'account-0', NULL, 'bench@example.com', $1, 'owner', 1, 0)",
                         {hash}),
              "user");
        populateSec = populate(db, options, startUs, endUs);
    }

    cloud::CloudServer server(config, check(cloud::CloudDatabase::open(url, 2), "open pool"), clock, random);
    check(server.start(), "start");
    const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
    net::HttpClient client;
    std::string cookie;
    {
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = base + "/api/v1/auth/login";
        request.body = R"({"login":"bench@example.com","password":"Bench-Pass-123"})";
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", config.publicUrl);
        auto response = check(client.send(request), "login");
        const auto setCookie = response.headers.get("Set-Cookie").value_or("");
        cookie = setCookie.substr(0, setCookie.find(';'));
        if (response.status != 200 || cookie.empty()) {
            die("login failed: " + response.body);
        }
    }
    auto get = [&](const std::string& path) {
        net::HttpClientRequest request;
        request.url = base + path;
        request.headers.set("Cookie", cookie);
        request.acceptGzip = false;
        auto response = check(client.send(request), "GET");
        if (response.status != 200) {
            die(path + ": " + std::to_string(response.status) + " " + response.body);
        }
        return check(core::parseJsonExact(response.body), "json");
    };

    const std::string period = "from=" + isoDay(startUs) + "&to=" + isoDay(endUs);
    const std::string receipts = "/api/v1/receipts?" + period;
    const double firstPageMs = median(options.repeat, [&] { (void)get(receipts + "&limit=50"); });
    const double returnsFirstPageMs =
        median(options.repeat, [&] { (void)get(receipts + "&operation=sellReturn&limit=50"); });
    const double cardFirstPageMs = median(options.repeat, [&] { (void)get(receipts + "&payment=card&limit=50"); });
    const double shiftsFirstPageMs =
        median(options.repeat, [&] { (void)get("/api/v1/shifts?" + period + "&limit=50"); });

    // Walk to `depth` by the cursors, as "Показать ещё" would (200 a page).
    std::string cursor;
    std::int64_t walked = 0;
    const auto walkStart = SteadyClock::now();
    int walkPages = 0;
    while (walked < options.depth) {
        const auto page = get(receipts + "&limit=200" + (cursor.empty() ? "" : "&cursor=" + cursor));
        walked += static_cast<std::int64_t>(page["items"].size());
        ++walkPages;
        if (!page["next"].is_string()) {
            die("the list ended before the depth");
        }
        cursor = page["next"].get<std::string>();
    }
    const double walkMsPerPage = millis(SteadyClock::now() - walkStart) / walkPages;
    const double deepPageMs = median(options.repeat, [&] { (void)get(receipts + "&limit=50&cursor=" + cursor); });

    // The same page as SQL: keyset predicate against OFFSET, on one connection, same run.
    const std::string selectHead =
        "SELECT r.receipt_id, r.device_id, d.serial, r.shift_id, s.number, r.operation, r.cashier_id, e.name, "
        "r.created_at, r.total, r.original_receipt_id, r.fiscal, (SELECT CAST(SUM(p.sum) AS BIGINT) FROM "
        "receipt_payments p WHERE p.account_id = r.account_id AND p.receipt_id = r.receipt_id AND p.type = 'cash'), "
        "(SELECT CAST(SUM(p.sum) AS BIGINT) FROM receipt_payments p WHERE p.account_id = r.account_id AND "
        "p.receipt_id = r.receipt_id AND p.type = 'electronically') FROM receipts r LEFT JOIN devices d ON d.id = "
        "r.device_id LEFT JOIN shifts s ON s.account_id = r.account_id AND s.shift_id = r.shift_id LEFT JOIN "
        "employees e ON e.id = r.cashier_id AND e.account_id = r.account_id WHERE r.account_id = 'account-0' AND "
        "r.status = 'fiscalized' AND r.created_at >= " +
        std::to_string(startUs - 86'400'000'000LL);
    const std::string select = selectHead + " AND r.created_at < " + std::to_string(endUs + 86'400'000'000LL);
    double sqlKeysetMs = 0;
    double sqlOffsetMs = 0;
    {
        auto lease = adminDb->lock();
        auto& db = adminDb->connection();
        const auto anchor = check(db.query(select + " ORDER BY r.created_at DESC, r.receipt_id DESC LIMIT 1 OFFSET " +
                                           std::to_string(options.depth - 1)),
                                  "anchor");
        if (anchor.empty()) {
            die("no anchor row");
        }
        const std::string at = std::to_string(anchor[0].int64(8));
        const std::string rid = anchor[0].text(0);
        // The service's keyset predicate (FinanceService.cpp, timeRange): the time range's upper
        // end lowered to just past the cursor, and the tie-break on the id.
        const std::string keyset = selectHead + " AND r.created_at < " + std::to_string(anchor[0].int64(8) + 1) +
                                   " AND (r.created_at < " + at + " OR r.receipt_id < '" + rid +
                                   "') ORDER BY r.created_at DESC, r.receipt_id DESC LIMIT 51";
        const std::string offset =
            select + " ORDER BY r.created_at DESC, r.receipt_id DESC LIMIT 51 OFFSET " + std::to_string(options.depth);
        const int offsetRepeat = std::max(3, options.repeat / 4);
        sqlKeysetMs = median(options.repeat, [&] { (void)check(db.query(keyset), "keyset"); });
        sqlOffsetMs = median(offsetRepeat, [&] { (void)check(db.query(offset), "offset"); });
        // Both give the same page.
        if (check(db.query(keyset), "keyset")[0].text(0) != check(db.query(offset), "offset")[0].text(0)) {
            die("keyset and OFFSET pages differ");
        }
    }

    const std::string middleShift = id("sh", options.days);
    const auto shift = get("/api/v1/shifts/" + middleShift);
    const double shiftMs = median(options.repeat, [&] { (void)get("/api/v1/shifts/" + middleShift); });
    server.stop();

    const bool postgres = env.postgres();
    adminDb.reset();
    env.drop();

    const core::Json report = {
        {"backend", postgres ? "postgresql" : "sqlite"},
        {"receipts", options.receipts},
        {"days", options.days},
        {"populateSeconds", populateSec},
        {"repeat", options.repeat},
        {"http",
         {{"receiptsFirstPageMs", firstPageMs},
          {"returnsFirstPageMs", returnsFirstPageMs},
          {"cardFirstPageMs", cardFirstPageMs},
          {"shiftsFirstPageMs", shiftsFirstPageMs},
          {"depth", walked},
          {"walkMsPerPageOf200", walkMsPerPage},
          {"receiptsDeepPageMs", deepPageMs},
          {"shiftDetailMs", shiftMs},
          {"shiftDetailReceipts", shift["fromReceipts"]["salesCount"].get<std::int64_t>() +
                                      shift["fromReceipts"]["returnsCount"].get<std::int64_t>()}}},
        {"sql",
         {{"depth", options.depth},
          {"keysetPageMs", sqlKeysetMs},
          {"offsetPageMs", sqlOffsetMs},
          {"offsetOverKeyset", sqlOffsetMs / sqlKeysetMs}}},
    };
    std::cout << report.dump(2) << std::endl;
    return 0;
}
