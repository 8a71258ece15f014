#include "cli/TillCommands.h"

#include "cli/TerminalSession.h"
#include "core/ErrorCodes.h"
#include "core/ReceiptJson.h"
#include "drivers/emulator/VirtualKkt.h"
#include "fiscal/TaskBuilder.h"
#include "till/RecoveryService.h"
#include "till/ReturnService.h"
#include "till/SaleSession.h"
#include "till/ShiftService.h"
#include "till/TillErrors.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace sigma::cli {
namespace {

struct Options {
    std::string pin;
    std::string input = "-";
    std::string business;
    std::string adminPin;
    std::string counted;
    std::string sum;
    std::string reason;
    std::string id;
    std::string newPin;
    std::string name;
    std::string role = "cashier";
    std::string inn;
    std::string label;
    std::size_t limit = 100;
};

core::Result<core::Json> readJson(const CliContext& context, const std::string& input)
{
    SIGMA_ASSIGN_OR_RETURN(std::string text, context.readInput(input));
    return core::parseJsonExact(text);
}

std::string pinOf(const core::Json& json, const std::string& option)
{
    if (!option.empty()) {
        return option;
    }
    return json.is_object() && json.contains("pin") && json["pin"].is_string() ? json["pin"].get<std::string>() : "";
}

core::Result<core::Json> init(const CliContext& context, const Options& options)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_TRY(dir.ensureExists());
    SIGMA_ASSIGN_OR_RETURN(auto config, till::TerminalConfig::load(dir.configFile()));
    if (!options.business.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto business, till::parseBusinessType(options.business));
        if (config.businessTypeLocked && config.businessType != business) {
            return core::Error(core::errc::kInvalidArgument,
                               "the business type is locked after activation and cannot be changed", "business");
        }
        config.businessType = business;
    } else if (!config.businessType) {
        config.businessType = till::BusinessType::Trade;
    }
    SIGMA_TRY(config.save(dir.configFile()));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    std::optional<std::string> pin;
    if (!options.adminPin.empty()) {
        pin = options.adminPin;
    }
    SIGMA_ASSIGN_OR_RETURN(auto admin, session->auth().bootstrapAdministrator(pin));
    SIGMA_ASSIGN_OR_RETURN(auto info, session->till().fiscal().execute({{"type", "getDeviceInfo"}}));
    SIGMA_ASSIGN_OR_RETURN(auto fn, session->till().fiscal().execute({{"type", "getFnStatus"}}));
    core::Json out = {{"dataDir", dir.root().string()},
                      {"businessType", till::businessTypeName(*config.businessType)},
                      {"administrator", {{"id", admin.employee.id.toString()}, {"name", admin.employee.name},
                                         {"mustChangePin", true}}},
                      {"register", {{"driver", config.fiscalDriver},
                                    {"serial", info["deviceInfo"].value("serial", "")},
                                    {"fnNumber", fn["fnStatus"].value("fnNumber", "")}}}};
    if (admin.generatedPin) {
        out["administrator"]["pin"] = *admin.generatedPin; // shown once, never stored in clear
    }
    return out;
}

core::Result<core::Json> changePin(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto login, session->auth().login(options.pin));
    SIGMA_ASSIGN_OR_RETURN(auto changed, session->auth().changePin(login, options.pin, options.newPin));
    return core::Json{{"employee", changed.employee.name}, {"changed", true}};
}

core::Result<core::Json> addEmployee(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto login, session->auth().login(options.pin));
    till::NewEmployee employee;
    employee.name = options.name;
    SIGMA_ASSIGN_OR_RETURN(employee.role, store::parseEmployeeRole(options.role));
    employee.pin = options.newPin;
    employee.inn = options.inn;
    SIGMA_ASSIGN_OR_RETURN(auto created, session->auth().createEmployee(login, employee));
    return core::Json{{"id", created.id.toString()}, {"name", created.name},
                      {"role", store::employeeRoleName(created.role)}, {"mustChangePin", created.mustChangePin}};
}

