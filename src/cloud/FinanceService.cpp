#include "cloud/FinanceService.h"

#include "cloud/Permissions.h"
#include "core/Date.h"
#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <span>
#include <vector>

namespace sigma::cloud {

namespace {

constexpr std::int64_t kMicrosPerMinute = 60'000'000;
constexpr std::int64_t kMicrosPerDay = 86'400'000'000;
/// Ten years: a wider period is a typo, not a question.
constexpr std::int64_t kMaxPeriodDays = 3660;

core::Error badParam(const std::string& name, const std::string& message)
{
    return core::Error(core::errc::kInvalidArgument, name + " " + message, name);
}

std::optional<std::string> param(const FinanceService::Params& params, const char* name)
{
    const auto it = params.find(name);
    if (it == params.end()) {
        return std::nullopt;
    }
    return it->second;
}

/// [from, to) in UTC µs for the shop's local days `from`..`to` inclusive.
struct Period {
    std::int64_t fromUs = 0;
    std::int64_t toUs = 0;
};

core::Result<std::optional<Period>> parsePeriod(const FinanceService::Params& params, bool required)
{
    const auto from = param(params, "from");
    const auto to = param(params, "to");
    if (!from && !to && !required) {
        return std::optional<Period>();
    }
    if (!from) {
        return badParam("from", "is required (YYYY-MM-DD, the shop's local day)");
    }
    if (!to) {
        return badParam("to", "is required (YYYY-MM-DD, the shop's local day)");
    }
    auto fromDate = core::parseDate(*from);
    if (!fromDate) {
        return badParam("from", "is a date YYYY-MM-DD");
    }
    auto toDate = core::parseDate(*to);
    if (!toDate) {
        return badParam("to", "is a date YYYY-MM-DD");
    }
    const auto fromDays = std::chrono::sys_days(*fromDate).time_since_epoch().count();
    const auto toDays = std::chrono::sys_days(*toDate).time_since_epoch().count();
    if (toDays < fromDays) {
        return badParam("to", "is before from");
    }
    if (toDays - fromDays >= kMaxPeriodDays) {
        return badParam("to", "is more than " + std::to_string(kMaxPeriodDays) + " days after from");
    }
    // A local midnight is UTC midnight minus the shop's offset.
    const std::int64_t offsetUs = FinanceService::kShopUtcOffsetMinutes * kMicrosPerMinute;
    return std::optional<Period>(Period{fromDays * kMicrosPerDay - offsetUs, (toDays + 1) * kMicrosPerDay - offsetUs});
}

core::Result<int> parseLimit(const FinanceService::Params& params)
{
    const auto text = param(params, "limit");
    if (!text) {
        return FinanceService::kDefaultLimit;
    }
    int limit = 0;
    const auto* end = text->data() + text->size();
    if (auto [ptr, ec] = std::from_chars(text->data(), end, limit);
        ec != std::errc() || ptr != end || limit < 1 || limit > FinanceService::kMaxLimit) {
        return badParam("limit", "is an integer 1.." + std::to_string(FinanceService::kMaxLimit));
    }
    return limit;
}

/// Ids are the devices' UUIDs; anything else cannot match and is more likely a broken link.
core::Result<std::optional<std::string>> parseId(const FinanceService::Params& params, const char* name)
{
    auto value = param(params, name);
    if (!value) {
        return std::optional<std::string>();
    }
    const bool plain = !value->empty() && value->size() <= 64 && std::all_of(value->begin(), value->end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
    if (!plain) {
        return badParam(name, "is an id (letters, digits, '-', at most 64)");
    }
    return value;
}

core::Result<std::optional<std::string>> parseChoice(const FinanceService::Params& params, const char* name,
                                                     std::initializer_list<std::string_view> allowed)
{
    auto value = param(params, name);
    if (!value) {
        return std::optional<std::string>();
    }
    std::string list;
    for (const auto choice : allowed) {
        if (*value == choice) {
            return value;
        }
        list += (list.empty() ? "" : ", ") + std::string(choice);
    }
    return badParam(name, "is one of: " + list);
}

/// A page's position: the (time, id) of the last item shown.
struct Key {
    std::int64_t at = 0;
    std::string id;
};

/// The cursor is opaque to clients: hex of "at|id" and a check tied to the list and its filters,
/// so a cursor edited by hand or carried over to another query is refused (400) instead of
/// silently paging somewhere else. Not a secret: the tenant filter is what protects the data.
std::string cursorCheck(std::string_view list, std::string_view filters, std::string_view body)
{
    const auto digest = crypto::sha256("sigma-finance-cursor-v1\n" + std::string(list) + "\n" + std::string(filters) +
                                       "\n" + std::string(body));
    return crypto::toHex(std::span<const std::uint8_t>(digest.data(), 8));
}

std::string encodeCursor(std::string_view list, std::string_view filters, const Key& key)
{
    const std::string body = std::to_string(key.at) + "|" + key.id;
    return crypto::toHex(
               std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(body.data()), body.size())) +
           "." + cursorCheck(list, filters, body);
}

core::Result<std::optional<Key>> parseCursor(const FinanceService::Params& params, std::string_view list,
                                             std::string_view filters)
{
    const auto text = param(params, "cursor");
    if (!text || text->empty()) {
        return std::optional<Key>();
    }
    const auto invalid = badParam("cursor", "is not a cursor this list gave for these filters");
    const auto dot = text->find('.');
    if (dot == std::string::npos || text->size() > 400) {
        return invalid;
    }
    auto bytes = crypto::fromHex(std::string_view(*text).substr(0, dot));
    if (!bytes) {
        return invalid;
    }
    const std::string body(bytes->begin(), bytes->end());
    if (!crypto::constantTimeEquals(cursorCheck(list, filters, body), std::string_view(*text).substr(dot + 1))) {
        return invalid;
    }
    const auto bar = body.find('|');
    Key key;
    if (bar == std::string::npos) {
        return invalid;
    }
    if (auto [ptr, ec] = std::from_chars(body.data(), body.data() + bar, key.at);
        ec != std::errc() || ptr != body.data() + bar) {
        return invalid;
    }
    key.id = body.substr(bar + 1);
    return std::optional<Key>(std::move(key));
}

/// Builds a statement's parameters alongside its text: arg() appends one and names it.
class Args {
public:
    std::string arg(db::Param value)
    {
        m_values.push_back(std::move(value));
        return "$" + std::to_string(m_values.size());
    }
    [[nodiscard]] std::span<const db::Param> values() const { return m_values; }

private:
    std::vector<db::Param> m_values;
};

/// A page's rows by time: the period's [from, to) with its upper end lowered to just past the
/// cursor's time, and the tie-break on the id. One lower and one upper bound on the time column is
/// what both planners turn into an index range: SQLite keeps only one of several upper bounds (so
/// `t < to AND t <= at` scans from the head of the index), PostgreSQL makes no range of an OR
/// alone; either way a deep page would cost as much as OFFSET (bench/FinanceBench.cpp).
std::string timeRange(Args& args, const std::string& time, const std::string& id, const std::optional<Period>& period,
                      const std::optional<Key>& after)
{
    std::optional<std::int64_t> upper;
    if (period) {
        upper = period->toUs;
    }
    if (after) {
        upper = std::min(upper.value_or(after->at + 1), after->at + 1);
    }
    std::string sql;
    if (period) {
        sql += " AND " + time + " >= " + args.arg(period->fromUs);
    }
    if (upper) {
        sql += " AND " + time + " < " + args.arg(*upper);
    }
    if (after) {
        sql += " AND (" + time + " < " + args.arg(after->at) + " OR " + id + " < " + args.arg(after->id) + ")";
    }
    return sql;
}

core::Json optInt(const db::Row& row, std::size_t i)
{
    const auto value = row.optionalInt64(i);
    return value ? core::Json(*value) : core::Json(nullptr);
}

core::Json optText(const db::Row& row, std::size_t i)
{
    const auto value = row.optionalText(i);
    return value ? core::Json(*value) : core::Json(nullptr);
}

core::Json parsedObject(const db::Row& row, std::size_t i)
{
    const auto text = row.optionalText(i);
    if (!text) {
        return core::Json::object();
    }
    auto parsed = core::parseJsonExact(*text);
    return parsed && parsed->is_object() ? *parsed : core::Json::object();
}

core::Json fiscalNumber(const core::Json& fiscal)
{
    const auto it = fiscal.find("fiscalDocumentNumber");
    return it != fiscal.end() ? *it : core::Json(nullptr);
}

/// The keys of the register's shift figures (sync-protocol.md, `shift.closed`).
constexpr std::array<const char*, 12> kFigureKeys{"salesCount", "sales",       "returnsCount", "returns",
                                                  "cashSales",  "cashReturns", "nonCashSales", "nonCashReturns",
                                                  "cashIn",     "cashOut",     "expectedCash", "pendingCount"};

/// A shift's figures summed from the receipts and cash operations the cloud holds: the running
/// figures of an open shift, and the cross-check of a closed one. Cash is net of change.
core::Result<core::Json> figuresFromReceipts(db::Connection& db, const std::string& account, const std::string& shiftId)
{
    core::Json f = {{"salesCount", 0},  {"sales", 0},        {"returnsCount", 0},   {"returns", 0}, {"cashSales", 0},
                    {"cashReturns", 0}, {"nonCashSales", 0}, {"nonCashReturns", 0}, {"cashIn", 0},  {"cashOut", 0}};
    SIGMA_ASSIGN_OR_RETURN(auto totals,
                           db.query("SELECT operation, COUNT(*), CAST(SUM(total) AS BIGINT), CAST(SUM(change_sum) AS "
                                    "BIGINT) FROM receipts WHERE account_id = $1 AND shift_id = $2 AND status = "
                                    "'fiscalized' GROUP BY operation",
                                    {account, shiftId}));
    for (const auto& row : totals) {
        const std::string op = row.optionalText(0).value_or("");
        const bool sale = op == "sell";
        if (!sale && op != "sellReturn") {
            continue;
        }
        f[sale ? "salesCount" : "returnsCount"] = row.int64(1);
        f[sale ? "sales" : "returns"] = row.optionalInt64(2).value_or(0);
        // Change is given back from the drawer: it comes off the cash the customer handed over.
        f[sale ? "cashSales" : "cashReturns"] = -row.optionalInt64(3).value_or(0);
    }
    SIGMA_ASSIGN_OR_RETURN(auto payments,
                           db.query("SELECT r.operation, p.type, CAST(SUM(p.sum) AS BIGINT) FROM receipts r JOIN "
                                    "receipt_payments p ON p.account_id = r.account_id AND p.receipt_id = "
                                    "r.receipt_id WHERE r.account_id = $1 AND r.shift_id = $2 AND r.status = "
                                    "'fiscalized' GROUP BY r.operation, p.type",
                                    {account, shiftId}));
    for (const auto& row : payments) {
        const std::string op = row.optionalText(0).value_or("");
        const std::string type = row.text(1);
        if (op != "sell" && op != "sellReturn") {
            continue;
        }
        const bool sale = op == "sell";
        const std::int64_t sum = row.optionalInt64(2).value_or(0);
        if (type == "cash") {
            auto& cash = f[sale ? "cashSales" : "cashReturns"];
            cash = cash.get<std::int64_t>() + sum;
        }
    }
    // Whatever was not cash is cashless (card, prepaid, credit), as the terminal's own report counts.
    f["nonCashSales"] = f["sales"].get<std::int64_t>() - f["cashSales"].get<std::int64_t>();
    f["nonCashReturns"] = f["returns"].get<std::int64_t>() - f["cashReturns"].get<std::int64_t>();
    SIGMA_ASSIGN_OR_RETURN(auto cash, db.query("SELECT kind, CAST(SUM(sum) AS BIGINT) FROM cash_operations WHERE "
                                               "account_id = $1 AND shift_id = $2 GROUP BY kind",
                                               {account, shiftId}));
    for (const auto& row : cash) {
        f[row.text(0) == "in" ? "cashIn" : "cashOut"] = row.optionalInt64(1).value_or(0);
    }
    return f;
}

constexpr std::string_view kShiftColumns =
    "s.shift_id, s.device_id, d.serial, s.number, s.opened_at, s.closed_at, s.cashier_id, s.cashier_name, "
    "s.expected_cash, s.counted_cash, s.over_short, s.figures, s.close_fiscal, s.closed_by";

/// A shift row (kShiftColumns) as the API shows it. `figures`: the register's (closed) or the
/// receipts' (open).
core::Result<core::Json> shiftJson(db::Connection& db, const std::string& account, const db::Row& row)
{
    const bool open = row.isNull(5);
    core::Json figures;
    if (open) {
        SIGMA_ASSIGN_OR_RETURN(figures, figuresFromReceipts(db, account, row.text(0)));
    } else {
        const core::Json printed = parsedObject(row, 11);
        figures = core::Json::object();
        for (const char* key : kFigureKeys) {
            const auto it = printed.find(key);
            figures[key] = it != printed.end() && it->is_number_integer() ? *it : core::Json(nullptr);
        }
    }
    return core::Json{{"id", row.text(0)},
                      {"deviceId", row.text(1)},
                      {"terminal", optText(row, 2)},
                      {"number", optInt(row, 3)},
                      {"openedAt", optInt(row, 4)},
                      {"closedAt", optInt(row, 5)},
                      {"open", open},
                      {"cashierId", optText(row, 6)},
                      {"cashierName", optText(row, 7)},
                      {"figures", figures},
                      {"figuresSource", open ? "receipts" : "register"},
                      {"expectedCash", optInt(row, 8)},
                      {"countedCash", optInt(row, 9)},
                      {"overShort", optInt(row, 10)}};
}

/// The cashier's name as for receipts (kReceiptColumns).
constexpr std::string_view kCashColumns =
    "c.operation_id, c.device_id, d.serial, c.shift_id, s.number, c.kind, c.sum, c.reason, c.cashier_id, "
    "COALESCE(e.name, CASE WHEN s.cashier_id = c.cashier_id THEN s.cashier_name END), c.occurred_at";
constexpr std::string_view kCashJoins =
    " FROM cash_operations c LEFT JOIN devices d ON d.id = c.device_id LEFT JOIN shifts s ON s.account_id = "
    "c.account_id AND s.shift_id = c.shift_id LEFT JOIN employees e ON e.id = c.cashier_id AND e.account_id = "
    "c.account_id";

core::Json cashJson(const db::Row& row)
{
    return {{"id", row.text(0)},
            {"deviceId", row.text(1)},
            {"terminal", optText(row, 2)},
            {"shiftId", optText(row, 3)},
            {"shiftNumber", optInt(row, 4)},
            {"kind", row.text(5)},
            {"sum", row.int64(6)},
            {"reason", optText(row, 7)},
            {"cashierId", optText(row, 8)},
            {"cashierName", optText(row, 9)},
            {"occurredAt", row.int64(10)}};
}

// Cash is what the customer handed over less the change; card is the `electronically` payments.
// The cashier's name: the cabinet's employee, else the name the terminal gave when it opened the
// shift (the same person).
constexpr std::string_view kReceiptColumns =
    "r.receipt_id, r.device_id, d.serial, r.shift_id, s.number, r.operation, r.cashier_id, "
    "COALESCE(e.name, CASE WHEN s.cashier_id = r.cashier_id THEN s.cashier_name END), r.created_at, "
    "r.total, r.original_receipt_id, r.fiscal, "
    "(SELECT CAST(SUM(p.sum) AS BIGINT) FROM receipt_payments p WHERE p.account_id = r.account_id AND "
    "p.receipt_id = r.receipt_id AND p.type = 'cash') AS cash_paid, "
    "(SELECT CAST(SUM(p.sum) AS BIGINT) FROM receipt_payments p WHERE p.account_id = r.account_id AND "
    "p.receipt_id = r.receipt_id AND p.type = 'electronically') AS card_paid, "
    "r.change_sum, r.status, r.discount_total, r.customer_contact, r.failure_reason";
constexpr std::string_view kReceiptJoins =
    " FROM receipts r LEFT JOIN devices d ON d.id = r.device_id LEFT JOIN shifts s ON s.account_id = r.account_id "
    "AND s.shift_id = r.shift_id LEFT JOIN employees e ON e.id = r.cashier_id AND e.account_id = r.account_id";

core::Json receiptJson(const db::Row& row)
{
    const core::Json fiscal = parsedObject(row, 11);
    const auto cashPaid = row.optionalInt64(12);
    return {{"id", row.text(0)},
            {"deviceId", row.text(1)},
            {"terminal", optText(row, 2)},
            {"shiftId", optText(row, 3)},
            {"shiftNumber", optInt(row, 4)},
            {"operation", optText(row, 5)},
            {"cashierId", optText(row, 6)},
            {"cashierName", optText(row, 7)},
            {"createdAt", optInt(row, 8)},
            {"total", optInt(row, 9)},
            {"originalReceiptId", optText(row, 10)},
            {"fiscalDocumentNumber", fiscalNumber(fiscal)},
            {"cash", cashPaid ? *cashPaid - row.optionalInt64(14).value_or(0) : 0},
            {"card", row.optionalInt64(13).value_or(0)}};
}

/// The page: at most `limit` items and the cursor after the last when there are more.
template <typename ToJson>
core::Json page(const std::vector<db::Row>& rows, int limit, std::string_view list, std::string_view filters,
                std::size_t atColumn, ToJson toJson)
{
    core::Json items = core::Json::array();
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
        items.push_back(toJson(rows[i]));
    }
    core::Json next = nullptr;
    if (rows.size() > static_cast<std::size_t>(limit)) {
        const auto& last = rows[static_cast<std::size_t>(limit) - 1];
        next = encodeCursor(list, filters, Key{last.optionalInt64(atColumn).value_or(0), last.text(0)});
    }
    return core::Json{{"items", items}, {"next", next}};
}

/// The filters a cursor is tied to, in a fixed order.
std::string fingerprint(const FinanceService::Params& params, std::initializer_list<const char*> names)
{
    std::string out;
    for (const char* name : names) {
        out += std::string(name) + "=" + param(params, name).value_or("") + "&";
    }
    return out;
}

} // namespace

