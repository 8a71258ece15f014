// sigma_cloud_catalog: the catalog at a real shop's size (docs/cloud.md, "Performance"), printed
// as JSON.
//
//   sigma_cloud_catalog [--db URL] [--products 100000] [--runs 5]
//
// Through an in-process sigma-cloud on a loopback port: imports `products` CSV lines (new
// products: 40 kinds of goods, an EAN-13 each, 50 categories) with POST /api/v1/products/import,
// then times a search by a name prefix, by a whole barcode and by a SKU prefix, the first page, a
// deep page (the middle of the catalog, reached with the cursor), the CSV export, the import of the
// exported file again (nothing changes) and of a file with every price changed (100 000 updates):
// the best and the median of `runs` runs after one warm-up (imports: one run each).
//
// PostgreSQL: a schema of its own, dropped at the end; SQLite: a temporary directory. Build in
// Release.

#include "BenchCloud.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
#include "cloud/Notifier.h"
#include "core/Barcode.h"
#include "core/Clock.h"
#include "core/ExactJson.h"
#include "crypto/OsRandom.h"
#include "crypto/PasswordHasher.h"
#include "db/ConnectionFactory.h"
#include "net/HttpClient.h"

#include <algorithm>
#include <chrono>
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
    std::int64_t products = 100'000;
    int runs = 5;
};

using sigma::bench::check;
using sigma::bench::die;

