#pragma once

#include "devices/Printer.h"

#include <string>

namespace sigma::drivers::printer {

/// Where a network printer is and how patient to be with it.
struct NetworkPrinterSettings {
    std::string host;
    int port = 9100; ///< the raw printing port ("JetDirect") of network ESC/POS printers
    int connectTimeoutMs = 3000;
    int ioTimeoutMs = 5000;
};

/// An ESC/POS printer on the network (a kitchen printer on port 9100).
///
/// A print job is one connection: the status is asked first (DLE EOT 1, 2, 4: nothing is sent to
/// a printer without paper or offline), then the document, then DLE EOT 1 again. The printer
/// answers real-time requests in the order the bytes arrive, so that last answer proves every
/// byte of the document reached it. Losing the connection before the answer is kUnconfirmed: the
/// document may or may not have been printed.
class EscPosNetworkPrinter final : public devices::Printer {
public:
    explicit EscPosNetworkPrinter(NetworkPrinterSettings settings);

    /// Host non-empty, port 1-65535, timeouts 1-60000 ms: kBadSettings otherwise.
    static core::Status validate(const NetworkPrinterSettings& settings);

    core::Result<devices::PrinterStatus> status() override;
    core::Status print(const devices::PrintDocument& document) override;
    std::string_view driverId() const override { return "escpos"; }

private:
    NetworkPrinterSettings m_settings;
};

} // namespace sigma::drivers::printer