core::Result<core::Json> FinanceService::listShifts(const Session& session, const Params& params)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewFinance));
    SIGMA_ASSIGN_OR_RETURN(const auto period, parsePeriod(params, true));
    SIGMA_ASSIGN_OR_RETURN(const auto deviceId, parseId(params, "deviceId"));
    SIGMA_ASSIGN_OR_RETURN(const int limit, parseLimit(params));
    const std::string filters = fingerprint(params, {"from", "to", "deviceId"});
    SIGMA_ASSIGN_OR_RETURN(const auto after, parseCursor(params, "shifts", filters));

    Args args;
    std::string sql =
        "SELECT " + std::string(kShiftColumns) +
        " FROM shifts s LEFT JOIN devices d ON d.id = s.device_id WHERE s.account_id = " + args.arg(session.accountId) +
        timeRange(args, "s.opened_at", "s.shift_id", period, after);
    if (deviceId) {
        sql += " AND s.device_id = " + args.arg(*deviceId);
    }
    sql += " ORDER BY s.opened_at DESC, s.shift_id DESC LIMIT " + args.arg(limit + 1);

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query(sql, args.values()));
    std::vector<core::Json> shifts;
    for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
        SIGMA_ASSIGN_OR_RETURN(auto shift, shiftJson(db, session.accountId, rows[i]));
        shifts.push_back(std::move(shift));
    }
    std::size_t index = 0;
    return page(rows, limit, "shifts", filters, 4, [&](const db::Row&) { return shifts[index++]; });
}

