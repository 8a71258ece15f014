#pragma once

#include <cstdint>
#include <string>

namespace sigma::test {

/// A plain TCP client for sending what a well-behaved HTTP client never would (malformed
/// requests, pipelined bytes, nothing at all). Blocking POSIX calls with a receive timeout so a
/// broken server fails the test instead of hanging it.
class RawSocket {
public:
    /// Connects to 127.0.0.1:`port`; check connected().
    explicit RawSocket(std::uint16_t port, int receiveTimeoutMs = 5000);
    ~RawSocket();
    RawSocket(const RawSocket&) = delete;
    RawSocket& operator=(const RawSocket&) = delete;

    [[nodiscard]] bool connected() const { return m_fd >= 0; }
    [[nodiscard]] bool sendAll(const std::string& bytes);
    /// Reads until the peer closes (true) or the receive timeout passes (false); `out` gets the bytes.
    [[nodiscard]] bool readUntilClosed(std::string& out);
    /// Reads until `out` contains `marker` (true) or the peer closes / the timeout passes (false).
    [[nodiscard]] bool readUntil(std::string& out, const std::string& marker);

private:
    int m_fd = -1;
};

} // namespace sigma::test
