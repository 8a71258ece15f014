#include "net/HttpServer.h"

#include "core/ErrorCodes.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <condition_variable>
#include <mutex>
#include <openssl/ssl.h>
#include <optional>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace sigma::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using Clock = std::chrono::steady_clock;

/// How long a connection we are closing after an error reply keeps draining what the client still
/// sends. Closing a socket with unread input makes the kernel send RST, and the client may then
/// lose our 413/400 before reading it.
constexpr auto kLingerTime = std::chrono::seconds(2);
/// Pause before accepting again after accept() failed (e.g. out of file descriptors).
constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);

std::string toStd(beast::string_view text)
{
    return {text.data(), text.size()};
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        return true;
    }
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

/// A field a handler produced that would corrupt the response (header injection) or is not a
/// field name at all.
bool isValidField(const std::string& name, const std::string& value)
{
    if (name.empty() || !std::all_of(name.begin(), name.end(), isTokenChar)) {
        return false;
    }
    return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

bool hasToken(std::string_view list, std::string_view token)
{
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) {
            item.remove_prefix(1);
        }
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) {
            item.remove_suffix(1);
        }
        if (equalsIgnoreCase(item, token)) {
            return true;
        }
    }
    return false;
}

/// Splits the request target into path and query; an absolute-form target
/// ("http://host/a?b", sent to proxies) is reduced to its path.
void splitTarget(HttpRequest& request)
{
    std::string_view target = request.target;
    for (const std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
        if (target.size() > scheme.size() && equalsIgnoreCase(target.substr(0, scheme.size()), scheme)) {
            const std::size_t slash = target.find('/', scheme.size());
            target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
        }
    }
    const std::size_t question = target.find('?');
    request.path = std::string(target.substr(0, question));
    request.query = question == std::string_view::npos ? std::string() : std::string(target.substr(question + 1));
}

class SessionBase;

/// What the server and its connections share. Connections hold it by shared_ptr, so it outlives
/// any connection a forced stop leaves behind in the io_context.
struct ServerState {
    ServerState(HttpServerOptions serverOptions, Router serverRouter)
        : options(std::move(serverOptions)), router(std::move(serverRouter))
    {
    }

    const HttpServerOptions options;
    const Router router;
    std::shared_ptr<ssl::context> tls; ///< set when serving HTTPS
    std::atomic<bool> stopping{false};

    std::mutex mutex;
    std::condition_variable allClosed;
    std::unordered_map<const SessionBase*, std::weak_ptr<SessionBase>> sessions; // guarded by mutex
};

/// The stream-independent face of a connection, so the server can ask any kind of session
/// (plain TCP now, TLS later) to wind down.
class SessionBase : public std::enable_shared_from_this<SessionBase> {
public:
    explicit SessionBase(std::shared_ptr<ServerState> state) : m_state(std::move(state)) {}
    virtual ~SessionBase()
    {
        const std::lock_guard lock(m_state->mutex);
        m_state->sessions.erase(this);
        if (m_state->sessions.empty()) {
            m_state->allClosed.notify_all();
        }
    }
    SessionBase(const SessionBase&) = delete;
    SessionBase& operator=(const SessionBase&) = delete;

    /// Posts a stop request to the connection's strand (thread-safe).
    virtual void requestStop() = 0;

protected:
    /// Registers the connection with the server; false when the server is already stopping.
    bool enroll()
    {
        {
            const std::lock_guard lock(m_state->mutex);
            m_state->sessions.emplace(this, weak_from_this());
        }
        // Checked after enrolling: stop() sets the flag before it collects the sessions, so a
        // connection it missed sees the flag here.
        return !m_state->stopping.load();
    }

    std::shared_ptr<ServerState> m_state;
};

// Stream adapters: the session is written against these, so a TLS connection differs only by a
// handshake before the first read and a TLS close_notify before the TCP close.
beast::tcp_stream& lowestLayer(beast::tcp_stream& stream)
{
    return stream;
}

beast::tcp_stream& lowestLayer(TlsStream& stream)
{
    return stream.next_layer();
}

