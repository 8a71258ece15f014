#pragma once

#include <string_view>

namespace sigma::cloud {

/// The cloud's own error codes (3000–3099, listed in docs/errors.md). Core codes are reused where
/// they fit: kInvalidArgument / kMalformedJson (400), kNotFound (404).
namespace errc {
inline constexpr int kUnauthorized = 3000;    ///< no or bad session / credentials (401)
inline constexpr int kForbidden = 3001;       ///< authenticated but not allowed (403)
inline constexpr int kConflict = 3002;        ///< already exists / wrong state (409)
inline constexpr int kRateLimited = 3003;     ///< too many attempts (429)
inline constexpr int kWeakPassword = 3004;    ///< password rules (400)
inline constexpr int kWrongCode = 3005;       ///< SMS code, PIN or token wrong, used or expired (400)
inline constexpr int kBrokenChain = 3006;     ///< event prevHash / seq does not continue the chain (409)
inline constexpr int kEventConflict = 3007;   ///< same (device, seq), different hash (409)
inline constexpr int kClockSkew = 3008;       ///< signed timestamp outside the window (401)
inline constexpr int kReplayed = 3009;        ///< a signature seen before (401)
inline constexpr int kBadSignature = 3010;    ///< device signature missing or wrong (401)
inline constexpr int kDeviceRevoked = 3011;   ///< the device was revoked (403)
inline constexpr int kBadEvent = 3012;        ///< an event whose hash does not match its content (400)
inline constexpr int kCsrf = 3013;            ///< state-changing request without JSON type / matching Origin (403)
inline constexpr int kPayloadTooLarge = 3014; ///< body over the limit (413)
inline constexpr int kBusy = 3015;            ///< the database stayed busy after the retries (503)
inline constexpr int kBadPackage = 3050;      ///< an update package that does not verify (400)
inline constexpr int kBadPayload = 3070;      ///< a known event type with a field missing or of the wrong type (400)
} // namespace errc

/// The HTTP status for an error code.
int httpStatusFor(int code);
/// The snake_case name of an error code for the JSON error body.
std::string_view errorName(int code);

} // namespace sigma::cloud
