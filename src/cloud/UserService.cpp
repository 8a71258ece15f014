#include "cloud/UserService.h"

#include "cloud/CloudErrors.h"
#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"
#include "core/Phone.h"
#include "crypto/PasswordHasher.h"
#include "db/Transaction.h"

#include <array>

namespace sigma::cloud {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;
constexpr std::size_t kMaxNameChars = 100;
constexpr std::array<std::string_view, 4> kRoles{"owner", "administrator", "cashier", "technician"};

// columns: 0 id, 1 name, 2 email, 3 phone, 4 role, 5 status, 6 last_login_at, 7 invited_at,
// 8 created_at, 9 password_hash
constexpr std::string_view kUserColumns =
    "id, name, email, phone, role, status, last_login_at, invited_at, created_at, password_hash";

core::Json nullable(const std::optional<std::string>& value)
{
    return value ? core::Json(*value) : core::Json(nullptr);
}
core::Json nullable(const std::optional<std::int64_t>& value)
{
    return value ? core::Json(*value) : core::Json(nullptr);
}

/// Counted as characters, not bytes (a Cyrillic letter is two bytes of UTF-8).
std::size_t utf8Length(std::string_view text)
{
    std::size_t n = 0;
    for (const unsigned char c : text) {
        n += (c & 0xC0U) != 0x80U ? 1 : 0;
    }
    return n;
}

core::Result<std::string> parseName(const core::Json& input)
{
    const auto it = input.find("name");
    if (it == input.end() || !it->is_string()) {
        return core::Error(core::errc::kInvalidArgument, "name is required (a string)", "name");
    }
    const std::string name = it->get<std::string>();
    const bool blank = name.find_first_not_of(" \t") == std::string::npos;
    bool control = false;
    for (const unsigned char c : name) {
        control = control || c < 0x20 || c == 0x7F;
    }
    if (blank || control || utf8Length(name) > kMaxNameChars) {
        return core::Error(core::errc::kInvalidArgument,
                           "name is 1 to " + std::to_string(kMaxNameChars) + " characters on one line", "name");
    }
    return name;
}

core::Result<std::string> parseRole(const core::Json& input)
{
    const auto it = input.find("role");
    if (it == input.end() || !it->is_string() || !isKnownRole(it->get<std::string>())) {
        return core::Error(core::errc::kInvalidArgument, "role is owner, administrator, cashier or technician", "role");
    }
    return it->get<std::string>();
}

/// An optional string member: absent and null are "not given"; another type is kInvalidArgument.
core::Result<std::optional<std::string>> optionalString(const core::Json& input, const char* key)
{
    const auto it = input.find(key);
    if (it == input.end() || it->is_null()) {
        return std::optional<std::string>();
    }
    if (!it->is_string()) {
        return core::Error(core::errc::kInvalidArgument, std::string(key) + " is a string", key);
    }
    if (it->get<std::string>().empty()) {
        return std::optional<std::string>();
    }
    return std::optional<std::string>(it->get<std::string>());
}

std::string_view roleInRussian(std::string_view role)
{
    if (role == "owner") {
        return "владелец";
    }
    if (role == "administrator") {
        return "администратор";
    }
    if (role == "cashier") {
        return "кассир";
    }
    return "техник";
}

core::Error wrongToken()
{
    return core::Error(errc::kWrongCode, "the invitation link is wrong, used or expired: ask for a new one", "token");
}

core::Error forbiddenRole()
{
    return core::Error(errc::kForbidden, "only an owner manages owners and administrators", "role");
}

core::Result<std::int64_t> activeOwners(db::Connection& db, const std::string& accountId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT COUNT(*) FROM users WHERE account_id = $1 AND role = 'owner' "
                                                 "AND status = 'active'",
                                                 {accountId}));
    return row ? row->int64(0) : 0;
}

core::Result<db::Row> findUser(db::Connection& db, const Session& session, const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row, db.queryOne("SELECT " + std::string(kUserColumns) + " FROM users WHERE id = $1 AND account_id = $2",
                              {id, session.accountId}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no such user", "id");
    }
    return std::move(*row);
}

bool isLastActiveOwner(const db::Row& user, std::int64_t owners)
{
    return user.text(4) == "owner" && user.text(5) == "active" && owners <= 1;
}

