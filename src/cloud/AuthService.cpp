#include "cloud/AuthService.h"
#include "cloud/UserService.h"

#include "cloud/CloudErrors.h"
#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"
#include "core/Phone.h"
#include "crypto/Hex.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Sha256.h"
#include "db/Transaction.h"

#include <algorithm>
#include <cctype>

namespace sigma::cloud {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::int64_t kPinTtlSec = 30 * 86400;

std::string lowerAscii(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

core::Result<std::string> normalizeEmail(const std::string& email, const std::string& field)
{
    std::string lowered = lowerAscii(email);
    const auto at = lowered.find('@');
    if (lowered.size() > 254 || at == std::string::npos || at == 0 || at + 1 >= lowered.size() ||
        lowered.find('@', at + 1) != std::string::npos || lowered.find_first_of(" \t\r\n<>,;") != std::string::npos) {
        return core::Error(core::errc::kInvalidArgument, "not an e-mail address", field);
    }
    return lowered;
}

core::Error wrongCode(const std::string& field)
{
    return core::Error(errc::kWrongCode, "the code is wrong, used or expired", field);
}

core::Json userJson(const db::Row& row)
{
    // columns: id, email, phone, role
    return core::Json{{"id", row.text(0)},
                      {"email", row.isNull(1) ? core::Json(nullptr) : core::Json(row.text(1))},
                      {"phone", row.isNull(2) ? core::Json(nullptr) : core::Json(row.text(2))},
                      {"role", row.text(3)}};
}

} // namespace

core::Result<std::string> normalizeLogin(const std::string& login)
{
    if (login.find('@') != std::string::npos) {
        return normalizeEmail(login, "login");
    }
    auto phone = core::normalizePhone(login);
    if (!phone) {
        return core::Error(core::errc::kInvalidArgument, "not an e-mail address or a phone number", "login");
    }
    return phone.value();
}

core::Result<RegistrationCreated> AuthService::createRegistration(const RegistrationInput& input, const std::string& ip)
{
    if (input.deviceSerial.empty() || input.deviceSerial.size() > 64) {
        return core::Error(core::errc::kInvalidArgument, "a device serial number is required", "deviceSerial");
    }
    if (input.businessType != "trade" && input.businessType != "services" && input.businessType != "food") {
        return core::Error(core::errc::kInvalidArgument, "businessType is trade, services or food", "businessType");
    }
    auto phone = core::normalizePhone(input.phone);
    if (!phone) {
        return core::Error(core::errc::kInvalidArgument, phone.error().message, "phone");
    }
    SIGMA_ASSIGN_OR_RETURN(std::string email, normalizeEmail(input.email, "email"));
    if (input.activationPin.size() != 6 || !std::all_of(input.activationPin.begin(), input.activationPin.end(),
                                                        [](unsigned char c) { return std::isdigit(c) != 0; })) {
        return core::Error(core::errc::kInvalidArgument, "the activation PIN is 6 digits", "activationPin");
    }

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    RateLimiter limiter(db, now);
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));

    SIGMA_ASSIGN_OR_RETURN(auto seller, db.queryOne("SELECT id FROM sellers WHERE code = $1", {input.sellerCode}));
    if (!seller) {
        return core::Error(core::errc::kInvalidArgument, "unknown seller code", "sellerCode");
    }
    const std::string sellerId = seller->text(0);
    SIGMA_ASSIGN_OR_RETURN(auto activeDevice, db.queryOne("SELECT id FROM devices WHERE serial = $1 AND revoked = 0",
                                                          {input.deviceSerial}));
    if (activeDevice) {
        return core::Error(errc::kConflict, "this device is already registered", "deviceSerial");
    }
    SIGMA_TRY(UserService::releaseExpiredInvitations(db, m_context, *phone));
    SIGMA_TRY(UserService::releaseExpiredInvitations(db, m_context, email));
    SIGMA_ASSIGN_OR_RETURN(auto existingUser,
                           db.queryOne("SELECT id FROM users WHERE phone = $1 OR email = $2", {*phone, email}));
    if (existingUser) {
        return core::Error(errc::kConflict, "an account with this phone or e-mail exists: sign in instead", "phone");
    }

    // The PIN: at most codeAttemptLimit wrong tries per serial, then it is locked.
    SIGMA_ASSIGN_OR_RETURN(auto pins, db.query("SELECT id, pin_hash, attempts FROM activation_pins WHERE serial = $1 "
                                               "AND seller_id = $2 AND used = 0 AND expires_at > $3",
                                               {input.deviceSerial, sellerId, now}));
    std::int64_t attempts = 0;
    for (const auto& pin : pins) {
        attempts = std::max(attempts, pin.int64(2));
    }
    if (attempts >= m_context.config.codeAttemptLimit) {
        return core::Error(errc::kRateLimited, "too many wrong activation PINs: ask the seller for a new one",
                           "activationPin");
    }
    std::optional<std::string> matchedPin;
    for (const auto& pin : pins) {
        if (crypto::PasswordHasher::verify(input.activationPin, pin.text(1))) {
            matchedPin = pin.text(0);
            break;
        }
    }
    if (!matchedPin) {
        SIGMA_TRY(db.execute("UPDATE activation_pins SET attempts = attempts + 1 WHERE serial = $1 AND seller_id = $2 "
                             "AND used = 0",
                             {input.deviceSerial, sellerId}));
        SIGMA_TRY(tx.commit());
        return core::Error(errc::kWrongCode, "wrong activation PIN", "activationPin");
    }

    const std::string smsBucket = "sms:" + *phone;
    SIGMA_ASSIGN_OR_RETURN(auto sent, limiter.count(smsBucket, m_context.config.smsWindowSec));
    if (sent >= m_context.config.smsPerPhoneLimit) {
        return core::Error(errc::kRateLimited, "too many SMS to this phone: try later", "phone");
    }
    SIGMA_TRY(limiter.hit(smsBucket, m_context.config.smsWindowSec));

    RegistrationCreated created{m_context.newId(), m_context.newToken()};
    const std::string code = m_context.newSixDigitCode();
    SIGMA_TRY(db.execute("UPDATE activation_pins SET used = 1 WHERE id = $1", {*matchedPin}));
    SIGMA_TRY(db.execute(
        "INSERT INTO registrations(id, secret_hash, device_serial, business_type, phone, email, seller_id, status, "
        "sms_code_hash, sms_code_expires_at, ip, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'awaitingSms', $8, "
        "$9, $10, $11)",
        {created.registrationId, hashSecret(created.registrationSecret), input.deviceSerial, input.businessType, *phone,
         email, sellerId, hashSecret(created.registrationId + ":" + code),
         now + m_context.config.smsCodeTtlSec * kMicrosPerSecond, ip, now}));
    SIGMA_TRY(tx.commit());
    SIGMA_TRY(m_context.notifier.sendSms(*phone, "Sigma: код подтверждения " + code));
    return created;
}

