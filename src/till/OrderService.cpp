#include "till/OrderService.h"

#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "core/Int128.h"
#include "fiscal/TaskBuilder.h"
#include "till/FoodErrors.h"
#include "till/HallService.h"
#include "till/KitchenService.h"
#include "till/TillErrors.h"

#include <algorithm>
#include <numeric>

namespace sigma::till {
namespace {

const core::VatTable& vatTable()
{
    return core::VatTable::standard();
}

core::Status checkGuests(int guests)
{
    if (guests < 1 || guests > 99) {
        return core::Error(food_errc::kBadGuests, "guests must be 1-99", "guests");
    }
    return core::ok();
}

core::Status checkComment(const std::string& comment)
{
    if (comment.size() > 200) {
        return core::Error(core::errc::kInvalidArgument, "a comment is at most 200 bytes", "comment");
    }
    return core::ok();
}

core::Result<OrderStatus> parseStatus(const std::string& text)
{
    if (text == "open") {
        return OrderStatus::Open;
    }
    if (text == "paid") {
        return OrderStatus::Paid;
    }
    if (text == "cancelled") {
        return OrderStatus::Cancelled;
    }
    if (text == "merged") {
        return OrderStatus::Merged;
    }
    return core::Error(core::errc::kInternal, "unknown order status " + text);
}

core::Json modifiersJson(const std::vector<ChosenModifier>& modifiers, bool forPeople)
{
    core::Json out = core::Json::array();
    for (const auto& m : modifiers) {
        core::Json entry = {{"groupId", m.groupId}, {"group", m.group}, {"option", m.option}};
        if (forPeople) {
            entry["priceDelta"] = m.priceDelta.toDouble();
        } else {
            entry["priceDelta"] = m.priceDelta.kopecks();
        }
        out.push_back(std::move(entry));
    }
    return out;
}

core::Status checkQuantity(const OrderLine& line, core::Quantity quantity, bool zeroAllowed)
{
    if (quantity.thousandths() < 0 || (!zeroAllowed && quantity.thousandths() == 0)) {
        return core::Error(core::errc::kNonPositiveQuantity, "quantity must be above zero", "quantity");
    }
    if (quantity.thousandths() > core::Quantity::kMaxThousandths) {
        return core::Error(core::errc::kQuantityOutOfRange, "quantity is beyond 99 999.999", "quantity");
    }
    if (!core::measureUnitAllowsFractions(line.unit) && !quantity.isWhole()) {
        return core::Error(core::errc::kFractionalPieces, "'" + line.name + "' is counted in pieces", "quantity");
    }
    return core::ok();
}

constexpr const char* kOrderColumns =
    "o.id, o.number, COALESCE(o.table_id, ''), COALESCE(t.name, ''), o.status, o.guests, o.waiter_id, "
    "o.opened_at_us, o.updated_at_us, o.closed_at_us, o.bill_printed_at_us, o.cancel_reason, "
    "COALESCE(o.merged_into, ''), COALESCE(o.carried_shift_id, ''), o.carry_reason";

} // namespace

OrderService::OrderService(TillContext& context, ProductLookup& lookup) : m_context(context), m_lookup(lookup) {}

std::string_view OrderService::statusName(OrderStatus status)
{
    switch (status) {
    case OrderStatus::Open: return "open";
    case OrderStatus::Paid: return "paid";
    case OrderStatus::Cancelled: return "cancelled";
    case OrderStatus::Merged: return "merged";
    }
    return "open";
}

core::Money OrderService::lineAmount(const OrderLine& line)
{
    const core::Int128 exact = core::Int128(line.unitPrice.kopecks()) * line.quantity.thousandths();
    return core::Money::fromKopecks(static_cast<std::int64_t>((exact + 500) / 1000));
}

std::string OrderService::receiptName(const OrderLine& line)
{
    std::string name = line.name;
    for (std::size_t i = 0; i < line.modifiers.size(); ++i) {
        name += i == 0 ? ", " : " / ";
        name += line.modifiers[i].option;
    }
    // Tag 1030 holds 128 characters; count code points, cut on a character boundary.
    std::size_t chars = 0;
    for (std::size_t i = 0; i < name.size(); ++i) {
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && ++chars > 128) {
            name.resize(i);
            break;
        }
    }
    return name;
}