core::Json userJson(const db::Row& row, const Session& session, std::int64_t owners)
{
    const std::string& role = row.text(4);
    const std::string& status = row.text(5);
    const bool self = row.text(0) == session.userId;
    const bool manage = managesRole(session.role, role);
    const bool lastOwner = isLastActiveOwner(row, owners);
    return core::Json{{"id", row.text(0)},
                      {"name", nullable(row.optionalText(1))},
                      {"email", nullable(row.optionalText(2))},
                      {"phone", nullable(row.optionalText(3))},
                      {"role", role},
                      {"status", status},
                      {"lastLoginAt", nullable(row.optionalInt64(6))},
                      {"invitedAt", nullable(row.optionalInt64(7))},
                      {"createdAt", row.int64(8)},
                      {"self", self},
                      {"may",
                       {{"rename", manage || self},
                        {"changeRole", manage && !self && !lastOwner},
                        {"disable", manage && !self && !lastOwner && status != "disabled"},
                        {"enable", manage && status == "disabled"},
                        {"resend", manage && status == "invited"},
                        {"cancel", manage && status == "invited"}}}};
}

core::Result<core::Json> reread(db::Connection& db, const Session& session, const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, findUser(db, session, id));
    SIGMA_ASSIGN_OR_RETURN(auto owners, activeOwners(db, session.accountId));
    return userJson(row, session, owners);
}

/// A user row written with a fresh invitation link, to send once the transaction committed.
struct Invitation {
    core::Json user;
    std::string token;
};

} // namespace

bool managesRole(std::string_view actor, std::string_view target)
{
    if (actor == "owner") {
        return isKnownRole(target);
    }
    return actor == "administrator" && (target == "cashier" || target == "technician");
}

core::Result<core::Json> UserService::list(const Session& session)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT " + std::string(kUserColumns) +
                                                   " FROM users WHERE account_id = $1 ORDER BY created_at, id",
                                               {session.accountId}));
    SIGMA_ASSIGN_OR_RETURN(auto owners, activeOwners(db, session.accountId));
    core::Json users = core::Json::array();
    for (const auto& row : rows) {
        users.push_back(userJson(row, session, owners));
    }
    core::Json roles = core::Json::array();
    for (const auto role : kRoles) {
        if (managesRole(session.role, role)) {
            roles.push_back(std::string(role));
        }
    }
    return core::Json{{"users", users}, {"assignableRoles", roles}};
}

core::Status UserService::countInvitation(db::Connection& db, const Session& session, const std::string& login)
{
    const auto& config = m_context.config;
    RateLimiter limiter(db, m_context.nowUs());
    // Per account (a stolen administrator session cannot spam the world) and per address (nobody
    // is flooded by resends).
    const std::string accountBucket = "invite:" + session.accountId;
    const std::string loginBucket = "invite-to:" + login;
    SIGMA_ASSIGN_OR_RETURN(auto byAccount, limiter.count(accountBucket, config.inviteWindowSec));
    if (byAccount >= config.invitesPerAccountLimit) {
        return core::Error(errc::kRateLimited, "too many invitations from this account: try again in an hour");
    }
    SIGMA_ASSIGN_OR_RETURN(auto byLogin, limiter.count(loginBucket, config.inviteWindowSec));
    if (byLogin >= config.invitesPerLoginLimit) {
        return core::Error(errc::kRateLimited, "too many invitations to this address: try again in an hour",
                           login.find('@') != std::string::npos ? "email" : "phone");
    }
    SIGMA_TRY(limiter.hit(accountBucket, config.inviteWindowSec));
    return limiter.hit(loginBucket, config.inviteWindowSec);
}

core::Result<std::string> UserService::issueLink(db::Connection& db, const std::string& userId)
{
    const std::int64_t now = m_context.nowUs();
    const auto& config = m_context.config;
    const std::string token = m_context.newToken();
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE purpose = 'invite' AND subject_id = $1", {userId}));
    SIGMA_TRY(
        db.execute("INSERT INTO one_time_codes(id, code_hash, purpose, subject_id, expires_at, created_at) "
                   "VALUES ($1, $2, 'invite', $3, $4, $5)",
                   {m_context.newId(), hashSecret(token), userId, now + config.inviteTtlSec * kMicrosPerSecond, now}));
    SIGMA_TRY(db.execute("UPDATE users SET invited_at = $2 WHERE id = $1", {userId, now}));
    return token;
}

