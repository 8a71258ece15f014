#include "db/PgConnection.h"

#include "core/ErrorCodes.h"
#include "db/SqlSnippet.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>
#include <limits>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

namespace sigma::db {
namespace {

using core::Error;
namespace errc = core::errc;

// Type OIDs from PostgreSQL's pg_type.dat; stable since forever (catalog/pg_type_d.h is a server
// header, not shipped with libpq).
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kOidOid = 26;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

struct ResultClear {
    void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultClear>;

struct ConninfoFree {
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

/// libpq prints NOTICEs ("relation already exists, skipping") to stderr by default.
void ignoreNotice(void* /*arg*/, const char* /*message*/)
{
}

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

/// The password given in the URL, to keep it out of every message even if a server or libpq
/// message ever echoed it.
std::string passwordIn(const std::string& url)
{
    char* parseError = nullptr;
    std::unique_ptr<PQconninfoOption, ConninfoFree> options(PQconninfoParse(url.c_str(), &parseError));
    PQfreemem(parseError);
    if (!options) {
        return {};
    }
    for (const PQconninfoOption* o = options.get(); o->keyword != nullptr; ++o) {
        if (std::strcmp(o->keyword, "password") == 0 && o->val != nullptr) {
            return o->val;
        }
    }
    return {};
}

std::string withoutSecret(std::string text, const std::string& secret)
{
    if (secret.empty()) {
        return text;
    }
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
        text.replace(at, secret.size(), "***");
        at += 3;
    }
    return text;
}

std::string describeServer(const PGconn* connection)
{
    auto text = [](const char* value) { return value != nullptr && *value != '\0' ? std::string(value) : "?"; };
    const std::string host = text(PQhost(connection));
    return text(PQuser(connection)) + "@" + host + ":" + text(PQport(connection)) + "/" + text(PQdb(connection));
}

int errorCodeFor(std::string_view sqlState)
{
    if (sqlState.starts_with("23")) {
        return errc::kDbConstraint;
    }
    if (sqlState == "40001" || sqlState == "40P01" || sqlState == "55P03") {
        return errc::kDbBusy;
    }
    return errc::kDbError;
}

/// Which of $1..$n a statement uses, found by a small lexer that skips string literals, quoted
/// identifiers, comments and dollar-quoted bodies, so the same rules as SQLite's binding hold:
/// every parameter given is used, every placeholder has a value. PostgreSQL itself would accept an
/// unused typed parameter silently.
struct Placeholders {
    std::vector<bool> used; ///< index n-1 for $n
};

Placeholders scanPlaceholders(std::string_view sql)
{
    Placeholders found;
    const std::size_t n = sql.size();
    std::size_t i = 0;
    auto skipQuoted = [&](char quote) {
        ++i;
        while (i < n) {
            if (sql[i] == quote) {
                if (i + 1 < n && sql[i + 1] == quote) {
                    i += 2;
                    continue;
                }
                ++i;
                return;
            }
            ++i;
        }
    };
    while (i < n) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            // E'...' strings may escape a quote with a backslash.
            if (c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e')) {
                ++i;
                while (i < n && sql[i] != '\'') {
                    i += sql[i] == '\\' ? 2 : 1;
                }
                ++i;
                continue;
            }
            skipQuoted(c);
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n') {
                ++i;
            }
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            int depth = 0;
            while (i < n) {
                if (sql[i] == '/' && i + 1 < n && sql[i + 1] == '*') {
                    ++depth;
                    i += 2;
                } else if (sql[i] == '*' && i + 1 < n && sql[i + 1] == '/') {
                    i += 2;
                    if (--depth == 0) {
                        break;
                    }
                } else {
                    ++i;
                }
            }
        } else if (c == '$') {
            std::size_t j = i + 1;
            if (j < n && sql[j] >= '0' && sql[j] <= '9') {
                std::size_t number = 0;
                while (j < n && sql[j] >= '0' && sql[j] <= '9' && number < 100000) {
                    number = number * 10 + static_cast<std::size_t>(sql[j] - '0');
                    ++j;
                }
                if (number > 0) {
                    if (found.used.size() < number) {
                        found.used.resize(number, false);
                    }
                    found.used[number - 1] = true;
                }
                i = j;
                continue;
            }
            // $tag$ ... $tag$ (a dollar-quoted string), when the $ does not end an identifier.
            const bool afterIdentifier =
                i > 0 && (std::isalnum(static_cast<unsigned char>(sql[i - 1])) != 0 || sql[i - 1] == '_');
            while (j < n && (std::isalnum(static_cast<unsigned char>(sql[j])) != 0 || sql[j] == '_')) {
                ++j;
            }
            if (!afterIdentifier && j < n && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const std::size_t close = sql.find(tag, j + 1);
                i = close == std::string_view::npos ? n : close + tag.size();
                continue;
            }
            i = j;
        } else {
            ++i;
        }
    }
    return found;
}