core::Result<core::Json> shiftCommand(const CliContext& context, const Options& options, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::ShiftService shifts(session->till());
    if (what == "status") {
        return shifts.status();
    }
    const auto permission = what == "open" ? till::Permission::OpenShift : till::Permission::CloseShift;
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, permission));
    if (what == "open") {
        SIGMA_ASSIGN_OR_RETURN(auto shift, shifts.open(cashier));
        return core::Json{{"shiftId", shift.id}, {"number", shift.number}, {"state", "opened"}};
    }
    if (what == "x") {
        return shifts.reportX(cashier);
    }
    if (options.counted.empty()) {
        return core::Error(core::errc::kInvalidArgument,
                           "closing a shift needs the counted cash (--counted SUM): count the drawer first", "counted");
    }
    SIGMA_ASSIGN_OR_RETURN(auto counted, core::Money::parse(options.counted));
    SIGMA_ASSIGN_OR_RETURN(auto closed, shifts.close(cashier, counted));
    return closed.toJson();
}

core::Result<core::Json> cashCommand(const CliContext& context, const Options& options, bool in)
{
    SIGMA_ASSIGN_OR_RETURN(auto sum, core::Money::parse(options.sum));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier,
                           session->login(options.pin, in ? till::Permission::CashIn : till::Permission::CashOut));
    return till::ShiftService(session->till()).cash(cashier, in, sum, options.reason, options.id);
}

// Fills a sale session from a cart's lines: {"barcode"}, {"sku"} or a free line {"name", "price", "tax"}.
core::Status fillSession(till::SaleSession& sale, const core::Json& cart)
{
    if (!cart.is_object() || !cart.contains("lines") || !cart["lines"].is_array() || cart["lines"].empty()) {
        return core::Error(core::errc::kEmptyReceipt, "the cart needs a non-empty \"lines\" array", "lines");
    }
    const auto& lines = cart["lines"];
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string path = "lines[" + std::to_string(i) + "]";
        const auto& line = lines[i];
        if (!line.is_object()) {
            return core::Error(core::errc::kInvalidArgument, "a line must be an object", path);
        }
        std::optional<core::Quantity> quantity;
        if (line.contains("quantity")) {
            SIGMA_ASSIGN_OR_RETURN(quantity, core::quantityFromJson(line["quantity"], path + ".quantity"));
        }
        core::Result<std::size_t> added = core::Error();
        if (line.contains("barcode")) {
            SIGMA_ASSIGN_OR_RETURN(auto code, core::stringFromJson(line["barcode"], path + ".barcode"));
            added = sale.addByScan(code, quantity);
        } else if (line.contains("sku")) {
            SIGMA_ASSIGN_OR_RETURN(auto sku, core::stringFromJson(line["sku"], path + ".sku"));
            added = sale.addBySku(sku, quantity);
        } else {
            SIGMA_ASSIGN_OR_RETURN(auto name, core::stringFromJson(line.value("name", core::Json()), path + ".name"));
            if (!line.contains("price")) {
                return core::Error(core::errc::kBadMoney, "a free-price line needs a price", path + ".price");
            }
            SIGMA_ASSIGN_OR_RETURN(auto price, core::moneyFromJson(line["price"], path + ".price"));
            SIGMA_ASSIGN_OR_RETURN(auto tax, core::stringFromJson(line.value("tax", core::Json("vat22")), path + ".tax"));
            SIGMA_ASSIGN_OR_RETURN(auto vat, core::VatTable::standard().fromAtolName(tax));
            added = sale.addFreePrice(name, price, vat, quantity.value_or(core::Quantity::pieces(1)));
        }
        if (!added) {
            core::Error error = added.error();
            error.field = error.field.empty() ? path : path + "." + error.field;
            return error;
        }
        if (line.contains("discount")) {
            SIGMA_ASSIGN_OR_RETURN(auto discount, core::discountFromJson(line["discount"], path + ".discount"));
            SIGMA_TRY(sale.setLineDiscount(*added, discount));
        }
        if (line.contains("staffId")) {
            SIGMA_ASSIGN_OR_RETURN(auto staff, core::stringFromJson(line["staffId"], path + ".staffId"));
            SIGMA_TRY(sale.setStaff(*added, staff));
        }
    }
    if (cart.contains("discount") && !cart["discount"].is_null()) {
        SIGMA_ASSIGN_OR_RETURN(auto discount, core::discountFromJson(cart["discount"], "discount"));
        SIGMA_TRY(sale.setDiscount(discount));
    }
    if (cart.contains("customerId")) {
        SIGMA_ASSIGN_OR_RETURN(auto customerId, core::stringFromJson(cart["customerId"], "customerId"));
        SIGMA_TRY(sale.setCustomerId(customerId));
    }
    if (cart.contains("customer") && cart["customer"].is_object()) {
        SIGMA_ASSIGN_OR_RETURN(auto contact,
                               core::stringFromJson(cart["customer"].value("emailOrPhone", core::Json("")),
                                                    "customer.emailOrPhone"));
        sale.setCustomer(contact);
    }
    return core::ok();
}

