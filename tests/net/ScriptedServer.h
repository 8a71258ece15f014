#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace sigma::test {

/// A one-connection-at-a-time TCP server that answers every request head with the same canned
/// bytes and closes, exactly as written: for responses a real server would refuse to produce
/// (a body cut short of its Content-Length).
class ScriptedServer {
public:
    explicit ScriptedServer(std::string reply);
    ~ScriptedServer();
    ScriptedServer(const ScriptedServer&) = delete;
    ScriptedServer& operator=(const ScriptedServer&) = delete;

    [[nodiscard]] std::uint16_t port() const { return m_port; }
    /// The last request head received.
    [[nodiscard]] std::string lastRequest() const;

private:
    void serve();

    std::string m_reply;
    int m_listenFd = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::string m_lastRequest; // guarded by m_mutex
    std::thread m_thread;
};

} // namespace sigma::test
