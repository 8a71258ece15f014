// The catalog at 100,000 products: CSV import time, search latency (prefix, one typo, wrong
// keyboard layout) against a naive LIKE scan of the same table, and barcode look-up.
//
// Latency benchmarks run a fixed list of 1000 queries once each and report percentiles as
// counters (p50_ms, p99_ms, max_ms): a cashier notices the slow query, not the average.
// Run a Release build: build/release/tests/store/sigma_catalog_bench

#include "core/Barcode.h"
#include "mock/SeededRandom.h"
#include "store/CatalogRepository.h"
#include "store/CatalogText.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"
#include "till/CatalogImport.h"
#include "till/ProductLookup.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace sigma;

constexpr int kProducts = 100'000;
constexpr int kQueries = 1000;

const std::vector<std::string> kNouns = {
    "Молоко",    "Кефир",     "Ряженка",  "Сметана",   "Творог",    "Йогурт",    "Масло",       "Сыр",      "Хлеб",
    "Батон",     "Булка",     "Печенье",  "Пряники",   "Вафли",     "Конфеты",   "Шоколад",     "Чай",      "Кофе",
    "Сахар",     "Соль",      "Мука",     "Крупа",     "Рис",       "Гречка",    "Пшено",       "Макароны", "Вермишель",
    "Спагетти",  "Колбаса",   "Сосиски",  "Сардельки", "Ветчина",   "Бекон",     "Курица",      "Индейка",  "Говядина",
    "Свинина",   "Фарш",      "Пельмени", "Вареники",  "Яйца",      "Майонез",   "Кетчуп",      "Горчица",  "Уксус",
    "Сок",       "Нектар",    "Морс",     "Вода",      "Лимонад",   "Квас",      "Пиво",        "Вино",     "Чипсы",
    "Сухарики",  "Орехи",     "Семечки",  "Изюм",      "Курага",    "Чернослив", "Яблоки",      "Груши",    "Бананы",
    "Апельсины", "Мандарины", "Лимоны",   "Виноград",  "Картофель", "Морковь",   "Лук",         "Капуста",  "Свёкла",
    "Огурцы",    "Помидоры",  "Перец",    "Чеснок",    "Укроп",     "Петрушка",  "Шампиньоны",  "Мыло",     "Шампунь",
    "Порошок",   "Губки",     "Салфетки", "Пакеты",    "Ёршик",     "Ежевика",   "Голубика",    "Малина",   "Клубника",
    "Смородина", "Брусника",  "Клюква",   "Мёд",       "Варенье",   "Джем",      "Кукуруза",    "Горошек",  "Фасоль",
    "Чечевица",  "Овсянка",   "Хлопья",   "Мюсли",     "Круассан",  "Пирожное",  "Торт",        "Рулет",    "Зефир",
    "Пастила",   "Мармелад",  "Халва",    "Карамель",  "Сгущёнка",  "Сливки",    "Простокваша", "Снежок",   "Бифидок",
    "Айран",     "Тан",       "Маргарин",
};
const std::vector<std::string> kBrands = {
    "Простоквашино",
    "Домик в деревне",
    "Весёлый молочник",
    "Агуша",
    "Бабушкино лукошко",
    "Красная цена",
    "Вкусвилл",
    "Шоколадница",
    "Алёнка",
    "Бабаевский",
    "Красный октябрь",
    "Рот Фронт",
    "Коркунов",
    "Лебедянский",
    "Добрый",
    "Сады Придонья",
    "Черноголовка",
    "Очаково",
    "Балтика",
    "Мираторг",
    "Петелинка",
    "Черкизово",
    "Останкино",
    "Велком",
    "Дымов",
    "Клинский",
    "Царицыно",
    "Макфа",
    "Шебекинские",
    "Увелка",
    "Мистраль",
    "Махеев",
    "Слобода",
    "Олейна",
    "Ахмад",
    "Гринфилд",
    "Майский",
    "Жокей",
    "Хрусteam",
    "Heinz",
    "Calve",
    "Lays",
    "Pringles",
    "Fairy",
    "Persil",
    "Ariel",
    "Colgate",
    "Zewa",
    "Dove",
    "Nivea",
    "Савушкин",
    "Экомилк",
    "Брест-Литовск",
    "Галактика",
    "Фруктовый сад",
    "Любимый",
    "J7",
    "Rich",
    "Santal",
    "Лайм",
};
const std::vector<std::string> kAdjectives = {
    "классический", "домашний",     "деревенский",     "отборный",
    "нежный",       "сливочный",    "шоколадный",      "ванильный",
    "клубничный",   "банановый",    "черничный",       "вишнёвый",
    "персиковый",   "обезжиренный", "пастеризованный", "ультрапастеризованный",
    "топлёный",     "цельный",      "натуральный",     "копчёный",
    "варёный",      "сырокопчёный", "охлаждённый",     "замороженный",
    "свежий",       "молочный",     "докторский",      "фермерский",
    "ёлочный",      "печёный",      "солёный",         "маринованный",
    "сушёный",      "отварной",     "хрустящий",
};
const std::vector<std::string> kSizes = {"1 л",   "0,5 л", "900 мл", "930 мл", "200 г", "250 г", "400 г", "500 г",
                                         "1 кг",  "2 кг",  "150 г",  "100 г",  "45 г",  "1,5 л", "2 л",   "10 шт",
                                         "20 шт", "3,2%",  "2,5%",   "1%",     "5%",    "9%",    "15%",   "20%"};

