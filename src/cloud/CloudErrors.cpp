#include "cloud/CloudErrors.h"

#include "core/ErrorCodes.h"

namespace sigma::cloud {

int httpStatusFor(int code)
{
    switch (code) {
    case errc::kUnauthorized:
    case errc::kClockSkew:
    case errc::kReplayed:
    case errc::kBadSignature:
        return 401;
    case errc::kForbidden:
    case errc::kDeviceRevoked:
    case errc::kCsrf:
        return 403;
    case core::errc::kNotFound:
        return 404;
    case errc::kConflict:
    case errc::kEventConflict:
    case errc::kBrokenChain:
        return 409;
    case errc::kPayloadTooLarge:
        return 413;
    case errc::kRateLimited:
        return 429;
    case errc::kBusy:
        return 503;
    case core::errc::kInternal:
    case core::errc::kIo:
    case core::errc::kDbError:
    case core::errc::kDbBusy:
    case core::errc::kDbCorrupt:
    case core::errc::kDbBadMigrations:
    case core::errc::kTransferFailed:
    case core::errc::kConnectionFailed:
    case core::errc::kNetworkTimeout:
    case core::errc::kUnsupported:
        return 500;
    default:
        return 400;
    }
}

std::string_view errorName(int code)
{
    switch (code) {
    case errc::kUnauthorized:
        return "unauthorized";
    case errc::kForbidden:
        return "forbidden";
    case errc::kConflict:
        return "conflict";
    case errc::kRateLimited:
        return "rate_limited";
    case errc::kWeakPassword:
        return "weak_password";
    case errc::kWrongCode:
        return "wrong_code";
    case errc::kBrokenChain:
        return "broken_chain";
    case errc::kEventConflict:
        return "event_conflict";
    case errc::kClockSkew:
        return "clock_skew";
    case errc::kReplayed:
        return "replayed";
    case errc::kBadSignature:
        return "bad_signature";
    case errc::kDeviceRevoked:
        return "device_revoked";
    case errc::kBadEvent:
        return "bad_event";
    case errc::kCsrf:
        return "csrf_rejected";
    case errc::kPayloadTooLarge:
        return "payload_too_large";
    case errc::kBusy:
        return "busy";
    case errc::kBadPackage:
        return "bad_package";
    case errc::kBadPayload:
        return "bad_payload";
    case core::errc::kNotFound:
        return "not_found";
    case core::errc::kMalformedJson:
        return "malformed_json";
    case core::errc::kInvalidArgument:
        return "invalid_argument";
    default:
        return httpStatusFor(code) == 500 ? "internal" : "invalid_argument";
    }
}

} // namespace sigma::cloud
