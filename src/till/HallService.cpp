#include "till/HallService.h"

#include "core/ErrorCodes.h"
#include "till/FoodErrors.h"

namespace sigma::till {
namespace {

HallTable tableOf(const db::Row& row)
{
    return HallTable{row.text(0), row.text(1), static_cast<int>(row.int64(2)), static_cast<int>(row.int64(3)),
                     static_cast<int>(row.int64(4))};
}

constexpr const char* kColumns = "id, name, grid_x, grid_y, seats";

} // namespace

HallService::HallService(TillContext& context) : m_context(context) {}

std::string_view HallService::stateName(TableState state)
{
    switch (state) {
    case TableState::Free: return "free";
    case TableState::Occupied: return "occupied";
    case TableState::BillPrinted: return "billPrinted";
    }
    return "free";
}

core::Status HallService::check(const HallTable& table, const std::string& exceptId)
{
    if (table.name.empty() || table.name.size() > kMaxNameLength) {
        return core::Error(core::errc::kInvalidArgument,
                           "a table's name is 1-" + std::to_string(kMaxNameLength) + " bytes", "name");
    }
    if (table.x < 0 || table.y < 0 || table.x > kMaxGrid || table.y > kMaxGrid) {
        return core::Error(core::errc::kInvalidArgument, "grid cells are 0-" + std::to_string(kMaxGrid), "x");
    }
    if (table.seats < 1 || table.seats > 99) {
        return core::Error(core::errc::kInvalidArgument, "seats must be 1-99", "seats");
    }
    auto& db = m_context.database().connection();
    SIGMA_ASSIGN_OR_RETURN(auto named, db.queryOne("SELECT id FROM food_tables WHERE active = 1 AND name = $1 AND id <> $2",
                                                   {table.name, exceptId}));
    if (named) {
        return core::Error(food_errc::kTableNameTaken, "there is already a table \"" + table.name + "\"", "name");
    }
    SIGMA_ASSIGN_OR_RETURN(auto cell, db.queryOne("SELECT name FROM food_tables WHERE active = 1 AND grid_x = $1 AND "
                                                  "grid_y = $2 AND id <> $3",
                                                  {table.x, table.y, exceptId}));
    if (cell) {
        return core::Error(food_errc::kTableCellTaken,
                           "table \"" + cell->text(0) + "\" stands on cell " + std::to_string(table.x) + "," +
                               std::to_string(table.y),
                           "x");
    }
    return core::ok();
}

core::Status HallService::save(const HallTable& table, bool removed)
{
    return m_context.database().transaction([&]() -> core::Status {
        SIGMA_TRY(m_context.database().connection().execute(
            "INSERT INTO food_tables (id, name, grid_x, grid_y, seats, active, updated_at_us) VALUES ($1, $2, $3, $4, "
            "$5, $6, $7) ON CONFLICT (id) DO UPDATE SET name = excluded.name, grid_x = excluded.grid_x, grid_y = "
            "excluded.grid_y, seats = excluded.seats, active = excluded.active, updated_at_us = excluded.updated_at_us",
            {table.id, table.name, table.x, table.y, table.seats, !removed, m_context.nowUs()}));
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("food.table", {{"tableId", table.id},
                                                                                     {"name", table.name},
                                                                                     {"x", table.x},
                                                                                     {"y", table.y},
                                                                                     {"seats", table.seats},
                                                                                     {"removed", removed}}));
        (void)event;
        return core::ok();
    });
}

core::Result<HallTable> HallService::add(const std::string& name, int x, int y, int seats)
{
    HallTable table{m_context.newId(), name, x, y, seats};
    SIGMA_TRY(check(table, table.id));
    SIGMA_TRY(save(table, false));
    return table;
}

core::Result<HallTable> HallService::move(const std::string& tableId, int x, int y)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, find(tableId));
    table.x = x;
    table.y = y;
    SIGMA_TRY(check(table, table.id));
    SIGMA_TRY(save(table, false));
    return table;
}

