#pragma once

#include "core/Money.h"
#include "core/Result.h"
#include "db/Connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::store {

/// A service to be done at an appointment: a catalog product (productId, sku) or a free line.
struct AppointmentItem {
    int position = 0;
    std::string productId; ///< empty for a free line
    std::string sku;
    std::string name;
    core::Money price;   ///< at booking time; the sale charges the catalog's price of the day
    std::string vatRate; ///< ATOL name
    std::string staffId; ///< the master who does it
};

/// A booking of one master for [startsAtUs, endsAtUs).
struct Appointment {
    std::string id;
    std::string staffId;
    std::optional<std::string> customerId;
    std::int64_t startsAtUs = 0;
    std::int64_t endsAtUs = 0;
    std::string status = "scheduled"; ///< scheduled, done, cancelled
    std::string note;
    std::optional<std::string> receiptId; ///< the sale for it, once one began
    std::optional<std::string> cancelReason;
    std::string createdBy;
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;
    std::vector<AppointmentItem> items;
};

/// Appointments and their services in terminal.db (store/ServicesSchema.cpp). Plain storage: the
/// booking rules are till::AppointmentService's. Writes happen inside the caller's transaction.
class AppointmentRepository {
public:
    explicit AppointmentRepository(db::Connection& connection);

    core::Status insert(const Appointment& appointment);
    /// Replaces every field but the id and createdAt, and the items.
    core::Status update(const Appointment& appointment);

    core::Result<std::optional<Appointment>> find(const std::string& id);
    /// The master's scheduled and done appointments that overlap [startUs, endUs) (half-open:
    /// touching ones do not), except `excludeId`.
    core::Result<std::vector<Appointment>> overlapping(const std::string& staffId, std::int64_t startUs,
                                                       std::int64_t endUs, const std::string& excludeId = {});
    /// Appointments starting in [fromUs, toUs), any status, by start.
    core::Result<std::vector<Appointment>> startingBetween(std::int64_t fromUs, std::int64_t toUs);
    /// A customer's appointments, the latest first.
    core::Result<std::vector<Appointment>> forCustomer(const std::string& customerId, std::size_t limit);
    /// Scheduled appointments linked to a sale (whose receipt may have been fiscalized since).
    core::Result<std::vector<Appointment>> scheduledWithReceipt();

private:
    core::Result<std::vector<Appointment>> load(std::string_view where, std::initializer_list<db::Param> params);
    core::Status insertItems(const Appointment& appointment);

    db::Connection& m_db;
};

} // namespace sigma::store