double ms(SteadyClock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

constexpr const char* kKinds[] = {
    "Молоко",  "Кефир",   "Сыр",      "Хлеб", "Батон",  "Масло",    "Йогурт",    "Творог",    "Сметана", "Колбаса",
    "Сосиски", "Курица",  "Говядина", "Рыба", "Яблоки", "Бананы",   "Апельсины", "Картофель", "Морковь", "Лук",
    "Капуста", "Огурцы",  "Помидоры", "Рис",  "Гречка", "Макароны", "Сахар",     "Соль",      "Чай",     "Кофе",
    "Печенье", "Шоколад", "Конфеты",  "Сок",  "Вода",   "Лимонад",  "Пиво",      "Вино",      "Мыло",    "Шампунь",
};

std::string barcodeOf(std::int64_t i)
{
    std::string digits = "460" + std::string(9 - std::to_string(i).size(), '0') + std::to_string(i);
    return digits + core::gtinCheckDigit(digits);
}

std::string csvOf(std::int64_t products, std::int64_t priceShift)
{
    std::string csv = "\xEF\xBB\xBFАртикул;Наименование;Цена;НДС;Ед. изм.;Категория;Штрихкоды\r\n";
    csv.reserve(static_cast<std::size_t>(products) * 90);
    constexpr const char* kVat[] = {"22%", "10%", "0%", "без НДС", "5%", "7%"};
    for (std::int64_t i = 0; i < products; ++i) {
        const std::int64_t kopecks = 1000 + (i * 7919) % 500'000 + priceShift;
        csv += "SKU-" + std::to_string(i) + ";" + kKinds[i % 40] + " " + std::to_string(i) + ";" +
               std::to_string(kopecks / 100) + "," + std::to_string(kopecks % 100 / 10) + std::to_string(kopecks % 10) +
               ";" + kVat[i % 6] + ";" + (i % 10 == 0 ? "кг" : "шт") + ";Категория " + std::to_string(i % 50) + ";" +
               barcodeOf(i) + "\r\n";
    }
    return csv;
}

struct Bench {
    net::HttpClient client;
    std::string base;
    std::string cookie;
    std::string origin;

    net::HttpResponse send(const std::string& method, const std::string& path, const std::string& body = {})
    {
        net::HttpClientRequest request;
        request.method = method;
        request.url = base + path;
        request.body = body;
        request.headers.set("Cookie", cookie);
        request.headers.set("Origin", origin);
        if (!body.empty()) {
            request.headers.set("Content-Type", "text/csv");
        }
        request.totalTimeoutMs = 900'000;
        auto response = check(client.send(request), "request");
        if (response.status != 200) {
            die(method + " " + path + ": " + std::to_string(response.status) + " " + response.body.substr(0, 400));
        }
        return response;
    }

    /// Best and median of `runs` after a warm-up; `found` is what the last answer held.
    core::Json time(int runs, const std::function<std::int64_t()>& request)
    {
        std::vector<double> times;
        std::int64_t found = 0;
        for (int i = 0; i <= runs; ++i) {
            const auto start = SteadyClock::now();
            found = request();
            if (i > 0) {
                times.push_back(ms(SteadyClock::now() - start));
            }
        }
        std::sort(times.begin(), times.end());
        return {{"bestMs", times.front()}, {"medianMs", times[times.size() / 2]}, {"found", found}};
    }

    std::int64_t count(const std::string& query)
    {
        return static_cast<std::int64_t>(
            check(core::parseJsonExact(send("GET", "/api/v1/products?" + query).body), "json")["products"].size());
    }
};

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
        } else if (arg == "--products") {
            options.products = std::stoll(value);
        } else if (arg == "--runs") {
            options.runs = std::stoi(value);
        } else {
            die("unknown option " + arg);
        }
    }
    if (options.products < 1000 || options.products > 100'000 || options.runs < 1) {
        die("--products 1000..100000, --runs ≥ 1");
    }
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    const Options options = parse(argc, argv);
    crypto::OsRandom random;
    core::SystemClock clock;
    auto env = sigma::bench::BenchCloud::create("cloud_catalog", options.db, "http://catalog.test");
    const bool postgres = env.postgres();
    const auto& url = env.url;
    const auto& config = env.config;
    {
        auto adminDb = check(cloud::CloudDatabase::open(url, 1), "open");
        auto lease = adminDb->lock();
        auto& db = adminDb->connection();
        check(db.execute("INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) VALUES "
                         "('bench-account', 'trade', 1, 'active', 0)"),
              "account");
        const auto hash = check(crypto::PasswordHasher::hash("Bench-Pass-12345", config.argon2, random), "hash");
        check(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at) "
                         "VALUES ('bench-owner', 'bench-account', '+79990000001', 'bench@example.com', $1, 'owner', "
                         "1, 0)",
                         {hash}),
              "user");
    }
    cloud::CloudServer server(config, check(cloud::CloudDatabase::open(url, config.dbPoolSize), "open pool"), clock,
                              random);
    check(server.start(), "start");
    Bench bench;
    bench.base = "http://127.0.0.1:" + std::to_string(server.port());
    bench.origin = config.publicUrl;
    {
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = bench.base + "/api/v1/auth/login";
        request.body = R"({"login":"bench@example.com","password":"Bench-Pass-12345"})";
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", config.publicUrl);
        auto response = check(bench.client.send(request), "login");
        const auto setCookie = response.headers.get("Set-Cookie").value_or("");
        bench.cookie = setCookie.substr(0, setCookie.find(';'));
        if (response.status != 200 || bench.cookie.empty()) {
            die("login failed: " + response.body);
        }
    }

    core::Json figures;
    const std::string csv = csvOf(options.products, 0);
    auto start = SteadyClock::now();
    auto created = check(core::parseJsonExact(bench.send("POST", "/api/v1/products/import", csv).body), "json");
    figures["importNew"] = {{"ms", ms(SteadyClock::now() - start)},
                            {"lines", options.products},
                            {"bytes", csv.size()},
                            {"created", created["created"]}};
    std::cerr << "imported " << options.products << " products\n";

    // "Сыр" heads 1/40 of the names, "Сыр 12" a few dozen; a barcode is one product.
    figures["searchNamePrefix"] =
        bench.time(options.runs, [&] { return bench.count("q=%D1%81%D1%8B%D1%80&limit=50"); });
    figures["searchNamePrefixNarrow"] =
        bench.time(options.runs, [&] { return bench.count("q=%D1%81%D1%8B%D1%80+12&limit=50"); });
    const std::string code = barcodeOf(options.products / 2 + 7);
    figures["searchBarcode"] = bench.time(options.runs, [&] { return bench.count("q=" + code); });
    figures["searchSkuPrefix"] = bench.time(options.runs, [&] { return bench.count("q=sku-4999&limit=50"); });
    figures["firstPage"] = bench.time(options.runs, [&] { return bench.count("limit=50"); });

    // The middle of the catalog: walk there with the cursor (500 a page), then time that page.
    std::string cursor;
    std::int64_t walked = 0;
    while (walked < options.products / 2) {
        auto page = check(
            core::parseJsonExact(
                bench.send("GET", "/api/v1/products?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor)).body),
            "json");
        walked += static_cast<std::int64_t>(page["products"].size());
        cursor = page["next"].get<std::string>();
    }
    figures["deepPage"] = bench.time(options.runs, [&] { return bench.count("limit=50&cursor=" + cursor); });
    figures["deepPage"]["offset"] = walked;

    std::string exported;
    figures["export"] = bench.time(options.runs, [&] {
        exported = bench.send("GET", "/api/v1/products/export").body;
        return static_cast<std::int64_t>(exported.size());
    });

    start = SteadyClock::now();
    auto same = check(core::parseJsonExact(bench.send("POST", "/api/v1/products/import", exported).body), "json");
    figures["importUnchanged"] = {{"ms", ms(SteadyClock::now() - start)}, {"unchanged", same["unchanged"]}};
    const std::string repriced = csvOf(options.products, 1);
    start = SteadyClock::now();
    auto updated = check(core::parseJsonExact(bench.send("POST", "/api/v1/products/import", repriced).body), "json");
    figures["importUpdateAll"] = {{"ms", ms(SteadyClock::now() - start)}, {"updated", updated["updated"]}};
    server.stop();

    std::cout << core::Json{{"backend", postgres ? "postgresql" : "sqlite"},
                            {"products", options.products},
                            {"runs", options.runs},
                            {"catalog", figures}}
                     .dump(2)
              << "\n";
    if (std::getenv("SIGMA_BENCH_KEEP") == nullptr) {
        env.drop();
    } else {
        std::cerr << "kept " << (env.postgres() ? env.pgSchema : env.dir.string()) << "\n";
    }
    return 0;
}
