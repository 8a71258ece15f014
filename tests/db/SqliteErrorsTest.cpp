#include "core/ErrorCodes.h"
#include "db/DbTestSupport.h"
#include "db/SqlSnippet.h"
#include "db/SqliteConnection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

namespace sigma::db {
namespace {

using test::isOk;
using test::valueOf;
using ::testing::HasSubstr;

class SqliteErrors : public test::SqliteTest {
protected:
    void writeFile(std::string_view name, const std::string& content)
    {
        std::ofstream out(m_dir.file(name), std::ios::binary);
        out << content;
    }
};

/// True when `text` is well-formed UTF-8 (no character cut in half).
bool isValidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80           ? 1
                                   : (lead >> 5) == 0x6  ? 2
                                   : (lead >> 4) == 0xE  ? 3
                                   : (lead >> 3) == 0x1E ? 4
                                                         : 0;
        if (length == 0 || i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

TEST_F(SqliteErrors, ConstraintViolations)
{
    auto db = open();
    ASSERT_TRUE(isOk(db->executeScript(R"sql(
        CREATE TABLE parent(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE);
        CREATE TABLE child(id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id),
                           qty INTEGER CHECK (qty > 0));
        INSERT INTO parent VALUES (1, 'a');
    )sql")));
    struct Case {
        const char* sql;
        std::vector<Param> params;
    };
    const std::vector<Case> cases{
        {"INSERT INTO parent VALUES ($1, $2)", {2, "a"}},          // unique
        {"INSERT INTO parent VALUES ($1, $2)", {1, "b"}},          // primary key
        {"INSERT INTO parent VALUES ($1, $2)", {3, std::nullopt}}, // not null
        {"INSERT INTO child VALUES ($1, $2, $3)", {1, 42, 1}},     // foreign key
        {"INSERT INTO child VALUES ($1, $2, $3)", {1, 1, 0}},      // check
    };
    for (const auto& c : cases) {
        auto status = db->execute(c.sql, c.params);
        ASSERT_FALSE(status.ok()) << c.sql;
        EXPECT_EQ(status.error().code, core::errc::kDbConstraint) << status.error().message;
        EXPECT_THAT(status.error().message, HasSubstr(c.sql));
    }
    EXPECT_THAT(db->execute("INSERT INTO parent VALUES (2, 'a')").error().message, HasSubstr("UNIQUE"));
}

TEST_F(SqliteErrors, ForeignKeysCanBeTurnedOff)
{
    SqliteOptions options;
    options.foreignKeys = false;
    auto db = open("fk-off.db", options);
    ASSERT_TRUE(isOk(db->executeScript("CREATE TABLE parent(id INTEGER PRIMARY KEY);"
                                       "CREATE TABLE child(parent_id INTEGER REFERENCES parent(id));")));
    EXPECT_TRUE(isOk(db->execute("INSERT INTO child VALUES (42)")));
}

TEST_F(SqliteErrors, WriteWhileAnotherConnectionHoldsTheWriteLockIsBusy)
{
    SqliteOptions fast;
    fast.busyTimeoutMs = 50;
    auto first = open("busy.db", fast);
    ASSERT_TRUE(isOk(first->execute("CREATE TABLE t(x INTEGER)")));
    ASSERT_TRUE(isOk(first->execute("INSERT INTO t VALUES (1)")));

    auto second = open("busy.db", fast);
    ASSERT_TRUE(isOk(second->begin(TransactionMode::Immediate)));
    ASSERT_TRUE(isOk(second->execute("INSERT INTO t VALUES (2)")));

    auto write = first->execute("INSERT INTO t VALUES (3)");
    ASSERT_FALSE(write.ok());
    EXPECT_EQ(write.error().code, core::errc::kDbBusy) << write.error().message;
    EXPECT_THAT(write.error().message, HasSubstr("is in use by another process"));
    EXPECT_THAT(write.error().message, HasSubstr("busy.db"));

    auto begin = first->begin(TransactionMode::Immediate);
    ASSERT_FALSE(begin.ok());
    EXPECT_EQ(begin.error().code, core::errc::kDbBusy);
    EXPECT_FALSE(first->inTransaction());

    // WAL: the reader is not blocked, and sees only committed data.
    EXPECT_EQ(valueOf(first->queryOne("SELECT COUNT(*) FROM t"))->int64(0), 1);

    ASSERT_TRUE(isOk(second->commit()));
    EXPECT_TRUE(isOk(first->execute("INSERT INTO t VALUES (3)")));
    EXPECT_EQ(valueOf(first->queryOne("SELECT COUNT(*) FROM t"))->int64(0), 3);
}

TEST_F(SqliteErrors, GarbageFileIsNotADatabase)
{
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage += static_cast<char>((i * 7919) % 251);
    }
    writeFile("garbage.db", garbage);
    auto opened = SqliteConnection::open(m_dir.file("garbage.db"));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, core::errc::kDbCorrupt);
    EXPECT_THAT(opened.error().message, HasSubstr("not an SQLite database"));
    EXPECT_THAT(opened.error().message, HasSubstr("garbage.db"));

    writeFile("text.db", "this is a text file, not a database\n");
    auto text = SqliteConnection::open(m_dir.file("text.db"));
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().code, core::errc::kDbCorrupt) << text.error().message;