/// How long a TLS close_notify exchange may take before the socket is simply closed.
constexpr auto kTlsShutdownTime = std::chrono::seconds(2);

/// One HTTP/1.1 connection: read a request, run the handler inline, write the response, repeat.
/// Every step runs on the connection's strand (the socket's executor), so the members need no lock.
template <typename Stream> class HttpSession final : public SessionBase {
public:
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

    HttpSession(tcp::socket socket, std::shared_ptr<ServerState> state) requires(!kTls)
        : SessionBase(std::move(state)), m_stream(std::move(socket))
    {
    }

    HttpSession(tcp::socket socket, std::shared_ptr<ServerState> state) requires(kTls)
        : SessionBase(state), m_stream(std::move(socket), *state->tls)
    {
    }

    void start()
    {
        auto self = std::static_pointer_cast<HttpSession>(shared_from_this());
        asio::dispatch(m_stream.get_executor(), [self] {
            beast::error_code ec;
            const auto remote = lowestLayer(self->m_stream).socket().remote_endpoint(ec);
            if (!ec) {
                self->m_remoteAddress = remote.address().to_string();
                self->m_remotePort = remote.port();
            }
            lowestLayer(self->m_stream).socket().set_option(tcp::no_delay(true), ec);
            if (!self->enroll()) {
                self->closeNow();
                return;
            }
            if constexpr (kTls) {
                self->handshake();
            } else {
                self->readRequest();
            }
        });
    }

    void requestStop() override
    {
        auto self = std::static_pointer_cast<HttpSession>(shared_from_this());
        asio::post(m_stream.get_executor(), [self] {
            // Only a connection waiting for a request (or draining after an error) is cut; one that
            // has read a request finishes it and then closes because the server is stopping.
            if (self->m_phase == Phase::WaitingForRequest || self->m_phase == Phase::Lingering) {
                lowestLayer(self->m_stream).cancel();
            }
        });
    }

private:
    enum class Phase { Starting = 1, WaitingForRequest, ReadingBody, Writing, Lingering, Closed };

    /// TLS only: the handshake counts as waiting for the first request (stop() may cut it, the
    /// read timeout bounds it). A client that fails it (e.g. it does not trust our certificate)
    /// is simply disconnected.
    void handshake() requires(kTls)
    {
        m_phase = Phase::WaitingForRequest;
        lowestLayer(m_stream).expires_after(std::chrono::milliseconds(options().readTimeoutMs));
        m_stream.async_handshake(ssl::stream_base::server, [self = self()](beast::error_code ec) {
            if (ec) {
                self->closeNow();
            } else {
                self->readRequest();
            }
        });
    }

    const HttpServerOptions& options() const { return m_state->options; }

    std::shared_ptr<HttpSession> self() { return std::static_pointer_cast<HttpSession>(shared_from_this()); }

    void readRequest()
    {
        if (m_state->stopping.load()) {
            closeGracefully();
            return;
        }
        m_phase = Phase::WaitingForRequest;
        m_parser.emplace();
        // The largest limit until the head names the path: Beast refuses a Content-Length above the
        // limit as soon as the head is parsed. onHeader() narrows it to the path's own.
        std::size_t largest = options().maxBodyBytes;
        for (const auto& [path, limit] : options().maxBodyBytesByPath) {
            largest = std::max(largest, limit);
        }
        m_parser->body_limit(largest);
        m_parser->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(options().maxHeaderBytes, UINT32_MAX)));
        lowestLayer(m_stream).expires_after(std::chrono::milliseconds(options().readTimeoutMs));
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                [self = self()](beast::error_code ec, std::size_t) { self->onHeader(ec); });
    }

    void onHeader(beast::error_code ec)
    {
        if (ec) {
            onReadError(ec);
            return;
        }
        m_phase = Phase::ReadingBody;
        m_bodyLimit = options().maxBodyBytes;
        if (!options().maxBodyBytesByPath.empty()) {
            const auto target = m_parser->get().target();
            const std::string_view path(target.data(), std::min(target.size(), target.find('?')));
            if (const auto it = options().maxBodyBytesByPath.find(path); it != options().maxBodyBytesByPath.end()) {
                m_bodyLimit = it->second;
            }
            if (const auto length = m_parser->content_length(); length && *length > m_bodyLimit) {
                onReadError(http::error::body_limit);
                return;
            }
            m_parser->body_limit(m_bodyLimit);
        }
        if (m_parser->is_done()) {
            onRequest();
            return;
        }
        const auto expect = m_parser->get()[http::field::expect];
        if (equalsIgnoreCase(std::string_view(expect.data(), expect.size()), "100-continue")) {
            // The client waits (curl: one second) for this before sending a large body.
            m_continue = {};
            m_continue.result(http::status::continue_);
            m_continue.version(m_parser->get().version());
            lowestLayer(m_stream).expires_after(std::chrono::milliseconds(options().writeTimeoutMs));
            http::async_write(m_stream, m_continue, [self = self()](beast::error_code writeEc, std::size_t) {
                if (writeEc) {
                    self->closeNow();
                } else {
                    self->readBody();
                }
            });
            return;
        }
        readBody();
    }

    void readBody()
    {
        lowestLayer(m_stream).expires_after(std::chrono::milliseconds(options().readTimeoutMs));
        http::async_read(m_stream, m_buffer, *m_parser, [self = self()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->onReadError(ec);
            } else {
                self->onRequest();
            }
        });
    }

    void onReadError(beast::error_code ec)
    {
        // The client went away, the connection idled out or stop() cut it: nothing to answer.
        if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset || ec == asio::error::eof ||
            ec.category() != http::make_error_code(http::error::bad_method).category()) {
            closeNow();
            return;
        }
        fillRequestHead();
        if (ec == http::error::body_limit) {
            sendError(413, "payload_too_large", "request body exceeds " + std::to_string(m_bodyLimit) + " bytes");
        } else if (ec == http::error::header_limit) {
            sendError(431, "header_too_large", "request head exceeds the limit");
        } else {
            sendError(400, "bad_request", "malformed HTTP request: " + ec.message());
        }
    }

    /// Method and target for the access log when the parser got as far as the request line.
    void fillRequestHead()
    {
        m_request = {};
        m_request.remoteAddress = m_remoteAddress;
        m_request.remotePort = m_remotePort;
        if (m_parser && m_parser->is_header_done()) {
            m_request.method = toStd(m_parser->get().method_string());
            m_request.target = toStd(m_parser->get().target());
            splitTarget(m_request);
        }
        m_requestStart = Clock::now();
    }

    void sendError(int status, std::string_view code, const std::string& message)
    {
        // After a framing error the rest of the input cannot be trusted: answer and close.
        send(HttpResponse::error(status, code, message), 11, false, false, true);
    }

    void onRequest()
    {
        m_requestStart = Clock::now();
        http::request<http::string_body> message = m_parser->release();
        m_parser.reset();

        m_request = {};
        m_request.method = toStd(message.method_string());
        m_request.target = toStd(message.target());
        splitTarget(m_request);
        m_request.remoteAddress = m_remoteAddress;
        m_request.remotePort = m_remotePort;
        for (const auto& field : message) {
            m_request.headers.add(toStd(field.name_string()), toStd(field.value()));
        }
        m_request.body = std::move(message.body());

        const bool keepAlive = message.keep_alive();
        const bool head = message.method() == http::verb::head;
        auto query = parseQuery(m_request.query);
        if (!query.ok()) {
            send(HttpResponse::error(400, "bad_request", query.error().message), message.version(), keepAlive, head,
                 false);
            return;
        }
        m_request.queryParams = std::move(query).value();
        send(m_state->router.dispatch(m_request), message.version(), keepAlive, head, false);
    }

    void send(HttpResponse response, unsigned version, bool keepAlive, bool head, bool linger)
    {
        m_phase = Phase::Writing;
        bool valid = response.status >= 200 && response.status <= 599;
        for (const auto& [name, value] : response.headers.all()) {
            valid = valid && isValidField(name, value);
        }
        if (!valid) {
            response = HttpResponse::error(500, "internal", "handler produced an invalid response");
        }
        if (const auto connection = response.headers.get("Connection"); connection && hasToken(*connection, "close")) {
            keepAlive = false;
        }
        keepAlive = keepAlive && !linger && !m_state->stopping.load();

        m_response = {};
        m_response.version(version);
        m_response.result(static_cast<unsigned>(response.status));
        for (const auto& [name, value] : response.headers.all()) {
            // Framing is the server's business: a handler's idea of it could desynchronise the
            // connection.
            if (equalsIgnoreCase(name, "Content-Length") || equalsIgnoreCase(name, "Transfer-Encoding") ||
                equalsIgnoreCase(name, "Connection")) {
                continue;
            }
            m_response.insert(name, value);
        }
        const bool bodyless = response.status == 204 || response.status == 304;
        if (!bodyless) {
            m_response.content_length(response.body.size());
            if (!head) {
                m_response.body() = std::move(response.body);
            }
        }
        m_response.keep_alive(keepAlive);
        response.body.clear();
        m_accessResponse = std::move(response);

        lowestLayer(m_stream).expires_after(std::chrono::milliseconds(options().writeTimeoutMs));
        http::async_write(m_stream, m_response, [self = self(), keepAlive, linger](beast::error_code ec, std::size_t) {
            self->onWritten(ec, keepAlive, linger);
        });
    }

    void onWritten(beast::error_code ec, bool keepAlive, bool linger)
    {
        if (options().onAccess) {
            m_accessResponse.body = std::move(m_response.body());
            const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - m_requestStart);
            try {
                options().onAccess(m_request, m_accessResponse, elapsed);
            } catch (...) {
                // A logging failure must not take the connection down.
            }
        }
        m_response = {};
        m_request = {};
        if (ec) {
            closeNow();
        } else if (linger) {
            startLinger();
        } else if (!keepAlive) {
            closeGracefully();
        } else {
            readRequest();
        }
    }

    void startLinger()
    {
        if constexpr (kTls) {
            // A TLS peer reads our close_notify after the error reply; no raw draining.
            closeGracefully();
            return;
        }
        m_phase = Phase::Lingering;
        beast::error_code ec;
        lowestLayer(m_stream).socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec || m_state->stopping.load()) {
            closeNow();
            return;
        }
        lowestLayer(m_stream).expires_after(kLingerTime);
        drain();
    }

    void drain()
    {
        m_stream.async_read_some(asio::buffer(m_discard), [self = self()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->closeNow();
            } else {
                self->drain();
            }
        });
    }

    void closeGracefully()
    {
        if constexpr (kTls) {
            m_phase = Phase::Lingering;
            lowestLayer(m_stream).expires_after(kTlsShutdownTime);
            m_stream.async_shutdown([self = self()](beast::error_code) { self->closeNow(); });
            return;
        }
        beast::error_code ec;
        lowestLayer(m_stream).socket().shutdown(tcp::socket::shutdown_send, ec);
        closeNow();
    }

    void closeNow()
    {
        m_phase = Phase::Closed;
        beast::error_code ec;
        lowestLayer(m_stream).socket().close(ec);
    }

    Stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::empty_body> m_continue;
    std::size_t m_bodyLimit = 0; ///< this request's (maxBodyBytes or its path's)
    http::response<http::string_body> m_response;
    HttpRequest m_request;         // kept for the access hook until the response is written
    HttpResponse m_accessResponse; // status and headers as sent
    Clock::time_point m_requestStart;
    std::string m_remoteAddress;
    std::uint16_t m_remotePort = 0;
    std::array<char, 16 * 1024> m_discard{};
    Phase m_phase = Phase::Starting;
};

