#include "db/SqliteConnection.h"

#include "core/ErrorCodes.h"
#include "db/SqlSnippet.h"

#include <climits>

#include <algorithm>
#include <charconv>
#include <sqlite3.h>

namespace sigma::db {
namespace {

using core::Error;
namespace errc = core::errc;

int errorCodeFor(int resultCode)
{
    switch (resultCode & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return errc::kDbBusy;
    case SQLITE_CONSTRAINT:
        return errc::kDbConstraint;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return errc::kDbCorrupt;
    default:
        return errc::kDbError;
    }
}

/// Resets a cached statement when a call is done with it, however it ends. A statement left
/// unreset would hold its read transaction open and keep the WAL from being checkpointed.
class StatementReset {
public:
    explicit StatementReset(sqlite3_stmt* statement) : m_statement(statement) {}
    ~StatementReset()
    {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    StatementReset(const StatementReset&) = delete;
    StatementReset& operator=(const StatementReset&) = delete;

private:
    sqlite3_stmt* m_statement;
};

/// 1 for "$1", 2 for "$2", ...; 0 for any other spelling ("?", "?1", ":name", "$x").
std::size_t parameterNumber(const char* name)
{
    if (name == nullptr || name[0] != '$' || name[1] == '\0') {
        return 0;
    }
    const std::string_view digits(name + 1);
    std::size_t number = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
        return 0;
    }
    return number;
}

/// Binds one value. Text and blobs are bound without a copy (SQLITE_STATIC): the parameters
/// outlive the statement's use, and the bindings are cleared before the call returns.
struct Binder {
    sqlite3_stmt* statement;
    int index;

    int operator()(std::monostate) const { return sqlite3_bind_null(statement, index); }
    int operator()(std::int64_t value) const { return sqlite3_bind_int64(statement, index, value); }
    int operator()(double value) const { return sqlite3_bind_double(statement, index, value); }
    int operator()(const std::string& text) const
    {
        return sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }
    int operator()(const Blob& blob) const
    {
        // A null data pointer would bind NULL: an empty blob is a zero-length blob, not NULL.
        if (blob.bytes.empty()) {
            return sqlite3_bind_zeroblob(statement, index, 0);
        }
        return sqlite3_bind_blob64(statement, index, blob.bytes.data(), blob.bytes.size(), SQLITE_STATIC);
    }
};

Value readColumn(sqlite3_stmt* statement, int column)
{
    switch (sqlite3_column_type(statement, column)) {
    case SQLITE_INTEGER:
        return Value(static_cast<std::int64_t>(sqlite3_column_int64(statement, column)));
    case SQLITE_FLOAT:
        return Value(sqlite3_column_double(statement, column));
    case SQLITE_TEXT: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        return Value(text != nullptr ? std::string(text, size) : std::string());
    }
    case SQLITE_BLOB: {
        const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        Blob blob;
        if (data != nullptr) {
            blob.bytes.assign(data, data + size);
        }
        return Value(std::move(blob));
    }
    default:
        return Value();
    }
}

std::string_view synchronousName(Synchronous mode)
{
    switch (mode) {
    case Synchronous::Off:
        return "OFF";
    case Synchronous::Normal:
        return "NORMAL";
    case Synchronous::Full:
        return "FULL";
    }
    return "FULL";
}

std::string_view beginStatement(TransactionMode mode)
{
    switch (mode) {
    case TransactionMode::Deferred:
        return "BEGIN DEFERRED";
    case TransactionMode::Immediate:
        return "BEGIN IMMEDIATE";
    case TransactionMode::Exclusive:
        return "BEGIN EXCLUSIVE";
    }
    return "BEGIN DEFERRED";
}

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

} // namespace

void SqliteConnection::DatabaseCloser::operator()(sqlite3* db) const
{
    sqlite3_close_v2(db);
}

void SqliteConnection::StatementFinalizer::operator()(sqlite3_stmt* statement) const
{
    sqlite3_finalize(statement);
}

SqliteConnection::SqliteConnection(DatabasePtr db, std::string path) : m_db(std::move(db)), m_path(std::move(path))
{
}

SqliteConnection::~SqliteConnection() = default;