std::vector<core::Money> OrderService::splitAmount(core::Money amount, const std::vector<std::int64_t>& weights,
                                                   std::size_t rotate)
{
    const std::size_t n = weights.size();
    std::vector<core::Money> out(n, core::Money::zero());
    const core::Int128 whole = std::accumulate(weights.begin(), weights.end(), core::Int128(0));
    if (n == 0 || whole <= 0) {
        return out;
    }
    std::vector<core::Int128> remainders(n);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const core::Int128 exact = core::Int128(amount.kopecks()) * weights[i];
        out[i] = core::Money::fromKopecks(static_cast<std::int64_t>(exact / whole));
        remainders[i] = exact % whole;
        given += out[i].kopecks();
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (remainders[a] != remainders[b]) {
            return remainders[a] > remainders[b];
        }
        return (a + n - rotate % n) % n < (b + n - rotate % n) % n;
    });
    for (std::int64_t left = amount.kopecks() - given, k = 0; left > 0; --left, ++k) {
        out[order[static_cast<std::size_t>(k)]] += core::Money::fromKopecks(1);
    }
    return out;
}

core::Result<Order> OrderService::load(const std::string& orderId)
{
    auto& db = m_context.database().connection();
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne(std::string("SELECT ") + kOrderColumns +
                                                     " FROM food_orders o LEFT JOIN food_tables t ON t.id = o.table_id "
                                                     "WHERE o.id = $1",
                                                 {orderId}));
    if (!row) {
        return core::Error(food_errc::kOrderNotFound, "no order " + orderId, "orderId");
    }
    Order order;
    order.id = row->text(0);
    order.number = row->int64(1);
    order.tableId = row->text(2);
    order.tableName = row->text(3);
    SIGMA_ASSIGN_OR_RETURN(order.status, parseStatus(row->text(4)));
    order.guests = static_cast<int>(row->int64(5));
    order.waiterId = row->text(6);
    order.openedAtUs = row->int64(7);
    order.updatedAtUs = row->int64(8);
    order.closedAtUs = row->optionalInt64(9);
    order.billPrintedAtUs = row->optionalInt64(10);
    order.cancelReason = row->text(11);
    order.mergedInto = row->text(12);
    order.carriedShiftId = row->text(13);
    order.carryReason = row->text(14);

    SIGMA_ASSIGN_OR_RETURN(
        auto lines,
        db.query("SELECT position, product_id, sku, name, category_id, base_price, unit_price, quantity, unit, vat, "
                 "payment_object, modifiers, comment, sent_quantity, added_at_us FROM food_order_lines WHERE "
                 "order_id = $1 ORDER BY position",
                 {orderId}));
    order.total = core::Money::zero();
    for (const auto& l : lines) {
        OrderLine line;
        line.position = static_cast<int>(l.int64(0));
        line.productId = l.text(1);
        line.sku = l.text(2);
        line.name = l.text(3);
        line.categoryId = l.text(4);
        line.basePrice = core::Money::fromKopecks(l.int64(5));
        line.unitPrice = core::Money::fromKopecks(l.int64(6));
        line.quantity = core::Quantity::fromThousandths(l.int64(7));
        SIGMA_ASSIGN_OR_RETURN(line.unit, core::measureUnitFromCode(static_cast<int>(l.int64(8))));
        SIGMA_ASSIGN_OR_RETURN(line.vat, vatTable().fromAtolName(l.text(9)));
        SIGMA_ASSIGN_OR_RETURN(line.paymentObject, core::parsePaymentObject(l.text(10)));
        SIGMA_ASSIGN_OR_RETURN(auto modifiers, core::parseJsonExact(l.text(11)));
        for (const auto& m : modifiers) {
            line.modifiers.push_back({m.value("groupId", std::string()), m.value("group", std::string()),
                                      m.value("option", std::string()),
                                      core::Money::fromKopecks(m.value("priceDelta", std::int64_t{0}))});
        }
        line.comment = l.text(12);
        line.sentQuantity = core::Quantity::fromThousandths(l.int64(13));
        line.addedAtUs = l.int64(14);
        order.total += lineAmount(line);
        order.lines.push_back(std::move(line));
    }

    SIGMA_ASSIGN_OR_RETURN(auto parts, db.query("SELECT part, receipt_id, amount, lines, status FROM food_order_parts "
                                                "WHERE order_id = $1 ORDER BY part",
                                                {orderId}));
    for (const auto& p : parts) {
        BillPart part;
        part.part = static_cast<int>(p.int64(0));
        part.receiptId = p.text(1);
        part.amount = core::Money::fromKopecks(p.int64(2));
        SIGMA_ASSIGN_OR_RETURN(auto partLines, core::parseJsonExact(p.text(3)));
        for (const auto& pl : partLines) {
            part.lines.push_back({pl.value("position", 0), core::Quantity::fromThousandths(pl.value("quantity", std::int64_t{0})),
                                  core::Money::fromKopecks(pl.value("amount", std::int64_t{0}))});
        }
        part.paid = p.text(4) == "paid";
        order.parts.push_back(std::move(part));
    }
    return order;
}

