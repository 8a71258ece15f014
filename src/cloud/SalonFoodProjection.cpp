#include "cloud/SalonFoodProjection.h"

#include "cloud/CloudErrors.h"
#include "cloud/PayloadReader.h"

#include <string>

namespace sigma::cloud {

namespace {

/// The reader of element `index` of an array field, its errors under "key[index]".
core::Result<PayloadReader> element(const core::Json& array, std::size_t index, const char* key,
                                    const std::string& what)
{
    auto reader = PayloadReader::of(array[index], what);
    if (!reader) {
        return reader.error().inField(std::string(key) + "[" + std::to_string(index) + "]");
    }
    return reader;
}

std::string at(const char* key, std::size_t index)
{
    return std::string(key) + "[" + std::to_string(index) + "]";
}

/// One service of an appointment, read before anything is written.
struct ServiceRow {
    std::int64_t position = 0;
    std::optional<std::string> productId;
    std::optional<std::string> sku;
    std::optional<std::string> name;
    std::optional<std::int64_t> price;
    std::optional<std::string> vatRate;
    std::optional<std::string> staffId;
};

core::Result<std::vector<ServiceRow>> readServices(const PayloadReader& payload)
{
    SIGMA_ASSIGN_OR_RETURN(const core::Json list, payload.optionalArray("services"));
    std::vector<ServiceRow> rows;
    for (std::size_t i = 0; i < list.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(const auto item, element(list, i, "services", payload.what()));
        auto read = [&]() -> core::Result<ServiceRow> {
            ServiceRow row;
            SIGMA_ASSIGN_OR_RETURN(auto position, item.optionalInt("position"));
            row.position = position.value_or(static_cast<std::int64_t>(i));
            SIGMA_ASSIGN_OR_RETURN(row.productId, item.optionalId("productId"));
            SIGMA_ASSIGN_OR_RETURN(row.sku, item.optionalString("sku"));
            SIGMA_ASSIGN_OR_RETURN(row.name, item.optionalString("name"));
            SIGMA_ASSIGN_OR_RETURN(row.price, item.optionalInt("price"));
            SIGMA_ASSIGN_OR_RETURN(row.vatRate, item.optionalString("vatRate"));
            SIGMA_ASSIGN_OR_RETURN(row.staffId, item.optionalId("staffId"));
            return row;
        };
        auto row = read();
        if (!row) {
            return row.error().inField(at("services", i));
        }
        rows.push_back(std::move(row).value());
    }
    return rows;
}

core::Status replaceServices(db::Connection& db, const std::string& account, const std::string& appointmentId,
                             const std::vector<ServiceRow>& services)
{
    SIGMA_TRY(db.execute("DELETE FROM appointment_services WHERE account_id = $1 AND appointment_id = $2",
                         {account, appointmentId}));
    for (const auto& s : services) {
        SIGMA_TRY(db.execute(
            "INSERT INTO appointment_services(account_id, appointment_id, position, product_id, sku, "
            "name, price, vat_rate, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON "
            "CONFLICT (account_id, appointment_id, position) DO NOTHING",
            {account, appointmentId, s.position, s.productId, s.sku, s.name, s.price, s.vatRate, s.staffId}));
    }
    return core::ok();
}

core::Status projectAppointment(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                                const PayloadReader& p)
{
    const std::string& account = device.accountId;
    SIGMA_ASSIGN_OR_RETURN(const std::string id, p.requiredString("appointmentId"));
    const std::int64_t occurredAt = event.occurredAtUs;
    if (event.type == "appointment.created" || event.type == "appointment.moved") {
        SIGMA_ASSIGN_OR_RETURN(const std::string staffId, p.requiredString("staffId"));
        SIGMA_ASSIGN_OR_RETURN(const std::int64_t startsAt, p.requiredInt("startsAt"));
        SIGMA_ASSIGN_OR_RETURN(const std::int64_t endsAt, p.requiredInt("endsAt"));
        if (endsAt <= startsAt) {
            return core::Error(errc::kBadPayload, event.type + ": 'endsAt' must be after 'startsAt'", "endsAt");
        }
        if (event.type == "appointment.created") {
            SIGMA_ASSIGN_OR_RETURN(const auto customerId, p.optionalId("customerId"));
            SIGMA_ASSIGN_OR_RETURN(const auto note, p.optionalString("note"));
            SIGMA_ASSIGN_OR_RETURN(const auto createdBy, p.optionalId("createdBy"));
            SIGMA_ASSIGN_OR_RETURN(const auto services, readServices(p));
            SIGMA_TRY(db.execute(
                "INSERT INTO appointments(account_id, appointment_id, device_id, staff_id, "
                "customer_id, starts_at, ends_at, note, status, created_by, created_at, updated_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'scheduled', $9, $10, $10) ON CONFLICT "
                "(account_id, appointment_id) DO NOTHING",
                {account, id, device.deviceId, staffId, customerId, startsAt, endsAt, note, createdBy, occurredAt}));
            if (db.changes() == 0) {
                return core::ok();
            }
            return replaceServices(db, account, id, services);
        }
        SIGMA_ASSIGN_OR_RETURN(const auto previousStaffId, p.optionalId("previousStaffId"));
        SIGMA_TRY(db.execute("UPDATE appointments SET staff_id = $3, starts_at = $4, ends_at = $5, updated_at = $6 "
                             "WHERE account_id = $1 AND appointment_id = $2",
                             {account, id, staffId, startsAt, endsAt, occurredAt}));
        // The previous master's services go with the appointment to the new one.
        if (previousStaffId && *previousStaffId != staffId) {
            SIGMA_TRY(db.execute("UPDATE appointment_services SET staff_id = $3 WHERE account_id = $1 AND "
                                 "appointment_id = $2 AND staff_id = $4",
                                 {account, id, staffId, *previousStaffId}));
        }
        return core::ok();
    }
    if (event.type == "appointment.updated") {
        SIGMA_ASSIGN_OR_RETURN(const auto customerId, p.optionalId("customerId"));
        SIGMA_ASSIGN_OR_RETURN(const auto note, p.optionalString("note"));
        SIGMA_ASSIGN_OR_RETURN(const auto services, readServices(p));
        SIGMA_TRY(db.execute("UPDATE appointments SET customer_id = $3, note = $4, updated_at = $5 WHERE account_id = "
                             "$1 AND appointment_id = $2",
                             {account, id, customerId, note, occurredAt}));
        if (db.changes() == 0) {
            return core::ok(); // no such appointment here: nothing to attach the services to
        }
        return replaceServices(db, account, id, services);
    }
    if (event.type == "appointment.cancelled") {
        SIGMA_ASSIGN_OR_RETURN(const std::string reason, p.requiredString("reason"));
        return db.execute("UPDATE appointments SET status = 'cancelled', cancel_reason = $3, updated_at = $4 WHERE "
                          "account_id = $1 AND appointment_id = $2 AND status = 'scheduled'",
                          {account, id, reason, occurredAt});
    }
    if (event.type == "appointment.completed") {
        SIGMA_ASSIGN_OR_RETURN(const auto receiptId, p.optionalId("receiptId"));
        return db.execute("UPDATE appointments SET status = 'completed', receipt_id = $3, updated_at = $4 WHERE "
                          "account_id = $1 AND appointment_id = $2 AND status = 'scheduled'",
                          {account, id, receiptId, occurredAt});
    }
    return core::ok();
}

core::Status projectMaster(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                           const PayloadReader& p)
{
    SIGMA_ASSIGN_OR_RETURN(const std::string employeeId, p.requiredString("employeeId"));
    SIGMA_ASSIGN_OR_RETURN(const auto specialty, p.optionalString("specialty"));
    SIGMA_ASSIGN_OR_RETURN(const auto active, p.optionalBool("active"));
    SIGMA_ASSIGN_OR_RETURN(const auto workFrom, p.optionalInt("workFrom"));
    SIGMA_ASSIGN_OR_RETURN(const auto workTo, p.optionalInt("workTo"));
    SIGMA_ASSIGN_OR_RETURN(const auto savedBy, p.optionalId("savedBy"));
    return db.execute(
        "INSERT INTO masters(account_id, employee_id, device_id, specialty, active, work_from, work_to, saved_by, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (account_id, employee_id) DO UPDATE SET "
        "device_id = excluded.device_id, specialty = excluded.specialty, active = excluded.active, work_from = "
        "excluded.work_from, work_to = excluded.work_to, saved_by = excluded.saved_by, updated_at = "
        "excluded.updated_at WHERE masters.updated_at <= excluded.updated_at",
        {device.accountId, employeeId, device.deviceId, specialty, active.value_or(true), workFrom, workTo, savedBy,
         event.occurredAtUs});
}

core::Status projectCustomer(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                             const PayloadReader& p)
{
    SIGMA_ASSIGN_OR_RETURN(const std::string customerId, p.requiredString("customerId"));
    SIGMA_ASSIGN_OR_RETURN(const auto name, p.optionalString("name"));
    SIGMA_ASSIGN_OR_RETURN(const auto phone, p.optionalId("phone"));
    SIGMA_ASSIGN_OR_RETURN(const auto email, p.optionalId("email"));
    SIGMA_ASSIGN_OR_RETURN(const auto savedBy, p.optionalId("savedBy"));
    return db.execute("INSERT INTO customers(account_id, customer_id, device_id, name, phone, email, saved_by, "
                      "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (account_id, customer_id) DO "
                      "UPDATE SET device_id = excluded.device_id, name = excluded.name, phone = excluded.phone, email "
                      "= excluded.email, saved_by = excluded.saved_by, updated_at = excluded.updated_at WHERE "
                      "customers.updated_at <= excluded.updated_at",
                      {device.accountId, customerId, device.deviceId, name, phone, email, savedBy, event.occurredAtUs});
}

core::Status projectTable(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                          const PayloadReader& p)
{
    SIGMA_ASSIGN_OR_RETURN(const std::string tableId, p.requiredString("tableId"));
    SIGMA_ASSIGN_OR_RETURN(const auto name, p.optionalString("name"));
    SIGMA_ASSIGN_OR_RETURN(const auto x, p.optionalInt("x"));
    SIGMA_ASSIGN_OR_RETURN(const auto y, p.optionalInt("y"));
    SIGMA_ASSIGN_OR_RETURN(const auto seats, p.optionalInt("seats"));
    SIGMA_ASSIGN_OR_RETURN(const auto removed, p.optionalBool("removed"));
    return db.execute(
        "INSERT INTO food_tables(account_id, table_id, device_id, name, x, y, seats, removed, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (account_id, table_id) DO "
        "UPDATE SET device_id = excluded.device_id, name = excluded.name, x = excluded.x, y = "
        "excluded.y, seats = excluded.seats, removed = excluded.removed, updated_at = "
        "excluded.updated_at WHERE food_tables.updated_at <= excluded.updated_at",
        {device.accountId, tableId, device.deviceId, name, x, y, seats, removed.value_or(false), event.occurredAtUs});
}

struct OrderLine {
    std::int64_t position = 0;
    std::optional<std::string> productId;
    std::optional<std::string> name;
    std::optional<std::int64_t> price;
    std::optional<std::int64_t> quantity;
    std::optional<std::int64_t> amount;
    std::optional<std::string> modifiers; ///< JSON text of the array
    std::optional<std::string> comment;
};

struct OrderPart {
    std::int64_t part = 0;
    std::optional<std::string> receiptId;
    std::optional<std::int64_t> amount;
    bool paid = false;
};

core::Result<OrderLine> readOrderLine(const PayloadReader& item, std::size_t index)
{
    OrderLine line;
    SIGMA_ASSIGN_OR_RETURN(auto position, item.optionalInt("position"));
    line.position = position.value_or(static_cast<std::int64_t>(index));
    SIGMA_ASSIGN_OR_RETURN(line.productId, item.optionalId("productId"));
    SIGMA_ASSIGN_OR_RETURN(line.name, item.optionalString("name"));
    SIGMA_ASSIGN_OR_RETURN(line.price, item.optionalInt("price"));
    SIGMA_ASSIGN_OR_RETURN(line.quantity, item.optionalInt("quantity"));
    SIGMA_ASSIGN_OR_RETURN(line.amount, item.optionalInt("amount"));
    SIGMA_ASSIGN_OR_RETURN(const core::Json modifiers, item.optionalArray("modifiers"));
    line.modifiers = modifiers.dump();
    SIGMA_ASSIGN_OR_RETURN(line.comment, item.optionalString("comment"));
    return line;
}

core::Result<OrderPart> readOrderPart(const PayloadReader& item, std::size_t index)
{
    OrderPart part;
    SIGMA_ASSIGN_OR_RETURN(auto number, item.optionalInt("part"));
    part.part = number.value_or(static_cast<std::int64_t>(index));
    SIGMA_ASSIGN_OR_RETURN(part.receiptId, item.optionalId("receiptId"));
    SIGMA_ASSIGN_OR_RETURN(part.amount, item.optionalInt("amount"));
    SIGMA_ASSIGN_OR_RETURN(auto paid, item.optionalBool("paid"));
    part.paid = paid.value_or(false);
    return part;
}

core::Status projectOrder(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                          const PayloadReader& p)
{
    const std::string& account = device.accountId;
    SIGMA_ASSIGN_OR_RETURN(const std::string orderId, p.requiredString("orderId"));
    SIGMA_ASSIGN_OR_RETURN(const std::string status, p.requiredString("status"));
    if (status != "open" && status != "paid" && status != "cancelled" && status != "merged") {
        return core::Error(errc::kBadPayload, "food.order: 'status' must be open, paid, cancelled or merged", "status");
    }
    SIGMA_ASSIGN_OR_RETURN(const auto number, p.optionalInt("number"));
    SIGMA_ASSIGN_OR_RETURN(const auto tableId, p.optionalId("tableId"));
    SIGMA_ASSIGN_OR_RETURN(const auto guests, p.optionalInt("guests"));
    SIGMA_ASSIGN_OR_RETURN(const auto waiterId, p.optionalId("waiterId"));
    SIGMA_ASSIGN_OR_RETURN(const auto openedAt, p.optionalInt("openedAt"));
    SIGMA_ASSIGN_OR_RETURN(const auto total, p.optionalInt("total"));
    SIGMA_ASSIGN_OR_RETURN(const auto cancelReason, p.optionalId("cancelReason"));
    SIGMA_ASSIGN_OR_RETURN(const auto mergedInto, p.optionalId("mergedInto"));
    SIGMA_ASSIGN_OR_RETURN(const auto carriedShiftId, p.optionalId("carriedShiftId"));
    SIGMA_ASSIGN_OR_RETURN(const auto carryReason, p.optionalId("carryReason"));
    SIGMA_ASSIGN_OR_RETURN(const core::Json lineList, p.optionalArray("lines"));
    std::vector<OrderLine> lines;
    for (std::size_t i = 0; i < lineList.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(const auto item, element(lineList, i, "lines", p.what()));
        auto line = readOrderLine(item, i);
        if (!line) {
            return line.error().inField(at("lines", i));
        }
        lines.push_back(std::move(line).value());
    }
    SIGMA_ASSIGN_OR_RETURN(const core::Json partList, p.optionalArray("parts"));
    std::vector<OrderPart> parts;
    for (std::size_t i = 0; i < partList.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(const auto item, element(partList, i, "parts", p.what()));
        auto part = readOrderPart(item, i);
        if (!part) {
            return part.error().inField(at("parts", i));
        }
        parts.push_back(std::move(part).value());
    }

    SIGMA_TRY(db.execute(
        "INSERT INTO food_orders(account_id, order_id, device_id, number, table_id, status, guests, waiter_id, "
        "opened_at, total, cancel_reason, merged_into, carried_shift_id, carry_reason, updated_at) VALUES ($1, $2, $3, "
        "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (account_id, order_id) DO UPDATE SET "
        "device_id = excluded.device_id, number = excluded.number, table_id = excluded.table_id, status = "
        "excluded.status, guests = excluded.guests, waiter_id = excluded.waiter_id, opened_at = excluded.opened_at, "
        "total = excluded.total, cancel_reason = excluded.cancel_reason, merged_into = excluded.merged_into, "
        "carried_shift_id = excluded.carried_shift_id, carry_reason = excluded.carry_reason, updated_at = "
        "excluded.updated_at WHERE food_orders.updated_at <= excluded.updated_at",
        {account, orderId, device.deviceId, number, tableId, status, guests, waiterId, openedAt, total, cancelReason,
         mergedInto, carriedShiftId, carryReason, event.occurredAtUs}));
    if (db.changes() == 0) {
        return core::ok(); // an older state than the one held
    }
    // The event is the whole order: its lines and parts replace the ones held.
    SIGMA_TRY(db.execute("DELETE FROM food_order_lines WHERE account_id = $1 AND order_id = $2", {account, orderId}));
    SIGMA_TRY(db.execute("DELETE FROM food_order_parts WHERE account_id = $1 AND order_id = $2", {account, orderId}));
    for (const auto& l : lines) {
        SIGMA_TRY(db.execute("INSERT INTO food_order_lines(account_id, order_id, position, product_id, name, price, "
                             "quantity, amount, modifiers, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                             "ON CONFLICT (account_id, order_id, position) DO NOTHING",
                             {account, orderId, l.position, l.productId, l.name, l.price, l.quantity, l.amount,
                              l.modifiers, l.comment}));
    }
    for (const auto& part : parts) {
        SIGMA_TRY(db.execute("INSERT INTO food_order_parts(account_id, order_id, part, receipt_id, amount, paid) "
                             "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, order_id, part) DO NOTHING",
                             {account, orderId, part.part, part.receiptId, part.amount, part.paid}));
    }
    return core::ok();
}

core::Status projectTicket(db::Connection& db, const DeviceIdentity& device, const store::JournalEvent& event,
                           const PayloadReader& p)
{
    SIGMA_ASSIGN_OR_RETURN(const std::string ticketId, p.requiredString("ticketId"));
    SIGMA_ASSIGN_OR_RETURN(const std::string state, p.requiredString("state"));
    SIGMA_ASSIGN_OR_RETURN(const auto number, p.optionalInt("number"));
    SIGMA_ASSIGN_OR_RETURN(const auto orderId, p.optionalId("orderId"));
    SIGMA_ASSIGN_OR_RETURN(const auto printerId, p.optionalId("printerId"));
    if (state == "new") {
        SIGMA_ASSIGN_OR_RETURN(const auto body, p.optionalObjectText("body"));
        return db.execute(
            "INSERT INTO food_tickets(account_id, ticket_id, device_id, number, order_id, printer_id, "
            "state, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'new', $7, $8) ON CONFLICT "
            "(account_id, ticket_id) DO NOTHING",
            {device.accountId, ticketId, device.deviceId, number, orderId, printerId, body, event.occurredAtUs});
    }
    if (state == "ready") {
        SIGMA_ASSIGN_OR_RETURN(const auto readyAt, p.optionalInt("readyAt"));
        return db.execute("INSERT INTO food_tickets(account_id, ticket_id, device_id, number, order_id, state, "
                          "created_at, ready_at) VALUES ($1, $2, $3, $4, $5, 'ready', $6, $7) ON CONFLICT "
                          "(account_id, ticket_id) DO UPDATE SET state = 'ready', ready_at = excluded.ready_at",
                          {device.accountId, ticketId, device.deviceId, number, orderId, event.occurredAtUs,
                           readyAt.value_or(event.occurredAtUs)});
    }
    return core::Error(errc::kBadPayload, "food.ticket: 'state' must be new or ready", "state");
}

} // namespace

core::Result<bool> projectSalonOrFoodEvent(db::Connection& db, const DeviceIdentity& device,
                                           const store::JournalEvent& event)
{
    const std::string& type = event.type;
    const bool appointment = type == "appointment.created" || type == "appointment.updated" ||
                             type == "appointment.moved" || type == "appointment.cancelled" ||
                             type == "appointment.completed";
    if (!appointment && type != "master.saved" && type != "customer.saved" && type != "food.table" &&
        type != "food.order" && type != "food.ticket") {
        return false;
    }
    SIGMA_ASSIGN_OR_RETURN(const auto payload, PayloadReader::of(event.payload, type));
    if (appointment) {
        SIGMA_TRY(projectAppointment(db, device, event, payload));
    } else if (type == "master.saved") {
        SIGMA_TRY(projectMaster(db, device, event, payload));
    } else if (type == "customer.saved") {
        SIGMA_TRY(projectCustomer(db, device, event, payload));
    } else if (type == "food.table") {
        SIGMA_TRY(projectTable(db, device, event, payload));
    } else if (type == "food.order") {
        SIGMA_TRY(projectOrder(db, device, event, payload));
    } else {
        SIGMA_TRY(projectTicket(db, device, event, payload));
    }
    return true;
}

} // namespace sigma::cloud