core::Result<core::Json> FinanceService::shift(const Session& session, const std::string& shiftId)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewFinance));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT " + std::string(kShiftColumns) +
                                                     " FROM shifts s LEFT JOIN devices d ON d.id = s.device_id "
                                                     "WHERE s.account_id = $1 AND s.shift_id = $2",
                                                 {session.accountId, shiftId}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no such shift");
    }
    SIGMA_ASSIGN_OR_RETURN(auto out, shiftJson(db, session.accountId, *row));
    // The register's own report, as printed: every figure it sent, and the Z report's numbers.
    out["registerFigures"] = row->isNull(11) ? core::Json(nullptr) : parsedObject(*row, 11);
    out["zReport"] = row->isNull(12) ? core::Json(nullptr) : parsedObject(*row, 12);
    out["closedBy"] = optText(*row, 13);
    SIGMA_ASSIGN_OR_RETURN(out["fromReceipts"], figuresFromReceipts(db, session.accountId, shiftId));
    SIGMA_ASSIGN_OR_RETURN(auto cash, db.query("SELECT " + std::string(kCashColumns) + std::string(kCashJoins) +
                                                   " WHERE c.account_id = $1 AND c.shift_id = $2 ORDER BY "
                                                   "c.occurred_at, c.operation_id",
                                               {session.accountId, shiftId}));
    core::Json operations = core::Json::array();
    for (const auto& op : cash) {
        operations.push_back(cashJson(op));
    }
    out["cashOperations"] = operations;
    return out;
}