core::Status AuthService::confirmSmsCode(const std::string& registrationId, const std::string& code)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           db.queryOne("SELECT status, sms_code_hash, sms_code_expires_at, sms_attempts, email "
                                       "FROM registrations WHERE id = $1",
                                       {registrationId}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no such registration");
    }
    if (row->text(0) != "awaitingSms") {
        return core::Error(errc::kConflict, "the SMS code was already confirmed", "code");
    }
    if (row->int64(3) >= m_context.config.codeAttemptLimit) {
        return core::Error(errc::kRateLimited, "too many wrong codes: start the registration again", "code");
    }
    if (row->int64(2) <= now || !crypto::constantTimeEquals(hashSecret(registrationId + ":" + code), row->text(1))) {
        SIGMA_TRY(
            db.execute("UPDATE registrations SET sms_attempts = sms_attempts + 1 WHERE id = $1", {registrationId}));
        SIGMA_TRY(tx.commit());
        return wrongCode("code");
    }
    const std::string token = m_context.newToken();
    const std::string email = row->text(4);
    SIGMA_TRY(db.execute("UPDATE registrations SET status = 'awaitingPassword', sms_code_hash = NULL WHERE id = $1",
                         {registrationId}));
    SIGMA_TRY(db.execute("INSERT INTO one_time_codes(id, code_hash, purpose, subject_id, expires_at, created_at) "
                         "VALUES ($1, $2, 'set-password', $3, $4, $5)",
                         {m_context.newId(), hashSecret(token), registrationId,
                          now + m_context.config.tokenTtlSec * kMicrosPerSecond, now}));
    SIGMA_TRY(tx.commit());
    const std::string link = m_context.config.publicUrl + "/set-password?token=" + token;
    return m_context.notifier.sendMail(email, "Sigma: задайте пароль",
                                       "Здравствуйте!\n\nЧтобы завершить регистрацию в Sigma, задайте пароль:\n" +
                                           link + "\n\nЕсли вы не регистрировались, просто удалите это письмо.\n");
}

