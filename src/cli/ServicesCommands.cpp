#include "cli/ServicesCommands.h"

#include "cli/TerminalSession.h"
#include "core/ErrorCodes.h"
#include "store/EmployeeRepository.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"
#include "till/MasterService.h"
#include "till/SaleSession.h"

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>

namespace sigma::cli {
namespace {

struct Options {
    std::string pin;
    std::string id;
    std::string query;
    std::string name;
    std::string phone;
    std::string email;
    std::string specialty;
    std::string hours;
    bool noHours = false;
    bool inactive = false;
    std::string date;
    bool all = false;
    std::string master;
    std::string customer;
    std::string start;
    int duration = 0;
    std::vector<std::string> services;
    bool noCustomer = false;
    bool noServices = false;
    std::optional<std::string> note;
    std::string reason;
    std::string cash;
    std::string card;
    std::string uuid;
    std::size_t limit = 20;
};

core::Result<core::Json> staffList(const CliContext& context, const Options& options, bool mastersOnly)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    core::Json list = core::Json::array();
    if (mastersOnly) {
        SIGMA_ASSIGN_OR_RETURN(auto masters, till::MasterService(session->till()).list());
        for (const auto& master : masters) {
            list.push_back(till::masterJson(master));
        }
        return core::Json{{"masters", std::move(list)}};
    }
    auto& db = session->database().connection();
    store::EmployeeRepository employees(db, context.clock());
    store::MasterRepository masters(db, context.clock());
    SIGMA_ASSIGN_OR_RETURN(auto all, employees.listAll());
    for (const auto& e : all) {
        core::Json entry = {
            {"id", e.id.toString()}, {"name", e.name}, {"role", store::employeeRoleName(e.role)}, {"active", e.active}};
        SIGMA_ASSIGN_OR_RETURN(auto master, masters.find(e.id.toString()));
        entry["master"] = master ? till::masterJson(*master) : core::Json();
        list.push_back(std::move(entry));
    }
    return core::Json{{"employees", std::move(list)}};
}

core::Result<core::Json> staffMaster(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::ManageStaff));
    till::MasterProfile profile;
    profile.employeeId = options.id;
    profile.specialty = options.specialty;
    profile.active = !options.inactive;
    if (!options.hours.empty() && !options.noHours) {
        SIGMA_ASSIGN_OR_RETURN(profile.workingHours, till::MasterService::parseWorkingHours(options.hours));
    }
    SIGMA_ASSIGN_OR_RETURN(auto saved, till::MasterService(session->till()).save(profile, cashier));
    return till::masterJson(saved);
}

core::Result<core::Json> customerFind(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    SIGMA_ASSIGN_OR_RETURN(auto found, till::CustomerService(session->till()).find(options.query, options.limit));
    core::Json list = core::Json::array();
    for (const auto& c : found) {
        list.push_back(till::customerJson(c));
    }
    return core::Json{{"customers", std::move(list)}};
}

core::Result<core::Json> customerAdd(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    SIGMA_ASSIGN_OR_RETURN(
        auto created,
        till::CustomerService(session->till()).create({options.name, options.phone, options.email}, cashier));
    return till::customerJson(created);
}

core::Result<core::Json> customerShow(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    SIGMA_ASSIGN_OR_RETURN(auto card, till::CustomerService(session->till()).card(options.id, options.limit));
    return card.toJson();
}

core::Result<std::vector<till::ServiceRequest>> servicesOf(const Options& options)
{
    std::vector<till::ServiceRequest> out;
    for (const auto& text : options.services) {
        till::ServiceRequest service;
        const auto at = text.find('@');
        service.sku = text.substr(0, at);
        if (at != std::string::npos) {
            service.staffId = text.substr(at + 1);
        }
        out.push_back(std::move(service));
    }
    return out;
}