core::Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::filesystem::path& path,
                                                                       const SqliteOptions& options)
{
    const std::string name = path.string();
    int flags = SQLITE_OPEN_NOMUTEX;
    if (options.readOnly) {
        flags |= SQLITE_OPEN_READONLY;
    } else {
        flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
    DatabasePtr db(raw); // owned even on failure: sqlite3_open_v2 usually allocates a handle
    if (rc != SQLITE_OK) {
        const std::string reason = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        return Error(errorCodeFor(rc), "cannot open database " + name + ": " + reason);
    }
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), std::max(0, options.busyTimeoutMs));

    std::unique_ptr<SqliteConnection> connection(new SqliteConnection(std::move(db), name));
    auto fail = [&](const Error& e) { return Error(e.code, "cannot open database " + name + ": " + e.message); };

    // SQLite reads the file lazily: read the header now, so a file that is not a database fails
    // here, with a message saying so, and not at some later query.
    if (auto probe = connection->query("SELECT count(*) FROM sqlite_master"); !probe.ok()) {
        if (probe.error().code == errc::kDbCorrupt) {
            return Error(errc::kDbCorrupt, "cannot open database " + name +
                                               ": it is not an SQLite database, or it is damaged (" +
                                               sqlite3_errmsg(connection->m_db.get()) + ")");
        }
        return fail(probe.error());
    }
    if (auto status =
            connection->executeScript(options.foreignKeys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        !status.ok()) {
        return fail(status.error());
    }
    if (options.wal && !options.readOnly) {
        auto mode = connection->queryOne("PRAGMA journal_mode = WAL");
        if (!mode.ok()) {
            return fail(mode.error());
        }
        // An in-memory database reports "memory" and cannot use WAL; anything else means the
        // file system refused it, and the caller asked for WAL's guarantees.
        const std::string got = *mode && !(*mode)->isNull(0) ? lowerAscii((*mode)->text(0)) : std::string();
        if (got != "wal" && got != "memory") {
            return Error(errc::kDbError,
                         "cannot open database " + name + ": cannot switch it to WAL mode (still '" + got + "')");
        }
    }
    if (!options.readOnly) {
        if (auto status = connection->setSynchronous(options.synchronous); !status.ok()) {
            return fail(status.error());
        }
    }
    connection->clearStatementCache(); // the set-up statements above do not run again
    return connection;
}

core::Error SqliteConnection::error(int resultCode, std::string_view sql) const
{
    const int code = errorCodeFor(resultCode);
    std::string message = sqlite3_errmsg(m_db.get());
    if (code == errc::kDbBusy) {
        message = "database " + m_path + " is in use by another process (" + message + ")";
    }
    if (!sql.empty()) {
        message += " in SQL: " + sqlSnippet(sql);
    }
    return Error(code, std::move(message));
}

core::Result<const SqliteConnection::CachedStatement*> SqliteConnection::prepare(std::string_view sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end()) {
        return &it->second;
    }
    if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
        return Error(errc::kDbError, "SQL statement too long: " + sqlSnippet(sql));
    }
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &raw, &tail);
    StatementPtr statement(raw);
    if (rc != SQLITE_OK) {
        return error(rc, sql);
    }
    if (!statement) {
        return Error(errc::kDbError, "no SQL statement in '" + sqlSnippet(sql) + "'");
    }
    // A second statement would be silently ignored by SQLite; say so instead. Whatever follows
    // may be only a ';', white space or comments, which prepare to no statement.
    const std::string_view rest = sql.substr(static_cast<std::size_t>(tail - sql.data()));
    if (!rest.empty()) {
        sqlite3_stmt* rawRest = nullptr;
        const int restRc =
            sqlite3_prepare_v2(m_db.get(), rest.data(), static_cast<int>(rest.size()), &rawRest, nullptr);
        const StatementPtr restStatement(rawRest);
        if (restRc != SQLITE_OK || restStatement) {
            return Error(errc::kDbError,
                         "execute() and query() take one statement (use executeScript() for several) in SQL: " +
                             sqlSnippet(sql));
        }
    }
    if (m_statements.size() >= kMaxCachedStatements) {
        m_statements.clear(); // no cached statement is in use here: calls do not nest
    }
    CachedStatement cached;
    const int count = sqlite3_bind_parameter_count(statement.get());
    cached.parameterNumbers.reserve(static_cast<std::size_t>(count));
    for (int i = 1; i <= count; ++i) {
        cached.parameterNumbers.push_back(parameterNumber(sqlite3_bind_parameter_name(statement.get(), i)));
    }
    cached.statement = std::move(statement);
    const auto [it, inserted] = m_statements.emplace(std::string(sql), std::move(cached));
    return &it->second;
}

core::Status SqliteConnection::bind(const CachedStatement& cached, std::string_view sql, std::span<const Param> params)
{
    sqlite3_stmt* statement = cached.statement.get();
    const int count = static_cast<int>(cached.parameterNumbers.size());
    std::vector<bool> used(params.size(), false);
    for (int i = 1; i <= count; ++i) {
        const std::size_t number = cached.parameterNumbers[static_cast<std::size_t>(i - 1)];
        if (number == 0) {
            const char* name = sqlite3_bind_parameter_name(statement, i);
            return Error(errc::kDbError, "parameter '" + std::string(name != nullptr ? name : "?") +
                                             "' must be written $1, $2, ... in SQL: " + sqlSnippet(sql));
        }
        if (number > params.size()) {
            return Error(errc::kDbError, "parameter $" + std::to_string(number) + " has no value (" +
                                             std::to_string(params.size()) + " given) in SQL: " + sqlSnippet(sql));
        }
        const int rc = std::visit(Binder{statement, i}, params[number - 1].value());
        if (rc != SQLITE_OK) {
            return error(rc, sql);
        }
        used[number - 1] = true;
    }
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) {
            return Error(errc::kDbError,
                         "parameter $" + std::to_string(i + 1) + " is given but not used in SQL: " + sqlSnippet(sql));
        }
    }
    return core::ok();
}

