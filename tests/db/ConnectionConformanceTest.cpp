// The contract of db::Connection that code above the db layer relies on, run on both backends:
// every test here runs on SQLite and on PostgreSQL (TEST_P over "sqlite" and "postgresql").
// The PostgreSQL cases use the server the ctest fixture 'postgres' starts (tests/pg), each test in
// a schema of its own; run outside ctest without a server, they skip with a message saying so.

#include "core/ErrorCodes.h"
#include "db/ConnectionFactory.h"
#include "db/DbTestSupport.h"
#include "db/Migrations.h"
#include "db/PgConnection.h"
#include "db/SqliteConnection.h"
#include "db/Transaction.h"
#include "support/PgUrl.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

namespace sigma::db {
namespace {

using test::isOk;
using test::valueOf;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSqlite = "sqlite";
constexpr std::string_view kPostgresql = "postgresql";

std::string randomSuffix()
{
    std::random_device random;
    std::string text;
    for (int i = 0; i < 12; ++i) {
        text += "0123456789abcdefghijklmnopqrstuvwxyz"[random() % 36];
    }
    return text;
}

class ConnectionConformanceTest : public ::testing::TestWithParam<std::string_view> {
protected:
    void SetUp() override
    {
        if (GetParam() != kPostgresql) {
            return;
        }
        m_url = test::pgTestUrl();
        if (m_url.empty()) {
            GTEST_SKIP() << "PostgreSQL UNAVAILABLE: this case needs the ctest fixture 'postgres' "
                            "(run through ctest, or set SIGMA_TEST_PG_URL)";
        }
        m_schema = "t_" + randomSuffix();
        m_admin = valueOf(PgConnection::open(m_url));
        ASSERT_TRUE(isOk(m_admin->executeScript("CREATE SCHEMA " + m_schema)));
    }

    void TearDown() override
    {
        if (m_admin) {
            EXPECT_TRUE(isOk(m_admin->executeScript("DROP SCHEMA " + m_schema + " CASCADE")));
        }
    }

    [[nodiscard]] bool postgresql() const { return GetParam() == kPostgresql; }

    /// A new connection to this test's database; `busyTimeoutMs` is SQLite's busy timeout or
    /// PostgreSQL's lock_timeout.
    std::unique_ptr<Connection> open(int busyTimeoutMs = 5000)
    {
        if (postgresql()) {
            PgOptions options;
            options.schema = m_schema;
            options.lockTimeoutMs = busyTimeoutMs;
            return valueOf(PgConnection::open(m_url, options));
        }
        SqliteOptions options;
        options.busyTimeoutMs = busyTimeoutMs;
        return valueOf(SqliteConnection::open(m_dir.file("test.db"), options));
    }

    /// A schema for the tests below, through migrate() (so through the dialect markers too).
    std::unique_ptr<Connection> openWithSchema(int busyTimeoutMs = 5000)
    {
        static constexpr std::array kSchema{
            Migration{1, "values", R"sql(
                CREATE TABLE val(id BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT, b {{blob}});
                CREATE TABLE counter(id BIGINT PRIMARY KEY, n BIGINT NOT NULL);
                INSERT INTO counter(id, n) VALUES (1, 0);
            )sql"},
            Migration{2, "shop", R"sql(
                CREATE TABLE store(id {{auto_id}}, name TEXT NOT NULL UNIQUE);
                CREATE TABLE item(id {{auto_id}},
                                  store_id BIGINT NOT NULL REFERENCES store(id),
                                  name TEXT NOT NULL,
                                  price_kopecks BIGINT NOT NULL CHECK (price_kopecks >= 0));
                CREATE TABLE stock(item TEXT PRIMARY KEY, qty BIGINT NOT NULL, updated_at_us BIGINT NOT NULL);
                CREATE VIEW item_names AS SELECT name FROM item;
            )sql"},
        };
        auto db = open(busyTimeoutMs);
        EXPECT_TRUE(isOk(migrate(*db, kSchema)));
        return db;
    }

    static std::int64_t count(Connection& db, std::string_view table)
    {
        return valueOf(db.queryOne("SELECT COUNT(*) FROM " + std::string(table)))->int64(0);
    }

