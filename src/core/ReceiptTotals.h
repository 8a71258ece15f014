#pragma once

#include "core/Money.h"
#include "core/VatRate.h"

#include <vector>

namespace sigma::core {

/// A line after calculation. `amount` is authoritative (it goes to the register); `price` is
/// amount / quantity rounded to the kopeck, so price × quantity may differ from amount by up to
/// half a kopeck per unit.
struct LineTotals {
    Money baseAmount;      ///< round half up (unit price × quantity)
    Money lineDiscount;    ///< the line's own discount
    Money receiptDiscount; ///< this line's share of the receipt discount
    Money amount;          ///< baseAmount − lineDiscount − receiptDiscount
    Money price;           ///< amount / quantity, rounded half up
    Money vat;             ///< VAT included in amount
    VatRate vatRate = VatRate::Vat22;
};

/// VAT of the receipt at one rate: the sum of its lines' VAT, never recomputed from the base.
struct VatTotal {
    VatRate rate = VatRate::Vat22;
    Money base; ///< sum of the amounts of lines at this rate
    Money vat;  ///< sum of the VAT of lines at this rate
};

struct ReceiptTotals {
    std::vector<LineTotals> lines;
    Money subtotal;      ///< sum of base amounts
    Money discountTotal; ///< all discounts
    Money total;         ///< sum of line amounts, what the buyer pays
    std::vector<VatTotal> vat; ///< one per rate used, in VAT table order
    Money cashPaid;
    Money nonCashPaid;
    Money change; ///< cash handed back
    Money due;    ///< still to pay; zero when fully paid
};

} // namespace sigma::core
