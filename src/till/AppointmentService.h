#pragma once

#include "core/Receipt.h"
#include "store/AppointmentRepository.h"
#include "store/MasterRepository.h"
#include "till/CheckoutService.h"
#include "till/ProductLookup.h"
#include "till/SaleSession.h"
#include "till/TillContext.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// A service wanted at an appointment: a catalog product by SKU, or a free line.
struct ServiceRequest {
    std::string sku; ///< a catalog service; when empty, name/price/vat make a free line
    std::string name;
    core::Money price;
    core::VatRate vat = core::VatRate::None;
    std::string staffId; ///< the master who does it; empty: the appointment's master
};

struct NewAppointment {
    std::string staffId;    ///< the master booked
    std::string customerId; ///< empty: no customer yet
    std::int64_t startsAtUs = 0;
    int durationMin = 60;
    std::string note;
    std::vector<ServiceRequest> services;
};

/// Where an appointment goes: a new start, and optionally another master or duration.
struct AppointmentMove {
    std::int64_t startsAtUs = 0;
    std::optional<std::string> staffId;
    std::optional<int> durationMin;
};

/// What changes on an appointment besides its slot; an absent field stays as it is.
struct AppointmentEdit {
    std::optional<std::string> customerId;               ///< empty string: no customer
    std::optional<std::vector<ServiceRequest>> services; ///< replaces the list
    std::optional<std::string> note;
};

/// One master's column of the day view.
struct DayColumn {
    store::Master master;
    std::vector<store::Appointment> appointments;            ///< by start
    std::vector<std::pair<std::int64_t, std::int64_t>> free; ///< free [from, to) within the working hours
};

/// The day view: a column per master (active masters first, then anyone else booked that day).
struct DayView {
    core::Date date;
    std::vector<DayColumn> columns;
    std::map<std::string, std::string> customerNames; ///< customer id -> name, for the cards

    [[nodiscard]] core::Json toJson() const;
};

/// Appointments (записи) of a salon: each books one master for a time slot, with the customer and
/// the services to be done.
///
/// Rules:
/// - A slot is [start, start + duration): half-open, so an appointment ending at 11:00 and one
///   starting at 11:00 do not overlap. Starts are on whole minutes; durations are 5 minutes to
///   12 hours in steps of 5 minutes.
/// - The same master cannot have two overlapping appointments that are scheduled or done; a
///   cancelled one frees its slot. The customer may be booked with two masters at once
///   (manicure and pedicure together).
/// - When the master has working hours, the slot must lie within them on its local day.
/// - Only a scheduled appointment can be moved or cancelled (a cancel needs a reason), and not
///   while its sale waits for the register.
/// - toSale() fills a sale session with the services, each attributed to its master, and the
///   customer, and links the receipt's UUID to the appointment; the appointment becomes done when
///   that receipt is fiscalized (settle(), which checkout() and day() run; a failed receipt
///   unlinks it again).
/// Every change is journaled (`appointment.created`, `.updated`, `.moved`, `.cancelled`,
/// `.completed`).
class AppointmentService {
public:
    AppointmentService(TillContext& context, ProductLookup& lookup);

    core::Result<store::Appointment> create(const NewAppointment& appointment, const Cashier& by);
    core::Result<store::Appointment> move(const std::string& id, const AppointmentMove& move, const Cashier& by);
    /// The customer, the services or the note of a scheduled appointment.
    core::Result<store::Appointment> edit(const std::string& id, const AppointmentEdit& edit, const Cashier& by);
    core::Result<store::Appointment> cancel(const std::string& id, std::string_view reason, const Cashier& by);
    core::Result<store::Appointment> get(const std::string& id);
    core::Result<DayView> day(core::Date date, bool includeCancelled = false);

    /// Fills an empty sale session from the appointment; `receiptUuid` empty: a new one.
    core::Status toSale(const std::string& id, SaleSession& sale, std::string receiptUuid = {});
    /// toSale() and the checkout in one call, then settle(). A repeated `uuid` returns the first
    /// outcome (the checkout's idempotency).
    core::Result<CheckoutResult> checkout(const std::string& id, std::vector<core::Payment> payments,
                                          const Cashier& cashier, std::string uuid = {});
    /// Marks done the appointments whose receipts were fiscalized, unlinks those whose receipts
    /// failed; returns how many became done.
    core::Result<int> settle();

    static constexpr int kMinDurationMin = 5;
    static constexpr int kMaxDurationMin = 12 * 60;
    static constexpr int kDurationStepMin = 5;

private:
    core::Status checkSlot(const std::string& staffId, std::int64_t startUs, std::int64_t endUs,
                           const std::string& excludeId);
    core::Result<store::Appointment> requireScheduled(const std::string& id);
    core::Result<std::vector<store::AppointmentItem>> resolveServices(const std::vector<ServiceRequest>& services,
                                                                      const std::string& defaultStaffId);
    core::Result<std::optional<std::string>> resolveCustomer(const std::string& customerId);

    TillContext& m_context;
    ProductLookup& m_lookup;
};

/// The appointment as JSON for sigmactl and the screens (local times "YYYY-MM-DDTHH:MM").
core::Json appointmentJson(const store::Appointment& appointment);

} // namespace sigma::till
