#pragma once

// Error codes of the till services, 1800-1899 (docs/errors.md). Register refusals keep their
// ATOL codes; these are the till's own rules.
namespace sigma::till::errc {

inline constexpr int kNoOpenShift = 1800;
inline constexpr int kShiftExpired = 1801;
inline constexpr int kShiftAlreadyOpen = 1802;
inline constexpr int kPendingReceipts = 1803;
inline constexpr int kReceiptNotFound = 1804;
inline constexpr int kNotReturnable = 1805;
inline constexpr int kReturnExceedsSale = 1806;
inline constexpr int kCardDeclined = 1807;
inline constexpr int kCardFailed = 1808;
inline constexpr int kNoPaymentTerminal = 1809;
inline constexpr int kReceiptPending = 1810;
inline constexpr int kSeniorApprovalRequired = 1811;
inline constexpr int kUnknownProduct = 1812;
inline constexpr int kHeldReceiptNotFound = 1813;
inline constexpr int kShiftStateMismatch = 1814;

// 2100-2149: services (masters, appointments, customers at the sale)
inline constexpr int kAppointmentNotFound = 2100;
inline constexpr int kAppointmentOverlap = 2101;
inline constexpr int kOutsideWorkingHours = 2102;
inline constexpr int kAppointmentWrongState = 2103;
inline constexpr int kBadAppointmentTime = 2104;
inline constexpr int kNotAMaster = 2105;
inline constexpr int kCancelReasonRequired = 2106;
inline constexpr int kAppointmentNoServices = 2107;
inline constexpr int kCustomerNotFound = 2108;
inline constexpr int kBadWorkingHours = 2109;
inline constexpr int kCustomerQueryTooShort = 2110;

} // namespace sigma::till::errc
