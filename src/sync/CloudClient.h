#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "net/HttpClient.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sigma::sync {

struct CloudClientOptions {
    std::string baseUrl;                     ///< "https://cloud.example" (no trailing slash needed)
    std::optional<std::string> caBundlePath; ///< PEM of trusted CAs instead of the system store
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 30000;
};

/// The device credentials handed out at activation.
struct DeviceCredentials {
    std::string deviceId;
    std::string deviceKey; ///< never logged, never put in an error message
};

/// A 2xx answer of the cloud, its body parsed as JSON.
struct CloudReply {
    int status = 0;
    core::Json body;
};

/// The terminal's HTTP client of the cloud, on net::HttpClient: TLS with certificate
/// verification, timeouts, gzip, and the device request signature of docs/sync-protocol.md.
///
/// Every failure comes back as a sync error code (2300-2399) with a message in plain Russian
/// for the cashier; the cloud's own code name is appended in brackets for the technician. A
/// `Retry-After` on a 429 or 503 is reported through retryAfterSec() for the caller's backoff.
///
/// Not thread-safe: one client per thread (as net::HttpClient).
class CloudClient {
public:
    CloudClient(CloudClientOptions options, const core::Clock& clock);

    void setCredentials(std::optional<DeviceCredentials> credentials) { m_credentials = std::move(credentials); }
    [[nodiscard]] const CloudClientOptions& options() const { return m_options; }
    void setBaseUrl(std::string url);

    /// A signed device request (/api/v1/device/...). `target` is the path and query as sent.
    /// A clock_skew answer corrects the offset to the server's time and signs again, once.
    [[nodiscard]] core::Result<CloudReply> sendSigned(const std::string& method, const std::string& target,
                                                      const std::string& body);
    /// An unsigned request (registration), with extra headers (Authorization).
    [[nodiscard]] core::Result<CloudReply>
    sendPublic(const std::string& method, const std::string& target, const std::string& body,
               const std::vector<std::pair<std::string, std::string>>& headers = {});

    /// The Retry-After of the last refused answer, in seconds (0 when there was none).
    [[nodiscard]] std::int64_t retryAfterSec() const { return m_retryAfterSec; }
    /// The HTTP status of the last answer (0 when none arrived).
    [[nodiscard]] int lastStatus() const { return m_lastStatus; }
    /// The correction applied to the local clock for signatures, learnt from clock_skew answers.
    [[nodiscard]] std::int64_t clockOffsetSec() const { return m_clockOffsetSec; }

    /// The signature of docs/sync-protocol.md "Request signing": hex HMAC-SHA256 with the key
    /// SHA-256(deviceKey) over "sigma-device-v1\n" METHOD "\n" TARGET "\n" TIMESTAMP "\n"
    /// hex(SHA-256(body)).
    [[nodiscard]] static std::string sign(const std::string& deviceKey, const std::string& method,
                                          const std::string& target, const std::string& timestamp,
                                          const std::string& body);

private:
    core::Result<net::HttpResponse> exchange(const std::string& method, const std::string& target,
                                             const std::string& body, const net::Headers& headers);
    core::Result<CloudReply> interpret(const net::HttpResponse& response);
    std::string timestampFor(const std::string& method, const std::string& target, const std::string& body);

    CloudClientOptions m_options;
    const core::Clock& m_clock;
    net::HttpClient m_http;
    std::optional<DeviceCredentials> m_credentials;
    std::int64_t m_retryAfterSec = 0;
    int m_lastStatus = 0;
    std::int64_t m_clockOffsetSec = 0;
    /// Recently signed (timestamp, canonical digest) pairs: the cloud refuses a signature it has
    /// seen (replay protection), so the same request within one second gets the next second.
    std::deque<std::pair<std::int64_t, std::string>> m_recent;
};

} // namespace sigma::sync
