// Tenant isolation, rate limits, input limits, CSRF, static files, SMTP and the admin CLI.

#include "core/ErrorCodes.h"
#include "support/Process.h"

#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

class CloudSecurityTest : public CloudFixture {
protected:
    void configure(CloudConfig& config) override
    {
        const auto web = m_dir.path() / "web";
        std::filesystem::create_directories(web / "assets");
        std::ofstream(web / "index.html") << "<!doctype html><title>cabinet</title>";
        std::ofstream(web / "assets" / "app-123.js") << "console.log(1)";
        std::ofstream(m_dir.path() / "secret.txt") << "outside the root";
        config.webRoot = web;
    }
};

// Every endpoint and how another tenant's ids are refused on it (keep in step with
// docs/api/openapi.yaml):
//   POST   /registrations                       no ids in the request (a serial or PIN of another
//                                                seller's device: CloudFlowTest / ActivationPin...)
//   POST   /registrations/{id}/sms-code         A's id from outside: refused below
//   GET    /registrations/{id}                  A's id with B's secret: 401 below
//   POST   /auth/set-password                   a token names one registration: A's token for B
//                                                does not exist (a used token: 400 below)
//   POST   /auth/login, /auth/password-reset    no ids; the login names the user
//   POST   /auth/password-reset/confirm         a token or code names one user and works once
//                                                (CloudFlowTest)
//   POST   /auth/logout                         B's logout leaves A's session alive: below
//   GET    /me                                  only one's own account: below
//   GET/POST/PUT/DELETE /products[/{id}]        A's ids with B's session: 404 / empty list below
//   GET/POST/PUT/DELETE /employees[/{id}]       the same
//   GET    /audit?before=                       A's entry id with B's session: 404 below
//   GET    /analytics?deviceId=&employeeId=     A's terminal or cashier with B's session: 404, and
//                                                B's document holds none of A's sales: below and
//                                                CloudAnalyticsTest.AccountsSeeOnlyTheirOwnSales
//   GET/POST /users, PUT /users/{id},            A's user ids with B's session: 404, and B's list
//   POST /users/{id}/invite|disable|enable        holds none of A's users: CloudUsersTest.
//                                                AnotherAccountsUsersAreNotFound
//   GET    /auth/invitation?token=              a token names one invited user (CloudUsersTest)
//   POST   /device/events                       B's device never writes to A's chain: below
//   GET    /device/changes                      B's device sees none of A's changes: below
//   GET    /device/updates[/{id}/file]          platform-wide releases, no account data (UpdateService)
TEST_P(CloudSecurityTest, AccountsCannotReachEachOther)
{
    const auto a = registerAccount("SN-A", "9992220001", "a@example.com");
    const auto b = registerAccount("SN-B", "9992220002", "b@example.com", "food");
    auto product = post("/api/v1/products", {{"name", "A's"}, {"price", 100}, {"vatRate", "vat22"}}, a.cookie);
    ASSERT_EQ(product.status, 201);
    const auto productId = json(product)["id"].get<std::string>();
    auto employee = post("/api/v1/employees", {{"name", "A's cashier"}, {"role", "cashier"}}, a.cookie);
    const auto employeeId = json(employee)["id"].get<std::string>();

    const auto productBody = core::Json{{"name", "stolen"}, {"price", 1}, {"vatRate", "vat22"}}.dump();
    EXPECT_EQ(send("PUT", "/api/v1/products/" + productId, productBody, b.cookie).status, 404);
    EXPECT_EQ(send("DELETE", "/api/v1/products/" + productId, {}, b.cookie).status, 404);
    EXPECT_EQ(
        send("PUT", "/api/v1/employees/" + employeeId, core::Json{{"name", "x"}, {"role", "cashier"}}.dump(), b.cookie)
            .status,
        404);
    EXPECT_EQ(send("DELETE", "/api/v1/employees/" + employeeId, {}, b.cookie).status, 404);
    EXPECT_EQ(json(send("GET", "/api/v1/products", {}, b.cookie))["products"].size(), 0U);
    EXPECT_EQ(json(send("GET", "/api/v1/employees", {}, b.cookie))["employees"].size(), 0U);
    EXPECT_EQ(json(send("GET", "/api/v1/me", {}, b.cookie))["account"]["businessType"], "food");
    // B's device sees none of A's changes; B's device id with A's key is refused.
    auto feed = json(deviceSend(b.device, "GET", "/api/v1/device/changes?cursor=0", {}));
    EXPECT_EQ(feed["changes"].size(), 0U);
    EXPECT_EQ(deviceSend(Device{b.device.id, a.device.key}, "GET", "/api/v1/device/changes?cursor=0", {}).status, 401);
    // Events from B never land on A's chain.
    auto events =
        chain(1, std::string(store::JournalHash::kGenesis), {{"cash.in", {{"operationId", "o"}, {"sum", 1}}}});
    EXPECT_EQ(deviceSend(b.device, "POST", "/api/v1/device/events", eventsBody(events)).status, 200);
    EXPECT_EQ(deviceSend(a.device, "POST", "/api/v1/device/events", eventsBody(events)).status, 200);
    // The same operation id on both accounts: each sees its own in «Финансы» (CloudFinanceTest
    // has the rest: shifts, receipts and their ids).
    for (const auto* account : {&a, &b}) {
        const auto cash =
            json(send("GET", "/api/v1/cash-operations?from=2026-12-04&to=2026-12-04", {}, account->cookie));
        ASSERT_EQ(cash["items"].size(), 1U);
        EXPECT_EQ(cash["items"][0]["deviceId"], account->device.id);
    }
    // A's data unchanged.
    auto list = json(send("GET", "/api/v1/products", {}, a.cookie));
    ASSERT_EQ(list["products"].size(), 1U);
    EXPECT_EQ(list["products"][0]["name"], "A's");
    // Registrations: another account's registration with one's own secret is refused.
    EXPECT_EQ(send("GET", "/api/v1/registrations/" + a.registrationId, {}, {},
                   {{"Authorization", "Bearer " + b.registrationSecret}})
                  .status,
              401);
    EXPECT_EQ(send("GET", "/api/v1/registrations/" + a.registrationId, {}, {},
                   {{"Authorization", "Bearer " + a.registrationSecret}})
                  .status,
              200);
    EXPECT_NE(post("/api/v1/registrations/" + a.registrationId + "/sms-code", {{"code", "000000"}}).status, 200);
    // /me shows only one's own account.
    EXPECT_NE(json(send("GET", "/api/v1/me", {}, a.cookie))["account"]["id"],
              json(send("GET", "/api/v1/me", {}, b.cookie))["account"]["id"]);
    // The audit log: B's page holds none of A's entries, and A's entry id as B's cursor is unknown.
    const auto aAudit = json(send("GET", "/api/v1/audit?limit=200", {}, a.cookie));
    ASSERT_FALSE(aAudit["entries"].empty());
    const auto bAudit = json(send("GET", "/api/v1/audit?limit=200", {}, b.cookie));
    for (const auto& mine : aAudit["entries"]) {
        for (const auto& theirs : bAudit["entries"]) {
            EXPECT_NE(mine["id"], theirs["id"]);
        }
    }
    EXPECT_EQ(send("GET", "/api/v1/audit?before=" + aAudit["entries"][0]["id"].get<std::string>(), {}, b.cookie).status,
              404);
    // Analytics: A's terminal as B's filter is unknown; B's terminal list is B's alone.
    const std::string period = "/api/v1/analytics?from=2026-11-01&to=2026-11-30";
    EXPECT_EQ(send("GET", period + "&deviceId=" + a.device.id, {}, b.cookie).status, 404);
    EXPECT_EQ(send("GET", period + "&deviceId=" + a.device.id, {}, a.cookie).status, 200);
    const auto bAnalytics = json(send("GET", period, {}, b.cookie));
    ASSERT_EQ(bAnalytics["devices"].size(), 1U);
    EXPECT_EQ(bAnalytics["devices"][0]["id"], b.device.id);
    // The set-password token A used does not activate anything for anyone else.
    EXPECT_EQ(
        post("/api/v1/auth/set-password", {{"token", std::string(64, 'a')}, {"password", "Correct-Horse-42"}}).status,
        400);
    // B signing out ends B's session only.
    EXPECT_EQ(post("/api/v1/auth/logout", core::Json::object(), b.cookie).status, 204);
    EXPECT_EQ(send("GET", "/api/v1/me", {}, a.cookie).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/me", {}, b.cookie).status, 401);
    // Nothing without a session.
    EXPECT_EQ(send("GET", "/api/v1/audit").status, 401);
    EXPECT_EQ(send("GET", "/api/v1/products").status, 401);
    EXPECT_EQ(post("/api/v1/products", {{"name", "x"}, {"price", 1}, {"vatRate", "vat22"}}).status, 401);
}

TEST_P(CloudSecurityTest, LoginIsRateLimited)
{
    registerAccount("SN-R", "9992220003", "r@example.com");
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(post("/api/v1/auth/login", {{"login", "r@example.com"}, {"password", "wrong-password-1"}}).status,
                  401);
    }
    auto locked = post("/api/v1/auth/login", {{"login", "R@example.com"}, {"password", "Correct-Horse-42"}});
    EXPECT_EQ(locked.status, 429);
    EXPECT_EQ(errorCode(locked), "rate_limited");
    EXPECT_TRUE(locked.headers.has("Retry-After"));
    // Per address too: other logins from the same address are limited now.
    EXPECT_EQ(post("/api/v1/auth/login", {{"login", "nobody@example.com"}, {"password", "whatever-123"}}).status, 429);
    m_clock.advance(std::chrono::seconds(m_config.loginWindowSec + 1));
    EXPECT_EQ(post("/api/v1/auth/login", {{"login", "r@example.com"}, {"password", "Correct-Horse-42"}}).status, 200);
}