    test::DbTempDir m_dir;
    std::string m_url;
    std::string m_schema;
    std::unique_ptr<PgConnection> m_admin;
};

std::string backendName(const ::testing::TestParamInfo<std::string_view>& info)
{
    return std::string(info.param);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConnectionConformanceTest, ::testing::Values(kSqlite, kPostgresql), backendName);

TEST_P(ConnectionConformanceTest, NamesItsDialect)
{
    auto db = open();
    EXPECT_EQ(db->dialect(), GetParam());
}

TEST_P(ConnectionConformanceTest, EveryValueTypeRoundTripsThroughATable)
{
    auto db = openWithSchema();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    const std::string cyrillic = "Чай «Майский» 100 г — ☕ ё";
    const Blob withZeros{{0x00, 0xFF, 0x00, 0x10, 0x00}};
    const std::string insert = "INSERT INTO val(id, i, r, t, b) VALUES ($1, $2, $3, $4, $5)";
    ASSERT_TRUE(isOk(db->execute(insert, {1, kMin, 0.1, cyrillic, withZeros})));
    ASSERT_TRUE(isOk(db->execute(insert, {2, kMax, -2.5e-300, "", Blob{}})));
    ASSERT_TRUE(isOk(db->execute(insert, {3, true, 1e300, "x", Blob{{1}}})));
    ASSERT_TRUE(isOk(db->execute(insert, {4, std::nullopt, std::nullopt, std::nullopt, std::nullopt})));
    ASSERT_TRUE(isOk(db->execute(insert, {5, 0, 3.141592653589793, std::string("'; DROP TABLE val; --"), Blob{}})));

    const auto rows = valueOf(db->query("SELECT id, i, r, t, b FROM val ORDER BY id"));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].int64(1), kMin);
    EXPECT_EQ(rows[0].real(2), 0.1);
    EXPECT_EQ(rows[0].text(3), cyrillic);
    EXPECT_EQ(rows[0].blob(4), withZeros.bytes);
    EXPECT_EQ(rows[1].int64(1), kMax);
    EXPECT_EQ(rows[1].real(2), -2.5e-300);
    EXPECT_EQ(rows[1].text(3), "") << "an empty string is not NULL";
    EXPECT_FALSE(rows[1].isNull(4)) << "an empty blob is not NULL";
    EXPECT_TRUE(rows[1].blob(4).empty());
    EXPECT_EQ(rows[2].int64(1), 1) << "bool is stored as 1";
    EXPECT_EQ(rows[2].real(2), 1e300);
    for (std::size_t c = 1; c < 5; ++c) {
        EXPECT_TRUE(rows[3].isNull(c)) << "column " << c;
    }
    EXPECT_EQ(rows[4].real(2), 3.141592653589793);
    EXPECT_EQ(rows[4].text(3), "'; DROP TABLE val; --");
    EXPECT_EQ(count(*db, "val"), 5);
}

TEST_P(ConnectionConformanceTest, EveryValueTypeRoundTripsThroughAParameter)
{
    auto db = open();
    const auto row = valueOf(
        db->queryOne("SELECT $1, $2, $3, $4, $5", {std::int64_t{-42}, 0.25, "Привет", Blob{{0, 1, 0}}, std::nullopt}));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->int64(0), -42);
    EXPECT_EQ(row->real(1), 0.25);
    EXPECT_EQ(row->text(2), "Привет");
    EXPECT_EQ(row->blob(3), (std::vector<std::uint8_t>{0, 1, 0}));
    EXPECT_TRUE(row->isNull(4));
}

TEST_P(ConnectionConformanceTest, AParameterMayBeUsedSeveralTimes)
{
    auto db = openWithSchema();
    ASSERT_TRUE(isOk(db->execute("INSERT INTO val(id, i, t) VALUES ($1, $1, $2)", {7, "seven"})));
    const auto row = valueOf(db->queryOne("SELECT i + $1, t FROM val WHERE id = $1 AND i = $1", {7}));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->int64(0), 14);
    EXPECT_EQ(row->text(1), "seven");
    // Text holding a '$1' is not a placeholder.
    const auto literal = valueOf(db->queryOne("SELECT '$1 and $2', $1", {5}));
    EXPECT_EQ(literal->text(0), "$1 and $2");
}

TEST_P(ConnectionConformanceTest, ParametersMustMatchPlaceholders)
{
    auto db = openWithSchema();
    auto unused = db->execute("UPDATE counter SET n = $1", {1, 2});
    ASSERT_FALSE(unused.ok());
    EXPECT_EQ(unused.error().code, core::errc::kDbError);
    EXPECT_THAT(unused.error().message, HasSubstr("parameter $2 is given but not used"));
    auto missing = db->execute("UPDATE counter SET n = $1 WHERE id = $2", {1});
    ASSERT_FALSE(missing.ok());
    EXPECT_THAT(missing.error().message, HasSubstr("parameter $2 has no value"));
}

