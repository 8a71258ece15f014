#include "cloud/CloudDatabase.h"

#include "core/ErrorCodes.h"
#include "db/ConnectionFactory.h"
#include "db/Migrations.h"

#include <array>

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

constexpr std::array kMigrations{db::Migration{1, "cloud schema", kSchemaV1}};

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
    return db::migrate(connection, kMigrations);
}

core::Result<std::unique_ptr<CloudDatabase>> CloudDatabase::open(const std::string& url)
{
    SIGMA_ASSIGN_OR_RETURN(auto connection, openConnection(url));
    SIGMA_TRY(migrateCloudSchema(*connection));
    return std::make_unique<CloudDatabase>(std::move(connection));
}

} // namespace sigma::cloud