TEST_P(CloudSecurityTest, ActivationPinAndSmsCodeAttemptsAreLimited)
{
    const auto pin = issuePin("SN-P");
    const std::string wrongPin = pin == "000000" ? "111111" : "000000";
    for (int i = 0; i < 5; ++i) {
        auto wrong = post("/api/v1/registrations", registrationBody("SN-P", "9992220004", "p@example.com", wrongPin));
        EXPECT_EQ(wrong.status, 400);
        EXPECT_EQ(errorField(wrong), "activationPin");
    }
    auto locked = post("/api/v1/registrations", registrationBody("SN-P", "9992220004", "p@example.com", pin));
    EXPECT_EQ(locked.status, 429) << "the right PIN after too many wrong ones";

    const auto pin2 = issuePin("SN-Q");
    auto created = post("/api/v1/registrations", registrationBody("SN-Q", "9992220005", "q@example.com", pin2));
    ASSERT_EQ(created.status, 201);
    const auto id = json(created)["registrationId"].get<std::string>();
    const auto code = sixDigits(lastSms("+79992220005"));
    const std::string wrong = code == "000000" ? "111111" : "000000";
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(post("/api/v1/registrations/" + id + "/sms-code", {{"code", wrong}}).status, 400);
    }
    EXPECT_EQ(post("/api/v1/registrations/" + id + "/sms-code", {{"code", code}}).status, 429);
    // A PIN works once.
    auto reuse = post("/api/v1/registrations", registrationBody("SN-Q", "9992220006", "q2@example.com", pin2));
    EXPECT_EQ(reuse.status, 400);
}

