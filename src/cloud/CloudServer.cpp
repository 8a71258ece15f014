#include "cloud/CloudServer.h"

#include "cloud/AnalyticsService.h"
#include "cloud/AuditService.h"
#include "cloud/AuthService.h"
#include "cloud/CatalogService.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudErrors.h"
#include "cloud/DeviceService.h"
#include "cloud/FinanceService.h"
#include "cloud/Notifier.h"
#include "cloud/Permissions.h"
#include "cloud/ServiceContext.h"
#include "cloud/StaticFiles.h"
#include "cloud/UpdateService.h"
#include "cloud/UserService.h"
#include "core/ErrorCodes.h"
#include "net/HttpServer.h"

#include <charconv>
#include <fstream>
#include <iostream>
#include <mutex>
#include <tuple>

namespace sigma::cloud {

namespace {

constexpr std::string_view kSessionCookie = "sigma_session";
/// Set on the request by handlers so the access log can name the account; cleared first.
constexpr std::string_view kLogAccountHeader = "X-Sigma-Internal-Account";

core::Result<core::Json> parseObject(const net::HttpRequest& request)
{
    auto json = core::parseJsonExact(request.body);
    if (!json) {
        return core::Error(core::errc::kMalformedJson, "the body is not valid JSON: " + json.error().message, "body");
    }
    if (!json->is_object()) {
        return core::Error(core::errc::kMalformedJson, "the body must be a JSON object", "body");
    }
    return std::move(json).value();
}

core::Result<std::string> stringField(const core::Json& body, const char* key)
{
    const auto it = body.find(key);
    if (it == body.end() || !it->is_string()) {
        return core::Error(core::errc::kInvalidArgument, std::string(key) + " is required (a string)", key);
    }
    return it->get<std::string>();
}

core::Result<std::optional<std::string>> optionalStringField(const core::Json& body, const char* key)
{
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) {
        return std::optional<std::string>();
    }
    if (!it->is_string()) {
        return core::Error(core::errc::kInvalidArgument, std::string(key) + " must be a string", key);
    }
    return std::optional<std::string>(it->get<std::string>());
}

std::string cookieValue(const net::HttpRequest& request, std::string_view name)
{
    for (const auto& header : request.headers.getAll("Cookie")) {
        std::string_view rest = header;
        while (!rest.empty()) {
            const auto semi = rest.find(';');
            std::string_view piece = rest.substr(0, semi);
            rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
            while (!piece.empty() && piece.front() == ' ') {
                piece.remove_prefix(1);
            }
            const auto eq = piece.find('=');
            if (eq != std::string_view::npos && piece.substr(0, eq) == name) {
                return std::string(piece.substr(eq + 1));
            }
        }
    }
    return {};
}

} // namespace

class CloudServer::Impl {
public:
    Impl(CloudConfig config, std::unique_ptr<CloudDatabase> database, const core::Clock& clock,
         core::RandomSource& random, std::unique_ptr<Notifier> notifier)
        : m_config(std::move(config)), m_database(std::move(database)),
          m_notifier(notifier ? std::move(notifier) : std::make_unique<OutboxNotifier>(m_config.dataDir, m_config)),
          m_context{*m_database, clock, random, *m_notifier, m_config}, m_auth(m_context), m_devices(m_context),
          m_catalog(m_context), m_audit(m_context), m_server(serverOptions())
    {
        if (m_config.accessLogPath) {
            m_logFile.open(*m_config.accessLogPath, std::ios::app);
        }
    }

    core::Status start() { return m_server.start(buildRouter()); }
    std::uint16_t port() const { return m_server.port(); }
    void stop() { m_server.stop(); }

private:
    net::HttpServerOptions serverOptions()
    {
        net::HttpServerOptions options;
        options.host = m_config.host;
        options.port = m_config.port;
        options.threads = m_config.threads;
        options.maxBodyBytes = m_config.maxBodyBytes;
        options.maxBodyBytesByPath.emplace("/api/v1/products/import", m_config.maxImportBytes);
        if (m_config.tlsCertFile && m_config.tlsKeyFile) {
            options.tlsCertificateFile = m_config.tlsCertFile->string();
            options.tlsPrivateKeyFile = m_config.tlsKeyFile->string();
        }
        if (m_config.accessLog) {
            options.onAccess = [this](const net::HttpRequest& request, const net::HttpResponse& response,
                                      std::chrono::microseconds elapsed) { logAccess(request, response, elapsed); };
        }
        return options;
    }

