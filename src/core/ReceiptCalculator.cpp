#include "core/ReceiptCalculator.h"

#include "core/ErrorCodes.h"
#include "core/Int128.h"

#include <algorithm>
#include <numeric>

namespace sigma::core {
namespace {

std::string lineField(std::size_t index, const char* field)
{
    return "lines[" + std::to_string(index) + "]." + field;
}

// amount / quantity to the kopeck, half up; quantity is positive.
Money unitPriceOf(Money amount, Quantity quantity)
{
    const Int128 numerator = static_cast<Int128>(amount.kopecks()) * 1000;
    return Money::fromKopecks(static_cast<std::int64_t>(divideRoundHalfUp(numerator, quantity.thousandths())));
}

} // namespace

ReceiptCalculator::ReceiptCalculator(const VatTable& vatTable) : m_vatTable(vatTable) {}

Status ReceiptCalculator::checkLine(const ReceiptLine& line, const Receipt& receipt) const
{
    if (line.name.empty()) {
        return Error(errc::kEmptyLineName, "line has no name", "name");
    }
    if (!line.quantity.isPositive()) {
        return Error(errc::kNonPositiveQuantity, "quantity must be above zero, got " + line.quantity.toString(),
                     "quantity");
    }
    if (line.quantity.thousandths() > Quantity::kMaxThousandths) {
        return Error(errc::kQuantityOutOfRange, "quantity " + line.quantity.toString() + " is beyond the limit",
                     "quantity");
    }
    if (!measureUnitAllowsFractions(line.unit) && !line.quantity.isWhole()) {
        return Error(errc::kFractionalPieces,
                     "quantity " + line.quantity.toString() + " of a piece item must be whole", "quantity");
    }
    if (line.unitPrice.isNegative()) {
        return Error(errc::kNegativePrice, "price must not be negative, got " + line.unitPrice.toString(), "price");
    }
    if (!line.unitPrice.withinRegisterLimit()) {
        return Error(errc::kMoneyOutOfRange, "price " + line.unitPrice.toString() + " is beyond the register limit",
                     "price");
    }
    if (auto valid = m_vatTable.checkValidOn(line.vat, receipt.vatDate); !valid) {
        return valid.error().inField("tax");
    }
    return ok();
}

Result<ReceiptTotals> ReceiptCalculator::calculate(const Receipt& receipt) const
{
    if (!receipt.vatDate.ok()) {
        return Error(errc::kBadDate, "receipt date (whose VAT rates apply) is not set", "date");
    }
    if (receipt.lines.empty()) {
        return Error(errc::kEmptyReceipt, "receipt has no lines", "lines");
    }
    if (receipt.lines.size() > kMaxLines) {
        return Error(errc::kTooManyLines,
                     "receipt has " + std::to_string(receipt.lines.size()) + " lines, at most " +
                         std::to_string(kMaxLines) + " are allowed",
                     "lines");
    }

    ReceiptTotals totals;
    totals.lines.reserve(receipt.lines.size());
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        const ReceiptLine& line = receipt.lines[i];
        if (auto checked = checkLine(line, receipt); !checked) {
            return checked.error().inField("lines[" + std::to_string(i) + "]");
        }
        LineTotals out;
        out.vatRate = line.vat;
        if (line.amountOverride) {
            if (line.amountOverride->isNegative()) {
                return Error(errc::kNegativePrice, "line amount must not be negative", lineField(i, "amount"));
            }
            out.baseAmount = *line.amountOverride;
        } else {
            SIGMA_ASSIGN_OR_RETURN(out.baseAmount, line.unitPrice.checkedTimes(line.quantity));
        }
        if (!out.baseAmount.withinRegisterLimit()) {
            return Error(errc::kMoneyOutOfRange,
                         "line amount " + out.baseAmount.toString() + " is beyond the register limit",
                         lineField(i, "quantity"));
        }
        if (line.discount) {
            out.lineDiscount = line.discount->on(out.baseAmount);
            if (out.lineDiscount.isNegative() || out.lineDiscount > out.baseAmount) {
                return Error(errc::kDiscountAboveAmount,
                             "line discount " + out.lineDiscount.toString() + " is above the line amount " +
                                 out.baseAmount.toString(),
                             lineField(i, "discount"));
            }
        }
        out.amount = out.baseAmount - out.lineDiscount;
        totals.subtotal = totals.subtotal + out.baseAmount;
        totals.lines.push_back(out);
    }

    SIGMA_TRY(distributeReceiptDiscount(receipt, totals));

