#pragma once

#include "core/Error.h"

#include <string>
#include <string_view>

namespace sigma::fiscal {

/// Error codes of ATOL's driver (FISCAL.md). A fiscal device reports failures with these codes so
/// that callers (recovery, the GUI's plain-Russian messages) can act on them whatever the driver.
namespace atol {
inline constexpr int kOk = 0;
inline constexpr int kNoConnection = 2;
inline constexpr int kPortBusy = 3;
inline constexpr int kNoPaper = 44;
inline constexpr int kCoverOpen = 45;
inline constexpr int kNotFullyPaid = 66;
inline constexpr int kShiftExpired = 68;
inline constexpr int kShiftClosed = 73;
inline constexpr int kReceiptOpen = 82;
inline constexpr int kShiftOpen = 83;
inline constexpr int kFnWrongState = 117;
inline constexpr int kFnExpired = 120;
inline constexpr int kFnArchiveFull = 121;
inline constexpr int kFnUnsentDocuments = 139;
inline constexpr int kOfdWaitExceeded = 140;
inline constexpr int kFnShiftExpired = 141;
inline constexpr int kInvalidTaxationType = 143;
inline constexpr int kInvalidTaxType = 144;
// 500-599: JSON task and web API errors. The exact numbers ATOL's driver uses in this range are
// not public; these are ours, kept in this range as FISCAL.md describes.
inline constexpr int kJsonSyntax = 501;
inline constexpr int kJsonUnknownTask = 502;
inline constexpr int kJsonMissingField = 503;
inline constexpr int kJsonInvalidValue = 504;
inline constexpr int kJsonNotSupported = 505;
inline constexpr int kAmountMismatch = 506;
inline constexpr int kDocumentNotFound = 507;
inline constexpr int kWebRequestNotFound = 520;
inline constexpr int kWebRequestDuplicate = 521;
inline constexpr int kDriverNotInstalled = 530;
inline constexpr int kDriverFailure = 531;
} // namespace atol

/// The driver's description of `code`, in Russian as ATOL reports it ("Нет бумаги").
std::string_view atolErrorDescription(int code);

/// An Error with an ATOL code; `detail` (English, for logs) is appended to the description.
core::Error atolError(int code, const std::string& detail = {}, std::string field = {});

/// Failures that mean "the device could not be asked", not "the device said no": recovery must
/// leave a receipt pending on these, never mark it failed.
bool isDeviceUnreachable(const core::Error& error);

} // namespace sigma::fiscal
