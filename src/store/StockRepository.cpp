#include "store/StockRepository.h"

#include "core/ErrorCodes.h"

namespace sigma::store {
namespace {

constexpr std::string_view kDocumentColumns =
    "id, kind, number, status, created_at_us, updated_at_us, posted_at_us, employee_id, posted_by, supplier, reason, "
    "note, (SELECT COUNT(*) FROM stock_document_lines l WHERE l.document_id = stock_documents.id)";

StockDocument documentFrom(const db::Row& row)
{
    StockDocument d;
    d.id = row.text(0);
    d.kind = parseStockDocumentKind(row.text(1)).valueOr(StockDocumentKind::Receiving); // CHECK allows no other
    d.number = row.int64(2);
    d.status = row.text(3) == "posted" ? StockDocumentStatus::Posted : StockDocumentStatus::Draft;
    d.createdAtUs = row.int64(4);
    d.updatedAtUs = row.int64(5);
    d.postedAtUs = row.optionalInt64(6);
    d.employeeId = row.text(7);
    d.postedBy = row.optionalText(8).value_or("");
    d.supplier = row.text(9);
    d.reason = row.text(10);
    d.note = row.text(11);
    d.lineCount = static_cast<int>(row.int64(12));
    return d;
}

std::optional<std::int64_t> costParam(const StockLine& line)
{
    if (!line.cost) {
        return std::nullopt;
    }
    return line.cost->kopecks();
}

} // namespace

std::string_view stockDocumentKindName(StockDocumentKind kind)
{
    switch (kind) {
    case StockDocumentKind::Receiving:
        return "receiving";
    case StockDocumentKind::WriteOff:
        return "writeOff";
    case StockDocumentKind::Inventory:
        return "inventory";
    }
    return "receiving";
}

core::Result<StockDocumentKind> parseStockDocumentKind(std::string_view text)
{
    for (const auto kind : {StockDocumentKind::Receiving, StockDocumentKind::WriteOff, StockDocumentKind::Inventory}) {
        if (text == stockDocumentKindName(kind)) {
            return kind;
        }
    }
    return core::Error(stock_errc::kUnknownKind,
                       "unknown stock document kind '" + std::string(text) + "' (receiving, writeOff, inventory)",
                       "kind");
}

std::string_view stockDocumentStatusName(StockDocumentStatus status)
{
    return status == StockDocumentStatus::Posted ? "posted" : "draft";
}

StockRepository::StockRepository(TerminalDatabase& database) : m_database(database)
{
}

core::Result<std::int64_t> StockRepository::nextNumber(StockDocumentKind kind)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne(
                                         "SELECT COALESCE(MAX(number), 0) + 1 FROM stock_documents WHERE kind = $1",
                                         {stockDocumentKindName(kind)}));
    return row ? row->int64(0) : 1;
}

core::Status StockRepository::insert(const StockDocument& d)
{
    return m_database.connection().execute(
        "INSERT INTO stock_documents (id, kind, number, status, created_at_us, updated_at_us, employee_id, supplier, "
        "reason, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        {d.id, stockDocumentKindName(d.kind), d.number, stockDocumentStatusName(d.status), d.createdAtUs, d.updatedAtUs,
         d.employeeId, d.supplier, d.reason, d.note});
}

core::Result<std::vector<StockLine>> StockRepository::lines(std::string_view documentId)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                          "SELECT position, product_id, sku, barcode, name, unit, quantity, cost, "
                                          "counted_quantity, reason FROM stock_document_lines WHERE document_id = $1 "
                                          "ORDER BY position",
                                          {documentId}));
    std::vector<StockLine> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        StockLine line;
        line.position = static_cast<int>(row.int64(0));
        line.productId = row.text(1);
        line.sku = row.text(2);
        line.barcode = row.text(3);
        line.name = row.text(4);
        line.unit = core::measureUnitFromCode(static_cast<int>(row.int64(5))).valueOr(core::MeasureUnit::Piece);
        const auto quantity = row.optionalInt64(6);
        line.quantity = core::Quantity::fromThousandths(quantity ? *quantity : row.optionalInt64(8).value_or(0));
        if (const auto cost = row.optionalInt64(7)) {
            line.cost = core::Money::fromKopecks(*cost);
        }
        line.reason = row.text(9);
        out.push_back(std::move(line));
    }
    return out;
}

