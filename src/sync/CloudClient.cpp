#include "sync/CloudClient.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Hmac.h"
#include "crypto/Sha256.h"

#include <charconv>

namespace sigma::sync {
namespace {

/// Identical signed requests remembered for this many seconds (the cloud's window is far longer,
/// but only requests from this process within the same second can collide).
constexpr std::int64_t kRecentWindowSec = 2;

std::string trimSlash(std::string url)
{
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    return url;
}

std::int64_t parseRetryAfter(const net::HttpResponse& response)
{
    const auto value = response.headers.get("Retry-After");
    if (!value) {
        return 0;
    }
    std::int64_t seconds = 0;
    const auto* end = value->data() + value->size();
    if (auto [ptr, ec] = std::from_chars(value->data(), end, seconds); ec != std::errc() || ptr != end || seconds < 0) {
        return 0; // an HTTP date or garbage: the caller's own backoff applies
    }
    return std::min<std::int64_t>(seconds, 3600);
}

struct CloudErrorBody {
    std::string code;
    std::string field;
    std::string message;
};

CloudErrorBody errorBodyOf(const net::HttpResponse& response)
{
    CloudErrorBody out;
    auto json = core::parseJsonExact(response.body);
    if (!json || !json->is_object()) {
        return out;
    }
    const auto error = json->find("error");
    if (error == json->end() || !error->is_object()) {
        return out;
    }
    out.code = error->value("code", std::string());
    out.field = error->value("field", std::string());
    out.message = error->value("message", std::string());
    return out;
}

/// The cloud's refusal in the cashier's words. The cloud's code name stays in brackets for the
/// technician reading `sigmactl sync status`.
core::Error translate(int status, const CloudErrorBody& e, std::int64_t retryAfterSec)
{
    namespace errc = core::errc;
    const std::string tag = " [" + (e.code.empty() ? "HTTP " + std::to_string(status) : e.code) + "]";
    const auto error = [&](int code, const std::string& text) { return core::Error(code, text + tag, e.field); };
    if (e.code == "device_revoked") {
        return error(errc::kSyncDeviceRevoked, "Облако отозвало доступ этого терминала. Продажи продолжаются, "
                                               "данные будут отправлены после повторной регистрации");
    }
    if (e.code == "bad_signature" || e.code == "replayed" || e.code == "clock_skew") {
        return error(errc::kSyncAuthFailed, "Облако не узнало терминал: неверная подпись или ключ устройства");
    }
    if (e.code == "event_conflict" || e.code == "broken_chain" || e.code == "bad_event") {
        return error(errc::kSyncRejected, "Облако отклонило события журнала: нужна помощь специалиста");
    }
    if (e.code == "rate_limited" || status == 429) {
        if (e.field == "activationPin") {
            return error(errc::kRegistrationTooManyAttempts,
                         "Слишком много неверных PIN-кодов: попросите у продавца новый PIN");
        }
        if (e.field == "code") {
            return error(errc::kRegistrationTooManyAttempts,
                         "Слишком много неверных кодов: начните регистрацию заново");
        }
        if (e.field == "phone") {
            return error(errc::kRegistrationTooManyAttempts, "Слишком много SMS на этот номер: попробуйте позже");
        }
        return error(errc::kSyncRateLimited,
                     "Облако просит подождать" +
                         (retryAfterSec > 0 ? " " + std::to_string(retryAfterSec) + " с" : std::string()));
    }
    if (e.code == "wrong_code") {
        if (e.field == "activationPin") {
            return error(errc::kRegistrationWrongPin, "Неверный или уже использованный PIN активации");
        }
        return error(errc::kRegistrationWrongCode, "Неверный или просроченный код из SMS");
    }
    if (e.code == "conflict") {
        if (e.field == "deviceSerial") {
            return error(errc::kRegistrationConflict, "Этот терминал уже зарегистрирован в облаке");
        }
        if (e.field == "code") {
            return error(errc::kRegistrationNoProcess, "Код из SMS уже подтверждён: ждите письма и задайте пароль");
        }
        return error(errc::kRegistrationConflict,
                     "Учётная запись с этим телефоном или e-mail уже есть: войдите в личный кабинет");
    }
    if (e.code == "unauthorized" || e.code == "not_found") {
        return error(errc::kRegistrationNoProcess, "Облако не знает эту регистрацию: начните заново");
    }
    if (status == 400) {
        if (e.field == "sellerCode") {
            return error(errc::kRegistrationInvalid, "Неизвестный код продавца");
        }
        if (e.field == "phone") {
            return error(errc::kRegistrationInvalid, "Неверный номер телефона");
        }
        if (e.field == "email") {
            return error(errc::kRegistrationInvalid, "Неверный адрес e-mail");
        }
        if (e.field == "activationPin") {
            return error(errc::kRegistrationInvalid, "PIN активации состоит из 6 цифр");
        }
        if (e.field == "deviceSerial" || e.field == "businessType") {
            return error(errc::kRegistrationInvalid, "Облако не приняло данные терминала (заводской номер, тип "
                                                     "бизнеса)");
        }
        return error(errc::kSyncRejected, "Облако отклонило запрос терминала: " + e.message);
    }
    if (status >= 500) {
        return error(errc::kSyncServerError, "Облако временно не работает (HTTP " + std::to_string(status) + ")");
    }
    return error(errc::kSyncServerError, "Неожиданный ответ облака (HTTP " + std::to_string(status) + ")");
}

} // namespace

CloudClient::CloudClient(CloudClientOptions options, const core::Clock& clock)
    : m_options(std::move(options)), m_clock(clock)
{
    m_options.baseUrl = trimSlash(m_options.baseUrl);
}

void CloudClient::setBaseUrl(std::string url)
{
    m_options.baseUrl = trimSlash(std::move(url));
}

std::string CloudClient::sign(const std::string& deviceKey, const std::string& method, const std::string& target,
                              const std::string& timestamp, const std::string& body)
{
    const auto key = crypto::sha256(deviceKey);
    const std::string canonical =
        "sigma-device-v1\n" + method + "\n" + target + "\n" + timestamp + "\n" + crypto::toHex(crypto::sha256(body));
    return crypto::toHex(crypto::hmacSha256(
        std::span<const std::uint8_t>(key),
        std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(canonical.data()), canonical.size())));
}