core::Result<Order> OrderService::openOrder(const std::string& orderId)
{
    SIGMA_ASSIGN_OR_RETURN(auto order, load(orderId));
    if (order.status != OrderStatus::Open) {
        return core::Error(food_errc::kOrderNotOpen,
                           "order No. " + std::to_string(order.number) + " is " + std::string(statusName(order.status)),
                           "orderId");
    }
    return order;
}

core::Status OrderService::journal(const std::string& orderId)
{
    SIGMA_ASSIGN_OR_RETURN(auto order, load(orderId));
    SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("food.order", eventPayload(order)));
    (void)event;
    return core::ok();
}

core::Status OrderService::changed(const std::string& orderId)
{
    auto& db = m_context.database().connection();
    // A part whose receipt reached checkout (paid, or pending at the register) is money taken.
    SIGMA_ASSIGN_OR_RETURN(auto paid, db.queryOne("SELECT COUNT(*) FROM food_order_parts p WHERE p.order_id = $1 AND "
                                                  "(p.status = 'paid' OR EXISTS (SELECT 1 FROM receipts r WHERE r.id "
                                                  "= p.receipt_id AND r.status <> 'failed'))",
                                                  {orderId}));
    if (paid && paid->int64(0) > 0) {
        return core::Error(food_errc::kOrderPartlyPaid,
                           "part of this order's bill is paid: pay the rest or cancel, it cannot change now", "orderId");
    }
    SIGMA_TRY(db.execute("DELETE FROM food_order_parts WHERE order_id = $1", {orderId}));
    SIGMA_TRY(db.execute("UPDATE food_orders SET updated_at_us = $2, bill_printed_at_us = NULL WHERE id = $1",
                         {orderId, m_context.nowUs()}));
    return journal(orderId);
}

core::Result<Order> OrderService::open(const std::string& tableIdOrName, int guests, const Cashier& waiter)
{
    SIGMA_TRY(checkGuests(guests));
    HallService hall(m_context);
    SIGMA_ASSIGN_OR_RETURN(auto table, hall.resolve(tableIdOrName));
    const std::string id = m_context.newId();
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        auto& db = m_context.database().connection();
        SIGMA_ASSIGN_OR_RETURN(auto busy, db.queryOne("SELECT number FROM food_orders WHERE table_id = $1 AND status = "
                                                      "'open'",
                                                      {table.id}));
        if (busy) {
            return core::Error(food_errc::kTableBusy,
                               "table \"" + table.name + "\" has open order No. " + std::to_string(busy->int64(0)),
                               "table");
        }
        SIGMA_ASSIGN_OR_RETURN(auto next, db.queryOne("SELECT COALESCE(MAX(number), 0) + 1 FROM food_orders"));
        const auto now = m_context.nowUs();
        SIGMA_TRY(db.execute("INSERT INTO food_orders (id, number, table_id, status, guests, waiter_id, opened_at_us, "
                             "updated_at_us) VALUES ($1, $2, $3, 'open', $4, $5, $6, $6)",
                             {id, next->int64(0), table.id, guests, waiter.employeeId, now}));
        return journal(id);
    }));
    return load(id);
}

core::Result<OrderLine> OrderService::addLine(const std::string& orderId, const NewOrderLine& input)
{
    SIGMA_TRY(checkComment(input.comment));
    if (input.productId.empty() == input.sku.empty()) {
        return core::Error(core::errc::kInvalidArgument, "give either the product id or the SKU", "sku");
    }
    SIGMA_ASSIGN_OR_RETURN(auto product, input.sku.empty() ? m_lookup.byId(input.productId) : m_lookup.bySku(input.sku));
    SIGMA_ASSIGN_OR_RETURN(auto modifiers, ModifierService(m_context).validate(product.id, input.modifiers));
    OrderLine line;
    line.productId = product.id;
    line.sku = product.sku;
    line.name = product.name;
    line.categoryId = product.categoryId;
    line.basePrice = product.price;
    line.unitPrice = product.price;
    for (const auto& m : modifiers) {
        line.unitPrice += m.priceDelta;
    }
    if (line.unitPrice.isNegative()) {
        return core::Error(core::errc::kNegativePrice, "the modifiers take the price below zero", "modifiers");
    }
    line.unit = product.unit;
    line.vat = product.vat;
    line.paymentObject = product.paymentObject;
    line.modifiers = std::move(modifiers);
    line.comment = input.comment;
    line.addedAtUs = m_context.nowUs();
    SIGMA_TRY(checkQuantity(line, input.quantity, false));
    line.quantity = input.quantity;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        if (order.lines.size() >= kMaxLines) {
            return core::Error(core::errc::kTooManyLines, "an order holds at most 500 lines", "lines");
        }
        line.position = order.lines.empty() ? 0 : order.lines.back().position + 1;
        SIGMA_TRY(m_context.database().connection().execute(
            "INSERT INTO food_order_lines (order_id, position, product_id, sku, name, category_id, base_price, "
            "unit_price, quantity, unit, vat, payment_object, modifiers, comment, added_at_us) VALUES ($1, $2, $3, $4, "
            "$5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
            {orderId, line.position, line.productId, line.sku, line.name, line.categoryId, line.basePrice.kopecks(),
             line.unitPrice.kopecks(), line.quantity.thousandths(), core::measureUnitCode(line.unit),
             vatTable().info(line.vat).atolName, core::paymentObjectName(line.paymentObject),
             modifiersJson(line.modifiers, false).dump(), line.comment, line.addedAtUs}));
        return changed(orderId);
    }));
    return line;
}

