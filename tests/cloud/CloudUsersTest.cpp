// Cabinet users («Настройки → Пользователи»): invitations by e-mail and SMS and their links,
// who may manage whom, the self and last-owner rules, disabling that ends sessions, logins
// unique across accounts, malformed bodies, another tenant's ids, CSRF, rate limits and the
// audit log.

#include "cloud/Permissions.h"
#include "cloud/UserService.h"

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

constexpr const char* kInviteePassword = "Invited-Horse-77";

class CloudUsersTest : public CloudFixture {
protected:
    void configure(CloudConfig& config) override
    {
        config.invitesPerAccountLimit = 12;
        config.invitesPerLoginLimit = 3;
    }

    net::HttpResponse invite(const std::string& cookie, const std::string& name, const std::string& email,
                             const std::string& role)
    {
        return post("/api/v1/users", {{"name", name}, {"email", email}, {"role", role}}, cookie);
    }

    /// Invites by e-mail and returns the new user's id (the test fails on anything but 201).
    std::string invited(const std::string& cookie, const std::string& name, const std::string& email,
                        const std::string& role)
    {
        auto response = invite(cookie, name, email, role);
        EXPECT_EQ(response.status, 201) << response.body;
        return json(response).value("id", "");
    }

    /// The token of the newest invitation mail to `email`.
    std::string inviteToken(const std::string& email) const
    {
        std::string token;
        for (const auto& mail : mails()) {
            if (mail.find("To: " + email + "\r\n") != std::string::npos) {
                token = tokenIn(mail, "/set-password");
            }
        }
        return token;
    }

    /// Accepts the newest invitation to `email` and signs in: the invitee's session cookie.
    std::string accept(const std::string& email)
    {
        auto set = post("/api/v1/auth/set-password", {{"token", inviteToken(email)}, {"password", kInviteePassword}});
        EXPECT_EQ(set.status, 200) << set.body;
        return login(email, kInviteePassword);
    }

    net::HttpResponse action(const std::string& id, const std::string& what, const std::string& cookie)
    {
        return post("/api/v1/users/" + id + "/" + what, core::Json::object(), cookie);
    }
    net::HttpResponse put(const std::string& id, const core::Json& body, const std::string& cookie)
    {
        return send("PUT", "/api/v1/users/" + id, body.dump(), cookie);
    }

    core::Json userIn(const std::string& cookie, const std::string& id)
    {
        const auto list = json(send("GET", "/api/v1/users", {}, cookie));
        for (const auto& user : list["users"]) {
            if (user["id"] == id) {
                return user;
            }
        }
        return core::Json();
    }

    std::string idOf(const std::string& cookie)
    {
        return json(send("GET", "/api/v1/me", {}, cookie))["user"]["id"].get<std::string>();
    }

    std::int64_t count(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().message);
        return row.ok() && row->has_value() && !(*row)->isNull(0) ? (*row)->int64(0) : -1;
    }

    std::vector<core::Json> audit(const std::string& cookie)
    {
        std::vector<core::Json> entries;
        const auto page = json(send("GET", "/api/v1/audit?limit=200", {}, cookie));
        for (const auto& entry : page["entries"]) {
            entries.push_back(entry);
        }
        return entries;
    }
    static bool hasAction(const std::vector<core::Json>& entries, const std::string& action)
    {
        return std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e["action"] == action; });
    }
    static std::string message(const net::HttpResponse& response)
    {
        return json(response)["error"].value("message", "");
    }
};

TEST(CloudUserRules, OwnersManageEveryRoleAdministratorsOnlyTheTills)
{
    for (const char* role : {"owner", "administrator", "cashier", "technician"}) {
        EXPECT_TRUE(managesRole("owner", role)) << role;
    }
    EXPECT_FALSE(managesRole("administrator", "owner"));
    EXPECT_FALSE(managesRole("administrator", "administrator"));
    EXPECT_TRUE(managesRole("administrator", "cashier"));
    EXPECT_TRUE(managesRole("administrator", "technician"));
    for (const char* role : {"cashier", "technician", "root", ""}) {
        EXPECT_FALSE(managesRole(role, "cashier")) << role;
    }
    EXPECT_FALSE(managesRole("owner", "root"));
}

