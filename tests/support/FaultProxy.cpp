#include "support/FaultProxy.h"

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sigma::test {
namespace {

bool sendAll(int fd, const char* data, std::size_t size)
{
    std::size_t sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

int connectLoopback(std::uint16_t port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
        if (fd >= 0) {
            ::close(fd);
        }
        return -1;
    }
    return fd;
}

} // namespace

FaultProxy::FaultProxy(std::uint16_t upstreamPort) : m_upstream(upstreamPort)
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(m_listenFd, 64) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        return;
    }
    m_port = ntohs(address.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

FaultProxy::~FaultProxy()
{
    m_stopping = true;
    if (m_listenFd >= 0) {
        ::shutdown(m_listenFd, SHUT_RDWR);
    }
    if (m_acceptThread.joinable()) {
        m_acceptThread.join();
    }
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(m_mutex);
        for (int fd : m_openFds) {
            ::shutdown(fd, SHUT_RDWR);
        }
        workers.swap(m_workers);
    }
    for (auto& worker : workers) {
        worker.join();
    }
    if (m_listenFd >= 0) {
        ::close(m_listenFd);
    }
}

void FaultProxy::script(std::vector<ProxyFault> faults)
{
    std::lock_guard lock(m_mutex);
    m_script.assign(faults.begin(), faults.end());
}

ProxyFault FaultProxy::nextFault()
{
    std::lock_guard lock(m_mutex);
    if (m_script.empty()) {
        return ProxyFault::Pass;
    }
    const ProxyFault fault = m_script.front();
    m_script.pop_front();
    return fault;
}

void FaultProxy::acceptLoop()
{
    while (!m_stopping) {
        const int client = ::accept(m_listenFd, nullptr, nullptr);
        if (client < 0) {
            return;
        }
        ++m_connections;
        std::lock_guard lock(m_mutex);
        m_openFds.push_back(client);
        m_workers.emplace_back([this, client] { handle(client); });
    }
}

void FaultProxy::handle(int client)
{
    const auto forget = [this](int fd) {
        std::lock_guard lock(m_mutex);
        m_openFds.erase(std::remove(m_openFds.begin(), m_openFds.end(), fd), m_openFds.end());
        ::close(fd);
    };
    const int upstream = connectLoopback(m_upstream.load());
    if (upstream < 0) {
        forget(client);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_openFds.push_back(upstream);
    }
    // HTTP/1.1 without pipelining: requests and answers alternate on a connection, so the first
    // client bytes after an answer begin a new request, and each request takes the next fault.
    ProxyFault fault = ProxyFault::Pass;
    bool answered = true;
    char buffer[16384];
    bool open = true;
    while (open && !m_stopping) {
        pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
        if (::poll(fds, 2, 1000) < 0) {
            break;
        }
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0) {
                open = false;
            } else {
                if (answered) {
                    answered = false;
                    fault = nextFault();
                    if (fault != ProxyFault::Pass) {
                        ++m_applied;
                    }
                    if (fault == ProxyFault::DropBeforeRequest) {
                        break; // nothing reaches the server
                    }
                    if (fault == ProxyFault::Delay) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs.load()));
                    }
                }
                if (!sendAll(upstream, buffer, static_cast<std::size_t>(n))) {
                    open = false;
                }
            }
        }
        if (open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            const ssize_t n = ::recv(upstream, buffer, sizeof buffer, 0);
            const bool first = !answered;
            answered = true;
            if (n <= 0) {
                open = false;
            } else if (first && fault == ProxyFault::DropAfterRequest) {
                open = false; // the server has done the work; its answer is lost
            } else if (first && fault == ProxyFault::DropMidAnswer) {
                (void)sendAll(client, buffer, static_cast<std::size_t>(std::max<ssize_t>(1, n - 4)));
                open = false;
            } else if (first && fault == ProxyFault::Garbage) {
                static constexpr char kGarbage[] = "\x16\x03\x01\xff\xfeNOT HTTP AT ALL\r\n\r\n\x00\x01garbage";
                (void)sendAll(client, kGarbage, sizeof kGarbage - 1);
                open = false;
            } else if (!sendAll(client, buffer, static_cast<std::size_t>(n))) {
                open = false;
            }
        }
    }
    forget(upstream);
    forget(client);
}

} // namespace sigma::test