std::string ean13(std::int64_t n)
{
    char digits[16];
    std::snprintf(digits, sizeof digits, "460%09lld", static_cast<long long>(n));
    std::string code(digits);
    return code + core::gtinCheckDigit(code);
}

std::string csvQuoted(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

/// A CSV of `count` products as an owner's spreadsheet would have them.
std::string makeCatalogCsv(int count)
{
    std::mt19937 rng(20260101);
    const auto pick = [&](const std::vector<std::string>& words) { return words[rng() % words.size()]; };
    std::string csv = "sku;name;price;barcodes;unit;vat;category;weighed;plu\n";
    csv.reserve(static_cast<std::size_t>(count) * 120);
    for (int i = 0; i < count; ++i) {
        const std::string noun = pick(kNouns);
        std::string name = noun;
        for (const auto* words : {&kAdjectives, &kBrands, &kSizes}) {
            if (words != &kAdjectives || rng() % 10 < 6) {
                name += ' ';
                name += pick(*words);
            }
        }
        const bool weighed = i % 50 == 0;
        const int kopecks = 1000 + static_cast<int>(rng() % 200'000);
        char price[32];
        std::snprintf(price, sizeof price, "%d,%02d", kopecks / 100, kopecks % 100);
        csv += "SKU-";
        csv += std::to_string(100000 + i);
        csv += ';';
        csv += csvQuoted(name);
        csv += ';';
        csv += price;
        csv += ';';
        csv += ean13(i);
        if (i % 7 == 0) {
            csv += ',';
            csv += ean13(1'000'000 + i);
        }
        csv += weighed ? ";kilogram" : ";piece";
        csv += i % 5 == 0 ? ";vat10;" : ";vat22;";
        csv += noun;
        csv += weighed ? ";1;" : ";0;";
        if (weighed) {
            csv += std::to_string(10000 + i / 50);
        }
        csv += "\n";
    }
    return csv;
}

struct ImportedCatalog {
    test::TempDir dir{"sigma-catalog-bench"};
    std::unique_ptr<store::TerminalDatabase> database;
    std::unique_ptr<store::CatalogRepository> repository;
    double importSeconds = 0;
    till::CatalogImportReport report;
};

std::unique_ptr<ImportedCatalog> importCatalog(const std::string& csv)
{
    auto catalog = std::make_unique<ImportedCatalog>();
    auto database =
        store::TerminalDatabase::open(catalog->dir / "terminal.db", store::TerminalDatabase::Access::Writer, "bench");
    if (!database) {
        std::fprintf(stderr, "open: %s\n", database.error().message.c_str());
        std::abort();
    }
    catalog->database = std::move(*database);
    catalog->repository = std::make_unique<store::CatalogRepository>(*catalog->database);
    // The real clock, as in production: UUID v7 ids then arrive nearly in order, as they do when
    // an owner imports a file.
    core::SystemClock clock;
    test::SeededRandom random(1);
    till::CatalogImport import(*catalog->repository, clock, random);
    const auto start = std::chrono::steady_clock::now();
    auto report = import.importCsv(csv);
    catalog->importSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!report || !report->rejected.empty() || report->imported != kProducts) {
        std::fprintf(stderr, "import failed: %s\n",
                     report ? report->toJson().dump().substr(0, 500).c_str() : report.error().message.c_str());
        std::abort();
    }
    catalog->report = *report;
    return catalog;
}

/// The 100,000-product catalog the search benchmarks share, built on first use.
ImportedCatalog& sharedCatalog()
{
    static const std::unique_ptr<ImportedCatalog> catalog = importCatalog(makeCatalogCsv(kProducts));
    return *catalog;
}

/// This thread's CPU time in milliseconds. On a machine shared with other work (a build), wall
/// time measures the scheduler as much as the query; CPU time measures the query.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Latencies {
    std::vector<double> wallMs;
    std::vector<double> cpuMs;
    std::size_t results = 0;
};

