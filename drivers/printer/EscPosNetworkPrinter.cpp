#include "drivers/printer/EscPosNetworkPrinter.h"

#include "drivers/printer/EscPos.h"
#include "drivers/printer/TcpSocket.h"

namespace sigma::drivers::printer {
namespace {

using devices::printer_errc::kUnreachable;

core::Result<devices::PrinterStatus> askStatus(TcpSocket& socket, int timeoutMs)
{
    std::uint8_t answers[3] = {};
    const std::uint8_t requests[3] = {1, 2, 4};
    for (int i = 0; i < 3; ++i) {
        SIGMA_TRY(socket.sendAll(EscPos::statusRequest(requests[i]), timeoutMs, kUnreachable));
        SIGMA_ASSIGN_OR_RETURN(answers[i], socket.receiveByte(timeoutMs, kUnreachable));
    }
    return EscPos::parseStatus(answers[0], answers[1], answers[2]);
}

} // namespace

EscPosNetworkPrinter::EscPosNetworkPrinter(NetworkPrinterSettings settings) : m_settings(std::move(settings)) {}

core::Status EscPosNetworkPrinter::validate(const NetworkPrinterSettings& settings)
{
    using devices::printer_errc::kBadSettings;
    if (settings.host.empty() || settings.host.size() > 253) {
        return core::Error(kBadSettings, "the printer's host is empty or too long", "host");
    }
    if (settings.port < 1 || settings.port > 65535) {
        return core::Error(kBadSettings, "the printer's port must be 1-65535", "port");
    }
    if (settings.connectTimeoutMs < 1 || settings.connectTimeoutMs > 60000 || settings.ioTimeoutMs < 1 ||
        settings.ioTimeoutMs > 60000) {
        return core::Error(kBadSettings, "printer timeouts must be 1-60000 ms", "timeoutMs");
    }
    return core::ok();
}

core::Result<devices::PrinterStatus> EscPosNetworkPrinter::status()
{
    SIGMA_TRY(validate(m_settings));
    SIGMA_ASSIGN_OR_RETURN(auto socket,
                           TcpSocket::connect(m_settings.host, m_settings.port, m_settings.connectTimeoutMs, kUnreachable));
    return askStatus(socket, m_settings.ioTimeoutMs);
}

core::Status EscPosNetworkPrinter::print(const devices::PrintDocument& document)
{
    SIGMA_TRY(validate(m_settings));
    SIGMA_ASSIGN_OR_RETURN(auto socket,
                           TcpSocket::connect(m_settings.host, m_settings.port, m_settings.connectTimeoutMs, kUnreachable));
    SIGMA_ASSIGN_OR_RETURN(auto status, askStatus(socket, m_settings.ioTimeoutMs));
    if (status.paperOut) {
        return core::Error(devices::printer_errc::kPaperOut, "the printer is out of paper");
    }
    if (!status.online || status.coverOpen) {
        return core::Error(devices::printer_errc::kOffline,
                           status.coverOpen ? "the printer's cover is open" : "the printer is offline");
    }
    // From here on, any failure leaves the outcome unknown: some bytes may have been printed.
    Bytes bytes = EscPos::encode(document);
    const Bytes confirm = EscPos::statusRequest(1);
    bytes.insert(bytes.end(), confirm.begin(), confirm.end());
    const int unconfirmed = devices::printer_errc::kUnconfirmed;
    SIGMA_TRY(socket.sendAll(bytes, m_settings.ioTimeoutMs, unconfirmed));
    SIGMA_ASSIGN_OR_RETURN(const std::uint8_t answer, socket.receiveByte(m_settings.ioTimeoutMs, unconfirmed));
    if ((answer & 0x93) != 0x12) {
        return core::Error(unconfirmed, "the printer's confirmation is not a status byte");
    }
    return core::ok();
}

} // namespace sigma::drivers::printer