TEST_P(CloudUsersTest, InvitedCashierSetsAPasswordAndHasExactlyTheRolesRights)
{
    const auto owner = registerAccount("SN-U1", "9994440001", "owner-u1@example.com");
    auto created = invite(owner.cookie, "Ирина Кассирова", "Irina@Example.com", "cashier");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto user = json(created);
    EXPECT_EQ(user["email"], "irina@example.com"); // stored as the login is typed at sign-in
    EXPECT_EQ(user["status"], "invited");
    EXPECT_EQ(user["role"], "cashier");
    EXPECT_TRUE(user["lastLoginAt"].is_null());
    EXPECT_TRUE(user["may"]["resend"].get<bool>());

    // The mail names the invitee, who invited them and the role; its link is the set-password page.
    const auto mail = mails().back();
    EXPECT_NE(mail.find("To: irina@example.com"), std::string::npos);
    EXPECT_NE(mail.find("Ирина Кассирова"), std::string::npos);
    EXPECT_NE(mail.find("кассир"), std::string::npos);
    EXPECT_NE(mail.find("72"), std::string::npos);
    const auto token = inviteToken("irina@example.com");
    ASSERT_FALSE(token.empty());

    // The page greets them by name, with the account and the role.
    auto greeting = send("GET", "/api/v1/auth/invitation?token=" + token);
    ASSERT_EQ(greeting.status, 200) << greeting.body;
    EXPECT_EQ(json(greeting)["name"], "Ирина Кассирова");
    EXPECT_EQ(json(greeting)["role"], "cashier");
    EXPECT_EQ(json(greeting)["account"]["name"], owner.email);
    EXPECT_EQ(json(greeting)["account"]["businessType"], "trade");

    // An invited user cannot sign in before choosing a password.
    EXPECT_EQ(post("/api/v1/auth/login", {{"login", "irina@example.com"}, {"password", ""}}).status, 401);
    // The password rules hold (not the e-mail itself), then the link works once.
    auto weak = post("/api/v1/auth/set-password", {{"token", token}, {"password", "irina@example.com"}});
    EXPECT_EQ(weak.status, 400);
    EXPECT_EQ(errorCode(weak), "weak_password");
    auto set = post("/api/v1/auth/set-password", {{"token", token}, {"password", kInviteePassword}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", kInviteePassword}}).status, 400);
    EXPECT_EQ(send("GET", "/api/v1/auth/invitation?token=" + token).status, 400);

    const auto cashier = login("IRINA@example.com", kInviteePassword);
    ASSERT_FALSE(cashier.empty());
    auto me = json(send("GET", "/api/v1/me", {}, cashier));
    EXPECT_EQ(me["user"]["role"], "cashier");
    EXPECT_EQ(me["user"]["name"], "Ирина Кассирова");
    EXPECT_EQ(me["user"]["permissions"], (core::Json{"viewAccount", "viewCatalog"}));
    EXPECT_EQ(me["account"]["id"], json(send("GET", "/api/v1/me", {}, owner.cookie))["account"]["id"]);
    // Exactly a cashier's rights: the catalog, not the analytics, staff, audit or users.
    EXPECT_EQ(send("GET", "/api/v1/products", {}, cashier).status, 200);
    for (const char* path :
         {"/api/v1/analytics?from=2026-11-01&to=2026-11-30", "/api/v1/employees", "/api/v1/audit", "/api/v1/users"}) {
        auto denied = send("GET", path, {}, cashier);
        EXPECT_EQ(denied.status, 403) << path;
        EXPECT_EQ(errorCode(denied), "forbidden") << path;
    }
    EXPECT_EQ(invite(cashier, "x", "x@example.com", "cashier").status, 403);

    auto listed = userIn(owner.cookie, user["id"]);
    EXPECT_EQ(listed["status"], "active");
    EXPECT_TRUE(listed["lastLoginAt"].is_number_integer());
    EXPECT_FALSE(listed["may"]["resend"].get<bool>());
    const auto entries = audit(owner.cookie);
    EXPECT_TRUE(hasAction(entries, "user.invited"));
    EXPECT_TRUE(hasAction(entries, "user.activated"));
}

TEST_P(CloudUsersTest, InvitationBySmsWhenThereIsOnlyAPhone)
{
    const auto owner = registerAccount("SN-U2", "9994440002", "owner-u2@example.com");
    auto created =
        post("/api/v1/users", {{"name", "Пётр"}, {"phone", "8 (999) 444-00-12"}, {"role", "technician"}}, owner.cookie);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(json(created)["phone"], "+79994440012");
    EXPECT_TRUE(json(created)["email"].is_null());
    const auto sms = lastSms("+79994440012");
    const auto token = tokenIn(sms, "/set-password");
    ASSERT_FALSE(token.empty()) << sms;
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", kInviteePassword}}).status, 200);
    const auto technician = login("+7 999 444 00 12", kInviteePassword);
    EXPECT_EQ(json(send("GET", "/api/v1/me", {}, technician))["user"]["role"], "technician");
}

TEST_P(CloudUsersTest, ResendingReplacesTheLinkAndLinksExpireAfter72Hours)
{
    const auto owner = registerAccount("SN-U3", "9994440003", "owner-u3@example.com");
    const auto id = invited(owner.cookie, "Анна", "anna@example.com", "administrator");
    const auto first = inviteToken("anna@example.com");
    auto resent = action(id, "invite", owner.cookie);
    ASSERT_EQ(resent.status, 200) << resent.body;
    const auto second = inviteToken("anna@example.com");
    ASSERT_NE(first, second);
    // The old link is dead at once, for the greeting and for the password.
    EXPECT_EQ(send("GET", "/api/v1/auth/invitation?token=" + first).status, 400);
    auto old = post("/api/v1/auth/set-password", {{"token", first}, {"password", kInviteePassword}});
    EXPECT_EQ(old.status, 400);
    EXPECT_EQ(errorField(old), "token");

    // 71 hours later the new link still works; another user's, 73 hours old, does not.
    const auto lateId = invited(owner.cookie, "Борис", "boris@example.com", "cashier");
    m_clock.advance(std::chrono::hours(71));
    EXPECT_EQ(send("GET", "/api/v1/auth/invitation?token=" + second).status, 200);
    m_clock.advance(std::chrono::hours(2));
    EXPECT_EQ(send("GET", "/api/v1/auth/invitation?token=" + inviteToken("boris@example.com")).status, 400);
    EXPECT_EQ(
        post("/api/v1/auth/set-password", {{"token", inviteToken("boris@example.com")}, {"password", kInviteePassword}})
            .status,
        400);
    // ... until the owner sends a new one.
    ASSERT_EQ(action(lateId, "invite", owner.cookie).status, 200);
    EXPECT_FALSE(accept("boris@example.com").empty());
    // An active user gets no invitation.
    auto active = action(lateId, "invite", owner.cookie);
    EXPECT_EQ(active.status, 409);
    EXPECT_EQ(errorCode(active), "conflict");
    EXPECT_TRUE(hasAction(audit(owner.cookie), "user.invitation-resent"));
}

TEST_P(CloudUsersTest, AnAdministratorManagesOnlyCashiersAndTechnicians)
{
    const auto owner = registerAccount("SN-U4", "9994440004", "owner-u4@example.com");
    const auto ownerId = idOf(owner.cookie);
    const auto adminId = invited(owner.cookie, "Админ", "admin-u4@example.com", "administrator");
    const auto otherAdminId = invited(owner.cookie, "Второй админ", "admin2-u4@example.com", "administrator");
    const auto admin = accept("admin-u4@example.com");

    auto list = json(send("GET", "/api/v1/users", {}, admin));
    EXPECT_EQ(list["assignableRoles"], (core::Json{"cashier", "technician"}));
    EXPECT_EQ(json(send("GET", "/api/v1/users", {}, owner.cookie))["assignableRoles"],
              (core::Json{"owner", "administrator", "cashier", "technician"}));
    // What the list offers the administrator: nothing over owners and administrators.
    const auto ownerSeen = userIn(admin, ownerId);
    for (const char* may : {"changeRole", "disable", "rename", "resend"}) {
        EXPECT_FALSE(ownerSeen["may"][may].get<bool>()) << may;
    }
    EXPECT_FALSE(userIn(admin, otherAdminId)["may"]["resend"].get<bool>());
    EXPECT_TRUE(userIn(admin, adminId)["may"]["rename"].get<bool>());
    EXPECT_FALSE(userIn(admin, adminId)["may"]["changeRole"].get<bool>());

    // The administrator cannot invite an owner or an administrator ...
    for (const char* role : {"owner", "administrator"}) {
        auto denied = invite(admin, "Кто-то", std::string("x-") + role + "@example.com", role);
        EXPECT_EQ(denied.status, 403) << role;
        EXPECT_EQ(errorField(denied), "role");
    }
    // ... nor touch one.
    for (const auto& response :
         {action(ownerId, "disable", admin), put(ownerId, {{"role", "cashier"}}, admin),
          put(ownerId, {{"name", "Переименован"}}, admin), action(otherAdminId, "invite", admin),
          action(otherAdminId, "disable", admin), put(otherAdminId, {{"role", "cashier"}}, admin)}) {
        EXPECT_EQ(response.status, 403) << response.body;
    }
    // Not even oneself: an administrator's role is the owner's to change.
    EXPECT_EQ(put(adminId, {{"role", "owner"}}, admin).status, 403);
    // Cashiers and technicians are theirs to manage, but not to promote.
    const auto cashierId = invited(admin, "Кассир", "cashier-u4@example.com", "cashier");
    EXPECT_EQ(put(cashierId, {{"role", "administrator"}}, admin).status, 403);
    auto changed = put(cashierId, {{"role", "technician"}, {"name", "Техник"}}, admin);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(json(changed)["role"], "technician");
    EXPECT_EQ(json(changed)["name"], "Техник");
    EXPECT_EQ(action(cashierId, "invite", admin).status, 200);
    EXPECT_EQ(action(cashierId, "disable", admin).status, 200);
    EXPECT_EQ(action(cashierId, "enable", admin).status, 200);
    // One's own name is one's own.
    EXPECT_EQ(put(adminId, {{"name", "Анна Админ"}}, admin).status, 200);
    // Nothing about the owner changed.
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = $1 AND role = 'owner' AND status = 'active'", {ownerId}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = $1 AND role = 'administrator' AND status = 'invited'",
                    {otherAdminId}),
              1);
}

