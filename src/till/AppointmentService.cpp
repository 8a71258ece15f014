#include "till/AppointmentService.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"
#include "till/MasterService.h"
#include "till/TillErrors.h"

#include <algorithm>
#include <chrono>

namespace sigma::till {
namespace {

constexpr std::int64_t kMicrosPerMinute = 60LL * 1'000'000;
constexpr std::size_t kMaxNoteBytes = 500;

core::Json itemsJson(const std::vector<store::AppointmentItem>& items, bool kopecks)
{
    core::Json out = core::Json::array();
    for (const auto& item : items) {
        core::Json json = {{"position", item.position},
                           {"sku", item.sku},
                           {"name", item.name},
                           {"vatRate", item.vatRate},
                           {"staffId", item.staffId}};
        json["price"] = kopecks ? core::Json(item.price.kopecks()) : core::Json(item.price.toDouble());
        if (!item.productId.empty()) {
            json["productId"] = item.productId;
        }
        out.push_back(std::move(json));
    }
    return out;
}

std::string slotText(std::int64_t startUs, std::int64_t endUs)
{
    return formatLocalDateTime(startUs) + "-" + formatLocalDateTime(endUs).substr(11);
}

core::Date nextDay(core::Date date)
{
    return core::Date{std::chrono::sys_days(date) + std::chrono::days(1)};
}

} // namespace

AppointmentService::AppointmentService(TillContext& context, ProductLookup& lookup)
    : m_context(context), m_lookup(lookup)
{
}

core::Status AppointmentService::checkSlot(const std::string& staffId, std::int64_t startUs, std::int64_t endUs,
                                           const std::string& excludeId)
{
    const std::int64_t duration = endUs - startUs;
    if (startUs % kMicrosPerMinute != 0) {
        return core::Error(errc::kBadAppointmentTime, "an appointment starts on a whole minute", "start");
    }
    if (duration < kMinDurationMin * kMicrosPerMinute || duration > kMaxDurationMin * kMicrosPerMinute ||
        duration % (kDurationStepMin * kMicrosPerMinute) != 0) {
        return core::Error(errc::kBadAppointmentTime,
                           "the duration must be 5 minutes to 12 hours in steps of 5 minutes", "duration");
    }
    SIGMA_ASSIGN_OR_RETURN(auto master, MasterService(m_context).require(staffId));
    if (master.workFromMin && master.workToMin) {
        const std::int64_t midnight = localMidnightUs(localDateOf(startUs));
        const std::int64_t opens = midnight + *master.workFromMin * kMicrosPerMinute;
        const std::int64_t closes = midnight + *master.workToMin * kMicrosPerMinute;
        if (startUs < opens || endUs > closes) {
            return core::Error(errc::kOutsideWorkingHours,
                               master.name + " works " + formatMinuteOfDay(*master.workFromMin) + "-" +
                                   formatMinuteOfDay(*master.workToMin) + ": " + slotText(startUs, endUs) +
                                   " is outside the working hours",
                               "start");
        }
    }
    store::AppointmentRepository appointments(m_context.database().connection());
    SIGMA_ASSIGN_OR_RETURN(auto clashes, appointments.overlapping(master.employeeId, startUs, endUs, excludeId));
    if (!clashes.empty()) {
        const auto& other = clashes.front();
        return core::Error(errc::kAppointmentOverlap,
                           master.name + " is booked " + slotText(other.startsAtUs, other.endsAtUs) + " (appointment " +
                               other.id + ")",
                           "start");
    }
    return core::ok();
}

core::Result<std::optional<std::string>> AppointmentService::resolveCustomer(const std::string& customerId)
{
    if (customerId.empty()) {
        return std::optional<std::string>();
    }
    SIGMA_ASSIGN_OR_RETURN(auto customer, CustomerService(m_context).get(customerId));
    return std::optional<std::string>(customer.id.toString());
}

core::Result<std::vector<store::AppointmentItem>>
AppointmentService::resolveServices(const std::vector<ServiceRequest>& services, const std::string& defaultStaffId)
{
    const auto& vatTable = core::VatTable::standard();
    std::vector<store::AppointmentItem> items;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto& wanted = services[i];
        const std::string path = "services[" + std::to_string(i) + "]";
        store::AppointmentItem item;
        item.position = static_cast<int>(i);
        item.staffId = defaultStaffId;
        if (!wanted.staffId.empty()) {
            auto other = MasterService(m_context).require(wanted.staffId);
            if (!other) {
                return core::Error(other.error().code, other.error().message, path + ".staffId");
            }
            item.staffId = other->employeeId;
        }
        if (!wanted.sku.empty()) {
            auto product = m_lookup.bySku(wanted.sku);
            if (!product) {
                return core::Error(product.error().code, product.error().message, path + ".sku");
            }
            item.productId = product->id;
            item.sku = product->sku;
            item.name = product->name;
            item.price = product->price;
            item.vatRate = std::string(vatTable.info(product->vat).atolName);
        } else {
            if (wanted.name.empty()) {
                return core::Error(core::errc::kEmptyLineName, "a service needs a SKU or a name", path + ".name");
            }
            if (wanted.price.isNegative() || !wanted.price.withinRegisterLimit()) {
                return core::Error(core::errc::kNegativePrice, "price must be between 0 and the register limit",
                                   path + ".price");
            }
            item.name = wanted.name;
            item.price = wanted.price;
            item.vatRate = std::string(vatTable.info(wanted.vat).atolName);
        }
        items.push_back(std::move(item));
    }
    return items;
}

