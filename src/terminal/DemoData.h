#pragma once

#include "core/Result.h"

namespace sigma::terminal {

class TerminalRuntime;

/// A shop to look at: staff (an administrator and a cashier with known PINs), a small catalog
/// with categories, an open shift and a cart. Used by `--screenshot` and `--measure-scans` in a
/// temporary data directory, through the same till services a cashier uses.
class DemoData {
public:
    static constexpr const char* kAdminPin = "2580";
    static constexpr const char* kCashierPin = "1357";
    static constexpr const char* kTechnicianPin = "8642";

    /// Staff and catalog; logs the cashier in. `products` beyond the named ones are generated.
    static core::Status seed(TerminalRuntime& runtime, int products = 0);
    /// Opens a shift and puts a few lines in the cart.
    static core::Status fillCart(TerminalRuntime& runtime);
    /// An EAN-13 for a running number, with its check digit.
    static std::string ean13(long long number);
};

} // namespace sigma::terminal