core::Status OrderService::setQuantity(const std::string& orderId, int position, core::Quantity quantity)
{
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        for (const auto& line : order.lines) {
            if (line.position == position && !line.removed()) {
                SIGMA_TRY(checkQuantity(line, quantity, true));
                SIGMA_TRY(m_context.database().connection().execute(
                    "UPDATE food_order_lines SET quantity = $3 WHERE order_id = $1 AND position = $2",
                    {orderId, position, quantity.thousandths()}));
                return changed(orderId);
            }
        }
        return core::Error(food_errc::kLineNotFound, "no line " + std::to_string(position), "position");
    });
}

core::Status OrderService::removeLine(const std::string& orderId, int position)
{
    return setQuantity(orderId, position, core::Quantity::fromThousandths(0));
}

core::Status OrderService::setComment(const std::string& orderId, int position, const std::string& comment)
{
    SIGMA_TRY(checkComment(comment));
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        (void)order;
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_order_lines SET comment = $3 WHERE order_id = $1 AND position = $2 AND quantity > 0",
            {orderId, position, comment}));
        if (m_context.database().connection().changes() == 0) {
            return core::Error(food_errc::kLineNotFound, "no line " + std::to_string(position), "position");
        }
        return changed(orderId);
    });
}

core::Status OrderService::setGuests(const std::string& orderId, int guests)
{
    SIGMA_TRY(checkGuests(guests));
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        (void)order;
        SIGMA_TRY(m_context.database().connection().execute("UPDATE food_orders SET guests = $2 WHERE id = $1",
                                                            {orderId, guests}));
        return journal(orderId);
    });
}

core::Result<Order> OrderService::find(const std::string& orderId)
{
    return load(orderId);
}

core::Result<Order> OrderService::onTable(const std::string& tableIdOrName)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, HallService(m_context).resolve(tableIdOrName));
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         "SELECT id FROM food_orders WHERE table_id = $1 AND status = 'open'", {table.id}));
    if (!row) {
        return core::Error(food_errc::kOrderNotFound, "table \"" + table.name + "\" has no open order", "table");
    }
    return load(row->text(0));
}

core::Result<std::vector<Order>> OrderService::openOrders()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          "SELECT id FROM food_orders WHERE status = 'open' ORDER BY number"));
    std::vector<Order> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto order, load(row.text(0)));
        out.push_back(std::move(order));
    }
    return out;
}

core::Result<Order> OrderService::move(const std::string& orderId, const std::string& tableIdOrName)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, HallService(m_context).resolve(tableIdOrName));
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        if (order.tableId == table.id) {
            return core::ok();
        }
        auto& db = m_context.database().connection();
        SIGMA_ASSIGN_OR_RETURN(auto busy, db.queryOne("SELECT number FROM food_orders WHERE table_id = $1 AND status = "
                                                      "'open'",
                                                      {table.id}));
        if (busy) {
            return core::Error(food_errc::kTableBusy,
                               "table \"" + table.name + "\" has open order No. " + std::to_string(busy->int64(0)) +
                                   ": merge the orders instead",
                               "table");
        }
        // The stations that cook for this order learn where to serve it (the ticket names the old table).
        SIGMA_ASSIGN_OR_RETURN(auto tickets, KitchenService(m_context).tellStations(orderId, TicketLineKind::Moved,
                                                                                    "ПЕРЕНЕСЁН НА СТОЛ " + table.name));
        (void)tickets;
        SIGMA_TRY(db.execute("UPDATE food_orders SET table_id = $2, updated_at_us = $3 WHERE id = $1",
                             {orderId, table.id, m_context.nowUs()}));
        return journal(orderId);
    }));
    return load(orderId);
}

