#include "till/KitchenService.h"

#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "devices/Printer.h"
#include "till/FoodErrors.h"

#include <map>

namespace sigma::till {
namespace {

constexpr const char* kPrinterColumns = "id, name, driver, host, port, width_chars, is_default";

KitchenPrinter printerOf(const db::Row& row)
{
    KitchenPrinter p;
    p.id = row.text(0);
    p.name = row.text(1);
    p.driver = row.text(2);
    p.host = row.text(3);
    p.port = static_cast<int>(row.int64(4));
    p.widthChars = static_cast<int>(row.int64(5));
    p.isDefault = row.int64(6) != 0;
    return p;
}

core::Result<TicketLineKind> parseKind(const std::string& text)
{
    if (text == "new") {
        return TicketLineKind::New;
    }
    if (text == "more") {
        return TicketLineKind::More;
    }
    if (text == "less") {
        return TicketLineKind::Less;
    }
    if (text == "cancel") {
        return TicketLineKind::Cancel;
    }
    if (text == "changed") {
        return TicketLineKind::Changed;
    }
    if (text == "moved") {
        return TicketLineKind::Moved;
    }
    return core::Error(core::errc::kInternal, "unknown ticket line kind " + text);
}

constexpr const char* kTicketColumns =
    "k.id, k.number, k.order_id, COALESCE(k.printer_id, ''), COALESCE(p.name, ''), k.created_at_us, k.body, k.status, "
    "k.ready_at_us, k.print_state, k.attempts, k.in_doubt, k.last_error, k.printed_at_us";

core::Result<KitchenTicket> ticketOf(const db::Row& row)
{
    KitchenTicket t;
    t.id = row.text(0);
    t.number = row.int64(1);
    t.orderId = row.text(2);
    t.printerId = row.text(3);
    t.printerName = row.text(4);
    t.createdAtUs = row.int64(5);
    SIGMA_ASSIGN_OR_RETURN(auto body, core::parseJsonExact(row.text(6)));
    t.orderNumber = body.value("orderNumber", std::int64_t{0});
    t.tableName = body.value("table", std::string());
    t.guests = body.value("guests", 0);
    t.note = body.value("note", std::string());
    for (const auto& l : body.value("lines", core::Json::array())) {
        TicketLine line;
        SIGMA_ASSIGN_OR_RETURN(line.kind, parseKind(l.value("kind", std::string())));
        line.position = l.value("position", 0);
        line.name = l.value("name", std::string());
        line.quantity = core::Quantity::fromThousandths(l.value("quantity", std::int64_t{0}));
        for (const auto& m : l.value("modifiers", core::Json::array())) {
            line.modifiers.push_back(m.get<std::string>());
        }
        line.comment = l.value("comment", std::string());
        t.lines.push_back(std::move(line));
    }
    t.ready = row.text(7) == "ready";
    t.readyAtUs = row.optionalInt64(8);
    t.printState = row.text(9);
    t.attempts = static_cast<int>(row.int64(10));
    t.inDoubt = row.int64(11) != 0;
    t.lastError = row.text(12);
    t.printedAtUs = row.optionalInt64(13);
    return t;
}

core::Json bodyOf(const KitchenTicket& t)
{
    core::Json lines = core::Json::array();
    for (const auto& l : t.lines) {
        lines.push_back({{"kind", KitchenService::lineKindName(l.kind)},
                         {"position", l.position},
                         {"name", l.name},
                         {"quantity", l.quantity.thousandths()},
                         {"modifiers", l.modifiers},
                         {"comment", l.comment}});
    }
    core::Json body = {{"orderNumber", t.orderNumber}, {"table", t.tableName}, {"guests", t.guests},
                       {"lines", std::move(lines)}};
    if (!t.note.empty()) {
        body["note"] = t.note;
    }
    return body;
}

core::Status appendModifiers(const std::string& json, TicketLine& line)
{
    SIGMA_ASSIGN_OR_RETURN(auto modifiers, core::parseJsonExact(json));
    for (const auto& m : modifiers) {
        line.modifiers.push_back(m.value("option", std::string()));
    }
    return core::ok();
}

/// Stations' lines in the order the stations first appear ("" = the screen only).
struct Stations {
    std::vector<std::string> order;
    std::map<std::string, std::vector<TicketLine>> lines;