    // A valid header over damaged pages still opens; the integrity check finds the damage.
    {
        SqliteOptions options;
        options.wal = false;
        auto db = open("damaged.db", options);
        ASSERT_TRUE(isOk(db->execute("CREATE TABLE t(x TEXT)")));
        ASSERT_TRUE(isOk(db->execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                                     "INSERT INTO t SELECT hex(randomblob(50)) FROM n")));
    }
    {
        std::fstream file(m_dir.file("damaged.db"), std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(4096 + 8);
        const std::string junk(3000, '\x5a');
        file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    SqliteOptions options;
    options.wal = false;
    auto damaged = SqliteConnection::open(m_dir.file("damaged.db"), options);
    ASSERT_TRUE(damaged.ok()) << damaged.error().message;
    auto check = (*damaged)->integrityCheck();
    ASSERT_FALSE(check.ok());
    EXPECT_EQ(check.error().code, core::errc::kDbCorrupt);
    EXPECT_THAT(check.error().message, HasSubstr("integrity check"));
}

TEST_F(SqliteErrors, MalformedSqlNamesTheSql)
{
    auto db = open();
    const std::size_t cached = db->cachedStatementCount();
    auto status = db->execute("SELEC 1 FROM nowhere");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbError);
    EXPECT_THAT(status.error().message, HasSubstr("syntax error"));
    EXPECT_THAT(status.error().message, HasSubstr("SELEC 1 FROM nowhere"));

    auto query = db->query("SELECT * FROM no_such_table WHERE id = $1", {1});
    ASSERT_FALSE(query.ok());
    EXPECT_THAT(query.error().message, HasSubstr("no such table: no_such_table"));
    EXPECT_THAT(query.error().message, HasSubstr("SELECT * FROM no_such_table"));
    EXPECT_EQ(db->cachedStatementCount(), cached) << "failed statements are not cached";
}

TEST_F(SqliteErrors, LongSqlIsShortenedAtACharacterBoundary)
{
    auto db = open();
    std::string sql = "SELECT * FROM   \n  товары WHERE название = 'Ёлка' AND ";
    while (sql.size() < 400) {
        sql += "цена > 1 AND ";
    }
    sql += "syntax error here";
    auto status = db->execute(sql);
    ASSERT_FALSE(status.ok());
    EXPECT_THAT(status.error().message, HasSubstr("in SQL: SELECT * FROM товары WHERE"));
    EXPECT_THAT(status.error().message, HasSubstr("..."));
    EXPECT_LT(status.error().message.size(), 250u);
    EXPECT_TRUE(isValidUtf8(status.error().message)) << status.error().message;

    for (std::size_t limit = 0; limit < 40; ++limit) {
        const std::string snippet = sqlSnippet("ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ", limit);
        EXPECT_TRUE(isValidUtf8(snippet)) << limit;
        EXPECT_LE(snippet.size(), limit + 3);
    }
    EXPECT_EQ(sqlSnippet("  SELECT\n\t 1  "), "SELECT 1");
}

} // namespace
} // namespace sigma::db