using PlainSession = HttpSession<beast::tcp_stream>;
using TlsSession = HttpSession<TlsStream>;

/// The server side of TLS: 1.2 and newer, the certificate chain and key from PEM files.
core::Result<std::shared_ptr<ssl::context>> makeTlsContext(const HttpServerOptions& options)
{
    auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
    beast::error_code ec;
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                             ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                         ec);
    if (ec) {
        return core::Error(core::errc::kTlsFailure, "cannot set up TLS: " + ec.message());
    }
    if (context->use_certificate_chain_file(options.tlsCertificateFile, ec)) {
        return core::Error(core::errc::kTlsFailure,
                           "cannot load the TLS certificate " + options.tlsCertificateFile + ": " + ec.message(),
                           "tlsCertificateFile");
    }
    if (context->use_private_key_file(options.tlsPrivateKeyFile, ssl::context::pem, ec)) {
        return core::Error(core::errc::kTlsFailure,
                           "cannot load the TLS key " + options.tlsPrivateKeyFile + ": " + ec.message(),
                           "tlsPrivateKeyFile");
    }
    if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
        return core::Error(core::errc::kTlsFailure, "the TLS key does not match the certificate", "tlsPrivateKeyFile");
    }
    return context;
}

/// One run of the server: io_context, listening socket and threads. start() builds a fresh one,
/// so a stopped server can start again.
class HttpServerRuntime {
public:
    HttpServerRuntime(HttpServerOptions options, Router router)
        : m_ioc(std::max(1, options.threads)), m_acceptor(asio::make_strand(m_ioc)),
          m_acceptRetry(m_acceptor.get_executor()),
          m_state(std::make_shared<ServerState>(std::move(options), std::move(router)))
    {
    }