core::Status UserService::sendInvitation(const std::string& accountId, const std::string& inviterId,
                                         const core::Json& user, const std::string& token)
{
    std::string accountName;
    std::string inviter;
    {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        // Accounts have no name of their own: the owner's name (or login) is what the people
        // invited know the business by.
        SIGMA_ASSIGN_OR_RETURN(auto owner, db.queryOne("SELECT COALESCE(name, email, phone) FROM users WHERE "
                                                       "account_id = $1 AND role = 'owner' ORDER BY created_at, id "
                                                       "LIMIT 1",
                                                       {accountId}));
        SIGMA_ASSIGN_OR_RETURN(
            auto by, db.queryOne("SELECT COALESCE(name, email, phone) FROM users WHERE id = $1", {inviterId}));
        accountName = owner ? owner->optionalText(0).value_or("") : std::string();
        inviter = by ? by->optionalText(0).value_or("") : std::string();
    }
    const std::string link = m_context.config.publicUrl + "/set-password?token=" + token;
    const std::string hours = std::to_string(m_context.config.inviteTtlSec / 3600);
    const std::string role(roleInRussian(user["role"].get<std::string>()));
    if (user["email"].is_string()) {
        return m_context.notifier.sendMail(
            user["email"].get<std::string>(), "Sigma: приглашение в кабинет",
            "Здравствуйте, " + user["name"].get<std::string>() + "!\n\n" + inviter +
                " приглашает вас в кабинет «Сигма Облако» (" + accountName + ") с ролью «" + role +
                "».\n\nЧтобы войти, задайте пароль по ссылке (она действует " + hours + " ч):\n" + link +
                "\n\nЕсли вы не ждали приглашения, просто удалите это письмо.\n");
    }
    return m_context.notifier.sendSms(user["phone"].get<std::string>(),
                                      "Sigma: вас пригласили в кабинет (" + accountName + "). Задайте пароль: " + link);
}

core::Result<core::Json> UserService::invite(const Session& session, const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    if (!input.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "a JSON object is expected", "body");
    }
    SIGMA_ASSIGN_OR_RETURN(std::string name, parseName(input));
    SIGMA_ASSIGN_OR_RETURN(auto emailInput, optionalString(input, "email"));
    SIGMA_ASSIGN_OR_RETURN(auto phoneInput, optionalString(input, "phone"));
    SIGMA_ASSIGN_OR_RETURN(std::string role, parseRole(input));
    std::optional<std::string> email;
    std::optional<std::string> phone;
    if (emailInput) {
        auto normalized = normalizeLogin(*emailInput);
        if (!normalized || normalized->find('@') == std::string::npos) {
            return core::Error(core::errc::kInvalidArgument, "not an e-mail address", "email");
        }
        email = *normalized;
    }
    if (phoneInput) {
        auto normalized = core::normalizePhone(*phoneInput);
        if (!normalized) {
            return core::Error(core::errc::kInvalidArgument, "not a phone number", "phone");
        }
        phone = *normalized;
    }
    if (!email && !phone) {
        return core::Error(core::errc::kInvalidArgument, "give an e-mail or a phone to send the invitation to",
                           "email");
    }
    if (!managesRole(session.role, role)) {
        return forbiddenRole();
    }

    // The database lease ends before the message goes out: an SMTP server or SMS gateway that
    // takes its time must not hold one of the pool's connections (logins and ingest wait on them).
    auto created = [&]() -> core::Result<Invitation> {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        const std::int64_t now = m_context.nowUs();
        SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
        // Counted before the address is looked up, and kept when it is taken: the 409 tells whether
        // an address is anyone's on the platform, so asking is limited like inviting.
        SIGMA_TRY(countInvitation(db, session, email ? *email : *phone));
        for (const auto& login : {email, phone}) {
            if (login) {
                SIGMA_TRY(releaseExpiredInvitations(db, m_context, *login));
            }
        }
        // One login is one person on the whole platform: the sign-in form has no account to choose.
        std::optional<core::Error> taken;
        if (email) {
            SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT id FROM users WHERE email = $1", {*email}));
            if (row) {
                taken = core::Error(errc::kConflict,
                                    "this e-mail already belongs to a Sigma user (of this or another account)", "email");
            }
        }
        if (phone && !taken) {
            SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT id FROM users WHERE phone = $1", {*phone}));
            if (row) {
                taken = core::Error(errc::kConflict,
                                    "this phone already belongs to a Sigma user (of this or another account)", "phone");
            }
        }
        if (taken) {
            SIGMA_TRY(tx.commit());
            return *taken;
        }
        const std::string id = m_context.newId();
        SIGMA_TRY(
            db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, created_at, name, "
                       "status) VALUES ($1, $2, $3, $4, '', $5, 0, $6, $7, 'invited')",
                       {id, session.accountId, phone ? db::Param(*phone) : db::Param(nullptr),
                        email ? db::Param(*email) : db::Param(nullptr), role, now, name}));
        SIGMA_ASSIGN_OR_RETURN(std::string token, issueLink(db, id));
        SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.invited",
                              core::Json{{"id", id}, {"role", role}, {"via", email ? "email" : "sms"}}));
        SIGMA_ASSIGN_OR_RETURN(auto user, reread(db, session, id));
        SIGMA_TRY(tx.commit());
        return Invitation{std::move(user), std::move(token)};
    }();
    if (!created) {
        return created.error();
    }
    SIGMA_TRY(sendInvitation(session.accountId, session.userId, created->user, created->token));
    return created->user;
}

