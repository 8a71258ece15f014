#include "db/Transaction.h"

#include "core/ErrorCodes.h"

#include <utility>

namespace sigma::db {

core::Result<Transaction> Transaction::begin(Connection& connection, TransactionMode mode)
{
    SIGMA_TRY(connection.begin(mode));
    return Transaction(connection);
}

Transaction::Transaction(Transaction&& other) noexcept : m_connection(std::exchange(other.m_connection, nullptr))
{
}

Transaction& Transaction::operator=(Transaction&& other) noexcept
{
    if (this != &other) {
        rollbackQuietly();
        m_connection = std::exchange(other.m_connection, nullptr);
    }
    return *this;
}

Transaction::~Transaction()
{
    rollbackQuietly();
}

core::Status Transaction::commit()
{
    if (m_connection == nullptr) {
        return core::Error(core::errc::kDbError, "commit of a transaction that is no longer active");
    }
    SIGMA_TRY(m_connection->commit());
    m_connection = nullptr;
    return core::ok();
}

core::Status Transaction::rollback()
{
    if (m_connection == nullptr) {
        return core::Error(core::errc::kDbError, "rollback of a transaction that is no longer active");
    }
    Connection* connection = std::exchange(m_connection, nullptr);
    // SQLite may already have rolled back on its own (some errors do that, e.g. a full disk).
    if (!connection->inTransaction()) {
        return core::ok();
    }
    return connection->rollback();
}

void Transaction::rollbackQuietly() noexcept
{
    if (m_connection != nullptr) {
        // A destructor cannot report; a rollback fails only when the connection is broken, and a
        // closing connection rolls back what is open anyway.
        (void)rollback();
    }
}

} // namespace sigma::db
