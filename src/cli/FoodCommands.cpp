#include "cli/FoodCommands.h"

#include "cli/TerminalSession.h"
#include "core/ErrorCodes.h"
#include "drivers/printer/EscPosNetworkPrinter.h"
#include "till/FoodErrors.h"
#include "till/HallService.h"
#include "till/KitchenService.h"
#include "till/ModifierService.h"
#include "till/OrderService.h"
#include "till/PrintQueue.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace sigma::cli {
namespace {

struct Options {
    std::string pin;
    std::string id;
    std::string target;
    std::string name;
    int x = 0;
    int y = 0;
    int seats = 4;
    int guests = 1;
    int position = 0;
    std::string sku;
    std::string productId;
    std::string quantity = "1";
    std::vector<std::string> modifiers;
    std::string comment;
    int equal = 0;
    std::string lines;
    std::string reason;
    int part = 0;
    std::string cash;
    std::string card;
    bool electronically = false;
    std::string input;
    std::string host;
    int port = 9100;
    int width = 42;
    bool isDefault = false;
    std::string category;
    std::string printer;
    bool all = false;
    bool retry = false;
    bool probe = false;
    bool detach = false;
};

/// The kitchen printers the CLI talks to: ESC/POS over TCP with short timeouts (a command must
/// not hang on a switched-off printer; the queue tries again later).
till::PrintQueue::PrinterFactory printerFactory()
{
    return [](const till::KitchenPrinter& printer) -> core::Result<std::unique_ptr<devices::Printer>> {
        drivers::printer::NetworkPrinterSettings settings;
        settings.host = printer.host;
        settings.port = printer.port;
        settings.connectTimeoutMs = 2000;
        settings.ioTimeoutMs = 3000;
        SIGMA_TRY(drivers::printer::EscPosNetworkPrinter::validate(settings));
        return std::unique_ptr<devices::Printer>(std::make_unique<drivers::printer::EscPosNetworkPrinter>(settings));
    };
}

/// Cancel, move and merge queue tickets for the stations that cook the order; print them now, as
/// `kitchen send` does (a printer that is off keeps them queued: `sigmactl kitchen queue`).
core::Status printQueued(TerminalSession& session)
{
    till::PrintQueue queue(session.till(), printerFactory());
    SIGMA_ASSIGN_OR_RETURN(auto report, queue.pump());
    (void)report;
    return core::ok();
}

/// An order by its id, or the open order of a table (by the table's name or id).
core::Result<till::Order> resolveOrder(till::OrderService& orders, const std::string& orderOrTable)
{
    auto byId = orders.find(orderOrTable);
    if (byId) {
        return byId;
    }
    if (byId.error().code != till::food_errc::kOrderNotFound) {
        return byId.error();
    }
    return orders.onTable(orderOrTable);
}

core::Result<core::Json> hallJson(till::HallService& hall)
{
    SIGMA_ASSIGN_OR_RETURN(auto map, hall.map());
    core::Json tables = core::Json::array();
    for (const auto& view : map) {
        tables.push_back(till::HallService::toJson(view));
    }
    return core::Json{{"tables", std::move(tables)}};
}

core::Result<core::Json> tableCommand(const CliContext& context, const Options& o, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::HallService hall(session->till());
    if (what == "list") {
        return hallJson(hall);
    }
    SIGMA_ASSIGN_OR_RETURN(auto who, session->login(o.pin, till::Permission::ManageCatalog));
    (void)who;
    if (what == "add") {
        SIGMA_ASSIGN_OR_RETURN(auto table, hall.add(o.name, o.x, o.y, o.seats));
        (void)table;
    } else {
        SIGMA_ASSIGN_OR_RETURN(auto table, hall.resolve(o.id));
        if (what == "move") {
            SIGMA_TRY(hall.move(table.id, o.x, o.y));
        } else if (what == "rename") {
            SIGMA_TRY(hall.rename(table.id, o.name));
        } else if (what == "seats") {
            SIGMA_TRY(hall.setSeats(table.id, o.seats));
        } else if (what == "remove") {
            SIGMA_TRY(hall.remove(table.id));
        }
    }
    return hallJson(hall);
}

core::Result<std::vector<till::SplitPart>> parseSplit(const std::string& text)
{
    SIGMA_ASSIGN_OR_RETURN(auto json, core::parseJsonExact(text));
    if (!json.is_array()) {
        return core::Error(till::food_errc::kBadSplit, "--lines is a JSON array of parts", "lines");
    }
    std::vector<till::SplitPart> parts;
    for (std::size_t k = 0; k < json.size(); ++k) {
        const std::string path = "lines[" + std::to_string(k) + "]";
        if (!json[k].is_array()) {
            return core::Error(till::food_errc::kBadSplit, "a part is an array of positions or {position, quantity}",
                               path);
        }
        till::SplitPart part;
        for (std::size_t i = 0; i < json[k].size(); ++i) {
            const auto& take = json[k][i];
            const std::string field = path + "[" + std::to_string(i) + "]";
            if (take.is_number_integer()) {
                part.lines.push_back({take.get<int>(), core::Quantity::fromThousandths(-1)});
                continue;
            }
            if (!take.is_object() || !take.contains("position") || !take["position"].is_number_integer()) {
                return core::Error(till::food_errc::kBadSplit, "a take needs an integer \"position\"", field);
            }
            till::SplitPart::Take t;
            t.position = take["position"].get<int>();
            t.quantity = core::Quantity::fromThousandths(-1);
            if (take.contains("quantity")) {
                SIGMA_ASSIGN_OR_RETURN(t.quantity, core::quantityFromJson(take["quantity"], field + ".quantity"));
            }
            part.lines.push_back(t);
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

core::Result<core::Json> orderCommand(const CliContext& context, const Options& o, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::OrderService orders(session->till(), session->lookup());
    if (what == "list") {
        SIGMA_ASSIGN_OR_RETURN(auto open, orders.openOrders());
        core::Json list = core::Json::array();
        for (const auto& order : open) {
            list.push_back(till::OrderService::toJson(order));
        }
        return core::Json{{"orders", std::move(list)}};
    }
    if (what == "show") {
        SIGMA_ASSIGN_OR_RETURN(auto order, resolveOrder(orders, o.id));
        return till::OrderService::toJson(order);
    }
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(o.pin, till::Permission::Sell));
    if (what == "open") {
        SIGMA_ASSIGN_OR_RETURN(auto order, orders.open(o.id, o.guests, cashier));
        return till::OrderService::toJson(order);
    }
    SIGMA_ASSIGN_OR_RETURN(auto order, resolveOrder(orders, o.id));
    if (what == "add") {
        till::NewOrderLine line;
        line.sku = o.sku;
        line.productId = o.productId;
        SIGMA_ASSIGN_OR_RETURN(line.quantity, core::Quantity::parse(o.quantity));
        for (std::size_t i = 0; i < o.modifiers.size(); ++i) {
            const auto eq = o.modifiers[i].find('=');
            if (eq == std::string::npos) {
                return core::Error(core::errc::kInvalidArgument, "a modifier is GROUP=OPTION",
                                   "modifiers[" + std::to_string(i) + "]");
            }
            std::string group = o.modifiers[i].substr(0, eq);
            // A group may be named instead of its id.
            SIGMA_ASSIGN_OR_RETURN(auto groups, till::ModifierService(session->till()).list());
            for (const auto& g : groups) {
                if (g.name == group) {
                    group = g.id;
                }
            }
            line.modifiers.push_back({group, o.modifiers[i].substr(eq + 1)});
        }
        line.comment = o.comment;
        SIGMA_ASSIGN_OR_RETURN(auto added, orders.addLine(order.id, line));
        (void)added;
    } else if (what == "quantity") {
        SIGMA_ASSIGN_OR_RETURN(auto quantity, core::Quantity::parse(o.quantity));
        SIGMA_TRY(orders.setQuantity(order.id, o.position, quantity));
    } else if (what == "remove") {
        SIGMA_TRY(orders.removeLine(order.id, o.position));
    } else if (what == "comment") {
        SIGMA_TRY(orders.setComment(order.id, o.position, o.comment));
    } else if (what == "guests") {
        SIGMA_TRY(orders.setGuests(order.id, o.guests));
    } else if (what == "move") {
        SIGMA_TRY(orders.move(order.id, o.target));
        SIGMA_TRY(printQueued(*session));
    } else if (what == "merge") {
        SIGMA_ASSIGN_OR_RETURN(auto into, resolveOrder(orders, o.target));
        SIGMA_ASSIGN_OR_RETURN(auto merged, orders.merge(order.id, into.id));
        SIGMA_TRY(printQueued(*session));
        return till::OrderService::toJson(merged);
    } else if (what == "split") {
        if ((o.equal > 0) == !o.lines.empty()) {
            return core::Error(core::errc::kInvalidArgument, "give either --equal N or --lines JSON", "equal");
        }
        if (o.equal > 0) {
            SIGMA_TRY(orders.splitEqually(order.id, o.equal));
        } else {
            SIGMA_ASSIGN_OR_RETURN(auto parts, parseSplit(o.lines));
            for (auto& part : parts) {
                for (auto& take : part.lines) {
                    if (take.quantity.thousandths() < 0) { // a bare position: the whole line
                        for (const auto& line : order.lines) {
                            if (line.position == take.position) {
                                take.quantity = line.quantity;
                            }
                        }
                    }
                }
            }
            SIGMA_TRY(orders.splitByLines(order.id, parts));
        }
    } else if (what == "prebill") {
        SIGMA_TRY(orders.printPreBill(order.id));
    } else if (what == "cancel") {
        SIGMA_TRY(orders.cancel(order.id, o.reason, cashier));
        SIGMA_TRY(printQueued(*session));
    } else if (what == "carry") {
        SIGMA_TRY(orders.carryOver(order.id, o.reason, cashier));
    } else if (what == "pay") {
        till::OrderPayment payment;
        if (o.part > 0) {
            payment.part = o.part;
        }
        payment.electronically = o.electronically;
        for (const auto& [type, text] : {std::pair{core::PaymentType::Cash, o.cash}, {core::PaymentType::Electronically, o.card}}) {
            if (!text.empty()) {
                auto sum = core::Money::parse(text);
                if (!sum) {
                    return sum.error().inField(type == core::PaymentType::Cash ? "cash" : "card");
                }
                payment.payments.push_back({type, *sum});
            }
        }
        if (payment.payments.empty()) {
            // No sum given: cash for exactly what the part costs.
            core::Money due = order.total;
            for (const auto& p : order.parts) {
                if (o.part > 0 ? p.part == o.part : !p.paid) {
                    due = p.amount;
                    break;
                }
            }
            payment.payments.push_back({core::PaymentType::Cash, due});
        }
        SIGMA_ASSIGN_OR_RETURN(auto paid, orders.pay(order.id, payment, cashier));
        return core::Json{{"receipt", paid.checkout.toJson()}, {"order", till::OrderService::toJson(paid.order)}};
    }
    SIGMA_ASSIGN_OR_RETURN(auto after, orders.find(order.id));
    return till::OrderService::toJson(after);
}

core::Result<core::Json> modifierCommand(const CliContext& context, const Options& o, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::ModifierService modifiers(session->till());
    if (what == "save" || what == "attach") {
        SIGMA_ASSIGN_OR_RETURN(auto who, session->login(o.pin, till::Permission::ManageCatalog));
        (void)who;
    }
    if (what == "save") {
        SIGMA_ASSIGN_OR_RETURN(auto text, context.readInput(o.input));
        SIGMA_ASSIGN_OR_RETURN(auto json, core::parseJsonExact(text));
        SIGMA_ASSIGN_OR_RETURN(auto group, till::ModifierService::fromJson(json));
        SIGMA_ASSIGN_OR_RETURN(group, modifiers.save(std::move(group)));
        return till::ModifierService::toJson(group);
    }
    if (what == "attach") {
        SIGMA_ASSIGN_OR_RETURN(auto product, session->lookup().bySku(o.sku));
        SIGMA_TRY(modifiers.attach(product.id, o.id, !o.detach));
        SIGMA_ASSIGN_OR_RETURN(auto groups, modifiers.groupsOf(product.id));
        core::Json list = core::Json::array();
        for (const auto& g : groups) {
            list.push_back(till::ModifierService::toJson(g));
        }
        return core::Json{{"productId", product.id}, {"sku", product.sku}, {"groups", std::move(list)}};
    }
    SIGMA_ASSIGN_OR_RETURN(auto groups, modifiers.list());
    core::Json list = core::Json::array();
    for (const auto& g : groups) {
        list.push_back(till::ModifierService::toJson(g));
    }
    return core::Json{{"groups", std::move(list)}};
}

core::Json ticketsJson(const std::vector<till::KitchenTicket>& tickets)
{
    core::Json list = core::Json::array();
    for (const auto& t : tickets) {
        list.push_back(till::KitchenService::toJson(t));
    }
    return list;
}

core::Json pumpJson(const till::PumpReport& report)
{
    return {{"printed", report.printed}, {"failed", report.failed}, {"waiting", report.waiting}};
}

core::Result<std::string> categoryId(TerminalSession& session, const std::string& nameOrId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, session.database().connection().queryOne(
                                         "SELECT id FROM categories WHERE id = $1 OR name = $1", {nameOrId}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no category \"" + nameOrId + "\"", "category");
    }
    return row->text(0);
}

core::Result<core::Json> printersJson(till::KitchenService& kitchen)
{
    SIGMA_ASSIGN_OR_RETURN(auto printers, kitchen.printers());
    SIGMA_ASSIGN_OR_RETURN(auto routes, kitchen.routes());
    core::Json list = core::Json::array();
    for (const auto& p : printers) {
        list.push_back({{"id", p.id}, {"name", p.name}, {"driver", p.driver}, {"host", p.host}, {"port", p.port},
                        {"width", p.widthChars}, {"default", p.isDefault}});
    }
    core::Json routeList = core::Json::array();
    for (const auto& [category, printer] : routes) {
        routeList.push_back({{"categoryId", category}, {"printerId", printer}});
    }
    return core::Json{{"printers", std::move(list)}, {"routes", std::move(routeList)}};
}

core::Result<core::Json> kitchenCommand(const CliContext& context, const Options& o, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::KitchenService kitchen(session->till());
    till::PrintQueue queue(session->till(), printerFactory());
    if (what == "tickets") {
        SIGMA_ASSIGN_OR_RETURN(auto tickets, kitchen.tickets(o.all, o.printer.empty() ? std::string() : o.printer));
        return core::Json{{"tickets", ticketsJson(tickets)}};
    }
    if (what == "queue") {
        if (o.retry) {
            SIGMA_TRY(queue.retryNow());
        }
        SIGMA_ASSIGN_OR_RETURN(auto report, queue.pump());
        SIGMA_ASSIGN_OR_RETURN(auto status, queue.status(o.probe));
        core::Json printers = core::Json::array();
        for (const auto& s : status) {
            printers.push_back(till::PrintQueue::toJson(s));
        }
        return core::Json{{"pump", pumpJson(report)}, {"printers", std::move(printers)}};
    }
    if (what == "printers") {
        return printersJson(kitchen);
    }
    if (what == "printer-add" || what == "printer-remove" || what == "route") {
        SIGMA_ASSIGN_OR_RETURN(auto who, session->login(o.pin, till::Permission::ManageCatalog));
        (void)who;
        if (what == "printer-add") {
            till::KitchenPrinter printer;
            printer.name = o.name;
            printer.host = o.host;
            printer.port = o.port;
            printer.widthChars = o.width;
            printer.isDefault = o.isDefault;
            auto existing = kitchen.printer(o.name);
            if (existing) {
                printer.id = existing->id;
            }
            SIGMA_TRY(kitchen.savePrinter(printer));
        } else if (what == "printer-remove") {
            SIGMA_TRY(kitchen.removePrinter(o.printer));
        } else {
            SIGMA_ASSIGN_OR_RETURN(auto category, categoryId(*session, o.category));
            std::string printerId;
            if (!o.printer.empty()) {
                SIGMA_ASSIGN_OR_RETURN(auto printer, kitchen.printer(o.printer));
                printerId = printer.id;
            }
            SIGMA_TRY(kitchen.route(category, printerId));
        }
        return printersJson(kitchen);
    }
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(o.pin, till::Permission::Sell));
    (void)cashier;
    if (what == "send") {
        till::OrderService orders(session->till(), session->lookup());
        SIGMA_ASSIGN_OR_RETURN(auto order, resolveOrder(orders, o.id));
        SIGMA_ASSIGN_OR_RETURN(auto tickets, kitchen.send(order.id));
        SIGMA_ASSIGN_OR_RETURN(auto report, queue.pump());
        std::vector<till::KitchenTicket> after;
        for (const auto& t : tickets) {
            SIGMA_ASSIGN_OR_RETURN(auto fresh, kitchen.ticket(t.id));
            after.push_back(std::move(fresh));
        }
        return core::Json{{"tickets", ticketsJson(after)}, {"pump", pumpJson(report)}};
    }
    // ready
    SIGMA_ASSIGN_OR_RETURN(auto ticket, kitchen.markReady(o.id));
    return till::KitchenService::toJson(ticket);
}

template <typename F> void bind(CLI::App* command, CliContext& context, F&& action)
{
    command->callback([&context, action] { context.setAction([action] { return action(); }); });
}

} // namespace

