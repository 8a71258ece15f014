#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// Kind of a receipt (признак расчёта), tag 1054; `name` is the ATOL task type.
enum class ReceiptOperation {
    Sale = 1,
    SaleReturn,
    Purchase,
    PurchaseReturn,
};

inline constexpr EnumTable<ReceiptOperation, 4> kReceiptOperations = {{
    {ReceiptOperation::Sale, "sell", 1, "Приход"},
    {ReceiptOperation::SaleReturn, "sellReturn", 2, "Возврат прихода"},
    {ReceiptOperation::Purchase, "buy", 3, "Расход"},
    {ReceiptOperation::PurchaseReturn, "buyReturn", 4, "Возврат расхода"},
}};

Result<ReceiptOperation> parseReceiptOperation(std::string_view name);
std::string_view receiptOperationName(ReceiptOperation operation);
int receiptOperationCode(ReceiptOperation operation);
/// Money flows back to the buyer (sale return) or from the seller (purchase).
bool isReturn(ReceiptOperation operation);

} // namespace sigma::core
