#pragma once

#include "cloud/DeviceService.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "net/HttpTypes.h"

#include <filesystem>
#include <mutex>
#include <string>

namespace sigma::cloud {

/// The update channel (docs/updates.md): releases published by the platform operator
/// (`sigma-cloud admin publish-update`), offered to devices per component and channel, and served
/// with HTTP Range support so a device can resume a cut download.
///
/// A package is verified on publishing against the same trusted keys the terminals have built in
/// (update::TrustStore::builtin), so the cloud never offers what every device would refuse. Files
/// live in <dataDir>/updates/<id>.tar.gz; the table update_releases (its own migration) lists them.
class UpdateService {
public:
    explicit UpdateService(ServiceContext& context) : m_context(context) {}

    /// Verifies and stores a package; {id, component, channel, version, ...}. kConflict when the
    /// version is published on the channel already; kBadPackage when it does not verify.
    [[nodiscard]] core::Result<core::Json> publish(const std::filesystem::path& package, const std::string& channel);

    /// GET /api/v1/device/updates?component=&channel=&current=: {"update": offer or null}.
    [[nodiscard]] core::Result<core::Json> latest(const std::string& component, const std::string& channel,
                                                  const std::string& current);

    /// GET /api/v1/device/updates/{id}/file with an optional `Range: bytes=N-[M]` header.
    [[nodiscard]] net::HttpResponse serveFile(const std::string& id, const std::optional<std::string>& range);

    /// The controller: both device endpoints, after the device signature was checked.
    [[nodiscard]] net::HttpResponse handle(const DeviceIdentity& device, const net::HttpRequest& request);

    /// Larger ranges are cut to this many bytes per answer (the client resumes from there).
    static constexpr std::uint64_t kMaxAnswerBytes = 16ULL * 1024 * 1024;

private:
    core::Status ensureSchema();
    [[nodiscard]] std::filesystem::path storeDir() const { return m_context.config.dataDir / "updates"; }

    ServiceContext& m_context;
    std::mutex m_schemaMutex;
    bool m_schemaReady = false;
};

} // namespace sigma::cloud