void reportPercentiles(benchmark::State& state, std::vector<double>& ms, const std::string& suffix)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    state.counters["p50_" + suffix] = at(0.50);
    state.counters["p99_" + suffix] = at(0.99);
    state.counters["max_" + suffix] = ms.back();
}

template <typename Query> void runLatency(benchmark::State& state, const std::vector<std::string>& queries, Query query)
{
    Latencies latencies;
    latencies.wallMs.reserve(queries.size());
    latencies.cpuMs.reserve(queries.size());
    std::size_t i = 0;
    for (auto _ : state) {
        const std::string& text = queries[i++ % queries.size()];
        const double cpuStart = threadCpuMs();
        const auto start = std::chrono::steady_clock::now();
        const std::size_t found = query(text);
        latencies.wallMs.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        latencies.cpuMs.push_back(threadCpuMs() - cpuStart);
        latencies.results += found;
    }
    reportPercentiles(state, latencies.wallMs, "ms");
    reportPercentiles(state, latencies.cpuMs, "cpu_ms");
    state.counters["results_avg"] =
        static_cast<double>(latencies.results) / static_cast<double>(latencies.cpuMs.size());
}

std::size_t searchCount(const std::string& text)
{
    auto hits = sharedCatalog().repository->search(text, 20);
    if (!hits) {
        std::fprintf(stderr, "search '%s': %s\n", text.c_str(), hits.error().message.c_str());
        std::abort();
    }
    return hits->size();
}

std::string firstLetters(const std::string& utf8, std::size_t letters)
{
    std::size_t bytes = 0;
    for (std::size_t n = 0; n < letters && bytes < utf8.size(); ++n) {
        bytes += (static_cast<unsigned char>(utf8[bytes]) >= 0xC0) ? 2 : 1;
    }
    return utf8.substr(0, bytes);
}

/// "Мол", "Прост", "кеф прост": what a cashier types before the list shows the product.
std::vector<std::string> prefixQueries()
{
    std::mt19937 rng(7);
    std::vector<std::string> queries;
    for (int i = 0; i < kQueries; ++i) {
        const std::string& noun = kNouns[rng() % kNouns.size()];
        std::string query = firstLetters(noun, 1 + rng() % 5);
        if (i % 3 == 0) {
            const std::string brand = kBrands[rng() % kBrands.size()];
            query += ' ';
            query += firstLetters(brand, 2 + rng() % 4);
        }
        queries.push_back(query);
    }
    return queries;
}