/// Index in bytes of a 1-based character position reported by the server (UTF-8).
std::size_t byteOffsetOfCharacter(std::string_view text, long position)
{
    long characters = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++characters == position) {
            return i;
        }
    }
    return text.size();
}

/// Parameters in the form PQexecParams takes; the strings outlive the call.
class ParamBuffers {
public:
    core::Status add(const Value& value, std::size_t number, std::string_view sql)
    {
        m_storage.emplace_back();
        std::string& text = m_storage.back();
        Oid type = 0;
        int format = 0;
        bool isNull = false;
        if (std::holds_alternative<std::monostate>(value)) {
            isNull = true;
        } else if (const auto* integer = std::get_if<std::int64_t>(&value)) {
            type = kInt8Oid;
            text = std::to_string(*integer);
        } else if (const auto* real = std::get_if<double>(&value)) {
            type = kFloat8Oid;
            if (std::isnan(*real)) {
                text = "NaN";
            } else if (std::isinf(*real)) {
                text = *real > 0 ? "Infinity" : "-Infinity";
            } else {
                char buffer[64];
                const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *real);
                text.assign(buffer, ec == std::errc() ? end : buffer);
            }
        } else if (const auto* string = std::get_if<std::string>(&value)) {
            if (string->find('\0') != std::string::npos) {
                return Error(errc::kDbError, "parameter $" + std::to_string(number) +
                                                 " is text with a zero byte, which PostgreSQL cannot store (use a "
                                                 "Blob) in SQL: " +
                                                 sqlSnippet(sql));
            }
            text = *string;
        } else {
            const Blob& blob = std::get<Blob>(value);
            type = kByteaOid;
            format = 1; // binary: the bytes as they are, no hex round trip
            text.assign(blob.bytes.begin(), blob.bytes.end());
        }
        m_types.push_back(type);
        m_formats.push_back(format);
        m_lengths.push_back(static_cast<int>(text.size()));
        m_isNull.push_back(isNull);
        return core::ok();
    }

    /// Pointers taken only once every value is in place (m_storage is a deque-like list).
    void finish()
    {
        m_values.clear();
        std::size_t i = 0;
        for (const std::string& text : m_storage) {
            m_values.push_back(m_isNull[i++] ? nullptr : text.c_str());
        }
    }

    [[nodiscard]] int count() const { return static_cast<int>(m_types.size()); }
    /// One letter per parameter for the types the server was told: i(nt8), f(loat8), b(ytea),
    /// u(nknown: text or NULL).
    [[nodiscard]] std::string signature() const
    {
        std::string letters;
        for (const Oid type : m_types) {
            letters += type == kInt8Oid ? 'i' : type == kFloat8Oid ? 'f' : type == kByteaOid ? 'b' : 'u';
        }
        return letters;
    }
    [[nodiscard]] const Oid* types() const { return m_types.data(); }
    [[nodiscard]] const char* const* values() const { return m_values.data(); }
    [[nodiscard]] const int* lengths() const { return m_lengths.data(); }
    [[nodiscard]] const int* formats() const { return m_formats.data(); }

private:
    std::vector<std::string> m_storage;
    std::vector<Oid> m_types;
    std::vector<int> m_formats;
    std::vector<int> m_lengths;
    std::vector<bool> m_isNull;
    std::vector<const char*> m_values;
};

