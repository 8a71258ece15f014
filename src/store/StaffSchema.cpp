#include "store/Schema.h"

namespace sigma::store {

// Owned by the staff module (EmployeeRepository, CustomerRepository). Ids are UUID text, money in
// kopecks, time in UTC microseconds, booleans 0/1.
const std::string_view kStaffSchemaV3 = R"sql(
-- Employees log in with a PIN alone, so the PIN is checked against each active employee's
-- Argon2id hash (bounded by the number of active employees the service allows).
CREATE TABLE employees (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL
        CHECK (role IN ('owner', 'administrator', 'seniorCashier', 'cashier', 'technician')),
    pin_hash TEXT NOT NULL,           -- Argon2id PHC string; the PIN itself is never stored
    must_change_pin INTEGER NOT NULL DEFAULT 1 CHECK (must_change_pin IN (0, 1)),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    inn TEXT NOT NULL DEFAULT '',     -- the cashier's INN for tag 1203, 12 digits or empty
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL
);
CREATE INDEX employees_active ON employees (active, name);

-- Wrong PINs, for the login rate limit: failures are counted per terminal within a time window.
-- A successful login clears the terminal's rows; old rows are pruned as new ones arrive.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    terminal_id TEXT NOT NULL,
    failed_at_us INTEGER NOT NULL
);
CREATE INDEX login_failures_terminal ON login_failures (terminal_id, failed_at_us);

-- The current lockout of a terminal and how many came one after another (each doubles the next).
CREATE TABLE login_lockouts (
    terminal_id TEXT PRIMARY KEY,
    locked_until_us INTEGER NOT NULL,
    lockouts INTEGER NOT NULL
);

CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    phone TEXT,                       -- normalised "+7XXXXXXXXXX" (core/Phone.h)
    email TEXT,
    card_number TEXT,                 -- loyalty card
    bonus_balance INTEGER NOT NULL DEFAULT 0 CHECK (bonus_balance >= 0), -- kopecks
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL
);
CREATE UNIQUE INDEX customers_phone ON customers (phone);
CREATE UNIQUE INDEX customers_card ON customers (card_number);
)sql";

} // namespace sigma::store
