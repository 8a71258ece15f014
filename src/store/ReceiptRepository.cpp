#include "store/ReceiptRepository.h"

#include "core/ErrorCodes.h"

namespace sigma::store {
namespace {

constexpr std::string_view kReceiptColumns =
    "id, shift_id, operation, status, created_at_us, cashier_id, total, discount_total, change_due, vat_date, "
    "customer_contact, original_id, register_last_document, task, fiscal_document_number, fiscal_sign, "
    "fiscal_params, failure, fiscalized_at_us, customer_id";

std::optional<std::string> optionalText(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

} // namespace

ReceiptRepository::ReceiptRepository(TerminalDatabase& database) : m_database(database) {}

core::Status ReceiptRepository::insertPending(const ReceiptRecord& r)
{
    auto& db = m_database.connection();
    SIGMA_TRY(db.execute(
        "INSERT INTO receipts (id, shift_id, operation, status, created_at_us, cashier_id, total, discount_total, "
        "change_due, vat_date, customer_contact, original_id, register_last_document, task, customer_id) "
        "VALUES ($1, $2, $3, 'pending', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        {r.id, optionalText(r.shiftId), r.operation, r.createdAtUs, r.cashierId, r.total.kopecks(),
         r.discountTotal.kopecks(), r.change.kopecks(), r.vatDate, r.customerContact, r.originalId,
         static_cast<std::int64_t>(r.registerLastDocument), r.task.dump(), r.customerId}));
    for (const auto& l : r.lines) {
        SIGMA_TRY(db.execute(
            "INSERT INTO receipt_lines (receipt_id, position, product_id, sku, barcode, name, unit_price, quantity, "
            "unit, vat_rate, payment_method, payment_object, line_discount, receipt_discount, amount, price, vat_sum, "
            "marking_code, staff_id, original_position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
            "$13, $14, $15, $16, $17, $18, $19, $20)",
            {r.id, l.position, optionalText(l.productId), l.sku, l.barcode, l.name, l.unitPrice.kopecks(),
             l.quantity.thousandths(), l.unit, l.vatRate, l.paymentMethod, l.paymentObject, l.lineDiscount.kopecks(),
             l.receiptDiscount.kopecks(), l.amount.kopecks(), l.price.kopecks(), l.vatSum.kopecks(), l.markingCode,
             l.staffId, l.originalPosition}));
    }
    for (const auto& p : r.payments) {
        SIGMA_TRY(db.execute("INSERT INTO receipt_payments (receipt_id, position, type, sum, card_status, auth_code, "
                             "rrn, card_operation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                             {r.id, p.position, p.type, p.sum.kopecks(), optionalText(p.cardStatus),
                              optionalText(p.authCode), optionalText(p.rrn), optionalText(p.cardOperationId)}));
    }
    return core::ok();
}

core::Status ReceiptRepository::markFiscalized(const std::string& id, std::uint32_t documentNumber,
                                               const std::string& sign, const core::Json& fiscalParams,
                                               std::int64_t atUs)
{
    auto& db = m_database.connection();
    SIGMA_TRY(db.execute("UPDATE receipts SET status = 'fiscalized', fiscal_document_number = $2, fiscal_sign = $3, "
                         "fiscal_params = $4, fiscalized_at_us = $5 WHERE id = $1 AND status = 'pending'",
                         {id, static_cast<std::int64_t>(documentNumber), sign, fiscalParams.dump(), atUs}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kInternal, "receipt " + id + " is not pending; refusing to fiscalize it twice");
    }
    return core::ok();
}

core::Status ReceiptRepository::markFailed(const std::string& id, const std::string& reason)
{
    auto& db = m_database.connection();
    SIGMA_TRY(db.execute("UPDATE receipts SET status = 'failed', failure = $2 WHERE id = $1 AND status = 'pending'",
                         {id, reason}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kInternal, "receipt " + id + " is not pending");
    }
    return core::ok();
}