    void logAccess(const net::HttpRequest& request, const net::HttpResponse& response,
                   std::chrono::microseconds elapsed)
    {
        // The path only: queries may carry tokens, bodies carry passwords; neither is logged.
        core::Json line{{"ts", m_context.nowUs()},       {"method", request.method},
                        {"path", request.path},          {"status", response.status},
                        {"durationUs", elapsed.count()}, {"remote", request.remoteAddress}};
        if (auto account = request.headers.get(kLogAccountHeader)) {
            line["accountId"] = *account;
        }
        const std::string text = line.dump(-1, ' ', false, core::Json::error_handler_t::replace) + "\n";
        std::lock_guard lock(m_logMutex);
        if (m_logFile.is_open()) {
            m_logFile << text << std::flush;
        } else {
            std::cerr << text << std::flush;
        }
    }

    net::HttpResponse errorResponse(const core::Error& original) const
    {
        // A transaction that still collided after retryBusy: the client may simply try again.
        const core::Error error = original.code == core::errc::kDbBusy
                                      ? core::Error(errc::kBusy, "the server is busy: try again in a moment")
                                      : original;
        const int status = httpStatusFor(error.code);
        core::Json body{{"code", std::string(errorName(error.code))}, {"message", error.message}};
        if (status == 500) {
            std::cerr << "sigma-cloud: internal error " << error.code << ": " << error.message << "\n";
            body["message"] = "internal error";
        }
        if (!error.field.empty() && status != 500) {
            body["field"] = error.field;
        }
        core::Json envelope{{"error", body}};
        if (error.code == errc::kClockSkew) {
            envelope["serverTime"] = m_context.nowUs() / 1'000'000;
        }
        auto response = net::HttpResponse::json(status, envelope);
        if (status == 429) {
            response.headers.set("Retry-After", std::to_string(m_config.loginWindowSec));
        } else if (status == 503) {
            response.headers.set("Retry-After", "1");
        }
        return response;
    }

    net::HttpResponse respond(const core::Result<core::Json>& result, int status = 200) const
    {
        if (!result) {
            return errorResponse(result.error());
        }
        return net::HttpResponse::json(status, *result);
    }

    net::HttpResponse respond(const core::Status& result, int status, const core::Json& body) const
    {
        if (!result) {
            return errorResponse(result.error());
        }
        return net::HttpResponse::json(status, body);
    }

    /// State-changing browser requests: JSON content type, and an Origin equal to the public URL.
    core::Status checkCsrf(const net::HttpRequest& request, bool requireOrigin) const
    {
        const auto type = request.headers.get("Content-Type").value_or("");
        if (type.rfind("application/json", 0) != 0) {
            return core::Error(errc::kCsrf, "Content-Type must be application/json", "Content-Type");
        }
        if (requireOrigin && request.headers.get("Origin").value_or("") != m_config.publicUrl) {
            return core::Error(errc::kCsrf, "the Origin does not match this server", "Origin");
        }
        return core::ok();
    }

    core::Result<Session> session(net::HttpRequest& request)
    {
        SIGMA_ASSIGN_OR_RETURN(auto s, m_auth.authenticate(cookieValue(request, kSessionCookie)));
        request.headers.set(std::string(kLogAccountHeader), s.accountId);
        return s;
    }

    core::Result<DeviceIdentity> device(net::HttpRequest& request)
    {
        SignedRequest signedRequest{request.method,
                                    request.target,
                                    request.headers.get("X-Sigma-Device").value_or(""),
                                    request.headers.get("X-Sigma-Timestamp").value_or(""),
                                    request.headers.get("X-Sigma-Signature").value_or(""),
                                    request.body};
        SIGMA_ASSIGN_OR_RETURN(auto identity, m_devices.authenticate(signedRequest));
        request.headers.set(std::string(kLogAccountHeader), identity.accountId);
        return identity;
    }

    std::string sessionCookie(const std::string& token, std::int64_t maxAgeSec) const
    {
        std::string cookie = std::string(kSessionCookie) + "=" + token +
                             "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(maxAgeSec);
        if (m_config.secureCookies) {
            cookie += "; Secure";
        }
        return cookie;
    }

    using Body = std::function<net::HttpResponse(net::HttpRequest&)>;

