#pragma once

#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/PaymentObject.h"
#include "core/Quantity.h"
#include "core/VatRate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// A table on the hall map (a grid of cells; one table per cell).
struct HallTable {
    std::string id;
    std::string name;
    int x = 0;
    int y = 0;
    int seats = 4;
};

/// What the hall map shows for a table.
enum class TableState {
    Free = 1,
    Occupied,    ///< an open order
    BillPrinted, ///< an open order whose pre-bill was printed and not changed since
};

struct ModifierOption {
    std::string name;
    core::Money priceDelta; ///< added to the product's price (may be zero)
};

/// A modifier group attached to products: "Молоко": обычное / овсяное +50 ₽.
struct ModifierGroup {
    std::string id;
    std::string name;
    bool required = false;
    int minChoices = 0;
    int maxChoices = 1;
    std::vector<ModifierOption> options;
};

/// One choice on an order line, as stored (names kept: the group may change later).
struct ChosenModifier {
    std::string groupId;
    std::string group;
    std::string option;
    core::Money priceDelta;
};

struct OrderLine {
    int position = 0;
    std::string productId;
    std::string sku;
    std::string name;
    std::string categoryId;
    core::Money basePrice;
    core::Money unitPrice; ///< base + modifiers
    core::Quantity quantity;
    core::MeasureUnit unit = core::MeasureUnit::Piece;
    core::VatRate vat = core::VatRate::Vat22;
    core::PaymentObject paymentObject = core::PaymentObject::Commodity;
    std::vector<ChosenModifier> modifiers;
    std::string comment;
    core::Quantity sentQuantity; ///< what the kitchen has been told
    std::int64_t addedAtUs = 0;

    [[nodiscard]] bool removed() const { return quantity.thousandths() == 0; }
};

/// One part of the bill: one receipt.
struct BillPart {
    int part = 0;
    std::string receiptId; ///< the checkout's UUID, fixed when the part is made
    core::Money amount;
    struct Line {
        int position = 0;
        core::Quantity quantity;
        core::Money amount;
    };
    std::vector<Line> lines;
    bool paid = false;
};

enum class OrderStatus {
    Open = 1,
    Paid,
    Cancelled,
    Merged,
};

struct Order {
    std::string id;
    std::int64_t number = 0;
    std::string tableId;
    std::string tableName;
    OrderStatus status = OrderStatus::Open;
    int guests = 1;
    std::string waiterId;
    std::int64_t openedAtUs = 0;
    std::int64_t updatedAtUs = 0;
    std::optional<std::int64_t> closedAtUs;
    std::optional<std::int64_t> billPrintedAtUs;
    std::string cancelReason;
    std::string mergedInto;
    std::string carriedShiftId; ///< the shift whose close it was carried past
    std::string carryReason;
    std::vector<OrderLine> lines; ///< by position, removed ones included
    std::vector<BillPart> parts;
    core::Money total;            ///< the sum of the lines' amounts (unit price × quantity, rounded)
};

} // namespace sigma::till
