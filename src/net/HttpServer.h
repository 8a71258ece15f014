#pragma once

#include "core/Result.h"
#include "net/HttpTypes.h"
#include "net/Router.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace sigma::net {

/// Called once per response written (also for the server's own 400/413 answers, where the request
/// may be partly empty), on the I/O thread, after the last byte was handed to the socket. `elapsed`
/// runs from the complete request being read to the response written. Must not throw (it is
/// caught and ignored) and should be quick.
using AccessHook = std::function<void(const HttpRequest&, const HttpResponse&, std::chrono::microseconds elapsed)>;

struct HttpServerOptions {
    std::string host = "127.0.0.1";         ///< an IP address or a name to resolve ("0.0.0.0" for all IPv4)
    std::uint16_t port = 0;                 ///< 0 = an ephemeral port; see HttpServer::port()
    int threads = 2;                        ///< I/O threads; handlers run on them
    std::size_t maxBodyBytes = 1 << 20;     ///< larger request bodies get 413
    /// A different body limit for the requests to one path (the target without its query), e.g. a
    /// file upload; every other path keeps maxBodyBytes.
    std::map<std::string, std::size_t, std::less<>> maxBodyBytesByPath;
    std::size_t maxHeaderBytes = 16 * 1024; ///< larger request heads get 431
    int readTimeoutMs = 30000;              ///< per request, including a keep-alive connection's idle time
    int writeTimeoutMs = 30000;             ///< per response
    int stopTimeoutMs = 10000;              ///< stop() waits this long for in-flight requests, then cuts them
    AccessHook onAccess;
    /// HTTPS when both are set: a PEM certificate (chain, leaf first) and its PEM private key.
    /// start() fails with kTlsFailure (field naming the option) when they cannot be loaded or do
    /// not match. TLS 1.2 and newer only.
    std::string tlsCertificateFile;
    std::string tlsPrivateKeyFile;
};

/// An HTTP/1.1 server (Boost.Beast), optionally over TLS (Boost.Asio ssl / OpenSSL), with keep-alive and pipelining,
/// TCP_NODELAY, a request body limit (413), head limit (431), read and write timeouts. Malformed requests get 400 and
/// the connection is closed. Handlers run synchronously on the I/O threads, so `threads` bounds how many requests run
/// at once.
///
/// The Beast and OpenSSL machinery lives in HttpServer.cpp only: this header stays cheap to include.
class HttpServer {
public:
    explicit HttpServer(HttpServerOptions options = {});
    ~HttpServer(); ///< stop()s
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// Binds, listens and starts the I/O threads; returns once the port accepts connections.
    /// kAddressInUse when the port is taken, kListenFailed for other socket errors,
    /// kServerAlreadyRunning when called twice without stop(). A stopped server can start again.
    [[nodiscard]] core::Status start(Router router);

    /// The bound port (the ephemeral one when the options said 0); 0 when not running.
    [[nodiscard]] std::uint16_t port() const;

    /// Graceful: stops accepting, closes idle keep-alive connections, lets requests already read
    /// finish and be answered (with `Connection: close`), then joins the threads. After
    /// stopTimeoutMs the remaining connections are cut. Idempotent and thread-safe, but must not be
    /// called from a handler (it would wait for itself).
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sigma::net
