#include "till/StockService.h"

#include "core/ErrorCodes.h"

#include <algorithm>

namespace sigma::till {
namespace {

using store::StockDocument;
using store::StockDocumentKind;
using store::StockDocumentStatus;
using store::StockLine;
namespace stock_errc = store::stock_errc;

core::Status checkText(const std::string& text, const char* field)
{
    if (text.size() > StockService::kMaxTextLength) {
        return core::Error(
            core::errc::kInvalidArgument,
            std::string(field) + " is longer than " + std::to_string(StockService::kMaxTextLength) + " bytes", field);
    }
    return core::ok();
}

core::Status checkCost(StockDocumentKind kind, const std::optional<core::Money>& cost)
{
    if (!cost) {
        return core::ok();
    }
    if (kind != StockDocumentKind::Receiving) {
        return core::Error(stock_errc::kBadCost, "only a receiving document carries cost prices", "cost");
    }
    if (cost->isNegative() || !cost->withinRegisterLimit()) {
        return core::Error(stock_errc::kBadCost, "the cost must be between 0 and 99 999 999.99", "cost");
    }
    return core::ok();
}

} // namespace

StockService::StockService(TillContext& context, ProductLookup& lookup)
    : m_context(context), m_lookup(lookup), m_repository(context.database())
{
}

core::Result<StockDocument> StockService::create(const Session& session, const NewStockDocument& header)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    SIGMA_TRY(checkText(header.supplier, "supplier"));
    SIGMA_TRY(checkText(header.reason, "reason"));
    SIGMA_TRY(checkText(header.note, "note"));
    StockDocument document;
    document.id = m_context.newId();
    document.kind = header.kind;
    document.status = StockDocumentStatus::Draft;
    document.createdAtUs = m_context.nowUs();
    document.updatedAtUs = document.createdAtUs;
    document.employeeId = session.employee.id.toString();
    // A supplier belongs to a receiving, a reason to a write-off; elsewhere they would be lost.
    document.supplier = header.kind == StockDocumentKind::Receiving ? header.supplier : std::string();
    document.reason = header.kind == StockDocumentKind::WriteOff ? header.reason : std::string();
    document.note = header.note;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(document.number, m_repository.nextNumber(document.kind));
        return m_repository.insert(document);
    }));
    return document;
}

core::Result<StockDocument> StockService::draft(const std::string& documentId)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.find(documentId));
    if (!found) {
        return core::Error(stock_errc::kDocumentNotFound, "no stock document " + documentId, "documentId");
    }
    if (found->status == StockDocumentStatus::Posted) {
        return core::Error(stock_errc::kDocumentPosted,
                           std::string(store::stockDocumentKindName(found->kind)) + " No. " +
                               std::to_string(found->number) + " is posted and cannot be changed",
                           "documentId");
    }
    return std::move(*found);
}

core::Status StockService::checkQuantity(const StockDocument& document, const StockLine& line,
                                         core::Quantity quantity) const
{
    // An inventory records what was found, and finding nothing is a count too.
    const bool zeroAllowed = document.kind == StockDocumentKind::Inventory;
    if (quantity.thousandths() < 0 || (!zeroAllowed && quantity.thousandths() == 0)) {
        return core::Error(core::errc::kNonPositiveQuantity,
                           zeroAllowed ? "the counted quantity must not be negative" : "quantity must be above zero",
                           "quantity");
    }
    if (quantity.thousandths() > core::Quantity::kMaxThousandths) {
        return core::Error(core::errc::kQuantityOutOfRange, "quantity is beyond 99 999.999", "quantity");
    }
    if (!core::measureUnitAllowsFractions(line.unit) && !quantity.isWhole()) {
        return core::Error(core::errc::kFractionalPieces,
                           "'" + line.name + "' is counted in pieces: the quantity must be whole", "quantity");
    }
    return core::ok();
}

