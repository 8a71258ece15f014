#pragma once

#include "core/Result.h"
#include "db/Connection.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

// libpq's handle, declared here so no libpq header reaches our users (libpq is linked privately).
struct pg_conn;

namespace sigma::db {

struct PgOptions {
    /// Seconds to wait for the server when connecting (libpq's connect_timeout); 0 waits forever.
    int connectTimeoutSeconds = 10;
    /// lock_timeout: a statement waiting longer than this for a row or table lock held by another
    /// transaction fails with kDbBusy, like SQLite's busy timeout. 0 waits forever.
    int lockTimeoutMs = 5000;
    /// statement_timeout; 0 (the default) means none.
    int statementTimeoutMs = 0;
    /// When not empty, `SET search_path` to this schema (a plain lower-case identifier) after
    /// connecting: the tests give each test a schema of its own, a deployment may use one schema
    /// per installation. Empty keeps the server's default (normally "public").
    std::string schema;
    /// Shown in pg_stat_activity.
    std::string applicationName = "sigma";
    /// Prepare each distinct statement once per connection (PQprepare, keyed by the SQL text and
    /// the parameters' types) instead of having the server parse and plan it on every call.
    bool cacheStatements = true;
};

/// A connection to a PostgreSQL server over libpq.
///
/// `url` is a libpq connection URI, `postgresql://user[:password]@host[:port]/database[?param=...]`
/// (`postgres://` too). Messages name the server (`user@host:port/database`), never the password.
///
/// Parameters are PostgreSQL's own `$1..$n`, sent with PQexecParams: integers as int8, doubles as
/// float8 (shortest exact text), blobs as bytea in binary format, text and NULL untyped (the
/// server infers their type from the context, so a text value can go into any column). Results
/// are read as text and converted by column type: int2/int4/int8/oid -> int64, float4/float8 ->
/// double, numeric -> int64 when the value is a whole number that fits (SUM() of a BIGINT column
/// is numeric in PostgreSQL, an integer in SQLite), else double; bool -> int64 0/1; bytea -> Blob;
/// anything else -> text.
///
/// Transactions: Deferred -> BEGIN (READ COMMITTED, PostgreSQL's default); Immediate and
/// Exclusive -> BEGIN ISOLATION LEVEL SERIALIZABLE, PostgreSQL's way to give what SQLite's
/// single writer gives: a read-then-write transaction never sees a lost update. The price is
/// that a conflicting transaction fails with kDbBusy at any statement or at COMMIT (SQLSTATE
/// 40001), not only at BEGIN: retry the whole transaction. After an error inside a transaction,
/// PostgreSQL refuses every statement until the rollback (unlike SQLite): end the transaction.
///
/// Errors: SQLSTATE class 23 (unique, foreign key, not null, check) -> kDbConstraint;
/// serialization failure, deadlock, lock timeout -> kDbBusy; everything else (including a lost
/// connection) -> kDbError. Messages carry the server's text and the start of the SQL.
///
/// A lost connection fails the statement that found it lost; the next call reconnects. When a
/// transaction was open, the connection refuses statements until rollback() (which then succeeds),
/// so nothing meant for the lost transaction runs outside one.
///
/// One thread at a time, like every Connection.
class PgConnection final : public Connection {
public:
    [[nodiscard]] static core::Result<std::unique_ptr<PgConnection>> open(std::string_view url,
                                                                          const PgOptions& options = {});
    ~PgConnection() override;

    core::Status executeScript(std::string_view sqlWithManyStatements) override;
    [[nodiscard]] std::int64_t changes() const override { return m_changes; }
    core::Status commit() override;
    core::Status rollback() override;
    [[nodiscard]] bool inTransaction() const override;
    core::Result<bool> tableExists(std::string_view table) override;
    [[nodiscard]] std::string_view dialect() const override { return "postgresql"; }

    /// `user@host:port/database`, for messages and logs (no password).
    [[nodiscard]] const std::string& serverName() const { return m_serverName; }
    /// The server's process id for this connection (pg_backend_pid()).
    [[nodiscard]] int backendPid() const;

    /// How many prepared statements are cached (for tests and diagnostics).
    [[nodiscard]] std::size_t cachedStatementCount() const { return m_statements.size(); }
    /// More distinct statements than this and the cache starts over (DEALLOCATE ALL), so SQL
    /// built at run time cannot grow it without bound.
    static constexpr std::size_t kMaxCachedStatements = 200;

protected:
    core::Status doExecute(std::string_view sql, std::span<const Param> params) override;
    core::Result<std::vector<Row>> doQuery(std::string_view sql, std::span<const Param> params) override;
    core::Status doBegin(TransactionMode mode) override;

private:
    struct ConnectionCloser {
        void operator()(pg_conn* connection) const;
    };
    using ConnectionPtr = std::unique_ptr<pg_conn, ConnectionCloser>;

    PgConnection(ConnectionPtr connection, std::string serverName, PgOptions options);

    /// Session settings (time zone, timeouts, search_path); run after connecting and reconnecting.
    core::Status configureSession();
    /// Reconnects when the connection was lost and no transaction was open on it.
    core::Status ensureConnected();
    /// After a failed call: remembers that the connection went down inside a transaction.
    void noteLostTransaction(bool wasInTransaction);
    core::Status run(std::string_view sql, std::span<const Param> params, std::vector<Row>* rows);

    /// The cached prepared statement's name for `sql` with parameters of these types (`key` says
    /// both), preparing it when new; "" when it cannot be cached now (run it unprepared).
    core::Result<std::string> preparedStatement(const std::string& sql, const std::string& key, int count,
                                                const unsigned int* types);
    /// Drops one cached statement on the server and here (after its plan went stale).
    void forgetStatement(const std::string& key);

    ConnectionPtr m_connection;
    std::string m_serverName;
    PgOptions m_options;
    std::int64_t m_changes = 0;
    /// The connection was lost inside a transaction: refuse statements until rollback().
    bool m_lostTransaction = false;
    /// key (parameter types + SQL) -> prepared statement name.
    std::unordered_map<std::string, std::string> m_statements;
    std::uint64_t m_statementCounter = 0;
};

} // namespace sigma::db
