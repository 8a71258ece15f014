#include "store/TerminalDatabase.h"

#include "db/Migrations.h"
#include "db/Transaction.h"
#include "store/Schema.h"

namespace sigma::store {

TerminalDatabase::TerminalDatabase(std::filesystem::path path, std::optional<db::FileLock> lock,
                                   std::unique_ptr<db::SqliteConnection> connection)
    : m_path(std::move(path)), m_lock(std::move(lock)), m_connection(std::move(connection))
{
}

core::Result<std::unique_ptr<TerminalDatabase>> TerminalDatabase::open(const std::filesystem::path& path,
                                                                       Access access, std::string_view whoFor)
{
    std::optional<db::FileLock> lock;
    if (access == Access::Writer) {
        SIGMA_ASSIGN_OR_RETURN(auto acquired, db::FileLock::tryAcquire(path, whoFor));
        lock.emplace(std::move(acquired));
    }
    db::SqliteOptions options;
    options.readOnly = access == Access::Reader;
    options.create = access == Access::Writer;
    options.synchronous = db::Synchronous::Normal;
    options.busyTimeoutMs = 5000;
    SIGMA_ASSIGN_OR_RETURN(auto connection, db::SqliteConnection::open(path, options));
    if (access == Access::Writer) {
        SIGMA_TRY(db::migrate(*connection, schemaMigrations()));
    }
    return std::unique_ptr<TerminalDatabase>(new TerminalDatabase(path, std::move(lock), std::move(connection)));
}

core::Status TerminalDatabase::transaction(const std::function<core::Status()>& body)
{
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(*m_connection, db::TransactionMode::Immediate));
    SIGMA_TRY(body());
    return tx.commit();
}

core::Status TerminalDatabase::durableTransaction(const std::function<core::Status()>& body)
{
    SIGMA_TRY(m_connection->setSynchronous(db::Synchronous::Full));
    const core::Status status = transaction(body);
    // Back to NORMAL even when the transaction failed; a failure here only costs speed.
    (void)m_connection->setSynchronous(db::Synchronous::Normal);
    return status;
}

} // namespace sigma::store