core::Result<core::Json> AuthService::registrationStatus(const std::string& registrationId, const std::string& secret)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT secret_hash, status, device_id, device_key FROM registrations "
                                                 "WHERE id = $1",
                                                 {registrationId}));
    if (!row || !crypto::constantTimeEquals(hashSecret(secret), row->text(0))) {
        return core::Error(errc::kUnauthorized, "unknown registration or wrong registration secret");
    }
    core::Json out{{"status", row->text(1)}};
    if (!row->isNull(2)) {
        out["deviceId"] = row->text(2);
    }
    if (!row->isNull(3)) {
        out["deviceKey"] = row->text(3);
        SIGMA_TRY(db.execute("UPDATE registrations SET device_key = NULL WHERE id = $1", {registrationId}));
    }
    SIGMA_TRY(tx.commit());
    return out;
}

core::Status AuthService::setPassword(const std::string& token, const std::string& password)
{
    std::string phone;
    std::string email;
    {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        SIGMA_ASSIGN_OR_RETURN(auto row,
                               db.queryOne("SELECT r.phone, r.email FROM one_time_codes c JOIN registrations r ON "
                                           "r.id = c.subject_id WHERE c.code_hash = $1 AND c.purpose = 'set-password' "
                                           "AND c.used = 0 AND c.expires_at > $2 AND r.status = 'awaitingPassword'",
                                           {hashSecret(token), m_context.nowUs()}));
        if (!row) {
            return wrongCode("token");
        }
        phone = row->text(0);
        email = row->text(1);
    }
    SIGMA_TRY(checkPasswordRules(password, phone, email));
    // Hash outside the lock: Argon2 is the slow part.
    SIGMA_ASSIGN_OR_RETURN(auto passwordHash,
                           crypto::PasswordHasher::hash(password, m_context.config.argon2, m_context.random));

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           db.queryOne("SELECT c.id, r.id, r.business_type, r.device_serial FROM one_time_codes c JOIN "
                                       "registrations r ON r.id = c.subject_id WHERE c.code_hash = $1 AND c.purpose = "
                                       "'set-password' AND c.used = 0 AND c.expires_at > $2 AND r.status = "
                                       "'awaitingPassword'",
                                       {hashSecret(token), now}));
    if (!row) {
        return wrongCode("token");
    }
    SIGMA_TRY(UserService::releaseExpiredInvitations(db, m_context, phone));
    SIGMA_TRY(UserService::releaseExpiredInvitations(db, m_context, email));
    SIGMA_ASSIGN_OR_RETURN(auto existingUser,
                           db.queryOne("SELECT id FROM users WHERE phone = $1 OR email = $2", {phone, email}));
    if (existingUser) {
        return core::Error(errc::kConflict, "an account with this phone or e-mail exists", "token");
    }
    const std::string accountId = m_context.newId();
    const std::string storeId = m_context.newId();
    const std::string userId = m_context.newId();
    const std::string deviceId = m_context.newId();
    const std::string deviceKey = m_context.newToken();
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE id = $1", {row->text(0)}));
    SIGMA_TRY(db.execute("INSERT INTO accounts(id, business_type, business_type_locked, status, created_at) VALUES "
                         "($1, $2, 1, 'active', $3)",
                         {accountId, row->text(2), now}));
    SIGMA_TRY(db.execute("INSERT INTO stores(id, account_id, name, created_at) VALUES ($1, $2, $3, $4)",
                         {storeId, accountId, "Основная точка", now}));
    SIGMA_TRY(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at) "
                         "VALUES ($1, $2, $3, $4, $5, 'owner', 1, $6)",
                         {userId, accountId, phone, email, passwordHash, now}));
    SIGMA_TRY(db.execute("INSERT INTO devices(id, account_id, store_id, serial, revoked, key_hash, created_at) VALUES "
                         "($1, $2, $3, $4, 0, $5, $6)",
                         {deviceId, accountId, storeId, row->text(3), crypto::toHex(crypto::sha256(deviceKey)), now}));
    SIGMA_TRY(db.execute("UPDATE registrations SET status = 'active', account_id = $2, device_id = $3, device_key = $4 "
                         "WHERE id = $1",
                         {row->text(1), accountId, deviceId, deviceKey}));
    SIGMA_TRY(appendAudit(db, m_context, accountId, "user:" + userId, "account.activated",
                          core::Json{{"deviceId", deviceId}, {"serial", row->text(3)}}));
    SIGMA_TRY(appendAudit(db, m_context, accountId, "user:" + userId, "password.set", core::Json::object()));
    SIGMA_TRY(appendAudit(db, m_context, accountId, "user:" + userId, "device.activated",
                          core::Json{{"deviceId", deviceId}, {"serial", row->text(3)}}));
    return tx.commit();
}