TEST_P(CloudUsersTest, NobodyDisablesOrDemotesThemselvesAndTheLastOwnerStays)
{
    const auto a = registerAccount("SN-U5", "9994440005", "owner-u5@example.com");
    const auto aId = idOf(a.cookie);
    // The only owner: neither demoted nor disabled, and the list offers neither.
    auto demote = put(aId, {{"role", "administrator"}}, a.cookie);
    EXPECT_EQ(demote.status, 409);
    EXPECT_NE(message(demote).find("last active owner"), std::string::npos) << demote.body;
    auto disable = action(aId, "disable", a.cookie);
    EXPECT_EQ(disable.status, 409);
    EXPECT_NE(message(disable).find("last active owner"), std::string::npos) << disable.body;
    EXPECT_FALSE(userIn(a.cookie, aId)["may"]["disable"].get<bool>());
    EXPECT_FALSE(userIn(a.cookie, aId)["may"]["changeRole"].get<bool>());
    // An invited owner does not count: only an active one can sign in and manage the account.
    const auto bId = invited(a.cookie, "Второй владелец", "owner2-u5@example.com", "owner");
    EXPECT_EQ(put(aId, {{"role", "administrator"}}, a.cookie).status, 409);
    const auto b = accept("owner2-u5@example.com");

    // Two active owners: still nobody demotes or disables themselves.
    auto self = put(aId, {{"role", "administrator"}}, a.cookie);
    EXPECT_EQ(self.status, 409);
    EXPECT_NE(message(self).find("your own role"), std::string::npos) << self.body;
    auto selfDisable = action(aId, "disable", a.cookie);
    EXPECT_EQ(selfDisable.status, 409);
    EXPECT_NE(message(selfDisable).find("yourself"), std::string::npos) << selfDisable.body;
    EXPECT_TRUE(userIn(a.cookie, bId)["may"]["disable"].get<bool>());

    // A demotes B: B's very next request has an administrator's rights.
    EXPECT_EQ(send("GET", "/api/v1/audit", {}, b).status, 200);
    ASSERT_EQ(put(bId, {{"role", "administrator"}}, a.cookie).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/audit", {}, b).status, 403);
    ASSERT_EQ(put(bId, {{"role", "owner"}}, a.cookie).status, 200);

    // B disables A: A's session ends at once, and A cannot sign in.
    ASSERT_EQ(send("GET", "/api/v1/me", {}, a.cookie).status, 200);
    auto off = action(aId, "disable", b);
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_EQ(json(off)["status"], "disabled");
    EXPECT_EQ(send("GET", "/api/v1/me", {}, a.cookie).status, 401);
    EXPECT_EQ(count("SELECT COUNT(*) FROM sessions WHERE user_id = $1", {aId}), 0);
    EXPECT_EQ(post("/api/v1/auth/login", {{"login", a.email}, {"password", a.password}}).status, 401);
    EXPECT_EQ(action(aId, "disable", b).status, 409); // already
    // Now B is the last active owner.
    EXPECT_EQ(put(bId, {{"role", "cashier"}}, b).status, 409);
    EXPECT_FALSE(userIn(b, bId)["may"]["disable"].get<bool>());
    // Enabled again, A signs in with the old password.
    auto on = action(aId, "enable", b);
    ASSERT_EQ(on.status, 200) << on.body;
    EXPECT_EQ(json(on)["status"], "active");
    EXPECT_EQ(action(aId, "enable", b).status, 409); // not disabled
    EXPECT_FALSE(login(a.email, a.password).empty());

    const auto entries = audit(b);
    EXPECT_TRUE(hasAction(entries, "user.disabled"));
    EXPECT_TRUE(hasAction(entries, "user.enabled"));
    EXPECT_TRUE(hasAction(entries, "user.updated"));
    for (const auto& e : entries) {
        if (e["action"] == "user.updated" && e["details"]["role"] == "administrator") {
            EXPECT_EQ(e["details"]["previousRole"], "owner");
            EXPECT_EQ(e["actor"], "user:" + aId);
        }
    }
}

TEST_P(CloudUsersTest, DisablingAnInvitedUserKillsTheLinkAndEnablingLeavesThemInvited)
{
    const auto owner = registerAccount("SN-U6", "9994440006", "owner-u6@example.com");
    const auto id = invited(owner.cookie, "Сергей", "sergey@example.com", "cashier");
    const auto token = inviteToken("sergey@example.com");
    ASSERT_EQ(action(id, "disable", owner.cookie).status, 200);
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", kInviteePassword}}).status, 400);
    auto on = action(id, "enable", owner.cookie);
    ASSERT_EQ(on.status, 200);
    EXPECT_EQ(json(on)["status"], "invited");
    EXPECT_TRUE(json(on)["may"]["resend"].get<bool>());
    ASSERT_EQ(action(id, "invite", owner.cookie).status, 200);
    EXPECT_FALSE(accept("sergey@example.com").empty());
}

TEST_P(CloudUsersTest, AnEmailOrPhoneInUseAnywhereIsAConflict)
{
    const auto a = registerAccount("SN-U7", "9994440007", "owner-u7@example.com");
    const auto b = registerAccount("SN-U8", "9994440008", "owner-u8@example.com");
    ASSERT_EQ(post("/api/v1/users", {{"name", "Ольга"}, {"phone", "9994440099"}, {"role", "cashier"}}, b.cookie).status,
              201);
    const auto before = count("SELECT COUNT(*) FROM users");
    for (const auto& [body, field] : std::vector<std::pair<core::Json, std::string>>{
             {{{"name", "Я"}, {"email", "owner-u7@example.com"}, {"role", "cashier"}}, "email"},
             {{{"name", "Он"}, {"email", "OWNER-U8@example.com"}, {"role", "cashier"}}, "email"},
             {{{"name", "Она"}, {"phone", "+7 999 444-00-99"}, {"role", "cashier"}}, "phone"},
             {{{"name", "Они"}, {"phone", "9994440008"}, {"role", "cashier"}}, "phone"}}) {
        auto response = post("/api/v1/users", body, a.cookie);
        EXPECT_EQ(response.status, 409) << body.dump();
        EXPECT_EQ(errorField(response), field) << body.dump();
        EXPECT_NE(message(response).find("already belongs"), std::string::npos) << response.body;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), before);
    // Each refusal counted as an invitation: whether an address is anyone's is not free to ask.
    const auto accountId = json(send("GET", "/api/v1/me", {}, a.cookie))["account"]["id"].get<std::string>();
    EXPECT_EQ(count("SELECT count FROM rate_limits WHERE bucket = $1", {"invite:" + accountId}), 4);
}

