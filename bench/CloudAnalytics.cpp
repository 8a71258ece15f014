// sigma_cloud_analytics: how fast GET /api/v1/analytics answers at a real shop's size (docs/cloud.md,
// "Performance"), printed as JSON.
//
//   sigma_cloud_analytics [--db URL] [--receipts 1000000] [--days 1095] [--runs 5] [--keep 1]
//
// Fills the cloud database with `days` days of one busy shop, `receipts` receipts spread evenly
// (3 terminals, 6 cashiers, 2000 products with a popular head, 1 to 4 lines each, 3% returns, one
// payment each), written by the database itself (INSERT ... SELECT over a counting CTE, in chunks)
// because event ingest is not what is measured. Then, through an in-process sigma-cloud on a
// loopback port, times the analytics document of the last day, the last calendar month, the last
// 365 days and the month filtered by a terminal and by a cashier: the best and the median of `runs`
// runs after one warm-up. Last, the month again without migration 4's index, for comparison.
//
// PostgreSQL: the run works in a schema of its own, dropped at the end; SQLite: in a temporary
// directory, removed at the end. With `--keep 1` either stays and is named in the output, for
// EXPLAIN by hand (the index is dropped by then). Build in Release.

#include "BenchCloud.h"
#include "cloud/AnalyticsService.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
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
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace sigma;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kAccount = "bench-account";
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

struct Options {
    std::string db;
    std::int64_t receipts = 1'000'000;
    std::int64_t days = 1095;
    int runs = 5;
    bool keep = false;
};

using bench::check;
using bench::die;

