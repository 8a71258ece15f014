// The registration → login → reset flow end to end against a real server, reading the SMS and
// e-mail from the file outbox.

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

class CloudFlowTest : public CloudFixture {};

TEST_P(CloudFlowTest, RegistrationLoginAndResetEndToEnd)
{
    const auto pin = issuePin("SN-0001");
    ASSERT_EQ(pin.size(), 6U);

    auto created = post("/api/v1/registrations",
                        registrationBody("SN-0001", "8 (999) 123-45-67", "Owner@Example.COM", pin, "services"));
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = json(created)["registrationId"].get<std::string>();
    const auto secret = json(created)["registrationSecret"].get<std::string>();
    const auto bearer = std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer " + secret}};

    auto status = send("GET", "/api/v1/registrations/" + id, {}, {}, bearer);
    EXPECT_EQ(json(status)["status"], "awaitingSms");
    EXPECT_EQ(send("GET", "/api/v1/registrations/" + id, {}, {}, {{"Authorization", "Bearer wrong"}}).status, 401);

    const auto code = sixDigits(lastSms("+79991234567"));
    ASSERT_EQ(code.size(), 6U);
    const std::string wrong = code == "000000" ? "111111" : "000000";
    auto bad = post("/api/v1/registrations/" + id + "/sms-code", {{"code", wrong}});
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(errorCode(bad), "wrong_code");
    EXPECT_EQ(errorField(bad), "code");
    auto good = post("/api/v1/registrations/" + id + "/sms-code", {{"code", code}});
    ASSERT_EQ(good.status, 200) << good.body;
    EXPECT_EQ(json(send("GET", "/api/v1/registrations/" + id, {}, {}, bearer))["status"], "awaitingPassword");

    ASSERT_EQ(mails().size(), 1U);
    EXPECT_NE(mails()[0].find("To: owner@example.com"), std::string::npos);
    const auto token = tokenIn(mails()[0], std::string(kOrigin) + "/set-password");
    ASSERT_FALSE(token.empty()) << mails()[0];

    auto weak = post("/api/v1/auth/set-password", {{"token", token}, {"password", "short1"}});
    EXPECT_EQ(weak.status, 400);
    EXPECT_EQ(errorCode(weak), "weak_password");
    EXPECT_EQ(errorField(weak), "password");
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", "aaaaaaaaaaaa"}}).status, 400);
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", "89991234567"}}).status, 400);
    auto set = post("/api/v1/auth/set-password", {{"token", token}, {"password", "Correct-Horse-42"}});
    ASSERT_EQ(set.status, 200) << set.body;
    auto again = post("/api/v1/auth/set-password", {{"token", token}, {"password", "Another-Pass-43"}});
    EXPECT_EQ(again.status, 400) << "a token works once";

    auto active = json(send("GET", "/api/v1/registrations/" + id, {}, {}, bearer));
    EXPECT_EQ(active["status"], "active");
    EXPECT_TRUE(active.contains("deviceId"));
    EXPECT_TRUE(active.contains("deviceKey"));
    auto once = json(send("GET", "/api/v1/registrations/" + id, {}, {}, bearer));
    EXPECT_TRUE(once.contains("deviceId"));
    EXPECT_FALSE(once.contains("deviceKey")) << "the device key is handed out once";

    // Login by e-mail in another case, and by phone in another format.
    auto loginResponse = post("/api/v1/auth/login", {{"login", "OWNER@example.com"}, {"password", "Correct-Horse-42"}});
    ASSERT_EQ(loginResponse.status, 200) << loginResponse.body;
    const auto setCookie = loginResponse.headers.get("Set-Cookie").value_or("");
    EXPECT_NE(setCookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(setCookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_EQ(json(loginResponse)["user"]["role"], "owner");
    const auto cookie = setCookie.substr(0, setCookie.find(';'));
    auto me = send("GET", "/api/v1/me", {}, cookie);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(json(me)["user"]["email"], "owner@example.com");
    EXPECT_EQ(json(me)["user"]["phone"], "+79991234567");
    EXPECT_EQ(json(me)["account"]["businessType"], "services");
    EXPECT_EQ(json(me)["account"]["businessTypeLocked"], true);
    const auto phoneCookie = login("+7 999 123 45 67", "Correct-Horse-42");
    EXPECT_EQ(send("GET", "/api/v1/me", {}, phoneCookie).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/me").status, 401);

    // Logout ends that session only.
    EXPECT_EQ(send("POST", "/api/v1/auth/logout", "{}", phoneCookie).status, 204);
    EXPECT_EQ(send("GET", "/api/v1/me", {}, phoneCookie).status, 401);
    EXPECT_EQ(send("GET", "/api/v1/me", {}, cookie).status, 200);

    // Reset by e-mail link: 202, link, new password, every session ended.
    EXPECT_EQ(post("/api/v1/auth/password-reset", {{"login", "nobody@example.com"}}).status, 202);
    EXPECT_EQ(mails().size(), 1U) << "nothing is sent for an unknown login";
    EXPECT_EQ(post("/api/v1/auth/password-reset", {{"login", "Owner@Example.com"}}).status, 202);
    ASSERT_EQ(mails().size(), 2U);
    const auto resetToken = tokenIn(mails()[1], std::string(kOrigin) + "/reset-password");
    ASSERT_FALSE(resetToken.empty());
    auto confirm =
        post("/api/v1/auth/password-reset/confirm", {{"token", resetToken}, {"password", "New-Password-77"}});
    ASSERT_EQ(confirm.status, 200) << confirm.body;
    EXPECT_EQ(
        post("/api/v1/auth/password-reset/confirm", {{"token", resetToken}, {"password", "New-Password-78"}}).status,
        400);
    EXPECT_EQ(send("GET", "/api/v1/me", {}, cookie).status, 401) << "sessions end with a reset";
    EXPECT_EQ(post("/api/v1/auth/login", {{"login", "owner@example.com"}, {"password", "Correct-Horse-42"}}).status,
              401);
    const auto newCookie = login("owner@example.com", "New-Password-77");

    // Reset by SMS code.
    EXPECT_EQ(post("/api/v1/auth/password-reset", {{"login", "89991234567"}}).status, 202);
    const auto resetCode = sixDigits(lastSms("+79991234567"));
    const std::string wrongCode = resetCode == "000000" ? "111111" : "000000";
    EXPECT_EQ(post("/api/v1/auth/password-reset/confirm",
                   {{"code", wrongCode}, {"login", "89991234567"}, {"password", "Sms-Password-99"}})
                  .status,
              400);
    auto bySms = post("/api/v1/auth/password-reset/confirm",
                      {{"code", resetCode}, {"login", "+7 (999) 123-45-67"}, {"password", "Sms-Password-99"}});
    ASSERT_EQ(bySms.status, 200) << bySms.body;
    EXPECT_EQ(send("GET", "/api/v1/me", {}, newCookie).status, 401);
    login("+79991234567", "Sms-Password-99");

    // Passwords never reach the access log; the account id does.
    std::ifstream log(m_dir.path() / "access.log");
    std::stringstream text;
    text << log.rdbuf();
    for (const char* secretText : {"Correct-Horse-42", "New-Password-77", "Sms-Password-99", resetToken.c_str()}) {
        EXPECT_EQ(text.str().find(secretText), std::string::npos) << secretText;
    }
    EXPECT_NE(text.str().find("\"accountId\""), std::string::npos);
    EXPECT_NE(text.str().find("\"durationUs\""), std::string::npos);
}

TEST_P(CloudFlowTest, CodesAndTokensExpire)
{
    const auto pin = issuePin("SN-EXP");
    auto created = post("/api/v1/registrations", registrationBody("SN-EXP", "9990000001", "exp@example.com", pin));
    ASSERT_EQ(created.status, 201);
    const auto id = json(created)["registrationId"].get<std::string>();
    const auto code = sixDigits(lastSms("+79990000001"));
    m_clock.advance(std::chrono::seconds(m_config.smsCodeTtlSec + 1));
    auto late = post("/api/v1/registrations/" + id + "/sms-code", {{"code", code}});
    EXPECT_EQ(late.status, 400);
    EXPECT_EQ(errorCode(late), "wrong_code");
}

TEST_P(CloudFlowTest, SetPasswordTokenExpires)
{
    const auto pin = issuePin("SN-EXP2");
    auto created = post("/api/v1/registrations", registrationBody("SN-EXP2", "9990000002", "exp2@example.com", pin));
    const auto id = json(created)["registrationId"].get<std::string>();
    ASSERT_EQ(post("/api/v1/registrations/" + id + "/sms-code", {{"code", sixDigits(lastSms("+79990000002"))}}).status,
              200);
    const auto token = tokenIn(mails().back(), "/set-password");
    m_clock.advance(std::chrono::seconds(m_config.tokenTtlSec + 1));
    EXPECT_EQ(post("/api/v1/auth/set-password", {{"token", token}, {"password", "Correct-Horse-42"}}).status, 400);
}

TEST_P(CloudFlowTest, DuplicateRegistrationIsAConflict)
{
    registerAccount("SN-DUP", "9990000003", "dup@example.com");
    const auto pin = issuePin("SN-DUP-2");
    auto again = post("/api/v1/registrations", registrationBody("SN-DUP-2", "9990000003", "other@example.com", pin));
    EXPECT_EQ(again.status, 409);
    const auto pin2 = issuePin("SN-DUP");
    auto sameDevice = post("/api/v1/registrations", registrationBody("SN-DUP", "9990000004", "x@example.com", pin2));
    EXPECT_EQ(sameDevice.status, 409);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudFlowTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