TEST_P(ConnectionConformanceTest, CommitIsVisibleToOtherConnections)
{
    auto db = openWithSchema();
    auto other = open();
    auto transaction = valueOf(Transaction::begin(*db));
    EXPECT_TRUE(db->inTransaction());
    ASSERT_TRUE(isOk(db->execute("INSERT INTO val(id) VALUES (1)")));
    EXPECT_EQ(count(*other, "val"), 0) << "not visible before commit";
    ASSERT_TRUE(isOk(transaction.commit()));
    EXPECT_FALSE(db->inTransaction());
    EXPECT_EQ(count(*other, "val"), 1);
}

TEST_P(ConnectionConformanceTest, RollbackExplicitAndAtScopeExit)
{
    auto db = openWithSchema();
    {
        auto transaction = valueOf(Transaction::begin(*db, TransactionMode::Immediate));
        ASSERT_TRUE(isOk(db->execute("INSERT INTO val(id) VALUES (1)")));
        EXPECT_EQ(count(*db, "val"), 1);
    }
    EXPECT_FALSE(db->inTransaction());
    EXPECT_EQ(count(*db, "val"), 0);

    auto transaction = valueOf(Transaction::begin(*db, TransactionMode::Exclusive));
    ASSERT_TRUE(isOk(db->execute("INSERT INTO val(id) VALUES (2)")));
    ASSERT_TRUE(isOk(transaction.rollback()));
    EXPECT_FALSE(db->inTransaction());
    EXPECT_EQ(count(*db, "val"), 0);

    auto noTransaction = db->commit();
    ASSERT_FALSE(noTransaction.ok());
    EXPECT_EQ(noTransaction.error().code, core::errc::kDbError);
}

/// Two inserts that must happen together; the second may fail on a duplicate.
core::Status insertPair(Connection& db, int a, int b)
{
    SIGMA_ASSIGN_OR_RETURN(auto transaction, Transaction::begin(db, TransactionMode::Immediate));
    SIGMA_TRY(db.execute("INSERT INTO val(id) VALUES ($1)", {a}));
    SIGMA_TRY(db.execute("INSERT INTO val(id) VALUES ($1)", {b}));
    return transaction.commit();
}

TEST_P(ConnectionConformanceTest, AnErrorReturnInsideATransactionRollsItBack)
{
    auto db = openWithSchema();
    ASSERT_TRUE(isOk(db->execute("INSERT INTO val(id) VALUES (2)")));
    auto status = insertPair(*db, 1, 2);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbConstraint);
    EXPECT_FALSE(db->inTransaction());
    EXPECT_EQ(count(*db, "val"), 1) << "the first insert of the pair is gone too";
    EXPECT_TRUE(isOk(insertPair(*db, 3, 4)));
    EXPECT_EQ(count(*db, "val"), 3);
}

constexpr std::array kV1{
    Migration{1, "items", "CREATE TABLE m_item(id {{auto_id}}, name TEXT NOT NULL, picture {{blob}});"},
    Migration{2, "item prices", R"sql(
        ALTER TABLE m_item ADD COLUMN price_kopecks BIGINT NOT NULL DEFAULT 0;
        CREATE INDEX m_item_name ON m_item(name);
    )sql"},
};
constexpr std::array kV2{
    kV1[0],
    kV1[1],
    Migration{3, "receipts", "CREATE TABLE m_receipt(id {{auto_id}}, total_kopecks BIGINT NOT NULL);"},
};

TEST_P(ConnectionConformanceTest, MigrationsApplyOnceAndAreIdempotentOnReopen)
{
    auto db = open();
    EXPECT_EQ(valueOf(schemaVersion(*db)), 0);
    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 2);
    const auto id =
        valueOf(db->queryOne("INSERT INTO m_item(name, price_kopecks, picture) VALUES ($1, $2, $3) RETURNING id",
                             {"Чай", 15000, Blob{{0}}}));
    EXPECT_EQ(id->int64(0), 1);

    const auto rows = valueOf(db->query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].int64(0), 1);
    EXPECT_EQ(rows[1].text(1), "item prices");
    EXPECT_THAT(rows[1].text(2), ::testing::MatchesRegex("20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]{8}Z"));

    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    db.reset();
    db = open();
    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    EXPECT_EQ(count(*db, "schema_migrations"), 2);
    EXPECT_EQ(count(*db, "m_item"), 1);
    ASSERT_TRUE(isOk(migrate(*db, kV2)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 3);
    EXPECT_TRUE(valueOf(db->tableExists("m_receipt")));
}

