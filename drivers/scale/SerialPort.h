#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>

namespace sigma::drivers::scale {

enum class SerialParity {
    None = 1,
    Even,
    Odd,
};

struct SerialSettings {
    int baudRate = 9600; ///< 1200 ... 115200
    SerialParity parity = SerialParity::None;
    int dataBits = 8; ///< 7 or 8
    int stopBits = 1; ///< 1 or 2
};

/// A serial port (a tty: /dev/ttyS0, /dev/ttyUSB0, a pseudo-terminal) in raw mode, owning its
/// file descriptor. Errors are scale_errc::kPortFailed, with the system's reason.
class SerialPort {
public:
    static core::Result<SerialPort> open(const std::string& path, const SerialSettings& settings);

    SerialPort(SerialPort&& other) noexcept;
    SerialPort& operator=(SerialPort&& other) noexcept;
    SerialPort(const SerialPort&) = delete;
    SerialPort& operator=(const SerialPort&) = delete;
    ~SerialPort();

    core::Status write(std::span<const std::uint8_t> bytes);
    /// Reads what has arrived, waiting up to `timeoutMs` for the first byte; 0 bytes on timeout.
    core::Result<std::size_t> readSome(std::span<std::uint8_t> buffer, int timeoutMs);
    /// Drops whatever was received and not read yet (a late answer to an earlier request).
    void discardInput();

    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    SerialPort(int fd, std::string path) : m_fd(fd), m_path(std::move(path)) {}

    int m_fd = -1;
    std::string m_path;
};

} // namespace sigma::drivers::scale
