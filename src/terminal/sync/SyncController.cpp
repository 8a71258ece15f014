#include "terminal/sync/SyncController.h"

#include "sync/SyncStateRepository.h"

namespace sigma::terminal {

SyncController::SyncController(std::filesystem::path databasePath, std::string cloudUrl)
    : m_databasePath(std::move(databasePath)), m_cloudUrl(std::move(cloudUrl))
{
}

SyncController::~SyncController()
{
    stop();
}

core::Status SyncController::startIfActivated()
{
    std::lock_guard lock(m_mutex);
    if (m_engine) {
        return core::ok();
    }
    if (!m_database) {
        SIGMA_ASSIGN_OR_RETURN(m_database, store::TerminalDatabase::open(
                                               m_databasePath, store::TerminalDatabase::Access::Companion, "sync"));
    }
    SIGMA_ASSIGN_OR_RETURN(auto state, sync::SyncStateRepository(*m_database).load());
    if (!state.activated()) {
        return core::ok();
    }
    sync::SyncEngineOptions options;
    // The terminal's setting wins over the URL stored at registration: service mode changes it
    // when the cloud moves.
    options.client.baseUrl = m_cloudUrl;
    options.client.connectTimeoutMs = m_connectTimeoutMs;
    options.client.totalTimeoutMs = m_totalTimeoutMs;
    options.idleInterval = m_idleInterval;
    m_engine = std::make_unique<sync::SyncEngine>(*m_database, options, m_clock, m_random);
    m_engine->start();
    return core::ok();
}

void SyncController::stop()
{
    std::unique_ptr<sync::SyncEngine> engine;
    {
        std::lock_guard lock(m_mutex);
        engine = std::move(m_engine);
    }
    if (engine) {
        engine->stop(); // joins the thread; outside the lock so status() never waits on a round
    }
}

bool SyncController::running() const
{
    std::lock_guard lock(m_mutex);
    return m_engine != nullptr;
}

void SyncController::wake()
{
    std::lock_guard lock(m_mutex);
    if (m_engine) {
        m_engine->wake();
    }
}

sync::SyncStatus SyncController::status() const
{
    std::lock_guard lock(m_mutex);
    return m_engine ? m_engine->status() : sync::SyncStatus{};
}

core::Status SyncController::setCloudUrl(std::string url)
{
    const bool wasRunning = running();
    stop();
    m_cloudUrl = std::move(url);
    return wasRunning ? startIfActivated() : core::ok();
}

void SyncController::setClientTimeouts(int connectMs, int totalMs)
{
    m_connectTimeoutMs = connectMs;
    m_totalTimeoutMs = totalMs;
}

} // namespace sigma::terminal
