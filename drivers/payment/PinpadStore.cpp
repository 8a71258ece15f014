#include "drivers/payment/PinpadStore.h"

#include "core/ErrorCodes.h"
#include "db/Migrations.h"
#include "db/Transaction.h"

#include <array>

namespace sigma::drivers::payment {
namespace {

using Status = devices::CardAuthorization::Status;

constexpr std::string_view kSchemaV1 = R"sql(
-- Every operation the terminal was asked to perform, keyed by the caller's operation id (the
-- idempotency key). A row is replaced only by the same operation moving on (timedOut -> approved
-- on a retry, approved -> reversed).
CREATE TABLE operations (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    amount INTEGER NOT NULL,          -- kopecks
    status TEXT NOT NULL CHECK (status IN ('approved', 'declined', 'timedOut', 'reversed')),
    auth_code TEXT NOT NULL,
    rrn TEXT NOT NULL,
    masked_pan TEXT NOT NULL,
    message TEXT NOT NULL,
    original_rrn TEXT NOT NULL,       -- refunds: the payment refunded
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL
);
CREATE UNIQUE INDEX operations_rrn ON operations (rrn) WHERE rrn <> '';
CREATE INDEX operations_original ON operations (original_rrn) WHERE original_rrn <> '';
CREATE TABLE faults (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    decline_count INTEGER NOT NULL DEFAULT 0,
    decline_reason TEXT NOT NULL DEFAULT '',
    timeout_count INTEGER NOT NULL DEFAULT 0,
    lose_answer_count INTEGER NOT NULL DEFAULT 0,
    delay_ms INTEGER NOT NULL DEFAULT 0
);
INSERT INTO faults (id) VALUES (1);
CREATE TABLE sequence (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    next_value INTEGER NOT NULL
);
INSERT INTO sequence (id, next_value) VALUES (1, 1);
)sql";

constexpr std::array<db::Migration, 1> kMigrations = {{
    {1, "emulated payment terminal", kSchemaV1},
}};

constexpr std::string_view kOperationColumns = "id, kind, amount, status, auth_code, rrn, masked_pan, message, "
                                               "original_rrn, created_at_us, updated_at_us";

std::string_view kindName(PinpadOperationKind kind)
{
    return kind == PinpadOperationKind::Refund ? "refund" : "sale";
}

Status statusFrom(const std::string& text)
{
    if (text == "approved") {
        return Status::Approved;
    }
    if (text == "timedOut") {
        return Status::TimedOut;
    }
    if (text == "reversed") {
        return Status::Reversed;
    }
    return Status::Declined; // the CHECK constraint allows nothing else
}

PinpadOperation operationFrom(const db::Row& row)
{
    PinpadOperation op;
    op.id = row.text(0);
    op.kind = row.text(1) == "refund" ? PinpadOperationKind::Refund : PinpadOperationKind::Sale;
    op.amount = core::Money::fromKopecks(row.int64(2));
    op.status = statusFrom(row.text(3));
    op.authCode = row.text(4);
    op.rrn = row.text(5);
    op.maskedPan = row.text(6);
    op.message = row.text(7);
    op.originalRrn = row.text(8);
    op.createdAtUs = row.int64(9);
    op.updatedAtUs = row.int64(10);
    return op;
}

} // namespace

PinpadStore::PinpadStore(std::unique_ptr<db::SqliteConnection> connection) : m_db(std::move(connection))
{
}

core::Result<std::unique_ptr<PinpadStore>> PinpadStore::open(const std::filesystem::path& path)
{
    db::SqliteOptions options;
    options.synchronous = db::Synchronous::Full; // an approval must survive power loss
    options.busyTimeoutMs = 10'000;
    SIGMA_ASSIGN_OR_RETURN(auto connection, db::SqliteConnection::open(path, options));
    SIGMA_TRY(db::migrate(*connection, kMigrations));
    return std::unique_ptr<PinpadStore>(new PinpadStore(std::move(connection)));
}

core::Status PinpadStore::transaction(const std::function<core::Status()>& body)
{
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(*m_db, db::TransactionMode::Immediate));
    SIGMA_TRY(body());
    return tx.commit();
}

core::Result<PaymentFaults> PinpadStore::loadFaults()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT decline_count, decline_reason, timeout_count, "
                                                    "lose_answer_count, delay_ms FROM faults WHERE id = 1"));
    PaymentFaults f;
    if (row) {
        f.declineCount = static_cast<int>(row->int64(0));
        f.declineReason = row->text(1);
        f.timeoutCount = static_cast<int>(row->int64(2));
        f.loseAnswerCount = static_cast<int>(row->int64(3));
        f.delayMs = static_cast<int>(row->int64(4));
    }
    return f;
}

core::Status PinpadStore::saveFaults(const PaymentFaults& f)
{
    return m_db->execute("UPDATE faults SET decline_count = $1, decline_reason = $2, timeout_count = $3, "
                         "lose_answer_count = $4, delay_ms = $5 WHERE id = 1",
                         {f.declineCount, f.declineReason, f.timeoutCount, f.loseAnswerCount, f.delayMs});
}

core::Result<std::optional<PinpadOperation>> PinpadStore::operation(const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row, m_db->queryOne("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE id = $1", {id}));
    if (!row) {
        return std::optional<PinpadOperation>();
    }
    return std::optional<PinpadOperation>(operationFrom(*row));
}

core::Result<std::optional<PinpadOperation>> PinpadStore::operationByRrn(const std::string& rrn)
{
    if (rrn.empty()) {
        return std::optional<PinpadOperation>();
    }
    SIGMA_ASSIGN_OR_RETURN(
        auto row,
        m_db->queryOne("SELECT " + std::string(kOperationColumns) + " FROM operations WHERE rrn = $1", {rrn}));
    if (!row) {
        return std::optional<PinpadOperation>();
    }
    return std::optional<PinpadOperation>(operationFrom(*row));
}

core::Status PinpadStore::saveOperation(const PinpadOperation& op)
{
    return m_db->execute(
        "INSERT INTO operations (" + std::string(kOperationColumns) +
            ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
            "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, amount = excluded.amount, "
            "status = excluded.status, auth_code = excluded.auth_code, rrn = excluded.rrn, "
            "masked_pan = excluded.masked_pan, message = excluded.message, original_rrn = excluded.original_rrn, "
            "updated_at_us = excluded.updated_at_us",
        {op.id, kindName(op.kind), op.amount.kopecks(), devices::cardStatusName(op.status), op.authCode, op.rrn,
         op.maskedPan, op.message, op.originalRrn, op.createdAtUs, op.updatedAtUs});
}

core::Result<core::Money> PinpadStore::refundedTotal(const std::string& originalRrn)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("SELECT COALESCE(SUM(amount), 0) FROM operations "
                                                    "WHERE original_rrn = $1 AND kind = 'refund' "
                                                    "AND status = 'approved'",
                                                    {originalRrn}));
    return core::Money::fromKopecks(row ? row->int64(0) : 0);
}

core::Result<std::int64_t> PinpadStore::nextSequence()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db->queryOne("UPDATE sequence SET next_value = next_value + 1 WHERE id = 1 "
                                                    "RETURNING next_value - 1"));
    if (!row) {
        return core::Error(core::errc::kInternal, "pinpad.db has no sequence row");
    }
    return row->int64(0);
}

} // namespace sigma::drivers::payment