core::Result<core::Json> appointmentDay(const CliContext& context, const Options& options)
{
    core::Date date = context.today();
    if (!options.date.empty()) {
        SIGMA_ASSIGN_OR_RETURN(date, core::parseDate(options.date));
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    SIGMA_ASSIGN_OR_RETURN(auto view,
                           till::AppointmentService(session->till(), session->lookup()).day(date, options.all));
    return view.toJson();
}

core::Result<core::Json> appointmentAdd(const CliContext& context, const Options& options)
{
    till::NewAppointment input;
    input.staffId = options.master;
    input.customerId = options.customer;
    SIGMA_ASSIGN_OR_RETURN(input.startsAtUs, till::parseLocalDateTime(options.start));
    input.durationMin = options.duration > 0 ? options.duration : 60;
    input.note = options.note.value_or("");
    SIGMA_ASSIGN_OR_RETURN(input.services, servicesOf(options));
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    SIGMA_ASSIGN_OR_RETURN(auto created,
                           till::AppointmentService(session->till(), session->lookup()).create(input, cashier));
    return till::appointmentJson(created);
}

core::Result<core::Json> appointmentEdit(const CliContext& context, const Options& options)
{
    till::AppointmentEdit edit;
    if (options.noCustomer) {
        edit.customerId = "";
    } else if (!options.customer.empty()) {
        edit.customerId = options.customer;
    }
    if (options.noServices) {
        edit.services = std::vector<till::ServiceRequest>();
    } else if (!options.services.empty()) {
        SIGMA_ASSIGN_OR_RETURN(edit.services, servicesOf(options));
    }
    edit.note = options.note;
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    SIGMA_ASSIGN_OR_RETURN(
        auto edited, till::AppointmentService(session->till(), session->lookup()).edit(options.id, edit, cashier));
    return till::appointmentJson(edited);
}

core::Result<core::Json> appointmentShow(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    till::AppointmentService appointments(session->till(), session->lookup());
    SIGMA_TRY(appointments.settle());
    SIGMA_ASSIGN_OR_RETURN(auto found, appointments.get(options.id));
    return till::appointmentJson(found);
}

core::Result<core::Json> appointmentMove(const CliContext& context, const Options& options)
{
    till::AppointmentMove move;
    SIGMA_ASSIGN_OR_RETURN(move.startsAtUs, till::parseLocalDateTime(options.start));
    if (!options.master.empty()) {
        move.staffId = options.master;
    }
    if (options.duration != 0) {
        move.durationMin = options.duration;
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    SIGMA_ASSIGN_OR_RETURN(
        auto moved, till::AppointmentService(session->till(), session->lookup()).move(options.id, move, cashier));
    return till::appointmentJson(moved);
}

core::Result<core::Json> appointmentCancel(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    SIGMA_ASSIGN_OR_RETURN(
        auto cancelled,
        till::AppointmentService(session->till(), session->lookup()).cancel(options.id, options.reason, cashier));
    return till::appointmentJson(cancelled);
}

core::Result<core::Json> appointmentToSale(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    (void)cashier;
    till::SaleSession sale(session->till(), session->lookup());
    SIGMA_TRY(till::AppointmentService(session->till(), session->lookup()).toSale(options.id, sale, options.uuid));
    core::Json cart = sale.toJson();
    SIGMA_ASSIGN_OR_RETURN(auto totals, sale.totals());
    cart["total"] = totals.total.toDouble();
    return cart;
}

core::Result<core::Json> appointmentCheckout(const CliContext& context, const Options& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto session, TerminalSession::open(context));
    SIGMA_ASSIGN_OR_RETURN(auto cashier, session->login(options.pin, till::Permission::Sell));
    till::AppointmentService appointments(session->till(), session->lookup());
    std::vector<core::Payment> payments;
    if (!options.card.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto sum, core::Money::parse(options.card));
        payments.push_back({core::PaymentType::Electronically, sum});
    }
    if (!options.cash.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto sum, core::Money::parse(options.cash));
        payments.push_back({core::PaymentType::Cash, sum});
    }
    if (payments.empty()) {
        // No sums given: cash, exactly the total (previewed on a throwaway session).
        till::SaleSession preview(session->till(), session->lookup());
        SIGMA_TRY(appointments.toSale(options.id, preview));
        SIGMA_ASSIGN_OR_RETURN(auto totals, preview.totals());
        payments.push_back({core::PaymentType::Cash, totals.total});
    }
    SIGMA_ASSIGN_OR_RETURN(auto result, appointments.checkout(options.id, payments, cashier, options.uuid));
    core::Json out = result.toJson();
    SIGMA_ASSIGN_OR_RETURN(auto appointment, appointments.get(options.id));
    out["appointment"] = till::appointmentJson(appointment);
    return out;
}

template <typename F> void bind(CLI::App* command, CliContext& context, F&& action)
{
    command->callback([&context, action] { context.setAction([action] { return action(); }); });
}

void addPin(CLI::App* command, Options& options)
{
    command->add_option("--pin", options.pin, "PIN (or $SIGMA_PIN)");
}

} // namespace