core::Result<std::optional<StockDocument>> StockRepository::find(std::string_view id)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne("SELECT " + std::string(kDocumentColumns) +
                                                                          " FROM stock_documents WHERE id = $1",
                                                                      {id}));
    if (!row) {
        return std::optional<StockDocument>();
    }
    StockDocument document = documentFrom(*row);
    SIGMA_ASSIGN_OR_RETURN(document.lines, lines(id));
    return std::optional<StockDocument>(std::move(document));
}

core::Result<std::vector<StockDocument>> StockRepository::list(std::optional<StockDocumentKind> kind,
                                                               std::optional<StockDocumentStatus> status, int limit,
                                                               int offset)
{
    const std::optional<std::string> kindText =
        kind ? std::optional<std::string>(std::string(stockDocumentKindName(*kind))) : std::nullopt;
    const std::optional<std::string> statusText =
        status ? std::optional<std::string>(std::string(stockDocumentStatusName(*status))) : std::nullopt;
    SIGMA_ASSIGN_OR_RETURN(
        auto rows, m_database.connection().query("SELECT " + std::string(kDocumentColumns) +
                                                     " FROM stock_documents WHERE ($1 IS NULL OR kind = $1) AND "
                                                     "($2 IS NULL OR status = $2) ORDER BY created_at_us DESC, id DESC "
                                                     "LIMIT $3 OFFSET $4",
                                                 {kindText, statusText, limit, offset}));
    std::vector<StockDocument> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(documentFrom(row));
    }
    return out;
}

core::Status StockRepository::insertLine(std::string_view documentId, StockDocumentKind kind, const StockLine& line)
{
    const bool counted = kind == StockDocumentKind::Inventory;
    const std::int64_t q = line.quantity.thousandths();
    return m_database.connection().execute(
        "INSERT INTO stock_document_lines (document_id, position, product_id, sku, barcode, name, unit, quantity, "
        "cost, "
        "counted_quantity, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        {documentId, line.position, line.productId, line.sku, line.barcode, line.name, core::measureUnitCode(line.unit),
         counted ? std::optional<std::int64_t>() : std::optional<std::int64_t>(q), costParam(line),
         counted ? std::optional<std::int64_t>(q) : std::optional<std::int64_t>(), line.reason});
}

core::Status StockRepository::updateLine(std::string_view documentId, StockDocumentKind kind, const StockLine& line)
{
    const bool counted = kind == StockDocumentKind::Inventory;
    const std::int64_t q = line.quantity.thousandths();
    SIGMA_TRY(m_database.connection().execute(
        "UPDATE stock_document_lines SET quantity = $3, cost = $4, counted_quantity = $5, reason = $6 "
        "WHERE document_id = $1 AND position = $2",
        {documentId, line.position, counted ? std::optional<std::int64_t>() : std::optional<std::int64_t>(q),
         costParam(line), counted ? std::optional<std::int64_t>(q) : std::optional<std::int64_t>(), line.reason}));
    if (m_database.connection().changes() == 0) {
        return core::Error(stock_errc::kLineNotFound, "no line " + std::to_string(line.position), "position");
    }
    return core::ok();
}

core::Status StockRepository::deleteLine(std::string_view documentId, int position)
{
    SIGMA_TRY(m_database.connection().execute(
        "DELETE FROM stock_document_lines WHERE document_id = $1 AND position = $2", {documentId, position}));
    if (m_database.connection().changes() == 0) {
        return core::Error(stock_errc::kLineNotFound, "no line " + std::to_string(position), "position");
    }
    return core::ok();
}

core::Status StockRepository::touch(std::string_view documentId, std::int64_t atUs)
{
    return m_database.connection().execute("UPDATE stock_documents SET updated_at_us = $2 WHERE id = $1",
                                           {documentId, atUs});
}

core::Status StockRepository::markPosted(std::string_view documentId, std::int64_t atUs, std::string_view by)
{
    return m_database.connection().execute(
        "UPDATE stock_documents SET status = 'posted', posted_at_us = $2, updated_at_us = $2, posted_by = $3 "
        "WHERE id = $1 AND status = 'draft'",
        {documentId, atUs, by});
}

} // namespace sigma::store