void addFoodCommands(CLI::App& app, CliContext& context)
{
    auto o = std::make_shared<Options>();
    auto* ctx = &context;
    const auto pinOption = [o](CLI::App* command) { command->add_option("--pin", o->pin, "PIN (or $SIGMA_PIN)"); };

    auto* table = app.add_subcommand("table", "The hall map: tables on a grid (food)");
    table->require_subcommand(1);
    auto* tList = table->add_subcommand("list", "Tables with their state (free, occupied, billPrinted)");
    bind(tList, context, [ctx, o] { return tableCommand(*ctx, *o, "list"); });
    auto* tAdd = table->add_subcommand("add", "Add a table (needs the catalog permission)");
    tAdd->add_option("name", o->name, "Table name, e.g. 5 or Веранда-2")->required();
    tAdd->add_option("--x", o->x, "Grid column 0-99")->required();
    tAdd->add_option("--y", o->y, "Grid row 0-99")->required();
    tAdd->add_option("--seats", o->seats, "Seats (default 4)");
    pinOption(tAdd);
    bind(tAdd, context, [ctx, o] { return tableCommand(*ctx, *o, "add"); });
    auto* tMove = table->add_subcommand("move", "Move a table on the grid");
    tMove->add_option("table", o->id, "Table id or name")->required();
    tMove->add_option("--x", o->x, "Grid column")->required();
    tMove->add_option("--y", o->y, "Grid row")->required();
    pinOption(tMove);
    bind(tMove, context, [ctx, o] { return tableCommand(*ctx, *o, "move"); });
    auto* tRename = table->add_subcommand("rename", "Rename a table");
    tRename->add_option("table", o->id, "Table id or name")->required();
    tRename->add_option("name", o->name, "New name")->required();
    pinOption(tRename);
    bind(tRename, context, [ctx, o] { return tableCommand(*ctx, *o, "rename"); });
    auto* tSeats = table->add_subcommand("seats", "Set a table's seats");
    tSeats->add_option("table", o->id, "Table id or name")->required();
    tSeats->add_option("seats", o->seats, "Seats 1-99")->required();
    pinOption(tSeats);
    bind(tSeats, context, [ctx, o] { return tableCommand(*ctx, *o, "seats"); });
    auto* tRemove = table->add_subcommand("remove", "Remove a table (refused while it has an open order)");
    tRemove->add_option("table", o->id, "Table id or name")->required();
    pinOption(tRemove);
    bind(tRemove, context, [ctx, o] { return tableCommand(*ctx, *o, "remove"); });

    auto* order = app.add_subcommand("order", "Table orders (food)");
    order->require_subcommand(1);
    const auto orderSub = [&](const char* name, const char* help) {
        auto* sub = order->add_subcommand(name, help);
        sub->add_option("order", o->id, "Order id, or the table (name or id) whose open order it is")->required();
        pinOption(sub);
        const std::string what = name;
        bind(sub, context, [ctx, o, what] { return orderCommand(*ctx, *o, what); });
        return sub;
    };
    auto* oList = order->add_subcommand("list", "Open orders");
    bind(oList, context, [ctx, o] { return orderCommand(*ctx, *o, "list"); });
    orderSub("show", "One order with its lines and bill parts");
    auto* oOpen = order->add_subcommand("open", "Open an order on a free table");
    oOpen->add_option("table", o->id, "Table name or id")->required();
    oOpen->add_option("--guests", o->guests, "Guests 1-99 (default 1)");
    pinOption(oOpen);
    bind(oOpen, context, [ctx, o] { return orderCommand(*ctx, *o, "open"); });
    auto* oAdd = orderSub("add", "Add a line");
    oAdd->add_option("--sku", o->sku, "Product SKU");
    oAdd->add_option("--product", o->productId, "Product id");
    oAdd->add_option("--quantity", o->quantity, "Quantity (default 1)");
    oAdd->add_option("--modifier", o->modifiers, "GROUP=OPTION (group id or name; option name or index); repeat");
    oAdd->add_option("--comment", o->comment, "For the kitchen");
    auto* oQty = orderSub("quantity", "Change a line's quantity (0 removes it)");
    oQty->add_option("position", o->position, "Line position")->required();
    oQty->add_option("quantity", o->quantity, "New quantity")->required();
    auto* oRemove = orderSub("remove", "Remove a line (the kitchen gets a cancel line)");
    oRemove->add_option("position", o->position, "Line position")->required();
    auto* oComment = orderSub("comment", "Set a line's comment");
    oComment->add_option("position", o->position, "Line position")->required();
    oComment->add_option("comment", o->comment, "Comment (empty clears)")->required();
    auto* oGuests = orderSub("guests", "Set the guests count");
    oGuests->add_option("guests", o->guests, "Guests 1-99")->required();
    auto* oMove = orderSub("move", "Move the order to a free table");
    oMove->add_option("table", o->target, "Table name or id")->required();
    auto* oMerge = orderSub("merge", "Merge this order into another (its lines move there)");
    oMerge->add_option("into", o->target, "Order id or table")->required();
    auto* oSplit = orderSub("split", "Split the bill: --equal N or --lines '[[0,1],[2]]'");
    oSplit->add_option("--equal", o->equal, "Equal parts 2-20");
    oSplit->add_option("--lines", o->lines, "JSON: parts, each positions or {position, quantity}");
    orderSub("prebill", "Print the pre-bill (пречек) on the register");
    auto* oPay = orderSub("pay", "Pay a part (or the whole order) through checkout");
    oPay->add_option("--part", o->part, "Part number (default: the first unpaid)");
    oPay->add_option("--cash", o->cash, "Cash tendered");
    oPay->add_option("--card", o->card, "Card sum");
    oPay->add_flag("--electronically", o->electronically, "No paper receipt");
    auto* oCancel = orderSub("cancel", "Cancel the order (reason kept in the journal)");
    oCancel->add_option("--reason", o->reason, "Why")->required();
    auto* oCarry = orderSub("carry", "Let the shift close with this order open (reason kept in the journal)");
    oCarry->add_option("--reason", o->reason, "Why")->required();

    auto* modifier = app.add_subcommand("modifier", "Modifier groups of products (food)");
    modifier->require_subcommand(1);
    auto* mList = modifier->add_subcommand("list", "Modifier groups");
    bind(mList, context, [ctx, o] { return modifierCommand(*ctx, *o, "list"); });
    auto* mSave = modifier->add_subcommand("save", "Create or replace a group from JSON");
    mSave->add_option("file", o->input, "Group JSON, or - for standard input")->required();
    pinOption(mSave);
    bind(mSave, context, [ctx, o] { return modifierCommand(*ctx, *o, "save"); });
    auto* mAttach = modifier->add_subcommand("attach", "Attach a group to a product");
    mAttach->add_option("group", o->id, "Group id")->required();
    mAttach->add_option("--sku", o->sku, "Product SKU")->required();
    mAttach->add_flag("--detach", o->detach, "Detach instead");
    pinOption(mAttach);
    bind(mAttach, context, [ctx, o] { return modifierCommand(*ctx, *o, "attach"); });

    auto* kitchen = app.add_subcommand("kitchen", "Kitchen tickets, printers and the print queue (food)");
    kitchen->require_subcommand(1);
    auto* kSend = kitchen->add_subcommand("send", "Send what changed to the kitchen and print it");
    kSend->add_option("order", o->id, "Order id or table")->required();
    pinOption(kSend);
    bind(kSend, context, [ctx, o] { return kitchenCommand(*ctx, *o, "send"); });
    auto* kTickets = kitchen->add_subcommand("tickets", "The kitchen screen: tickets not ready yet");
    kTickets->add_flag("--all", o->all, "Ready ones too");
    kTickets->add_option("--printer", o->printer, "One station (printer id)");
    bind(kTickets, context, [ctx, o] { return kitchenCommand(*ctx, *o, "tickets"); });
    auto* kReady = kitchen->add_subcommand("ready", "Mark a ticket ready");
    kReady->add_option("ticket", o->id, "Ticket id or number")->required();
    pinOption(kReady);
    bind(kReady, context, [ctx, o] { return kitchenCommand(*ctx, *o, "ready"); });
    auto* kQueue = kitchen->add_subcommand("queue", "Print what is due and show each printer's queue");
    kQueue->add_flag("--retry", o->retry, "Make every queued ticket due now");
    kQueue->add_flag("--probe", o->probe, "Ask each printer for its status");
    bind(kQueue, context, [ctx, o] { return kitchenCommand(*ctx, *o, "queue"); });
    auto* kPrinters = kitchen->add_subcommand("printers", "Kitchen printers and category routes");
    bind(kPrinters, context, [ctx, o] { return kitchenCommand(*ctx, *o, "printers"); });
    auto* kAdd = kitchen->add_subcommand("printer-add", "Add (or update by name) an ESC/POS network printer");
    kAdd->add_option("name", o->name, "Station name, e.g. Кухня or Бар")->required();
    kAdd->add_option("--host", o->host, "IP address or host name")->required();
    kAdd->add_option("--port", o->port, "TCP port (default 9100)");
    kAdd->add_option("--width", o->width, "Characters per line (default 42)");
    kAdd->add_flag("--default", o->isDefault, "Gets every category without a route");
    pinOption(kAdd);
    bind(kAdd, context, [ctx, o] { return kitchenCommand(*ctx, *o, "printer-add"); });
    auto* kRemove = kitchen->add_subcommand("printer-remove", "Remove a printer (its routes go too)");
    kRemove->add_option("printer", o->printer, "Printer id or name")->required();
    pinOption(kRemove);
    bind(kRemove, context, [ctx, o] { return kitchenCommand(*ctx, *o, "printer-remove"); });
    auto* kRoute = kitchen->add_subcommand("route", "Send a product category to a printer (no printer: remove)");
    kRoute->add_option("category", o->category, "Category name or id")->required();
    kRoute->add_option("printer", o->printer, "Printer id or name");
    pinOption(kRoute);
    bind(kRoute, context, [ctx, o] { return kitchenCommand(*ctx, *o, "route"); });
}

} // namespace sigma::cli