core::Result<store::Appointment> AppointmentService::create(const NewAppointment& input, const Cashier& by)
{
    SIGMA_ASSIGN_OR_RETURN(auto master, MasterService(m_context).require(input.staffId));
    store::Appointment a;
    a.id = m_context.newId();
    a.staffId = master.employeeId;
    SIGMA_ASSIGN_OR_RETURN(a.customerId, resolveCustomer(input.customerId));
    a.startsAtUs = input.startsAtUs;
    if (input.durationMin <= 0 || input.durationMin > kMaxDurationMin) {
        return core::Error(errc::kBadAppointmentTime, "the duration must be 5 minutes to 12 hours", "duration");
    }
    a.endsAtUs = input.startsAtUs + input.durationMin * kMicrosPerMinute;
    if (input.note.size() > kMaxNoteBytes) {
        return core::Error(core::errc::kInvalidArgument, "the note is longer than 500 bytes", "note");
    }
    a.note = input.note;
    a.createdBy = by.employeeId;
    a.createdAtUs = m_context.nowUs();
    a.updatedAtUs = a.createdAtUs;
    SIGMA_ASSIGN_OR_RETURN(a.items, resolveServices(input.services, a.staffId));
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        // Checked inside the write transaction: the single writer cannot book the slot meanwhile.
        SIGMA_TRY(checkSlot(a.staffId, a.startsAtUs, a.endsAtUs, a.id));
        SIGMA_TRY(store::AppointmentRepository(m_context.database().connection()).insert(a));
        core::Json payload = {{"appointmentId", a.id},
                              {"staffId", a.staffId},
                              {"startsAt", a.startsAtUs},
                              {"endsAt", a.endsAtUs},
                              {"note", a.note},
                              {"createdBy", a.createdBy},
                              {"services", itemsJson(a.items, true)}};
        if (a.customerId) {
            payload["customerId"] = *a.customerId;
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("appointment.created", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return a;
}

core::Result<store::Appointment> AppointmentService::get(const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, store::AppointmentRepository(m_context.database().connection()).find(id));
    if (!found) {
        return core::Error(errc::kAppointmentNotFound, "no appointment " + id, "id");
    }
    return *found;
}

core::Result<store::Appointment> AppointmentService::requireScheduled(const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto a, get(id));
    if (a.status != "scheduled") {
        return core::Error(errc::kAppointmentWrongState, "the appointment is " + a.status, "id");
    }
    if (a.receiptId) {
        SIGMA_ASSIGN_OR_RETURN(auto receipt, m_context.receipts().find(*a.receiptId));
        if (receipt && receipt->status == "pending") {
            return core::Error(errc::kAppointmentWrongState,
                               "the appointment's sale " + *a.receiptId + " is waiting for the register", "id");
        }
        if (receipt && receipt->status == "fiscalized") {
            return core::Error(errc::kAppointmentWrongState, "the appointment is paid (receipt " + *a.receiptId + ")",
                               "id");
        }
        a.receiptId.reset(); // a failed or abandoned sale: the link no longer means anything
    }
    return a;
}

