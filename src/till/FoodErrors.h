#pragma once

// Error codes of the food services (hall, orders, kitchen), 2150-2199 (docs/errors.md, "food").
// Printer errors, 2200-2249, are in devices/Printer.h.
namespace sigma::till::food_errc {

inline constexpr int kTableNotFound = 2150;         ///< no such table
inline constexpr int kTableNameTaken = 2151;        ///< another table has this name
inline constexpr int kTableCellTaken = 2152;        ///< another table stands on this grid cell
inline constexpr int kTableBusy = 2153;             ///< the table has an open order (cannot remove, cannot open another)
inline constexpr int kOrderNotFound = 2154;         ///< no such order
inline constexpr int kOrderNotOpen = 2155;          ///< the order is paid, cancelled or merged
inline constexpr int kModifierRequired = 2156;      ///< a required modifier group has no choice
inline constexpr int kModifierTooFew = 2157;        ///< fewer choices than the group's minimum
inline constexpr int kModifierTooMany = 2158;       ///< more choices than the group's maximum
inline constexpr int kUnknownModifier = 2159;       ///< no such option, or the group is not the product's
inline constexpr int kLineNotFound = 2160;          ///< the order has no line at this position
inline constexpr int kOpenOrdersBlockShift = 2161;  ///< the shift cannot close while orders are open
inline constexpr int kBadSplit = 2162;              ///< the split does not cover the order exactly
inline constexpr int kCancelReasonRequired = 2163;  ///< cancelling an order needs a reason
inline constexpr int kTicketNotFound = 2164;        ///< no such kitchen ticket
inline constexpr int kPrinterNotFound = 2165;       ///< no such kitchen printer
inline constexpr int kBadGuests = 2166;             ///< guests must be 1-99
inline constexpr int kModifierGroupNotFound = 2167; ///< no such modifier group
inline constexpr int kBadModifierGroup = 2168;      ///< a group's min/max/options make no sense
inline constexpr int kOrderEmpty = 2169;            ///< nothing to bill or send
inline constexpr int kOrderPartlyPaid = 2170;       ///< part of the bill is paid: the order cannot change
inline constexpr int kNothingToSend = 2171;         ///< the kitchen has every line already

} // namespace sigma::till::food_errc