core::Status SqliteConnection::run(sqlite3_stmt* statement, std::string_view sql, std::vector<Row>* rows)
{
    std::shared_ptr<const std::vector<std::string>> names;
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE) {
            return core::ok();
        }
        if (rc != SQLITE_ROW) {
            return error(rc, sql);
        }
        if (rows == nullptr) {
            continue;
        }
        const int columns = sqlite3_column_count(statement);
        if (!names) {
            auto list = std::make_shared<std::vector<std::string>>();
            list->reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) {
                const char* name = sqlite3_column_name(statement, c);
                list->emplace_back(name != nullptr ? name : "");
            }
            names = std::move(list);
        }
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            values.push_back(readColumn(statement, c));
        }
        rows->emplace_back(std::move(values), names);
    }
}

core::Status SqliteConnection::doExecute(std::string_view sql, std::span<const Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(const CachedStatement* cached, prepare(sql));
    sqlite3_stmt* statement = cached->statement.get();
    const StatementReset reset(statement);
    SIGMA_TRY(bind(*cached, sql, params));
    return run(statement, sql, nullptr);
}

core::Result<std::vector<Row>> SqliteConnection::doQuery(std::string_view sql, std::span<const Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(const CachedStatement* cached, prepare(sql));
    sqlite3_stmt* statement = cached->statement.get();
    const StatementReset reset(statement);
    SIGMA_TRY(bind(*cached, sql, params));
    std::vector<Row> rows;
    SIGMA_TRY(run(statement, sql, &rows));
    return rows;
}

core::Status SqliteConnection::executeScript(std::string_view sqlWithManyStatements)
{
    // Statement by statement rather than sqlite3_exec(), so an error names the statement that
    // failed rather than the start of the script. Not cached: scripts run once.
    const char* cursor = sqlWithManyStatements.data();
    const char* const end = cursor + sqlWithManyStatements.size();
    if (sqlWithManyStatements.size() > static_cast<std::size_t>(INT_MAX)) {
        return Error(errc::kDbError, "SQL script too long: " + sqlSnippet(sqlWithManyStatements));
    }
    while (cursor < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(m_db.get(), cursor, static_cast<int>(end - cursor), &raw, &tail);
        const StatementPtr statement(raw);
        if (rc != SQLITE_OK) {
            return error(rc, std::string_view(cursor, static_cast<std::size_t>(end - cursor)));
        }
        const std::string_view current(cursor, static_cast<std::size_t>(tail - cursor));
        if (tail <= cursor) {
            break;
        }
        cursor = tail;
        if (!statement) {
            continue; // white space or a comment
        }
        if (sqlite3_bind_parameter_count(statement.get()) > 0) {
            return Error(errc::kDbError, "executeScript() takes no parameters, in SQL: " + sqlSnippet(current));
        }
        SIGMA_TRY(run(statement.get(), current, nullptr));
    }
    return core::ok();
}

std::int64_t SqliteConnection::changes() const
{
    return sqlite3_changes64(m_db.get());
}

core::Status SqliteConnection::doBegin(TransactionMode mode)
{
    return execute(beginStatement(mode));
}

core::Status SqliteConnection::commit()
{
    return execute("COMMIT");
}

core::Status SqliteConnection::rollback()
{
    return execute("ROLLBACK");
}

bool SqliteConnection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db.get()) == 0;
}

core::Result<bool> SqliteConnection::tableExists(std::string_view table)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row, queryOne("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = $1", {table}));
    return row.has_value();
}

core::Status SqliteConnection::setSynchronous(Synchronous mode)
{
    return executeScript("PRAGMA synchronous = " + std::string(synchronousName(mode)));
}

std::int64_t SqliteConnection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db.get());
}

core::Status SqliteConnection::integrityCheck()
{
    auto result = query("PRAGMA quick_check");
    if (!result.ok()) {
        // Damage bad enough stops the check itself with SQLITE_CORRUPT.
        const Error& e = result.error();
        return Error(e.code, "database " + m_path + " failed its integrity check: " + e.message);
    }
    const std::vector<Row>& rows = *result;
    if (rows.size() == 1 && !rows.front().isNull(0) && rows.front().text(0) == "ok") {
        return core::ok();
    }
    constexpr std::size_t kShownFindings = 5;
    std::string findings;
    for (std::size_t i = 0; i < rows.size() && i < kShownFindings; ++i) {
        if (!findings.empty()) {
            findings += "; ";
        }
        findings += rows[i].isNull(0) ? std::string("?") : rows[i].text(0);
    }
    return Error(errc::kDbCorrupt, "database " + m_path + " failed its integrity check: " + findings);
}

} // namespace sigma::db
