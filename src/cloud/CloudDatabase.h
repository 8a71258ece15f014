#pragma once

#include "core/Result.h"
#include "db/Connection.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

namespace sigma::cloud {

/// Opens a database by URL: `sqlite:PATH` (or a plain path), `postgresql://...` (db::openDatabase).
[[nodiscard]] core::Result<std::unique_ptr<db::Connection>> openConnection(const std::string& url);

/// The default URL for a data directory: sqlite:<dir>/cloud.db.
[[nodiscard]] std::string defaultDatabaseUrl(const std::filesystem::path& dataDir);

/// Applies the cloud schema's migrations (the same SQL on SQLite and PostgreSQL).
[[nodiscard]] core::Status migrateCloudSchema(db::Connection& connection);

/// The server's connection. db::Connection is single-threaded, so every use holds the lock; the
/// instance stays stateless otherwise (rate limits, sessions, replay memory are all rows).
class CloudDatabase {
public:
    explicit CloudDatabase(std::unique_ptr<db::Connection> connection) : m_connection(std::move(connection)) {}
    [[nodiscard]] static core::Result<std::unique_ptr<CloudDatabase>> open(const std::string& url);

    [[nodiscard]] std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(m_mutex); }
    [[nodiscard]] db::Connection& connection() { return *m_connection; }

private:
    std::mutex m_mutex;
    std::unique_ptr<db::Connection> m_connection;
};

} // namespace sigma::cloud