core::Status ReceiptRepository::updateCard(const std::string& receiptId, int position, const std::string& status,
                                           const std::string& authCode, const std::string& rrn)
{
    return m_database.connection().execute(
        "UPDATE receipt_payments SET card_status = $3, auth_code = COALESCE($4, auth_code), rrn = COALESCE($5, rrn) "
        "WHERE receipt_id = $1 AND position = $2",
        {receiptId, position, status, optionalText(authCode), optionalText(rrn)});
}

core::Result<ReceiptRecord> ReceiptRepository::load(const db::Row& row)
{
    ReceiptRecord r;
    r.id = row.text(0);
    r.shiftId = row.optionalText(1).value_or("");
    r.operation = row.text(2);
    r.status = row.text(3);
    r.createdAtUs = row.int64(4);
    r.cashierId = row.text(5);
    r.total = core::Money::fromKopecks(row.int64(6));
    r.discountTotal = core::Money::fromKopecks(row.int64(7));
    r.change = core::Money::fromKopecks(row.int64(8));
    r.vatDate = row.text(9);
    r.customerContact = row.text(10);
    r.originalId = row.optionalText(11);
    r.registerLastDocument = static_cast<std::uint32_t>(row.int64(12));
    auto task = core::parseJsonExact(row.text(13));
    r.task = task ? *task : core::Json();
    if (auto number = row.optionalInt64(14)) {
        r.fiscalDocumentNumber = static_cast<std::uint32_t>(*number);
    }
    r.fiscalSign = row.optionalText(15).value_or("");
    if (auto params = row.optionalText(16)) {
        auto parsed = core::parseJsonExact(*params);
        r.fiscalParams = parsed ? *parsed : core::Json();
    }
    r.failure = row.optionalText(17).value_or("");
    r.fiscalizedAtUs = row.optionalInt64(18);
    r.customerId = row.optionalText(19);

    auto& db = m_database.connection();
    SIGMA_ASSIGN_OR_RETURN(
        auto lines,
        db.query("SELECT position, product_id, sku, barcode, name, unit_price, quantity, unit, vat_rate, "
                 "payment_method, payment_object, line_discount, receipt_discount, amount, price, vat_sum, "
                 "marking_code, staff_id, original_position FROM receipt_lines WHERE receipt_id = $1 ORDER BY position",
                 {r.id}));
    for (const auto& l : lines) {
        ReceiptLineRecord line;
        line.position = static_cast<int>(l.int64(0));
        line.productId = l.optionalText(1).value_or("");
        line.sku = l.text(2);
        line.barcode = l.text(3);
        line.name = l.text(4);
        line.unitPrice = core::Money::fromKopecks(l.int64(5));
        line.quantity = core::Quantity::fromThousandths(l.int64(6));
        line.unit = static_cast<int>(l.int64(7));
        line.vatRate = l.text(8);
        line.paymentMethod = l.text(9);
        line.paymentObject = l.text(10);
        line.lineDiscount = core::Money::fromKopecks(l.int64(11));
        line.receiptDiscount = core::Money::fromKopecks(l.int64(12));
        line.amount = core::Money::fromKopecks(l.int64(13));
        line.price = core::Money::fromKopecks(l.int64(14));
        line.vatSum = core::Money::fromKopecks(l.int64(15));
        line.markingCode = l.optionalText(16);
        line.staffId = l.optionalText(17);
        if (auto original = l.optionalInt64(18)) {
            line.originalPosition = static_cast<int>(*original);
        }
        r.lines.push_back(std::move(line));
    }
    SIGMA_ASSIGN_OR_RETURN(auto payments,
                           db.query("SELECT position, type, sum, card_status, auth_code, rrn, card_operation_id "
                                    "FROM receipt_payments WHERE receipt_id = $1 ORDER BY position",
                                    {r.id}));
    for (const auto& p : payments) {
        ReceiptPaymentRecord payment;
        payment.position = static_cast<int>(p.int64(0));
        payment.type = p.text(1);
        payment.sum = core::Money::fromKopecks(p.int64(2));
        payment.cardStatus = p.optionalText(3).value_or("");
        payment.authCode = p.optionalText(4).value_or("");
        payment.rrn = p.optionalText(5).value_or("");
        payment.cardOperationId = p.optionalText(6).value_or("");
        r.payments.push_back(std::move(payment));
    }
    return r;
}