    /// Every handler starts by dropping a client's attempt to set the internal log header.
    void add(net::Router& router, std::string method, std::string pattern, Body body)
    {
        router.add(std::move(method), std::move(pattern), [body = std::move(body)](net::HttpRequest& request) {
            request.headers.remove(kLogAccountHeader);
            return body(request);
        });
    }

    net::Router buildRouter()
    {
        net::Router router;
        addRegistrationRoutes(router);
        addAuthRoutes(router);
        addDeviceRoutes(router);
        addCatalogRoutes(router);
        addFinanceRoutes(router);
        addAnalyticsRoutes(router);
        addUserRoutes(router);
        router.setExceptionHook([](const net::HttpRequest& request, std::string_view what) {
            std::cerr << "sigma-cloud: handler for " << request.method << " " << request.path << " threw: " << what
                      << "\n";
        });
        router.setFallback([this](net::HttpRequest& request) {
            request.headers.remove(kLogAccountHeader);
            if (request.path.rfind("/api/", 0) == 0 || request.path == "/api" ||
                (request.method != "GET" && request.method != "HEAD") || !m_config.webRoot) {
                return net::HttpResponse::json(
                    404, core::Json{{"error", {{"code", "not_found"}, {"message", "no such endpoint"}}}});
            }
            return serveStaticFile(*m_config.webRoot, request.path);
        });
        return router;
    }

