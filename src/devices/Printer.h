#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace sigma::devices {

/// Error codes of the receipt and kitchen printers, 2200-2249 (docs/errors.md, "food").
namespace printer_errc {
inline constexpr int kUnreachable = 2200;   ///< no connection (switched off, unplugged, wrong address)
inline constexpr int kUnconfirmed = 2201;   ///< the connection broke during or right after sending: printed or not is unknown
inline constexpr int kPaperOut = 2202;      ///< the printer reports no paper
inline constexpr int kOffline = 2203;       ///< the printer reports itself offline (cover open, error state)
inline constexpr int kBadAnswer = 2204;     ///< the printer's status answer is malformed
inline constexpr int kBadSettings = 2205;   ///< printer settings refused (host, port, width)
} // namespace printer_errc

/// What the printer says about itself (ESC/POS real-time status).
struct PrinterStatus {
    bool online = false;
    bool paperOut = false;
    bool paperNearEnd = false;
    bool coverOpen = false;
};

enum class PrintAlign {
    Left = 1,
    Center,
};

/// One line of a printout: plain UTF-8 text; the driver encodes it for the printer.
struct PrintLine {
    std::string text;
    bool bold = false;
    bool large = false; ///< double width and height: the ticket number, the table
    PrintAlign align = PrintAlign::Left;
};

/// A printout: lines, then a paper cut.
struct PrintDocument {
    std::vector<PrintLine> lines;
};

/// A non-fiscal printer: the kitchen's ticket printer (ESC/POS over TCP port 9100).
///
/// print() returns ok only when the printer confirmed that it received the whole document. An
/// error with printer_errc::kUnconfirmed means the bytes may have reached the printer: the caller
/// decides whether to print again (the kitchen print queue does, and marks the copy as a repeat).
/// Implementations are used from one thread at a time and never throw.
class Printer {
public:
    virtual ~Printer() = default;

    [[nodiscard]] virtual core::Result<PrinterStatus> status() = 0;
    [[nodiscard]] virtual core::Status print(const PrintDocument& document) = 0;
    /// The id of the driver behind this printer ("escpos").
    [[nodiscard]] virtual std::string_view driverId() const = 0;
};

} // namespace sigma::devices
