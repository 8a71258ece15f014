#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>

namespace sigma::drivers::printer {

/// A connected TCP socket (RAII over the descriptor) with timeouts on every call: a printer that
/// is switched off must cost the caller seconds, not minutes. Errors carry the given code and
/// the system's reason.
class TcpSocket {
public:
    TcpSocket() = default;
    explicit TcpSocket(int fd) : m_fd(fd) {}
    ~TcpSocket();
    TcpSocket(TcpSocket&& other) noexcept;
    TcpSocket& operator=(TcpSocket&& other) noexcept;
    TcpSocket(const TcpSocket&) = delete;
    TcpSocket& operator=(const TcpSocket&) = delete;

    /// Connects to an IPv4 address or host name.
    static core::Result<TcpSocket> connect(const std::string& host, int port, int timeoutMs, int errorCode);

    core::Status sendAll(std::span<const std::uint8_t> bytes, int timeoutMs, int errorCode);
    /// Up to `max` bytes; 0 bytes read means the peer closed the connection.
    core::Result<std::size_t> receiveSome(std::uint8_t* buffer, std::size_t max, int timeoutMs, int errorCode);
    core::Result<std::uint8_t> receiveByte(int timeoutMs, int errorCode);

    [[nodiscard]] bool valid() const { return m_fd >= 0; }
    [[nodiscard]] int fd() const { return m_fd; }
    void close();

private:
    int m_fd = -1;
};

} // namespace sigma::drivers::printer