core::Result<Order> OrderService::merge(const std::string& fromOrderId, const std::string& intoOrderId)
{
    if (fromOrderId == intoOrderId) {
        return core::Error(core::errc::kInvalidArgument, "an order cannot be merged into itself", "into");
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto from, openOrder(fromOrderId));
        SIGMA_ASSIGN_OR_RETURN(auto into, openOrder(intoOrderId));
        if (into.lines.size() + from.lines.size() > kMaxLines) {
            return core::Error(core::errc::kTooManyLines, "the merged order would hold over 500 lines", "lines");
        }
        SIGMA_TRY(changed(fromOrderId)); // refuses a partly paid order
        auto& db = m_context.database().connection();
        // The merged lines keep what the kitchen was told (sent quantity, comment, station), so the
        // target's next send does not repeat them; the stations that cook them get one "moved" note.
        SIGMA_ASSIGN_OR_RETURN(auto tickets,
                               KitchenService(m_context).tellStations(
                                   fromOrderId, TicketLineKind::Moved,
                                   "ПЕРЕНЕСЁН НА СТОЛ " + into.tableName + ", ЗАКАЗ №" + std::to_string(into.number)));
        (void)tickets;
        const int offset = into.lines.empty() ? 0 : into.lines.back().position + 1;
        SIGMA_TRY(db.execute("UPDATE food_order_lines SET order_id = $2, position = position + $3 WHERE order_id = $1",
                             {fromOrderId, intoOrderId, offset}));
        SIGMA_TRY(db.execute("UPDATE food_orders SET guests = MIN(99, guests + $2) WHERE id = $1",
                             {intoOrderId, from.guests}));
        SIGMA_TRY(db.execute("UPDATE food_orders SET status = 'merged', merged_into = $2, closed_at_us = $3, "
                             "updated_at_us = $3 WHERE id = $1",
                             {fromOrderId, intoOrderId, m_context.nowUs()}));
        SIGMA_TRY(journal(fromOrderId));
        return changed(intoOrderId);
    }));
    return load(intoOrderId);
}

core::Status OrderService::saveParts(const Order& order, const std::vector<BillPart>& parts)
{
    auto& db = m_context.database().connection();
    SIGMA_TRY(db.execute("DELETE FROM food_order_parts WHERE order_id = $1", {order.id}));
    for (const auto& part : parts) {
        core::Json lines = core::Json::array();
        for (const auto& l : part.lines) {
            lines.push_back({{"position", l.position}, {"quantity", l.quantity.thousandths()}, {"amount", l.amount.kopecks()}});
        }
        SIGMA_TRY(db.execute("INSERT INTO food_order_parts (order_id, part, receipt_id, amount, lines, status) VALUES "
                             "($1, $2, $3, $4, $5, $6)",
                             {order.id, part.part, part.receiptId, part.amount.kopecks(), lines.dump(),
                              part.paid ? "paid" : "unpaid"}));
    }
    return core::ok();
}

core::Result<Order> OrderService::splitEqually(const std::string& orderId, int parts)
{
    if (parts < 2 || parts > kMaxParts) {
        return core::Error(food_errc::kBadSplit, "split into 2-20 parts", "parts");
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        SIGMA_TRY(changed(orderId));
        std::vector<BillPart> bill(static_cast<std::size_t>(parts));
        std::size_t rotate = 0;
        for (const auto& line : order.lines) {
            if (line.removed()) {
                continue;
            }
            const core::Money amount = lineAmount(line);
            const auto shares = splitAmount(amount, std::vector<std::int64_t>(bill.size(), 1), rotate);
            rotate = (rotate + static_cast<std::size_t>(amount.kopecks() % parts)) % bill.size();
            for (std::size_t k = 0; k < bill.size(); ++k) {
                if (shares[k].isPositive()) {
                    bill[k].lines.push_back({line.position, line.quantity, shares[k]});
                    bill[k].amount += shares[k];
                }
            }
        }
        for (std::size_t k = 0; k < bill.size(); ++k) {
            if (!bill[k].amount.isPositive()) {
                return core::Error(food_errc::kBadSplit, "the order is too small for " + std::to_string(parts) + " parts",
                                   "parts");
            }
            bill[k].part = static_cast<int>(k) + 1;
            bill[k].receiptId = m_context.newId();
        }
        SIGMA_TRY(saveParts(order, bill));
        return journal(orderId);
    }));
    return load(orderId);
}