core::Result<StockLine> StockService::addProduct(const Session& session, const std::string& documentId,
                                                 const store::CatalogProduct& product, const StockLineInput& input,
                                                 std::string barcode)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    SIGMA_TRY(checkText(input.reason, "reason"));
    if (product.weighed && !input.quantity) {
        return core::Error(core::errc::kBadQuantity,
                           "'" + product.name + "' is sold by weight: put it on the scale or type the weight",
                           "quantity");
    }
    const core::Quantity quantity = input.quantity.value_or(core::Quantity::pieces(1));
    StockLine result;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(StockDocument document, draft(documentId));
        SIGMA_TRY(checkCost(document.kind, input.cost));
        const auto same = std::find_if(document.lines.begin(), document.lines.end(),
                                       [&](const StockLine& l) { return l.productId == product.id; });
        if (same != document.lines.end()) {
            // Scanning the same product again adds to its line, as a stock clerk counting boxes expects.
            StockLine line = *same;
            if (input.quantity && !input.quantity->isPositive()) {
                SIGMA_TRY(checkQuantity(document, line, *input.quantity));
            }
            const core::Quantity total =
                core::Quantity::fromThousandths(line.quantity.thousandths() + quantity.thousandths());
            SIGMA_TRY(checkQuantity(document, line, total));
            line.quantity = total;
            if (input.cost) {
                line.cost = input.cost;
            }
            if (!input.reason.empty()) {
                line.reason = input.reason;
            }
            SIGMA_TRY(m_repository.updateLine(documentId, document.kind, line));
            result = line;
        } else {
            if (document.lines.size() >= kMaxLines) {
                return core::Error(core::errc::kTooManyLines,
                                   "a stock document holds at most " + std::to_string(kMaxLines) + " lines", "lines");
            }
            StockLine line;
            line.position = document.lines.empty() ? 0 : document.lines.back().position + 1;
            line.productId = product.id;
            line.sku = product.sku;
            line.barcode = std::move(barcode);
            line.name = product.name;
            line.unit = product.unit;
            SIGMA_TRY(checkQuantity(document, line, quantity));
            line.quantity = quantity;
            line.cost = input.cost;
            line.reason = document.kind == StockDocumentKind::WriteOff ? input.reason : std::string();
            SIGMA_TRY(m_repository.insertLine(documentId, document.kind, line));
            result = line;
        }
        return m_repository.touch(documentId, m_context.nowUs());
    }));
    return result;
}

core::Result<StockLine> StockService::addByScan(const Session& session, const std::string& documentId,
                                                std::string_view scanned, const StockLineInput& input)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    SIGMA_ASSIGN_OR_RETURN(LookupResult found, m_lookup.byScan(scanned));
    StockLineInput effective = input;
    if (found.weight && !input.quantity) {
        effective.quantity = found.weight; // a weight label carries the weight
    }
    return addProduct(session, documentId, found.product, effective, found.barcode.lookupKey);
}

core::Result<StockLine> StockService::addBySku(const Session& session, const std::string& documentId,
                                               std::string_view sku, const StockLineInput& input)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    SIGMA_ASSIGN_OR_RETURN(auto product, m_lookup.bySku(sku));
    return addProduct(session, documentId, product, input);
}

core::Status StockService::setQuantity(const Session& session, const std::string& documentId, int position,
                                       core::Quantity quantity)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(StockDocument document, draft(documentId));
        for (StockLine line : document.lines) {
            if (line.position == position) {
                SIGMA_TRY(checkQuantity(document, line, quantity));
                line.quantity = quantity;
                SIGMA_TRY(m_repository.updateLine(documentId, document.kind, line));
                return m_repository.touch(documentId, m_context.nowUs());
            }
        }
        return core::Error(stock_errc::kLineNotFound, "no line " + std::to_string(position), "position");
    });
}

core::Status StockService::setCost(const Session& session, const std::string& documentId, int position,
                                   std::optional<core::Money> cost)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(StockDocument document, draft(documentId));
        SIGMA_TRY(checkCost(document.kind, cost));
        for (StockLine line : document.lines) {
            if (line.position == position) {
                line.cost = cost;
                SIGMA_TRY(m_repository.updateLine(documentId, document.kind, line));
                return m_repository.touch(documentId, m_context.nowUs());
            }
        }
        return core::Error(stock_errc::kLineNotFound, "no line " + std::to_string(position), "position");
    });
}

core::Status StockService::removeLine(const Session& session, const std::string& documentId, int position)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(StockDocument document, draft(documentId));
        (void)document;
        SIGMA_TRY(m_repository.deleteLine(documentId, position));
        return m_repository.touch(documentId, m_context.nowUs());
    });
}

core::Result<StockDocument> StockService::post(const Session& session, const std::string& documentId)
{
    SIGMA_TRY(AuthService::require(session, Permission::ManageCatalog));
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.find(documentId));
    if (!found) {
        return core::Error(stock_errc::kDocumentNotFound, "no stock document " + documentId, "documentId");
    }
    if (found->status == StockDocumentStatus::Posted) {
        return std::move(*found);
    }
    SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
        // Read again inside the transaction: what is journaled is exactly what is marked posted.
        SIGMA_ASSIGN_OR_RETURN(StockDocument document, draft(documentId));
        if (document.lines.empty()) {
            return core::Error(stock_errc::kDocumentEmpty, "the document has no lines to post", "lines");
        }
        const std::int64_t now = m_context.nowUs();
        SIGMA_TRY(m_repository.markPosted(documentId, now, session.employee.id.toString()));
        document.status = StockDocumentStatus::Posted;
        document.postedAtUs = now;
        document.updatedAtUs = now;
        document.postedBy = session.employee.id.toString();
        SIGMA_ASSIGN_OR_RETURN(core::Json payload, eventPayload(document));
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("stock.document", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return find(documentId);
}

