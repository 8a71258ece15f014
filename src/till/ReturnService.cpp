#include "till/ReturnService.h"

#include "core/ErrorCodes.h"
#include "core/Int128.h"
#include "till/TillErrors.h"

namespace sigma::till {

ReturnService::ReturnService(TillContext& context) : m_context(context) {}

core::Result<CheckoutResult> ReturnService::returnByReceipt(const std::string& originalId,
                                                            const std::vector<ReturnLine>& lines,
                                                            const Cashier& cashier, const std::string& uuid)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_context.receipts().find(originalId));
    if (!found) {
        return core::Error(errc::kReceiptNotFound, "no receipt " + originalId);
    }
    const store::ReceiptRecord& original = *found;
    if (original.status != "fiscalized" || original.operation != "sell") {
        return core::Error(errc::kNotReturnable, "only a fiscalized sale can be returned (this one is " +
                                                     original.operation + ", " + original.status + ")");
    }
    if (lines.empty()) {
        return core::Error(core::errc::kEmptyReceipt, "choose at least one line to return", "lines");
    }
    SIGMA_ASSIGN_OR_RETURN(auto returnedQuantity, m_context.receipts().returnedQuantities(originalId));
    SIGMA_ASSIGN_OR_RETURN(auto returnedAmount, m_context.receipts().returnedAmounts(originalId));
    SIGMA_ASSIGN_OR_RETURN(core::Date vatDate, core::parseDate(original.vatDate));

    CheckoutRequest request;
    request.uuid = uuid;
    request.cashier = cashier;
    request.originalReceiptId = originalId;
    request.receipt.operation = core::ReceiptOperation::SaleReturn;
    request.receipt.vatDate = vatDate; // the sale's VAT rates, e.g. 20% for a 2025 sale
    request.receipt.customerContact = original.customerContact;
    request.customerId = original.customerId.value_or(""); // the return is on the customer's card too
    const auto& vatTable = core::VatTable::standard();
    core::Money refund;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const ReturnLine& wanted = lines[i];
        const std::string field = "lines[" + std::to_string(i) + "]";
        const store::ReceiptLineRecord* sold = nullptr;
        for (const auto& line : original.lines) {
            if (line.position == wanted.originalPosition) {
                sold = &line;
            }
        }
        if (sold == nullptr) {
            return core::Error(errc::kNotReturnable, "the receipt has no line " + std::to_string(wanted.originalPosition),
                               field + ".position");
        }
        if (!wanted.quantity.isPositive()) {
            return core::Error(core::errc::kNonPositiveQuantity, "quantity must be above zero", field + ".quantity");
        }
        const std::int64_t already = returnedQuantity[sold->position];
        const std::int64_t left = sold->quantity.thousandths() - already;
        if (wanted.quantity.thousandths() > left) {
            return core::Error(errc::kReturnExceedsSale,
                               "'" + sold->name + "': " + core::Quantity::fromThousandths(left).toString() +
                                   " left to return, asked " + wanted.quantity.toString(),
                               field + ".quantity");
        }
        // The amount actually paid for that share of the line; the last return gets exactly what
        // is left, so the returns of a line never add up to more than was paid.
        core::Money amount;
        if (wanted.quantity.thousandths() == left) {
            amount = sold->amount - returnedAmount[sold->position];
        } else {
            amount = core::Money::fromKopecks(static_cast<std::int64_t>(core::divideRoundHalfUp(
                static_cast<core::Int128>(sold->amount.kopecks()) * wanted.quantity.thousandths(),
                sold->quantity.thousandths())));
        }
        core::ReceiptLine line;
        line.name = sold->name;
        line.productRef = sold->sku;
        line.unitPrice = sold->price;
        line.quantity = wanted.quantity;
        SIGMA_ASSIGN_OR_RETURN(line.unit, core::measureUnitFromCode(sold->unit));
        SIGMA_ASSIGN_OR_RETURN(line.vat, vatTable.fromAtolName(sold->vatRate));
        SIGMA_ASSIGN_OR_RETURN(line.paymentMethod, core::parsePaymentMethod(sold->paymentMethod));
        SIGMA_ASSIGN_OR_RETURN(line.paymentObject, core::parsePaymentObject(sold->paymentObject));
        line.markingCode = sold->markingCode;
        line.amountOverride = amount;
        request.receipt.lines.push_back(std::move(line));
        request.origins.push_back({sold->productId, sold->sku, sold->barcode, sold->staffId.value_or(""),
                                   sold->position});
        refund += amount;
    }

    // Money goes back the way it came: to the card first up to what the card paid, the rest cash.
    core::Money cardPaid;
    std::string rrn;
    for (const auto& payment : original.payments) {
        if (payment.type == "electronically" && (payment.cardStatus == "approved" || payment.cardStatus.empty())) {
            cardPaid += payment.sum;
            rrn = payment.rrn;
        }
    }
    core::Money cardRefunded;
    SIGMA_ASSIGN_OR_RETURN(auto refundedRows,
                           m_context.database().connection().queryOne(
                               "SELECT COALESCE(SUM(p.sum), 0) FROM receipt_payments p JOIN receipts r ON r.id = "
                               "p.receipt_id WHERE r.original_id = $1 AND r.status IN ('pending', 'fiscalized') AND "
                               "p.type = 'electronically'",
                               {originalId}));
    if (refundedRows) {
        cardRefunded = core::Money::fromKopecks(refundedRows->int64(0));
    }
    const core::Money cardLeft = cardPaid - cardRefunded;
    const core::Money toCard = cardLeft < refund ? cardLeft : refund;
    if (toCard.isPositive()) {
        request.receipt.payments.push_back({core::PaymentType::Electronically, toCard});
        request.originalRrn = rrn;
    }
    if (refund - toCard > core::Money()) {
        request.receipt.payments.push_back({core::PaymentType::Cash, refund - toCard});
    }
    return CheckoutService(m_context).checkout(std::move(request));
}

core::Result<CheckoutResult> ReturnService::freeForm(core::Receipt receipt, const Cashier& cashier,
                                                     const std::string& approvedBy, const std::string& uuid)
{
    if (approvedBy.empty()) {
        return core::Error(errc::kSeniorApprovalRequired, "a return without a receipt needs a senior cashier's approval");
    }
    receipt.operation = core::ReceiptOperation::SaleReturn;
    CheckoutRequest request;
    request.uuid = uuid;
    request.cashier = cashier;
    request.receipt = std::move(receipt);
    return CheckoutService(m_context).checkout(std::move(request));
}

} // namespace sigma::till
