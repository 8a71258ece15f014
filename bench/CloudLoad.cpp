// sigma_cloud_load: figures for the cloud server (docs/cloud.md, "Performance"), printed as JSON.
//
//   sigma_cloud_load [--db URL] [--devices 50] [--batches 4] [--batch 100] [--clients 64]
//                    [--requests 200] [--hashes 20] [--threads 4] [--pool 4]
//
// 1. Device event ingest: `devices` simulated terminals, each on its own thread and connection,
//    post `batches` signed batches of `batch` receipt.fiscalized events (3 lines, 1 payment) to an
//    in-process sigma-cloud on a loopback port. Then the same rows (events, receipts, lines,
//    payments) go into the same tables with one multi-row INSERT per table per batch, one
//    transaction per batch, over one connection: the floor the database itself sets. The ratio
//    ingest/raw is what the HTTP, signature, hash-chain and projection work costs on top.
// 2. GET /api/v1/me from `clients` concurrent keep-alive clients, `requests` each: p50 and p99.
// 3. Argon2id hashes per second at the production cost (crypto::Argon2Cost defaults), one thread.
//
// PostgreSQL: the run works in a schema of its own, dropped at the end. Build in Release.

#include "BenchCloud.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
#include "cloud/DeviceService.h"
#include "core/Clock.h"
#include "core/ExactJson.h"
#include "crypto/Hex.h"
#include "crypto/OsRandom.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Sha256.h"
#include "db/ConnectionFactory.h"
#include "db/Transaction.h"
#include "net/HttpClient.h"
#include "store/JournalEvent.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace {

using namespace sigma;
using SteadyClock = std::chrono::steady_clock;

struct Options {
    std::string db;
    int devices = 50;
    int batches = 4;
    int batch = 100;
    int clients = 64;
    int requests = 200;
    int hashes = 20;
    int threads = 4;
    int pool = 4;
};

using bench::check;
using bench::die;

double seconds(SteadyClock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

/// One device's whole journal: `batches` × `batch` receipts, chained.
std::vector<store::JournalEvent> journal(int device, int count)
{
    std::vector<store::JournalEvent> events;
    std::string prev(store::JournalHash::kGenesis);
    for (int i = 1; i <= count; ++i) {
        store::JournalEvent e;
        e.seq = i;
        char uuid[64];
        std::snprintf(uuid, sizeof uuid, "0193a4c2-%04x-7d3f-9a2b-%012d", device, i);
        e.uuid = uuid;
        e.type = "receipt.fiscalized";
        e.occurredAtUs = 1'796'378'400'000'000 + i;
        const std::string receiptId = std::string("r-") + uuid;
        core::Json lines = core::Json::array();
        for (int l = 0; l < 3; ++l) {
            lines.push_back({{"position", l},
                             {"name", "Товар " + std::to_string(l)},
                             {"productId", "p" + std::to_string(l)},
                             {"quantity", 1000},
                             {"unitPrice", 10000 + l},
                             {"amount", 10000 + l},
                             {"vatRate", "vat22"},
                             {"vatSum", 1803}});
        }
        e.payload = {{"receiptId", receiptId}, {"shiftId", "s-1"},
                     {"operation", "sell"},    {"cashierId", "c1"},
                     {"total", 30003},         {"createdAt", e.occurredAtUs},
                     {"lines", lines},         {"payments", {{{"type", "cash"}, {"sum", 30003}}}}};
        e.prevHash = prev;
        e.hash = check(store::JournalHash::compute(e), "hash");
        prev = e.hash;
        events.push_back(std::move(e));
    }
    return events;
}

/// An SQL literal. The rows are our own (no NUL); quotes are doubled.
std::string literal(const db::Param& param)
{
    const db::Value& value = param.value();
    if (const auto* number = std::get_if<std::int64_t>(&value)) {
        return std::to_string(*number);
    }
    if (const auto* text = std::get_if<std::string>(&value)) {
        std::string out = "'";
        for (const char c : *text) {
            out += c;
            if (c == '\'') {
                out += c;
            }
        }
        return out + "'";
    }
    return "NULL";
}

/// `INSERT INTO table(columns) VALUES (...), (...)` with the values written in: the raw floor
/// binds nothing (src/db looks parameters up by name, which grows with their square).
std::string multiRowInsert(const std::string& head, const std::vector<db::Param>& values, std::size_t columns)
{
    std::string sql = head + " VALUES ";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i % columns == 0) {
            sql += i == 0 ? "(" : "), (";
        } else {
            sql += ", ";
        }
        sql += literal(values[i]);
    }
    return sql + ")";
}

