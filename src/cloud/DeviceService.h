#pragma once

#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <cstdint>
#include <string>

namespace sigma::cloud {

struct DeviceIdentity {
    std::string deviceId;
    std::string accountId;
};

/// The signed headers of a device request (see "Request signing" in docs/sync-protocol.md).
struct SignedRequest {
    std::string method;
    std::string target; ///< path and query exactly as sent
    std::string deviceId;
    std::string timestamp; ///< decimal Unix seconds
    std::string signature; ///< lower-case hex HMAC-SHA256
    std::string body;
};

/// The device API: request signatures, journal ingest with projections, the change feed.
class DeviceService {
public:
    explicit DeviceService(ServiceContext& context) : m_context(context) {}

    /// kBadSignature, kClockSkew, kReplayed (401) or kDeviceRevoked (403).
    [[nodiscard]] core::Result<DeviceIdentity> authenticate(const SignedRequest& request);
    /// Stores and projects a batch; returns the highest seq now stored for the device.
    [[nodiscard]] core::Result<std::int64_t> ingest(const DeviceIdentity& device, const core::Json& events);
    /// Changes after `cursor` for the device's account: {changes, cursor, more}.
    [[nodiscard]] core::Result<core::Json> changes(const DeviceIdentity& device, std::int64_t cursor);

    static constexpr std::size_t kMaxChangesPerPage = 500;
    static constexpr std::size_t kMaxEventsPerBatch = 1000;

private:
    ServiceContext& m_context;
};

/// The canonical string a device signs: "sigma-device-v1\n" METHOD "\n" TARGET "\n" TIMESTAMP "\n"
/// hex(SHA-256(body)).
[[nodiscard]] std::string deviceCanonicalString(const std::string& method, const std::string& target,
                                                const std::string& timestamp, const std::string& body);
/// hex(HMAC-SHA256(key = SHA-256(deviceKey), canonical string)).
[[nodiscard]] std::string signDeviceRequest(const std::string& deviceKey, const std::string& method,
                                            const std::string& target, const std::string& timestamp,
                                            const std::string& body);

} // namespace sigma::cloud
