#include "fiscal/TaskBuilder.h"

namespace sigma::fiscal {
namespace {

core::Json operatorJson(const Operator& op)
{
    core::Json json = {{"name", op.name}};
    if (!op.vatin.empty()) {
        json["vatin"] = op.vatin;
    }
    return json;
}

core::Json receiptBody(std::string_view type, const core::Receipt& receipt, const core::ReceiptTotals& totals,
                       const Operator& op, bool electronically)
{
    const auto& vatTable = core::VatTable::standard();
    core::Json items = core::Json::array();
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        const core::ReceiptLine& line = receipt.lines[i];
        const core::LineTotals& out = totals.lines[i];
        core::Json item = {
            {"type", "position"},
            {"name", line.name},
            {"price", out.price.toDouble()},
            {"quantity", line.quantity.toDouble()},
            {"amount", out.amount.toDouble()},
            {"measurementUnit", core::measureUnitCode(line.unit)},
            {"paymentMethod", core::paymentMethodName(line.paymentMethod)},
            {"paymentObject", core::paymentObjectName(line.paymentObject)},
            {"tax", {{"type", vatTable.info(out.vatRate).atolName}, {"sum", out.vat.toDouble()}}},
        };
        if (const auto discount = out.lineDiscount + out.receiptDiscount; discount.isPositive()) {
            item["infoDiscountAmount"] = discount.toDouble();
        }
        if (line.markingCode) {
            item["markingCode"] = *line.markingCode;
        }
        items.push_back(std::move(item));
    }
    core::Json payments = core::Json::array();
    for (const core::Payment& payment : receipt.payments) {
        payments.push_back({{"type", core::paymentTypeName(payment.type)}, {"sum", payment.sum.toDouble()}});
    }
    core::Json task = {
        {"type", type},
        {"taxationType", core::taxSystemName(receipt.taxSystem)},
        {"electronically", electronically},
        {"operator", operatorJson(op)},
        {"items", std::move(items)},
        {"payments", std::move(payments)},
        {"total", totals.total.toDouble()},
    };
    if (!receipt.customerContact.empty()) {
        task["clientInfo"] = {{"emailOrPhone", receipt.customerContact}};
    }
    return task;
}

} // namespace

core::Json TaskBuilder::receipt(const core::Receipt& receipt, const core::ReceiptTotals& totals, const Operator& op,
                                bool electronically, const std::string& receiptTag)
{
    core::Json task = receiptBody(core::receiptOperationName(receipt.operation), receipt, totals, op, electronically);
    if (!receiptTag.empty()) {
        task["additionalAttribute"] = receiptTag;
    }
    return task;
}

core::Json TaskBuilder::correction(const core::Receipt& receipt, const core::ReceiptTotals& totals, const Operator& op,
                                   const CorrectionBase& base)
{
    const bool purchase = receipt.operation == core::ReceiptOperation::Purchase ||
                          receipt.operation == core::ReceiptOperation::PurchaseReturn;
    core::Json task = receiptBody(purchase ? "buyCorrection" : "sellCorrection", receipt, totals, op, false);
    task["correctionType"] = base.type;
    task["correctionBaseDate"] = base.date;
    if (!base.number.empty()) {
        task["correctionBaseNumber"] = base.number;
    }
    return task;
}

core::Json TaskBuilder::simple(TaskType type, const Operator& op)
{
    core::Json task = {{"type", taskTypeName(type)}};
    if (!op.name.empty()) {
        task["operator"] = operatorJson(op);
    }
    return task;
}

core::Json TaskBuilder::cash(TaskType type, core::Money sum, const Operator& op)
{
    return {{"type", taskTypeName(type)}, {"cashSum", sum.toDouble()}, {"operator", operatorJson(op)}};
}

core::Json TaskBuilder::fnDocument(std::uint32_t fiscalDocumentNumber, bool withRawData)
{
    return {{"type", "getFnDocument"}, {"fiscalDocumentNumber", fiscalDocumentNumber}, {"withRawData", withRawData}};
}

core::Json TaskBuilder::nonFiscal(const std::vector<std::string>& lines)
{
    core::Json items = core::Json::array();
    for (const auto& line : lines) {
        items.push_back({{"type", "text"}, {"text", line}});
    }
    return {{"type", "nonFiscal"}, {"items", std::move(items)}};
}

} // namespace sigma::fiscal