    void add(const std::string& printerId, TicketLine line)
    {
        if (!lines.contains(printerId)) {
            order.push_back(printerId);
        }
        lines[printerId].push_back(std::move(line));
    }
};

/// One ticket per station into the queue (and the journal), in the caller's transaction.
core::Status insertTickets(TillContext& context, const std::string& orderId, Stations& stations,
                           const std::string& note, std::vector<KitchenTicket>& made)
{
    auto& db = context.database().connection();
    SIGMA_ASSIGN_OR_RETURN(auto orderRow, db.queryOne("SELECT o.number, COALESCE(t.name, ''), o.guests FROM "
                                                      "food_orders o LEFT JOIN food_tables t ON t.id = o.table_id "
                                                      "WHERE o.id = $1",
                                                      {orderId}));
    if (!orderRow) {
        return core::Error(food_errc::kOrderNotFound, "no order " + orderId, "orderId");
    }
    SIGMA_ASSIGN_OR_RETURN(auto next, db.queryOne("SELECT COALESCE(MAX(number), 0) FROM food_kitchen_tickets"));
    std::int64_t number = next->int64(0);
    const auto nowUs = context.nowUs();
    for (const auto& station : stations.order) {
        KitchenTicket t;
        t.id = context.newId();
        t.number = ++number;
        t.orderId = orderId;
        t.orderNumber = orderRow->int64(0);
        t.tableName = orderRow->text(1);
        t.guests = static_cast<int>(orderRow->int64(2));
        t.printerId = station;
        t.createdAtUs = nowUs;
        t.note = note;
        t.lines = stations.lines[station];
        t.printState = station.empty() ? "none" : "queued";
        SIGMA_TRY(db.execute("INSERT INTO food_kitchen_tickets (id, number, order_id, printer_id, created_at_us, "
                             "body, status, print_state, next_attempt_at_us) VALUES ($1, $2, $3, $4, $5, $6, 'new', "
                             "$7, $5)",
                             {t.id, t.number, orderId, station.empty() ? db::Param() : db::Param(station), nowUs,
                              bodyOf(t).dump(), t.printState}));
        SIGMA_ASSIGN_OR_RETURN(auto event, context.journal().append("food.ticket", {{"ticketId", t.id},
                                                                                    {"number", t.number},
                                                                                    {"orderId", orderId},
                                                                                    {"printerId", station},
                                                                                    {"state", "new"},
                                                                                    {"body", bodyOf(t)}}));
        (void)event;
        made.push_back(std::move(t));
    }
    return core::ok();
}

} // namespace

KitchenService::KitchenService(TillContext& context) : m_context(context) {}

std::string_view KitchenService::lineKindName(TicketLineKind kind)
{
    switch (kind) {
    case TicketLineKind::New: return "new";
    case TicketLineKind::More: return "more";
    case TicketLineKind::Less: return "less";
    case TicketLineKind::Cancel: return "cancel";
    case TicketLineKind::Changed: return "changed";
    case TicketLineKind::Moved: return "moved";
    }
    return "new";
}

core::Result<KitchenPrinter> KitchenService::savePrinter(KitchenPrinter printer)
{
    using devices::printer_errc::kBadSettings;
    if (printer.name.empty() || printer.name.size() > 64) {
        return core::Error(kBadSettings, "a printer's name is 1-64 bytes", "name");
    }
    if (printer.driver != "escpos") {
        return core::Error(kBadSettings, "unknown printer driver \"" + printer.driver + "\" (escpos)", "driver");
    }
    if (printer.host.empty() || printer.host.size() > 253) {
        return core::Error(kBadSettings, "the printer's host is empty or too long", "host");
    }
    if (printer.port < 1 || printer.port > 65535) {
        return core::Error(kBadSettings, "the printer's port must be 1-65535", "port");
    }
    if (printer.widthChars < 24 || printer.widthChars > 64) {
        return core::Error(kBadSettings, "the paper width is 24-64 characters", "width");
    }
    if (printer.id.empty()) {
        printer.id = m_context.newId();
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        auto& db = m_context.database().connection();
        SIGMA_ASSIGN_OR_RETURN(auto named, db.queryOne("SELECT id FROM food_kitchen_printers WHERE active = 1 AND name = "
                                                       "$1 AND id <> $2",
                                                       {printer.name, printer.id}));
        if (named) {
            return core::Error(kBadSettings, "there is already a printer \"" + printer.name + "\"", "name");
        }
        if (printer.isDefault) {
            SIGMA_TRY(db.execute("UPDATE food_kitchen_printers SET is_default = 0"));
        }
        return db.execute("INSERT INTO food_kitchen_printers (id, name, driver, host, port, width_chars, is_default, "
                          "active) VALUES ($1, $2, $3, $4, $5, $6, $7, 1) ON CONFLICT (id) DO UPDATE SET name = "
                          "excluded.name, driver = excluded.driver, host = excluded.host, port = excluded.port, "
                          "width_chars = excluded.width_chars, is_default = excluded.is_default, active = 1",
                          {printer.id, printer.name, printer.driver, printer.host, printer.port, printer.widthChars,
                           printer.isDefault});
    }));
    return printer;
}