/// The raw floor: the same rows with one INSERT per table per batch, one transaction per batch.
double rawInsert(db::Connection& db, const std::vector<std::vector<store::JournalEvent>>& journals, int batch)
{
    const auto start = SteadyClock::now();
    for (std::size_t d = 0; d < journals.size(); ++d) {
        const std::string account = "raw-account-" + std::to_string(d);
        const std::string device = "raw-device-" + std::to_string(d);
        const auto& events = journals[d];
        for (std::size_t from = 0; from < events.size(); from += static_cast<std::size_t>(batch)) {
            const std::size_t to = std::min(events.size(), from + static_cast<std::size_t>(batch));
            std::vector<db::Param> ev, rc, ln, pm;
            for (std::size_t i = from; i < to; ++i) {
                const auto& e = events[i];
                const auto& p = e.payload;
                const std::string receiptId = p["receiptId"].get<std::string>();
                for (db::Param v :
                     {db::Param(account), db::Param(device), db::Param(e.seq), db::Param(e.uuid), db::Param(e.type),
                      db::Param(e.occurredAtUs), db::Param(check(store::JournalHash::canonicalPayload(p), "payload")),
                      db::Param(e.prevHash), db::Param(e.hash), db::Param(e.occurredAtUs)}) {
                    ev.push_back(std::move(v));
                }
                for (db::Param v : {db::Param(account), db::Param(receiptId), db::Param(device), db::Param("s-1"),
                                    db::Param("fiscalized"), db::Param("sell"), db::Param("c1"),
                                    db::Param(e.occurredAtUs), db::Param(std::int64_t{30003})}) {
                    rc.push_back(std::move(v));
                }
                for (const auto& line : p["lines"]) {
                    for (db::Param v :
                         {db::Param(account), db::Param(receiptId), db::Param(line["position"].get<std::int64_t>()),
                          db::Param(line["name"].get<std::string>()), db::Param(line["productId"].get<std::string>()),
                          db::Param(std::int64_t{1000}), db::Param(line["unitPrice"].get<std::int64_t>()),
                          db::Param(line["amount"].get<std::int64_t>()), db::Param("vat22"),
                          db::Param(std::int64_t{1803})}) {
                        ln.push_back(std::move(v));
                    }
                }
                for (db::Param v : {db::Param(account), db::Param(receiptId), db::Param(std::int64_t{0}),
                                    db::Param("cash"), db::Param(std::int64_t{30003})}) {
                    pm.push_back(std::move(v));
                }
            }
            auto tx = check(db::Transaction::begin(db, db::TransactionMode::Immediate), "begin");
            check(db.executeScript(multiRowInsert("INSERT INTO device_events(account_id, device_id, seq, uuid, type, "
                                                  "occurred_at, payload, prev_hash, hash, received_at)",
                                                  ev, 10)),
                  "raw events");
            check(db.executeScript(multiRowInsert("INSERT INTO receipts(account_id, receipt_id, device_id, shift_id, "
                                                  "status, operation, cashier_id, created_at, total)",
                                                  rc, 9)),
                  "raw receipts");
            check(db.executeScript(multiRowInsert("INSERT INTO receipt_lines(account_id, receipt_id, position, name, "
                                                  "product_id, quantity, unit_price, amount, vat_rate, vat_sum)",
                                                  ln, 10)),
                  "raw lines");
            check(db.executeScript(multiRowInsert(
                      "INSERT INTO receipt_payments(account_id, receipt_id, position, type, sum)", pm, 5)),
                  "raw payments");
            check(tx.commit(), "commit");
        }
    }
    return seconds(SteadyClock::now() - start);
}