core::Result<HallTable> HallService::rename(const std::string& tableId, const std::string& name)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, find(tableId));
    table.name = name;
    SIGMA_TRY(check(table, table.id));
    SIGMA_TRY(save(table, false));
    return table;
}

core::Result<HallTable> HallService::setSeats(const std::string& tableId, int seats)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, find(tableId));
    table.seats = seats;
    SIGMA_TRY(check(table, table.id));
    SIGMA_TRY(save(table, false));
    return table;
}

core::Status HallService::remove(const std::string& tableId)
{
    SIGMA_ASSIGN_OR_RETURN(auto table, find(tableId));
    SIGMA_ASSIGN_OR_RETURN(auto open, m_context.database().connection().queryOne(
                                          "SELECT number FROM food_orders WHERE table_id = $1 AND status = 'open'",
                                          {table.id}));
    if (open) {
        return core::Error(food_errc::kTableBusy,
                           "table \"" + table.name + "\" has open order No. " + std::to_string(open->int64(0)),
                           "tableId");
    }
    return save(table, true);
}

core::Result<HallTable> HallService::find(const std::string& tableId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         std::string("SELECT ") + kColumns + " FROM food_tables WHERE id = $1 AND active = 1",
                                         {tableId}));
    if (!row) {
        return core::Error(food_errc::kTableNotFound, "no table " + tableId, "tableId");
    }
    return tableOf(*row);
}

core::Result<HallTable> HallService::resolve(const std::string& idOrName)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         std::string("SELECT ") + kColumns +
                                             " FROM food_tables WHERE active = 1 AND (id = $1 OR name = $1)",
                                         {idOrName}));
    if (!row) {
        return core::Error(food_errc::kTableNotFound, "no table \"" + idOrName + "\"", "table");
    }
    return tableOf(*row);
}

core::Result<std::vector<HallTableView>> HallService::map()
{
    SIGMA_ASSIGN_OR_RETURN(
        auto rows,
        m_context.database().connection().query(
            "SELECT t.id, t.name, t.grid_x, t.grid_y, t.seats, o.id, o.number, o.guests, o.opened_at_us, "
            "o.bill_printed_at_us, (SELECT COALESCE(SUM((l.unit_price * l.quantity + 500) / 1000), 0) FROM "
            "food_order_lines l WHERE l.order_id = o.id) FROM food_tables t LEFT JOIN food_orders o ON o.table_id = t.id "
            "AND o.status = 'open' WHERE t.active = 1 ORDER BY t.grid_y, t.grid_x"));
    std::vector<HallTableView> out;
    const auto now = m_context.nowUs();
    for (const auto& row : rows) {
        HallTableView view;
        view.table = tableOf(row);
        if (!row.isNull(5)) {
            view.orderId = row.text(5);
            view.orderNumber = row.int64(6);
            view.guests = static_cast<int>(row.int64(7));
            view.openedAtUs = row.int64(8);
            view.minutesOpen = (now - view.openedAtUs) / 60'000'000;
            view.state = row.isNull(9) ? TableState::Occupied : TableState::BillPrinted;
            view.total = core::Money::fromKopecks(row.int64(10));
        }
        out.push_back(std::move(view));
    }
    return out;
}

core::Json HallService::toJson(const HallTableView& view)
{
    core::Json out = {{"id", view.table.id},     {"name", view.table.name},
                      {"x", view.table.x},       {"y", view.table.y},
                      {"seats", view.table.seats}, {"state", stateName(view.state)}};
    if (!view.orderId.empty()) {
        out["orderId"] = view.orderId;
        out["orderNumber"] = view.orderNumber;
        out["guests"] = view.guests;
        out["openedAt"] = view.openedAtUs;
        out["minutesOpen"] = view.minutesOpen;
        out["total"] = view.total.toDouble();
    }
    return out;
}

} // namespace sigma::till