TEST_P(ConnectionConformanceTest, ANewerDatabaseIsToleratedByAnOlderMigrationList)
{
    {
        auto newer = open();
        ASSERT_TRUE(isOk(migrate(*newer, kV2)));
    }
    auto older = open();
    ASSERT_TRUE(isOk(migrate(*older, kV1)));
    EXPECT_EQ(valueOf(schemaVersion(*older)), 3);
    EXPECT_EQ(count(*older, "schema_migrations"), 3);
    EXPECT_TRUE(isOk(older->execute("INSERT INTO m_item(name) VALUES ('x')")));
}

TEST_P(ConnectionConformanceTest, AFailingMigrationLeavesNothingHalfApplied)
{
    auto db = open();
    const std::array broken{
        kV1[0],
        Migration{2, "half", R"sql(
            CREATE TABLE m_audit(id BIGINT PRIMARY KEY);
            ALTER TABLE m_item ADD COLUMN price_kopecks BIGINT;
            INSERT INTO no_such_table VALUES (1);
        )sql"},
        kV2[2],
    };
    auto status = migrate(*db, broken);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbError);
    EXPECT_THAT(status.error().message, HasSubstr("migration 2 (half) failed"));
    EXPECT_THAT(status.error().message, HasSubstr("no_such_table"));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 1);
    EXPECT_FALSE(valueOf(db->tableExists("m_audit")));
    EXPECT_FALSE(valueOf(db->tableExists("m_receipt")));
    EXPECT_FALSE(db->inTransaction());
    EXPECT_FALSE(db->execute("SELECT price_kopecks FROM m_item").ok()) << "the ALTER was rolled back too";
    ASSERT_TRUE(isOk(migrate(*db, kV2)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 3);
}

TEST_P(ConnectionConformanceTest, AnUnknownMarkerStopsTheMigrationBeforeTheServerSeesIt)
{
    auto db = open();
    const std::array typo{Migration{1, "typo", "CREATE TABLE m_t(data {{blobb}});"}};
    auto status = migrate(*db, typo);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbBadMigrations);
    EXPECT_THAT(status.error().message, HasSubstr("{{blobb}}"));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 0);
}

TEST_P(ConnectionConformanceTest, TwoConnectionsMigratingAtOnce)
{
    auto first = open();
    auto second = open();
    core::Status firstStatus;
    core::Status secondStatus;
    {
        std::thread a([&] { firstStatus = migrate(*first, kV2); });
        std::thread b([&] { secondStatus = migrate(*second, kV2); });
        a.join();
        b.join();
    }
    EXPECT_TRUE(isOk(firstStatus));
    EXPECT_TRUE(isOk(secondStatus));
    EXPECT_EQ(count(*first, "schema_migrations"), 3);
}

TEST_P(ConnectionConformanceTest, ConstraintViolationsAreKDbConstraint)
{
    auto db = openWithSchema();
    const auto storeId = valueOf(db->queryOne("INSERT INTO store(name) VALUES ('Main') RETURNING id"))->int64(0);
    struct Case {
        std::string_view what;
        std::string_view sql;
    };
    const std::array cases{
        Case{"unique", "INSERT INTO store(name) VALUES ('Main')"},
        Case{"foreign key", "INSERT INTO item(store_id, name, price_kopecks) VALUES (999, 'x', 1)"},
        Case{"not null", "INSERT INTO item(store_id, name, price_kopecks) VALUES (1, NULL, 1)"},
        Case{"check", "INSERT INTO item(store_id, name, price_kopecks) VALUES (1, 'x', -1)"},
    };
    for (const Case& c : cases) {
        auto status = db->execute(c.sql);
        ASSERT_FALSE(status.ok()) << c.what;
        EXPECT_EQ(status.error().code, core::errc::kDbConstraint) << c.what << ": " << status.error().message;
    }
    EXPECT_TRUE(isOk(db->execute("INSERT INTO item(store_id, name, price_kopecks) VALUES ($1, 'ok', 0)", {storeId})));
}

