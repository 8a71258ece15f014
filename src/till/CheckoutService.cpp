#include "till/CheckoutService.h"

#include "core/ErrorCodes.h"
#include "core/ReceiptCalculator.h"
#include "core/Uuid.h"
#include "devices/PaymentTerminal.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/FiscalParams.h"
#include "till/RecoveryService.h"
#include "till/TillErrors.h"

namespace sigma::till {
namespace {

std::string operationName(const CheckoutRequest& request)
{
    const auto op = request.receipt.operation;
    if (request.correction) {
        return op == core::ReceiptOperation::Purchase || op == core::ReceiptOperation::PurchaseReturn
                   ? "buyCorrection"
                   : "sellCorrection";
    }
    return std::string(core::receiptOperationName(op));
}

} // namespace

core::Json CheckoutResult::toJson() const
{
    core::Json lines = core::Json::array();
    std::map<std::string, core::Money> vat;
    for (const auto& line : receipt.lines) {
        lines.push_back({{"name", line.name},
                         {"price", line.price.toDouble()},
                         {"quantity", line.quantity.toDouble()},
                         {"amount", line.amount.toDouble()},
                         {"discount", (line.lineDiscount + line.receiptDiscount).toDouble()},
                         {"tax", line.vatRate},
                         {"vatSum", line.vatSum.toDouble()}});
        vat[line.vatRate] += line.vatSum;
    }
    core::Json vatJson = core::Json::array();
    for (const auto& row : core::VatTable::standard().rows()) {
        if (auto it = vat.find(std::string(row.atolName)); it != vat.end()) {
            vatJson.push_back({{"tax", it->first}, {"sum", it->second.toDouble()}});
        }
    }
    core::Json payments = core::Json::array();
    for (const auto& p : receipt.payments) {
        core::Json payment = {{"type", p.type}, {"sum", p.sum.toDouble()}};
        if (!p.cardStatus.empty()) {
            payment["card"] = {{"status", p.cardStatus}, {"authCode", p.authCode}, {"rrn", p.rrn}};
        }
        payments.push_back(std::move(payment));
    }
    core::Json out = {{"uuid", receipt.id},
                      {"status", receipt.status},
                      {"operation", receipt.operation},
                      {"total", receipt.total.toDouble()},
                      {"change", receipt.change.toDouble()},
                      {"discount", receipt.discountTotal.toDouble()},
                      {"vat", std::move(vatJson)},
                      {"lines", std::move(lines)},
                      {"payments", std::move(payments)},
                      {"fiscalParams", receipt.fiscalParams.is_null() ? core::Json::object() : receipt.fiscalParams}};
    if (receipt.originalId) {
        out["original"] = *receipt.originalId;
    }
    if (!receipt.failure.empty()) {
        out["failure"] = receipt.failure;
    }
    if (problem) {
        out["problem"] = {{"code", problem->code}, {"message", problem->message}};
    }
    return out;
}

core::Json receiptEventPayload(const store::ReceiptRecord& r)
{
    core::Json lines = core::Json::array();
    for (const auto& l : r.lines) {
        core::Json line = {{"position", l.position},
                           {"name", l.name},
                           {"sku", l.sku},
                           {"barcode", l.barcode},
                           {"unitPrice", l.unitPrice.kopecks()},
                           {"quantity", l.quantity.thousandths()},
                           {"unit", l.unit},
                           {"vatRate", l.vatRate},
                           {"paymentMethod", l.paymentMethod},
                           {"paymentObject", l.paymentObject},
                           {"lineDiscount", l.lineDiscount.kopecks()},
                           {"receiptDiscount", l.receiptDiscount.kopecks()},
                           {"amount", l.amount.kopecks()},
                           {"price", l.price.kopecks()},
                           {"vatSum", l.vatSum.kopecks()}};
        if (!l.productId.empty()) {
            line["productId"] = l.productId;
        }
        if (l.staffId) {
            line["staffId"] = *l.staffId;
        }
        if (l.originalPosition) {
            line["originalPosition"] = *l.originalPosition;
        }
        if (l.markingCode) {
            line["markingCode"] = *l.markingCode;
        }
        lines.push_back(std::move(line));
    }
    core::Json payments = core::Json::array();
    for (const auto& p : r.payments) {
        core::Json payment = {{"type", p.type}, {"sum", p.sum.kopecks()}};
        if (!p.cardStatus.empty()) {
            payment["card"] = {{"status", p.cardStatus}, {"authCode", p.authCode}, {"rrn", p.rrn}};
        }
        payments.push_back(std::move(payment));
    }
    core::Json fiscal = core::Json::object();
    if (r.fiscalParams.is_object()) {
        for (const char* key : {"fiscalDocumentNumber", "fiscalReceiptNumber", "shiftNumber"}) {
            if (r.fiscalParams.contains(key) && r.fiscalParams[key].is_number_integer()) {
                fiscal[key] = r.fiscalParams[key];
            }
        }
        for (const char* key : {"fiscalDocumentSign", "fiscalDocumentDateTime", "fnNumber", "registrationNumber"}) {
            if (r.fiscalParams.contains(key) && r.fiscalParams[key].is_string()) {
                fiscal[key] = r.fiscalParams[key];
            }
        }
    }
    core::Json payload = {{"receiptId", r.id},
                          {"shiftId", r.shiftId},
                          {"operation", r.operation},
                          {"cashierId", r.cashierId},
                          {"createdAt", r.createdAtUs},
                          {"vatDate", r.vatDate},
                          {"total", r.total.kopecks()},
                          {"discountTotal", r.discountTotal.kopecks()},
                          {"change", r.change.kopecks()},
                          {"lines", std::move(lines)},
                          {"payments", std::move(payments)},
                          {"fiscal", std::move(fiscal)}};
    if (!r.customerContact.empty()) {
        payload["customerContact"] = r.customerContact;
    }
    if (r.originalId) {
        payload["originalReceiptId"] = *r.originalId;
    }
    if (r.customerId) {
        payload["customerId"] = *r.customerId;
    }
    return payload;
}

CheckoutService::CheckoutService(TillContext& context) : m_context(context) {}

std::string CheckoutService::receiptTag(const std::string& uuid)
{
    auto parsed = core::Uuid::parse(uuid);
    const std::string canonical = parsed ? parsed->toString() : uuid;
    // The last 16 hex digits: 62 random bits of a UUID v7, unique enough among one register's
    // documents, and within tag 1192's 16 characters.
    std::string tag;
    for (char c : canonical.substr(19)) {
        if (c != '-') {
            tag += c;
        }
    }
    return tag.substr(0, 16);
}

std::string CheckoutService::cardOperationId(const std::string& receiptId, int position)
{
    return receiptId + "/" + std::to_string(position);
}

core::Status CheckoutService::checkShift(std::string& shiftId)
{
    SIGMA_ASSIGN_OR_RETURN(auto shift, m_context.shifts().current());
    if (!shift) {
        return core::Error(errc::kNoOpenShift, "no open shift: open a shift first");
    }
    if (m_context.nowUs() - shift->openedAtUs > TillContext::kShiftLimitUs) {
        return core::Error(errc::kShiftExpired,
                           "the shift is older than 24 hours: close it (Z report) and open a new one");
    }
    shiftId = shift->id;
    return core::ok();
}

core::Result<store::ReceiptRecord> CheckoutService::buildRecord(const CheckoutRequest& request,
                                                                const core::ReceiptTotals& totals,
                                                                const std::string& shiftId, std::uint32_t lastDocument,
                                                                const core::Json& task)
{
    const auto& vatTable = core::VatTable::standard();
    store::ReceiptRecord r;
    r.id = request.uuid;
    r.shiftId = shiftId;
    r.operation = operationName(request);
    r.status = "pending";
    r.createdAtUs = m_context.nowUs();
    r.cashierId = request.cashier.employeeId;
    r.total = totals.total;
    r.discountTotal = totals.discountTotal;
    r.change = totals.change;
    r.vatDate = core::formatDate(request.receipt.vatDate);
    r.customerContact = request.receipt.customerContact;
    r.originalId = request.originalReceiptId;
    if (!request.customerId.empty()) {
        r.customerId = request.customerId;
    }
    r.registerLastDocument = lastDocument;
    r.task = task;
    for (std::size_t i = 0; i < request.receipt.lines.size(); ++i) {
        const auto& in = request.receipt.lines[i];
        const auto& out = totals.lines[i];
        store::ReceiptLineRecord line;
        line.position = static_cast<int>(i);
        if (i < request.origins.size()) {
            const auto& origin = request.origins[i];
            line.productId = origin.productId;
            line.sku = origin.sku;
            line.barcode = origin.barcode;
            if (!origin.staffId.empty()) {
                line.staffId = origin.staffId;
            }
            line.originalPosition = origin.originalPosition;
        }
        if (line.sku.empty()) {
            line.sku = in.productRef;
        }
        line.name = in.name;
        line.unitPrice = in.unitPrice;
        line.quantity = in.quantity;
        line.unit = core::measureUnitCode(in.unit);
        line.vatRate = vatTable.info(out.vatRate).atolName;
        line.paymentMethod = core::paymentMethodName(in.paymentMethod);
        line.paymentObject = core::paymentObjectName(in.paymentObject);
        line.lineDiscount = out.lineDiscount;
        line.receiptDiscount = out.receiptDiscount;
        line.amount = out.amount;
        line.price = out.price;
        line.vatSum = out.vat;
        line.markingCode = in.markingCode;
        r.lines.push_back(std::move(line));
    }
    for (std::size_t i = 0; i < request.receipt.payments.size(); ++i) {
        const auto& in = request.receipt.payments[i];
        store::ReceiptPaymentRecord payment;
        payment.position = static_cast<int>(i);
        payment.type = core::paymentTypeName(in.type);
        payment.sum = in.sum;
        if (in.type == core::PaymentType::Electronically) {
            payment.cardOperationId = cardOperationId(r.id, payment.position);
        }
        r.payments.push_back(std::move(payment));
    }
    return r;
}

core::Status CheckoutService::authorizeCards(store::ReceiptRecord& record, const CheckoutRequest& request)
{
    auto& receipts = m_context.receipts();
    for (auto& payment : record.payments) {
        if (payment.type != "electronically") {
            continue;
        }
        devices::PaymentTerminal* terminal = m_context.payment();
        if (terminal == nullptr) {
            return core::Error(errc::kNoPaymentTerminal, "no payment terminal is configured for card payments");
        }
        const bool refund = core::isReturn(request.receipt.operation);
        auto auth = refund ? terminal->refund(payment.cardOperationId, payment.sum, request.originalRrn)
                           : terminal->authorize(payment.cardOperationId, payment.sum);
        if (!auth) {
            return core::Error(errc::kCardFailed, "card payment did not go through: " + auth.error().message);
        }
        if (auth->status != devices::CardAuthorization::Status::Approved) {
            SIGMA_TRY(m_context.database().durableTransaction([&] {
                return receipts.updateCard(record.id, payment.position, "declined", "", "");
            }));
            return core::Error(errc::kCardDeclined, "card declined: " + auth->message);
        }
        payment.cardStatus = refund ? "refunded" : "approved";
        payment.authCode = auth->authCode;
        payment.rrn = auth->rrn;
        // The approval is on disk before the register is asked for the receipt.
        SIGMA_TRY(m_context.database().durableTransaction([&] {
            return receipts.updateCard(record.id, payment.position, payment.cardStatus, payment.authCode, payment.rrn);
        }));
    }
    return core::ok();
}

core::Result<CheckoutResult> CheckoutService::checkout(CheckoutRequest request)
{
    if (request.uuid.empty()) {
        request.uuid = m_context.newId();
    } else {
        SIGMA_ASSIGN_OR_RETURN(auto uuid, core::Uuid::parse(request.uuid));
        request.uuid = uuid.toString();
    }
    auto& receipts = m_context.receipts();

    // Idempotency: a UUID seen before returns what happened to it, and never reaches a device again.
    SIGMA_ASSIGN_OR_RETURN(auto existing, receipts.find(request.uuid));
    if (existing) {
        if (existing->status == "pending") {
            RecoveryReport report;
            (void)RecoveryService(m_context).reconcile(request.uuid, report);
            SIGMA_ASSIGN_OR_RETURN(existing, receipts.find(request.uuid));
        }
        CheckoutResult result{*existing, std::nullopt};
        if (existing->status == "pending") {
            result.problem = core::Error(errc::kReceiptPending, "the register has not confirmed this receipt yet");
        }
        return result;
    }

    std::string shiftId;
    SIGMA_TRY(checkShift(shiftId));
    SIGMA_ASSIGN_OR_RETURN(core::ReceiptTotals totals, core::ReceiptCalculator().settle(request.receipt));

    // The register's last document number: recovery looks for this receipt after it.
    SIGMA_ASSIGN_OR_RETURN(auto status, m_context.fiscal().execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetFnStatus)));
    const auto lastDocument = status["fnStatus"].value("lastDocumentNumber", 0U);

    const fiscal::Operator op{request.cashier.name, request.cashier.inn};
    const core::Json task =
        request.correction
            ? fiscal::TaskBuilder::correction(request.receipt, totals, op, request.correctionBase)
            : fiscal::TaskBuilder::receipt(request.receipt, totals, op, request.electronically, receiptTag(request.uuid));
    core::Json sentTask = task;
    if (request.correction) {
        sentTask["additionalAttribute"] = receiptTag(request.uuid);
    }
    SIGMA_ASSIGN_OR_RETURN(store::ReceiptRecord record, buildRecord(request, totals, shiftId, lastDocument, sentTask));

    // Phase 1: pending, durable.
    SIGMA_TRY(m_context.database().durableTransaction([&] { return receipts.insertPending(record); }));

    if (auto cards = authorizeCards(record, request); !cards) {
        // No document was asked for: the receipt fails, and a card already approved for it is
        // given back.
        SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
            SIGMA_TRY(receipts.markFailed(record.id, cards.error().message));
            SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append(
                                                   "receipt.failed", {{"receiptId", record.id},
                                                                      {"reason", cards.error().message},
                                                                      {"code", cards.error().code}}));
            (void)event;
            return core::ok();
        }));
        RecoveryReport report;
        (void)RecoveryService(m_context).reverseApprovedCards(record.id, report);
        return cards.error();
    }

    // Phase 2: the register.
    auto answer = m_context.fiscal().execute(sentTask);
    if (answer) {
        auto params = fiscal::parseFiscalParams(*answer);
        if (params) {
            core::Json paramsJson = fiscal::toJson(*params);
            SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
                SIGMA_TRY(receipts.markFiscalized(record.id, params->fiscalDocumentNumber, params->fiscalDocumentSign,
                                                  paramsJson, m_context.nowUs()));
                record.status = "fiscalized";
                record.fiscalDocumentNumber = params->fiscalDocumentNumber;
                record.fiscalSign = params->fiscalDocumentSign;
                record.fiscalParams = paramsJson;
                SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("receipt.fiscalized",
                                                                              receiptEventPayload(record)));
                (void)event;
                return core::ok();
            }));
            SIGMA_ASSIGN_OR_RETURN(auto stored, receipts.find(record.id));
            return CheckoutResult{*stored, std::nullopt};
        }
    }

    // Phase 3 did not happen cleanly: ask the register what it did.
    const core::Error problem = answer ? core::Error(fiscal::atol::kJsonInvalidValue, "the register's answer had no "
                                                                                      "fiscal parameters")
                                       : answer.error();
    RecoveryService recovery(m_context);
    RecoveryReport report;
    auto after = recovery.reconcile(record.id, report);
    SIGMA_ASSIGN_OR_RETURN(auto stored, receipts.find(record.id));
    CheckoutResult result{*stored, problem};
    if (stored->status == "fiscalized" && problem.code == fiscal::atol::kNoPaper) {
        result.problem = core::Error(problem.code, "the receipt is fiscalized, but printing stopped: load paper and "
                                                   "continue printing");
    } else if (stored->status == "fiscalized") {
        result.problem.reset(); // the answer was lost, the document is there: nothing to do
    } else if (stored->status == "failed") {
        return problem;
    }
    (void)after;
    return result;
}

} // namespace sigma::till