TEST_P(CloudUsersTest, AnExpiredInvitationNoLongerHoldsTheAddress)
{
    const auto a = registerAccount("SN-U9", "9994440019", "owner-u9@example.com");
    const auto b = registerAccount("SN-U10", "9994440020", "owner-u10@example.com");
    const auto stale = invited(a.cookie, "Пётр", "held@example.com", "cashier");
    // While the link lives, the address is the invited person's.
    EXPECT_EQ(invite(b.cookie, "Пётр", "held@example.com", "cashier").status, 409);
    // Nobody accepted it in 72 hours: another account may invite that person now.
    m_clock.advance(std::chrono::hours(73));
    const auto fresh = invited(b.cookie, "Пётр", "held@example.com", "cashier");
    EXPECT_NE(fresh, stale);
    EXPECT_TRUE(userIn(a.cookie, stale).is_null()); // gone from the first account's list
    EXPECT_TRUE(hasAction(audit(a.cookie), "user.invitation-expired"));
    EXPECT_FALSE(accept("held@example.com").empty()); // the new link works
}

TEST_P(CloudUsersTest, AnInvitationNobodyAcceptedCanBeCancelled)
{
    const auto a = registerAccount("SN-U11", "9994440021", "owner-u11@example.com");
    const auto b = registerAccount("SN-U12", "9994440022", "owner-u12@example.com");
    const auto id = invited(a.cookie, "Вера", "vera@example.com", "cashier");
    const auto token = inviteToken("vera@example.com");
    EXPECT_EQ(userIn(a.cookie, id)["may"]["cancel"], true);
    // Another account's id, a request from another site: refused, nothing changes.
    EXPECT_EQ(send("DELETE", "/api/v1/users/" + id, {}, b.cookie).status, 404);
    EXPECT_EQ(send("DELETE", "/api/v1/users/" + id, {}, a.cookie, {{"Origin", "http://evil.test"}}).status, 403);
    EXPECT_FALSE(userIn(a.cookie, id).is_null());

    ASSERT_EQ(send("DELETE", "/api/v1/users/" + id, {}, a.cookie).status, 204);
    EXPECT_TRUE(userIn(a.cookie, id).is_null());
    EXPECT_TRUE(hasAction(audit(a.cookie), "user.invitation-cancelled"));
    EXPECT_EQ(send("GET", "/api/v1/auth/invitation?token=" + token).status, 400); // the link is dead
    EXPECT_EQ(send("DELETE", "/api/v1/users/" + id, {}, a.cookie).status, 404);
    // The address is free at once: another account may invite that person.
    invited(b.cookie, "Вера", "vera@example.com", "cashier");

    // A user who set a password is disabled, not cancelled.
    const auto active = invited(a.cookie, "Глеб", "gleb@example.com", "cashier");
    EXPECT_FALSE(accept("gleb@example.com").empty());
    EXPECT_EQ(userIn(a.cookie, active)["may"]["cancel"], false);
    auto refused = send("DELETE", "/api/v1/users/" + active, {}, a.cookie);
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_FALSE(userIn(a.cookie, active).is_null());
}