core::Result<std::vector<core::Payment>> paymentsOf(const core::Json& cart)
{
    std::vector<core::Payment> payments;
    if (!cart.contains("payments") || !cart["payments"].is_array()) {
        return core::Error(core::errc::kNotFullyPaid, "the cart needs \"payments\"", "payments");
    }
    const auto& list = cart["payments"];
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "payments[" + std::to_string(i) + "]";
        if (!list[i].is_object()) {
            return core::Error(core::errc::kInvalidArgument, "a payment must be an object", path);
        }
        core::Payment payment;
        SIGMA_ASSIGN_OR_RETURN(auto type, core::stringFromJson(list[i].value("type", core::Json("cash")), path + ".type"));
        SIGMA_ASSIGN_OR_RETURN(payment.type, core::parsePaymentType(type));
        if (!list[i].contains("sum")) {
            return core::Error(core::errc::kBadMoney, "a payment needs a sum", path + ".sum");
        }
        SIGMA_ASSIGN_OR_RETURN(payment.sum, core::moneyFromJson(list[i]["sum"], path + ".sum"));
        payments.push_back(payment);
    }
    return payments;
}

core::Result<core::Json> checkoutResultJson(core::Result<till::CheckoutResult> result)
{
    if (!result) {
        return result.error();
    }
    return result->toJson();
}

core::Result<core::Json> saleCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto cart, readJson(context, options.input));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(pinOf(cart, options.pin), till::Permission::Sell));
    till::SaleSession sale(session->till(), session->lookup());
    SIGMA_TRY(fillSession(sale, cart));
    SIGMA_ASSIGN_OR_RETURN(auto payments, paymentsOf(cart));
    const std::string uuid = cart.value("uuid", std::string());
    return checkoutResultJson(
        till::CheckoutService(session->till()).checkout(sale.checkoutRequest(payments, cashier, uuid)));
}

core::Result<core::Json> returnCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto input, readJson(context, options.input));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    const std::string uuid = input.value("uuid", std::string());
    if (input.contains("original")) {
        SIGMA_ASSIGN_OR_RETURN(auto cashier,
                               session->login(pinOf(input, options.pin), till::Permission::ReturnWithReceipt));
        SIGMA_ASSIGN_OR_RETURN(auto original, core::stringFromJson(input["original"], "original"));
        std::vector<till::ReturnLine> lines;
        SIGMA_ASSIGN_OR_RETURN(auto stored, session->till().receipts().find(original));
        if (!stored) {
            return core::Error(till::errc::kReceiptNotFound, "no receipt " + original, "original");
        }
        if (input.contains("lines") && input["lines"].is_array()) {
            for (std::size_t i = 0; i < input["lines"].size(); ++i) {
                const auto& line = input["lines"][i];
                const std::string path = "lines[" + std::to_string(i) + "]";
                if (!line.is_object() || !line.contains("position") || !line["position"].is_number_integer()) {
                    return core::Error(core::errc::kInvalidArgument, "a line needs its \"position\" in the receipt",
                                       path + ".position");
                }
                till::ReturnLine wanted;
                wanted.originalPosition = line["position"].get<int>();
                SIGMA_ASSIGN_OR_RETURN(wanted.quantity,
                                       core::quantityFromJson(line.value("quantity", core::Json(1)), path + ".quantity"));
                lines.push_back(wanted);
            }
        } else {
            // No lines named: everything still returnable.
            SIGMA_ASSIGN_OR_RETURN(auto returned, session->till().receipts().returnedQuantities(original));
            for (const auto& line : stored->lines) {
                const auto left = line.quantity.thousandths() - returned[line.position];
                if (left > 0) {
                    lines.push_back({line.position, core::Quantity::fromThousandths(left)});
                }
            }
        }
        return checkoutResultJson(till::ReturnService(session->till()).returnByReceipt(original, lines, cashier, uuid));
    }
    // Free-form: a senior approves with their PIN; the original sale's date sets the VAT rates.
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(pinOf(input, options.pin), till::Permission::Sell));
    const std::string seniorPin = input.value("seniorPin", std::string());
    SIGMA_ASSIGN_OR_RETURN(auto senior,
                           session->auth().authorizeOverride(seniorPin, till::Permission::ReturnWithoutReceipt));
    till::SaleSession sale(session->till(), session->lookup());
    SIGMA_TRY(fillSession(sale, input));
    SIGMA_ASSIGN_OR_RETURN(auto payments, paymentsOf(input));
    auto request = sale.checkoutRequest(payments, cashier, uuid);
    if (input.contains("originalDate")) {
        SIGMA_ASSIGN_OR_RETURN(auto date, core::stringFromJson(input["originalDate"], "originalDate"));
        SIGMA_ASSIGN_OR_RETURN(request.receipt.vatDate, core::parseDate(date));
    }
    return checkoutResultJson(
        till::ReturnService(session->till()).freeForm(request.receipt, cashier, senior.id.toString(), uuid));
}