    HttpServerRuntime(const HttpServerRuntime&) = delete;
    HttpServerRuntime& operator=(const HttpServerRuntime&) = delete;

    ~HttpServerRuntime() { stop(); }

    core::Status listen()
    {
        const HttpServerOptions& options = m_state->options;
        if (!options.tlsCertificateFile.empty() || !options.tlsPrivateKeyFile.empty()) {
            if (options.tlsCertificateFile.empty() || options.tlsPrivateKeyFile.empty()) {
                return core::Error(core::errc::kTlsFailure, "TLS needs both a certificate and a key",
                                   options.tlsCertificateFile.empty() ? "tlsCertificateFile" : "tlsPrivateKeyFile");
            }
            SIGMA_ASSIGN_OR_RETURN(m_state->tls, makeTlsContext(options));
        }
        const std::string where = options.host + ":" + std::to_string(options.port);
        beast::error_code ec;
        tcp::endpoint endpoint;
        const auto address = asio::ip::make_address(options.host, ec);
        if (!ec) {
            endpoint = tcp::endpoint(address, options.port);
        } else {
            tcp::resolver resolver(m_ioc);
            const auto results = resolver.resolve(options.host, std::to_string(options.port),
                                                  tcp::resolver::passive | tcp::resolver::address_configured, ec);
            if (ec || results.empty()) {
                return core::Error(core::errc::kListenFailed,
                                   "cannot resolve '" + options.host + "': " + (ec ? ec.message() : "no address"),
                                   "host");
            }
            endpoint = results.begin()->endpoint();
        }

        auto fail = [&](const char* step) {
            const int code = ec == asio::error::address_in_use ? core::errc::kAddressInUse : core::errc::kListenFailed;
            return core::Error(code, std::string("cannot listen on ") + where + " (" + step + "): " + ec.message(),
                               "port");
        };
        if (m_acceptor.open(endpoint.protocol(), ec)) {
            return fail("open");
        }
        // Lets a restarted server bind while old connections sit in TIME_WAIT; on Linux it still
        // refuses a port another socket listens on.
        if (m_acceptor.set_option(asio::socket_base::reuse_address(true), ec)) {
            return fail("reuse_address");
        }
        if (m_acceptor.bind(endpoint, ec)) {
            return fail("bind");
        }
        if (m_acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
            return fail("listen");
        }
        m_port = m_acceptor.local_endpoint(ec).port();
        if (ec) {
            return fail("local_endpoint");
        }
        return core::ok();
    }

