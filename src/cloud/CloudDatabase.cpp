#include "cloud/CloudDatabase.h"

#include "cloud/CatalogService.h"
#include "core/ErrorCodes.h"
#include "db/ConnectionFactory.h"
#include "db/Migrations.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace sigma::cloud {

namespace {

// Written once for both backends: TEXT ids (UUID v7 made by the application), BIGINT for every
// integer (money in kopecks, time in UTC microseconds, flags 0/1), no AUTOINCREMENT/SERIAL.
constexpr std::string_view kSchemaV1 = R"SQL(
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    business_type TEXT NOT NULL,
    business_type_locked BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE stores (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE sellers (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE TABLE activation_pins (
    id TEXT PRIMARY KEY,
    serial TEXT NOT NULL,
    seller_id TEXT NOT NULL REFERENCES sellers(id),
    pin_hash TEXT NOT NULL,
    used BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX activation_pins_serial ON activation_pins(serial);
CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    store_id TEXT REFERENCES stores(id),
    serial TEXT NOT NULL,
    app_version TEXT,
    last_seen_at BIGINT,
    revoked BIGINT NOT NULL DEFAULT 0,
    key_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX devices_serial ON devices(serial);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    phone TEXT,
    email TEXT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_phone ON users(phone);
CREATE UNIQUE INDEX users_email ON users(email);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    ip TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE TABLE one_time_codes (
    id TEXT PRIMARY KEY,
    code_hash TEXT NOT NULL,
    purpose TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    used BIGINT NOT NULL DEFAULT 0,
    attempts BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX one_time_codes_hash ON one_time_codes(code_hash);
CREATE INDEX one_time_codes_subject ON one_time_codes(purpose, subject_id);
CREATE TABLE rate_limits (
    bucket TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    count BIGINT NOT NULL
);
CREATE TABLE seen_signatures (
    signature TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    account_id TEXT,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX audit_log_account ON audit_log(account_id, at);
CREATE TABLE registrations (
    id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    device_serial TEXT NOT NULL,
    business_type TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    seller_id TEXT NOT NULL REFERENCES sellers(id),
    status TEXT NOT NULL,
    sms_code_hash TEXT,
    sms_code_expires_at BIGINT,
    sms_attempts BIGINT NOT NULL DEFAULT 0,
    account_id TEXT,
    device_id TEXT,
    device_key TEXT,
    ip TEXT,
    created_at BIGINT NOT NULL
);
CREATE TABLE device_events (
    account_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    uuid TEXT NOT NULL,
    type TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    payload TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    UNIQUE (device_id, seq)
);
CREATE INDEX device_events_account ON device_events(account_id, occurred_at);
CREATE TABLE shifts (
    account_id TEXT NOT NULL,
    shift_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    number BIGINT,
    opened_at BIGINT,
    closed_at BIGINT,
    cashier_id TEXT,
    cashier_name TEXT,
    expected_cash BIGINT,
    counted_cash BIGINT,
    over_short BIGINT,
    figures TEXT,
    PRIMARY KEY (account_id, shift_id)
);
CREATE TABLE receipts (
    account_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    shift_id TEXT,
    status TEXT NOT NULL,
    operation TEXT,
    cashier_id TEXT,
    created_at BIGINT,
    total BIGINT,
    discount_total BIGINT,
    change_sum BIGINT,
    fiscal TEXT,
    failure_reason TEXT,
    PRIMARY KEY (account_id, receipt_id)
);
CREATE TABLE receipt_lines (
    account_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    name TEXT,
    product_id TEXT,
    quantity BIGINT,
    unit_price BIGINT,
    amount BIGINT,
    vat_rate TEXT,
    vat_sum BIGINT,
    PRIMARY KEY (account_id, receipt_id, position)
);
CREATE TABLE receipt_payments (
    account_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    type TEXT NOT NULL,
    sum BIGINT NOT NULL,
    PRIMARY KEY (account_id, receipt_id, position)
);
CREATE TABLE cash_operations (
    account_id TEXT NOT NULL,
    operation_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    shift_id TEXT,
    kind TEXT NOT NULL,
    sum BIGINT NOT NULL,
    reason TEXT,
    cashier_id TEXT,
    occurred_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, operation_id)
);
CREATE TABLE products (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    sku TEXT,
    price BIGINT NOT NULL,
    vat_rate TEXT NOT NULL,
    unit BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX products_account ON products(account_id);
CREATE TABLE product_barcodes (
    account_id TEXT NOT NULL,
    barcode TEXT NOT NULL,
    product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, barcode)
);
CREATE TABLE employees (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    pin_hash TEXT,
    updated_at BIGINT NOT NULL
);
CREATE INDEX employees_account ON employees(account_id);
CREATE TABLE change_log (
    account_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, seq)
)
)SQL";

// The projections v1 lacked (stock documents and their lines, card reversals, a failed
// receipt's error code) and the audit log's page order.
constexpr std::string_view kSchemaV2 = R"SQL(
CREATE TABLE stock_documents (
    account_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number BIGINT,
    created_at BIGINT,
    posted_at BIGINT NOT NULL,
    employee_id TEXT,
    posted_by TEXT,
    supplier TEXT,
    reason TEXT,
    note TEXT,
    total_cost BIGINT,
    PRIMARY KEY (account_id, document_id)
);
CREATE TABLE stock_movements (
    account_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL,
    product_id TEXT,
    sku TEXT,
    name TEXT,
    unit BIGINT,
    quantity BIGINT,
    counted_quantity BIGINT,
    cost BIGINT,
    amount BIGINT,
    reason TEXT,
    posted_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, document_id, position)
);
CREATE INDEX stock_movements_product ON stock_movements(account_id, product_id, posted_at);
CREATE TABLE card_reversals (
    account_id TEXT NOT NULL,
    receipt_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    sum BIGINT NOT NULL,
    rrn TEXT,
    reversed_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, receipt_id, position)
);
ALTER TABLE receipts ADD COLUMN failure_code BIGINT;
CREATE INDEX audit_log_page ON audit_log(account_id, at, id)
)SQL";