core::Result<Order> OrderService::splitByLines(const std::string& orderId, const std::vector<SplitPart>& parts)
{
    if (parts.size() < 2 || parts.size() > static_cast<std::size_t>(kMaxParts)) {
        return core::Error(food_errc::kBadSplit, "split into 2-20 parts", "parts");
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        SIGMA_TRY(changed(orderId));
        std::vector<BillPart> bill(parts.size());
        for (const auto& line : order.lines) {
            if (line.removed()) {
                continue;
            }
            std::vector<std::int64_t> weights(parts.size(), 0);
            std::int64_t taken = 0;
            for (std::size_t k = 0; k < parts.size(); ++k) {
                for (const auto& take : parts[k].lines) {
                    if (take.position == line.position) {
                        const std::string field = "parts[" + std::to_string(k) + "]";
                        if (!take.quantity.isPositive()) {
                            return core::Error(food_errc::kBadSplit, "a part takes a positive quantity", field);
                        }
                        SIGMA_TRY(checkQuantity(line, take.quantity, false));
                        weights[k] += take.quantity.thousandths();
                        taken += take.quantity.thousandths();
                    }
                }
            }
            if (taken != line.quantity.thousandths()) {
                return core::Error(food_errc::kBadSplit,
                                   "line " + std::to_string(line.position) + " ('" + line.name + "'): the parts take " +
                                       core::Quantity::fromThousandths(taken).toString() + " of " +
                                       line.quantity.toString(),
                                   "parts");
            }
            const auto shares = splitAmount(lineAmount(line), weights);
            for (std::size_t k = 0; k < parts.size(); ++k) {
                if (weights[k] > 0) {
                    bill[k].lines.push_back({line.position, core::Quantity::fromThousandths(weights[k]), shares[k]});
                    bill[k].amount += shares[k];
                }
            }
        }
        for (std::size_t k = 0; k < parts.size(); ++k) {
            for (const auto& take : parts[k].lines) {
                const bool known = std::any_of(order.lines.begin(), order.lines.end(), [&](const OrderLine& l) {
                    return l.position == take.position && !l.removed();
                });
                if (!known) {
                    return core::Error(food_errc::kLineNotFound, "no line " + std::to_string(take.position),
                                       "parts[" + std::to_string(k) + "]");
                }
            }
            if (bill[k].lines.empty()) {
                return core::Error(food_errc::kBadSplit, "part " + std::to_string(k + 1) + " is empty",
                                   "parts[" + std::to_string(k) + "]");
            }
            bill[k].part = static_cast<int>(k) + 1;
            bill[k].receiptId = m_context.newId();
        }
        SIGMA_TRY(saveParts(order, bill));
        return journal(orderId);
    }));
    return load(orderId);
}

core::Result<Order> OrderService::printPreBill(const std::string& orderId)
{
    SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
    if (order.total.isZero()) {
        return core::Error(food_errc::kOrderEmpty, "the order has nothing to bill", "orderId");
    }
    std::vector<std::string> text = {"ПРЕЧЕК", "Стол: " + order.tableName + "   Заказ №" + std::to_string(order.number),
                                     "Гостей: " + std::to_string(order.guests), "--------------------------------"};
    for (const auto& line : order.lines) {
        if (line.removed()) {
            continue;
        }
        text.push_back(line.name);
        for (const auto& m : line.modifiers) {
            text.push_back("  + " + m.option + (m.priceDelta.isZero() ? "" : " " + m.priceDelta.format(false)));
        }
        text.push_back("  " + line.quantity.toString() + " x " + line.unitPrice.format(false) + " = " +
                       lineAmount(line).format(false));
    }
    text.push_back("--------------------------------");
    text.push_back("ИТОГО: " + order.total.format(false) + " руб.");
    for (const auto& part : order.parts) {
        text.push_back("Счёт " + std::to_string(part.part) + " из " + std::to_string(order.parts.size()) + ": " +
                       part.amount.format(false) + " руб.");
    }
    text.push_back("Не является фискальным документом");
    SIGMA_ASSIGN_OR_RETURN(auto answer, m_context.fiscal().execute(fiscal::TaskBuilder::nonFiscal(text)));
    (void)answer;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_orders SET bill_printed_at_us = $2 WHERE id = $1 AND status = 'open'", {orderId, m_context.nowUs()}));
        return journal(orderId);
    }));
    return load(orderId);
}

core::Result<BillPart> OrderService::wholePart(const Order& order, int number)
{
    BillPart part;
    part.part = number;
    part.receiptId = m_context.newId();
    for (const auto& line : order.lines) {
        if (!line.removed()) {
            part.lines.push_back({line.position, line.quantity, lineAmount(line)});
            part.amount += lineAmount(line);
        }
    }
    if (part.lines.empty()) {
        return core::Error(food_errc::kOrderEmpty, "the order has nothing to pay for: cancel it instead", "orderId");
    }
    return part;
}

