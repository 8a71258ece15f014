#pragma once

#include "core/ErrorCodes.h"
#include "core/Result.h"
#include "db/Connection.h"

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace sigma::cloud {

/// Opens a database by URL: `sqlite:PATH` (or a plain path), `postgresql://...` (db::openDatabase).
[[nodiscard]] core::Result<std::unique_ptr<db::Connection>> openConnection(const std::string& url);

/// The default URL for a data directory: sqlite:<dir>/cloud.db.
[[nodiscard]] std::string defaultDatabaseUrl(const std::filesystem::path& dataDir);

/// Applies the cloud schema's migrations (the same SQL on SQLite and PostgreSQL).
[[nodiscard]] core::Status migrateCloudSchema(db::Connection& connection);

/// The server's connection pool. db::Connection is single-threaded, so a request leases one
/// connection for as long as it uses it:
///
///     auto lock = m_context.database.lock();        // waits for a free connection
///     auto& db = m_context.database.connection();   // the one this thread leased
///
/// A thread that already holds a lease gets the same connection again (nested leases share it).
/// SQLite: every connection is in WAL mode with a busy timeout, so readers run in parallel and
/// writers (BEGIN IMMEDIATE) queue for the one write lock. PostgreSQL: a real pool of server
/// connections; serialisable transactions that collide are retried by `retryBusy`.
/// The instance stays stateless otherwise (rate limits, sessions, replay memory are all rows).
class CloudDatabase {
public:
    static constexpr std::size_t kDefaultPoolSize = 4;

    /// A leased connection; returns it to the pool when destroyed. Movable.
    class Lease {
    public:
        Lease() = default;
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&& other) noexcept;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        [[nodiscard]] db::Connection& connection() const { return *m_connection; }

    private:
        friend class CloudDatabase;
        Lease(CloudDatabase* owner, db::Connection* connection, bool owning)
            : m_owner(owner), m_connection(connection), m_owning(owning)
        {
        }
        void release() noexcept;

        CloudDatabase* m_owner = nullptr;
        db::Connection* m_connection = nullptr;
        bool m_owning = false;
    };

    explicit CloudDatabase(std::unique_ptr<db::Connection> connection);
    explicit CloudDatabase(std::vector<std::unique_ptr<db::Connection>> connections);
    ~CloudDatabase();
    CloudDatabase(const CloudDatabase&) = delete;
    CloudDatabase& operator=(const CloudDatabase&) = delete;

    /// Opens `poolSize` connections (at least one) and migrates the schema through the first.
    [[nodiscard]] static core::Result<std::unique_ptr<CloudDatabase>> open(const std::string& url,
                                                                           std::size_t poolSize = kDefaultPoolSize);

    /// Leases a connection for the calling thread (blocks while all are in use).
    [[nodiscard]] Lease lock();
    /// The connection the calling thread leased; only valid while its Lease lives.
    [[nodiscard]] db::Connection& connection();
    [[nodiscard]] std::size_t size() const { return m_all.size(); }

private:
    friend class Lease;
    void giveBack(db::Connection* connection) noexcept;

    std::vector<std::unique_ptr<db::Connection>> m_all;
    std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<db::Connection*> m_free; // guarded by m_mutex
};

/// Runs `attempt` again (up to `attempts` times) while it fails with kDbBusy: a PostgreSQL
/// serialisation failure or deadlock, or an SQLite busy timeout. `attempt` must be a whole
/// transaction, so that a retry starts from scratch.
template <typename F> auto retryBusy(F&& attempt, int attempts = 5) -> decltype(attempt())
{
    for (int i = 1;; ++i) {
        auto result = attempt();
        if (result.ok() || i >= attempts || result.error().code != core::errc::kDbBusy) {
            return result;
        }
    }
}

} // namespace sigma::cloud