    void addRegistrationRoutes(net::Router& router)
    {
        add(router, "POST", "/api/v1/registrations", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, false); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            RegistrationInput input;
            for (auto [key, target] :
                 {std::pair{"deviceSerial", &input.deviceSerial}, std::pair{"businessType", &input.businessType},
                  std::pair{"phone", &input.phone}, std::pair{"email", &input.email},
                  std::pair{"sellerCode", &input.sellerCode}, std::pair{"activationPin", &input.activationPin}}) {
                auto value = stringField(*body, key);
                if (!value) {
                    return errorResponse(value.error());
                }
                *target = std::move(value).value();
            }
            auto created = m_auth.createRegistration(input, request.remoteAddress);
            if (!created) {
                return errorResponse(created.error());
            }
            return net::HttpResponse::json(201, core::Json{{"registrationId", created->registrationId},
                                                           {"registrationSecret", created->registrationSecret}});
        });
        add(router, "POST", "/api/v1/registrations/{id}/sms-code", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, false); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            auto code = stringField(*body, "code");
            if (!code) {
                return errorResponse(code.error());
            }
            return respond(m_auth.confirmSmsCode(request.pathParams.at("id"), *code), 200,
                           core::Json{{"status", "awaitingPassword"}});
        });
        add(router, "GET", "/api/v1/registrations/{id}", [this](net::HttpRequest& request) {
            const std::string authorization = request.headers.get("Authorization").value_or("");
            if (authorization.rfind("Bearer ", 0) != 0) {
                return errorResponse(
                    core::Error(errc::kUnauthorized, "Authorization: Bearer <registrationSecret> is required"));
            }
            return respond(m_auth.registrationStatus(request.pathParams.at("id"), authorization.substr(7)));
        });
    }

    void addAuthRoutes(net::Router& router)
    {
        add(router, "POST", "/api/v1/auth/set-password", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            auto token = stringField(*body, "token");
            auto password = stringField(*body, "password");
            if (!token || !password) {
                return errorResponse(!token ? token.error() : password.error());
            }
            // The same page takes a registration's link and a cabinet invitation's.
            auto invited = m_users.acceptInvitation(*token, *password);
            if (!invited) {
                return errorResponse(invited.error());
            }
            if (*invited) {
                return net::HttpResponse::json(200, core::Json{{"status", "active"}});
            }
            return respond(m_auth.setPassword(*token, *password), 200, core::Json{{"status", "active"}});
        });
        add(router, "POST", "/api/v1/auth/login", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            auto login = stringField(*body, "login");
            auto password = stringField(*body, "password");
            if (!login || !password) {
                return errorResponse(!login ? login.error() : password.error());
            }
            auto result = m_auth.login(*login, *password, request.remoteAddress);
            if (!result) {
                return errorResponse(result.error());
            }
            auto response = net::HttpResponse::json(200, core::Json{{"user", result->user}});
            response.headers.add("Set-Cookie", sessionCookie(result->token, m_config.sessionTtlSec));
            return response;
        });
        add(router, "POST", "/api/v1/auth/logout", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
            const std::string token = cookieValue(request, kSessionCookie);
            if (!token.empty()) {
                if (auto status = m_auth.logout(token); !status) {
                    return errorResponse(status.error());
                }
            }
            net::HttpResponse response;
            response.status = 204;
            response.headers.add("Set-Cookie", sessionCookie("", 0));
            return response;
        });
        add(router, "GET", "/api/v1/me", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewAccount,
                               [&](const Session& s) { return respond(m_auth.me(s)); });
        });
        add(router, "GET", "/api/v1/audit", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewAudit, [&](const Session& s) {
                std::optional<std::string> before;
                if (auto it = request.queryParams.find("before");
                    it != request.queryParams.end() && !it->second.empty()) {
                    before = it->second;
                }
                int limit = 50;
                if (auto it = request.queryParams.find("limit"); it != request.queryParams.end()) {
                    const auto* end = it->second.data() + it->second.size();
                    if (auto [ptr, ec] = std::from_chars(it->second.data(), end, limit);
                        ec != std::errc() || ptr != end) {
                        return errorResponse(
                            core::Error(core::errc::kInvalidArgument,
                                        "limit is an integer 1.." + std::to_string(AuditService::kMaxLimit), "limit"));
                    }
                }
                return respond(m_audit.list(s, before, limit));
            });
        });
        add(router, "POST", "/api/v1/auth/password-reset", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            auto login = stringField(*body, "login");
            if (!login) {
                return errorResponse(login.error());
            }
            auto status = m_auth.requestPasswordReset(*login, request.remoteAddress);
            // Only malformed input is reported: whether the login exists never shows.
            if (!status && httpStatusFor(status.error().code) == 400) {
                return errorResponse(status.error());
            }
            if (!status) {
                std::cerr << "sigma-cloud: password reset not sent: " << status.error().message << "\n";
            }
            return net::HttpResponse::json(202, core::Json{{"status", "accepted"}});
        });
        add(router, "POST", "/api/v1/auth/password-reset/confirm", [this](net::HttpRequest& request) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            auto token = optionalStringField(*body, "token");
            auto code = optionalStringField(*body, "code");
            auto login = optionalStringField(*body, "login");
            auto password = stringField(*body, "password");
            for (const core::Error* e : {token ? nullptr : &token.error(), code ? nullptr : &code.error(),
                                         login ? nullptr : &login.error(), password ? nullptr : &password.error()}) {
                if (e != nullptr) {
                    return errorResponse(*e);
                }
            }
            if (!*token && !*code) {
                return errorResponse(
                    core::Error(core::errc::kInvalidArgument, "give the token, or the code and the login", "token"));
            }
            return respond(m_auth.confirmPasswordReset(*token, *code, *login, *password), 200,
                           core::Json{{"status", "passwordChanged"}});
        });
    }

    void addDeviceRoutes(net::Router& router)
    {
        add(router, "POST", "/api/v1/device/events", [this](net::HttpRequest& request) {
            auto identity = device(request);
            if (!identity) {
                return errorResponse(identity.error());
            }
            auto body = parseObject(request);
            if (!body) {
                return errorResponse(body.error());
            }
            const auto events = body->find("events");
            if (events == body->end()) {
                return errorResponse(core::Error(core::errc::kInvalidArgument, "events is required", "events"));
            }
            auto acked = m_devices.ingest(*identity, *events);
            if (!acked) {
                return errorResponse(acked.error());
            }
            return net::HttpResponse::json(200, core::Json{{"ackedSeq", *acked}});
        });
        add(router, "GET", "/api/v1/device/changes", [this](net::HttpRequest& request) {
            auto identity = device(request);
            if (!identity) {
                return errorResponse(identity.error());
            }
            std::int64_t cursor = 0;
            if (auto it = request.queryParams.find("cursor"); it != request.queryParams.end() && !it->second.empty()) {
                const auto* end = it->second.data() + it->second.size();
                if (auto [ptr, ec] = std::from_chars(it->second.data(), end, cursor);
                    ec != std::errc() || ptr != end || cursor < 0) {
                    return errorResponse(
                        core::Error(core::errc::kInvalidArgument, "cursor is a non-negative integer", "cursor"));
                }
            }
            return respond(m_devices.changes(*identity, cursor));
        });
        // The update channel (UpdateService, docs/updates.md): what is newer, and the file with Range.
        for (const char* pattern : {"/api/v1/device/updates", "/api/v1/device/updates/{id}/file"}) {
            add(router, "GET", pattern, [this](net::HttpRequest& request) {
                auto identity = device(request);
                return identity ? m_updates.handle(*identity, request) : errorResponse(identity.error());
            });
        }
    }

    /// Every cabinet endpoint goes through here: CSRF for writes, the session, then the role's
    /// permission (Permissions.cpp holds the matrix) before the handler runs.
    template <typename F>
    net::HttpResponse withSession(net::HttpRequest& request, bool write, Permission permission, F&& f)
    {
        if (write) {
            if (auto csrf = checkCsrf(request, true); !csrf) {
                return errorResponse(csrf.error());
            }
        }
        auto s = session(request);
        if (!s) {
            return errorResponse(s.error());
        }
        if (auto allowed = requirePermission(*s, permission); !allowed) {
            return errorResponse(allowed.error());
        }
        return f(*s);
    }

    template <typename Create, typename Update, typename Delete, typename List>
    void addCrud(net::Router& router, const std::string& base, Permission view, Permission edit, List list,
                 Create create, Update update, Delete remove)
    {
        if constexpr (!std::is_same_v<List, std::nullptr_t>) {
            add(router, "GET", base, [this, view, list](net::HttpRequest& request) {
                return withSession(request, false, view,
                                   [&](const Session& s) { return respond((m_catalog.*list)(s)); });
            });
        }
        // Writes are whole transactions: one that collided with another (kDbBusy) runs again.
        add(router, "POST", base, [this, edit, create](net::HttpRequest& request) {
            return withSession(request, true, edit, [&](const Session& s) {
                auto body = parseObject(request);
                return body ? respond(retryBusy([&] { return (m_catalog.*create)(s, *body); }), 201)
                            : errorResponse(body.error());
            });
        });
        add(router, "PUT", base + "/{id}", [this, edit, update](net::HttpRequest& request) {
            return withSession(request, true, edit, [&](const Session& s) {
                auto body = parseObject(request);
                return body ? respond(
                                  retryBusy([&] { return (m_catalog.*update)(s, request.pathParams.at("id"), *body); }))
                            : errorResponse(body.error());
            });
        });
        add(router, "DELETE", base + "/{id}", [this, edit, remove](net::HttpRequest& request) {
            // DELETE has no body: only the Origin is checked.
            auto s = session(request);
            if (!s) {
                return errorResponse(s.error());
            }
            if (request.headers.get("Origin").value_or("") != m_config.publicUrl) {
                return errorResponse(core::Error(errc::kCsrf, "the Origin does not match this server", "Origin"));
            }
            if (auto allowed = requirePermission(*s, edit); !allowed) {
                return errorResponse(allowed.error());
            }
            auto status = retryBusy([&] { return (m_catalog.*remove)(*s, request.pathParams.at("id")); });
            if (!status) {
                return errorResponse(status.error());
            }
            net::HttpResponse response;
            response.status = 204;
            return response;
        });
    }

    void addCatalogRoutes(net::Router& router)
    {
        add(router, "GET", "/api/v1/products", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewCatalog, [&](const Session& s) {
                ProductQuery query;
                const auto param = [&](const char* name) -> const std::string* {
                    const auto it = request.queryParams.find(name);
                    return it != request.queryParams.end() ? &it->second : nullptr;
                };
                if (const auto* q = param("q")) {
                    query.q = *q;
                }
                if (const auto* category = param("category")) {
                    query.category = *category;
                }
                if (const auto* cursor = param("cursor")) {
                    query.cursor = *cursor;
                }
                if (const auto* limit = param("limit")) {
                    const auto* end = limit->data() + limit->size();
                    if (auto [ptr, ec] = std::from_chars(limit->data(), end, query.limit);
                        ec != std::errc() || ptr != end) {
                        return errorResponse(
                            core::Error(core::errc::kInvalidArgument, "limit is an integer 1..500", "limit"));
                    }
                }
                return respond(m_catalog.listProducts(s, query));
            });
        });
        add(router, "GET", "/api/v1/products/categories", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewCatalog,
                               [&](const Session& s) { return respond(m_catalog.listCategories(s)); });
        });
        add(router, "GET", "/api/v1/products/export", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewCatalog, [&](const Session& s) {
                auto csv = m_catalog.exportProducts(s);
                if (!csv) {
                    return errorResponse(csv.error());
                }
                net::HttpResponse response;
                response.status = 200;
                response.headers.set("Content-Type", "text/csv; charset=utf-8");
                response.headers.set("Content-Disposition", "attachment; filename=\"products.csv\"");
                response.body = std::move(csv).value();
                return response;
            });
        });
        add(router, "POST", "/api/v1/products/import", [this](net::HttpRequest& request) {
            // The file as it is (text/csv): a type a cross-site form cannot send, so with the
            // Origin check this is as safe against CSRF as the JSON endpoints.
            const auto type = request.headers.get("Content-Type").value_or("");
            if (type.rfind("text/csv", 0) != 0) {
                return errorResponse(core::Error(errc::kCsrf, "Content-Type must be text/csv", "Content-Type"));
            }
            if (request.headers.get("Origin").value_or("") != m_config.publicUrl) {
                return errorResponse(core::Error(errc::kCsrf, "the Origin does not match this server", "Origin"));
            }
            return withSession(request, false, Permission::EditCatalog, [&](const Session& s) {
                auto report = retryBusy([&] { return m_catalog.importProducts(s, request.body); });
                if (!report) {
                    return errorResponse(report.error());
                }
                core::Json body{{"lines", report->lines},
                                {"created", report->created},
                                {"updated", report->updated},
                                {"unchanged", report->unchanged}};
                if (report->problems.empty()) {
                    return net::HttpResponse::json(200, body);
                }
                core::Json problems = core::Json::array();
                for (const auto& p : report->problems) {
                    problems.push_back(
                        {{"line", p.line}, {"column", p.column}, {"code", p.code}, {"message", p.message}});
                }
                // Shown to people as they are: bytes of a broken file must not fail the answer.
                return net::HttpResponse::json(
                    422, core::Json{{"error",
                                     {{"code", "invalid_csv"},
                                      {"message", std::to_string(report->problems.size()) +
                                                      " problem(s) in the file: nothing was imported"},
                                      {"field", "body"}}},
                                    {"problems", problems}});
            });
        });
        addCrud(router, "/api/v1/products", Permission::ViewCatalog, Permission::EditCatalog, nullptr,
                &CatalogService::createProduct, &CatalogService::updateProduct, &CatalogService::deleteProduct);
        addCrud(router, "/api/v1/employees", Permission::ViewStaff, Permission::EditStaff,
                &CatalogService::listEmployees, &CatalogService::createEmployee, &CatalogService::updateEmployee,
                &CatalogService::deleteEmployee);
    }

    /// «Финансы»: read-only lists and details; FinanceService parses and checks the query.
    void addFinanceRoutes(net::Router& router)
    {
        using List = core::Result<core::Json> (FinanceService::*)(const Session&, const FinanceService::Params&);
        using One = core::Result<core::Json> (FinanceService::*)(const Session&, const std::string&);
        for (auto [base, list, one] :
             {std::tuple<const char*, List, One>{"/api/v1/shifts", &FinanceService::listShifts, &FinanceService::shift},
              std::tuple<const char*, List, One>{"/api/v1/receipts", &FinanceService::listReceipts,
                                                 &FinanceService::receipt},
              std::tuple<const char*, List, One>{"/api/v1/cash-operations", &FinanceService::listCashOperations,
                                                 nullptr}}) {
            add(router, "GET", base, [this, list](net::HttpRequest& request) {
                return withSession(request, false, Permission::ViewFinance, [&](const Session& s) {
                    return respond((m_finance.*list)(s, request.queryParams));
                });
            });
            if (one != nullptr) {
                add(router, "GET", std::string(base) + "/{id}", [this, one](net::HttpRequest& request) {
                    return withSession(request, false, Permission::ViewFinance, [&](const Session& s) {
                        return respond((m_finance.*one)(s, request.pathParams.at("id")));
                    });
                });
            }
        }
    }

    void addAnalyticsRoutes(net::Router& router)
    {
        add(router, "GET", "/api/v1/analytics", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ViewAnalytics, [&](const Session& s) {
                auto param = [&](const char* name) -> std::optional<std::string> {
                    const auto it = request.queryParams.find(name);
                    return it != request.queryParams.end() ? std::optional(it->second) : std::nullopt;
                };
                AnalyticsQuery query{param("from").value_or(""), param("to").value_or(""), param("deviceId"),
                                     param("employeeId")};
                return respond(m_analytics.report(s, query));
            });
        });
    }

    /// A 429 of the invitation limits: the next try is possible when their window ends, not the
    /// sign-in window errorResponse assumes.
    net::HttpResponse inviteWindow(net::HttpResponse response) const
    {
        if (response.status == 429) {
            response.headers.set("Retry-After", std::to_string(m_config.inviteWindowSec));
        }
        return response;
    }

    void addUserRoutes(net::Router& router)
    {
        // Who the set-password page greets: the invitation behind a link (no session yet).
        add(router, "GET", "/api/v1/auth/invitation", [this](net::HttpRequest& request) {
            const auto it = request.queryParams.find("token");
            if (it == request.queryParams.end() || it->second.empty() || it->second.size() > 128) {
                return errorResponse(core::Error(core::errc::kInvalidArgument, "token is required", "token"));
            }
            return respond(m_users.invitation(it->second));
        });
        add(router, "GET", "/api/v1/users", [this](net::HttpRequest& request) {
            return withSession(request, false, Permission::ManageUsers,
                               [&](const Session& s) { return respond(m_users.list(s)); });
        });
        add(router, "POST", "/api/v1/users", [this](net::HttpRequest& request) {
            return withSession(request, true, Permission::ManageUsers, [&](const Session& s) {
                auto body = parseObject(request);
                return body ? inviteWindow(respond(retryBusy([&] { return m_users.invite(s, *body); }), 201))
                            : errorResponse(body.error());
            });
        });
        add(router, "PUT", "/api/v1/users/{id}", [this](net::HttpRequest& request) {
            return withSession(request, true, Permission::ManageUsers, [&](const Session& s) {
                auto body = parseObject(request);
                return body ? respond(retryBusy([&] { return m_users.update(s, request.pathParams.at("id"), *body); }))
                            : errorResponse(body.error());
            });
        });
        add(router, "DELETE", "/api/v1/users/{id}", [this](net::HttpRequest& request) {
            // DELETE has no body: only the Origin is checked (as the catalog's DELETE).
            if (request.headers.get("Origin").value_or("") != m_config.publicUrl) {
                return errorResponse(core::Error(errc::kCsrf, "the Origin does not match this server", "Origin"));
            }
            return withSession(request, false, Permission::ManageUsers, [&](const Session& s) {
                auto cancelled = retryBusy([&] { return m_users.cancelInvitation(s, request.pathParams.at("id")); });
                if (!cancelled) {
                    return errorResponse(cancelled.error());
                }
                net::HttpResponse response;
                response.status = 204;
                return response;
            });
        });
        using Action = core::Result<core::Json> (UserService::*)(const Session&, const std::string&);
        for (auto [suffix, action] : {std::pair{"/invite", Action{&UserService::resendInvitation}},
                                      std::pair{"/disable", Action{&UserService::disable}},
                                      std::pair{"/enable", Action{&UserService::enable}}}) {
            add(router, "POST", std::string("/api/v1/users/{id}") + suffix,
                [this, action = action](net::HttpRequest& request) {
                    return withSession(request, true, Permission::ManageUsers, [&](const Session& s) {
                        return inviteWindow(
                            respond(retryBusy([&] { return (m_users.*action)(s, request.pathParams.at("id")); })));
                    });
                });
        }
    }

    CloudConfig m_config;
    std::unique_ptr<CloudDatabase> m_database;
    std::unique_ptr<Notifier> m_notifier;
    ServiceContext m_context;
    AuthService m_auth;
    DeviceService m_devices;
    UpdateService m_updates{m_context};
    CatalogService m_catalog;
    AuditService m_audit;
    FinanceService m_finance{m_context};
    AnalyticsService m_analytics{m_context};
    UserService m_users{m_context};
    std::mutex m_logMutex;
    std::ofstream m_logFile;
    net::HttpServer m_server;
};

CloudServer::CloudServer(CloudConfig config, std::unique_ptr<CloudDatabase> database, const core::Clock& clock,
                         core::RandomSource& random, std::unique_ptr<Notifier> notifier)
    : m_impl(std::make_unique<Impl>(std::move(config), std::move(database), clock, random, std::move(notifier)))
{
}

CloudServer::~CloudServer()
{
    stop();
}

core::Status CloudServer::start()
{
    return m_impl->start();
}

std::uint16_t CloudServer::port() const
{
    return m_impl->port();
}

void CloudServer::stop()
{
    m_impl->stop();
}

} // namespace sigma::cloud