double percentile(std::vector<double>& sorted, double p)
{
    if (sorted.empty()) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
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
        auto number = [&] {
            try {
                return std::max(1, std::stoi(value));
            } catch (const std::exception&) {
                die(arg + " takes a number");
            }
        };
        if (arg == "--db") {
            o.db = value;
        } else if (arg == "--devices") {
            o.devices = number();
        } else if (arg == "--batches") {
            o.batches = number();
        } else if (arg == "--batch") {
            o.batch = number();
        } else if (arg == "--clients") {
            o.clients = number();
        } else if (arg == "--requests") {
            o.requests = number();
        } else if (arg == "--hashes") {
            o.hashes = number();
        } else if (arg == "--threads") {
            o.threads = number();
        } else if (arg == "--pool") {
            o.pool = number();
        } else {
            die("unknown option " + arg);
        }
    }
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parse(argc, argv);
    crypto::OsRandom random;
    core::SystemClock clock;
    auto env = bench::BenchCloud::create("cloud_load", options.db, "http://load.test");
    const auto& url = env.url;
    auto& config = env.config;
    config.threads = options.threads;
    config.dbPoolSize = static_cast<std::size_t>(options.pool);
    config.maxBodyBytes = 16 << 20;

    auto adminDb = check(cloud::CloudDatabase::open(url, 1), "open");
    // Accounts, devices and one owner written directly: registration is not what is measured.
    std::vector<std::string> keys;
    {
        auto lease = adminDb->lock();
        auto& db = adminDb->connection();
        for (int d = 0; d < options.devices; ++d) {
            const std::string id = std::to_string(d);
            keys.push_back(crypto::randomToken(32));
            check(db.execute("INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) "
                             "VALUES ($1, 'trade', 1, 'active', 0)",
                             {"account-" + id}),
                  "account");
            check(db.execute("INSERT INTO devices(id, account_id, serial, revoked, key_hash, created_at) VALUES ($1, "
                             "$2, $3, 0, $4, 0)",
                             {"device-" + id, "account-" + id, "SN-" + id, crypto::toHex(crypto::sha256(keys.back()))}),
                  "device");
        }
        const auto hash = check(crypto::PasswordHasher::hash("Load-Test-Pass-1", config.argon2, random), "hash");
        check(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at) "
                         "VALUES ('owner-0', 'account-0', '+79990000000', 'load@example.com', $1, 'owner', 1, 0)",
                         {hash}),
              "user");
    }

    cloud::CloudServer server(config, check(cloud::CloudDatabase::open(url, config.dbPoolSize), "open pool"), clock,
                              random);
    check(server.start(), "start");
    const std::string base = "http://127.0.0.1:" + std::to_string(server.port());

    // 1. Ingest.
    const int perDevice = options.batches * options.batch;
    std::vector<std::vector<store::JournalEvent>> journals;
    for (int d = 0; d < options.devices; ++d) {
        journals.push_back(journal(d, perDevice));
    }
    std::atomic<int> failures{0};
    const auto ingestStart = SteadyClock::now();
    {
        std::vector<std::thread> threads;
        for (int d = 0; d < options.devices; ++d) {
            threads.emplace_back([&, d] {
                net::HttpClient client;
                const auto& events = journals[static_cast<std::size_t>(d)];
                for (int b = 0; b < options.batches; ++b) {
                    core::Json list = core::Json::array();
                    for (int i = b * options.batch; i < (b + 1) * options.batch; ++i) {
                        list.push_back(events[static_cast<std::size_t>(i)].toJson());
                    }
                    net::HttpClientRequest request;
                    request.method = "POST";
                    request.url = base + "/api/v1/device/events";
                    request.body = core::Json{{"events", list}}.dump();
                    request.totalTimeoutMs = 600000;
                    const std::string ts = std::to_string(
                        std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch()).count() - b);
                    request.headers.set("Content-Type", "application/json");
                    request.headers.set("X-Sigma-Device", "device-" + std::to_string(d));
                    request.headers.set("X-Sigma-Timestamp", ts);
                    request.headers.set("X-Sigma-Signature",
                                        cloud::signDeviceRequest(keys[static_cast<std::size_t>(d)], "POST",
                                                                 "/api/v1/device/events", ts, request.body));
                    auto response = client.send(request);
                    if (!response || response->status != 200) {
                        ++failures;
                        std::cerr << "ingest failed: "
                                  << (response ? std::to_string(response->status) + " " + response->body
                                               : response.error().message)
                                  << "\n";
                        return;
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
    const double ingestSec = seconds(SteadyClock::now() - ingestStart);
    if (failures.load() != 0) {
        die("ingest had failures");
    }
    double rawSec = 0;
    {
        auto lease = adminDb->lock();
        rawSec = rawInsert(adminDb->connection(), journals, options.batch);
    }
    const double events = static_cast<double>(options.devices) * perDevice;

    // 2. /me latency.
    std::string cookie;
    {
        net::HttpClient client;
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = base + "/api/v1/auth/login";
        request.body = R"({"login":"load@example.com","password":"Load-Test-Pass-1"})";
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", config.publicUrl);
        auto response = check(client.send(request), "login");
        const auto setCookie = response.headers.get("Set-Cookie").value_or("");
        cookie = setCookie.substr(0, setCookie.find(';'));
        if (response.status != 200 || cookie.empty()) {
            die("login failed: " + response.body);
        }
    }
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(options.clients));
    const auto meStart = SteadyClock::now();
    {
        std::vector<std::thread> threads;
        for (int c = 0; c < options.clients; ++c) {
            threads.emplace_back([&, c] {
                net::HttpClient client;
                net::HttpClientRequest request;
                request.url = base + "/api/v1/me";
                request.headers.set("Cookie", cookie);
                request.acceptGzip = false;
                auto& mine = latencies[static_cast<std::size_t>(c)];
                for (int r = 0; r < options.requests; ++r) {
                    const auto start = SteadyClock::now();
                    auto response = client.send(request);
                    mine.push_back(seconds(SteadyClock::now() - start) * 1000.0);
                    if (!response || response->status != 200) {
                        ++failures;
                        return;
                    }
                }
            });
        }
        for (auto& thread : threads) {
            thread.join();
        }
    }
    const double meSec = seconds(SteadyClock::now() - meStart);
    std::vector<double> all;
    for (const auto& list : latencies) {
        all.insert(all.end(), list.begin(), list.end());
    }
    std::sort(all.begin(), all.end());
    server.stop();

    // 3. Argon2id at the production cost.
    const crypto::Argon2Cost production;
    const auto hashStart = SteadyClock::now();
    for (int i = 0; i < options.hashes; ++i) {
        (void)check(crypto::PasswordHasher::hash("Correct-Horse-42", production, random), "argon2");
    }
    const double hashSec = seconds(SteadyClock::now() - hashStart);

    const bool postgres = env.postgres();
    adminDb.reset();
    env.drop();

    const core::Json report = {
        {"backend", postgres ? "postgresql" : "sqlite"},
        {"serverThreads", options.threads},
        {"dbPool", options.pool},
        {"ingest",
         {{"devices", options.devices},
          {"batchEvents", options.batch},
          {"batchesPerDevice", options.batches},
          {"events", events},
          {"seconds", ingestSec},
          {"eventsPerSecond", events / ingestSec},
          {"rawInsertSeconds", rawSec},
          {"rawRowsPerSecond", events / rawSec},
          {"ratioToRaw", ingestSec / rawSec}}},
        {"me",
         {{"clients", options.clients},
          {"requests", all.size()},
          {"failures", failures.load()},
          {"requestsPerSecond", static_cast<double>(all.size()) / meSec},
          {"p50Ms", percentile(all, 0.50)},
          {"p99Ms", percentile(all, 0.99)}}},
        {"argon2id",
         {{"timeCost", production.timeCost},
          {"memoryKiB", production.memoryKiB},
          {"parallelism", production.parallelism},
          {"hashesPerSecond", options.hashes / hashSec}}},
    };
    std::cout << report.dump(2) << std::endl;
    return failures.load() == 0 ? 0 : 1;
}
