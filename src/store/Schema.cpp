#include "store/Schema.h"


namespace sigma::store {

// Money in kopecks, quantities in thousandths, time in UTC microseconds, ids as UUID text.
const std::string_view kCoreSchemaV1 = R"sql(
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE shifts (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL,          -- the register's shift number
    opened_at_us INTEGER NOT NULL,
    opened_by TEXT NOT NULL,          -- employee id
    closed_at_us INTEGER,
    closed_by TEXT,
    expected_cash INTEGER,            -- what the drawer should hold at close
    counted_cash INTEGER,             -- the cashier's blind count
    totals TEXT                       -- X/Z figures as JSON
);
CREATE INDEX shifts_open ON shifts (closed_at_us) WHERE closed_at_us IS NULL;

-- A receipt is written 'pending' before the fiscal task and 'fiscalized' (or 'failed') after.
CREATE TABLE receipts (
    id TEXT PRIMARY KEY,              -- the checkout UUID: idempotency key
    shift_id TEXT,
    operation TEXT NOT NULL,          -- sell, sellReturn, buy, buyReturn, sellCorrection, buyCorrection
    status TEXT NOT NULL CHECK (status IN ('pending', 'fiscalized', 'failed')),
    created_at_us INTEGER NOT NULL,
    cashier_id TEXT NOT NULL,
    total INTEGER NOT NULL,
    discount_total INTEGER NOT NULL,
    change_due INTEGER NOT NULL,
    vat_date TEXT NOT NULL,
    customer_contact TEXT NOT NULL DEFAULT '',
    original_id TEXT,                 -- the sale a return refers to
    register_last_document INTEGER NOT NULL, -- the register's last FD number before the task
    task TEXT NOT NULL,               -- the exact ATOL task sent (or to be sent)
    fiscal_document_number INTEGER,
    fiscal_sign TEXT,
    fiscal_params TEXT,               -- JSON
    failure TEXT,                     -- why it failed
    fiscalized_at_us INTEGER
);
CREATE INDEX receipts_pending ON receipts (status) WHERE status = 'pending';
CREATE INDEX receipts_shift ON receipts (shift_id);
CREATE INDEX receipts_fd ON receipts (fiscal_document_number);
CREATE INDEX receipts_original ON receipts (original_id);

CREATE TABLE receipt_lines (
    receipt_id TEXT NOT NULL REFERENCES receipts (id),
    position INTEGER NOT NULL,
    product_id TEXT,
    sku TEXT NOT NULL DEFAULT '',
    barcode TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    unit_price INTEGER NOT NULL,
    quantity INTEGER NOT NULL,
    unit INTEGER NOT NULL,
    vat_rate TEXT NOT NULL,
    payment_method TEXT NOT NULL,
    payment_object TEXT NOT NULL,
    line_discount INTEGER NOT NULL,
    receipt_discount INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    price INTEGER NOT NULL,
    vat_sum INTEGER NOT NULL,
    marking_code TEXT,
    staff_id TEXT,
    original_position INTEGER,        -- in a return: the line of the original sale
    PRIMARY KEY (receipt_id, position)
);

CREATE TABLE receipt_payments (
    receipt_id TEXT NOT NULL REFERENCES receipts (id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    sum INTEGER NOT NULL,
    -- card payments: the authorisation, recorded durably before the fiscal task
    card_status TEXT,                 -- approved, declined, reversed, reversalPending
    auth_code TEXT,
    rrn TEXT,
    card_operation_id TEXT,
    PRIMARY KEY (receipt_id, position)
);

CREATE TABLE cash_operations (
    id TEXT PRIMARY KEY,
    shift_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('cashIn', 'cashOut')),
    sum INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    employee_id TEXT NOT NULL,
    created_at_us INTEGER NOT NULL
);

CREATE TABLE held_receipts (
    id TEXT PRIMARY KEY,
    created_at_us INTEGER NOT NULL,
    cashier_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    cart TEXT NOT NULL                -- the sale session as JSON
);

-- The event journal: append-only, numbered per device, each row chained to the previous one by
-- SHA-256 (docs/sync-protocol.md). Rows are never updated except for acked_at_us.
CREATE TABLE journal (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    occurred_at_us INTEGER NOT NULL,
    payload TEXT NOT NULL,            -- canonical JSON
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;

-- How far the cloud has acknowledged the journal (the outbox is every seq above it).
CREATE TABLE outbox_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    acked_seq INTEGER NOT NULL,
    acked_at_us INTEGER
);
INSERT INTO outbox_state (id, acked_seq) VALUES (1, 0);
)sql";

std::span<const db::Migration> schemaMigrations()
{
    // Versions: 5 services (appointments), 6 food (orders, kitchen), 7 sync. A module adds its
    // line in version order; a built array keeps the count out of everyone's way.
    static const db::Migration kMigrations[] = {
        {1, "core: settings, shifts, receipts, cash, journal", kCoreSchemaV1},
        {2, "catalog: products, barcodes, categories, search", kCatalogSchemaV2},
        {3, "staff and customers", kStaffSchemaV3},
        {4, "stock documents", kStockSchemaV4},
        {5, "services: masters, appointments, customers on receipts", kServicesSchemaV5},
        {6, "food: hall, modifiers, orders, kitchen printers and tickets", kFoodSchemaV6},
        {7, "sync: cloud credentials, pull cursor", kSyncSchemaV7},
    };
    return kMigrations;
}

} // namespace sigma::store