core::Result<OrderPayResult> OrderService::pay(const std::string& orderId, const OrderPayment& payment,
                                               const Cashier& cashier)
{
    SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
    if (order.parts.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto whole, wholePart(order, 1));
        SIGMA_TRY(m_context.database().transaction([&]() -> core::Status { return saveParts(order, {whole}); }));
        order.parts.push_back(std::move(whole));
    }
    const BillPart* part = nullptr;
    for (const auto& p : order.parts) {
        if (payment.part ? p.part == *payment.part : !p.paid) {
            part = &p;
            break;
        }
    }
    if (part == nullptr) {
        return core::Error(food_errc::kBadSplit, "no such unpaid part of the bill", "part");
    }

    std::string receiptId = part->receiptId;
    SIGMA_ASSIGN_OR_RETURN(auto earlier, m_context.receipts().find(receiptId));
    if (earlier && earlier->status == "failed") {
        // The register positively has no such document: this part gets a new receipt.
        receiptId = m_context.newId();
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_order_parts SET receipt_id = $3 WHERE order_id = $1 AND part = $2",
            {orderId, part->part, receiptId}));
    }
    CheckoutRequest request;
    request.uuid = receiptId; // a retry of this part is the same receipt: never charged twice
    request.cashier = cashier;
    request.electronically = payment.electronically;
    request.receipt.vatDate = m_context.today();
    request.receipt.payments = payment.payments;
    request.receipt.customerContact = payment.customerContact;
    for (const auto& take : part->lines) {
        const auto line = std::find_if(order.lines.begin(), order.lines.end(),
                                       [&](const OrderLine& l) { return l.position == take.position; });
        if (line == order.lines.end()) {
            return core::Error(core::errc::kInternal, "the bill names a line the order lacks");
        }
        core::ReceiptLine r;
        r.name = receiptName(*line);
        r.productRef = line->sku.empty() ? line->productId : line->sku;
        r.unitPrice = line->unitPrice;
        r.quantity = take.quantity;
        r.unit = line->unit;
        r.vat = line->vat;
        r.paymentObject = line->paymentObject;
        OrderLine shape = *line;
        shape.quantity = take.quantity;
        if (take.amount != lineAmount(shape)) {
            r.amountOverride = take.amount; // a share of a split line: exactly what this part pays
        }
        request.receipt.lines.push_back(std::move(r));
        request.origins.push_back({line->productId, line->sku, {}, order.waiterId, std::nullopt});
    }
    SIGMA_ASSIGN_OR_RETURN(auto checkout, CheckoutService(m_context).checkout(std::move(request)));
    if (checkout.receipt.status == "fiscalized") {
        SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
            auto& db = m_context.database().connection();
            SIGMA_TRY(db.execute("UPDATE food_order_parts SET status = 'paid' WHERE order_id = $1 AND part = $2",
                                 {orderId, part->part}));
            SIGMA_ASSIGN_OR_RETURN(auto left, db.queryOne("SELECT COUNT(*) FROM food_order_parts WHERE order_id = $1 AND "
                                                          "status = 'unpaid'",
                                                          {orderId}));
            if (left->int64(0) == 0) {
                SIGMA_TRY(db.execute("UPDATE food_orders SET status = 'paid', closed_at_us = $2, updated_at_us = $2 "
                                     "WHERE id = $1",
                                     {orderId, m_context.nowUs()}));
            }
            return journal(orderId);
        }));
    }
    SIGMA_ASSIGN_OR_RETURN(auto after, load(orderId));
    return OrderPayResult{std::move(checkout), std::move(after)};
}

core::Result<Order> OrderService::cancel(const std::string& orderId, const std::string& reason, const Cashier& cashier)
{
    if (reason.empty() || reason.size() > 200) {
        return core::Error(food_errc::kCancelReasonRequired, "say why the order is cancelled (1-200 bytes)", "reason");
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        (void)order;
        SIGMA_TRY(changed(orderId)); // refuses a partly paid order
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_orders SET status = 'cancelled', cancel_reason = $2, closed_at_us = $3, updated_at_us = $3 "
            "WHERE id = $1",
            {orderId, reason + " (" + cashier.name + ")", m_context.nowUs()}));
        // The kitchen stops cooking now, not at some later send: a cancel ticket per station that
        // has lines of this order, in the same transaction as the cancel.
        SIGMA_ASSIGN_OR_RETURN(auto tickets, KitchenService(m_context).tellStations(orderId, TicketLineKind::Cancel,
                                                                                    "ОТМЕНА ЗАКАЗА: " + reason));
        (void)tickets;
        return journal(orderId);
    }));
    return load(orderId);
}

core::Result<Order> OrderService::carryOver(const std::string& orderId, const std::string& reason,
                                           const Cashier& cashier)
{
    if (reason.empty() || reason.size() > 200) {
        return core::Error(food_errc::kCancelReasonRequired, "say why the order stays open (1-200 bytes)", "reason");
    }
    SIGMA_ASSIGN_OR_RETURN(auto shift, m_context.shifts().current());
    if (!shift) {
        return core::Error(errc::kNoOpenShift, "no open shift to carry the order past");
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto order, openOrder(orderId));
        (void)order;
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_orders SET carried_shift_id = $2, carry_reason = $3, updated_at_us = $4 WHERE id = $1",
            {orderId, shift->id, reason + " (" + cashier.name + ")", m_context.nowUs()}));
        return journal(orderId);
    }));
    return load(orderId);
}

