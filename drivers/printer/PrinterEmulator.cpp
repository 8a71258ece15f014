#include "drivers/printer/PrinterEmulator.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sigma::drivers::printer {

PrinterEmulator::~PrinterEmulator()
{
    stop();
}

core::Status PrinterEmulator::start(int port)
{
    if (m_running) {
        return core::ok();
    }
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return core::Error(devices::printer_errc::kUnreachable, std::string("socket: ") + std::strerror(errno));
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0 || ::listen(fd, 8) != 0) {
        const int err = errno;
        ::close(fd);
        return core::Error(devices::printer_errc::kUnreachable,
                           "cannot listen on port " + std::to_string(port) + ": " + std::strerror(err));
    }
    socklen_t length = sizeof(address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_listenFd = fd;
    m_running = true;
    m_thread = std::thread([this] { serve(); });
    return core::ok();
}

void PrinterEmulator::stop()
{
    if (!m_running) {
        return;
    }
    m_running = false;
    if (m_thread.joinable()) {
        m_thread.join();
    }
    ::close(m_listenFd);
    m_listenFd = -1;
}

void PrinterEmulator::setStatus(const devices::PrinterStatus& status)
{
    std::lock_guard lock(m_mutex);
    m_status = status;
}

void PrinterEmulator::dropAfterNextDocuments(int count)
{
    std::lock_guard lock(m_mutex);
    m_dropCount = count;
}

std::vector<Bytes> PrinterEmulator::documents() const
{
    std::lock_guard lock(m_mutex);
    return m_documents;
}

std::vector<std::string> PrinterEmulator::texts() const
{
    std::vector<std::string> out;
    for (const auto& document : documents()) {
        auto text = EscPos::plainText(document);
        out.push_back(text ? *text : "<malformed: " + text.error().message + ">");
    }
    return out;
}

void PrinterEmulator::serve()
{
    while (m_running) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) {
            continue;
        }
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        handle(fd);
        ::close(fd);
    }
}

void PrinterEmulator::handle(int fd)
{
    Bytes pending; // bytes of the current document, and any command not complete yet
    std::size_t scanned = 0;
    std::uint8_t buffer[4096];
    while (m_running) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) {
            continue;
        }
        const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
        if (n <= 0) {
            return; // the client is done (or gone)
        }
        pending.insert(pending.end(), buffer, buffer + n);
        // Real-time requests are answered as they arrive; a cut ends a document.
        while (scanned < pending.size()) {
            const std::uint8_t b = pending[scanned];
            if (b == EscPos::kDle) {
                if (scanned + 3 > pending.size()) {
                    break;
                }
                if (pending[scanned + 1] == EscPos::kEot) {
                    const std::uint8_t request = pending[scanned + 2];
                    std::uint8_t answer = 0;
                    {
                        std::lock_guard lock(m_mutex);
                        answer = EscPos::statusByte(request, m_status);
                    }
                    if (::send(fd, &answer, 1, MSG_NOSIGNAL) != 1) {
                        return;
                    }
                    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(scanned),
                                  pending.begin() + static_cast<std::ptrdiff_t>(scanned + 3));
                    continue;
                }
                ++scanned;
            } else if (b == EscPos::kGs && scanned + 1 < pending.size() && pending[scanned + 1] == 'V') {
                if (scanned + 4 > pending.size()) {
                    break;
                }
                const std::size_t end = scanned + 4;
                bool drop = false;
                {
                    std::lock_guard lock(m_mutex);
                    m_documents.emplace_back(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(end));
                    if (m_dropCount > 0) {
                        --m_dropCount;
                        drop = true;
                    }
                }
                if (m_listener) {
                    m_listener(Bytes(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(end)));
                }
                pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(end));
                scanned = 0;
                if (drop) {
                    return; // printed, but the confirmation never leaves
                }
            } else {
                ++scanned;
            }
        }
    }
}

} // namespace sigma::drivers::printer
