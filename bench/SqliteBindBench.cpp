// Parameter binding on SQLite: one cached multi-row INSERT with N parameters ($1..$N), executed
// again and again inside one transaction. Binding should grow linearly with N; the time per
// parameter (ns_per_param) stays flat when it does.
// Run: build/<preset>/tests/db/sigma_sqlite_bind_bench

#include "db/DbTempDir.h"
#include "db/SqliteConnection.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace {

using namespace sigma;

constexpr int kColumns = 3;

struct Workload {
    std::string sql;
    std::vector<db::Param> params;
};

Workload makeWorkload(int rows)
{
    Workload work;
    work.sql = "INSERT INTO t(a, b, c) VALUES ";
    work.params.reserve(static_cast<std::size_t>(rows * kColumns));
    for (int r = 0; r < rows; ++r) {
        const int base = r * kColumns;
        work.sql += (r == 0 ? "(" : ", (") + ("$" + std::to_string(base + 1)) + ", $" + std::to_string(base + 2) +
                    ", $" + std::to_string(base + 3) + ")";
        work.params.emplace_back(std::int64_t{r});
        work.params.emplace_back("name " + std::to_string(r));
        work.params.emplace_back(std::int64_t{r * 100});
    }
    return work;
}

void setPerParamCounter(benchmark::State& state, int parameters)
{
    // Seconds per bound parameter, printed with an SI prefix ("250n" is 250 ns).
    state.counters["s_per_param"] = benchmark::Counter(
        static_cast<double>(parameters), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_MultiRowInsert(benchmark::State& state)
{
    const int parameters = static_cast<int>(state.range(0));
    const int rows = parameters / kColumns;
    test::DbTempDir dir;
    db::SqliteOptions options;
    options.synchronous = db::Synchronous::Off;
    auto opened = db::SqliteConnection::open(dir.file("bind.db"), options);
    if (!opened.ok()) {
        state.SkipWithError(opened.error().message.c_str());
        return;
    }
    auto connection = std::move(opened).value();
    (void)connection->execute("CREATE TABLE t(a INTEGER, b TEXT, c INTEGER)");
    const Workload work = makeWorkload(rows);
    const std::string& sql = work.sql;
    const std::vector<db::Param>& params = work.params;
    (void)connection->execute("BEGIN");
    (void)connection->execute(sql, params); // compiles and caches the statement
    for (auto _ : state) {
        if (auto status = connection->execute(sql, params); !status.ok()) {
            state.SkipWithError(status.error().message.c_str());
            break;
        }
    }
    (void)connection->execute("ROLLBACK");
    setPerParamCounter(state, rows * kColumns);
}
BENCHMARK(BM_MultiRowInsert)->Arg(300)->Arg(3000)->Arg(9000)->Arg(30000)->Unit(benchmark::kMicrosecond);

/// The old binding: per execution, each slot's name looked up and parsed ("$17" -> 17).
int bindByNameLookup(sqlite3_stmt* statement, const std::vector<db::Param>& params)
{
    const int count = sqlite3_bind_parameter_count(statement);
    for (int i = 1; i <= count; ++i) {
        const char* name = sqlite3_bind_parameter_name(statement, i);
        const std::size_t number = std::stoul(name + 1);
        const db::Value& value = params[number - 1].value();
        int rc = SQLITE_OK;
        if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            rc = sqlite3_bind_int64(statement, i, *integer);
        } else if (const auto* text = std::get_if<std::string>(&value)) {
            rc = sqlite3_bind_text64(statement, i, text->data(), text->size(), SQLITE_STATIC, SQLITE_UTF8);
        }
        if (rc != SQLITE_OK) {
            return rc;
        }
    }
    return SQLITE_OK;
}

void BM_ReferenceNameLookupPerValue(benchmark::State& state)
{
    const int parameters = static_cast<int>(state.range(0));
    const int rows = parameters / kColumns;
    test::DbTempDir dir;
    db::SqliteOptions options;
    options.synchronous = db::Synchronous::Off;
    auto opened = db::SqliteConnection::open(dir.file("bind.db"), options);
    if (!opened.ok()) {
        state.SkipWithError(opened.error().message.c_str());
        return;
    }
    auto connection = std::move(opened).value();
    (void)connection->execute("CREATE TABLE t(a INTEGER, b TEXT, c INTEGER)");
    const Workload work = makeWorkload(rows);
    (void)connection->execute("BEGIN");
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(connection->handle(), work.sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement,
                           nullptr) != SQLITE_OK) {
        state.SkipWithError("prepare failed");
        return;
    }
    for (auto _ : state) {
        if (bindByNameLookup(statement, work.params) != SQLITE_OK || sqlite3_step(statement) != SQLITE_DONE) {
            state.SkipWithError(sqlite3_errmsg(connection->handle()));
            break;
        }
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
    }
    sqlite3_finalize(statement);
    (void)connection->execute("ROLLBACK");
    setPerParamCounter(state, rows * kColumns);
}
BENCHMARK(BM_ReferenceNameLookupPerValue)->Arg(300)->Arg(3000)->Arg(9000)->Arg(30000)->Unit(benchmark::kMicrosecond);

} // namespace
