#pragma once

#include "cloud/CloudConfig.h"
#include "core/Result.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace sigma::cloud {

/// Sends SMS and e-mail. Implementations must be safe to call from several threads.
class Notifier {
public:
    virtual ~Notifier() = default;
    [[nodiscard]] virtual core::Status sendSms(const std::string& to, const std::string& text) = 0;
    [[nodiscard]] virtual core::Status sendMail(const std::string& to, const std::string& subject,
                                                const std::string& body) = 0;
};

/// The local/test sink: DIR/outbox/sms.jsonl (one {"to","text"} per line) and DIR/outbox/mail/*.eml.
/// SMS go through an HTTP gateway instead when `smsGatewayUrl` is set, mail through SMTP when
/// `smtpUrl` is set.
class OutboxNotifier final : public Notifier {
public:
    OutboxNotifier(std::filesystem::path dataDir, const CloudConfig& config);
    core::Status sendSms(const std::string& to, const std::string& text) override;
    core::Status sendMail(const std::string& to, const std::string& subject, const std::string& body) override;

private:
    std::filesystem::path m_outbox;
    std::string m_smsGatewayUrl;
    std::string m_smtpUrl;
    std::string m_mailFrom;
    std::mutex m_mutex;
    std::uint64_t m_mailCounter = 0;
};

/// An RFC 5322 message (UTF-8, 8bit body).
[[nodiscard]] std::string buildMailMessage(std::string_view from, std::string_view to, std::string_view subject,
                                           std::string_view body, std::string_view messageId);

/// Sends one message through SMTP (libcurl smtp://).
[[nodiscard]] core::Status sendSmtp(const std::string& url, const std::string& from, const std::string& to,
                                    const std::string& message);

} // namespace sigma::cloud