int hexDigit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::optional<std::int64_t> parseInteger(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseReal(std::string_view text)
{
    if (text == "NaN") {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (text == "Infinity") {
        return std::numeric_limits<double>::infinity();
    }
    if (text == "-Infinity") {
        return -std::numeric_limits<double>::infinity();
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

/// One result cell (text format) as a Value, by the column's type.
Value readCell(std::string_view text, Oid type)
{
    switch (type) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid:
    case kOidOid:
        if (auto value = parseInteger(text)) {
            return *value;
        }
        break;
    case kNumericOid:
        if (auto value = parseInteger(text)) {
            return *value;
        }
        if (auto value = parseReal(text)) {
            return *value;
        }
        break;
    case kFloat4Oid:
    case kFloat8Oid:
        if (auto value = parseReal(text)) {
            return *value;
        }
        break;
    case kBoolOid:
        return std::int64_t{text == "t" ? 1 : 0};
    case kByteaOid:
        if (text.starts_with("\\x") && text.size() % 2 == 0) {
            Blob blob;
            blob.bytes.reserve((text.size() - 2) / 2);
            for (std::size_t i = 2; i < text.size(); i += 2) {
                const int high = hexDigit(text[i]);
                const int low = hexDigit(text[i + 1]);
                if (high < 0 || low < 0) {
                    return std::string(text);
                }
                blob.bytes.push_back(static_cast<std::uint8_t>(high * 16 + low));
            }
            return blob;
        }
        break;
    default:
        break;
    }
    return std::string(text); // text, varchar, and whatever has no closer equivalent
}

bool isChangeCommand(const char* status)
{
    const std::string_view s(status != nullptr ? status : "");
    return s.starts_with("INSERT ") || s.starts_with("UPDATE ") || s.starts_with("DELETE ") || s.starts_with("MERGE ");
}

} // namespace

void PgConnection::ConnectionCloser::operator()(pg_conn* connection) const
{
    PQfinish(connection);
}

PgConnection::PgConnection(ConnectionPtr connection, std::string serverName, PgOptions options)
    : m_connection(std::move(connection)), m_serverName(std::move(serverName)), m_options(std::move(options))
{
}

PgConnection::~PgConnection() = default;

core::Result<std::unique_ptr<PgConnection>> PgConnection::open(std::string_view url, const PgOptions& options)
{
    const std::string urlText(url);
    if (!url.starts_with("postgresql://") && !url.starts_with("postgres://")) {
        return Error(errc::kDbError, "a PostgreSQL URL starts with postgresql:// or postgres://");
    }
    const std::string password = passwordIn(urlText);
    const std::string timeout = std::to_string(std::max(0, options.connectTimeoutSeconds));
    // Defaults first, the URL last: what the URL says wins (libpq keeps the last value of a key).
    const char* const keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
    const char* const values[] = {timeout.c_str(), options.applicationName.c_str(), "UTF8", urlText.c_str(), nullptr};
    ConnectionPtr connection(PQconnectdbParams(keywords, values, 1));
    if (!connection) {
        return Error(errc::kDbError, "cannot connect to PostgreSQL: out of memory");
    }
    const std::string server = describeServer(connection.get());
    if (PQstatus(connection.get()) != CONNECTION_OK) {
        return Error(errc::kDbError, withoutSecret("cannot connect to PostgreSQL server " + server + ": " +
                                                       trimmed(PQerrorMessage(connection.get())),
                                                   password));
    }
    PQsetNoticeProcessor(connection.get(), ignoreNotice, nullptr);
    std::unique_ptr<PgConnection> result(new PgConnection(std::move(connection), server, options));
    if (auto status = result->configureSession(); !status.ok()) {
        return Error(status.error().code,
                     "cannot set up the session on PostgreSQL server " + server + ": " + status.error().message);
    }
    return result;
}

core::Status PgConnection::configureSession()
{
    // UTC, so nothing depends on the server's zone (times are BIGINT microseconds anyway);
    // extra_float_digits 3: exact float8 text on every server version (shortest on 12+);
    // bytea_output hex: what readCell() decodes.
    std::string script = "SET TIME ZONE 'UTC'; SET extra_float_digits = 3; SET bytea_output = 'hex'; "
                         "SET lock_timeout = " +
                         std::to_string(std::max(0, m_options.lockTimeoutMs)) +
                         "; SET statement_timeout = " + std::to_string(std::max(0, m_options.statementTimeoutMs)) + ";";
    if (!m_options.schema.empty()) {
        char* quoted = PQescapeIdentifier(m_connection.get(), m_options.schema.data(), m_options.schema.size());
        if (quoted == nullptr) {
            return Error(errc::kDbError, "invalid schema name '" + m_options.schema + "'");
        }
        script += " SET search_path TO ";
        script += quoted;
        PQfreemem(quoted);
    }
    return executeScript(script);
}

core::Status PgConnection::ensureConnected()
{
    if (m_lostTransaction) {
        return Error(errc::kDbError, "the connection to PostgreSQL server " + m_serverName +
                                         " was lost during a transaction, which is gone: roll it back first");
    }
    if (PQstatus(m_connection.get()) == CONNECTION_OK) {
        return core::ok();
    }
    PQreset(m_connection.get());
    if (PQstatus(m_connection.get()) != CONNECTION_OK) {
        return Error(errc::kDbError, "lost the connection to PostgreSQL server " + m_serverName +
                                         " and cannot reconnect: " + trimmed(PQerrorMessage(m_connection.get())));
    }
    PQsetNoticeProcessor(m_connection.get(), ignoreNotice, nullptr);
    m_statements.clear(); // they lived in the old session
    return configureSession();
}

int PgConnection::backendPid() const
{
    return PQbackendPID(m_connection.get());
}

namespace {

/// The error a failed result (or a missing one) stands for.
Error pgError(PGconn* connection, const PGresult* result, std::string_view sql, const std::string& server)
{
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string_view sqlState = state != nullptr ? state : "";
    std::string message;
    if (PQstatus(connection) == CONNECTION_BAD) {
        message = "lost the connection to PostgreSQL server " + server + ": " + trimmed(PQerrorMessage(connection));
        return Error(errc::kDbError, message);
    }
    const char* primary = result != nullptr ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    message = primary != nullptr ? primary : trimmed(PQerrorMessage(connection));
    // The constraint's name, not the DETAIL: the detail quotes the offending values, which may be
    // personal data (a phone number) and would end up in logs.
    if (const char* constraint = result != nullptr ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr) {
        message += " (constraint " + std::string(constraint) + ")";
    }
    if (!sqlState.empty()) {
        message += " [SQLSTATE " + std::string(sqlState) + "]";
    }
    if (!sql.empty()) {
        // For a script, start the snippet at the statement the server pointed at.
        std::string_view shown = sql;
        if (const char* position =
                result != nullptr ? PQresultErrorField(result, PG_DIAG_STATEMENT_POSITION) : nullptr) {
            const std::size_t at = byteOffsetOfCharacter(sql, std::atol(position));
            const std::size_t semicolon = sql.substr(0, at).rfind(';');
            if (semicolon != std::string_view::npos) {
                shown = sql.substr(semicolon + 1);
            }
        }
        message += " in SQL: " + sqlSnippet(shown);
    }
    return Error(errorCodeFor(sqlState), std::move(message));
}

} // namespace

core::Status PgConnection::run(std::string_view sql, std::span<const Param> params, std::vector<Row>* rows)
{
    SIGMA_TRY(ensureConnected());
    const Placeholders placeholders = scanPlaceholders(sql);
    for (std::size_t i = 0; i < placeholders.used.size(); ++i) {
        if (placeholders.used[i] && i >= params.size()) {
            return Error(errc::kDbError, "parameter $" + std::to_string(i + 1) + " has no value (" +
                                             std::to_string(params.size()) + " given) in SQL: " + sqlSnippet(sql));
        }
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (i >= placeholders.used.size() || !placeholders.used[i]) {
            return Error(errc::kDbError,
                         "parameter $" + std::to_string(i + 1) + " is given but not used in SQL: " + sqlSnippet(sql));
        }
    }
    ParamBuffers buffers;
    for (std::size_t i = 0; i < params.size(); ++i) {
        SIGMA_TRY(buffers.add(params[i].value(), i + 1, sql));
    }
    buffers.finish();
    const std::string text(sql); // libpq wants a NUL-terminated string
    const bool wasInTransaction = inTransaction();
    const std::string key = m_options.cacheStatements ? buffers.signature() + "|" + text : std::string();
    auto send = [&]() -> core::Result<ResultPtr> {
        if (m_options.cacheStatements) {
            SIGMA_ASSIGN_OR_RETURN(const std::string name,
                                   preparedStatement(text, key, buffers.count(), buffers.types()));
            if (!name.empty()) {
                return ResultPtr(PQexecPrepared(m_connection.get(), name.c_str(), buffers.count(), buffers.values(),
                                                buffers.lengths(), buffers.formats(), 0));
            }
        }
        return ResultPtr(PQexecParams(m_connection.get(), text.c_str(), buffers.count(), buffers.types(),
                                      buffers.values(), buffers.lengths(), buffers.formats(), 0));
    };
    auto attempt = send();
    if (!attempt.ok()) {
        noteLostTransaction(wasInTransaction);
        return attempt.error();
    }
    ResultPtr result = std::move(attempt).value();
    // A cached plan whose result columns changed (ALTER TABLE under a SELECT *) fails once; outside
    // a transaction nothing was done, so prepare afresh and run again.
    if (m_options.cacheStatements && result && PQresultStatus(result.get()) == PGRES_FATAL_ERROR) {
        const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        if (state != nullptr && std::string_view(state) == "0A000" && m_statements.contains(key)) {
            forgetStatement(key);
            if (!wasInTransaction) {
                auto retry = send();
                if (!retry.ok()) {
                    return retry.error();
                }
                result = std::move(retry).value();
            }
        }
    }
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_EMPTY_QUERY) {
        return Error(errc::kDbError, "no SQL statement in '" + sqlSnippet(sql) + "'");
    }
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        noteLostTransaction(wasInTransaction);
        return pgError(m_connection.get(), result.get(), sql, m_serverName);
    }
    if (const char* command = PQcmdStatus(result.get()); isChangeCommand(command)) {
        m_changes = parseInteger(PQcmdTuples(result.get())).value_or(0);
    }
    if (rows == nullptr || status != PGRES_TUPLES_OK) {
        return core::ok();
    }
    const int rowCount = PQntuples(result.get());
    const int columns = PQnfields(result.get());
    auto names = std::make_shared<std::vector<std::string>>();
    std::vector<Oid> types;
    for (int c = 0; c < columns; ++c) {
        const char* name = PQfname(result.get(), c);
        names->emplace_back(name != nullptr ? name : "");
        types.push_back(PQftype(result.get(), c));
    }
    std::shared_ptr<const std::vector<std::string>> sharedNames = std::move(names);
    rows->reserve(rows->size() + static_cast<std::size_t>(rowCount));
    for (int r = 0; r < rowCount; ++r) {
        std::vector<Value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result.get(), r, c) != 0) {
                values.emplace_back();
                continue;
            }
            const std::string_view cell(PQgetvalue(result.get(), r, c),
                                        static_cast<std::size_t>(PQgetlength(result.get(), r, c)));
            values.push_back(readCell(cell, types[static_cast<std::size_t>(c)]));
        }
        rows->emplace_back(std::move(values), sharedNames);
    }
    return core::ok();
}

