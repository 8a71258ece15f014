#pragma once

#include "core/ExactJson.h"
#include "core/Receipt.h"
#include "core/ReceiptTotals.h"

namespace sigma::core {

/// Reads a cart as JSON (the shape `sigmactl receipt compute` takes, see docs/cli.md) into a
/// Receipt. `today` is used when the cart names no "date". Unknown fields are ignored; every
/// wrong value is reported with its path ("lines[1].price").
Result<Receipt> receiptFromJson(const Json& cart, Date today, const VatTable& vatTable = VatTable::standard());

/// The computed receipt as JSON: total, change, due, discounts, VAT by rate, lines, payments.
Json totalsToJson(const Receipt& receipt, const ReceiptTotals& totals, const VatTable& vatTable = VatTable::standard());

/// Discount from {"percent": 5} or {"sum": 100.00}.
Result<Discount> discountFromJson(const Json& value, const std::string& field);

} // namespace sigma::core
