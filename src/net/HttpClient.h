#pragma once

#include "core/Result.h"
#include "net/HttpTypes.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace sigma::net {

struct HttpClientRequest {
    std::string method = "GET";
    std::string url; ///< http:// or https:// only
    Headers headers;
    std::string body;
    int connectTimeoutMs = 5000;
    int totalTimeoutMs = 30000;              ///< the whole exchange, body included
    std::optional<std::string> caBundlePath; ///< PEM file of trusted CAs instead of the system store
    bool verifyTls = true;
    bool acceptGzip = true; ///< advertise compression and decode it transparently (ignored by download)
};

/// An HTTP/1.1 client over libcurl. One connection cache per client: consecutive requests to the
/// same host reuse the connection (keep-alive). Redirects are not followed (a 3xx is returned).
///
/// Not thread-safe: use one client per thread. A moved-from client may only be destroyed or
/// assigned to.
class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    /// Performs the request. Any HTTP status is a success here (check response.status); errors
    /// are transport failures: kConnectionFailed, kNetworkTimeout, kTlsFailure, kHostNotFound,
    /// kBadUrl, kTransferFailed, each with curl's message. A header with CR/LF or a method that is
    /// not a token gives kInvalidArgument.
    [[nodiscard]] core::Result<HttpResponse> send(const HttpClientRequest& request);

    /// Streams the body of a 2xx response into `target` (response.body stays empty); other
    /// statuses leave the file alone and return their body in response.body.
    ///
    /// With `resume` and a non-empty `target`, asks for the rest with `Range: bytes=<size>-`: a 206
    /// whose Content-Range starts at that size is appended (any other start gives
    /// kBadHttpResponse), a 200 (server ignores ranges) rewrites the file from the start, a 416
    /// usually means the file is already complete. A transfer that breaks off keeps what arrived,
    /// so the next call can resume. The caller verifies the result (size, hash): without an
    /// ETag check a changed file on the server would be spliced. Compression is never requested
    /// here, since ranges of an encoded body cannot be decoded separately.
    [[nodiscard]] core::Result<HttpResponse> download(const HttpClientRequest& request,
                                                      const std::filesystem::path& target, bool resume);

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sigma::net
