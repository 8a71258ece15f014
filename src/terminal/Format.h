#pragma once

#include "core/Money.h"
#include "core/Quantity.h"

#include <QString>

namespace sigma::terminal {

/// How money and quantities look on screen, in the UI's locale (QLocale's default, set with the
/// language): "1 234,50 ₽" and "0,350" in Russian, "1,234.50 ₽" and "0.350" in English. Built from
/// the integer kopecks and thousandths with the locale's separators only, never through a double,
/// so what is shown is exactly what is stored.
class Format {
public:
    /// "1 234,50 ₽" (Russian) / "1,234.50 ₽" (English).
    static QString money(core::Money money, bool withCurrency = true);
    /// Pieces as a whole number ("2"), anything else with 3 decimals ("0,350"): a weight always
    /// shows its grams.
    static QString quantity(core::Quantity quantity);
    /// Three decimals always ("2,000").
    static QString fixedQuantity(core::Quantity quantity);
    /// What a cashier types back into a field: no grouping, the locale's decimal point ("89,90").
    static QString moneyInput(core::Money money);
};

} // namespace sigma::terminal
