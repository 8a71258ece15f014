#include "drivers/printer/TcpSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

namespace sigma::drivers::printer {
namespace {

core::Error systemError(int code, const std::string& what, int err)
{
    return core::Error(code, what + ": " + std::strerror(err));
}

/// Waits for `events` on `fd`; false on timeout.
core::Result<bool> waitFor(int fd, short events, int timeoutMs, int code)
{
    pollfd p{fd, events, 0};
    for (;;) {
        const int n = ::poll(&p, 1, timeoutMs);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return systemError(code, "poll", errno);
        }
        return n > 0;
    }
}

} // namespace

TcpSocket::~TcpSocket()
{
    close();
}

TcpSocket::TcpSocket(TcpSocket&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

TcpSocket& TcpSocket::operator=(TcpSocket&& other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void TcpSocket::close()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

core::Result<TcpSocket> TcpSocket::connect(const std::string& host, int port, int timeoutMs, int errorCode)
{
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0 || found == nullptr) {
        return core::Error(errorCode, "cannot resolve " + host + ": " + ::gai_strerror(rc));
    }
    sockaddr_in address{};
    std::memcpy(&address, found->ai_addr, sizeof(address));
    ::freeaddrinfo(found);

    TcpSocket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!socket.valid()) {
        return systemError(errorCode, "socket", errno);
    }
    const std::string where = host + ":" + service;
    if (::connect(socket.m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
        if (errno != EINPROGRESS) {
            return systemError(errorCode, "cannot connect to " + where, errno);
        }
        SIGMA_ASSIGN_OR_RETURN(const bool ready, waitFor(socket.m_fd, POLLOUT, timeoutMs, errorCode));
        if (!ready) {
            return core::Error(errorCode, "no connection to " + where + " within " + std::to_string(timeoutMs) + " ms");
        }
        int err = 0;
        socklen_t length = sizeof(err);
        ::getsockopt(socket.m_fd, SOL_SOCKET, SO_ERROR, &err, &length);
        if (err != 0) {
            return systemError(errorCode, "cannot connect to " + where, err);
        }
    }
    const int one = 1;
    ::setsockopt(socket.m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return socket;
}

core::Status TcpSocket::sendAll(std::span<const std::uint8_t> bytes, int timeoutMs, int errorCode)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        SIGMA_ASSIGN_OR_RETURN(const bool ready, waitFor(m_fd, POLLOUT, timeoutMs, errorCode));
        if (!ready) {
            return core::Error(errorCode, "sending timed out after " + std::to_string(sent) + " bytes");
        }
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return systemError(errorCode, "send", errno);
        }
        sent += static_cast<std::size_t>(n);
    }
    return core::ok();
}

core::Result<std::size_t> TcpSocket::receiveSome(std::uint8_t* buffer, std::size_t max, int timeoutMs, int errorCode)
{
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(const bool ready, waitFor(m_fd, POLLIN, timeoutMs, errorCode));
        if (!ready) {
            return core::Error(errorCode, "no answer within " + std::to_string(timeoutMs) + " ms");
        }
        const ssize_t n = ::recv(m_fd, buffer, max, 0);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return systemError(errorCode, "recv", errno);
        }
        return static_cast<std::size_t>(n);
    }
}

core::Result<std::uint8_t> TcpSocket::receiveByte(int timeoutMs, int errorCode)
{
    std::uint8_t byte = 0;
    SIGMA_ASSIGN_OR_RETURN(const auto n, receiveSome(&byte, 1, timeoutMs, errorCode));
    if (n == 0) {
        return core::Error(errorCode, "the printer closed the connection");
    }
    return byte;
}

} // namespace sigma::drivers::printer