TEST_P(ConnectionConformanceTest, UpsertWithOnConflict)
{
    auto db = openWithSchema();
    const std::string upsert = "INSERT INTO stock(item, qty, updated_at_us) VALUES ($1, $2, $3) "
                               "ON CONFLICT (item) DO UPDATE SET qty = stock.qty + excluded.qty, "
                               "updated_at_us = excluded.updated_at_us";
    ASSERT_TRUE(isOk(db->execute(upsert, {"tea", 5, 1'700'000'000'000'000})));
    EXPECT_EQ(db->changes(), 1);
    ASSERT_TRUE(isOk(db->execute(upsert, {"tea", 3, 1'700'000'000'000'001})));
    EXPECT_EQ(db->changes(), 1);
    const auto row = valueOf(db->queryOne("SELECT qty, updated_at_us FROM stock WHERE item = $1", {"tea"}));
    EXPECT_EQ(row->int64(0), 8);
    EXPECT_EQ(row->int64(1), 1'700'000'000'000'001);
    ASSERT_TRUE(isOk(db->execute("INSERT INTO stock(item, qty, updated_at_us) VALUES ('tea', 1, 0) "
                                 "ON CONFLICT (item) DO NOTHING")));
    EXPECT_EQ(db->changes(), 0);
}

TEST_P(ConnectionConformanceTest, ReturningGivesGeneratedIdsAndUpdatedValues)
{
    auto db = openWithSchema();
    const auto first = valueOf(db->queryOne("INSERT INTO store(name) VALUES ($1) RETURNING id", {"A"}));
    const auto second = valueOf(db->queryOne("INSERT INTO store(name) VALUES ($1) RETURNING id, name", {"B"}));
    EXPECT_EQ(first->int64(0), 1);
    EXPECT_EQ(second->int64(0), 2);
    EXPECT_EQ(second->text(1), "B");
    const auto renamed = valueOf(db->query("UPDATE store SET name = name || '!' RETURNING id, name"));
    EXPECT_EQ(renamed.size(), 2u);
    EXPECT_EQ(db->changes(), 2);
}

TEST_P(ConnectionConformanceTest, MalformedSqlIsAnErrorNamingTheSql)
{
    auto db = open();
    auto status = db->execute("SELEC oops FROM nowhere");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbError);
    EXPECT_THAT(status.error().message, HasSubstr("in SQL: SELEC oops FROM nowhere"));

    auto missing = db->query("SELECT x FROM no_such_table_here");
    ASSERT_FALSE(missing.ok());
    EXPECT_THAT(missing.error().message, HasSubstr("no_such_table_here"));

    auto script = db->executeScript("CREATE TABLE s_a(x BIGINT);\nINSERT INTO s_missing VALUES (2);");
    ASSERT_FALSE(script.ok());
    EXPECT_THAT(script.error().message, HasSubstr("in SQL: INSERT INTO s_missing")) << "the failing statement";
}

TEST_P(ConnectionConformanceTest, ExecuteScriptRunsSeveralStatements)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->executeScript(R"sql(
        CREATE TABLE s_t(x BIGINT); -- a comment; with a semicolon
        INSERT INTO s_t VALUES (1);
        INSERT INTO s_t VALUES (2);
    )sql")));
    EXPECT_EQ(count(*db, "s_t"), 2);
}

TEST_P(ConnectionConformanceTest, ConcurrentWriterGetsKDbBusyThenSucceeds)
{
    auto writer = openWithSchema();
    auto other = open(200);
    ASSERT_TRUE(isOk(writer->begin(TransactionMode::Immediate)));
    ASSERT_TRUE(isOk(writer->execute("UPDATE counter SET n = n + 1 WHERE id = 1")));
    // SQLite: the write lock is taken; PostgreSQL: the row lock is (lock_timeout).
    auto busy = other->execute("UPDATE counter SET n = n + 1 WHERE id = 1");
    ASSERT_FALSE(busy.ok());
    EXPECT_EQ(busy.error().code, core::errc::kDbBusy) << busy.error().message;
    ASSERT_TRUE(isOk(writer->commit()));
    ASSERT_TRUE(isOk(other->execute("UPDATE counter SET n = n + 1 WHERE id = 1")));
    EXPECT_EQ(valueOf(writer->queryOne("SELECT n FROM counter WHERE id = 1"))->int64(0), 2);
}

TEST_P(ConnectionConformanceTest, ReadThenWriteTransactionsNeverLoseAnUpdate)
{
    auto a = openWithSchema();
    auto b = open(200);
    const std::string read = "SELECT n FROM counter WHERE id = 1";
    const std::string write = "UPDATE counter SET n = $1 WHERE id = 1";
    ASSERT_TRUE(isOk(a->begin(TransactionMode::Immediate)));
    const std::int64_t seenByA = valueOf(a->queryOne(read))->int64(0);

    // B does the same read-then-write; it must fail with kDbBusy somewhere (SQLite: at BEGIN, as A
    // holds the write lock; PostgreSQL SERIALIZABLE: at its write, after A committed).
    core::Status bStatus = b->begin(TransactionMode::Immediate);
    std::int64_t seenByB = 0;
    if (bStatus.ok()) {
        auto row = b->queryOne(read);
        if (row.ok()) {
            seenByB = (*row)->int64(0);
        } else {
            bStatus = row.error();
        }
    }
    ASSERT_TRUE(isOk(a->execute(write, {seenByA + 1})));
    ASSERT_TRUE(isOk(a->commit()));
    if (bStatus.ok()) {
        bStatus = b->execute(write, {seenByB + 1});
    }
    if (bStatus.ok()) {
        bStatus = b->commit();
    }
    ASSERT_FALSE(bStatus.ok()) << "B's update would overwrite A's";
    EXPECT_EQ(bStatus.error().code, core::errc::kDbBusy) << bStatus.error().message;
    if (b->inTransaction()) {
        ASSERT_TRUE(isOk(b->rollback()));
    }
    EXPECT_EQ(valueOf(b->queryOne(read))->int64(0), 1);
}

TEST_P(ConnectionConformanceTest, ChangesCountsTheLastWrite)
{
    auto db = openWithSchema();
    ASSERT_TRUE(isOk(db->executeScript("INSERT INTO val(id) VALUES (1); INSERT INTO val(id) VALUES (2); "
                                       "INSERT INTO val(id) VALUES (3);")));
    ASSERT_TRUE(isOk(db->execute("UPDATE val SET i = 5")));
    EXPECT_EQ(db->changes(), 3);
    ASSERT_TRUE(db->query("SELECT * FROM val").ok());
    EXPECT_EQ(db->changes(), 3) << "a SELECT does not count";
    ASSERT_TRUE(isOk(db->execute("DELETE FROM val WHERE id = $1", {2})));
    EXPECT_EQ(db->changes(), 1);
}

TEST_P(ConnectionConformanceTest, TableExistsSeesTablesAndViewsOfItsSchema)
{
    auto db = openWithSchema();
    EXPECT_TRUE(valueOf(db->tableExists("store")));
    EXPECT_TRUE(valueOf(db->tableExists("item_names")));
    EXPECT_FALSE(valueOf(db->tableExists("no_such")));
}

TEST_P(ConnectionConformanceTest, AggregatesOfMoneyReadAsIntegers)
{
    auto db = openWithSchema();
    const auto storeId = valueOf(db->queryOne("INSERT INTO store(name) VALUES ('S') RETURNING id"))->int64(0);
    for (const std::int64_t price : std::array<std::int64_t, 3>{15000, 250, 4'000'000'000'000}) {
        ASSERT_TRUE(isOk(
            db->execute("INSERT INTO item(store_id, name, price_kopecks) VALUES ($1, 'x', $2)", {storeId, price})));
    }
    // PostgreSQL's SUM(bigint) is numeric; it must still read as an integer, as on SQLite.
    const auto row = valueOf(db->queryOne("SELECT SUM(price_kopecks) AS total_kopecks, COUNT(*), "
                                          "MAX(price_kopecks), AVG(price_kopecks), 1 < 2 FROM item"));
    EXPECT_EQ(row->int64(0), 4'000'000'015'250);
    EXPECT_EQ(row->columnIndex("total_kopecks"), 0u);
    EXPECT_EQ(row->int64(1), 3);
    EXPECT_EQ(row->int64(2), 4'000'000'000'000);
    EXPECT_NEAR(row->real(3), 4'000'000'015'250 / 3.0, 1.0);
    EXPECT_EQ(row->int64(4), 1) << "a comparison reads as 0/1";
    const auto empty = valueOf(db->queryOne("SELECT SUM(price_kopecks) FROM item WHERE id < 0"));
    EXPECT_TRUE(empty->isNull(0));
}

TEST_P(ConnectionConformanceTest, QueryOneRefusesSeveralRows)
{
    auto db = openWithSchema();
    ASSERT_TRUE(isOk(db->executeScript("INSERT INTO val(id) VALUES (1); INSERT INTO val(id) VALUES (2);")));
    auto result = db->queryOne("SELECT id FROM val");
    ASSERT_FALSE(result.ok());
    EXPECT_THAT(result.error().message, HasSubstr("at most one row"));
}

// ---- PostgreSQL specifics and the factory ----

/// The server's URL; "" when there is none (the caller skips, loudly).
std::string pgUrlOrSkip()
{
    return test::pgTestUrl();
}

TEST(PgConnectionTest, AConnectionErrorNamesTheServerButNotThePassword)
{
    PgOptions options;
    options.connectTimeoutSeconds = 2;
    auto result = PgConnection::open("postgresql://sigma:pw-S3cret-9@127.0.0.1:1/sigma_test", options);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::errc::kDbError);
    EXPECT_THAT(result.error().message, HasSubstr("sigma@127.0.0.1:1/sigma_test"));
    EXPECT_THAT(result.error().message, Not(HasSubstr("pw-S3cret-9")));
}

TEST(PgConnectionTest, RefusesAUrlOfAnotherKind)
{
    auto result = PgConnection::open("mysql://x@y/z");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::errc::kDbError);
}

TEST(PgConnectionTest, TextWithAZeroByteIsRefused)
{
    const std::string url = pgUrlOrSkip();
    if (url.empty()) {
        GTEST_SKIP() << "PostgreSQL UNAVAILABLE: needs the ctest fixture 'postgres'";
    }
    auto db = valueOf(PgConnection::open(url));
    auto result = db->query("SELECT $1", {std::string("a\0b", 3)});
    ASSERT_FALSE(result.ok());
    EXPECT_THAT(result.error().message, HasSubstr("zero byte"));
}

TEST(PgConnectionTest, ReconnectsAfterTheServerEndedTheSession)
{
    const std::string url = pgUrlOrSkip();
    if (url.empty()) {
        GTEST_SKIP() << "PostgreSQL UNAVAILABLE: needs the ctest fixture 'postgres'";
    }
    auto db = valueOf(PgConnection::open(url));
    auto admin = valueOf(PgConnection::open(url));
    auto kill = [&] {
        // Integers are sent as int8: a function taking an integer (int4) needs the cast.
        auto result = admin->query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))", {db->backendPid()});
        ASSERT_TRUE(result.ok()) << result.error().message;
    };

    kill();
    auto lost = db->query("SELECT 1");
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, core::errc::kDbError);
    EXPECT_EQ(valueOf(db->queryOne("SELECT 2"))->int64(0), 2) << "the next call reconnected";

    // Inside a transaction: nothing runs until the lost transaction is rolled back.
    ASSERT_TRUE(isOk(db->begin()));
    kill();
    EXPECT_FALSE(db->execute("SELECT 1").ok());
    EXPECT_TRUE(db->inTransaction());
    auto refused = db->execute("SELECT 1");
    ASSERT_FALSE(refused.ok());
    EXPECT_THAT(refused.error().message, HasSubstr("roll it back first"));
    EXPECT_TRUE(isOk(db->rollback()));
    EXPECT_EQ(valueOf(db->queryOne("SELECT 3"))->int64(0), 3);
}

TEST(PgConnectionTest, CachedStatementsFollowSchemaChangesAndParameterTypes)
{
    const std::string url = pgUrlOrSkip();
    if (url.empty()) {
        GTEST_SKIP() << "PostgreSQL UNAVAILABLE: needs the ctest fixture 'postgres'";
    }
    auto db = valueOf(PgConnection::open(url));
    ASSERT_TRUE(isOk(db->executeScript("CREATE TEMP TABLE c(x BIGINT)")));
    const std::string insert = "INSERT INTO c(x) VALUES ($1)";
    ASSERT_TRUE(isOk(db->execute(insert, {1})));
    ASSERT_TRUE(isOk(db->execute(insert, {std::nullopt}))) << "same SQL, a parameter of another type";
    ASSERT_TRUE(isOk(db->execute(insert, {"3"})));
    ASSERT_TRUE(isOk(db->execute(insert, {2})));
    EXPECT_EQ(valueOf(db->query("SELECT * FROM c"))[0].size(), 1u);
    // The INSERT as int8 and as untyped (text and NULL share that), and the SELECT.
    EXPECT_EQ(db->cachedStatementCount(), 3u);
    ASSERT_TRUE(isOk(db->executeScript("ALTER TABLE c ADD COLUMN y BIGINT")));
    const auto rows = valueOf(db->query("SELECT * FROM c"));
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].size(), 2u) << "the cached SELECT * was prepared again";

    for (std::size_t i = 0; i < PgConnection::kMaxCachedStatements + 5; ++i) {
        ASSERT_TRUE(db->query("SELECT " + std::to_string(i)).ok());
    }
    EXPECT_LE(db->cachedStatementCount(), PgConnection::kMaxCachedStatements);
}

