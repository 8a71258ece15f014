#include "cloud/Notifier.h"

#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "crypto/OsRandom.h"
#include "net/HttpClient.h"

#include <chrono>
#include <cstring>
#include <curl/curl.h>
#include <fstream>

namespace sigma::cloud {

namespace {

std::string base64(std::string_view data)
{
    static constexpr char kTable[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    while (i + 2 < data.size()) {
        const auto n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8) |
                       static_cast<unsigned char>(data[i + 2]);
        out += kTable[(n >> 18) & 63];
        out += kTable[(n >> 12) & 63];
        out += kTable[(n >> 6) & 63];
        out += kTable[n & 63];
        i += 3;
    }
    if (i + 1 == data.size()) {
        const auto n = static_cast<unsigned char>(data[i]) << 16;
        out += kTable[(n >> 18) & 63];
        out += kTable[(n >> 12) & 63];
        out += "==";
    } else if (i + 2 == data.size()) {
        const auto n = (static_cast<unsigned char>(data[i]) << 16) | (static_cast<unsigned char>(data[i + 1]) << 8);
        out += kTable[(n >> 18) & 63];
        out += kTable[(n >> 12) & 63];
        out += kTable[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

struct CurlDeleter {
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct UploadState {
    std::string_view data;
    std::size_t offset = 0;
};

std::size_t readCallback(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto* state = static_cast<UploadState*>(user);
    const std::size_t n = std::min(size * count, state->data.size() - state->offset);
    std::memcpy(buffer, state->data.data() + state->offset, n);
    state->offset += n;
    return n;
}

} // namespace

std::string buildMailMessage(std::string_view from, std::string_view to, std::string_view subject,
                             std::string_view body, std::string_view messageId)
{
    // 8bit UTF-8 text with CRLF line ends: readable in the .eml files and by any modern server.
    std::string wrapped;
    for (const char c : body) {
        if (c == '\n') {
            wrapped += "\r\n";
        } else {
            wrapped += c;
        }
    }
    wrapped += "\r\n";
    std::string message;
    message += "From: " + std::string(from) + "\r\n";
    message += "To: " + std::string(to) + "\r\n";
    message += "Subject: =?UTF-8?B?" + base64(subject) + "?=\r\n";
    message += "Message-ID: <" + std::string(messageId) + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    message += wrapped;
    return message;
}

core::Status sendSmtp(const std::string& url, const std::string& from, const std::string& to,
                      const std::string& message)
{
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        return core::Error(core::errc::kInternal, "curl_easy_init failed");
    }
    const std::string fromAddr = "<" + from + ">";
    const std::string toAddr = "<" + to + ">";
    std::unique_ptr<curl_slist, SlistDeleter> recipients(curl_slist_append(nullptr, toAddr.c_str()));
    UploadState state{message, 0};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, fromAddr.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, &readCallback);
    curl_easy_setopt(curl.get(), CURLOPT_READDATA, &state);
    curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, 30000L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK) {
        return core::Error(core::errc::kTransferFailed, std::string("SMTP: ") + curl_easy_strerror(rc));
    }
    return core::ok();
}

OutboxNotifier::OutboxNotifier(std::filesystem::path dataDir, const CloudConfig& config)
    : m_outbox(std::move(dataDir) / "outbox"), m_smsGatewayUrl(config.smsGatewayUrl), m_smtpUrl(config.smtpUrl),
      m_mailFrom(config.mailFrom)
{
}

core::Status OutboxNotifier::sendSms(const std::string& to, const std::string& text)
{
    if (!m_smsGatewayUrl.empty()) {
        std::string url = m_smsGatewayUrl;
        for (const auto& [key, value] : {std::pair{std::string("{to}"), to}, std::pair{std::string("{text}"), text}}) {
            for (auto pos = url.find(key); pos != std::string::npos; pos = url.find(key, pos)) {
                const std::string encoded = net::percentEncode(value);
                url.replace(pos, key.size(), encoded);
                pos += encoded.size();
            }
        }
        net::HttpClient client;
        net::HttpClientRequest request;
        request.url = url;
        SIGMA_ASSIGN_OR_RETURN(auto response, client.send(request));
        if (response.status / 100 != 2) {
            return core::Error(core::errc::kTransferFailed, "SMS gateway answered " + std::to_string(response.status));
        }
        return core::ok();
    }
    std::lock_guard lock(m_mutex);
    std::error_code ec;
    std::filesystem::create_directories(m_outbox, ec);
    std::ofstream out(m_outbox / "sms.jsonl", std::ios::app | std::ios::binary);
    out << core::Json{{"to", to}, {"text", text}}.dump() << "\n";
    out.flush();
    if (!out) {
        return core::Error(core::errc::kIo, "cannot write the SMS outbox");
    }
    return core::ok();
}

core::Status OutboxNotifier::sendMail(const std::string& to, const std::string& subject, const std::string& body)
{
    const std::string id = crypto::randomToken(12) + "@sigma";
    const std::string message = buildMailMessage(m_mailFrom, to, subject, body, id);
    if (!m_smtpUrl.empty()) {
        return sendSmtp(m_smtpUrl, m_mailFrom, to, message);
    }
    std::lock_guard lock(m_mutex);
    std::error_code ec;
    std::filesystem::create_directories(m_outbox / "mail", ec);
    const auto stamp =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    const auto path = m_outbox / "mail" / (std::to_string(stamp) + "-" + std::to_string(++m_mailCounter) + ".eml");
    std::ofstream out(path, std::ios::binary);
    out << message;
    out.flush();
    if (!out) {
        return core::Error(core::errc::kIo, "cannot write the mail outbox");
    }
    return core::ok();
}

} // namespace sigma::cloud
