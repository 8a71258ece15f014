#pragma once

#include "core/Date.h"
#include "core/Discount.h"
#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/PaymentMethod.h"
#include "core/PaymentObject.h"
#include "core/PaymentType.h"
#include "core/Quantity.h"
#include "core/ReceiptOperation.h"
#include "core/TaxSystem.h"
#include "core/VatRate.h"

#include <optional>
#include <string>
#include <vector>

namespace sigma::core {

/// One position of a receipt as the cashier rang it: before any calculation.
struct ReceiptLine {
    std::string name;
    std::string productRef;              ///< catalog id or SKU; empty for a free-price line
    Money unitPrice;                     ///< price of one unit before discounts
    Quantity quantity = Quantity::pieces(1);
    MeasureUnit unit = MeasureUnit::Piece;
    VatRate vat = VatRate::Vat22;
    PaymentMethod paymentMethod = PaymentMethod::FullPayment;
    PaymentObject paymentObject = PaymentObject::Commodity;
    std::optional<Discount> discount;    ///< line discount, applied before the receipt's
    std::optional<std::string> markingCode; ///< Честный знак DataMatrix (tag 2000), raw with GS separators
    /// The line amount before discounts, when it is not price × quantity: a return of part of a
    /// discounted line refunds exactly what was paid for it (see till::ReturnService).
    std::optional<Money> amountOverride;
};

/// A payment offered for the receipt.
struct Payment {
    PaymentType type = PaymentType::Cash;
    Money sum;
};

/// A receipt to be computed: lines, an optional receipt discount, payments and the buyer's contact.
struct Receipt {
    ReceiptOperation operation = ReceiptOperation::Sale;
    TaxSystem taxSystem = TaxSystem::Osn;
    /// The date whose VAT rates apply: today for a sale, the original sale's date for a return.
    Date vatDate{};
    std::vector<ReceiptLine> lines;
    std::optional<Discount> discount;
    std::vector<Payment> payments;
    std::string customerContact; ///< phone or e-mail for the electronic receipt (tag 1008)
};

} // namespace sigma::core