core::Result<std::vector<StockDocument>> StockService::list(std::optional<StockDocumentKind> kind,
                                                            std::optional<StockDocumentStatus> status, int limit,
                                                            int offset)
{
    limit = std::clamp(limit, 1, 1000);
    offset = std::max(offset, 0);
    return m_repository.list(kind, status, limit, offset);
}

core::Result<StockDocument> StockService::find(const std::string& documentId)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.find(documentId));
    if (!found) {
        return core::Error(stock_errc::kDocumentNotFound, "no stock document " + documentId, "documentId");
    }
    return std::move(*found);
}

core::Json StockService::toJson(const StockDocument& d)
{
    core::Json lines = core::Json::array();
    for (const auto& line : d.lines) {
        core::Json l = {
            {"position", line.position},
            {"productId", line.productId},
            {"sku", line.sku},
            {"name", line.name},
            {"unit", core::measureUnitName(line.unit)},
            {d.kind == StockDocumentKind::Inventory ? "countedQuantity" : "quantity", line.quantity.toDouble()}};
        if (!line.barcode.empty()) {
            l["barcode"] = line.barcode;
        }
        if (line.cost) {
            l["cost"] = line.cost->toDouble();
        }
        if (!line.reason.empty()) {
            l["reason"] = line.reason;
        }
        lines.push_back(std::move(l));
    }
    core::Json out = {{"id", d.id},
                      {"kind", store::stockDocumentKindName(d.kind)},
                      {"number", d.number},
                      {"status", store::stockDocumentStatusName(d.status)},
                      {"createdAt", d.createdAtUs},
                      {"employeeId", d.employeeId},
                      {"lineCount", d.lines.empty() ? d.lineCount : static_cast<int>(d.lines.size())}};
    if (d.postedAtUs) {
        out["postedAt"] = *d.postedAtUs;
        out["postedBy"] = d.postedBy;
    }
    if (!d.supplier.empty()) {
        out["supplier"] = d.supplier;
    }
    if (!d.reason.empty()) {
        out["reason"] = d.reason;
    }
    if (!d.note.empty()) {
        out["note"] = d.note;
    }
    if (!d.lines.empty() || d.lineCount == 0) {
        out["lines"] = std::move(lines);
    }
    return out;
}

core::Result<core::Json> StockService::eventPayload(const StockDocument& d)
{
    core::Json lines = core::Json::array();
    core::Money totalCost;
    bool anyCost = false;
    for (const auto& line : d.lines) {
        core::Json l = {{"position", line.position},
                        {"productId", line.productId},
                        {"sku", line.sku},
                        {"name", line.name},
                        {"unit", core::measureUnitCode(line.unit)}};
        if (!line.barcode.empty()) {
            l["barcode"] = line.barcode;
        }
        if (d.kind == StockDocumentKind::Inventory) {
            l["countedQuantity"] = line.quantity.thousandths();
        } else {
            l["quantity"] = line.quantity.thousandths();
        }
        if (line.cost) {
            SIGMA_ASSIGN_OR_RETURN(const core::Money amount, line.cost->checkedTimes(line.quantity));
            SIGMA_ASSIGN_OR_RETURN(totalCost, totalCost.checkedAdd(amount));
            anyCost = true;
            l["cost"] = line.cost->kopecks();
            l["amount"] = amount.kopecks();
        }
        if (!line.reason.empty()) {
            l["reason"] = line.reason;
        }
        lines.push_back(std::move(l));
    }
    core::Json payload = {{"documentId", d.id},
                          {"kind", store::stockDocumentKindName(d.kind)},
                          {"number", d.number},
                          {"createdAt", d.createdAtUs},
                          {"postedAt", d.postedAtUs.value_or(0)},
                          {"employeeId", d.employeeId},
                          {"postedBy", d.postedBy},
                          {"lines", std::move(lines)}};
    if (!d.supplier.empty()) {
        payload["supplier"] = d.supplier;
    }
    if (!d.reason.empty()) {
        payload["reason"] = d.reason;
    }
    if (!d.note.empty()) {
        payload["note"] = d.note;
    }
    if (anyCost) {
        payload["totalCost"] = totalCost.kopecks();
    }
    return payload;
}

} // namespace sigma::till