    void run()
    {
        accept();
        const int threads = std::max(1, m_state->options.threads);
        for (int i = 0; i < threads; ++i) {
            m_threads.emplace_back([this] {
                while (true) {
                    try {
                        m_ioc.run();
                        return;
                    } catch (...) {
                        // An exception out of a completion handler loses that connection only;
                        // the thread goes back to serving the others.
                    }
                }
            });
        }
    }

    void stop()
    {
        if (m_stopped) {
            return;
        }
        m_stopped = true;
        m_state->stopping.store(true);
        asio::post(m_acceptor.get_executor(), [this] {
            beast::error_code ec;
            m_acceptor.close(ec);
            m_acceptRetry.cancel();
        });

        std::vector<std::shared_ptr<SessionBase>> live;
        {
            const std::lock_guard lock(m_state->mutex);
            for (const auto& entry : m_state->sessions) {
                if (auto session = entry.second.lock()) {
                    live.push_back(std::move(session));
                }
            }
        }
        for (const auto& session : live) {
            session->requestStop();
        }
        live.clear(); // our references would keep the sessions alive and the wait below long

        {
            std::unique_lock lock(m_state->mutex);
            m_state->allClosed.wait_for(lock, std::chrono::milliseconds(std::max(0, m_state->options.stopTimeoutMs)),
                                        [&] { return m_state->sessions.empty(); });
        }
        // Whatever is left (connections past the deadline, the aborted accept) is dropped.
        m_ioc.stop();
        for (auto& thread : m_threads) {
            if (thread.joinable()) {
                thread.join();
            }
        }
        m_threads.clear();
    }