void addServicesCommands(CLI::App& app, CliContext& context)
{
    auto o = std::make_shared<Options>();
    auto* ctx = &context;

    auto* staff = app.get_subcommand("staff");
    auto* list = staff->add_subcommand("list", "Employees, with their master profiles");
    addPin(list, *o);
    bind(list, context, [ctx, o] { return staffList(*ctx, *o, false); });
    auto* masters = staff->add_subcommand("masters", "Active masters (the day view's columns)");
    addPin(masters, *o);
    bind(masters, context, [ctx, o] { return staffList(*ctx, *o, true); });
    auto* master = staff->add_subcommand("master", "Make an employee a master, or change the profile");
    master->add_option("id", o->id, "Employee id")->required();
    addPin(master, *o);
    master->add_option("--specialty", o->specialty, "e.g. Парикмахер");
    master->add_option("--hours", o->hours, "Daily working hours HH:MM-HH:MM (none: any time)");
    master->add_flag("--inactive", o->inactive, "No longer takes appointments");
    bind(master, context, [ctx, o] { return staffMaster(*ctx, *o); });

    auto* customer = app.add_subcommand("customer", "Customers: find, add, show with visits");
    customer->require_subcommand(1);
    auto* find = customer->add_subcommand("find", "By a phone fragment (3+ digits) or name words");
    find->add_option("query", o->query, "Digits of the phone, or the name")->required();
    find->add_option("--limit", o->limit, "At most this many (default 20)");
    addPin(find, *o);
    bind(find, context, [ctx, o] { return customerFind(*ctx, *o); });
    auto* add = customer->add_subcommand("add", "Create a customer (the phone is required)");
    add->add_option("--name", o->name, "Name");
    add->add_option("--phone", o->phone, "Phone, +7 and 10 digits in any usual format")->required();
    add->add_option("--email", o->email, "E-mail");
    addPin(add, *o);
    bind(add, context, [ctx, o] { return customerAdd(*ctx, *o); });
    auto* show = customer->add_subcommand("show", "The customer's card: visits and appointments");
    show->add_option("id", o->id, "Customer id")->required();
    show->add_option("--limit", o->limit, "At most this many visits (default 20)");
    addPin(show, *o);
    bind(show, context, [ctx, o] { return customerShow(*ctx, *o); });

    auto* appointment = app.add_subcommand("appointment", "Appointments: day view, add, move, cancel, checkout");
    appointment->require_subcommand(1);
    auto* day = appointment->add_subcommand("day", "The day view: a column per master");
    day->add_option("date", o->date, "YYYY-MM-DD (default: today)");
    day->add_flag("--all", o->all, "Show cancelled appointments too");
    addPin(day, *o);
    bind(day, context, [ctx, o] { return appointmentDay(*ctx, *o); });
    auto* create = appointment->add_subcommand("add", "Book a master");
    create->add_option("--master", o->master, "The master's employee id")->required();
    create->add_option("--start", o->start, "Local time YYYY-MM-DDTHH:MM")->required();
    create->add_option("--duration", o->duration, "Minutes (default 60)");
    create->add_option("--customer", o->customer, "Customer id");
    create->add_option("--service", o->services, "Service SKU, or SKU@MASTER_ID (repeatable)");
    create->add_option("--note", o->note, "A note");
    addPin(create, *o);
    bind(create, context, [ctx, o] { return appointmentAdd(*ctx, *o); });
    auto* edit = appointment->add_subcommand("edit", "Change the customer, services or note");
    edit->add_option("id", o->id, "Appointment id")->required();
    edit->add_option("--customer", o->customer, "Customer id");
    edit->add_flag("--no-customer", o->noCustomer, "Detach the customer");
    edit->add_option("--service", o->services, "Service SKU, or SKU@MASTER_ID (repeatable; replaces the list)");
    edit->add_flag("--no-services", o->noServices, "Remove every service");
    edit->add_option("--note", o->note, "A note");
    addPin(edit, *o);
    bind(edit, context, [ctx, o] { return appointmentEdit(*ctx, *o); });
    auto* get = appointment->add_subcommand("show", "One appointment");
    get->add_option("id", o->id, "Appointment id")->required();
    addPin(get, *o);
    bind(get, context, [ctx, o] { return appointmentShow(*ctx, *o); });
    auto* move = appointment->add_subcommand("move", "Move to another time or master");
    move->add_option("id", o->id, "Appointment id")->required();
    move->add_option("--start", o->start, "New local time YYYY-MM-DDTHH:MM")->required();
    move->add_option("--master", o->master, "Another master's employee id");
    move->add_option("--duration", o->duration, "New duration in minutes");
    addPin(move, *o);
    bind(move, context, [ctx, o] { return appointmentMove(*ctx, *o); });
    auto* cancel = appointment->add_subcommand("cancel", "Cancel, with a reason");
    cancel->add_option("id", o->id, "Appointment id")->required();
    cancel->add_option("--reason", o->reason, "Why (required)");
    addPin(cancel, *o);
    bind(cancel, context, [ctx, o] { return appointmentCancel(*ctx, *o); });
    auto* toSale = appointment->add_subcommand("to-sale", "The cart the appointment rings up (not paid)");
    toSale->add_option("id", o->id, "Appointment id")->required();
    addPin(toSale, *o);
    bind(toSale, context, [ctx, o] { return appointmentToSale(*ctx, *o); });
    auto* checkout = appointment->add_subcommand("checkout", "Ring up and pay the appointment in one call");
    checkout->add_option("id", o->id, "Appointment id")->required();
    checkout->add_option("--cash", o->cash, "Cash given (default: the total, when no card)");
    checkout->add_option("--card", o->card, "Card sum");
    checkout->add_option("--uuid", o->uuid, "Receipt UUID (a retry with the same UUID charges nothing twice)");
    addPin(checkout, *o);
    bind(checkout, context, [ctx, o] { return appointmentCheckout(*ctx, *o); });
}

} // namespace sigma::cli
