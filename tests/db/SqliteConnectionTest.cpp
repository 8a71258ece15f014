#include "db/SqliteConnection.h"

#include "core/ErrorCodes.h"
#include "db/DbTestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

namespace sigma::db {
namespace {

using test::isOk;
using test::valueOf;
using ::testing::HasSubstr;

class SqliteConnectionTest : public test::SqliteTest {};

TEST_F(SqliteConnectionTest, RoundTripsEveryValueType)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)")));
    const std::string textWithNul("Ёжик\0в тумане", sizeof("Ёжик\0в тумане") - 1);
    const std::vector<Value> values{
        Value(),
        Value(std::int64_t{0}),
        Value(std::numeric_limits<std::int64_t>::min()),
        Value(std::numeric_limits<std::int64_t>::max()),
        Value(-0.5),
        Value(1e300),
        Value(std::string()),
        Value(std::string("Привет, мир — чек № 1 ✓")),
        Value(textWithNul),
        Value(Blob{}),
        Value(Blob{{0x00, 0x01, 0x00, 0xff, 0x00}}),
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
        ASSERT_TRUE(isOk(db->execute("INSERT INTO v(id, x) VALUES ($1, $2)", {i, values[i]})));
    }
    const auto rows = valueOf(db->query("SELECT id, x, typeof(x) FROM v ORDER BY id"));
    ASSERT_EQ(rows.size(), values.size());
    const std::vector<std::string> types{"null", "integer", "integer", "integer", "real", "real",
                                         "text", "text",    "text",    "blob",    "blob"};
    for (std::size_t i = 0; i < values.size(); ++i) {
        EXPECT_EQ(rows[i].int64(0), static_cast<std::int64_t>(i));
        EXPECT_EQ(rows[i].value(1), values[i]) << "value " << i;
        EXPECT_EQ(rows[i].text(2), types[i]) << "value " << i;
    }
    EXPECT_EQ(rows[8].text(1).size(), textWithNul.size());
    EXPECT_EQ(rows[10].blob(1), (std::vector<std::uint8_t>{0x00, 0x01, 0x00, 0xff, 0x00}));
    EXPECT_FALSE(rows[9].isNull(1)) << "an empty blob is not NULL";
    EXPECT_TRUE(rows[9].blob(1).empty());
}

