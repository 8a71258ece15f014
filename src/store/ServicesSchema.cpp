#include "store/Schema.h"

namespace sigma::store {

// Owned by the services module (MasterRepository, AppointmentRepository, till::AppointmentService,
// till::CustomerService): masters, appointments, and the customer a receipt was sold to. Money in
// kopecks, time in UTC microseconds, minutes of the day in the seller's local time.
//
// Expand-only like every migration: new tables and nullable columns, so an older release can
// still open the database (it simply ignores them).
const std::string_view kServicesSchemaV5 = R"sql(
-- The customer a sale was made to (the visit history of a customer's card). NULL for anonymous
-- sales and for receipts written before this version.
ALTER TABLE receipts ADD COLUMN customer_id TEXT;
CREATE INDEX receipts_customer ON receipts (customer_id, created_at_us) WHERE customer_id IS NOT NULL;

-- Customers searched by name: the name in the catalog search's normal form (store/CatalogText.h:
-- lower case, ё -> е, punctuation -> spaces). NULL until CustomerRepository computes it (rows from
-- before this version are filled on the first search).
ALTER TABLE customers ADD COLUMN search_name TEXT;
CREATE INDEX customers_unindexed ON customers (id) WHERE search_name IS NULL;
-- A release from before this version renames without knowing search_name: drop the stale form so
-- the next search recomputes it.
CREATE TRIGGER customers_name_changed AFTER UPDATE OF name ON customers
WHEN OLD.name IS NOT NEW.name
BEGIN UPDATE customers SET search_name = NULL WHERE id = NEW.id; END;

-- Employees who do the work a salon sells (мастера). An employee becomes a master by having a row
-- here; work_from_min/work_to_min are the daily working hours in minutes after local midnight
-- (both NULL: no hours set, any time may be booked).
CREATE TABLE masters (
    employee_id TEXT PRIMARY KEY,
    specialty TEXT NOT NULL DEFAULT '',
    work_from_min INTEGER CHECK (work_from_min BETWEEN 0 AND 1440),
    work_to_min INTEGER CHECK (work_to_min BETWEEN 0 AND 1440),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL,
    CHECK ((work_from_min IS NULL) = (work_to_min IS NULL)),
    CHECK (work_from_min IS NULL OR work_from_min < work_to_min)
);

-- A booking of one master for [starts_at_us, ends_at_us). 'scheduled' until it is paid (done) or
-- cancelled; receipt_id is set when a sale for it began and cleared again when that sale failed.
CREATE TABLE appointments (
    id TEXT PRIMARY KEY,              -- UUID v7
    staff_id TEXT NOT NULL,           -- the master (employee id)
    customer_id TEXT,
    starts_at_us INTEGER NOT NULL,
    ends_at_us INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'done', 'cancelled')),
    note TEXT NOT NULL DEFAULT '',
    receipt_id TEXT,
    cancel_reason TEXT,
    created_by TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL,
    CHECK (ends_at_us > starts_at_us)
);
CREATE INDEX appointments_staff ON appointments (staff_id, starts_at_us);
CREATE INDEX appointments_start ON appointments (starts_at_us);
CREATE INDEX appointments_customer ON appointments (customer_id, starts_at_us) WHERE customer_id IS NOT NULL;
CREATE INDEX appointments_receipt ON appointments (receipt_id) WHERE receipt_id IS NOT NULL;

-- What is to be done at an appointment: catalog services (product_id) or free lines, each by a
-- master (usually the appointment's own).
CREATE TABLE appointment_services (
    appointment_id TEXT NOT NULL REFERENCES appointments (id),
    position INTEGER NOT NULL,
    product_id TEXT,
    sku TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0), -- kopecks
    vat_rate TEXT NOT NULL,           -- ATOL name
    staff_id TEXT NOT NULL,
    PRIMARY KEY (appointment_id, position)
);
)sql";

} // namespace sigma::store
