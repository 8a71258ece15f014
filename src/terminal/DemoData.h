#pragma once

#include "core/Result.h"
#include "till/AuthService.h"

#include <initializer_list>
#include <string>
#include <vector>

namespace sigma::terminal {

class TaskRunner;
class TerminalRuntime;

/// A shop to look at: staff (an administrator and a cashier with known PINs), a small catalog
/// with categories, an open shift and a cart. Used by `--screenshot` and `--measure-scans` in a
/// temporary data directory, through the same till services a cashier uses.
class DemoData {
public:
    static constexpr const char* kAdminPin = "2580";
    static constexpr const char* kCashierPin = "1357";
    static constexpr const char* kTechnicianPin = "8642";

    /// The staff every demonstration starts with: the administrator (the set-up PIN changed at the
    /// first login, as on a real terminal) and the senior cashier "Иванова Анна" with kCashierPin,
    /// and a technician named `technicianName` with kTechnicianPin unless it is null. Returns the
    /// administrator's session, for the staff and settings a demonstration adds.
    static core::Result<till::Session> seedStaff(TerminalRuntime& runtime, const char* technicianName);
    /// Catalog categories sorted in the order of `names`; their ids in that order.
    static core::Result<std::vector<std::string>> addCategories(TerminalRuntime& runtime,
                                                                std::initializer_list<const char*> names);
    /// Staff and catalog; logs the cashier in. `products` beyond the named ones are generated.
    static core::Status seed(TerminalRuntime& runtime, int products = 0);
    /// Opens a shift and puts a few lines in the cart.
    static core::Status fillCart(TerminalRuntime& runtime);
    /// Three cash sales today (the cart is filled again afterwards) and a receiving document with
    /// three lines, for the returns-by-date and stock screens.
    static core::Status sellAndStock(TerminalRuntime& runtime);
    /// The emulated scale in config.json, with 0,352 kg on it.
    static core::Status connectScale(TerminalRuntime& runtime);
    /// Lets queued worker jobs and their UI callbacks run for `ms` (a screenshot is taken afterwards).
    static void settle(TaskRunner& runner, int ms = 300);
    /// An EAN-13 for a running number, with its check digit.
    static std::string ean13(long long number);
};

} // namespace sigma::terminal