core::Status OrderService::checkShiftCanClose(TillContext& context)
{
    SIGMA_ASSIGN_OR_RETURN(auto shift, context.shifts().current());
    const std::string shiftId = shift ? shift->id : std::string();
    SIGMA_ASSIGN_OR_RETURN(auto rows, context.database().connection().query(
                                          "SELECT o.number, COALESCE(t.name, '') FROM food_orders o LEFT JOIN "
                                          "food_tables t ON t.id = o.table_id WHERE o.status = 'open' AND "
                                          "COALESCE(o.carried_shift_id, '') <> $1 ORDER BY o.number",
                                          {shiftId}));
    if (rows.empty()) {
        return core::ok();
    }
    std::string list;
    for (const auto& row : rows) {
        list += (list.empty() ? "" : ", ") + ("No. " + std::to_string(row.int64(0)) + " (" + row.text(1) + ")");
    }
    return core::Error(food_errc::kOpenOrdersBlockShift,
                       std::to_string(rows.size()) + " orders are open: " + list +
                           "; pay them, cancel them or carry them over to the next shift with a reason "
                           "(sigmactl order carry)");
}

core::Json OrderService::toJson(const Order& order)
{
    core::Json lines = core::Json::array();
    for (const auto& line : order.lines) {
        lines.push_back({{"position", line.position},
                         {"productId", line.productId},
                         {"sku", line.sku},
                         {"name", line.name},
                         {"price", line.unitPrice.toDouble()},
                         {"quantity", line.quantity.toDouble()},
                         {"amount", lineAmount(line).toDouble()},
                         {"modifiers", modifiersJson(line.modifiers, true)},
                         {"comment", line.comment},
                         {"sentQuantity", line.sentQuantity.toDouble()},
                         {"removed", line.removed()}});
    }
    core::Json parts = core::Json::array();
    for (const auto& part : order.parts) {
        core::Json partLines = core::Json::array();
        for (const auto& l : part.lines) {
            partLines.push_back({{"position", l.position}, {"quantity", l.quantity.toDouble()}, {"amount", l.amount.toDouble()}});
        }
        parts.push_back({{"part", part.part},
                         {"receiptId", part.receiptId},
                         {"amount", part.amount.toDouble()},
                         {"paid", part.paid},
                         {"lines", std::move(partLines)}});
    }
    core::Json out = {{"id", order.id},
                      {"number", order.number},
                      {"tableId", order.tableId},
                      {"table", order.tableName},
                      {"status", statusName(order.status)},
                      {"guests", order.guests},
                      {"waiterId", order.waiterId},
                      {"openedAt", order.openedAtUs},
                      {"billPrinted", order.billPrintedAtUs.has_value()},
                      {"total", order.total.toDouble()},
                      {"lines", std::move(lines)},
                      {"parts", std::move(parts)}};
    if (!order.cancelReason.empty()) {
        out["cancelReason"] = order.cancelReason;
    }
    if (!order.mergedInto.empty()) {
        out["mergedInto"] = order.mergedInto;
    }
    if (!order.carriedShiftId.empty()) {
        out["carriedOver"] = {{"shiftId", order.carriedShiftId}, {"reason", order.carryReason}};
    }
    return out;
}

core::Json OrderService::eventPayload(const Order& order)
{
    core::Json lines = core::Json::array();
    for (const auto& line : order.lines) {
        lines.push_back({{"position", line.position},
                         {"productId", line.productId},
                         {"name", line.name},
                         {"price", line.unitPrice.kopecks()},
                         {"quantity", line.quantity.thousandths()},
                         {"amount", lineAmount(line).kopecks()},
                         {"modifiers", modifiersJson(line.modifiers, false)},
                         {"comment", line.comment}});
    }
    core::Json receipts = core::Json::array();
    for (const auto& part : order.parts) {
        receipts.push_back({{"part", part.part}, {"receiptId", part.receiptId}, {"amount", part.amount.kopecks()},
                            {"paid", part.paid}});
    }
    return {{"orderId", order.id},         {"number", order.number},
            {"tableId", order.tableId},    {"status", statusName(order.status)},
            {"guests", order.guests},      {"waiterId", order.waiterId},
            {"openedAt", order.openedAtUs}, {"total", order.total.kopecks()},
            {"lines", std::move(lines)},   {"parts", std::move(receipts)},
            {"cancelReason", order.cancelReason}, {"mergedInto", order.mergedInto},
            {"carriedShiftId", order.carriedShiftId}, {"carryReason", order.carryReason}};
}

} // namespace sigma::till
