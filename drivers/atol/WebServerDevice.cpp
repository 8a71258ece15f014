#include "drivers/atol/WebServerDevice.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "drivers/atol/DeviceError.h"
#include "fiscal/AtolErrors.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

namespace sigma::drivers::atol {

namespace {

namespace codes = fiscal::atol;
using SteadyClock = std::chrono::steady_clock;

constexpr int kConnectTimeoutMs = 5000;
constexpr int kFirstBackoffMs = 2;
constexpr std::size_t kMaxQuotedBody = 200;

std::string excerpt(const std::string& body)
{
    return body.size() <= kMaxQuotedBody ? body : body.substr(0, kMaxQuotedBody) + "...";
}

// A failed exchange with the server: the register could not be asked (or its answer not heard).
core::Error unreachable(const std::string& url, const core::Error& transport)
{
    return fiscal::atolError(codes::kNoConnection, "ATOL web server " + url + ": " + transport.message);
}

int remainingMs(SteadyClock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    return static_cast<int>(std::max<long long>(0, left));
}

} // namespace

WebServerDevice::WebServerDevice(Options options) : m_options(std::move(options))
{
    while (!m_options.url.empty() && m_options.url.back() == '/') {
        m_options.url.pop_back();
    }
}

core::Result<core::Json> WebServerDevice::execute(const core::Json& task)
{
    try {
        return run(task);
    } catch (const std::exception& e) {
        return fiscal::atolError(codes::kDriverFailure, e.what());
    }
}

core::Result<core::Json> WebServerDevice::run(const core::Json& task)
{
    if (m_options.clock == nullptr) {
        return fiscal::atolError(codes::kDriverFailure, "the web-server transport needs a clock");
    }
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(m_options.timeoutMs);
    const std::string uuid = core::Uuid::generateV7(*m_options.clock, m_random).toString();

    net::HttpClientRequest post;
    post.method = "POST";
    post.url = m_options.url + "/api/v2/requests";
    post.headers.set("Content-Type", "application/json; charset=utf-8");
    post.body = core::Json{{"uuid", uuid}, {"request", core::Json::array({task})}}.dump();
    post.connectTimeoutMs = std::min(kConnectTimeoutMs, m_options.timeoutMs);
    post.totalTimeoutMs = std::max(1, remainingMs(deadline));
    auto posted = m_http.send(post);
    if (!posted) {
        return unreachable(m_options.url, posted.error());
    }
    if (posted->status == 409) {
        return fiscal::atolError(codes::kWebRequestDuplicate, uuid);
    }
    if (posted->status != 201 && posted->status != 200) {
        return fiscal::atolError(codes::kDriverFailure, "POST /api/v2/requests answered HTTP " +
                                                            std::to_string(posted->status) + ": " + excerpt(posted->body));
    }

    int backoffMs = kFirstBackoffMs;
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(std::optional<core::Json> entry, poll(uuid, std::max(1, remainingMs(deadline))));
        if (entry) {
            const auto status = entry->value("status", std::string());
            if (status == "ready") {
                const auto result = entry->find("result");
                return result == entry->end() || result->is_null() ? core::Json::object() : *result;
            }
            const int code = entry->value("errorCode", 0);
            const std::string description = entry->value("errorDescription", std::string());
            if (status == "error") {
                return deviceError(code, description);
            }
            return fiscal::atolError(codes::kDriverFailure, "task status '" + status + "': " + description);
        }
        const int left = remainingMs(deadline);
        if (left == 0) {
            return fiscal::atolError(codes::kNoConnection,
                                     "no result from " + m_options.url + " within " +
                                         std::to_string(m_options.timeoutMs) +
                                         " ms; the task may still be executed (request " + uuid + ")");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min({backoffMs, m_options.pollIntervalMs, left})));
        backoffMs = std::min(backoffMs * 2, std::max(1, m_options.pollIntervalMs));
    }
}

core::Result<std::optional<core::Json>> WebServerDevice::poll(const std::string& uuid, int remainingMs)
{
    net::HttpClientRequest get;
    get.url = m_options.url + "/api/v2/requests/" + uuid;
    get.connectTimeoutMs = std::min(kConnectTimeoutMs, remainingMs);
    get.totalTimeoutMs = remainingMs;
    auto response = m_http.send(get);
    if (!response) {
        return unreachable(m_options.url, response.error());
    }
    if (response->status == 404) {
        // Accepted a moment ago, unknown now: the server restarted and forgot it. Whether the
        // task ran is unknown, as with a lost connection.
        return fiscal::atolError(codes::kNoConnection,
                                 "the web server no longer knows request " + uuid + " (restarted?); check the "
                                 "register before repeating the task");
    }
    if (response->status != 200) {
        return fiscal::atolError(codes::kDriverFailure, "GET /api/v2/requests/" + uuid + " answered HTTP " +
                                                            std::to_string(response->status) + ": " +
                                                            excerpt(response->body));
    }
    auto body = core::parseJsonExact(response->body);
    if (!body || !body->is_object() || !body->contains("results") || !(*body)["results"].is_array() ||
        (*body)["results"].empty() || !(*body)["results"][0].is_object()) {
        return fiscal::atolError(codes::kDriverFailure, "unexpected answer to GET /api/v2/requests/" + uuid + ": " +
                                                            excerpt(response->body));
    }
    core::Json entry = std::move((*body)["results"][0]);
    const auto status = entry.value("status", std::string());
    if (status == "wait" || status == "inProgress") {
        return std::optional<core::Json>();
    }
    return std::optional<core::Json>(std::move(entry));
}

} // namespace sigma::drivers::atol
