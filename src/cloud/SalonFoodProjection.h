#pragma once

#include "cloud/DeviceService.h"
#include "core/Result.h"
#include "db/Connection.h"
#include "store/JournalEvent.h"

namespace sigma::cloud {

/// Projects the services and food events of docs/sync-protocol.md into the tables of cloud
/// migration 3: `master.saved` → masters, `customer.saved` → customers, `appointment.*` →
/// appointments and appointment_services, `food.table` → food_tables, `food.order` → food_orders
/// with its lines and parts (the latest state), `food.ticket` → food_tickets.
///
/// Runs inside the ingest transaction. Returns false for any other type. A payload with a required
/// field missing or a field of the wrong type is errc::kBadPayload naming the field relative to
/// the payload; the caller's rollback then leaves nothing of the batch behind. State events
/// (master, customer, table, order) keep the newest by `occurredAt`, an equal time taking the one
/// received later (for one device, the higher seq).
[[nodiscard]] core::Result<bool> projectSalonOrFoodEvent(db::Connection& db, const DeviceIdentity& device,
                                                         const store::JournalEvent& event);

} // namespace sigma::cloud