TEST_F(SqliteConnectionTest, TypedColumnsAndConvenienceParams)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute(
        "CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL, price INTEGER, weight REAL, note TEXT, "
        "active INTEGER NOT NULL, image BLOB)")));
    const std::string name = "Молоко 3,2%";
    const std::optional<std::string> noNote;
    const std::optional<std::int64_t> price = 8990;
    ASSERT_TRUE(isOk(db->execute("INSERT INTO item VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                 {1, name, price, 0.93, noNote, true, Blob{{1, 2, 3}}})));
    ASSERT_TRUE(isOk(db->execute("INSERT INTO item VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                 {2U, std::string_view("Хлеб"), std::nullopt, 1, "свежий", false, nullptr})));
    auto row = valueOf(db->queryOne("SELECT name, price, weight, note, active, image FROM item WHERE id = $1", {1}));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->text(0), name);
    EXPECT_EQ(row->int64(1), 8990);
    EXPECT_DOUBLE_EQ(row->real(2), 0.93);
    EXPECT_TRUE(row->isNull(3));
    EXPECT_EQ(row->optionalText(3), std::nullopt);
    EXPECT_EQ(row->int64(4), 1);
    EXPECT_EQ(row->blob(5), (std::vector<std::uint8_t>{1, 2, 3}));

    row = valueOf(db->queryOne("SELECT name, price, weight, note, active, image FROM item WHERE id = $1", {2}));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->text(0), "Хлеб");
    EXPECT_EQ(row->optionalInt64(1), std::nullopt);
    // A REAL column stores 1 as 1.0; real() also reads an integer, e.g. from SUM over integers.
    EXPECT_DOUBLE_EQ(row->real(2), 1.0);
    EXPECT_EQ(row->optionalText(3), "свежий");
    EXPECT_EQ(row->int64(4), 0);
    EXPECT_EQ(row->optionalBlob(5), std::nullopt);

    auto total = valueOf(db->queryOne("SELECT SUM(price) AS total FROM item"));
    ASSERT_TRUE(total.has_value());
    EXPECT_DOUBLE_EQ(total->real(0), 8990.0);
    EXPECT_EQ(total->columnIndex("total"), 0u);
}

TEST_F(SqliteConnectionTest, ParameterUsedTwice)
{
    auto db = open();
    auto row = valueOf(db->queryOne("SELECT $1 + $1, $2 || '-' || $2, $1 * 3", {20, "ab"}));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->int64(0), 40);
    EXPECT_EQ(row->text(1), "ab-ab");
    EXPECT_EQ(row->int64(2), 60);

    ASSERT_TRUE(isOk(db->execute("CREATE TABLE pair(a, b)")));
    ASSERT_TRUE(isOk(db->execute("INSERT INTO pair VALUES ($1, $1)", {"same"})));
    EXPECT_EQ(valueOf(db->query("SELECT * FROM pair WHERE a = $1 AND b = $1", {"same"})).size(), 1u);
}

TEST_F(SqliteConnectionTest, ParametersMustMatchThePlaceholders)
{
    auto db = open();
    auto missing = db->query("SELECT $1, $2", {1});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::errc::kDbError);
    EXPECT_THAT(missing.error().message, HasSubstr("$2 has no value"));
    EXPECT_THAT(missing.error().message, HasSubstr("SELECT $1, $2"));

    auto unused = db->query("SELECT $1", {1, 2});
    ASSERT_FALSE(unused.ok());
    EXPECT_THAT(unused.error().message, HasSubstr("$2 is given but not used"));

    auto skipped = db->query("SELECT $2", {1, 2});
    ASSERT_FALSE(skipped.ok());
    EXPECT_THAT(skipped.error().message, HasSubstr("$1 is given but not used"));

    for (const char* sql : {"SELECT ?", "SELECT ?1", "SELECT :name", "SELECT @name", "SELECT $name"}) {
        auto other = db->query(sql, {1});
        ASSERT_FALSE(other.ok()) << sql;
        EXPECT_THAT(other.error().message, HasSubstr("must be written $1, $2")) << sql;
    }
}

// Thousands of parameters, written in an order unlike SQLite's slot order (the last number first,
// some used twice), bound twice through the cached statement with different values: every value
// must land in its own row and column, and the placeholder checks must still hold at that size.
TEST_F(SqliteConnectionTest, ManyParametersBindToTheirOwnPlaceholders)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE wide(row_no INTEGER, a INTEGER, b TEXT, a_again INTEGER)")));
    constexpr int kRows = 1500; // 3000 parameters, as in a large multi-row insert
    std::string sql = "INSERT INTO wide(row_no, a, b, a_again) VALUES ";
    for (int r = kRows - 1; r >= 0; --r) {
        const std::string a = "$" + std::to_string(2 * r + 1);
        const std::string b = "$" + std::to_string(2 * r + 2);
        sql += "(" + std::to_string(r) + ", " + a + ", " + b + ", " + a + ")" + (r > 0 ? ", " : "");
    }
    for (const int round : {1, 2}) {
        std::vector<Param> params;
        for (int r = 0; r < kRows; ++r) {
            params.emplace_back(std::int64_t{r * 10 + round});
            params.emplace_back("строка " + std::to_string(r) + "/" + std::to_string(round));
        }
        ASSERT_TRUE(isOk(db->execute(sql, params))) << "round " << round;
        const auto rows =
            valueOf(db->query("SELECT row_no, a, b, a_again FROM wide WHERE a % 10 = $1 ORDER BY row_no", {round}));
        ASSERT_EQ(rows.size(), static_cast<std::size_t>(kRows));
        for (int r = 0; r < kRows; ++r) {
            const Row& row = rows[static_cast<std::size_t>(r)];
            ASSERT_EQ(row.int64(0), r);
            ASSERT_EQ(row.int64(1), r * 10 + round) << "row " << r;
            ASSERT_EQ(row.text(2), "строка " + std::to_string(r) + "/" + std::to_string(round)) << "row " << r;
            ASSERT_EQ(row.int64(3), r * 10 + round) << "row " << r;
        }
    }

    std::vector<Param> oneShort;
    for (int i = 1; i < 2 * kRows; ++i) {
        oneShort.emplace_back(std::int64_t{i});
    }
    auto missing = db->execute(sql, oneShort);
    ASSERT_FALSE(missing.ok());
    EXPECT_THAT(missing.error().message, HasSubstr("$" + std::to_string(2 * kRows) + " has no value"));
    std::vector<Param> oneTooMany(static_cast<std::size_t>(2 * kRows + 1), Param(std::int64_t{1}));
    auto unused = db->execute(sql, oneTooMany);
    ASSERT_FALSE(unused.ok());
    EXPECT_THAT(unused.error().message, HasSubstr("$" + std::to_string(2 * kRows + 1) + " is given but not used"));
    EXPECT_EQ(valueOf(db->queryOne("SELECT count(*) FROM wide"))->int64(0), 2 * kRows);
}