// The services and food projections: who did each receipt line and to which customer the sale
// was made (revenue per employee, visits per customer), the salon's masters, customers and
// appointments, the hall's tables, orders (latest state) and kitchen tickets. Flags are 0/1.
constexpr std::string_view kSchemaV3 = R"SQL(
ALTER TABLE receipts ADD COLUMN customer_id TEXT;
ALTER TABLE receipt_lines ADD COLUMN staff_id TEXT;
CREATE INDEX receipts_customer ON receipts(account_id, customer_id);
CREATE INDEX receipt_lines_staff ON receipt_lines(account_id, staff_id);
CREATE TABLE masters (
    account_id TEXT NOT NULL,
    employee_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    specialty TEXT,
    active BIGINT NOT NULL,
    work_from BIGINT,
    work_to BIGINT,
    saved_by TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, employee_id)
);
CREATE TABLE customers (
    account_id TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    name TEXT,
    phone TEXT,
    email TEXT,
    saved_by TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, customer_id)
);
CREATE TABLE appointments (
    account_id TEXT NOT NULL,
    appointment_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    customer_id TEXT,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    note TEXT,
    status TEXT NOT NULL,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    cancel_reason TEXT,
    receipt_id TEXT,
    PRIMARY KEY (account_id, appointment_id)
);
CREATE INDEX appointments_staff ON appointments(account_id, staff_id, starts_at);
CREATE INDEX appointments_customer ON appointments(account_id, customer_id);
CREATE TABLE appointment_services (
    account_id TEXT NOT NULL,
    appointment_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    product_id TEXT,
    sku TEXT,
    name TEXT,
    price BIGINT,
    vat_rate TEXT,
    staff_id TEXT,
    PRIMARY KEY (account_id, appointment_id, position)
);
CREATE TABLE food_tables (
    account_id TEXT NOT NULL,
    table_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    name TEXT,
    x BIGINT,
    y BIGINT,
    seats BIGINT,
    removed BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, table_id)
);
CREATE TABLE food_orders (
    account_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    number BIGINT,
    table_id TEXT,
    status TEXT NOT NULL,
    guests BIGINT,
    waiter_id TEXT,
    opened_at BIGINT,
    total BIGINT,
    cancel_reason TEXT,
    merged_into TEXT,
    carried_shift_id TEXT,
    carry_reason TEXT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (account_id, order_id)
);
CREATE TABLE food_order_lines (
    account_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    product_id TEXT,
    name TEXT,
    price BIGINT,
    quantity BIGINT,
    amount BIGINT,
    modifiers TEXT,
    comment TEXT,
    PRIMARY KEY (account_id, order_id, position)
);
CREATE TABLE food_order_parts (
    account_id TEXT NOT NULL,
    order_id TEXT NOT NULL,
    part BIGINT NOT NULL,
    receipt_id TEXT,
    amount BIGINT,
    paid BIGINT NOT NULL,
    PRIMARY KEY (account_id, order_id, part)
);
CREATE TABLE food_tickets (
    account_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    number BIGINT,
    order_id TEXT,
    printer_id TEXT,
    state TEXT NOT NULL,
    body TEXT,
    created_at BIGINT NOT NULL,
    ready_at BIGINT,
    PRIMARY KEY (account_id, ticket_id)
)
)SQL";

