#include "store/AppointmentRepository.h"

#include "core/ErrorCodes.h"

namespace sigma::store {
namespace {

constexpr std::string_view kColumns =
    "id, staff_id, customer_id, starts_at_us, ends_at_us, status, note, receipt_id, cancel_reason, created_by, "
    "created_at_us, updated_at_us";

} // namespace

AppointmentRepository::AppointmentRepository(db::Connection& connection) : m_db(connection)
{
}

core::Status AppointmentRepository::insertItems(const Appointment& a)
{
    for (const auto& item : a.items) {
        SIGMA_TRY(
            m_db.execute("INSERT INTO appointment_services (appointment_id, position, product_id, sku, name, "
                         "price, vat_rate, staff_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                         {a.id, item.position, item.productId.empty() ? std::optional<std::string>() : item.productId,
                          item.sku, item.name, item.price.kopecks(), item.vatRate, item.staffId}));
    }
    return core::ok();
}

core::Status AppointmentRepository::insert(const Appointment& a)
{
    SIGMA_TRY(m_db.execute("INSERT INTO appointments (" + std::string(kColumns) +
                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                           {a.id, a.staffId, a.customerId, a.startsAtUs, a.endsAtUs, a.status, a.note, a.receiptId,
                            a.cancelReason, a.createdBy, a.createdAtUs, a.updatedAtUs}));
    return insertItems(a);
}

core::Status AppointmentRepository::update(const Appointment& a)
{
    SIGMA_TRY(m_db.execute("UPDATE appointments SET staff_id = $2, customer_id = $3, starts_at_us = $4, "
                           "ends_at_us = $5, status = $6, note = $7, receipt_id = $8, cancel_reason = $9, "
                           "updated_at_us = $10 WHERE id = $1",
                           {a.id, a.staffId, a.customerId, a.startsAtUs, a.endsAtUs, a.status, a.note, a.receiptId,
                            a.cancelReason, a.updatedAtUs}));
    if (m_db.changes() != 1) {
        return core::Error(core::errc::kNotFound, "no appointment " + a.id, "id");
    }
    SIGMA_TRY(m_db.execute("DELETE FROM appointment_services WHERE appointment_id = $1", {a.id}));
    return insertItems(a);
}

core::Result<std::vector<Appointment>> AppointmentRepository::load(std::string_view where,
                                                                   std::initializer_list<db::Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto rows, m_db.query("SELECT " + std::string(kColumns) + " FROM appointments " + std::string(where), params));
    std::vector<Appointment> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        Appointment a;
        a.id = row.text(0);
        a.staffId = row.text(1);
        a.customerId = row.optionalText(2);
        a.startsAtUs = row.int64(3);
        a.endsAtUs = row.int64(4);
        a.status = row.text(5);
        a.note = row.text(6);
        a.receiptId = row.optionalText(7);
        a.cancelReason = row.optionalText(8);
        a.createdBy = row.text(9);
        a.createdAtUs = row.int64(10);
        a.updatedAtUs = row.int64(11);
        SIGMA_ASSIGN_OR_RETURN(auto items, m_db.query("SELECT position, product_id, sku, name, price, vat_rate, "
                                                      "staff_id FROM appointment_services WHERE appointment_id = $1 "
                                                      "ORDER BY position",
                                                      {a.id}));
        for (const auto& i : items) {
            AppointmentItem item;
            item.position = static_cast<int>(i.int64(0));
            item.productId = i.optionalText(1).value_or("");
            item.sku = i.text(2);
            item.name = i.text(3);
            item.price = core::Money::fromKopecks(i.int64(4));
            item.vatRate = i.text(5);
            item.staffId = i.text(6);
            a.items.push_back(std::move(item));
        }
        out.push_back(std::move(a));
    }
    return out;
}

core::Result<std::optional<Appointment>> AppointmentRepository::find(const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, load("WHERE id = $1", {id}));
    if (found.empty()) {
        return std::optional<Appointment>();
    }
    return std::optional<Appointment>(std::move(found.front()));
}

core::Result<std::vector<Appointment>> AppointmentRepository::overlapping(const std::string& staffId,
                                                                          std::int64_t startUs, std::int64_t endUs,
                                                                          const std::string& excludeId)
{
    return load("WHERE staff_id = $1 AND status IN ('scheduled', 'done') AND starts_at_us < $3 AND ends_at_us > $2 "
                "AND id <> $4 ORDER BY starts_at_us",
                {staffId, startUs, endUs, excludeId});
}

core::Result<std::vector<Appointment>> AppointmentRepository::startingBetween(std::int64_t fromUs, std::int64_t toUs)
{
    return load("WHERE starts_at_us >= $1 AND starts_at_us < $2 ORDER BY starts_at_us, id", {fromUs, toUs});
}

core::Result<std::vector<Appointment>> AppointmentRepository::forCustomer(const std::string& customerId,
                                                                          std::size_t limit)
{
    return load("WHERE customer_id = $1 ORDER BY starts_at_us DESC LIMIT $2",
                {customerId, static_cast<std::int64_t>(limit)});
}

core::Result<std::vector<Appointment>> AppointmentRepository::scheduledWithReceipt()
{
    return load("WHERE status = 'scheduled' AND receipt_id IS NOT NULL ORDER BY starts_at_us", {});
}

} // namespace sigma::store
