#include "store/Schema.h"

namespace sigma::store {

// Owned by the food module (till::HallService, ModifierService, OrderService, KitchenService,
// PrintQueue). Money in kopecks, quantities in thousandths, time in UTC microseconds.
const std::string_view kFoodSchemaV6 = R"sql(
-- The hall map: tables on a grid. A removed table keeps its row (old orders point at it).
CREATE TABLE food_tables (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    grid_x INTEGER NOT NULL,
    grid_y INTEGER NOT NULL,
    seats INTEGER NOT NULL DEFAULT 4,
    active INTEGER NOT NULL DEFAULT 1,
    updated_at_us INTEGER NOT NULL
);
CREATE UNIQUE INDEX food_tables_name ON food_tables (name) WHERE active = 1;
CREATE UNIQUE INDEX food_tables_cell ON food_tables (grid_x, grid_y) WHERE active = 1;

-- Modifier groups ("Молоко": обычное / овсяное +50 ₽) and the products they are attached to.
CREATE TABLE food_modifier_groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    required INTEGER NOT NULL,
    min_choices INTEGER NOT NULL,
    max_choices INTEGER NOT NULL,
    options TEXT NOT NULL,            -- JSON array of {"name", "priceDelta"} (kopecks)
    updated_at_us INTEGER NOT NULL
);
CREATE TABLE food_product_modifiers (
    product_id TEXT NOT NULL,
    group_id TEXT NOT NULL REFERENCES food_modifier_groups (id),
    sort INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (product_id, group_id)
);

-- Orders: at most one open order per table.
CREATE TABLE food_orders (
    id TEXT PRIMARY KEY,              -- UUID v7
    number INTEGER NOT NULL UNIQUE,   -- 1, 2, ... on this terminal
    table_id TEXT REFERENCES food_tables (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled', 'merged')),
    guests INTEGER NOT NULL DEFAULT 1,
    waiter_id TEXT NOT NULL,
    opened_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL,
    closed_at_us INTEGER,
    bill_printed_at_us INTEGER,       -- the last pre-bill; cleared by a change to the order
    cancel_reason TEXT NOT NULL DEFAULT '',
    merged_into TEXT,
    carried_shift_id TEXT,            -- carried over past the close of this shift (a night table)
    carry_reason TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX food_orders_open_table ON food_orders (table_id) WHERE status = 'open';
CREATE INDEX food_orders_status ON food_orders (status, opened_at_us);

-- A line keeps its row when removed (quantity 0) so the kitchen can be told to cancel it.
CREATE TABLE food_order_lines (
    order_id TEXT NOT NULL REFERENCES food_orders (id),
    position INTEGER NOT NULL,
    product_id TEXT NOT NULL,
    sku TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    category_id TEXT NOT NULL DEFAULT '',
    base_price INTEGER NOT NULL,
    unit_price INTEGER NOT NULL,      -- base price + the chosen modifiers' deltas
    quantity INTEGER NOT NULL,        -- thousandths; 0 = removed
    unit INTEGER NOT NULL,            -- tag 2108
    vat TEXT NOT NULL,
    payment_object TEXT NOT NULL,
    modifiers TEXT NOT NULL DEFAULT '[]', -- JSON array of {"groupId", "group", "option", "priceDelta"}
    comment TEXT NOT NULL DEFAULT '',
    sent_quantity INTEGER NOT NULL DEFAULT 0, -- what the kitchen has been told
    sent_comment TEXT NOT NULL DEFAULT '',    -- the comment the kitchen has (a change is sent once)
    sent_printer_id TEXT NOT NULL DEFAULT '', -- the station that got the line ('' = the screen only)
    added_at_us INTEGER NOT NULL,
    PRIMARY KEY (order_id, position)
);

-- Bill parts after a split (one part when paid whole); each part is one receipt.
CREATE TABLE food_order_parts (
    order_id TEXT NOT NULL REFERENCES food_orders (id),
    part INTEGER NOT NULL,
    receipt_id TEXT NOT NULL UNIQUE,  -- the checkout's idempotency key, fixed when the part is made
    amount INTEGER NOT NULL,
    lines TEXT NOT NULL,              -- JSON array of {"position", "quantity", "amount"}
    status TEXT NOT NULL CHECK (status IN ('unpaid', 'paid')),
    PRIMARY KEY (order_id, part)
);

-- Kitchen printers and which product category goes to which (no route: the default printer).
CREATE TABLE food_kitchen_printers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    driver TEXT NOT NULL DEFAULT 'escpos',
    host TEXT NOT NULL,
    port INTEGER NOT NULL DEFAULT 9100,
    width_chars INTEGER NOT NULL DEFAULT 42,
    is_default INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE food_kitchen_routes (
    category_id TEXT PRIMARY KEY,
    printer_id TEXT NOT NULL REFERENCES food_kitchen_printers (id)
);

-- Kitchen tickets, which are also the persistent print queue.
CREATE TABLE food_kitchen_tickets (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,   -- printed large, so the kitchen spots a repeat
    order_id TEXT NOT NULL REFERENCES food_orders (id),
    printer_id TEXT,                  -- NULL: no printer, the kitchen screen only
    created_at_us INTEGER NOT NULL,
    body TEXT NOT NULL,               -- JSON: order number, table, waiter, lines
    status TEXT NOT NULL CHECK (status IN ('new', 'ready')),
    ready_at_us INTEGER,
    print_state TEXT NOT NULL CHECK (print_state IN ('none', 'queued', 'printed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    sending INTEGER NOT NULL DEFAULT 0,  -- an attempt started and has no outcome yet (a crash: in doubt)
    in_doubt INTEGER NOT NULL DEFAULT 0, -- the printer may have it already: the next copy says ПОВТОР
    next_attempt_at_us INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT '',
    printed_at_us INTEGER
);
CREATE INDEX food_kitchen_tickets_queue ON food_kitchen_tickets (print_state, next_attempt_at_us);
CREATE INDEX food_kitchen_tickets_status ON food_kitchen_tickets (status, created_at_us);
)sql";

} // namespace sigma::store
