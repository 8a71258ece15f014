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

} // namespace sigma::till::errc