core::Result<UserService::Change> UserService::beginChange(const Session& session, const std::string& id)
{
    auto lease = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(auto target, findUser(db, session, id));
    return Change{std::move(lease), std::move(tx), std::move(target)};
}

core::Result<UserService::Change> UserService::beginManagedChange(const Session& session, const std::string& id)
{
    SIGMA_ASSIGN_OR_RETURN(auto change, beginChange(session, id));
    if (!managesRole(session.role, change.target.text(4))) {
        return forbiddenRole();
    }
    return change;
}

core::Status UserService::releaseExpiredInvitations(db::Connection& db, const ServiceContext& context,
                                                   const std::string& login)
{
    if (login.empty()) {
        return core::ok();
    }
    const std::int64_t expiredBefore = context.nowUs() - context.config.inviteTtlSec * kMicrosPerSecond;
    SIGMA_ASSIGN_OR_RETURN(auto stale,
                           db.query("SELECT id, account_id FROM users WHERE status = 'invited' AND (email = $1 OR "
                                    "phone = $1) AND COALESCE(invited_at, created_at) < $2",
                                    {login, expiredBefore}));
    for (const auto& row : stale) {
        const std::string id = row.text(0);
        SIGMA_TRY(db.execute("DELETE FROM one_time_codes WHERE subject_id = $1 AND purpose = 'invite'", {id}));
        SIGMA_TRY(db.execute("DELETE FROM users WHERE id = $1 AND status = 'invited'", {id}));
        SIGMA_TRY(appendAudit(db, context, row.text(1), "platform", "user.invitation-expired", core::Json{{"id", id}}));
    }
    return core::ok();
}

core::Result<core::Json> UserService::resendInvitation(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    auto issued = [&]() -> core::Result<Invitation> { // the lease ends before the message goes out
        SIGMA_ASSIGN_OR_RETURN(auto change, beginManagedChange(session, id));
        auto& db = m_context.database.connection();
        auto& tx = change.tx;
        const auto& target = change.target;
        if (target.text(5) != "invited") {
            return core::Error(errc::kConflict, "only a user who has not accepted the invitation yet gets a new link",
                               "id");
        }
        const std::string login = target.optionalText(2).value_or(target.optionalText(3).value_or(""));
        SIGMA_TRY(countInvitation(db, session, login));
        SIGMA_ASSIGN_OR_RETURN(std::string token, issueLink(db, id));
        SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.invitation-resent",
                              core::Json{{"id", id}}));
        SIGMA_ASSIGN_OR_RETURN(auto user, reread(db, session, id));
        SIGMA_TRY(tx.commit());
        return Invitation{std::move(user), std::move(token)};
    }();
    if (!issued) {
        return issued.error();
    }
    SIGMA_TRY(sendInvitation(session.accountId, session.userId, issued->user, issued->token));
    return issued->user;
}