TEST_F(SqliteConnectionTest, StatementCacheReusesAndResetsStatements)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE t(x INTEGER)")));
    const std::size_t before = db->cachedStatementCount();
    for (int i = 0; i < 50; ++i) {
        ASSERT_TRUE(isOk(db->execute("INSERT INTO t VALUES ($1)", {i})));
    }
    EXPECT_EQ(db->cachedStatementCount(), before + 1);
    EXPECT_EQ(valueOf(db->queryOne("SELECT COUNT(*), SUM(x) FROM t"))->int64(1), 49 * 50 / 2);

    // The same statement with new values: nothing from the previous run remains bound.
    EXPECT_EQ(valueOf(db->queryOne("SELECT $1", {5}))->int64(0), 5);
    EXPECT_EQ(valueOf(db->queryOne("SELECT $1", {"x"}))->text(0), "x");
    EXPECT_TRUE(valueOf(db->queryOne("SELECT $1", {std::nullopt}))->isNull(0));

    // A failed run (constraint) leaves the cached statement usable.
    ASSERT_TRUE(isOk(db->execute("CREATE UNIQUE INDEX t_x ON t(x)")));
    EXPECT_FALSE(db->execute("INSERT INTO t VALUES ($1)", {3}).ok());
    EXPECT_TRUE(isOk(db->execute("INSERT INTO t VALUES ($1)", {1000})));

    // A schema change under a cached statement: SQLite recompiles it.
    const std::string selectAll = "SELECT * FROM s";
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE s(a)")));
    EXPECT_EQ(valueOf(db->query(selectAll)).size(), 0u);
    ASSERT_TRUE(isOk(db->executeScript("DROP TABLE s; CREATE TABLE s(a, b); INSERT INTO s VALUES (1, 2)")));
    auto rows = valueOf(db->query(selectAll));
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].size(), 2u);
    EXPECT_EQ(rows[0].columnName(1), "b");
}

TEST_F(SqliteConnectionTest, StatementCacheIsBounded)
{
    auto db = open();
    for (std::size_t i = 0; i < SqliteConnection::kMaxCachedStatements + 20; ++i) {
        ASSERT_EQ(valueOf(db->queryOne("SELECT " + std::to_string(i)))->int64(0), static_cast<std::int64_t>(i));
        ASSERT_LE(db->cachedStatementCount(), SqliteConnection::kMaxCachedStatements);
    }
    db->clearStatementCache();
    EXPECT_EQ(db->cachedStatementCount(), 0u);
}

TEST_F(SqliteConnectionTest, QueryOneAndRows)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->executeScript(R"sql(
        CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT);
        -- comments and blank statements are fine in a script
        INSERT INTO t(name) VALUES ('a'), ('b'), ('c');;
    )sql")));
    EXPECT_FALSE(valueOf(db->queryOne("SELECT * FROM t WHERE id = $1", {99})).has_value());
    auto one = valueOf(db->queryOne("SELECT id, name FROM t WHERE name = $1", {"b"}));
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->size(), 2u);
    EXPECT_EQ(one->columnIndex("name"), 1u);
    EXPECT_EQ(one->columnIndex("nope"), std::nullopt);
    EXPECT_EQ(one->columnName(0), "id");

    auto many = db->queryOne("SELECT * FROM t");
    ASSERT_FALSE(many.ok());
    EXPECT_EQ(many.error().code, core::errc::kDbError);
    EXPECT_THAT(many.error().message, HasSubstr("at most one row but returned 3"));

    EXPECT_TRUE(valueOf(db->query("SELECT * FROM t WHERE 0")).empty());
    EXPECT_EQ(valueOf(db->query("SELECT * FROM t ORDER BY id")).size(), 3u);
}

TEST_F(SqliteConnectionTest, ChangesAndLastInsertId)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE t(id INTEGER PRIMARY KEY, x INTEGER)")));
    ASSERT_TRUE(isOk(db->execute("INSERT INTO t(x) VALUES (1), (2), (3)")));
    EXPECT_EQ(db->changes(), 3);
    EXPECT_EQ(db->lastInsertId(), 3);
    ASSERT_TRUE(isOk(db->execute("UPDATE t SET x = x + 1 WHERE x >= $1", {2})));
    EXPECT_EQ(db->changes(), 2);
    ASSERT_TRUE(isOk(db->execute("DELETE FROM t WHERE x > $1", {100})));
    EXPECT_EQ(db->changes(), 0);
    auto returned = valueOf(db->queryOne("INSERT INTO t(x) VALUES ($1) RETURNING id", {7}));
    ASSERT_TRUE(returned.has_value());
    EXPECT_EQ(returned->int64(0), 4);
}

