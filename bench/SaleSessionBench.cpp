// Adding scanned products to the cart with a 100,000-product catalog: the latency a cashier feels
// between the beep and the line (p50/p99 over random barcodes, each add followed by the full
// recalculation the screen shows), and the memory of the sales engine with that catalog open.

#include "core/Clock.h"
#include "crypto/OsRandom.h"
#include "drivers/emulator/VirtualKkt.h"
#include "core/Uuid.h"
#include "store/CatalogRepository.h"
#include "store/TerminalDatabase.h"
#include "till/ProductLookup.h"
#include "till/SaleSession.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace sigma;

std::string ean13(std::int64_t body)
{
    std::string digits = std::to_string(4600000000000LL / 10 + body);
    digits.insert(0, 12 - digits.size(), '0');
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        sum += (digits[static_cast<std::size_t>(i)] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return digits + static_cast<char>('0' + (10 - sum % 10) % 10);
}

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmRSS:") {
            long value = 0;
            status >> value;
            return value;
        }
    }
    return 0;
}

struct Shop {
    std::filesystem::path dir;
    core::SystemClock clock;
    crypto::OsRandom random;
    std::unique_ptr<store::TerminalDatabase> database;
    std::unique_ptr<drivers::emulator::VirtualKkt> kkt;
    std::unique_ptr<till::TillContext> context;
    std::unique_ptr<store::CatalogRepository> catalog;
    std::unique_ptr<till::ProductLookup> lookup;
    std::vector<std::string> barcodes;
    long rssBeforeKiB = 0;
};

Shop& shop()
{
    static Shop* s = [] {
        auto* owned = new Shop; // lives for the whole benchmark run
        Shop& shop = *owned;
        shop.rssBeforeKiB = rssKiB();
        std::random_device rd;
        shop.dir = std::filesystem::temp_directory_path() / ("sigma-bench-sale-" + std::to_string(rd()));
        std::filesystem::create_directories(shop.dir);
        shop.database = std::move(store::TerminalDatabase::open(shop.dir / "terminal.db",
                                                                store::TerminalDatabase::Access::Writer, "bench"))
                            .value();
        drivers::emulator::VirtualKkt::Options options;
        options.statePath = shop.dir / "kkt.db";
        options.clock = &shop.clock;
        shop.kkt = std::move(drivers::emulator::VirtualKkt::open(options)).value();
        shop.context = std::make_unique<till::TillContext>(*shop.database, *shop.kkt, nullptr, shop.clock, shop.random);
        shop.catalog = std::make_unique<store::CatalogRepository>(*shop.database);
        shop.lookup = std::make_unique<till::ProductLookup>(*shop.catalog);
        constexpr int kProducts = 100'000;
        std::vector<store::CatalogProduct> products;
        products.reserve(kProducts);
        const char* words[] = {"Молоко", "Сыр", "Хлеб", "Кефир", "Масло", "Чай", "Кофе", "Сок", "Вода", "Печенье"};
        for (int i = 0; i < kProducts; ++i) {
            store::CatalogProduct p;
            p.id = core::Uuid::generateV7(shop.clock, shop.random).toString();
            p.sku = "SKU-" + std::to_string(i);
            p.name = std::string(words[i % 10]) + " " + std::to_string(i);
            p.price = core::Money::fromKopecks(1000 + i % 50000);
            p.barcodes = {ean13(i)};
            shop.barcodes.push_back(p.barcodes[0]);
            products.push_back(std::move(p));
        }
        auto counts = shop.catalog->upsertProducts(products);
        if (!counts) {
            std::fprintf(stderr, "catalog: %s\n", counts.error().message.c_str());
        }
        return owned;
    }();
    return *s;
}

void BM_ScanToCartLine_100kCatalog(benchmark::State& state)
{
    Shop& s = shop();
    till::SaleSession sale(*s.context, *s.lookup);
    std::mt19937 rng(42);
    std::vector<double> latenciesUs;
    for (auto _ : state) {
        const auto& code = s.barcodes[std::uniform_int_distribution<std::size_t>(0, s.barcodes.size() - 1)(rng)];
        const auto start = std::chrono::steady_clock::now();
        auto added = sale.addByScan(code);
        auto totals = sale.totals(); // what the screen shows after the line appears
        benchmark::DoNotOptimize(totals);
        latenciesUs.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
        if (!added) {
            state.SkipWithError(added.error().message.c_str());
            return;
        }
        if (sale.lines().size() >= 50) {
            sale.clear(); // a 50-line receipt, then the next customer
        }
    }
    std::sort(latenciesUs.begin(), latenciesUs.end());
    state.counters["p50_us"] = latenciesUs[latenciesUs.size() / 2];
    state.counters["p99_us"] = latenciesUs[latenciesUs.size() * 99 / 100];
    state.counters["rss_MiB"] = static_cast<double>(rssKiB()) / 1024.0;
    state.counters["catalog_rss_MiB"] = static_cast<double>(rssKiB() - s.rssBeforeKiB) / 1024.0;
}
BENCHMARK(BM_ScanToCartLine_100kCatalog)->Iterations(5000)->Unit(benchmark::kMicrosecond);

} // namespace