core::Result<LoginResult> AuthService::login(const std::string& login, const std::string& password,
                                             const std::string& ip)
{
    SIGMA_ASSIGN_OR_RETURN(std::string key, normalizeLogin(login));
    const std::string loginBucket = "login:" + key;
    const std::string ipBucket = "login-ip:" + ip;
    std::optional<db::Row> user;
    {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        RateLimiter limiter(db, m_context.nowUs());
        SIGMA_ASSIGN_OR_RETURN(auto byLogin, limiter.count(loginBucket, m_context.config.loginWindowSec));
        SIGMA_ASSIGN_OR_RETURN(auto byIp, limiter.count(ipBucket, m_context.config.loginWindowSec));
        if (byLogin >= m_context.config.loginFailureLimit || byIp >= m_context.config.loginFailureLimit) {
            return core::Error(errc::kRateLimited, "too many failed sign-ins: try again later", "login");
        }
        SIGMA_ASSIGN_OR_RETURN(user, db.queryOne("SELECT id, email, phone, role, password_hash, account_id FROM users "
                                                 "WHERE (email = $1 OR phone = $1) AND active = 1",
                                                 {key}));
    }
    const bool good = crypto::PasswordHasher::verify(password, user ? user->text(4) : dummyHash()) && user;
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    RateLimiter limiter(db, now);
    if (!good) {
        SIGMA_TRY(limiter.hit(loginBucket, m_context.config.loginWindowSec));
        SIGMA_TRY(limiter.hit(ipBucket, m_context.config.loginWindowSec));
        // An unknown login goes to the platform's log (no account); the password never does.
        SIGMA_TRY(appendAudit(db, m_context, user ? user->text(5) : std::string(),
                              user ? "user:" + user->text(0) : std::string("anonymous"), "login.failed",
                              core::Json{{"ip", ip}}));
        return core::Error(errc::kUnauthorized, "wrong login or password");
    }
    SIGMA_TRY(limiter.clear(loginBucket));
    LoginResult result{m_context.newToken(), userJson(*user)};
    SIGMA_TRY(db.execute("INSERT INTO sessions(token_hash, user_id, account_id, created_at, expires_at, ip) VALUES "
                         "($1, $2, $3, $4, $5, $6)",
                         {hashSecret(result.token), user->text(0), user->text(5), now,
                          now + m_context.config.sessionTtlSec * kMicrosPerSecond, ip}));
    SIGMA_TRY(db.execute("UPDATE users SET last_login_at = $2 WHERE id = $1", {user->text(0), now}));
    SIGMA_TRY(appendAudit(db, m_context, user->text(5), "user:" + user->text(0), "login.ok", core::Json{{"ip", ip}}));
    return result;
}