TEST_P(CloudSecurityTest, SmsSendingIsLimitedPerPhone)
{
    for (int i = 0; i < 5; ++i) {
        const auto serial = "SN-SMS-" + std::to_string(i);
        EXPECT_EQ(
            post("/api/v1/registrations", registrationBody(serial, "9992220007", "s@example.com", issuePin(serial)))
                .status,
            201);
    }
    auto limited = post("/api/v1/registrations",
                        registrationBody("SN-SMS-9", "9992220007", "s@example.com", issuePin("SN-SMS-9")));
    EXPECT_EQ(limited.status, 429);
}

TEST_P(CloudSecurityTest, BadInputIsNamed)
{
    auto big = send("POST", "/api/v1/auth/login", std::string(m_config.maxBodyBytes + 10, 'x'));
    EXPECT_EQ(big.status, 413);
    auto malformed = send("POST", "/api/v1/auth/login", "{\"login\": ");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(errorCode(malformed), "malformed_json");
    EXPECT_EQ(errorField(malformed), "body");
    auto missing = post("/api/v1/auth/login", {{"login", "x@example.com"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(errorField(missing), "password");
    auto badPhone = post("/api/v1/registrations", registrationBody("SN-X", "12345", "x@example.com", "123456"));
    EXPECT_EQ(badPhone.status, 400);
    EXPECT_EQ(errorField(badPhone), "phone");
    auto badType =
        post("/api/v1/registrations", registrationBody("SN-X", "9992220008", "x@example.com", "123456", "bank"));
    EXPECT_EQ(errorField(badType), "businessType");
    auto badLogin = post("/api/v1/auth/login", {{"login", "not a login"}, {"password", "x"}});
    EXPECT_EQ(errorField(badLogin), "login");
}

TEST_P(CloudSecurityTest, CsrfNeedsJsonAndOrigin)
{
    const auto account = registerAccount("SN-C", "9992220009", "c@example.com");
    const auto body = core::Json{{"name", "x"}, {"price", 1}, {"vatRate", "vat22"}}.dump();
    auto foreign = send("POST", "/api/v1/products", body, account.cookie, {{"Origin", "http://evil.test"}});
    EXPECT_EQ(foreign.status, 403);
    EXPECT_EQ(errorCode(foreign), "csrf_rejected");
    auto form = send("POST", "/api/v1/products", body, account.cookie, {{"Content-Type", "text/plain"}});
    EXPECT_EQ(form.status, 403);
    auto del = send("DELETE", "/api/v1/products/whatever", {}, account.cookie, {{"Origin", "http://evil.test"}});
    EXPECT_EQ(del.status, 403);
    auto loginForeign = send("POST", "/api/v1/auth/login",
                             core::Json{{"login", "c@example.com"}, {"password", "Correct-Horse-42"}}.dump(), {},
                             {{"Origin", "http://evil.test"}});
    EXPECT_EQ(loginForeign.status, 403);
}

TEST_P(CloudSecurityTest, ServesTheCabinetAndNothingElse)
{
    auto index = send("GET", "/");
    EXPECT_EQ(index.status, 200);
    EXPECT_EQ(index.headers.get("Content-Type").value_or(""), "text/html; charset=utf-8");
    auto asset = send("GET", "/assets/app-123.js");
    EXPECT_EQ(asset.status, 200);
    EXPECT_EQ(asset.body, "console.log(1)");
    EXPECT_EQ(asset.headers.get("Content-Type").value_or(""), "text/javascript; charset=utf-8");
    auto route = send("GET", "/set-password?token=abc");
    EXPECT_EQ(route.status, 200);
    EXPECT_NE(route.body.find("cabinet"), std::string::npos);
    for (const char* path : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"}) {
        auto escape = send("GET", path);
        EXPECT_EQ(escape.body.find("outside the root"), std::string::npos) << path;
    }
    auto api = send("GET", "/api/v1/nothing");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(errorCode(api), "not_found");
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudSecurityTest, ::testing::ValuesIn(backends()), backendName);

/// Mail through a real SMTP server (Debian's python3-aiosmtpd, writing a Maildir).
class CloudSmtpTest : public CloudFixture {
protected:
    void configure(CloudConfig& config) override
    {
        m_smtpPort = 20000 + static_cast<int>(::getpid() % 20000);
        m_mailbox = m_dir.path() / "maildir";
        m_smtp = ::fork();
        if (m_smtp == 0) {
            const std::string listen = "127.0.0.1:" + std::to_string(m_smtpPort);
            // Debian's interpreter: python3-aiosmtpd is installed for it, not for any other python3 on PATH.
            ::execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen.c_str(), "-c",
                    "aiosmtpd.handlers.Mailbox", m_mailbox.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // Wait until it listens.
        for (int i = 0; i < 100; ++i) {
            net::HttpClient probe;
            net::HttpClientRequest request;
            request.url = "http://127.0.0.1:" + std::to_string(m_smtpPort) + "/";
            request.totalTimeoutMs = 200;
            auto r = probe.send(request);
            if (r.ok() || r.error().code != core::errc::kConnectionFailed) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        config.smtpUrl = "smtp://127.0.0.1:" + std::to_string(m_smtpPort);
    }
    void TearDown() override
    {
        CloudFixture::TearDown();
        if (m_smtp > 0) {
            ::kill(m_smtp, SIGTERM);
            ::waitpid(m_smtp, nullptr, 0);
        }
    }

    int m_smtpPort = 0;
    pid_t m_smtp = -1;
    std::filesystem::path m_mailbox;
};

TEST_P(CloudSmtpTest, SetPasswordMailGoesThroughSmtp)
{
    const auto pin = issuePin("SN-M");
    auto created = post("/api/v1/registrations", registrationBody("SN-M", "9993330001", "mail@example.com", pin));
    ASSERT_EQ(created.status, 201);
    const auto id = json(created)["registrationId"].get<std::string>();
    auto confirmed = post("/api/v1/registrations/" + id + "/sms-code", {{"code", sixDigits(lastSms("+79993330001"))}});
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    std::string text;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(m_mailbox)) {
        if (entry.is_regular_file()) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream out;
            out << in.rdbuf();
            text += out.str();
        }
    }
    EXPECT_NE(text.find("mail@example.com"), std::string::npos) << text;
    EXPECT_NE(text.find(std::string(kOrigin) + "/set-password?token="), std::string::npos) << text;
    EXPECT_TRUE(mails().empty()) << "nothing in the file sink when SMTP is set";
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudSmtpTest, ::testing::ValuesIn(backends()), backendName);

TEST(SigmaCloudCli, AdminCommandsAndServe)
{
    sigma::test::TempDir dir("sigma-cloud-cli");
    const std::string data = dir.path().string();
    auto seller = sigma::test::runProcess(
        SIGMA_CLOUD_PATH, {"admin", "create-seller", "--code", "P1", "--name", "Partner", "--data-dir", data});
    ASSERT_EQ(seller.exitCode, 0) << seller.err;
    auto pin = sigma::test::runProcess(SIGMA_CLOUD_PATH,
                                       {"admin", "issue-pin", "--serial", "SN-CLI", "--seller", "P1", "--data-dir",
                                        data, "--argon2-memory-kib", "8", "--argon2-time-cost", "1"});
    ASSERT_EQ(pin.exitCode, 0) << pin.err;
    EXPECT_TRUE(std::regex_match(pin.out, std::regex("\\d{6}\n"))) << pin.out;
    auto unknown = sigma::test::runProcess(
        SIGMA_CLOUD_PATH, {"admin", "issue-pin", "--serial", "SN", "--seller", "NOPE", "--data-dir", data});
    EXPECT_NE(unknown.exitCode, 0);
    auto revoke = sigma::test::runProcess(
        SIGMA_CLOUD_PATH, {"admin", "revoke-device", "--serial", "SN-NONE", "--db", "sqlite:" + data + "/cloud.db"});
    EXPECT_NE(revoke.exitCode, 0);
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "cloud.db"));
}

TEST(SigmaCloudCli, ServeStopsGracefullyOnSigterm)
{
    sigma::test::TempDir dir("sigma-cloud-serve");
    const pid_t child = ::fork();
    if (child == 0) {
        const std::string data = dir.path().string();
        ::execl(SIGMA_CLOUD_PATH, SIGMA_CLOUD_PATH, "serve", "--listen", "127.0.0.1:0", "--data-dir", data.c_str(),
                "--access-log", (data + "/access.log").c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    ASSERT_EQ(::kill(child, SIGTERM), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

} // namespace
} // namespace sigma::cloud::test