core::Result<std::string> PgConnection::preparedStatement(const std::string& sql, const std::string& key, int count,
                                                          const unsigned int* types)
{
    if (auto it = m_statements.find(key); it != m_statements.end()) {
        return it->second;
    }
    const PGTransactionStatusType transaction = PQtransactionStatus(m_connection.get());
    if (transaction == PQTRANS_INERROR) {
        return std::string(); // the server refuses everything but ROLLBACK: let it say so
    }
    if (m_statements.size() >= kMaxCachedStatements) {
        ResultPtr cleared(PQexec(m_connection.get(), "DEALLOCATE ALL"));
        if (!cleared || PQresultStatus(cleared.get()) != PGRES_COMMAND_OK) {
            return pgError(m_connection.get(), cleared.get(), "DEALLOCATE ALL", m_serverName);
        }
        m_statements.clear();
    }
    std::string name = "sigma_" + std::to_string(++m_statementCounter);
    ResultPtr prepared(PQprepare(m_connection.get(), name.c_str(), sql.c_str(), count, types));
    if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
        return pgError(m_connection.get(), prepared.get(), sql, m_serverName);
    }
    m_statements.emplace(key, name);
    return name;
}

void PgConnection::forgetStatement(const std::string& key)
{
    const auto it = m_statements.find(key);
    if (it == m_statements.end()) {
        return;
    }
    if (PQtransactionStatus(m_connection.get()) == PQTRANS_IDLE) {
        ResultPtr ignored(PQexec(m_connection.get(), ("DEALLOCATE " + it->second).c_str()));
    }
    // Inside a transaction the name stays allocated on the server (a DEALLOCATE would fail in an
    // aborted one); it is never used again, and DEALLOCATE ALL or the session's end frees it.
    m_statements.erase(it);
}

