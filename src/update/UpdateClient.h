#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"
#include "net/HttpClient.h"
#include "update/Manifest.h"
#include "update/Progress.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace sigma::update {

/// What the cloud offers a device (GET /api/v1/device/updates).
struct UpdateOffer {
    std::string id;
    Component component = Component::Terminal;
    std::string channel;
    Version version;
    Version minVersion;
    std::string notes;
    std::uint64_t size = 0;
    crypto::Digest sha256{};
    std::string fileTarget; ///< path on the cloud to download from

    static core::Result<UpdateOffer> fromJson(const core::Json& json);
    [[nodiscard]] core::Json toJson() const;
};

/// Adds the device signature headers to a request (method, target, body), its timestamp moved by
/// `clockOffsetSec`. The CLI and the GUI build it from the sync credentials (sync::DeviceSigner),
/// so this library needs no sync.
using RequestSigner = std::function<core::Result<net::Headers>(const std::string& method, const std::string& target,
                                                                const std::string& body, std::int64_t clockOffsetSec)>;

struct UpdateClientOptions {
    std::string baseUrl;
    std::optional<std::string> caBundlePath;
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 600'000; ///< a whole package over a slow link
};

/// The device's side of the update channel: asks the cloud what is newer, downloads with resume.
/// A terminal's clock may be hours off: a `clock_skew` refusal carries the cloud's time, the
/// offset is kept for the client's later requests and the request is signed again, once.
class UpdateClient {
public:
    UpdateClient(UpdateClientOptions options, RequestSigner signer);

    /// The newest release for this component and channel above `current`; nullopt when none.
    core::Result<std::optional<UpdateOffer>> check(Component component, const std::string& channel,
                                                   const std::optional<Version>& current);

    /// Downloads the offer into `target`. Bytes arrive in `target`.part; a broken transfer keeps
    /// them and the next call continues with an HTTP Range request. The file is renamed to
    /// `target` only when its size and SHA-256 match the offer (a mismatch deletes the part, so
    /// the next try starts over); the package signature is checked again when it is applied.
    core::Status download(const UpdateOffer& offer, const std::filesystem::path& target,
                          const ProgressCallback& progress = {});

    /// The correction learnt from `clock_skew` answers (seconds added to the signer's clock).
    [[nodiscard]] std::int64_t clockOffsetSec() const { return m_clockOffsetSec; }

private:
    /// Signs and sends a GET of `target` (into `file` when given); one re-signing after clock_skew.
    core::Result<net::HttpResponse> signedGet(net::HttpClientRequest request, const std::string& target,
                                              const std::filesystem::path* file);

    UpdateClientOptions m_options;
    RequestSigner m_signer;
    net::HttpClient m_http;
    std::int64_t m_clockOffsetSec = 0;
};

} // namespace sigma::update