    [[nodiscard]] std::uint16_t port() const { return m_port; }

private:
    void accept()
    {
        m_acceptor.async_accept(asio::make_strand(m_ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (!m_acceptor.is_open() || ec == asio::error::operation_aborted) {
                return;
            }
            if (ec) {
                // Typically EMFILE: retrying at once would spin; the connection waits in the backlog.
                m_acceptRetry.expires_after(kAcceptRetryDelay);
                m_acceptRetry.async_wait([this](beast::error_code timerEc) {
                    if (!timerEc && m_acceptor.is_open()) {
                        accept();
                    }
                });
                return;
            }
            if (m_state->tls) {
                std::make_shared<TlsSession>(std::move(socket), m_state)->start();
            } else {
                std::make_shared<PlainSession>(std::move(socket), m_state)->start();
            }
            accept();
        });
    }

    asio::io_context m_ioc;
    tcp::acceptor m_acceptor;
    asio::steady_timer m_acceptRetry;
    std::shared_ptr<ServerState> m_state;
    std::vector<std::thread> m_threads;
    std::uint16_t m_port = 0;
    bool m_stopped = false;
};

} // namespace

class HttpServer::Impl {
public:
    explicit Impl(HttpServerOptions options) : m_options(std::move(options)) {}

    core::Status start(Router router)
    {
        const std::lock_guard lock(m_lifecycle);
        if (m_runtime) {
            return core::Error(core::errc::kServerAlreadyRunning,
                               "the HTTP server already listens on port " + std::to_string(m_port.load()));
        }
        auto runtime = std::make_unique<HttpServerRuntime>(m_options, std::move(router));
        SIGMA_TRY(runtime->listen());
        runtime->run();
        m_port.store(runtime->port());
        m_runtime = std::move(runtime);
        return core::ok();
    }

    void stop()
    {
        const std::lock_guard lock(m_lifecycle);
        if (m_runtime) {
            m_runtime->stop();
            m_runtime.reset();
            m_port.store(0);
        }
    }

    [[nodiscard]] std::uint16_t port() const { return m_port.load(); }

private:
    const HttpServerOptions m_options;
    std::mutex m_lifecycle;
    std::unique_ptr<HttpServerRuntime> m_runtime;
    std::atomic<std::uint16_t> m_port{0};
};

HttpServer::HttpServer(HttpServerOptions options) : m_impl(std::make_unique<Impl>(std::move(options)))
{
}

HttpServer::~HttpServer()
{
    stop();
}

core::Status HttpServer::start(Router router)
{
    return m_impl->start(std::move(router));
}

std::uint16_t HttpServer::port() const
{
    return m_impl->port();
}

void HttpServer::stop()
{
    m_impl->stop();
}

} // namespace sigma::net