core::Status PgConnection::doExecute(std::string_view sql, std::span<const Param> params)
{
    return run(sql, params, nullptr);
}

core::Result<std::vector<Row>> PgConnection::doQuery(std::string_view sql, std::span<const Param> params)
{
    std::vector<Row> rows;
    SIGMA_TRY(run(sql, params, &rows));
    return rows;
}

core::Status PgConnection::executeScript(std::string_view sqlWithManyStatements)
{
    SIGMA_TRY(ensureConnected());
    // One PQexec for the whole script: the server runs it as one implicit transaction when no
    // transaction is open, so a failing script leaves nothing behind.
    const std::string text(sqlWithManyStatements);
    const bool wasInTransaction = inTransaction();
    ResultPtr result(PQexec(m_connection.get(), text.c_str()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        noteLostTransaction(wasInTransaction);
        return pgError(m_connection.get(), result.get(), sqlWithManyStatements, m_serverName);
    }
    if (status != PGRES_EMPTY_QUERY && isChangeCommand(PQcmdStatus(result.get()))) {
        m_changes = parseInteger(PQcmdTuples(result.get())).value_or(0);
    }
    return core::ok();
}

core::Status PgConnection::doBegin(TransactionMode mode)
{
    if (inTransaction()) {
        // PostgreSQL only warns; SQLite refuses, and a nested BEGIN is a bug either way.
        return Error(errc::kDbError, "cannot start a transaction within a transaction on " + m_serverName);
    }
    return execute(mode == TransactionMode::Deferred ? "BEGIN" : "BEGIN ISOLATION LEVEL SERIALIZABLE");
}

core::Status PgConnection::commit()
{
    if (!inTransaction()) {
        return Error(errc::kDbError, "cannot commit: no transaction is active on " + m_serverName);
    }
    if (std::exchange(m_lostTransaction, false)) {
        return Error(errc::kDbError, "cannot commit: the connection to PostgreSQL server " + m_serverName +
                                         " was lost during the transaction, which is gone");
    }
    ResultPtr result(PQexec(m_connection.get(), "COMMIT"));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        return pgError(m_connection.get(), result.get(), "COMMIT", m_serverName);
    }
    // COMMIT of a transaction in which a statement failed rolls back and reports success.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
        return Error(errc::kDbError, "the transaction was rolled back, not committed: a statement in it failed");
    }
    return core::ok();
}