core::Result<core::Json> holdCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto cart, readJson(context, options.input));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(pinOf(cart, options.pin), till::Permission::Sell));
    till::SaleSession sale(session->till(), session->lookup());
    SIGMA_TRY(fillSession(sale, cart));
    SIGMA_ASSIGN_OR_RETURN(auto id, sale.hold(cashier, options.label));
    return core::Json{{"id", id}, {"held", true}};
}

core::Result<core::Json> resumeCommand(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    till::SaleSession sale(session->till(), session->lookup());
    if (options.id.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto held, sale.held());
        core::Json list = core::Json::array();
        for (const auto& h : held) {
            list.push_back({{"id", h.id}, {"createdAt", h.createdAtUs}, {"label", h.label}, {"lines", h.lineCount}});
        }
        return core::Json{{"held", std::move(list)}};
    }
    SIGMA_TRY(sale.resume(options.id));
    core::Json cart = sale.toJson();
    SIGMA_ASSIGN_OR_RETURN(auto totals, sale.totals());
    cart["total"] = totals.total.toDouble();
    return cart;
}

core::Result<core::Json> recoverCommand(const CliContext& context)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto report, till::RecoveryService(session->till()).recoverAll());
    return report.toJson();
}

core::Result<core::Json> journalCommand(const CliContext& context, const Options& options, const std::string& what)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    auto& journal = session->till().journal();
    if (what == "verify") {
        SIGMA_ASSIGN_OR_RETURN(auto report, journal.verify());
        SIGMA_ASSIGN_OR_RETURN(auto outbox, journal.outbox());
        core::Json out = {{"ok", report.ok}, {"checked", report.checked}, {"lastSeq", outbox.lastSeq},
                          {"ackedSeq", outbox.ackedSeq}, {"unsent", outbox.unsentCount}};
        if (!report.ok) {
            return core::Error(core::errc::kInternal, "journal broken at seq " + std::to_string(report.firstBadSeq) +
                                                          ": " + report.problem);
        }
        return out;
    }
    core::Json receipts = core::Json::array();
    SIGMA_ASSIGN_OR_RETURN(auto ids, session->till().receipts().allIds(options.limit * 100, 0));
    for (const auto& id : ids) {
        SIGMA_ASSIGN_OR_RETURN(auto receipt, session->till().receipts().find(id));
        core::Json entry = {{"uuid", receipt->id}, {"status", receipt->status}, {"operation", receipt->operation},
                            {"total", receipt->total.toDouble()}};
        if (receipt->fiscalDocumentNumber) {
            entry["fiscalDocumentNumber"] = *receipt->fiscalDocumentNumber;
        }
        for (const auto& payment : receipt->payments) {
            if (!payment.cardStatus.empty()) {
                entry["cards"].push_back({{"status", payment.cardStatus}, {"sum", payment.sum.toDouble()},
                                          {"operationId", payment.cardOperationId}});
            }
        }
        if (!receipt->failure.empty()) {
            entry["failure"] = receipt->failure;
        }
        receipts.push_back(std::move(entry));
    }
    core::Json events = core::Json::array();
    std::int64_t cursor = 0;
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto page, journal.after(cursor, 1000));
        for (const auto& event : page) {
            events.push_back(event.toJson());
            cursor = event.seq;
        }
        if (page.size() < 1000) {
            break;
        }
    }
    return core::Json{{"receipts", std::move(receipts)}, {"events", std::move(events)}};
}

template <typename F>
void bind(CLI::App* command, CliContext& context, F&& action)
{
    command->callback([&context, action] { context.setAction([action] { return action(); }); });
}

} // namespace