core::Result<core::Json> UserService::update(const Session& session, const std::string& id, const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    if (!input.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "a JSON object is expected", "body");
    }
    std::optional<std::string> name;
    std::optional<std::string> role;
    if (input.contains("name")) {
        SIGMA_ASSIGN_OR_RETURN(name, parseName(input));
    }
    if (input.contains("role")) {
        SIGMA_ASSIGN_OR_RETURN(role, parseRole(input));
    }
    if (!name && !role) {
        return core::Error(core::errc::kInvalidArgument, "give a new role or name", "role");
    }
    SIGMA_ASSIGN_OR_RETURN(auto change, beginChange(session, id));
    auto& db = m_context.database.connection();
    auto& tx = change.tx;
    const auto& target = change.target;
    const bool self = target.text(0) == session.userId;
    const std::string& oldRole = target.text(4);
    // One's own name is one's own business; everything else needs the right over the target.
    if (!self && !managesRole(session.role, oldRole)) {
        return forbiddenRole();
    }
    core::Json details{{"id", id}};
    if (role && *role != oldRole) {
        if (!managesRole(session.role, oldRole) || !managesRole(session.role, *role)) {
            return forbiddenRole();
        }
        SIGMA_ASSIGN_OR_RETURN(auto owners, activeOwners(db, session.accountId));
        if (isLastActiveOwner(target, owners)) {
            return core::Error(errc::kConflict,
                               "the account's last active owner cannot be demoted: make someone else an owner first",
                               "role");
        }
        if (self) {
            return core::Error(errc::kConflict, "you cannot change your own role: ask another owner", "role");
        }
        SIGMA_TRY(db.execute("UPDATE users SET role = $2 WHERE id = $1", {id, *role}));
        details["role"] = *role;
        details["previousRole"] = oldRole;
    }
    if (name && *name != target.optionalText(1).value_or("")) {
        SIGMA_TRY(db.execute("UPDATE users SET name = $2 WHERE id = $1", {id, *name}));
        details["name"] = *name;
    }
    if (details.size() > 1) {
        SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.updated", details));
    }
    SIGMA_ASSIGN_OR_RETURN(auto user, reread(db, session, id));
    SIGMA_TRY(tx.commit());
    return user;
}

core::Result<core::Json> UserService::disable(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    SIGMA_ASSIGN_OR_RETURN(auto change, beginManagedChange(session, id));
    auto& db = m_context.database.connection();
    auto& tx = change.tx;
    const auto& target = change.target;
    if (target.text(5) == "disabled") {
        return core::Error(errc::kConflict, "the user is disabled already", "id");
    }
    SIGMA_ASSIGN_OR_RETURN(auto owners, activeOwners(db, session.accountId));
    if (isLastActiveOwner(target, owners)) {
        return core::Error(errc::kConflict, "the account's last active owner cannot be disabled", "id");
    }
    if (target.text(0) == session.userId) {
        return core::Error(errc::kConflict, "you cannot disable yourself: ask another owner", "id");
    }
    SIGMA_TRY(db.execute("UPDATE users SET status = 'disabled', active = 0 WHERE id = $1", {id}));
    // At once: the sessions go, and so does any invitation link still open.
    SIGMA_TRY(db.execute("DELETE FROM sessions WHERE user_id = $1", {id}));
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE subject_id = $1 AND purpose IN ('invite', "
                         "'reset-link', 'reset-sms')",
                         {id}));
    SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.disabled",
                          core::Json{{"id", id}, {"role", target.text(4)}}));
    SIGMA_ASSIGN_OR_RETURN(auto user, reread(db, session, id));
    SIGMA_TRY(tx.commit());
    return user;
}

core::Status UserService::cancelInvitation(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    SIGMA_ASSIGN_OR_RETURN(auto change, beginManagedChange(session, id));
    auto& db = m_context.database.connection();
    auto& tx = change.tx;
    const auto& target = change.target;
    if (target.text(5) != "invited") {
        return core::Error(errc::kConflict, "only an invitation nobody accepted yet can be cancelled: disable the user",
                           "id");
    }
    // Never signed in, owns nothing: the row goes, and with it the hold on the e-mail or phone.
    SIGMA_TRY(db.execute("DELETE FROM one_time_codes WHERE subject_id = $1 AND purpose = 'invite'", {id}));
    SIGMA_TRY(db.execute("DELETE FROM users WHERE id = $1 AND account_id = $2 AND status = 'invited'",
                         {id, session.accountId}));
    SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.invitation-cancelled",
                          core::Json{{"id", id}, {"role", target.text(4)}}));
    return tx.commit();
}