const std::string& AuthService::dummyHash()
{
    std::call_once(m_dummyOnce, [this] {
        m_dummyHash = crypto::PasswordHasher::hash(m_context.newToken(16), m_context.config.argon2, m_context.random)
                          .valueOr(std::string());
    });
    return m_dummyHash;
}

core::Status AuthService::logout(const std::string& token)
{
    auto lock = m_context.database.lock();
    return m_context.database.connection().execute("DELETE FROM sessions WHERE token_hash = $1", {hashSecret(token)});
}

core::Result<Session> AuthService::authenticate(const std::string& token)
{
    if (token.empty()) {
        return core::Error(errc::kUnauthorized, "sign in first");
    }
    auto lock = m_context.database.lock();
    SIGMA_ASSIGN_OR_RETURN(auto row, m_context.database.connection().queryOne(
                                         "SELECT s.user_id, s.account_id, u.role FROM sessions s JOIN users u ON u.id "
                                         "= s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1",
                                         {hashSecret(token), m_context.nowUs()}));
    if (!row) {
        return core::Error(errc::kUnauthorized, "the session has ended: sign in again");
    }
    return Session{row->text(0), row->text(1), row->text(2)};
}

core::Result<core::Json> AuthService::me(const Session& session)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto user, db.queryOne("SELECT id, email, phone, role, name FROM users WHERE id = $1 AND "
                                                  "account_id = $2",
                                                  {session.userId, session.accountId}));
    SIGMA_ASSIGN_OR_RETURN(auto account, db.queryOne("SELECT id, business_type, business_type_locked, status FROM "
                                                     "accounts WHERE id = $1",
                                                     {session.accountId}));
    if (!user || !account) {
        return core::Error(errc::kUnauthorized, "the session has ended: sign in again");
    }
    core::Json userOut = userJson(*user);
    userOut["name"] = user->isNull(4) ? core::Json(nullptr) : core::Json(user->text(4));
    userOut["permissions"] = permissionNames(user->text(3));
    return core::Json{{"user", userOut},
                      {"account",
                       {{"id", account->text(0)},
                        {"businessType", account->text(1)},
                        {"businessTypeLocked", account->int64(2) != 0},
                        {"status", account->text(3)}}}};
}