TEST_P(CloudUsersTest, MalformedBodiesNameTheField)
{
    const auto owner = registerAccount("SN-U9", "9994440009", "owner-u9@example.com");
    const auto before = count("SELECT COUNT(*) FROM users");
    const std::string longName(101, 'x');
    const std::vector<std::pair<std::string, std::string>> invites{
        {"{\"name\": ", "body"},
        {"[1, 2]", "body"},
        {R"({"email": "a@example.com", "role": "cashier"})", "name"},
        {R"({"name": 5, "email": "a@example.com", "role": "cashier"})", "name"},
        {R"({"name": "  ", "email": "a@example.com", "role": "cashier"})", "name"},
        {R"({"name": "a\nb", "email": "a@example.com", "role": "cashier"})", "name"},
        {R"({"name": ")" + longName + R"(", "email": "a@example.com", "role": "cashier"})", "name"},
        {R"({"name": "Аня", "role": "cashier"})", "email"},
        {R"({"name": "Аня", "email": "", "phone": null, "role": "cashier"})", "email"},
        {R"({"name": "Аня", "email": "not-an-email", "role": "cashier"})", "email"},
        {R"({"name": "Аня", "email": 7, "role": "cashier"})", "email"},
        {R"({"name": "Аня", "phone": "12345", "role": "cashier"})", "phone"},
        {R"({"name": "Аня", "phone": ["9994440010"], "role": "cashier"})", "phone"},
        {R"({"name": "Аня", "email": "a@example.com"})", "role"},
        {R"({"name": "Аня", "email": "a@example.com", "role": "root"})", "role"},
    };
    for (const auto& [body, field] : invites) {
        auto response = send("POST", "/api/v1/users", body, owner.cookie);
        EXPECT_EQ(response.status, 400) << body;
        EXPECT_EQ(errorField(response), field) << body << " → " << response.body;
    }
    // 100 Cyrillic characters are 200 bytes, and still a name.
    std::string hundred;
    for (int i = 0; i < 100; ++i) {
        hundred += "ж";
    }
    EXPECT_EQ(
        post("/api/v1/users", {{"name", hundred}, {"email", "long@example.com"}, {"role", "cashier"}}, owner.cookie)
            .status,
        201);
    const auto id = idOf(owner.cookie);
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{{"{}", "role"},
                                                                                      {R"({"role": 5})", "role"},
                                                                                      {R"({"role": "boss"})", "role"},
                                                                                      {R"({"name": ""})", "name"},
                                                                                      {"nope", "body"}}) {
        auto response = send("PUT", "/api/v1/users/" + id, body, owner.cookie);
        EXPECT_EQ(response.status, 400) << body;
        EXPECT_EQ(errorField(response), field) << body << " → " << response.body;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM users"), before + 1);
    // The greeting's token parameter.
    for (const std::string& query : std::vector<std::string>{"", "?token=", "?token=" + std::string(200, 'a')}) {
        auto response = send("GET", "/api/v1/auth/invitation" + query);
        EXPECT_EQ(response.status, 400) << query;
        EXPECT_EQ(errorField(response), "token") << query;
    }
    EXPECT_EQ(errorCode(send("GET", "/api/v1/auth/invitation?token=" + std::string(64, 'a'))), "wrong_code");
}

