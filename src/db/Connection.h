#pragma once

#include "core/Result.h"
#include "db/Param.h"
#include "db/Row.h"
#include "db/Value.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sigma::db {

/// How a transaction takes its locks. SQLite: DEFERRED takes the write lock at the first write,
/// IMMEDIATE at BEGIN (use it for read-then-write, so the write cannot fail half-way with busy),
/// EXCLUSIVE also keeps readers out (in rollback-journal mode). PostgreSQL ignores the mode.
enum class TransactionMode { Deferred = 1, Immediate, Exclusive };

/// A connection to a SQL database: the one interface for SQLite (the terminal's local store) and
/// PostgreSQL (the cloud). Code above the db layer sees only this.
///
/// SQL is written once for both: parameters are `$1`, `$2`, ... (a parameter may appear several
/// times); every parameter given must be used and every placeholder must have a parameter.
/// execute() and query() take one statement; executeScript() takes several without parameters.
///
/// A connection is used by one thread at a time (it may move between threads); it is not
/// internally locked. Give each thread its own connection.
///
/// The public overloads are non-virtual and forward to the protected do*() functions, so an
/// implementation overrides one function per operation and hides none of the overloads.
class Connection {
public:
    virtual ~Connection() = default;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Runs one statement, discarding any rows it returns.
    core::Status execute(std::string_view sql, std::initializer_list<Param> params = {});
    core::Status execute(std::string_view sql, std::span<const Param> params);
    core::Status execute(std::string_view sql, std::span<const Value> params);

    /// Runs one statement and returns all its rows.
    core::Result<std::vector<Row>> query(std::string_view sql, std::initializer_list<Param> params = {});
    core::Result<std::vector<Row>> query(std::string_view sql, std::span<const Param> params);
    core::Result<std::vector<Row>> query(std::string_view sql, std::span<const Value> params);

    /// The single row of a query, or nullopt when there is none. More than one row is an error
    /// (kDbError): it means a WHERE clause does not say what the caller thinks it says.
    core::Result<std::optional<Row>> queryOne(std::string_view sql, std::initializer_list<Param> params = {});
    core::Result<std::optional<Row>> queryOne(std::string_view sql, std::span<const Param> params);
    core::Result<std::optional<Row>> queryOne(std::string_view sql, std::span<const Value> params);

    /// Runs several statements separated by ';' (a migration, a schema). No parameters.
    virtual core::Status executeScript(std::string_view sqlWithManyStatements) = 0;

    /// Rows inserted, updated or deleted by the last such statement.
    [[nodiscard]] virtual std::int64_t changes() const = 0;

    /// Prefer the RAII Transaction (db/Transaction.h) to these.
    core::Status begin(TransactionMode mode = TransactionMode::Deferred) { return doBegin(mode); }
    virtual core::Status commit() = 0;
    virtual core::Status rollback() = 0;
    [[nodiscard]] virtual bool inTransaction() const = 0;

    /// Whether a table (or view) of that name exists in the connection's default schema.
    virtual core::Result<bool> tableExists(std::string_view table) = 0;

    /// "sqlite" or "postgresql", for the rare SQL that differs between them.
    [[nodiscard]] virtual std::string_view dialect() const = 0;

protected:
    Connection() = default;

    virtual core::Status doExecute(std::string_view sql, std::span<const Param> params) = 0;
    virtual core::Result<std::vector<Row>> doQuery(std::string_view sql, std::span<const Param> params) = 0;
    virtual core::Status doBegin(TransactionMode mode) = 0;
};

} // namespace sigma::db
