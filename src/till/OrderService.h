#pragma once

#include "core/Receipt.h"
#include "till/CheckoutService.h"
#include "till/FoodTypes.h"
#include "till/ModifierService.h"
#include "till/ProductLookup.h"
#include "till/TillContext.h"

#include <optional>
#include <vector>

namespace sigma::till {

/// What a waiter adds to an order.
struct NewOrderLine {
    std::string productId; ///< either the catalog id ...
    std::string sku;       ///< ... or the SKU
    core::Quantity quantity = core::Quantity::pieces(1);
    std::vector<ModifierChoice> modifiers;
    std::string comment; ///< for the kitchen: "без лука"
};

/// A split by lines: for each part, which lines and how much of each.
struct SplitPart {
    struct Take {
        int position = 0;
        core::Quantity quantity;
    };
    std::vector<Take> lines;
};

/// Paying one part (or the whole order).
struct OrderPayment {
    std::optional<int> part; ///< empty: the first unpaid part
    std::vector<core::Payment> payments;
    bool electronically = false;
    std::string customerContact;
};

struct OrderPayResult {
    CheckoutResult checkout;
    Order order;
};

/// Table orders of the food app: open per table, lines with modifiers and comments, guests, the
/// pre-bill, splitting the bill (by lines or equally into N), moving and merging between tables,
/// paying each part through the same CheckoutService as trade, and cancelling with a reason.
///
/// Every change commits with a `food.order` journal event carrying the whole order
/// (docs/sync-protocol.md). Money is exact: a split's parts add up to the order to the kopeck
/// (largest remainder, like core::ReceiptCalculator).
class OrderService {
public:
    OrderService(TillContext& context, ProductLookup& lookup);

    /// Opens an order on a free table (kTableBusy when it has one already).
    core::Result<Order> open(const std::string& tableIdOrName, int guests, const Cashier& waiter);
    core::Result<OrderLine> addLine(const std::string& orderId, const NewOrderLine& input);
    /// Zero removes the line (it stays, so the kitchen gets a cancel line for what it had).
    core::Status setQuantity(const std::string& orderId, int position, core::Quantity quantity);
    core::Status removeLine(const std::string& orderId, int position);
    core::Status setComment(const std::string& orderId, int position, const std::string& comment);
    core::Status setGuests(const std::string& orderId, int guests);

    core::Result<Order> find(const std::string& orderId);
    /// The open order of a table (by id or name), kOrderNotFound when it is free.
    core::Result<Order> onTable(const std::string& tableIdOrName);
    core::Result<std::vector<Order>> openOrders();

    /// Moves the order to a free table.
    core::Result<Order> move(const std::string& orderId, const std::string& tableIdOrName);
    /// Moves every line of `fromOrderId` into `intoOrderId` (what the kitchen had, it keeps, so
    /// the target's next send does not repeat it; the stations get one "moved" ticket);
    /// the first order ends as `merged`.
    core::Result<Order> merge(const std::string& fromOrderId, const std::string& intoOrderId);

    core::Result<Order> splitEqually(const std::string& orderId, int parts);
    core::Result<Order> splitByLines(const std::string& orderId, const std::vector<SplitPart>& parts);

    /// The pre-bill (пречек): a non-fiscal printout on the register; the table shows "bill printed".
    core::Result<Order> printPreBill(const std::string& orderId);
    /// Pays a part (the whole order when not split). When every part is fiscalized the order is
    /// paid and the table free. A retry of a part reuses its receipt UUID: never charged twice.
    core::Result<OrderPayResult> pay(const std::string& orderId, const OrderPayment& payment, const Cashier& cashier);
    /// Cancels with a reason; the stations that have lines of the order get a cancel ticket (with
    /// the reason) queued in the same transaction. An order the kitchen never saw makes none.
    core::Result<Order> cancel(const std::string& orderId, const std::string& reason, const Cashier& cashier);

    /// Lets the current shift close with this order still open (a table that stays past the
    /// close): the reason and who gave it go to the journal. The next shift's close asks again.
    core::Result<Order> carryOver(const std::string& orderId, const std::string& reason, const Cashier& cashier);

    /// Refuses (kOpenOrdersBlockShift) while any order is open and not carried over past this
    /// shift's close: ShiftService::close asks this.
    static core::Status checkShiftCanClose(TillContext& context);

    /// `amount` in parts proportional to `weights` by the largest remainder: the parts add up to
    /// `amount` exactly. Ties go to the part `rotate` places first (to spread an equal split's
    /// odd kopecks over the parts).
    static std::vector<core::Money> splitAmount(core::Money amount, const std::vector<std::int64_t>& weights,
                                                std::size_t rotate = 0);
    /// A line's amount: round half up (unit price × quantity), as the calculator does.
    static core::Money lineAmount(const OrderLine& line);
    /// The name printed on the receipt: the product and its modifiers.
    static std::string receiptName(const OrderLine& line);

    [[nodiscard]] static core::Json toJson(const Order& order);
    [[nodiscard]] static core::Json eventPayload(const Order& order);
    static std::string_view statusName(OrderStatus status);

    static constexpr int kMaxParts = 20;
    static constexpr std::size_t kMaxLines = 500;

private:
    core::Result<Order> load(const std::string& orderId);
    core::Result<Order> openOrder(const std::string& orderId);
    /// After a change: the pre-bill and an unpaid split no longer hold; journal the order.
    core::Status changed(const std::string& orderId);
    core::Status journal(const std::string& orderId);
    core::Status saveParts(const Order& order, const std::vector<BillPart>& parts);
    core::Result<BillPart> wholePart(const Order& order, int number);

    TillContext& m_context;
    ProductLookup& m_lookup;
};

} // namespace sigma::till