TEST_P(CloudUsersTest, AnotherAccountsUsersAreNotFound)
{
    const auto a = registerAccount("SN-U10", "9994440010", "owner-u10@example.com");
    const auto b = registerAccount("SN-U11", "9994440011", "owner-u11@example.com");
    const auto aOwner = idOf(a.cookie);
    const auto aCashier = invited(a.cookie, "Кассир А", "cashier-u10@example.com", "cashier");
    for (const auto& id : {aOwner, aCashier}) {
        for (const auto& response :
             {put(id, {{"name", "чужой"}}, b.cookie), put(id, {{"role", "cashier"}}, b.cookie),
              action(id, "invite", b.cookie), action(id, "disable", b.cookie), action(id, "enable", b.cookie)}) {
            EXPECT_EQ(response.status, 404) << response.body;
            EXPECT_EQ(errorField(response), "id");
        }
    }
    const auto bList = json(send("GET", "/api/v1/users", {}, b.cookie))["users"];
    ASSERT_EQ(bList.size(), 1U);
    EXPECT_EQ(bList[0]["email"], b.email);
    EXPECT_EQ(json(send("GET", "/api/v1/users", {}, a.cookie))["users"].size(), 2U);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = $1 AND status = 'active' AND name IS NULL", {aOwner}), 1);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM users WHERE id = $1 AND status = 'invited' AND name = 'Кассир А'", {aCashier}), 1);
    // Without a session, nothing.
    EXPECT_EQ(send("GET", "/api/v1/users").status, 401);
    EXPECT_EQ(post("/api/v1/users", {{"name", "x"}, {"email", "x@example.com"}, {"role", "cashier"}}).status, 401);
    EXPECT_EQ(action(aCashier, "disable", {}).status, 401);
}

