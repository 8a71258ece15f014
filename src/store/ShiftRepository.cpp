#include "store/ShiftRepository.h"

namespace sigma::store {

core::Json ShiftFigures::toJson() const
{
    return {{"salesCount", salesCount},     {"sales", sales.kopecks()},
            {"returnsCount", returnsCount}, {"returns", returns.kopecks()},
            {"cashSales", cashSales.kopecks()}, {"cashReturns", cashReturns.kopecks()},
            {"nonCashSales", nonCashSales.kopecks()}, {"nonCashReturns", nonCashReturns.kopecks()},
            {"cashIn", cashIn.kopecks()},   {"cashOut", cashOut.kopecks()},
            {"expectedCash", expectedCash.kopecks()}, {"pendingCount", pendingCount}};
}

ShiftRepository::ShiftRepository(TerminalDatabase& database) : m_database(database) {}

core::Status ShiftRepository::insert(const ShiftRecord& shift)
{
    return m_database.connection().execute(
        "INSERT INTO shifts (id, number, opened_at_us, opened_by) VALUES ($1, $2, $3, $4)",
        {shift.id, static_cast<std::int64_t>(shift.number), shift.openedAtUs, shift.openedBy});
}

core::Status ShiftRepository::close(const std::string& id, std::int64_t atUs, const std::string& by,
                                    core::Money expected, core::Money counted, const core::Json& totals)
{
    return m_database.connection().execute(
        "UPDATE shifts SET closed_at_us = $2, closed_by = $3, expected_cash = $4, counted_cash = $5, totals = $6 "
        "WHERE id = $1 AND closed_at_us IS NULL",
        {id, atUs, by, expected.kopecks(), counted.kopecks(), totals.dump()});
}

core::Result<std::optional<ShiftRecord>> ShiftRepository::one(const std::string& where,
                                                              std::initializer_list<db::Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne(
                                         "SELECT id, number, opened_at_us, opened_by, closed_at_us, closed_by, "
                                         "expected_cash, counted_cash, totals FROM shifts " +
                                             where,
                                         params));
    if (!row) {
        return std::optional<ShiftRecord>();
    }
    ShiftRecord s;
    s.id = row->text(0);
    s.number = static_cast<std::uint32_t>(row->int64(1));
    s.openedAtUs = row->int64(2);
    s.openedBy = row->text(3);
    s.closedAtUs = row->optionalInt64(4);
    s.closedBy = row->optionalText(5).value_or("");
    if (auto v = row->optionalInt64(6)) {
        s.expectedCash = core::Money::fromKopecks(*v);
    }
    if (auto v = row->optionalInt64(7)) {
        s.countedCash = core::Money::fromKopecks(*v);
    }
    if (auto totals = row->optionalText(8)) {
        auto parsed = core::parseJsonExact(*totals);
        s.totals = parsed ? *parsed : core::Json();
    }
    return std::optional<ShiftRecord>(std::move(s));
}

core::Result<std::optional<ShiftRecord>> ShiftRepository::current()
{
    return one("WHERE closed_at_us IS NULL ORDER BY opened_at_us DESC LIMIT 1", {});
}

core::Result<std::optional<ShiftRecord>> ShiftRepository::find(const std::string& id)
{
    return one("WHERE id = $1", {id});
}

core::Result<std::optional<ShiftRecord>> ShiftRepository::last()
{
    return one("ORDER BY opened_at_us DESC LIMIT 1", {});
}

core::Status ShiftRepository::insertCashOperation(const std::string& id, const std::string& shiftId,
                                                  const std::string& kind, core::Money sum, const std::string& reason,
                                                  const std::string& employeeId, std::int64_t atUs)
{
    return m_database.connection().execute(
        "INSERT INTO cash_operations (id, shift_id, kind, sum, reason, employee_id, created_at_us) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7)",
        {id, shiftId, kind, sum.kopecks(), reason, employeeId, atUs});
}

core::Result<ShiftFigures> ShiftRepository::figures(const std::string& shiftId)
{
    auto& db = m_database.connection();
    ShiftFigures f;
    // Cash kept = cash paid − change; corrections count like the operation they correct.
    SIGMA_ASSIGN_OR_RETURN(
        auto rows,
        db.query("SELECT r.operation, COUNT(DISTINCT r.id), COALESCE(SUM(r.total), 0), "
                 "(SELECT COALESCE(SUM(p.sum), 0) FROM receipt_payments p JOIN receipts r2 ON r2.id = p.receipt_id "
                 "  WHERE r2.shift_id = $1 AND r2.status = 'fiscalized' AND r2.operation = r.operation "
                 "  AND p.type = 'cash'), "
                 "(SELECT COALESCE(SUM(r3.change_due), 0) FROM receipts r3 WHERE r3.shift_id = $1 "
                 "  AND r3.status = 'fiscalized' AND r3.operation = r.operation) "
                 "FROM receipts r WHERE r.shift_id = $1 AND r.status = 'fiscalized' GROUP BY r.operation",
                 {shiftId}));
    for (const auto& row : rows) {
        const std::string operation = row.text(0);
        const auto total = core::Money::fromKopecks(row.int64(2));
        const auto cash = core::Money::fromKopecks(row.int64(3) - row.int64(4));
        if (operation == "sell" || operation == "sellCorrection") {
            f.salesCount += row.int64(1);
            f.sales += total;
            f.cashSales += cash;
            f.nonCashSales += total - cash;
        } else if (operation == "sellReturn") {
            f.returnsCount += row.int64(1);
            f.returns += total;
            f.cashReturns += cash;
            f.nonCashReturns += total - cash;
        }
    }
    SIGMA_ASSIGN_OR_RETURN(auto cashRows, db.query("SELECT kind, COALESCE(SUM(sum), 0) FROM cash_operations "
                                                   "WHERE shift_id = $1 GROUP BY kind",
                                                   {shiftId}));
    for (const auto& row : cashRows) {
        (row.text(0) == "cashIn" ? f.cashIn : f.cashOut) = core::Money::fromKopecks(row.int64(1));
    }
    SIGMA_ASSIGN_OR_RETURN(auto pending, db.queryOne("SELECT COUNT(*) FROM receipts WHERE shift_id = $1 AND "
                                                     "status = 'pending'",
                                                     {shiftId}));
    f.pendingCount = pending ? pending->int64(0) : 0;
    f.expectedCash = f.cashSales - f.cashReturns + f.cashIn - f.cashOut;
    return f;
}

} // namespace sigma::store