    for (std::size_t i = 0; i < totals.lines.size(); ++i) {
        LineTotals& out = totals.lines[i];
        out.price = unitPriceOf(out.amount, receipt.lines[i].quantity);
        out.vat = m_vatTable.vatIncluded(out.vatRate, out.amount);
        totals.total = totals.total + out.amount;
        totals.discountTotal = totals.discountTotal + out.lineDiscount + out.receiptDiscount;
    }
    if (!totals.total.withinRegisterLimit()) {
        return Error(errc::kMoneyOutOfRange, "receipt total " + totals.total.toString() + " is beyond the register limit",
                     "lines");
    }

    for (const auto& row : m_vatTable.rows()) {
        VatTotal vatTotal;
        vatTotal.rate = row.rate;
        bool used = false;
        for (const auto& out : totals.lines) {
            if (out.vatRate == row.rate) {
                vatTotal.base = vatTotal.base + out.amount;
                vatTotal.vat = vatTotal.vat + out.vat;
                used = true;
            }
        }
        if (used) {
            totals.vat.push_back(vatTotal);
        }
    }

    SIGMA_TRY(applyPayments(receipt, totals));
    return totals;
}

Status ReceiptCalculator::distributeReceiptDiscount(const Receipt& receipt, ReceiptTotals& totals) const
{
    if (!receipt.discount) {
        return ok();
    }
    Money afterLineDiscounts;
    for (const auto& out : totals.lines) {
        afterLineDiscounts = afterLineDiscounts + out.amount;
    }
    const Money discount = receipt.discount->on(afterLineDiscounts);
    if (discount.isNegative() || discount > afterLineDiscounts) {
        return Error(errc::kDiscountAboveAmount,
                     "receipt discount " + discount.toString() + " is above the receipt amount " +
                         afterLineDiscounts.toString(),
                     "discount");
    }
    if (discount.isZero()) {
        return ok();
    }

    const Int128 whole = afterLineDiscounts.kopecks();
    const std::size_t n = totals.lines.size();
    std::vector<Int128> remainders(n);
    std::int64_t handedOut = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Int128 exact = static_cast<Int128>(discount.kopecks()) * totals.lines[i].amount.kopecks();
        const auto share = static_cast<std::int64_t>(exact / whole);
        remainders[i] = exact % whole;
        totals.lines[i].receiptDiscount = Money::fromKopecks(share);
        handedOut += share;
    }

    // The leftover kopecks (fewer than the number of lines) go to the largest remainders.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainders[a] != remainders[b]) {
            return remainders[a] > remainders[b];
        }
        if (totals.lines[a].amount != totals.lines[b].amount) {
            return totals.lines[a].amount > totals.lines[b].amount;
        }
        return a < b;
    });
    std::int64_t leftover = discount.kopecks() - handedOut;
    for (std::size_t k = 0; leftover > 0; ++k, --leftover) {
        LineTotals& out = totals.lines[order[k]];
        out.receiptDiscount = out.receiptDiscount + Money::fromKopecks(1);
    }
    for (auto& out : totals.lines) {
        out.amount = out.amount - out.receiptDiscount;
    }
    return ok();
}

Status ReceiptCalculator::applyPayments(const Receipt& receipt, ReceiptTotals& totals) const
{
    for (std::size_t i = 0; i < receipt.payments.size(); ++i) {
        const Payment& payment = receipt.payments[i];
        const std::string field = "payments[" + std::to_string(i) + "].sum";
        if (!payment.sum.isPositive()) {
            return Error(errc::kNonPositivePayment, "payment sum must be above zero, got " + payment.sum.toString(),
                         field);
        }
        if (!payment.sum.withinRegisterLimit()) {
            return Error(errc::kMoneyOutOfRange, "payment " + payment.sum.toString() + " is beyond the register limit",
                         field);
        }
        if (payment.type == PaymentType::Cash) {
            totals.cashPaid = totals.cashPaid + payment.sum;
        } else {
            totals.nonCashPaid = totals.nonCashPaid + payment.sum;
        }
    }
    if (totals.nonCashPaid > totals.total) {
        return Error(errc::kNonCashOverpayment,
                     "non-cash payments " + totals.nonCashPaid.toString() + " exceed the total " +
                         totals.total.toString() + ": change is given only from cash",
                     "payments");
    }
    const Money paid = totals.cashPaid + totals.nonCashPaid;
    if (paid >= totals.total) {
        totals.change = paid - totals.total;
    } else {
        totals.due = totals.total - paid;
    }
    return ok();
}

Result<ReceiptTotals> ReceiptCalculator::settle(const Receipt& receipt) const
{
    SIGMA_ASSIGN_OR_RETURN(ReceiptTotals totals, calculate(receipt));
    if (totals.due.isPositive()) {
        return Error(errc::kNotFullyPaid,
                     "receipt is not fully paid: total " + totals.total.toString() + ", paid " +
                         (totals.cashPaid + totals.nonCashPaid).toString() + ", due " + totals.due.toString(),
                     "payments");
    }
    return totals;
}

} // namespace sigma::core
