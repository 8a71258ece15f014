#pragma once

#include "devices/Printer.h"
#include "till/KitchenService.h"
#include "till/TillContext.h"

#include <functional>
#include <memory>

namespace sigma::till {

/// The state of one printer's queue, for the service screen and `sigmactl kitchen queue`.
struct PrinterQueueStatus {
    KitchenPrinter printer;
    int queued = 0;
    std::optional<std::int64_t> oldestQueuedAtUs;
    std::string lastError;
    std::optional<devices::PrinterStatus> live; ///< when asked to probe and the printer answered
    std::string probeError;
};

/// What one pump did.
struct PumpReport {
    int printed = 0;
    int failed = 0;  ///< attempts that failed (the tickets stay queued)
    int waiting = 0; ///< queued tickets not due yet (backing off) or behind a failed one
};

/// The persistent kitchen print queue: the tickets in terminal.db with print_state 'queued'.
///
/// Delivery is at-least-once, never at-most-once: a ticket leaves the queue only when its
/// printer confirmed the whole document (devices::Printer::print). The one case that can print
/// twice is the printer receiving the bytes and the connection dropping before the confirmation
/// (or the terminal dying mid-send): the ticket is then marked "in doubt" and printed again with
/// ПОВТОР under its number, so the kitchen sees it is a copy of a ticket it may already have.
/// Exactly-once is impossible with a printer that keeps no job ids; losing a ticket is worse than
/// a marked repeat. Failed attempts back off 1, 2, 4 ... 60 s; tickets of one printer print in
/// order (a later one never overtakes a stuck one).
class PrintQueue {
public:
    using PrinterFactory = std::function<core::Result<std::unique_ptr<devices::Printer>>(const KitchenPrinter&)>;

    PrintQueue(TillContext& context, PrinterFactory factory);

    /// One pass: every due ticket is tried once. The terminal calls this on a timer; sigmactl after
    /// a send and on `kitchen queue --retry`.
    core::Result<PumpReport> pump();
    /// Makes every queued ticket due now (the "retry now" button).
    core::Status retryNow();
    core::Result<std::vector<PrinterQueueStatus>> status(bool probe);

    /// The printout of a ticket (ПОВТОР when in doubt), wrapped to `widthChars` characters.
    static devices::PrintDocument layout(const KitchenTicket& ticket, bool repeat, int widthChars = 42);
    static std::int64_t backoffUs(int attempts);

    [[nodiscard]] static core::Json toJson(const PrinterQueueStatus& status);

private:
    TillContext& m_context;
    PrinterFactory m_factory;
};

} // namespace sigma::till