core::Status AuthService::requestPasswordReset(const std::string& login, const std::string& ip)
{
    auto key = normalizeLogin(login);
    if (!key) {
        return key.error();
    }
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    RateLimiter limiter(db, now);
    // Sends are limited per login and per address; over the limit nothing is sent, the answer stays 202.
    SIGMA_ASSIGN_OR_RETURN(auto byLogin, limiter.count("reset:" + *key, m_context.config.smsWindowSec));
    SIGMA_ASSIGN_OR_RETURN(auto byIp, limiter.count("reset-ip:" + ip, m_context.config.smsWindowSec));
    if (byLogin >= m_context.config.smsPerPhoneLimit || byIp >= m_context.config.smsPerPhoneLimit * 4) {
        return core::ok();
    }
    SIGMA_TRY(limiter.hit("reset:" + *key, m_context.config.smsWindowSec));
    SIGMA_TRY(limiter.hit("reset-ip:" + ip, m_context.config.smsWindowSec));
    SIGMA_ASSIGN_OR_RETURN(auto user, db.queryOne("SELECT id, email, phone FROM users WHERE (email = $1 OR phone = $1) "
                                                  "AND active = 1",
                                                  {*key}));
    if (!user) {
        return core::ok();
    }
    if (key->find('@') != std::string::npos) {
        const std::string token = m_context.newToken();
        SIGMA_TRY(
            db.execute("INSERT INTO one_time_codes(id, code_hash, purpose, subject_id, expires_at, created_at) "
                       "VALUES ($1, $2, 'reset-link', $3, $4, $5)",
                       {m_context.newId(), hashSecret(token), user->text(0), now + 3600 * kMicrosPerSecond, now}));
        return m_context.notifier.sendMail(user->text(1), "Sigma: восстановление пароля",
                                           "Здравствуйте!\n\nЧтобы задать новый пароль, откройте ссылку:\n" +
                                               m_context.config.publicUrl + "/reset-password?token=" + token +
                                               "\n\nЕсли вы не просили сменить пароль, просто удалите это письмо.\n");
    }
    const std::string code = m_context.newSixDigitCode();
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE purpose = 'reset-sms' AND subject_id = $1",
                         {user->text(0)}));
    SIGMA_TRY(db.execute("INSERT INTO one_time_codes(id, code_hash, purpose, subject_id, expires_at, created_at) "
                         "VALUES ($1, $2, 'reset-sms', $3, $4, $5)",
                         {m_context.newId(), hashSecret(user->text(0) + ":" + code), user->text(0),
                          now + m_context.config.smsCodeTtlSec * kMicrosPerSecond, now}));
    return m_context.notifier.sendSms(user->text(2), "Sigma: код для смены пароля " + code);
}

core::Status AuthService::confirmPasswordReset(const std::optional<std::string>& token,
                                               const std::optional<std::string>& code,
                                               const std::optional<std::string>& login, const std::string& password)
{
    std::string userId;
    std::string codeId;
    std::string phone;
    std::string email;
    {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        const std::int64_t now = m_context.nowUs();
        if (token) {
            SIGMA_ASSIGN_OR_RETURN(auto row,
                                   db.queryOne("SELECT id, subject_id FROM one_time_codes WHERE code_hash = $1 "
                                               "AND purpose = 'reset-link' AND used = 0 AND expires_at > $2",
                                               {hashSecret(*token), now}));
            if (!row) {
                return wrongCode("token");
            }
            codeId = row->text(0);
            userId = row->text(1);
        } else {
            if (!code || !login) {
                return core::Error(core::errc::kInvalidArgument, "give the token, or the code and the login",
                                   code ? "login" : "code");
            }
            SIGMA_ASSIGN_OR_RETURN(std::string key, normalizeLogin(*login));
            SIGMA_ASSIGN_OR_RETURN(auto user, db.queryOne("SELECT id FROM users WHERE (email = $1 OR phone = $1) AND "
                                                          "active = 1",
                                                          {key}));
            if (!user) {
                return wrongCode("code");
            }
            SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT id, code_hash, attempts FROM one_time_codes WHERE "
                                                         "purpose = 'reset-sms' AND subject_id = $1 AND used = 0 AND "
                                                         "expires_at > $2",
                                                         {user->text(0), now}));
            if (!row) {
                return wrongCode("code");
            }
            if (row->int64(2) >= m_context.config.codeAttemptLimit) {
                return core::Error(errc::kRateLimited, "too many wrong codes: ask for a new one", "code");
            }
            if (!crypto::constantTimeEquals(hashSecret(user->text(0) + ":" + *code), row->text(1))) {
                SIGMA_TRY(
                    db.execute("UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1", {row->text(0)}));
                return wrongCode("code");
            }
            codeId = row->text(0);
            userId = user->text(0);
        }
        SIGMA_ASSIGN_OR_RETURN(auto user, db.queryOne("SELECT phone, email FROM users WHERE id = $1", {userId}));
        if (!user) {
            return wrongCode(token ? "token" : "code");
        }
        phone = user->optionalText(0).value_or("");
        email = user->optionalText(1).value_or("");
    }
    SIGMA_TRY(checkPasswordRules(password, phone, email));
    SIGMA_ASSIGN_OR_RETURN(auto passwordHash,
                           crypto::PasswordHasher::hash(password, m_context.config.argon2, m_context.random));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE id = $1 AND used = 0", {codeId}));
    if (db.changes() != 1) {
        return wrongCode(token ? "token" : "code");
    }
    SIGMA_TRY(db.execute("UPDATE users SET password_hash = $2 WHERE id = $1", {userId, passwordHash}));
    SIGMA_TRY(db.execute("DELETE FROM sessions WHERE user_id = $1", {userId}));
    SIGMA_ASSIGN_OR_RETURN(auto account, db.queryOne("SELECT account_id FROM users WHERE id = $1", {userId}));
    SIGMA_TRY(appendAudit(db, m_context, account ? account->text(0) : std::string(), "user:" + userId, "password.reset",
                          core::Json::object()));
    return tx.commit();
}

