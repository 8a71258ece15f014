#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace sigma::test {

/// What the proxy does to one connection.
enum class ProxyFault {
    Pass = 1,          ///< forward both ways until either side closes
    DropBeforeRequest, ///< close the client's connection at once: nothing reaches the server
    DropAfterRequest,  ///< forward the request; when the answer starts, close both sides unanswered
    DropMidAnswer,     ///< forward part of the answer's first bytes, then close
    Delay,             ///< wait delay() before connecting upstream, then pass
    Garbage,           ///< forward the request; answer the client with bytes that are not HTTP
};

/// A TCP proxy on a loopback port in front of a server, breaking exchanges on purpose: each
/// request (on a new or a kept-alive connection) takes the next fault of the script (Pass once
/// it is used up). The upstream port
/// may change (a server restarted on another port); a refused upstream closes the client's
/// connection, as a stopped server would.
class FaultProxy {
public:
    explicit FaultProxy(std::uint16_t upstreamPort);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    [[nodiscard]] std::uint16_t port() const { return m_port; }
    void setUpstream(std::uint16_t port) { m_upstream = port; }
    void script(std::vector<ProxyFault> faults);
    void setDelay(std::chrono::milliseconds delay) { m_delayMs = delay.count(); }
    /// Faults other than Pass applied so far.
    [[nodiscard]] int faultsApplied() const { return m_applied.load(); }
    [[nodiscard]] int connections() const { return m_connections.load(); }

private:
    void acceptLoop();
    void handle(int client);
    ProxyFault nextFault();

    int m_listenFd = -1;
    std::uint16_t m_port = 0;
    std::atomic<std::uint16_t> m_upstream;
    std::atomic<std::int64_t> m_delayMs{300};
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_applied{0};
    std::atomic<int> m_connections{0};
    std::mutex m_mutex;
    std::deque<ProxyFault> m_script;    // guarded by m_mutex
    std::vector<int> m_openFds;         // guarded by m_mutex: shut down on destruction
    std::vector<std::thread> m_workers; // guarded by m_mutex
    std::thread m_acceptThread;
};

} // namespace sigma::test