void addTillCommands(CLI::App& app, CliContext& context)
{
    auto o = std::make_shared<Options>();
    auto* ctx = &context;

    auto* init = app.add_subcommand("init", "Create the data directory, database, emulated register and administrator");
    init->add_option("--business", o->business, "trade, services or food");
    init->add_option("--admin-pin", o->adminPin, "The first administrator's PIN (default: a random one, printed once)");
    bind(init, context, [ctx, o] { return sigma::cli::init(*ctx, *o); });

    auto* staff = app.add_subcommand("staff", "Employees");
    staff->require_subcommand(1);
    auto* change = staff->add_subcommand("change-pin", "Change your own PIN");
    change->add_option("--pin", o->pin, "Current PIN")->required();
    change->add_option("--new-pin", o->newPin, "New PIN (4-8 digits)")->required();
    bind(change, context, [ctx, o] { return changePin(*ctx, *o); });
    auto* add = staff->add_subcommand("add", "Add an employee (needs an administrator's PIN)");
    add->add_option("--pin", o->pin, "Administrator's PIN")->required();
    add->add_option("--name", o->name, "Full name")->required();
    add->add_option("--role", o->role, "owner, administrator, seniorCashier, cashier, technician");
    add->add_option("--new-pin", o->newPin, "The new employee's PIN")->required();
    add->add_option("--inn", o->inn, "The employee's INN (12 digits, printed on receipts)");
    bind(add, context, [ctx, o] { return addEmployee(*ctx, *o); });

    auto* shift = app.add_subcommand("shift", "Shift: open, X report, close (Z) with a blind count, status");
    shift->require_subcommand(1);
    for (const char* what : {"open", "x", "close", "status"}) {
        auto* sub = shift->add_subcommand(what, std::string("shift ") + what);
        sub->add_option("--pin", o->pin, "Cashier's PIN (or $SIGMA_PIN)");
        if (std::string(what) == "close") {
            sub->add_option("--counted", o->counted, "The cash counted in the drawer");
        }
        const std::string name = what;
        bind(sub, context, [ctx, o, name] { return shiftCommand(*ctx, *o, name); });
    }

    auto* cash = app.add_subcommand("cash", "Cash in (внесение) and out (выплата)");
    cash->require_subcommand(1);
    for (const char* what : {"in", "out"}) {
        auto* sub = cash->add_subcommand(what, std::string("cash ") + what);
        sub->add_option("sum", o->sum, "The sum")->required();
        sub->add_option("--pin", o->pin, "PIN (or $SIGMA_PIN)");
        sub->add_option("--reason", o->reason, "Why");
        sub->add_option("--id", o->id, "Operation id (a retry with the same id does nothing)");
        const bool in = std::string(what) == "in";
        bind(sub, context, [ctx, o, in] { return cashCommand(*ctx, *o, in); });
    }

    auto* sale = app.add_subcommand("sale", "Ring a sale from a JSON cart");
    sale->add_option("file", o->input, "Cart JSON, or - for standard input");
    sale->add_option("--pin", o->pin, "PIN (else \"pin\" in the cart or $SIGMA_PIN)");
    bind(sale, context, [ctx, o] { return saleCommand(*ctx, *o); });

    auto* ret = app.add_subcommand("return", "A return by original receipt or free-form");
    ret->add_option("file", o->input, "Return JSON, or - for standard input");
    ret->add_option("--pin", o->pin, "PIN");
    bind(ret, context, [ctx, o] { return returnCommand(*ctx, *o); });

    auto* hold = app.add_subcommand("hold", "Hold a cart (отложенный чек)");
    hold->add_option("file", o->input, "Cart JSON, or - for standard input");
    hold->add_option("--pin", o->pin, "PIN");
    hold->add_option("--label", o->label, "A note to find it by");
    bind(hold, context, [ctx, o] { return holdCommand(*ctx, *o); });

    auto* resume = app.add_subcommand("resume", "List held carts, or take one back by id");
    resume->add_option("id", o->id, "Held cart id");
    bind(resume, context, [ctx, o] { return resumeCommand(*ctx, *o); });

    auto* recover = app.add_subcommand("recover", "Reconcile pending receipts with the register");
    bind(recover, context, [ctx] { return recoverCommand(*ctx); });

    auto* journal = app.add_subcommand("journal", "The event journal");
    journal->require_subcommand(1);
    for (const char* what : {"verify", "export"}) {
        auto* sub = journal->add_subcommand(what, std::string("journal ") + what);
        const std::string name = what;
        bind(sub, context, [ctx, o, name] { return journalCommand(*ctx, *o, name); });
    }
}

} // namespace sigma::cli