double seconds(SteadyClock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

std::string formatDate(std::int64_t daysSinceEpoch)
{
    const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{daysSinceEpoch}}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

/// Receipts [first, last) and their lines and payments. Receipt n falls on day n·days/receipts
/// from `firstDayUs` (a local midnight in UTC µs), between 9:00 and 22:00 local time; every other
/// property is a multiplicative hash of n (the same SQL on both backends: 64-bit integer arithmetic).
void fillChunk(db::Connection& db, std::int64_t first, std::int64_t last, std::int64_t receipts, std::int64_t days,
               std::int64_t firstDayUs)
{
    const std::string n = std::to_string(first);
    const std::string end = std::to_string(last);
    const std::string seq = "WITH RECURSIVE seq(n) AS (SELECT CAST(" + n +
                            " AS BIGINT) UNION ALL SELECT n + 1 FROM seq "
                            "WHERE n + 1 < " +
                            end + ") ";
    const std::string hash = "((n * 2654435761) % 4294967296)";
    // Lines first (the receipt's total is their sum): 1 to 4 per receipt; a product id skewed
    // towards the low numbers (a popular head, a long tail), a price fixed per product.
    const std::string lineHash = "(((n * 4 + pos.p) * 2246822519) % 4294967296)";
    const std::string product = "((" + lineHash + " % 2000) * (" + lineHash + " / 2000 % 2000) / 2000)";
    const std::string price = "(3000 + (" + product + " * 7919) % 50000)";
    const std::string quantity = "(1 + " + lineHash + " / 7 % 3)";
    check(db.execute("INSERT INTO receipt_lines(account_id, receipt_id, position, name, product_id, quantity, "
                     "unit_price, amount, vat_rate) " +
                     seq + "SELECT '" + kAccount + "', 'r' || CAST(n AS TEXT), pos.p, 'Товар ' || CAST(" + product +
                     " AS TEXT), 'prod-' || CAST(" + product + " AS TEXT), 1000 * " + quantity + ", " + price + ", " +
                     price + " * " + quantity +
                     ", 'vat22' FROM seq CROSS JOIN (SELECT 0 AS p UNION ALL SELECT 1 UNION ALL SELECT 2 UNION "
                     "ALL SELECT 3) pos WHERE pos.p <= " +
                     hash + " / 13 % 4"),
          "lines");
    const std::string createdAt = std::to_string(firstDayUs) + " + (n * " + std::to_string(days) + " / " +
                                  std::to_string(receipts) + ") * " + std::to_string(kMicrosPerDay) +
                                  " + 32400000000 + (" + hash + " % 46800) * 1000000";
    check(db.execute("INSERT INTO receipts(account_id, receipt_id, device_id, shift_id, status, operation, cashier_id, "
                     "created_at, total, discount_total, change_sum) " +
                     seq + "SELECT '" + kAccount + "', 'r' || CAST(n AS TEXT), 'bench-device-' || CAST(" + hash +
                     " / 7 % 3 AS TEXT), NULL, 'fiscalized', CASE WHEN " + hash +
                     " % 100 < 3 THEN 'sellReturn' ELSE 'sell' END, 'bench-cashier-' || CAST(" + hash +
                     " / 11 % 6 AS TEXT), " + createdAt +
                     ", (SELECT SUM(l.amount) FROM receipt_lines l WHERE l.account_id = '" + kAccount +
                     "' AND l.receipt_id = 'r' || CAST(n AS TEXT)), 0, 0 FROM seq"),
          "receipts");
    check(db.execute("INSERT INTO receipt_payments(account_id, receipt_id, position, type, sum) " + seq +
                     "SELECT r.account_id, r.receipt_id, 0, CASE WHEN " + hash + " / 17 % 10 < 4 THEN 'cash' WHEN " +
                     hash +
                     " / 17 % 10 < 9 THEN 'electronically' ELSE 'other' END, r.total FROM seq JOIN receipts r "
                     "ON r.account_id = '" +
                     kAccount + "' AND r.receipt_id = 'r' || CAST(n AS TEXT)"),
          "payments");
}

struct Timing {
    double bestMs = 0;
    double medianMs = 0;
    std::int64_t receipts = 0;
};

Timing timeReport(net::HttpClient& client, const std::string& base, const std::string& cookie, const std::string& query,
                  int runs)
{
    std::vector<double> ms;
    Timing timing;
    for (int i = 0; i <= runs; ++i) {
        net::HttpClientRequest request;
        request.url = base + "/api/v1/analytics?" + query;
        request.headers.set("Cookie", cookie);
        request.totalTimeoutMs = 600000;
        const auto start = SteadyClock::now();
        auto response = check(client.send(request), "analytics");
        const double elapsed = seconds(SteadyClock::now() - start) * 1000;
        if (response.status != 200) {
            die("analytics " + query + ": " + std::to_string(response.status) + " " + response.body);
        }
        if (i == 0) {
            timing.receipts =
                check(core::parseJsonExact(response.body), "json")["totals"]["receipts"].get<std::int64_t>();
            continue; // the warm-up
        }
        ms.push_back(elapsed);
    }
    std::sort(ms.begin(), ms.end());
    timing.bestMs = ms.front();
    timing.medianMs = ms[ms.size() / 2];
    return timing;
}

core::Json toJson(const Timing& timing)
{
    return {{"bestMs", timing.bestMs}, {"medianMs", timing.medianMs}, {"receipts", timing.receipts}};
}

Options parse(int argc, char** argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            die("missing value after " + arg);
        }
        const std::string value = argv[++i];
        if (arg == "--db") {
            options.db = value;
        } else if (arg == "--receipts") {
            options.receipts = std::stoll(value);
        } else if (arg == "--days") {
            options.days = std::stoll(value);
        } else if (arg == "--keep") {
            options.keep = value == "1";
        } else if (arg == "--runs") {
            options.runs = std::stoi(value);
        } else {
            die("unknown option " + arg);
        }
    }
    if (options.receipts < 1 || options.days < 31 || options.runs < 1) {
        die("--receipts ≥ 1, --days ≥ 31, --runs ≥ 1");
    }
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parse(argc, argv);
    crypto::OsRandom random;
    core::SystemClock clock;
    auto env = bench::BenchCloud::create("cloud_analytics", options.db, "http://analytics.test");
    const auto& url = env.url;
    const auto& config = env.config;
    const bool postgres = env.postgres();

    // The shop's history ends yesterday (local days, as the service counts them).
    const std::int64_t offsetUs = cloud::AnalyticsService::kUtcOffsetMinutes * 60'000'000;
    const std::int64_t today = (core::toUnixMicros(clock.now()) + offsetUs) / kMicrosPerDay;
    const std::int64_t firstDay = today - options.days;
    const std::int64_t lastDay = today - 1;

    auto adminDb = check(cloud::CloudDatabase::open(url, 1), "open");
    const auto fillStart = SteadyClock::now();
    {
        auto lease = adminDb->lock();
        auto& db = adminDb->connection();
        check(db.execute("INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) VALUES "
                         "($1, 'trade', 1, 'active', 0)",
                         {kAccount}),
              "account");
        for (int d = 0; d < 3; ++d) {
            check(db.execute("INSERT INTO devices(id, account_id, serial, revoked, key_hash, created_at) VALUES ($1, "
                             "$2, $3, 0, 'x', 0)",
                             {"bench-device-" + std::to_string(d), kAccount, "SN-BENCH-" + std::to_string(d)}),
                  "device");
        }
        for (int c = 0; c < 6; ++c) {
            check(db.execute("INSERT INTO shifts(account_id, shift_id, device_id, cashier_id, cashier_name) VALUES "
                             "($1, $2, 'bench-device-0', $3, $4)",
                             {kAccount, "shift-" + std::to_string(c), "bench-cashier-" + std::to_string(c),
                              "Кассир " + std::to_string(c + 1)}),
                  "shift");
        }
        const auto hash = check(crypto::PasswordHasher::hash("Bench-Pass-12345", config.argon2, random), "hash");
        check(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at) "
                         "VALUES ('bench-owner', $1, '+79990000001', 'bench@example.com', $2, 'owner', 1, 0)",
                         {kAccount, hash}),
              "user");
        const std::int64_t chunk = 100'000;
        for (std::int64_t first = 0; first < options.receipts; first += chunk) {
            auto tx = check(db::Transaction::begin(db, db::TransactionMode::Immediate), "begin");
            fillChunk(db, first, std::min(first + chunk, options.receipts), options.receipts, options.days,
                      firstDay * kMicrosPerDay - offsetUs);
            check(tx.commit(), "commit");
            std::cerr << "filled " << std::min(first + chunk, options.receipts) << " receipts\n";
        }
        // Fresh statistics for the planner (PostgreSQL also sets the visibility map, so the index
        // alone can answer, as autovacuum would have done on a live server).
        check(db.executeScript(postgres ? "VACUUM ANALYZE" : "ANALYZE"), "analyze");
    }
    const double fillSec = seconds(SteadyClock::now() - fillStart);
    std::int64_t lines = 0;
    {
        auto lease = adminDb->lock();
        auto row = check(adminDb->connection().queryOne("SELECT COUNT(*) FROM receipt_lines"), "count");
        lines = row ? row->int64(0) : 0;
    }

    cloud::CloudServer server(config, check(cloud::CloudDatabase::open(url, config.dbPoolSize), "open pool"), clock,
                              random);
    check(server.start(), "start");
    const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
    net::HttpClient client;
    std::string cookie;
    {
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = base + "/api/v1/auth/login";
        request.body = R"({"login":"bench@example.com","password":"Bench-Pass-12345"})";
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", config.publicUrl);
        auto response = check(client.send(request), "login");
        const auto setCookie = response.headers.get("Set-Cookie").value_or("");
        cookie = setCookie.substr(0, setCookie.find(';'));
        if (response.status != 200 || cookie.empty()) {
            die("login failed: " + response.body);
        }
    }

    // The last full calendar month before today.
    const std::chrono::year_month_day todayDate{std::chrono::sys_days{std::chrono::days{today}}};
    const auto monthStart =
        std::chrono::year_month_day{todayDate.year() / todayDate.month() / 1} - std::chrono::months{1};
    const std::int64_t monthFirst = std::chrono::sys_days(monthStart).time_since_epoch().count();
    const std::int64_t monthLast =
        std::chrono::sys_days(todayDate.year() / todayDate.month() / 1).time_since_epoch().count() - 1;
    const std::string month = "from=" + formatDate(monthFirst) + "&to=" + formatDate(monthLast);

    core::Json figures;
    figures["day"] = toJson(
        timeReport(client, base, cookie, "from=" + formatDate(lastDay) + "&to=" + formatDate(lastDay), options.runs));
    figures["month"] = toJson(timeReport(client, base, cookie, month, options.runs));
    figures["year"] = toJson(timeReport(
        client, base, cookie, "from=" + formatDate(lastDay - 364) + "&to=" + formatDate(lastDay), options.runs));
    figures["monthOneTerminal"] =
        toJson(timeReport(client, base, cookie, month + "&deviceId=bench-device-1", options.runs));
    figures["monthOneCashier"] =
        toJson(timeReport(client, base, cookie, month + "&employeeId=bench-cashier-2", options.runs));
    {
        auto lease = adminDb->lock();
        check(adminDb->connection().execute("DROP INDEX receipts_period"), "drop index");
    }
    figures["monthWithoutIndex"] = toJson(timeReport(client, base, cookie, month, options.runs));
    server.stop();

    const core::Json result{{"backend", postgres ? "postgresql" : "sqlite"},
                            {"receipts", options.receipts},
                            {"lines", lines},
                            {"days", options.days},
                            {"fillSeconds", fillSec},
                            {"runs", options.runs},
                            {"kept", !options.keep ? core::Json(nullptr)
                                     : postgres    ? core::Json(env.pgSchema)
                                                   : core::Json(env.dir.string())},
                            {"analytics", figures}};
    std::cout << result.dump(2) << "\n";

    adminDb.reset();
    if (!options.keep) {
        env.drop();
    }
    return 0;
}