// The analytics (AnalyticsService): every figure starts from an account's receipts of a period, so
// one index by (account, time) that also holds every receipt column the passes read; SQLite and
// PostgreSQL answer them from the index alone instead of visiting each receipt's row.
constexpr std::string_view kSchemaV4 = R"SQL(
CREATE INDEX receipts_period ON receipts(account_id, created_at, status, operation, device_id, cashier_id, total,
    change_sum, receipt_id)
)SQL";

// The cabinet's «Финансы» (FinanceService): what a receipt's page shows and v1 did not keep (the
// customer's contact, the sale a return returns, the card's status, auth code and RRN, the Z
// report's fiscal numbers and who closed the shift), and the keyset page orders: every list runs
// newest first by (time, id) within one account, so a page is an index range, never an OFFSET.
// Rows projected before this migration keep NULL in the new columns.
constexpr std::string_view kSchemaV5 = R"SQL(
ALTER TABLE receipts ADD COLUMN customer_contact TEXT;
ALTER TABLE receipts ADD COLUMN original_receipt_id TEXT;
ALTER TABLE receipt_payments ADD COLUMN card_status TEXT;
ALTER TABLE receipt_payments ADD COLUMN card_auth_code TEXT;
ALTER TABLE receipt_payments ADD COLUMN card_rrn TEXT;
ALTER TABLE shifts ADD COLUMN close_fiscal TEXT;
ALTER TABLE shifts ADD COLUMN closed_by TEXT;
CREATE INDEX shifts_page ON shifts(account_id, opened_at, shift_id);
CREATE INDEX receipts_page ON receipts(account_id, created_at, receipt_id);
CREATE INDEX receipts_shift ON receipts(account_id, shift_id, created_at, receipt_id);
CREATE INDEX receipts_original ON receipts(account_id, original_receipt_id);
CREATE INDEX cash_operations_page ON cash_operations(account_id, occurred_at, operation_id);
CREATE INDEX cash_operations_shift ON cash_operations(account_id, shift_id)
)SQL";

// The catalog at a shop's size (CatalogService): categories, and search keys (CatalogService's
// searchKey(): lower case, ё as е) compared by bytes on both backends, so name, SKU and barcode
// prefixes are index range scans and a page's keyset cursor means the same on SQLite and
// PostgreSQL. Rows from before get their keys at start-up (backfillSearchKeys). Product ids by
// product: the barcodes' primary key starts with the code.
constexpr std::string_view kSchemaV6 = R"SQL(
ALTER TABLE products ADD COLUMN category TEXT;
ALTER TABLE products ADD COLUMN name_key {{byte_text}};
ALTER TABLE products ADD COLUMN sku_key {{byte_text}};
ALTER TABLE product_barcodes ADD COLUMN barcode_key {{byte_text}};
UPDATE product_barcodes SET barcode_key = barcode;
CREATE INDEX products_name ON products(account_id, name_key, id);
CREATE INDEX products_sku ON products(account_id, sku_key);
CREATE INDEX products_category ON products(account_id, category, name_key, id);
CREATE INDEX product_barcodes_key ON product_barcodes(account_id, barcode_key);
CREATE INDEX product_barcodes_product ON product_barcodes(account_id, product_id)
)SQL";

// Cabinet users beyond the owner (UserService): a name, the state of the login (`invited` until
// the invitation's link sets a password, `active`, `disabled`) and the last sign-in. `active`
// stays the one flag sign-in and sessions check (1 exactly when the status is `active`). An
// invited user has no password yet: an empty hash, which nothing verifies against.
constexpr std::string_view kSchemaV7 = R"SQL(
ALTER TABLE users ADD COLUMN name TEXT;
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
ALTER TABLE users ADD COLUMN last_login_at BIGINT;
ALTER TABLE users ADD COLUMN invited_at BIGINT;
UPDATE users SET status = 'disabled' WHERE active = 0;
CREATE INDEX users_account ON users(account_id, created_at)
)SQL";

// The cabinet's lookups by account that had no index of their own: the analytics' terminal list
// (devices by account) and its check that an employee id it is given rang anything (receipts by
// cashier). Without them every call scanned all devices of all accounts, and a scripted run of
// unknown ids read an account's whole receipt slice each time.
constexpr std::string_view kSchemaV8 = R"SQL(
CREATE INDEX devices_account ON devices(account_id);
CREATE INDEX receipts_cashier ON receipts(account_id, cashier_id)
)SQL";

constexpr std::array kMigrations{db::Migration{1, "cloud schema", kSchemaV1},
                                 db::Migration{2, "stock and card projections, audit paging", kSchemaV2},
                                 db::Migration{3, "services and food projections", kSchemaV3},
                                 db::Migration{4, "analytics index", kSchemaV4},
                                 db::Migration{5, "finance: receipt details, shift close, page indexes", kSchemaV5},
                                 db::Migration{6, "catalog categories and search keys", kSchemaV6},
                                 db::Migration{7, "cabinet users", kSchemaV7},
                                 db::Migration{8, "indexes for the cabinet's lookups by account", kSchemaV8}};

} // namespace