core::Result<core::Json> UserService::enable(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::ManageUsers));
    SIGMA_ASSIGN_OR_RETURN(auto change, beginManagedChange(session, id));
    auto& db = m_context.database.connection();
    auto& tx = change.tx;
    const auto& target = change.target;
    if (target.text(5) != "disabled") {
        return core::Error(errc::kConflict, "the user is not disabled", "id");
    }
    const bool hasPassword = !target.text(9).empty();
    SIGMA_TRY(db.execute("UPDATE users SET status = $2, active = $3 WHERE id = $1",
                         {id, hasPassword ? "active" : "invited", std::int64_t{hasPassword ? 1 : 0}}));
    SIGMA_TRY(appendAudit(db, m_context, session.accountId, "user:" + session.userId, "user.enabled",
                          core::Json{{"id", id}, {"role", target.text(4)}}));
    SIGMA_ASSIGN_OR_RETURN(auto user, reread(db, session, id));
    SIGMA_TRY(tx.commit());
    return user;
}

core::Result<core::Json> UserService::invitation(const std::string& token)
{
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(
        auto row, db.queryOne("SELECT u.name, u.role, u.email, u.phone, a.business_type, c.expires_at, u.account_id "
                              "FROM one_time_codes c JOIN users u ON u.id = c.subject_id JOIN accounts a ON a.id = "
                              "u.account_id WHERE c.code_hash = $1 AND c.purpose = 'invite' AND c.used = 0 AND "
                              "c.expires_at > $2 AND u.status = 'invited'",
                              {hashSecret(token), m_context.nowUs()}));
    if (!row) {
        return wrongToken();
    }
    SIGMA_ASSIGN_OR_RETURN(auto owner, db.queryOne("SELECT COALESCE(name, email, phone) FROM users WHERE account_id = "
                                                   "$1 AND role = 'owner' ORDER BY created_at, id LIMIT 1",
                                                   {row->text(6)}));
    return core::Json{
        {"name", nullable(row->optionalText(0))},
        {"role", row->text(1)},
        {"email", nullable(row->optionalText(2))},
        {"phone", nullable(row->optionalText(3))},
        {"account",
         {{"name", owner ? nullable(owner->optionalText(0)) : core::Json(nullptr)}, {"businessType", row->text(4)}}},
        {"expiresAt", row->int64(5)}};
}

core::Result<bool> UserService::acceptInvitation(const std::string& token, const std::string& password)
{
    std::string userId;
    {
        auto lock = m_context.database.lock();
        auto& db = m_context.database.connection();
        SIGMA_ASSIGN_OR_RETURN(auto row, db.queryOne("SELECT u.id, u.phone, u.email FROM one_time_codes c JOIN users u "
                                                     "ON u.id = c.subject_id WHERE c.code_hash = $1 AND c.purpose = "
                                                     "'invite' AND c.used = 0 AND c.expires_at > $2 AND u.status = "
                                                     "'invited'",
                                                     {hashSecret(token), m_context.nowUs()}));
        if (!row) {
            return false;
        }
        userId = row->text(0);
        SIGMA_TRY(checkPasswordRules(password, row->optionalText(1).value_or(""), row->optionalText(2).value_or("")));
    }
    // Hash outside the lease: Argon2 is the slow part.
    SIGMA_ASSIGN_OR_RETURN(auto passwordHash,
                           crypto::PasswordHasher::hash(password, m_context.config.argon2, m_context.random));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::int64_t now = m_context.nowUs();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    // The link may have been used, replaced or the user disabled while the password was hashed.
    SIGMA_TRY(db.execute("UPDATE one_time_codes SET used = 1 WHERE code_hash = $1 AND purpose = 'invite' AND used = 0 "
                         "AND expires_at > $2",
                         {hashSecret(token), now}));
    if (db.changes() != 1) {
        return wrongToken();
    }
    SIGMA_TRY(
        db.execute("UPDATE users SET password_hash = $2, status = 'active', active = 1 WHERE id = $1 AND status = "
                   "'invited'",
                   {userId, passwordHash}));
    if (db.changes() != 1) {
        return wrongToken();
    }
    SIGMA_ASSIGN_OR_RETURN(auto account, db.queryOne("SELECT account_id FROM users WHERE id = $1", {userId}));
    SIGMA_TRY(appendAudit(db, m_context, account ? account->text(0) : std::string(), "user:" + userId, "user.activated",
                          core::Json{{"id", userId}}));
    SIGMA_TRY(tx.commit());
    return true;
}

} // namespace sigma::cloud