core::Status KitchenService::removePrinter(const std::string& printerId)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, printer(printerId));
    return m_context.database().transaction([&]() -> core::Status {
        auto& db = m_context.database().connection();
        SIGMA_TRY(db.execute("DELETE FROM food_kitchen_routes WHERE printer_id = $1", {found.id}));
        // Its queued tickets stay queued: they print if the printer comes back, and show on the screen.
        return db.execute("UPDATE food_kitchen_printers SET active = 0, is_default = 0 WHERE id = $1", {found.id});
    });
}

core::Result<std::vector<KitchenPrinter>> KitchenService::printers()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          std::string("SELECT ") + kPrinterColumns +
                                          " FROM food_kitchen_printers WHERE active = 1 ORDER BY name"));
    std::vector<KitchenPrinter> out;
    for (const auto& row : rows) {
        out.push_back(printerOf(row));
    }
    return out;
}

core::Result<KitchenPrinter> KitchenService::printer(const std::string& idOrName)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         std::string("SELECT ") + kPrinterColumns +
                                             " FROM food_kitchen_printers WHERE active = 1 AND (id = $1 OR name = $1)",
                                         {idOrName}));
    if (!row) {
        return core::Error(food_errc::kPrinterNotFound, "no kitchen printer \"" + idOrName + "\"", "printer");
    }
    return printerOf(*row);
}

core::Status KitchenService::route(const std::string& categoryId, const std::string& printerId)
{
    if (categoryId.empty()) {
        return core::Error(core::errc::kInvalidArgument, "a route needs a category", "category");
    }
    auto& db = m_context.database().connection();
    if (printerId.empty()) {
        return db.execute("DELETE FROM food_kitchen_routes WHERE category_id = $1", {categoryId});
    }
    SIGMA_ASSIGN_OR_RETURN(auto found, printer(printerId));
    return db.execute("INSERT INTO food_kitchen_routes (category_id, printer_id) VALUES ($1, $2) ON CONFLICT "
                      "(category_id) DO UPDATE SET printer_id = excluded.printer_id",
                      {categoryId, found.id});
}

core::Result<std::vector<std::pair<std::string, std::string>>> KitchenService::routes()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(
                                          "SELECT category_id, printer_id FROM food_kitchen_routes ORDER BY category_id"));
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& row : rows) {
        out.emplace_back(row.text(0), row.text(1));
    }
    return out;
}

