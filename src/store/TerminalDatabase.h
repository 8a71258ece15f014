#pragma once

#include "core/Result.h"
#include "db/FileLock.h"
#include "db/SqliteConnection.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

namespace sigma::store {

/// terminal.db: the terminal's own database (catalog cache, staff, shifts, receipts, cash
/// operations, held receipts, settings and the event journal).
///
/// One writer: opening for writing takes an exclusive lock on terminal.db.lock, so the terminal
/// and sigmactl never write the same data directory at once; the second one gets a clear
/// "in use by another process" error (kDbBusy) instead of corrupting anything. WAL mode lets
/// readers in. Regular commits use synchronous=NORMAL; the commits around a fiscal document use
/// durableTransaction(), which runs with synchronous=FULL.
class TerminalDatabase {
public:
    enum class Access {
        Writer = 1,
        Reader,
        /// A second writing connection inside the process that holds the Writer (the sync
        /// engine's thread): takes no lock and runs no migrations, relies on SQLite's own locking
        /// (WAL, busy timeout). Opening one without a Writer alive breaks the one-writer rule.
        Companion,
    };

    /// Opens (and creates, for a writer) the database and brings its schema up to date.
    static core::Result<std::unique_ptr<TerminalDatabase>> open(const std::filesystem::path& path, Access access,
                                                                std::string_view whoFor);

    [[nodiscard]] db::SqliteConnection& connection() { return *m_connection; }
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /// Runs `body` in one IMMEDIATE transaction; commits when it returns ok, rolls back otherwise.
    core::Status transaction(const std::function<core::Status()>& body);
    /// The same, with synchronous=FULL for this commit: it survives a power cut once it returns.
    core::Status durableTransaction(const std::function<core::Status()>& body);

private:
    TerminalDatabase(std::filesystem::path path, std::optional<db::FileLock> lock,
                     std::unique_ptr<db::SqliteConnection> connection);

    std::filesystem::path m_path;
    std::optional<db::FileLock> m_lock;
    std::unique_ptr<db::SqliteConnection> m_connection;
};

} // namespace sigma::store
