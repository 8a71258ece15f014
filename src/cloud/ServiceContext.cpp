#include "cloud/ServiceContext.h"

#include "cloud/CloudErrors.h"
#include "core/Uuid.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sigma::cloud {

std::string ServiceContext::newId() const
{
    return core::Uuid::generateV7(clock, random).toString();
}

std::string ServiceContext::newToken(std::size_t bytes) const
{
    std::vector<std::uint8_t> buffer(bytes);
    random.fill(std::as_writable_bytes(std::span(buffer)));
    return crypto::toHex(buffer);
}

std::string ServiceContext::newSixDigitCode() const
{
    // Rejection sampling keeps the code uniform over 000000..999999.
    for (;;) {
        std::array<std::uint8_t, 4> bytes{};
        random.fill(std::as_writable_bytes(std::span(bytes)));
        const std::uint32_t n = (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
                                (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
        if (n < 4'294'000'000U) {
            std::string code = std::to_string(n % 1'000'000U);
            return std::string(6 - code.size(), '0') + code;
        }
    }
}

std::string hashSecret(std::string_view secret)
{
    return crypto::toHex(crypto::sha256(secret));
}

core::Result<std::int64_t> RateLimiter::count(const std::string& bucket, std::int64_t windowSec)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row, m_connection.queryOne("SELECT window_start, count FROM rate_limits WHERE bucket = $1", {bucket}));
    if (!row || row->int64(0) + windowSec * 1'000'000 <= m_nowUs) {
        return std::int64_t{0};
    }
    return row->int64(1);
}

core::Status RateLimiter::hit(const std::string& bucket, std::int64_t windowSec)
{
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           m_connection.queryOne("SELECT window_start FROM rate_limits WHERE bucket = $1", {bucket}));
    if (!row) {
        return m_connection.execute("INSERT INTO rate_limits(bucket, window_start, count) VALUES ($1, $2, 1) "
                                    "ON CONFLICT (bucket) DO UPDATE SET count = rate_limits.count + 1",
                                    {bucket, m_nowUs});
    }
    if (row->int64(0) + windowSec * 1'000'000 <= m_nowUs) {
        return m_connection.execute("UPDATE rate_limits SET window_start = $2, count = 1 WHERE bucket = $1",
                                    {bucket, m_nowUs});
    }
    return m_connection.execute("UPDATE rate_limits SET count = count + 1 WHERE bucket = $1", {bucket});
}

core::Status RateLimiter::clear(const std::string& bucket)
{
    return m_connection.execute("DELETE FROM rate_limits WHERE bucket = $1", {bucket});
}

core::Status appendAudit(db::Connection& connection, const ServiceContext& context, const std::string& accountId,
                         const std::string& actor, const std::string& action, const core::Json& details)
{
    return connection.execute(
        "INSERT INTO audit_log(id, account_id, at, actor, action, details) VALUES ($1, $2, $3, $4, $5, $6)",
        {context.newId(), accountId.empty() ? db::Param() : db::Param(accountId), context.nowUs(), actor, action,
         details.dump()});
}

core::Status checkPasswordRules(std::string_view password, std::string_view phone, std::string_view email)
{
    const auto weak = [](std::string message) {
        return core::Error(errc::kWeakPassword, std::move(message), "password");
    };
    // Count code points, not bytes: a Cyrillic letter is one character.
    std::size_t characters = 0;
    bool lower = false;
    bool upper = false;
    bool digit = false;
    bool other = false;
    for (const char c : password) {
        const auto u = static_cast<unsigned char>(c);
        if ((u & 0xC0) != 0x80) {
            ++characters;
        }
        if (std::islower(u) != 0 && u < 0x80) {
            lower = true;
        } else if (std::isupper(u) != 0 && u < 0x80) {
            upper = true;
        } else if (std::isdigit(u) != 0) {
            digit = true;
        } else {
            other = true;
        }
    }
    if (characters < 10) {
        return weak("the password needs at least 10 characters");
    }
    if (int{lower} + int{upper} + int{digit} + int{other} < 2) {
        return weak("the password must not be all of one kind of character (mix letters, digits or symbols)");
    }
    std::string lowered(password);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string digits;
    std::copy_if(password.begin(), password.end(), std::back_inserter(digits),
                 [](unsigned char c) { return std::isdigit(c) != 0; });
    const std::string phoneDigits = phone.size() > 2 ? std::string(phone.substr(2)) : std::string(phone);
    const auto at = email.find('@');
    const std::string local = at == std::string_view::npos ? std::string(email) : std::string(email.substr(0, at));
    if ((!email.empty() && (lowered == email || lowered == local)) ||
        (!phone.empty() && digits.size() == password.size() && (digits.find(phoneDigits) != std::string::npos))) {
        return weak("the password must not be the phone number or the e-mail");
    }
    return core::ok();
}

} // namespace sigma::cloud
