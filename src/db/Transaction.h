#pragma once

#include "core/Result.h"
#include "db/Connection.h"

namespace sigma::db {

/// A transaction that rolls back unless committed: every early `return error;` between begin()
/// and commit() leaves the database as it was.
///
///     SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(connection, db::TransactionMode::Immediate));
///     SIGMA_TRY(connection.execute(...));
///     SIGMA_TRY(tx.commit());
///
/// The connection must outlive the Transaction. Movable, not copyable.
class Transaction {
public:
    [[nodiscard]] static core::Result<Transaction> begin(Connection& connection,
                                                         TransactionMode mode = TransactionMode::Deferred);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    /// Commits. On failure (e.g. busy) the transaction stays open: the caller may retry commit(),
    /// or give up and let the destructor roll back.
    core::Status commit();
    /// Rolls back now instead of at the end of the scope.
    core::Status rollback();
    /// Not yet committed or rolled back.
    [[nodiscard]] bool active() const { return m_connection != nullptr; }

private:
    explicit Transaction(Connection& connection) : m_connection(&connection) {}
    void rollbackQuietly() noexcept;

    Connection* m_connection = nullptr;
};

} // namespace sigma::db
