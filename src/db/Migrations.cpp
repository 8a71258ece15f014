#include "db/Migrations.h"

#include "core/ErrorCodes.h"
#include "db/ConnectionFactory.h"
#include "db/Transaction.h"

#include <chrono>
#include <ctime>
#include <string>

namespace sigma::db {
namespace {

constexpr std::string_view kCreateTable = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                                          "version INTEGER PRIMARY KEY, "
                                          "name TEXT NOT NULL, "
                                          "applied_at TEXT NOT NULL)";

/// When a migration was applied, for people reading the table (ISO 8601, UTC). Only a record:
/// nothing depends on it, so it is read from the system clock here rather than injected.
std::string nowUtc()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

core::Status checkOrder(std::span<const Migration> migrations)
{
    int previous = 0;
    for (const Migration& m : migrations) {
        if (m.version <= previous) {
            return core::Error(core::errc::kDbBadMigrations,
                               "migration " + std::to_string(m.version) + " (" + std::string(m.name) +
                                   ") must have a positive version above the one before it (" +
                                   std::to_string(previous) + ")");
        }
        previous = m.version;
    }
    return core::ok();
}

core::Result<bool> isApplied(Connection& connection, int version)
{
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           connection.queryOne("SELECT 1 FROM schema_migrations WHERE version = $1", {version}));
    return row.has_value();
}

core::Status apply(Connection& connection, const Migration& migration)
{
    // Markers such as {{blob}} become this dialect's spelling (db/ConnectionFactory.h); an unknown
    // one stops the run before anything is applied.
    SIGMA_ASSIGN_OR_RETURN(const std::string sql, dialectSql(connection.dialect(), migration.sql));
    const bool postgresql = connection.dialect() == "postgresql";
    // Take the write lock first, so a second process migrating at the same time waits here and
    // then sees the version as applied, instead of failing half-way. SQLite: BEGIN IMMEDIATE.
    // PostgreSQL ignores that and has no database-wide write lock: lock schema_migrations itself
    // (EXCLUSIVE mode lets readers in, keeps other migrators out until COMMIT) in a plain
    // READ COMMITTED transaction, whose next statement then sees what the other one committed.
    SIGMA_ASSIGN_OR_RETURN(auto transaction, Transaction::begin(connection, postgresql ? TransactionMode::Deferred
                                                                                       : TransactionMode::Immediate));
    if (postgresql) {
        SIGMA_TRY(connection.execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE"));
    }
    SIGMA_ASSIGN_OR_RETURN(const bool applied, isApplied(connection, migration.version));
    if (applied) {
        return core::ok();
    }
    SIGMA_TRY(connection.executeScript(sql));
    SIGMA_TRY(connection.execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES ($1, $2, $3)",
                                 {migration.version, migration.name, nowUtc()}));
    return transaction.commit();
}

/// CREATE TABLE IF NOT EXISTS is not safe against a concurrent creator on PostgreSQL (the loser
/// gets a unique violation in the catalog): when it fails but the table is there, go on.
core::Status createTable(Connection& connection)
{
    auto status = connection.execute(kCreateTable);
    if (status.ok()) {
        return status;
    }
    if (auto exists = connection.tableExists("schema_migrations"); exists.ok() && *exists) {
        return core::ok();
    }
    return status;
}

} // namespace

core::Status migrate(Connection& connection, std::span<const Migration> migrations)
{
    SIGMA_TRY(checkOrder(migrations));
    SIGMA_TRY(createTable(connection));
    for (const Migration& migration : migrations) {
        SIGMA_ASSIGN_OR_RETURN(const bool applied, isApplied(connection, migration.version));
        if (applied) {
            continue;
        }
        if (auto status = apply(connection, migration); !status.ok()) {
            core::Error error = status.error();
            error.message = "migration " + std::to_string(migration.version) + " (" + std::string(migration.name) +
                            ") failed: " + error.message;
            return error;
        }
    }
    return core::ok();
}

core::Result<int> schemaVersion(Connection& connection)
{
    SIGMA_ASSIGN_OR_RETURN(const bool exists, connection.tableExists("schema_migrations"));
    if (!exists) {
        return 0;
    }
    SIGMA_ASSIGN_OR_RETURN(auto row, connection.queryOne("SELECT MAX(version) FROM schema_migrations"));
    if (!row || row->isNull(0)) {
        return 0;
    }
    return static_cast<int>(row->int64(0));
}

} // namespace sigma::db
