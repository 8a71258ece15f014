#pragma once

#include "core/Receipt.h"
#include "core/ReceiptTotals.h"
#include "core/VatRate.h"

namespace sigma::core {

/// Computes a receipt exactly, in kopecks, with the rounding rules of FISCAL.md. Pure: no I/O,
/// no clock, the same input always gives the same output.
///
/// - line base = round half up (unit price × quantity); line discount taken from it;
/// - the receipt discount is spread over the lines in proportion to their amounts by the largest
///   remainder method: every line gets the floor of its exact share, and the kopecks left over go
///   one each to the lines with the largest remainders (ties: larger amount, then earlier line).
///   So the lines always add up to the total exactly, no line gets more than its exact share
///   rounded up, and no line goes negative;
/// - line VAT = round half up (amount × r / (100 + r)); VAT per rate = sum of line VATs;
/// - change only from cash: non-cash payments above the total are refused.
class ReceiptCalculator {
public:
    /// Receipts with more lines are refused (a hostile input guard; real receipts are far smaller).
    static constexpr std::size_t kMaxLines = 1000;

    explicit ReceiptCalculator(const VatTable& vatTable = VatTable::standard());

    /// Validates lines, discounts and any payments given, and computes every figure. A partly
    /// paid receipt is fine here (`due` says what remains): this is what the cart screen shows.
    [[nodiscard]] Result<ReceiptTotals> calculate(const Receipt& receipt) const;

    /// calculate(), and then the receipt must be fully paid: what checkout needs.
    [[nodiscard]] Result<ReceiptTotals> settle(const Receipt& receipt) const;

private:
    [[nodiscard]] Status checkLine(const ReceiptLine& line, const Receipt& receipt) const;
    [[nodiscard]] Status distributeReceiptDiscount(const Receipt& receipt, ReceiptTotals& totals) const;
    [[nodiscard]] Status applyPayments(const Receipt& receipt, ReceiptTotals& totals) const;

    const VatTable& m_vatTable;
};

} // namespace sigma::core
