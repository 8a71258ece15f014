#include "drivers/scale/SerialPort.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>
#include <utility>

#include "devices/Scale.h"

namespace sigma::drivers::scale {
namespace {

core::Error portError(const std::string& what, const std::string& path, int error)
{
    return core::Error(devices::scale_errc::kPortFailed, what + " " + path + ": " + std::strerror(error));
}

core::Result<speed_t> speedOf(int baudRate)
{
    switch (baudRate) {
    case 1200:
        return B1200;
    case 2400:
        return B2400;
    case 4800:
        return B4800;
    case 9600:
        return B9600;
    case 19200:
        return B19200;
    case 38400:
        return B38400;
    case 57600:
        return B57600;
    case 115200:
        return B115200;
    default:
        break;
    }
    return core::Error(devices::scale_errc::kBadSettings, "unsupported baud rate " + std::to_string(baudRate),
                       "baudRate");
}

} // namespace

core::Result<SerialPort> SerialPort::open(const std::string& path, const SerialSettings& settings)
{
    SIGMA_ASSIGN_OR_RETURN(const speed_t speed, speedOf(settings.baudRate));
    if (settings.dataBits != 7 && settings.dataBits != 8) {
        return core::Error(devices::scale_errc::kBadSettings, "data bits must be 7 or 8", "dataBits");
    }
    if (settings.stopBits != 1 && settings.stopBits != 2) {
        return core::Error(devices::scale_errc::kBadSettings, "stop bits must be 1 or 2", "stopBits");
    }
    // O_NOCTTY: a scale must never become the terminal's controlling tty.
    const int fd = ::open(path.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return portError("cannot open", path, errno);
    }
    SerialPort port(fd, path);
    termios tio{};
    if (::tcgetattr(fd, &tio) != 0) {
        return portError("not a serial port:", path, errno);
    }
    ::cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD;
    tio.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB);
    tio.c_cflag |= settings.dataBits == 7 ? CS7 : CS8;
    if (settings.parity != SerialParity::None) {
        tio.c_cflag |= PARENB;
        if (settings.parity == SerialParity::Odd) {
            tio.c_cflag |= PARODD;
        }
    }
    if (settings.stopBits == 2) {
        tio.c_cflag |= CSTOPB;
    }
    tio.c_cc[VMIN] = 0;
    tio.c_cc[VTIME] = 0;
    if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0 || ::tcsetattr(fd, TCSANOW, &tio) != 0) {
        return portError("cannot set up", path, errno);
    }
    return core::Result<SerialPort>(std::move(port));
}

SerialPort::SerialPort(SerialPort&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path))
{
}

SerialPort& SerialPort::operator=(SerialPort&& other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
    }
    return *this;
}

SerialPort::~SerialPort()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

core::Status SerialPort::write(std::span<const std::uint8_t> bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return portError("cannot write to", m_path, errno);
        }
        done += static_cast<std::size_t>(n);
    }
    return core::ok();
}

core::Result<std::size_t> SerialPort::readSome(std::span<std::uint8_t> buffer, int timeoutMs)
{
    pollfd pfd{m_fd, POLLIN, 0};
    for (;;) {
        const int ready = ::poll(&pfd, 1, timeoutMs);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            return portError("cannot wait on", m_path, errno);
        }
        if (ready == 0) {
            return std::size_t{0};
        }
        break;
    }
    if ((pfd.revents & POLLIN) == 0) {
        // POLLHUP without data: the other side is gone (a pty's master closed, a USB adapter pulled).
        return portError("connection lost on", m_path, EIO);
    }
    const ssize_t n = ::read(m_fd, buffer.data(), buffer.size());
    if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) {
            return std::size_t{0};
        }
        return portError("cannot read from", m_path, errno);
    }
    return static_cast<std::size_t>(n);
}

void SerialPort::discardInput()
{
    ::tcflush(m_fd, TCIFLUSH);
}

} // namespace sigma::drivers::scale