core::Result<store::Appointment> AppointmentService::move(const std::string& id, const AppointmentMove& change,
                                                          const Cashier& by)
{
    SIGMA_TRY(settle());
    SIGMA_ASSIGN_OR_RETURN(auto a, requireScheduled(id));
    const store::Appointment before = a;
    if (change.staffId) {
        SIGMA_ASSIGN_OR_RETURN(auto master, MasterService(m_context).require(*change.staffId));
        // The services done by the old master move with the appointment to the new one.
        for (auto& item : a.items) {
            if (item.staffId == a.staffId) {
                item.staffId = master.employeeId;
            }
        }
        a.staffId = master.employeeId;
    }
    const std::int64_t duration =
        change.durationMin ? *change.durationMin * kMicrosPerMinute : before.endsAtUs - before.startsAtUs;
    if (duration <= 0 || duration > kMaxDurationMin * kMicrosPerMinute) {
        return core::Error(errc::kBadAppointmentTime, "the duration must be 5 minutes to 12 hours", "duration");
    }
    a.startsAtUs = change.startsAtUs;
    a.endsAtUs = change.startsAtUs + duration;
    a.updatedAtUs = m_context.nowUs();
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_TRY(checkSlot(a.staffId, a.startsAtUs, a.endsAtUs, a.id));
        SIGMA_TRY(store::AppointmentRepository(m_context.database().connection()).update(a));
        SIGMA_ASSIGN_OR_RETURN(auto event,
                               m_context.journal().append("appointment.moved", {{"appointmentId", a.id},
                                                                                {"staffId", a.staffId},
                                                                                {"startsAt", a.startsAtUs},
                                                                                {"endsAt", a.endsAtUs},
                                                                                {"previousStaffId", before.staffId},
                                                                                {"previousStartsAt", before.startsAtUs},
                                                                                {"previousEndsAt", before.endsAtUs},
                                                                                {"movedBy", by.employeeId}}));
        (void)event;
        return core::ok();
    }));
    return a;
}

core::Result<store::Appointment> AppointmentService::edit(const std::string& id, const AppointmentEdit& change,
                                                          const Cashier& by)
{
    SIGMA_TRY(settle());
    SIGMA_ASSIGN_OR_RETURN(auto a, requireScheduled(id));
    if (change.customerId) {
        SIGMA_ASSIGN_OR_RETURN(a.customerId, resolveCustomer(*change.customerId));
    }
    if (change.services) {
        SIGMA_ASSIGN_OR_RETURN(a.items, resolveServices(*change.services, a.staffId));
    }
    if (change.note) {
        if (change.note->size() > kMaxNoteBytes) {
            return core::Error(core::errc::kInvalidArgument, "the note is longer than 500 bytes", "note");
        }
        a.note = *change.note;
    }
    a.updatedAtUs = m_context.nowUs();
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_TRY(store::AppointmentRepository(m_context.database().connection()).update(a));
        core::Json payload = {{"appointmentId", a.id},
                              {"note", a.note},
                              {"services", itemsJson(a.items, true)},
                              {"updatedBy", by.employeeId}};
        if (a.customerId) {
            payload["customerId"] = *a.customerId;
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("appointment.updated", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return a;
}

core::Result<store::Appointment> AppointmentService::cancel(const std::string& id, std::string_view reason,
                                                            const Cashier& by)
{
    const auto first = reason.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return core::Error(errc::kCancelReasonRequired, "say why the appointment is cancelled", "reason");
    }
    const auto last = reason.find_last_not_of(" \t\r\n");
    const std::string why(reason.substr(first, last - first + 1));
    if (why.size() > kMaxNoteBytes) {
        return core::Error(core::errc::kInvalidArgument, "the reason is longer than 500 bytes", "reason");
    }
    SIGMA_TRY(settle());
    SIGMA_ASSIGN_OR_RETURN(auto a, requireScheduled(id));
    a.status = "cancelled";
    a.cancelReason = why;
    a.updatedAtUs = m_context.nowUs();
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_TRY(store::AppointmentRepository(m_context.database().connection()).update(a));
        SIGMA_ASSIGN_OR_RETURN(
            auto event,
            m_context.journal().append("appointment.cancelled",
                                       {{"appointmentId", a.id}, {"reason", why}, {"cancelledBy", by.employeeId}}));
        (void)event;
        return core::ok();
    }));
    return a;
}