TEST(PgConnectionTest, CommitOfAFailedTransactionIsAnError)
{
    const std::string url = pgUrlOrSkip();
    if (url.empty()) {
        GTEST_SKIP() << "PostgreSQL UNAVAILABLE: needs the ctest fixture 'postgres'";
    }
    auto db = valueOf(PgConnection::open(url));
    ASSERT_TRUE(isOk(db->begin()));
    EXPECT_FALSE(db->execute("SELECT * FROM no_such_table_at_all").ok());
    auto commit = db->commit();
    ASSERT_FALSE(commit.ok()) << "PostgreSQL turns it into a rollback; it must not pass for a commit";
    EXPECT_THAT(commit.error().message, HasSubstr("rolled back"));
    EXPECT_FALSE(db->inTransaction());
}

TEST(ConnectionFactoryTest, OpensSqliteAndPostgresqlByUrl)
{
    test::DbTempDir dir;
    auto sqlite = valueOf(openDatabase("sqlite:" + dir.file("cloud.db").string()));
    EXPECT_EQ(sqlite->dialect(), "sqlite");

    const std::string url = test::pgTestUrl();
    if (url.empty()) {
        GTEST_SKIP() << "PostgreSQL UNAVAILABLE: needs the ctest fixture 'postgres'";
    }
    auto postgresql = valueOf(openDatabase(url));
    EXPECT_EQ(postgresql->dialect(), "postgresql");
    const std::string shortScheme = "postgres://" + url.substr(std::string_view("postgresql://").size());
    EXPECT_EQ(valueOf(openDatabase(shortScheme))->dialect(), "postgresql");
}

