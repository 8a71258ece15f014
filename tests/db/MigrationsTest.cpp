#include "db/Migrations.h"

#include "core/ErrorCodes.h"
#include "db/DbTestSupport.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

namespace sigma::db {
namespace {

using test::isOk;
using test::valueOf;
using ::testing::HasSubstr;

constexpr std::array kV1{
    Migration{1, "items", "CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"},
    Migration{2, "item prices", R"sql(
        ALTER TABLE item ADD COLUMN price INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX item_name ON item(name);
    )sql"},
};

constexpr std::array kV2{
    kV1[0],
    kV1[1],
    Migration{3, "receipts", "CREATE TABLE receipt(id INTEGER PRIMARY KEY, total INTEGER NOT NULL);"},
};

class MigrationsTest : public test::SqliteTest {
protected:
    std::int64_t migrationRows(Connection& connection)
    {
        return valueOf(connection.queryOne("SELECT COUNT(*) FROM schema_migrations"))->int64(0);
    }
};

TEST_F(MigrationsTest, FreshDatabaseIsVersionZero)
{
    auto db = open();
    EXPECT_EQ(valueOf(schemaVersion(*db)), 0);
    ASSERT_TRUE(isOk(migrate(*db, {})));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 0);
    EXPECT_TRUE(valueOf(db->tableExists("schema_migrations")));
}

TEST_F(MigrationsTest, AppliesEachMigrationOnceAndRecordsIt)
{
    auto db = open();
    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 2);
    ASSERT_TRUE(isOk(db->execute("INSERT INTO item(name, price) VALUES ($1, $2)", {"Чай", 15000})));

    const auto rows = valueOf(db->query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].int64(0), 1);
    EXPECT_EQ(rows[0].text(1), "items");
    EXPECT_EQ(rows[1].text(1), "item prices");
    EXPECT_THAT(rows[1].text(2), ::testing::MatchesRegex("20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]{8}Z"));

    // Again on the same connection, then after reopening: nothing to do, nothing breaks.
    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    db.reset();
    db = open();
    ASSERT_TRUE(isOk(migrate(*db, kV1)));
    EXPECT_EQ(migrationRows(*db), 2);
    EXPECT_EQ(valueOf(db->queryOne("SELECT COUNT(*) FROM item"))->int64(0), 1);

    ASSERT_TRUE(isOk(migrate(*db, kV2)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 3);
    EXPECT_TRUE(valueOf(db->tableExists("receipt")));
}

TEST_F(MigrationsTest, NewerDatabaseOpensWithAnOlderMigrationList)
{
    {
        auto newer = open();
        ASSERT_TRUE(isOk(migrate(*newer, kV2)));
    }
    // The update was rolled back: the old binary, knowing only versions 1 and 2, starts again.
    auto older = open();
    ASSERT_TRUE(isOk(migrate(*older, kV1)));
    EXPECT_EQ(valueOf(schemaVersion(*older)), 3);
    EXPECT_EQ(migrationRows(*older), 3);
    EXPECT_TRUE(isOk(older->execute("INSERT INTO item(name) VALUES ('x')")));
}

TEST_F(MigrationsTest, RefusesAListNotStrictlyAscending)
{
    auto db = open();
    const std::array outOfOrder{kV2[0], kV2[2], kV2[1]};
    const std::array duplicate{kV1[0], kV1[0]};
    const std::array zero{Migration{0, "zero", "CREATE TABLE z(x)"}};
    for (std::span<const Migration> list : {std::span<const Migration>(outOfOrder),
                                            std::span<const Migration>(duplicate), std::span<const Migration>(zero)}) {
        auto status = migrate(*db, list);
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, core::errc::kDbBadMigrations);
        EXPECT_THAT(status.error().message, HasSubstr("positive version above the one before it"));
    }
    EXPECT_EQ(valueOf(schemaVersion(*db)), 0);
    EXPECT_FALSE(valueOf(db->tableExists("item"))) << "nothing applied from a refused list";
}

TEST_F(MigrationsTest, FailingMigrationLeavesNothingHalfApplied)
{
    auto db = open();
    const std::array broken{
        kV1[0],
        Migration{2, "half", R"sql(
            CREATE TABLE audit(id INTEGER PRIMARY KEY);
            ALTER TABLE item ADD COLUMN price INTEGER;
            INSERT INTO no_such_table VALUES (1);
        )sql"},
        kV2[2],
    };
    auto status = migrate(*db, broken);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kDbError);
    EXPECT_THAT(status.error().message, HasSubstr("migration 2 (half) failed"));
    EXPECT_THAT(status.error().message, HasSubstr("no such table: no_such_table"));

    EXPECT_EQ(valueOf(schemaVersion(*db)), 1) << "the one before stays, the failed one and later are not applied";
    EXPECT_FALSE(valueOf(db->tableExists("audit")));
    EXPECT_FALSE(valueOf(db->tableExists("receipt")));
    EXPECT_FALSE(db->inTransaction());
    EXPECT_FALSE(db->execute("SELECT price FROM item").ok()) << "the ALTER was rolled back with the rest";

    // The fixed release applies cleanly.
    ASSERT_TRUE(isOk(migrate(*db, kV2)));
    EXPECT_EQ(valueOf(schemaVersion(*db)), 3);
}

TEST_F(MigrationsTest, FillsAGapInTheHistory)
{
    auto db = open();
    const std::array withoutTwo{kV2[0], kV2[2]};
    ASSERT_TRUE(isOk(migrate(*db, withoutTwo)));
    EXPECT_FALSE(db->execute("SELECT price FROM item").ok());
    ASSERT_TRUE(isOk(migrate(*db, kV2)));
    EXPECT_TRUE(isOk(db->execute("SELECT price FROM item")));
    EXPECT_EQ(migrationRows(*db), 3);
}

TEST_F(MigrationsTest, TwoConnectionsMigratingTheSameFile)
{
    auto first = open();
    auto second = open();
    ASSERT_TRUE(isOk(migrate(*first, kV1)));
    ASSERT_TRUE(isOk(migrate(*second, kV2)));
    ASSERT_TRUE(isOk(migrate(*first, kV2)));
    EXPECT_EQ(migrationRows(*first), 3);
}

} // namespace
} // namespace sigma::db