core::Result<std::vector<KitchenTicket>> KitchenService::send(const std::string& orderId)
{
    std::vector<KitchenTicket> made;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        auto& db = m_context.database().connection();
        SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT status FROM food_orders WHERE id = $1", {orderId}));
        if (!row) {
            return core::Error(food_errc::kOrderNotFound, "no order " + orderId, "orderId");
        }
        if (row->text(0) != "open") {
            return core::Error(food_errc::kOrderNotOpen, "the order is " + row->text(0), "orderId");
        }
        // Only what differs from what the kitchen was told: new lines, deltas, cancels, and a comment
        // changed on a line the kitchen has (modifiers cannot change after adding: no such edit).
        SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT position, name, category_id, quantity, sent_quantity, "
                                                   "modifiers, comment, sent_comment, sent_printer_id FROM "
                                                   "food_order_lines WHERE order_id = $1 AND (quantity <> "
                                                   "sent_quantity OR (quantity > 0 AND sent_quantity > 0 AND comment "
                                                   "<> sent_comment)) ORDER BY position",
                                                   {orderId}));
        if (rows.empty()) {
            return core::Error(food_errc::kNothingToSend, "the kitchen has every line of this order already", "orderId");
        }
        SIGMA_ASSIGN_OR_RETURN(auto defaultRow, db.queryOne("SELECT id FROM food_kitchen_printers WHERE active = 1 AND "
                                                            "is_default = 1"));
        const std::string defaultPrinter = defaultRow ? defaultRow->text(0) : std::string();

        Stations stations;
        for (const auto& r : rows) {
            const int position = static_cast<int>(r.int64(0));
            const std::int64_t now = r.int64(3);
            const std::int64_t sent = r.int64(4);
            TicketLine base;
            base.position = position;
            base.name = r.text(1);
            SIGMA_TRY(appendModifiers(r.text(5), base));
            base.comment = r.text(6);
            std::string printerId = r.text(8); // a line the kitchen has: where it went
            if (sent == 0) {
                printerId = defaultPrinter;
                SIGMA_ASSIGN_OR_RETURN(auto routed, db.queryOne("SELECT r.printer_id FROM food_kitchen_routes r JOIN "
                                                                "food_kitchen_printers p ON p.id = r.printer_id AND "
                                                                "p.active = 1 WHERE r.category_id = $1",
                                                                {r.text(2)}));
                if (routed) {
                    printerId = routed->text(0);
                }
            }
            if (now > 0 && sent > 0 && r.text(6) != r.text(7)) {
                // What the kitchen has of this line, to be made the new way: once, then sent_comment matches.
                TicketLine changed = base;
                changed.kind = TicketLineKind::Changed;
                changed.quantity = core::Quantity::fromThousandths(sent);
                stations.add(printerId, std::move(changed));
            }
            if (now != sent) {
                TicketLine line = base;
                if (now == 0) {
                    line.kind = TicketLineKind::Cancel;
                    line.quantity = core::Quantity::fromThousandths(sent);
                } else if (sent == 0) {
                    line.kind = TicketLineKind::New;
                    line.quantity = core::Quantity::fromThousandths(now);
                } else if (now > sent) {
                    line.kind = TicketLineKind::More;
                    line.quantity = core::Quantity::fromThousandths(now - sent);
                } else {
                    line.kind = TicketLineKind::Less;
                    line.quantity = core::Quantity::fromThousandths(sent - now);
                }
                stations.add(printerId, std::move(line));
            }
            SIGMA_TRY(db.execute("UPDATE food_order_lines SET sent_quantity = quantity, sent_comment = comment, "
                                 "sent_printer_id = $3 WHERE order_id = $1 AND position = $2",
                                 {orderId, position, printerId}));
        }
        return insertTickets(m_context, orderId, stations, {}, made);
    }));
    for (auto& t : made) {
        SIGMA_ASSIGN_OR_RETURN(t, ticket(t.id));
    }
    return made;
}