core::Result<DayView> AppointmentService::day(core::Date date, bool includeCancelled)
{
    SIGMA_TRY(settle());
    DayView view;
    view.date = date;
    const std::int64_t from = localMidnightUs(date);
    const std::int64_t to = localMidnightUs(nextDay(date));
    SIGMA_ASSIGN_OR_RETURN(auto masters, MasterService(m_context).list());
    SIGMA_ASSIGN_OR_RETURN(auto booked,
                           store::AppointmentRepository(m_context.database().connection()).startingBetween(from, to));
    for (auto& master : masters) {
        view.columns.push_back({std::move(master), {}, {}});
    }
    store::MasterRepository masterRepository(m_context.database().connection(), m_context.clock());
    CustomerService customers(m_context);
    for (auto& a : booked) {
        if (a.status == "cancelled" && !includeCancelled) {
            continue;
        }
        auto column = std::find_if(view.columns.begin(), view.columns.end(),
                                   [&](const DayColumn& c) { return c.master.employeeId == a.staffId; });
        if (column == view.columns.end()) {
            // Booked with someone no longer an active master: still shown, so nobody is forgotten.
            SIGMA_ASSIGN_OR_RETURN(auto master, masterRepository.find(a.staffId));
            store::Master shown = master.value_or(store::Master{});
            shown.employeeId = a.staffId;
            shown.active = false;
            view.columns.push_back({std::move(shown), {}, {}});
            column = view.columns.end() - 1;
        }
        if (a.customerId && !view.customerNames.contains(*a.customerId)) {
            auto customer = customers.get(*a.customerId);
            view.customerNames[*a.customerId] = customer ? customer->name : std::string();
        }
        column->appointments.push_back(std::move(a));
    }
    for (auto& column : view.columns) {
        std::int64_t cursor = from;
        std::int64_t end = to;
        if (column.master.workFromMin && column.master.workToMin) {
            cursor = from + *column.master.workFromMin * kMicrosPerMinute;
            end = from + *column.master.workToMin * kMicrosPerMinute;
        }
        for (const auto& a : column.appointments) {
            if (a.status == "cancelled") {
                continue;
            }
            if (a.startsAtUs > cursor) {
                column.free.emplace_back(cursor, std::min(a.startsAtUs, end));
            }
            cursor = std::max(cursor, a.endsAtUs);
        }
        if (cursor < end) {
            column.free.emplace_back(cursor, end);
        }
        std::erase_if(column.free, [](const auto& slot) { return slot.second <= slot.first; });
    }
    return view;
}

core::Status AppointmentService::toSale(const std::string& id, SaleSession& sale, std::string receiptUuid)
{
    if (!sale.empty()) {
        return core::Error(core::errc::kInvalidArgument, "finish or hold the current receipt first");
    }
    SIGMA_TRY(settle());
    SIGMA_ASSIGN_OR_RETURN(auto a, requireScheduled(id));
    if (a.items.empty()) {
        return core::Error(errc::kAppointmentNoServices, "the appointment has no services to sell", "services");
    }
    const auto& vatTable = core::VatTable::standard();
    for (const auto& item : a.items) {
        SIGMA_TRY(sale.setCurrentStaff(item.staffId));
        core::Result<std::size_t> added = core::Error();
        auto product = item.sku.empty() ? core::Result<store::CatalogProduct>(core::Error()) : m_lookup.bySku(item.sku);
        if (product) {
            // The catalog's price of the day, as for any sale of the service.
            added = sale.addProduct(*product, core::Quantity::pieces(1));
        } else {
            // A free line, or a service gone from the catalog since the booking: the booked price.
            SIGMA_ASSIGN_OR_RETURN(auto vat, vatTable.fromAtolName(item.vatRate));
            added =
                sale.addFreePrice(item.name, item.price, vat, core::Quantity::pieces(1), core::PaymentObject::Service);
        }
        if (!added) {
            sale.clear();
            return added.error();
        }
    }
    SIGMA_TRY(sale.setCurrentStaff(a.staffId));
    SIGMA_TRY(sale.setCustomerId(a.customerId.value_or("")));
    if (receiptUuid.empty()) {
        receiptUuid = m_context.newId();
    } else {
        SIGMA_ASSIGN_OR_RETURN(auto parsed, core::Uuid::parse(receiptUuid));
        receiptUuid = parsed.toString();
    }
    sale.setReceiptId(receiptUuid);
    a.receiptId = receiptUuid;
    a.updatedAtUs = m_context.nowUs();
    // The link is written before the receipt exists, so a receipt fiscalized by recovery after a
    // crash still finds its appointment.
    return m_context.database().transaction(
        [&] { return store::AppointmentRepository(m_context.database().connection()).update(a); });
}

