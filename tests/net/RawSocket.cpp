#include "net/RawSocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace sigma::test {

RawSocket::RawSocket(std::uint16_t port, int receiveTimeoutMs)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_fd < 0) {
        return;
    }
    timeval timeout{};
    timeout.tv_sec = receiveTimeoutMs / 1000;
    timeout.tv_usec = (receiveTimeoutMs % 1000) * 1000;
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

RawSocket::~RawSocket()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

bool RawSocket::sendAll(const std::string& bytes)
{
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

bool RawSocket::readUntilClosed(std::string& out)
{
    char buffer[4096];
    while (true) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n == 0) {
            return true;
        }
        if (n < 0) {
            // ECONNRESET also means closed; EAGAIN means the timeout passed.
            return errno == ECONNRESET;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

bool RawSocket::readUntil(std::string& out, const std::string& marker)
{
    char buffer[4096];
    while (out.find(marker) == std::string::npos) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof(buffer), 0);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace sigma::test