/// A product word with one letter replaced, dropped, doubled or swapped with its neighbour.
std::vector<std::string> typoQueries()
{
    std::mt19937 rng(11);
    std::vector<std::string> queries;
    const std::u32string letters = U"абвгдежзийклмнопрстуфхцчшщыьэюя";
    while (queries.size() < static_cast<std::size_t>(kQueries)) {
        const std::string noun = store::normalizeSearchText(kNouns[rng() % kNouns.size()]);
        std::u32string word;
        for (std::size_t i = 0; i < noun.size();) {
            const auto b = static_cast<unsigned char>(noun[i]);
            if (b < 0x80) {
                word.push_back(b);
                ++i;
            } else {
                word.push_back(
                    static_cast<char32_t>(((b & 0x1F) << 6) | (static_cast<unsigned char>(noun[i + 1]) & 0x3F)));
                i += 2;
            }
        }
        if (word.size() < 5) {
            continue;
        }
        const std::size_t at = 1 + rng() % (word.size() - 2);
        switch (rng() % 4) {
        case 0:
            word[at] = letters[rng() % letters.size()];
            break;
        case 1:
            word.erase(at, 1);
            break;
        case 2:
            word.insert(word.begin() + static_cast<std::ptrdiff_t>(at), word[at]);
            break;
        default:
            std::swap(word[at], word[at + 1]);
            break;
        }
        std::string query;
        for (char32_t c : word) {
            if (c < 0x80) {
                query += static_cast<char>(c);
            } else {
                query += static_cast<char>(0xC0 | (c >> 6));
                query += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        queries.push_back(query);
    }
    return queries;
}

/// Product words typed with the Latin layout on ("vjkjrj"), whole or as a prefix.
std::vector<std::string> layoutQueries()
{
    std::mt19937 rng(13);
    std::vector<std::string> queries;
    for (int i = 0; i < kQueries; ++i) {
        const std::string& noun = kNouns[rng() % kNouns.size()];
        queries.push_back(store::cyrillicLayoutToLatin(firstLetters(noun, 3 + rng() % 6)));
    }
    return queries;
}

void BM_CatalogImport100k(benchmark::State& state)
{
    const std::string csv = makeCatalogCsv(kProducts);
    for (auto _ : state) {
        auto catalog = importCatalog(csv);
        state.SetIterationTime(catalog->importSeconds);
        state.counters["import_s"] = catalog->importSeconds;
        state.counters["rows_per_s"] = kProducts / catalog->importSeconds;
        state.counters["csv_MiB"] = static_cast<double>(csv.size()) / (1024.0 * 1024.0);
    }
}
BENCHMARK(BM_CatalogImport100k)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);

void BM_SearchPrefix(benchmark::State& state)
{
    sharedCatalog();
    runLatency(state, prefixQueries(), searchCount);
}
BENCHMARK(BM_SearchPrefix)->Iterations(kQueries)->Unit(benchmark::kMicrosecond);

void BM_SearchOneTypo(benchmark::State& state)
{
    sharedCatalog();
    runLatency(state, typoQueries(), searchCount);
}
BENCHMARK(BM_SearchOneTypo)->Iterations(kQueries)->Unit(benchmark::kMicrosecond);

void BM_SearchWrongLayout(benchmark::State& state)
{
    sharedCatalog();
    runLatency(state, layoutQueries(), searchCount);
}
BENCHMARK(BM_SearchWrongLayout)->Iterations(kQueries)->Unit(benchmark::kMicrosecond);

/// What a search without an index does: read every name, keep those containing the text, show
/// the first 20 by name. Case-sensitive for Cyrillic (SQLite's LIKE folds ASCII only), so it is
/// given the words as they are written in the names; it still has no typo or layout tolerance.
void BM_NaiveLikeScan(benchmark::State& state)
{
    auto& connection = sharedCatalog().database->connection();
    std::vector<std::string> queries;
    std::mt19937 rng(7);
    for (int i = 0; i < kQueries; ++i) {
        queries.push_back(firstLetters(kNouns[rng() % kNouns.size()], 3 + rng() % 3));
    }
    runLatency(state, queries, [&](const std::string& text) -> std::size_t {
        auto rows = connection.query("SELECT seq, name FROM products WHERE active = 1 AND name LIKE '%' || $1 || '%' "
                                     "ORDER BY name LIMIT 20",
                                     {text});
        return rows ? rows->size() : 0;
    });
}
BENCHMARK(BM_NaiveLikeScan)->Iterations(200)->Unit(benchmark::kMicrosecond);

void BM_BarcodeLookup(benchmark::State& state)
{
    till::ProductLookup lookup(*sharedCatalog().repository);
    std::mt19937 rng(17);
    std::vector<std::string> codes;
    for (int i = 0; i < kQueries; ++i) {
        codes.push_back(ean13(static_cast<std::int64_t>(rng() % kProducts)));
    }
    runLatency(state, codes, [&](const std::string& code) -> std::size_t {
        auto found = lookup.byScan(code);
        if (!found) {
            std::fprintf(stderr, "scan %s: %s\n", code.c_str(), found.error().message.c_str());
            std::abort();
        }
        return 1;
    });
}
BENCHMARK(BM_BarcodeLookup)->Iterations(kQueries)->Unit(benchmark::kMicrosecond);

} // namespace