core::Result<CheckoutResult> AppointmentService::checkout(const std::string& id, std::vector<core::Payment> payments,
                                                          const Cashier& cashier, std::string uuid)
{
    SIGMA_TRY(settle());
    if (!uuid.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto parsed, core::Uuid::parse(uuid));
        uuid = parsed.toString();
        SIGMA_ASSIGN_OR_RETURN(auto existing, m_context.receipts().find(uuid));
        if (existing) {
            // A retry: the checkout answers with what happened to that receipt.
            CheckoutRequest retry;
            retry.uuid = uuid;
            retry.cashier = cashier;
            auto result = CheckoutService(m_context).checkout(std::move(retry));
            SIGMA_TRY(settle());
            return result;
        }
    }
    SaleSession sale(m_context, m_lookup);
    SIGMA_TRY(toSale(id, sale, uuid));
    auto result = CheckoutService(m_context).checkout(sale.checkoutRequest(std::move(payments), cashier));
    SIGMA_TRY(settle());
    return result;
}

core::Result<int> AppointmentService::settle()
{
    store::AppointmentRepository appointments(m_context.database().connection());
    SIGMA_ASSIGN_OR_RETURN(auto linked, appointments.scheduledWithReceipt());
    int done = 0;
    for (auto& a : linked) {
        SIGMA_ASSIGN_OR_RETURN(auto receipt, m_context.receipts().find(*a.receiptId));
        if (!receipt || receipt->status == "pending") {
            continue; // a sale being rung or waiting for the register
        }
        a.updatedAtUs = m_context.nowUs();
        if (receipt->status == "failed") {
            a.receiptId.reset();
            SIGMA_TRY(m_context.database().transaction([&] { return appointments.update(a); }));
            continue;
        }
        a.status = "done";
        SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
            SIGMA_TRY(appointments.update(a));
            SIGMA_ASSIGN_OR_RETURN(auto event,
                                   m_context.journal().append("appointment.completed",
                                                              {{"appointmentId", a.id}, {"receiptId", receipt->id}}));
            (void)event;
            return core::ok();
        }));
        ++done;
    }
    return done;
}

core::Json appointmentJson(const store::Appointment& a)
{
    core::Json out = {{"id", a.id},
                      {"staffId", a.staffId},
                      {"start", formatLocalDateTime(a.startsAtUs)},
                      {"end", formatLocalDateTime(a.endsAtUs)},
                      {"startsAt", a.startsAtUs},
                      {"endsAt", a.endsAtUs},
                      {"status", a.status},
                      {"note", a.note},
                      {"services", itemsJson(a.items, false)}};
    out["customerId"] = a.customerId ? core::Json(*a.customerId) : core::Json();
    if (a.receiptId) {
        out["receiptId"] = *a.receiptId;
    }
    if (a.cancelReason) {
        out["cancelReason"] = *a.cancelReason;
    }
    return out;
}

core::Json DayView::toJson() const
{
    core::Json columnsJson = core::Json::array();
    for (const auto& column : columns) {
        core::Json list = core::Json::array();
        for (const auto& a : column.appointments) {
            core::Json json = appointmentJson(a);
            if (a.customerId) {
                auto name = customerNames.find(*a.customerId);
                json["customerName"] = name != customerNames.end() ? name->second : std::string();
            }
            list.push_back(std::move(json));
        }
        core::Json free = core::Json::array();
        for (const auto& [from, to] : column.free) {
            free.push_back(
                formatLocalDateTime(from).substr(11) + "-" +
                (to - from > 0 && localDateOf(to) != date ? std::string("24:00") : formatLocalDateTime(to).substr(11)));
        }
        columnsJson.push_back(
            {{"master", masterJson(column.master)}, {"appointments", std::move(list)}, {"free", std::move(free)}});
    }
    return core::Json{{"date", core::formatDate(date)}, {"columns", std::move(columnsJson)}};
}

} // namespace sigma::till