std::string defaultDatabaseUrl(const std::filesystem::path& dataDir)
{
    return "sqlite:" + (dataDir / "cloud.db").string();
}

core::Result<std::unique_ptr<db::Connection>> openConnection(const std::string& url)
{
    // A bare path is taken as an SQLite file, so `--db ./cloud.db` works too.
    const bool hasScheme =
        url.rfind("sqlite:", 0) == 0 || url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
    if (url.empty()) {
        return core::Error(core::errc::kInvalidArgument, "empty database URL", "db");
    }
    db::DatabaseOptions options;
    // WAL with synchronous=NORMAL: a committed transaction may be lost on power loss but the file
    // never corrupts; the terminal keeps every event until the cloud acknowledged it.
    options.sqlite.synchronous = db::Synchronous::Normal;
    return db::openDatabase(hasScheme ? url : "sqlite:" + url, options);
}

core::Status migrateCloudSchema(db::Connection& connection)
{
    SIGMA_TRY(db::migrate(connection, kMigrations));
    return CatalogService::backfillSearchKeys(connection);
}

core::Result<std::unique_ptr<CloudDatabase>> CloudDatabase::open(const std::string& url, std::size_t poolSize)
{
    std::vector<std::unique_ptr<db::Connection>> connections;
    SIGMA_ASSIGN_OR_RETURN(auto first, openConnection(url));
    SIGMA_TRY(migrateCloudSchema(*first));
    connections.push_back(std::move(first));
    while (connections.size() < std::max<std::size_t>(poolSize, 1)) {
        SIGMA_ASSIGN_OR_RETURN(auto next, openConnection(url));
        connections.push_back(std::move(next));
    }
    return std::make_unique<CloudDatabase>(std::move(connections));
}

namespace {

/// The leases the calling thread holds, so that a nested lock() reuses its connection instead of
/// waiting for a second one (which, with every connection leased, would never come).
struct HeldLease {
    const CloudDatabase* owner;
    db::Connection* connection;
};
thread_local std::vector<HeldLease> t_held;

} // namespace

CloudDatabase::CloudDatabase(std::unique_ptr<db::Connection> connection)
{
    m_all.push_back(std::move(connection));
    m_free.push_back(m_all.back().get());
}

CloudDatabase::CloudDatabase(std::vector<std::unique_ptr<db::Connection>> connections) : m_all(std::move(connections))
{
    for (const auto& connection : m_all) {
        m_free.push_back(connection.get());
    }
}

CloudDatabase::~CloudDatabase() = default;

CloudDatabase::Lease CloudDatabase::lock()
{
    for (const auto& held : t_held) {
        if (held.owner == this) {
            return Lease(this, held.connection, false);
        }
    }
    std::unique_lock guard(m_mutex);
    m_available.wait(guard, [this] { return !m_free.empty(); });
    db::Connection* connection = m_free.back();
    m_free.pop_back();
    guard.unlock();
    t_held.push_back({this, connection});
    return Lease(this, connection, true);
}

db::Connection& CloudDatabase::connection()
{
    for (const auto& held : t_held) {
        if (held.owner == this) {
            return *held.connection;
        }
    }
    // A programming error: connection() outside a lease. Fail loudly rather than race.
    std::abort();
}

void CloudDatabase::giveBack(db::Connection* connection) noexcept
{
    std::erase_if(t_held, [&](const HeldLease& held) { return held.owner == this && held.connection == connection; });
    {
        const std::lock_guard guard(m_mutex);
        m_free.push_back(connection);
    }
    m_available.notify_one();
}

CloudDatabase::Lease::Lease(Lease&& other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr)), m_connection(std::exchange(other.m_connection, nullptr)),
      m_owning(std::exchange(other.m_owning, false))
{
}

CloudDatabase::Lease& CloudDatabase::Lease::operator=(Lease&& other) noexcept
{
    if (this != &other) {
        release();
        m_owner = std::exchange(other.m_owner, nullptr);
        m_connection = std::exchange(other.m_connection, nullptr);
        m_owning = std::exchange(other.m_owning, false);
    }
    return *this;
}

CloudDatabase::Lease::~Lease()
{
    release();
}

void CloudDatabase::Lease::release() noexcept
{
    if (m_owning && m_owner != nullptr) {
        m_owner->giveBack(m_connection);
    }
    m_owner = nullptr;
    m_connection = nullptr;
    m_owning = false;
}

} // namespace sigma::cloud