core::Result<std::vector<std::string>> KitchenService::tellStations(const std::string& orderId, TicketLineKind kind,
                                                                    const std::string& note)
{
    auto& db = m_context.database().connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT position, name, sent_quantity, modifiers, sent_comment, "
                                               "sent_printer_id FROM food_order_lines WHERE order_id = $1 AND "
                                               "sent_quantity > 0 ORDER BY position",
                                               {orderId}));
    Stations stations;
    for (const auto& r : rows) {
        TicketLine line;
        line.kind = kind;
        line.position = static_cast<int>(r.int64(0));
        line.name = r.text(1);
        line.quantity = core::Quantity::fromThousandths(r.int64(2));
        SIGMA_TRY(appendModifiers(r.text(3), line));
        line.comment = r.text(4); // what the kitchen was told, not an unsent edit
        stations.add(r.text(5), std::move(line));
    }
    std::vector<KitchenTicket> made;
    SIGMA_TRY(insertTickets(m_context, orderId, stations, note, made));
    if (kind == TicketLineKind::Cancel) {
        SIGMA_TRY(db.execute("UPDATE food_order_lines SET sent_quantity = 0 WHERE order_id = $1", {orderId}));
    }
    std::vector<std::string> ids;
    for (const auto& t : made) {
        ids.push_back(t.id);
    }
    return ids;
}

core::Result<std::vector<KitchenTicket>> KitchenService::tickets(bool includeReady, const std::string& printerId,
                                                                 int limit)
{
    std::string sql = std::string("SELECT ") + kTicketColumns +
                      " FROM food_kitchen_tickets k LEFT JOIN food_kitchen_printers p ON p.id = k.printer_id WHERE "
                      "($1 = 1 OR k.status = 'new') AND ($2 = '' OR k.printer_id = $2) ORDER BY k.number LIMIT $3";
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database().connection().query(sql, {includeReady, printerId, limit}));
    std::vector<KitchenTicket> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto t, ticketOf(row));
        out.push_back(std::move(t));
    }
    return out;
}

core::Result<KitchenTicket> KitchenService::ticket(const std::string& idOrNumber)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database().connection().queryOne(
                                         std::string("SELECT ") + kTicketColumns +
                                             " FROM food_kitchen_tickets k LEFT JOIN food_kitchen_printers p ON p.id = "
                                             "k.printer_id WHERE k.id = $1 OR CAST(k.number AS TEXT) = $1",
                                         {idOrNumber}));
    if (!row) {
        return core::Error(food_errc::kTicketNotFound, "no kitchen ticket " + idOrNumber, "ticket");
    }
    return ticketOf(*row);
}

core::Result<KitchenTicket> KitchenService::markReady(const std::string& idOrNumber)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, ticket(idOrNumber));
    if (found.ready) {
        return found; // a second tap changes nothing
    }
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        const auto now = m_context.nowUs();
        SIGMA_TRY(m_context.database().connection().execute(
            "UPDATE food_kitchen_tickets SET status = 'ready', ready_at_us = $2 WHERE id = $1", {found.id, now}));
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("food.ticket", {{"ticketId", found.id},
                                                                                      {"number", found.number},
                                                                                      {"orderId", found.orderId},
                                                                                      {"state", "ready"},
                                                                                      {"readyAt", now}}));
        (void)event;
        return core::ok();
    }));
    return ticket(found.id);
}

core::Json KitchenService::toJson(const KitchenTicket& t)
{
    core::Json lines = core::Json::array();
    for (const auto& l : t.lines) {
        lines.push_back({{"kind", lineKindName(l.kind)},
                         {"position", l.position},
                         {"name", l.name},
                         {"quantity", l.quantity.toDouble()},
                         {"modifiers", l.modifiers},
                         {"comment", l.comment}});
    }
    core::Json out = {{"id", t.id},
                      {"number", t.number},
                      {"orderId", t.orderId},
                      {"orderNumber", t.orderNumber},
                      {"table", t.tableName},
                      {"guests", t.guests},
                      {"printerId", t.printerId},
                      {"printer", t.printerName},
                      {"createdAt", t.createdAtUs},
                      {"note", t.note},
                      {"lines", std::move(lines)},
                      {"status", t.ready ? "ready" : "new"},
                      {"print", {{"state", t.printState}, {"attempts", t.attempts}, {"inDoubt", t.inDoubt}}}};
    if (!t.lastError.empty()) {
        out["print"]["lastError"] = t.lastError;
    }
    if (t.readyAtUs) {
        out["readyAt"] = *t.readyAtUs;
    }
    if (t.printedAtUs) {
        out["print"]["printedAt"] = *t.printedAtUs;
    }
    return out;
}

} // namespace sigma::till