TEST_P(CloudUsersTest, WritesNeedJsonAndTheOrigin)
{
    const auto owner = registerAccount("SN-U12", "9994440012", "owner-u12@example.com");
    const auto id = invited(owner.cookie, "Кассир", "cashier-u12@example.com", "cashier");
    const auto body = core::Json{{"name", "x"}, {"email", "csrf@example.com"}, {"role", "cashier"}}.dump();
    const std::vector<std::pair<std::string, std::string>> evil{{"Origin", "http://evil.test"}};
    const std::vector<std::pair<std::string, std::string>> form{{"Content-Type", "text/plain"}};
    for (const auto& response : {send("POST", "/api/v1/users", body, owner.cookie, evil),
                                 send("POST", "/api/v1/users", body, owner.cookie, form),
                                 send("PUT", "/api/v1/users/" + id, R"({"role": "technician"})", owner.cookie, evil),
                                 send("POST", "/api/v1/users/" + id + "/disable", "{}", owner.cookie, evil),
                                 send("POST", "/api/v1/users/" + id + "/disable", "{}", owner.cookie, form),
                                 send("POST", "/api/v1/users/" + id + "/invite", "{}", owner.cookie, evil)}) {
        EXPECT_EQ(response.status, 403) << response.body;
        EXPECT_EQ(errorCode(response), "csrf_rejected");
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'csrf@example.com'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = $1 AND role = 'cashier' AND status = 'invited'", {id}), 1);
}

TEST_P(CloudUsersTest, InvitationsAreRateLimited)
{
    const auto owner = registerAccount("SN-U13", "9994440013", "owner-u13@example.com");
    // Per address: the invitation and two resends, then 429 naming the e-mail.
    const auto id = invited(owner.cookie, "Вера", "vera@example.com", "cashier");
    EXPECT_EQ(action(id, "invite", owner.cookie).status, 200);
    EXPECT_EQ(action(id, "invite", owner.cookie).status, 200);
    auto limited = action(id, "invite", owner.cookie);
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(errorField(limited), "email");
    EXPECT_EQ(limited.headers.get("Retry-After").value_or(""), std::to_string(m_config.inviteWindowSec));
    // Per account: 12 links an hour whoever they go to (3 used above).
    for (int i = 0; i < 9; ++i) {
        EXPECT_EQ(invite(owner.cookie, "Гость", "guest" + std::to_string(i) + "@example.com", "cashier").status, 201);
    }
    const auto mailsBefore = mails().size();
    auto over = invite(owner.cookie, "Гость", "guest-over@example.com", "cashier");
    EXPECT_EQ(over.status, 429);
    EXPECT_EQ(errorCode(over), "rate_limited");
    EXPECT_EQ(mails().size(), mailsBefore);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email = 'guest-over@example.com'"), 0);
    // Another account has its own allowance; an hour later this one has its again.
    const auto other = registerAccount("SN-U14", "9994440014", "owner-u14@example.com");
    EXPECT_EQ(invite(other.cookie, "Гость", "guest-other@example.com", "cashier").status, 201);
    m_clock.advance(std::chrono::seconds(m_config.inviteWindowSec + 1));
    EXPECT_EQ(invite(owner.cookie, "Гость", "guest-over@example.com", "cashier").status, 201);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudUsersTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