TEST(ConnectionFactoryTest, RefusesOtherUrlsWithoutShowingAPassword)
{
    for (const std::string_view url : {"mysql://root:hunter2@db/x", "sqlite:", "cloud.db"}) {
        auto result = openDatabase(url);
        ASSERT_FALSE(result.ok()) << url;
        EXPECT_EQ(result.error().code, core::errc::kDbError);
        EXPECT_THAT(result.error().message, Not(HasSubstr("hunter2")));
    }
    EXPECT_EQ(redactDatabaseUrl("postgresql://u:pw@h:5432/db?sslmode=require"),
              "postgresql://u:***@h:5432/db?sslmode=require");
    EXPECT_EQ(redactDatabaseUrl("postgresql://u@h/db"), "postgresql://u@h/db");
    EXPECT_EQ(redactDatabaseUrl("postgresql://h/db?user=u&password=pw&x=1"),
              "postgresql://h/db?user=u&password=***&x=1");
}

TEST(ConnectionFactoryTest, DialectMarkersAreTheOnlyRewrite)
{
    EXPECT_EQ(valueOf(dialectSql("sqlite", "x {{blob}}, id {{auto_id}}, 'BLOB'")),
              "x BLOB, id INTEGER PRIMARY KEY AUTOINCREMENT, 'BLOB'");
    EXPECT_EQ(valueOf(dialectSql("postgresql", "x {{blob}}, y BLOB")), "x BYTEA, y BLOB");
    EXPECT_EQ(valueOf(dialectSql("postgresql", "k {{byte_text}}")), "k TEXT COLLATE \"C\"");
    EXPECT_EQ(valueOf(dialectSql("sqlite", "k {{byte_text}}")), "k TEXT");
    EXPECT_FALSE(dialectSql("sqlite", "{{nope}}").ok());
    EXPECT_FALSE(dialectSql("sqlite", "{{blob").ok());
}

} // namespace
} // namespace sigma::db