core::Status AuthService::createSeller(const std::string& code, const std::string& name)
{
    if (code.empty()) {
        return core::Error(core::errc::kInvalidArgument, "a seller code is required", "code");
    }
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto existing, db.queryOne("SELECT id FROM sellers WHERE code = $1", {code}));
    if (existing) {
        return core::Error(errc::kConflict, "a seller with this code exists", "code");
    }
    return db.execute("INSERT INTO sellers(id, code, name, created_at) VALUES ($1, $2, $3, $4)",
                      {m_context.newId(), code, name, m_context.nowUs()});
}

core::Result<std::string> AuthService::issuePin(const std::string& serial, const std::string& sellerCode)
{
    if (serial.empty()) {
        return core::Error(core::errc::kInvalidArgument, "a serial number is required", "serial");
    }
    const std::string pin = m_context.newSixDigitCode();
    SIGMA_ASSIGN_OR_RETURN(auto pinHash, crypto::PasswordHasher::hash(pin, m_context.config.argon2, m_context.random));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto seller, db.queryOne("SELECT id FROM sellers WHERE code = $1", {sellerCode}));
    if (!seller) {
        return core::Error(core::errc::kNotFound, "no seller with this code", "seller");
    }
    const std::int64_t now = m_context.nowUs();
    SIGMA_TRY(
        db.execute("INSERT INTO activation_pins(id, serial, seller_id, pin_hash, used, attempts, created_at, "
                   "expires_at) VALUES ($1, $2, $3, $4, 0, 0, $5, $6)",
                   {m_context.newId(), serial, seller->text(0), pinHash, now, now + kPinTtlSec * kMicrosPerSecond}));
    return pin;
}

core::Status AuthService::revokeDevice(const std::string& serial)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(auto devices,
                           db.query("SELECT id, account_id FROM devices WHERE serial = $1 AND revoked = 0", {serial}));
    if (devices.empty()) {
        return core::Error(core::errc::kNotFound, "no active device with this serial", "serial");
    }
    SIGMA_TRY(db.execute("UPDATE devices SET revoked = 1 WHERE serial = $1", {serial}));
    for (const auto& device : devices) {
        SIGMA_TRY(appendAudit(db, m_context, device.text(1), "platform", "device.revoked",
                              core::Json{{"deviceId", device.text(0)}, {"serial", serial}}));
    }
    return tx.commit();
}

} // namespace sigma::cloud