TEST_F(SqliteConnectionTest, ValueAndParamVectors)
{
    auto db = open();
    Connection& connection = *db; // through the interface, as code above the db layer uses it
    ASSERT_TRUE(isOk(connection.execute("CREATE TABLE t(a, b, c)")));
    const std::vector<Value> values{Value(std::int64_t{1}), Value(std::string("two")), Value()};
    ASSERT_TRUE(isOk(connection.execute("INSERT INTO t VALUES ($1, $2, $3)", values)));
    std::vector<Param> params;
    params.emplace_back(2);
    params.emplace_back(std::string("built ") + "at run time");
    params.emplace_back(Blob{{9}});
    ASSERT_TRUE(isOk(connection.execute("INSERT INTO t VALUES ($1, $2, $3)", params)));
    const std::vector<Value> key{Value(std::int64_t{2})};
    auto row = valueOf(connection.queryOne("SELECT b FROM t WHERE a = $1", key));
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->text(0), "built at run time");
    EXPECT_EQ(valueOf(connection.query("SELECT * FROM t WHERE a >= $1", key)).size(), 1u);
    EXPECT_EQ(connection.dialect(), "sqlite");
    EXPECT_TRUE(valueOf(connection.tableExists("t")));
    EXPECT_FALSE(valueOf(connection.tableExists("nope")));
}

TEST_F(SqliteConnectionTest, ScriptsAndSingleStatements)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->execute("CREATE TABLE t(x);")));
    ASSERT_TRUE(isOk(db->execute("INSERT INTO t VALUES (1); -- trailing comment")));

    auto two = db->execute("INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)");
    ASSERT_FALSE(two.ok());
    EXPECT_THAT(two.error().message, HasSubstr("executeScript"));
    EXPECT_EQ(valueOf(db->queryOne("SELECT COUNT(*) FROM t"))->int64(0), 1) << "nothing of it ran";

    auto empty = db->execute("  -- nothing ");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, core::errc::kDbError);

    auto failing = db->executeScript("INSERT INTO t VALUES (10);\nINSERT INTO missing_table VALUES (11);\n"
                                     "INSERT INTO t VALUES (12);");
    ASSERT_FALSE(failing.ok());
    EXPECT_THAT(failing.error().message, HasSubstr("no such table: missing_table"));
    EXPECT_THAT(failing.error().message, HasSubstr("in SQL: INSERT INTO missing_table"));

    auto withParams = db->executeScript("INSERT INTO t VALUES ($1)");
    ASSERT_FALSE(withParams.ok());
    EXPECT_THAT(withParams.error().message, HasSubstr("no parameters"));
    EXPECT_TRUE(isOk(db->executeScript("")));
}

TEST_F(SqliteConnectionTest, OpenOptions)
{
    {
        auto db = open("wal.db");
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA journal_mode"))->text(0), "wal");
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA foreign_keys"))->int64(0), 1);
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA synchronous"))->int64(0), 2); // FULL
        ASSERT_TRUE(isOk(db->setSynchronous(Synchronous::Normal)));
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA synchronous"))->int64(0), 1);
        ASSERT_TRUE(isOk(db->execute("CREATE TABLE t(x)")));
        EXPECT_TRUE(isOk(db->integrityCheck()));
    }
    {
        SqliteOptions options;
        options.wal = false;
        options.foreignKeys = false;
        options.synchronous = Synchronous::Off;
        auto db = open("rollback-journal.db", options);
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA journal_mode"))->text(0), "delete");
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA foreign_keys"))->int64(0), 0);
        EXPECT_EQ(valueOf(db->queryOne("PRAGMA synchronous"))->int64(0), 0);
    }
    {
        SqliteOptions readOnly;
        readOnly.readOnly = true;
        auto db = open("wal.db", readOnly);
        EXPECT_TRUE(valueOf(db->tableExists("t")));
        auto write = db->execute("INSERT INTO t VALUES (1)");
        ASSERT_FALSE(write.ok());
        EXPECT_THAT(write.error().message, HasSubstr("readonly"));
    }
    {
        SqliteOptions noCreate;
        noCreate.create = false;
        auto missing = SqliteConnection::open(m_dir.file("missing.db"), noCreate);
        ASSERT_FALSE(missing.ok());
        EXPECT_EQ(missing.error().code, core::errc::kDbError);
        EXPECT_THAT(missing.error().message, HasSubstr("missing.db"));
        EXPECT_FALSE(std::filesystem::exists(m_dir.file("missing.db")));
    }
    {
        auto memory = valueOf(SqliteConnection::open(":memory:"));
        EXPECT_TRUE(isOk(memory->execute("CREATE TABLE t(x)")));
    }
}

TEST_F(SqliteConnectionTest, HandleIsTheLiveConnection)
{
    auto db = open();
    EXPECT_NE(db->handle(), nullptr);
}

} // namespace
} // namespace sigma::db
