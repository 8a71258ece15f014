#pragma once

#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/Notifier.h"
#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/RandomSource.h"
#include "core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace sigma::cloud {

/// What every service needs: the database, time, randomness, notifications and the settings.
struct ServiceContext {
    CloudDatabase& database;
    const core::Clock& clock;
    core::RandomSource& random;
    Notifier& notifier;
    const CloudConfig& config;

    [[nodiscard]] std::int64_t nowUs() const { return core::toUnixMicros(clock.now()); }
    [[nodiscard]] std::string newId() const;
    /// A secret token of `bytes` random bytes, lower-case hex.
    [[nodiscard]] std::string newToken(std::size_t bytes = 32) const;
    /// A 6-digit decimal code, uniformly random.
    [[nodiscard]] std::string newSixDigitCode() const;
};

/// hex(SHA-256(secret)): how tokens, session ids and codes are stored.
[[nodiscard]] std::string hashSecret(std::string_view secret);

/// A fixed-window counter in the database (instances are stateless). `count` returns the hits in
/// the current window; `hit` adds one; `clear` forgets the bucket.
class RateLimiter {
public:
    RateLimiter(db::Connection& connection, std::int64_t nowUs) : m_connection(connection), m_nowUs(nowUs) {}
    [[nodiscard]] core::Result<std::int64_t> count(const std::string& bucket, std::int64_t windowSec);
    [[nodiscard]] core::Status hit(const std::string& bucket, std::int64_t windowSec);
    [[nodiscard]] core::Status clear(const std::string& bucket);

private:
    db::Connection& m_connection;
    std::int64_t m_nowUs;
};

/// Appends to the audit log (account may be empty for platform actions).
[[nodiscard]] core::Status appendAudit(db::Connection& connection, const ServiceContext& context,
                                       const std::string& accountId, const std::string& actor,
                                       const std::string& action, const core::Json& details);

/// The password rules: at least 10 characters, not all of one class (lower, upper, digits,
/// others), not the phone or the e-mail. kWeakPassword with field "password".
[[nodiscard]] core::Status checkPasswordRules(std::string_view password, std::string_view phone,
                                              std::string_view email);

} // namespace sigma::cloud