core::Status PgConnection::rollback()
{
    if (!inTransaction()) {
        return Error(errc::kDbError, "cannot roll back: no transaction is active on " + m_serverName);
    }
    if (std::exchange(m_lostTransaction, false)) {
        return core::ok(); // the server rolled it back when the connection went
    }
    ResultPtr result(PQexec(m_connection.get(), "ROLLBACK"));
    if (!result || PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        return pgError(m_connection.get(), result.get(), "ROLLBACK", m_serverName);
    }
    return core::ok();
}

void PgConnection::noteLostTransaction(bool wasInTransaction)
{
    if (wasInTransaction && PQstatus(m_connection.get()) == CONNECTION_BAD) {
        m_lostTransaction = true;
    }
}

bool PgConnection::inTransaction() const
{
    if (m_lostTransaction) {
        return true; // until rollback() acknowledges it, so no statement runs outside it unnoticed
    }
    const PGTransactionStatusType status = PQtransactionStatus(m_connection.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

core::Result<bool> PgConnection::tableExists(std::string_view table)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, queryOne("SELECT 1 FROM pg_catalog.pg_class c "
                                              "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                              "WHERE n.nspname = current_schema() AND c.relname = $1 "
                                              "AND c.relkind IN ('r', 'p', 'v', 'm', 'f')",
                                              {table}));
    return row.has_value();
}

} // namespace sigma::db