core::Result<core::Json> FinanceService::listReceipts(const Session& session, const Params& params)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewFinance));
    SIGMA_ASSIGN_OR_RETURN(const auto shiftId, parseId(params, "shiftId"));
    // A shift's receipts need no period: the shift bounds them.
    SIGMA_ASSIGN_OR_RETURN(const auto period, parsePeriod(params, !shiftId));
    SIGMA_ASSIGN_OR_RETURN(const auto operation, parseChoice(params, "operation", {"sell", "sellReturn"}));
    SIGMA_ASSIGN_OR_RETURN(const auto payment, parseChoice(params, "payment", {"cash", "card"}));
    SIGMA_ASSIGN_OR_RETURN(const auto deviceId, parseId(params, "deviceId"));
    SIGMA_ASSIGN_OR_RETURN(const int limit, parseLimit(params));
    const std::string filters = fingerprint(params, {"from", "to", "operation", "payment", "deviceId", "shiftId"});
    SIGMA_ASSIGN_OR_RETURN(const auto after, parseCursor(params, "receipts", filters));

    Args args;
    std::string sql = "SELECT " + std::string(kReceiptColumns) + std::string(kReceiptJoins) +
                      " WHERE r.account_id = " + args.arg(session.accountId) + " AND r.status = 'fiscalized'";
    sql += timeRange(args, "r.created_at", "r.receipt_id", period, after);
    if (shiftId) {
        sql += " AND r.shift_id = " + args.arg(*shiftId);
    }
    if (deviceId) {
        sql += " AND r.device_id = " + args.arg(*deviceId);
    }
    if (operation) {
        sql += " AND r.operation = " + args.arg(*operation);
    }
    if (payment) {
        sql += " AND EXISTS (SELECT 1 FROM receipt_payments p WHERE p.account_id = r.account_id AND p.receipt_id = "
               "r.receipt_id AND p.type = " +
               args.arg(*payment == "card" ? "electronically" : "cash") + ")";
    }
    sql += " ORDER BY r.created_at DESC, r.receipt_id DESC LIMIT " + args.arg(limit + 1);

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query(sql, args.values()));
    return page(rows, limit, "receipts", filters, 8, receiptJson);
}