core::Result<std::optional<ReceiptRecord>> ReceiptRepository::find(const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne(
                                         "SELECT " + std::string(kReceiptColumns) + " FROM receipts WHERE id = $1", {id}));
    if (!row) {
        return std::optional<ReceiptRecord>();
    }
    SIGMA_ASSIGN_OR_RETURN(auto record, load(*row));
    return std::optional<ReceiptRecord>(std::move(record));
}

core::Result<std::optional<ReceiptRecord>> ReceiptRepository::findByDocumentNumber(std::uint32_t number)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne(
                                         "SELECT " + std::string(kReceiptColumns) +
                                             " FROM receipts WHERE fiscal_document_number = $1 "
                                             "ORDER BY fiscalized_at_us DESC LIMIT 1",
                                         {static_cast<std::int64_t>(number)}));
    if (!row) {
        return std::optional<ReceiptRecord>();
    }
    SIGMA_ASSIGN_OR_RETURN(auto record, load(*row));
    return std::optional<ReceiptRecord>(std::move(record));
}

core::Result<std::vector<std::string>> ReceiptRepository::pendingIds()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT id FROM receipts WHERE status = 'pending' ORDER BY created_at_us"));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    return ids;
}

core::Result<std::vector<std::string>> ReceiptRepository::idsWithCardStatus(const std::string& status)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT DISTINCT receipt_id FROM receipt_payments WHERE card_status = $1",
                                          {status}));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    return ids;
}

core::Result<std::map<int, std::int64_t>> ReceiptRepository::returnedQuantities(const std::string& originalId)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT l.original_position, SUM(l.quantity) FROM receipt_lines l "
                                          "JOIN receipts r ON r.id = l.receipt_id WHERE r.original_id = $1 "
                                          "AND r.status IN ('pending', 'fiscalized') AND l.original_position IS NOT NULL "
                                          "GROUP BY l.original_position",
                                          {originalId}));
    std::map<int, std::int64_t> out;
    for (const auto& row : rows) {
        out[static_cast<int>(row.int64(0))] = row.int64(1);
    }
    return out;
}

core::Result<std::map<int, core::Money>> ReceiptRepository::returnedAmounts(const std::string& originalId)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT l.original_position, SUM(l.amount) FROM receipt_lines l "
                                          "JOIN receipts r ON r.id = l.receipt_id WHERE r.original_id = $1 "
                                          "AND r.status IN ('pending', 'fiscalized') AND l.original_position IS NOT NULL "
                                          "GROUP BY l.original_position",
                                          {originalId}));
    std::map<int, core::Money> out;
    for (const auto& row : rows) {
        out[static_cast<int>(row.int64(0))] = core::Money::fromKopecks(row.int64(1));
    }
    return out;
}

core::Result<std::vector<std::string>> ReceiptRepository::allIds(std::size_t limit, std::size_t offset)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT id FROM receipts ORDER BY created_at_us, id LIMIT $1 OFFSET $2",
                                          {static_cast<std::int64_t>(limit), static_cast<std::int64_t>(offset)}));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    return ids;
}

core::Result<std::vector<std::string>> ReceiptRepository::fiscalizedIdsBetween(std::string_view operation,
                                                                             std::int64_t fromUs, std::int64_t toUs)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT id FROM receipts WHERE status = 'fiscalized' AND operation = $1 "
                                          "AND created_at_us >= $2 AND created_at_us < $3 ORDER BY created_at_us, id",
                                          {std::string(operation), fromUs, toUs}));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    return ids;
}

core::Result<std::vector<std::string>> ReceiptRepository::idsForCustomer(const std::string& customerId,
                                                                        std::size_t limit)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT id FROM receipts WHERE customer_id = $1 AND status = 'fiscalized' "
                                          "ORDER BY created_at_us DESC, id DESC LIMIT $2",
                                          {customerId, static_cast<std::int64_t>(limit)}));
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    return ids;
}

} // namespace sigma::store