std::string CloudClient::timestampFor(const std::string& method, const std::string& target, const std::string& body)
{
    const std::int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(m_clock.now().time_since_epoch()).count() + m_clockOffsetSec;
    while (!m_recent.empty() && m_recent.front().first < now - kRecentWindowSec) {
        m_recent.pop_front();
    }
    const std::string digest = crypto::toHex(crypto::sha256(method + "\n" + target + "\n" + body));
    std::int64_t ts = now;
    for (bool clash = true; clash;) {
        clash = false;
        for (const auto& [seen, seenDigest] : m_recent) {
            if (seen == ts && seenDigest == digest) {
                ++ts; // the same request twice in one second: the next second is still in the window
                clash = true;
            }
        }
    }
    m_recent.emplace_back(ts, digest);
    return std::to_string(ts);
}

core::Result<net::HttpResponse> CloudClient::exchange(const std::string& method, const std::string& target,
                                                      const std::string& body, const net::Headers& headers)
{
    if (m_options.baseUrl.empty()) {
        return core::Error(core::errc::kSyncNotRegistered, "Адрес облака не задан: зарегистрируйте терминал");
    }
    net::HttpClientRequest request;
    request.method = method;
    request.url = m_options.baseUrl + target;
    request.headers = headers;
    if (!body.empty()) {
        request.headers.set("Content-Type", "application/json");
    }
    request.body = body;
    request.connectTimeoutMs = m_options.connectTimeoutMs;
    request.totalTimeoutMs = m_options.totalTimeoutMs;
    request.caBundlePath = m_options.caBundlePath;
    request.verifyTls = true; // never switched off: the device key and the journal travel here
    request.acceptGzip = true;
    m_lastStatus = 0;
    m_retryAfterSec = 0;
    auto response = m_http.send(request);
    if (!response) {
        return core::Error(core::errc::kSyncNoConnection, "Нет связи с облаком: " + response.error().message);
    }
    return response;
}

core::Result<CloudReply> CloudClient::interpret(const net::HttpResponse& response)
{
    m_retryAfterSec = parseRetryAfter(response);
    m_lastStatus = response.status;
    if (response.status < 200 || response.status > 299) {
        return translate(response.status, errorBodyOf(response), m_retryAfterSec);
    }
    CloudReply reply;
    reply.status = response.status;
    if (response.body.empty()) {
        reply.body = core::Json::object();
        return reply;
    }
    auto json = core::parseJsonExact(response.body);
    if (!json) {
        return core::Error(core::errc::kSyncBadAnswer,
                           "Облако прислало неверный ответ (не JSON): " + json.error().message);
    }
    reply.body = std::move(json).value();
    return reply;
}

core::Result<CloudReply> CloudClient::sendSigned(const std::string& method, const std::string& target,
                                                 const std::string& body)
{
    if (!m_credentials) {
        return core::Error(core::errc::kSyncNotRegistered, "Терминал не зарегистрирован в облаке");
    }
    // At most: one correction of the clock offset and one re-signing after a replay refusal.
    for (int attempt = 0;; ++attempt) {
        const std::string timestamp = timestampFor(method, target, body);
        net::Headers headers;
        headers.set("X-Sigma-Device", m_credentials->deviceId);
        headers.set("X-Sigma-Timestamp", timestamp);
        headers.set("X-Sigma-Signature", sign(m_credentials->deviceKey, method, target, timestamp, body));
        SIGMA_ASSIGN_OR_RETURN(auto response, exchange(method, target, body, headers));
        if (response.status == 401 && attempt < 2) {
            const auto error = errorBodyOf(response);
            if (error.code == "clock_skew") {
                auto json = core::parseJsonExact(response.body);
                if (json && json->is_object() && json->contains("serverTime") &&
                    (*json)["serverTime"].is_number_integer()) {
                    const std::int64_t local =
                        std::chrono::duration_cast<std::chrono::seconds>(m_clock.now().time_since_epoch()).count();
                    m_clockOffsetSec = (*json)["serverTime"].get<std::int64_t>() - local;
                    continue;
                }
            }
            if (error.code == "replayed") {
                continue; // timestampFor() remembers the one just used and moves on
            }
        }
        return interpret(response);
    }
}

core::Result<CloudReply> CloudClient::sendPublic(const std::string& method, const std::string& target,
                                                 const std::string& body,
                                                 const std::vector<std::pair<std::string, std::string>>& headers)
{
    net::Headers list;
    for (const auto& [name, value] : headers) {
        list.set(name, value);
    }
    SIGMA_ASSIGN_OR_RETURN(auto response, exchange(method, target, body, list));
    return interpret(response);
}

} // namespace sigma::sync