core::Result<core::Json> FinanceService::receipt(const Session& session, const std::string& receiptId)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewFinance));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT " + std::string(kReceiptColumns) + std::string(kReceiptJoins) +
                                                     " WHERE r.account_id = $1 AND r.receipt_id = $2",
                                                 {session.accountId, receiptId}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no such receipt");
    }
    core::Json out = receiptJson(*row);
    out["status"] = row->text(15);
    out["discountTotal"] = optInt(*row, 16);
    out["change"] = optInt(*row, 14);
    out["customerContact"] = optText(*row, 17);
    out["failureReason"] = optText(*row, 18);
    core::Json fiscal = core::Json::object();
    const core::Json stored = parsedObject(*row, 11);
    for (const char* key : {"fiscalDocumentNumber", "fiscalDocumentSign", "fiscalDocumentDateTime",
                            "fiscalReceiptNumber", "shiftNumber", "fnNumber", "registrationNumber"}) {
        const auto it = stored.find(key);
        fiscal[key] = it != stored.end() ? *it : core::Json(nullptr);
    }
    out["fiscal"] = fiscal;

    SIGMA_ASSIGN_OR_RETURN(auto lines, db.query("SELECT position, name, product_id, quantity, unit_price, amount, "
                                                "vat_rate, vat_sum FROM receipt_lines WHERE account_id = $1 AND "
                                                "receipt_id = $2 ORDER BY position",
                                                {session.accountId, receiptId}));
    core::Json lineList = core::Json::array();
    for (const auto& line : lines) {
        lineList.push_back({{"position", line.int64(0)},
                            {"name", optText(line, 1)},
                            {"productId", optText(line, 2)},
                            {"quantity", optInt(line, 3)},
                            {"unitPrice", optInt(line, 4)},
                            {"amount", optInt(line, 5)},
                            {"vatRate", optText(line, 6)},
                            {"vatSum", optInt(line, 7)}});
    }
    out["lines"] = lineList;

    SIGMA_ASSIGN_OR_RETURN(auto payments, db.query("SELECT position, type, sum, card_status, card_auth_code, card_rrn "
                                                   "FROM receipt_payments WHERE account_id = $1 AND receipt_id = $2 "
                                                   "ORDER BY position",
                                                   {session.accountId, receiptId}));
    core::Json paymentList = core::Json::array();
    for (const auto& payment : payments) {
        core::Json item = {{"position", payment.int64(0)}, {"type", payment.text(1)}, {"sum", payment.int64(2)}};
        item["card"] = payment.isNull(3) && payment.isNull(5) ? core::Json(nullptr)
                                                              : core::Json{{"status", optText(payment, 3)},
                                                                           {"authCode", optText(payment, 4)},
                                                                           {"rrn", optText(payment, 5)}};
        paymentList.push_back(std::move(item));
    }
    out["payments"] = paymentList;

    SIGMA_ASSIGN_OR_RETURN(auto reversals, db.query("SELECT position, sum, rrn, reversed_at FROM card_reversals WHERE "
                                                    "account_id = $1 AND receipt_id = $2 ORDER BY position",
                                                    {session.accountId, receiptId}));
    core::Json reversalList = core::Json::array();
    for (const auto& reversal : reversals) {
        reversalList.push_back({{"position", reversal.int64(0)},
                                {"sum", reversal.int64(1)},
                                {"rrn", optText(reversal, 2)},
                                {"reversedAt", reversal.int64(3)}});
    }
    out["reversals"] = reversalList;

    // A return links to its sale; a sale lists its returns. Both within this account only.
    out["original"] = nullptr;
    if (const auto original = row->optionalText(10)) {
        SIGMA_ASSIGN_OR_RETURN(auto sale,
                               db.queryOne("SELECT " + std::string(kReceiptColumns) + std::string(kReceiptJoins) +
                                               " WHERE r.account_id = $1 AND r.receipt_id = $2",
                                           {session.accountId, *original}));
        if (sale) {
            out["original"] = receiptJson(*sale);
        }
    }
    SIGMA_ASSIGN_OR_RETURN(auto returns,
                           db.query("SELECT " + std::string(kReceiptColumns) + std::string(kReceiptJoins) +
                                        " WHERE r.account_id = $1 AND r.original_receipt_id = $2 AND "
                                        "r.status = 'fiscalized' ORDER BY r.created_at, r.receipt_id",
                                    {session.accountId, receiptId}));
    core::Json returnList = core::Json::array();
    for (const auto& item : returns) {
        returnList.push_back(receiptJson(item));
    }
    out["returns"] = returnList;
    return out;
}

core::Result<core::Json> FinanceService::listCashOperations(const Session& session, const Params& params)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewFinance));
    SIGMA_ASSIGN_OR_RETURN(const auto period, parsePeriod(params, true));
    SIGMA_ASSIGN_OR_RETURN(const auto deviceId, parseId(params, "deviceId"));
    SIGMA_ASSIGN_OR_RETURN(const int limit, parseLimit(params));
    const std::string filters = fingerprint(params, {"from", "to", "deviceId"});
    SIGMA_ASSIGN_OR_RETURN(const auto after, parseCursor(params, "cash-operations", filters));

    Args args;
    std::string sql = "SELECT " + std::string(kCashColumns) + std::string(kCashJoins) +
                      " WHERE c.account_id = " + args.arg(session.accountId) +
                      timeRange(args, "c.occurred_at", "c.operation_id", period, after);
    if (deviceId) {
        sql += " AND c.device_id = " + args.arg(*deviceId);
    }
    sql += " ORDER BY c.occurred_at DESC, c.operation_id DESC LIMIT " + args.arg(limit + 1);

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query(sql, args.values()));
    return page(rows, limit, "cash-operations", filters, 10, cashJson);
}

} // namespace sigma::cloud
