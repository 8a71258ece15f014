#pragma once

#include "core/Clock.h"
#include "crypto/OsRandom.h"
#include "store/TerminalDatabase.h"
#include "sync/SyncEngine.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace sigma::terminal {

/// The terminal's background sync: one sync::SyncEngine on its own thread and its own
/// (Companion) connection to terminal.db, so the cashier's writer connection and the UI never
/// wait on the network. Started once the device is activated (at open, or when the wizard has
/// finished); the status bar and the service screen only read status(). No Qt here.
class SyncController {
public:
    /// `databasePath` is terminal.db of the runtime whose Writer connection is alive.
    SyncController(std::filesystem::path databasePath, std::string cloudUrl);
    ~SyncController();
    SyncController(const SyncController&) = delete;
    SyncController& operator=(const SyncController&) = delete;

    /// Starts the engine thread when terminal.db holds device credentials; does nothing when it
    /// runs already or the terminal is not registered. Errors: terminal.db could not be opened.
    core::Status startIfActivated();
    void stop();
    [[nodiscard]] bool running() const;
    /// A round now ("Синхронизировать сейчас", after a sale).
    void wake();
    /// The engine's live status; NotRegistered when it does not run. Any thread.
    [[nodiscard]] sync::SyncStatus status() const;
    /// The cloud URL for the next start (service mode edited it): the running engine is
    /// restarted so it takes effect.
    core::Status setCloudUrl(std::string url);
    [[nodiscard]] const std::string& cloudUrl() const { return m_cloudUrl; }

    /// Request timeouts of the engine (tests shorten them).
    void setClientTimeouts(int connectMs, int totalMs);
    /// The delay between rounds when all is well (tests make it short so pulls show quickly).
    void setIdleInterval(std::chrono::milliseconds interval) { m_idleInterval = interval; }

private:
    std::filesystem::path m_databasePath;
    std::string m_cloudUrl;
    int m_connectTimeoutMs = 5000;
    int m_totalTimeoutMs = 30000;
    std::chrono::milliseconds m_idleInterval{30 * 1000};
    /// Signatures carry the real time whatever clock the till runs on (tests fix the till's).
    core::SystemClock m_clock;
    crypto::OsRandom m_random;
    mutable std::mutex m_mutex; // guards the pointers below against status() during start/stop
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

} // namespace sigma::terminal
