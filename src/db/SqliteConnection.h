#pragma once

#include "core/Result.h"
#include "db/Connection.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace sigma::db {

/// PRAGMA synchronous. Full: a committed transaction survives a power cut (the default, and what
/// a cash register needs for its journal). Normal: in WAL mode, may lose the last transactions on
/// power loss but never corrupts. Off: for throw-away data only.
enum class Synchronous { Off = 1, Normal, Full };

struct SqliteOptions {
    bool create = true;    ///< create the file if missing
    bool readOnly = false; ///< open read-only (then `create` and `wal` are ignored)
    bool wal = true;       ///< switch to WAL journal mode (readers do not block the writer)
    int busyTimeoutMs = 5000;
    Synchronous synchronous = Synchronous::Full;
    bool foreignKeys = true;
};

/// A connection to an SQLite database file.
///
/// Opened with SQLITE_OPEN_NOMUTEX: SQLite does no locking of its own around this connection, so
/// it must be used by one thread at a time (it may be handed from thread to thread). Other
/// connections, in this process or others, are coordinated by SQLite's file locks: a write that
/// waits longer than `busyTimeoutMs` for another writer fails with kDbBusy.
///
/// Prepared statements are cached by their SQL text, so the same SQL string is compiled once.
/// Errors: kDbBusy (locked by another connection past the timeout), kDbConstraint, kDbCorrupt
/// (not a database, or damaged), kDbError for the rest; messages carry SQLite's text and the start
/// of the SQL.
class SqliteConnection final : public Connection {
public:
    [[nodiscard]] static core::Result<std::unique_ptr<SqliteConnection>> open(const std::filesystem::path& path,
                                                                              const SqliteOptions& options = {});
    ~SqliteConnection() override;

    core::Status executeScript(std::string_view sqlWithManyStatements) override;
    [[nodiscard]] std::int64_t changes() const override;
    core::Status commit() override;
    core::Status rollback() override;
    [[nodiscard]] bool inTransaction() const override;
    core::Result<bool> tableExists(std::string_view table) override;
    [[nodiscard]] std::string_view dialect() const override { return "sqlite"; }

    core::Status setSynchronous(Synchronous mode);
    /// The rowid of the last successful INSERT on this connection. Portable code uses
    /// `INSERT ... RETURNING id` instead.
    [[nodiscard]] std::int64_t lastInsertId() const;
    /// PRAGMA quick_check: ok, or kDbCorrupt with SQLite's first findings.
    core::Status integrityCheck();

    /// How many prepared statements are cached (for tests and diagnostics).
    [[nodiscard]] std::size_t cachedStatementCount() const { return m_statements.size(); }
    /// Drops every cached statement, e.g. before closing the connection's file for a backup.
    void clearStatementCache() { m_statements.clear(); }

    /// The raw handle, for what this class does not wrap (FTS auxiliary functions, the backup
    /// API). Do not close it, and do not change the connection's settings through it.
    [[nodiscard]] sqlite3* handle() { return m_db.get(); }

    /// More distinct statements than this and the cache starts over, so SQL built at run time
    /// (IN lists of varying length) cannot grow it without bound.
    static constexpr std::size_t kMaxCachedStatements = 200;

protected:
    core::Status doExecute(std::string_view sql, std::span<const Param> params) override;
    core::Result<std::vector<Row>> doQuery(std::string_view sql, std::span<const Param> params) override;
    core::Status doBegin(TransactionMode mode) override;

private:
    struct DatabaseCloser {
        void operator()(sqlite3* db) const;
    };
    struct StatementFinalizer {
        void operator()(sqlite3_stmt* statement) const;
    };
    using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;
    using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

    /// Lets the cache be searched with a string_view without building a std::string.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
    };

    SqliteConnection(DatabasePtr db, std::string path);

    /// A compiled statement and, for each of its parameter slots (SQLite index i at [i - 1]), the
    /// number N of its name "$N" (0 for any other spelling). Resolved once when the statement is
    /// compiled: SQLite finds a slot's name by walking a list, so asking per value on every
    /// execution made binding quadratic in the parameter count.
    struct CachedStatement {
        StatementPtr statement;
        std::vector<std::size_t> parameterNumbers;
    };

    core::Result<const CachedStatement*> prepare(std::string_view sql);
    core::Status bind(const CachedStatement& cached, std::string_view sql, std::span<const Param> params);
    /// Runs a prepared, bound statement to the end; collects the rows when `rows` is given.
    core::Status run(sqlite3_stmt* statement, std::string_view sql, std::vector<Row>* rows);
    core::Error error(int resultCode, std::string_view sql) const;

    // Declared before the statements so it is destroyed after them.
    DatabasePtr m_db;
    std::string m_path;
    std::unordered_map<std::string, CachedStatement, SqlHash, std::equal_to<>> m_statements;
};

} // namespace sigma::db
