#pragma once

#include "cloud/AuthService.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
#include "cloud/DeviceService.h"
#include "cloud/Notifier.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Phone.h"
#include "crypto/OsRandom.h"
#include "db/ConnectionFactory.h"
#include "net/HttpClient.h"
#include "store/JournalEvent.h"
#include "support/PgUrl.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace sigma::cloud::test {

/// The system clock plus an offset a test can move (atomic: the server's threads read it).
class OffsetClock final : public core::Clock {
public:
    [[nodiscard]] TimePoint now() const override
    {
        return std::chrono::system_clock::now() + std::chrono::microseconds(m_offsetUs.load());
    }
    void advance(std::chrono::seconds by)
    {
        m_offsetUs += std::chrono::duration_cast<std::chrono::microseconds>(by).count();
    }

private:
    std::atomic<std::int64_t> m_offsetUs{0};
};

struct Device {
    std::string id;
    std::string key;
};

struct Account {
    std::string phone;
    std::string email;
    std::string password;
    Device device;
    std::string cookie; ///< "sigma_session=..."
    std::string registrationId;
    std::string registrationSecret;
};

/// The backends each suite runs on. PostgreSQL joins once db::openDatabase supports it.
inline std::vector<std::string> backends()
{
    return {"sqlite", "postgresql"};
}

inline std::string backendName(const ::testing::TestParamInfo<std::string>& backend)
{
    return backend.param;
}

/// A real sigma-cloud server on a loopback port (in-process, port 0) with a file outbox, a cheap
/// Argon2 cost and a movable clock; helpers speak HTTP to it with net::HttpClient.
class CloudFixture : public ::testing::TestWithParam<std::string> {
protected:
    static constexpr const char* kOrigin = "http://cabinet.test";

    void SetUp() override
    {
        if (GetParam() == "postgresql") {
            // Each test gets a schema of its own on the shared test server, dropped afterwards.
            m_pgUrl = sigma::test::pgTestUrl();
            if (m_pgUrl.empty()) {
                GTEST_SKIP() << "PostgreSQL unavailable: run through ctest (fixture postgres)";
            }
            auto connection = db::openDatabase(m_pgUrl);
            ASSERT_TRUE(connection.ok()) << connection.error().message;
            m_pgSchema = "cloud_test_" + crypto::randomToken(6);
            ASSERT_TRUE((*connection)->execute("CREATE SCHEMA " + m_pgSchema).ok());
            m_dbUrl = m_pgUrl + (m_pgUrl.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
                      m_pgSchema;
        } else {
            m_dbUrl = defaultDatabaseUrl(m_dir.path());
        }
        startServer();
    }
    void TearDown() override
    {
        if (m_server) {
            m_server->stop();
        }
        m_server.reset();
        m_adminContext.reset();
        m_adminDb.reset();
        if (!m_pgSchema.empty()) {
            auto connection = db::openDatabase(m_pgUrl);
            if (connection.ok()) {
                (void)(*connection)->execute("DROP SCHEMA " + m_pgSchema + " CASCADE");
            }
        }
    }

    virtual void configure(CloudConfig& /*config*/) {}

    void startServer()
    {
        m_config.dataDir = m_dir.path();
        m_config.dbUrl = m_dbUrl;
        m_config.port = 0;
        m_config.publicUrl = kOrigin;
        m_config.argon2 = crypto::Argon2Cost{1, 8, 1};
        m_config.accessLogPath = m_dir.path() / "access.log";
        m_config.threads = 2;
        m_config.maxBodyBytes = 64 * 1024;
        configure(m_config);
        auto database = CloudDatabase::open(m_config.dbUrl, m_config.dbPoolSize);
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_server = std::make_unique<CloudServer>(m_config, std::move(database).value(), m_clock, m_random);
        auto status = m_server->start();
        ASSERT_TRUE(status.ok()) << status.error().message;
        auto admin = CloudDatabase::open(m_config.dbUrl);
        ASSERT_TRUE(admin.ok());
        m_adminDb = std::move(admin).value();
    }

    std::string url(const std::string& path) const
    {
        return "http://127.0.0.1:" + std::to_string(m_server->port()) + path;
    }

    net::HttpResponse send(const std::string& method, const std::string& path, const std::string& body = {},
                           const std::string& cookie = {},
                           const std::vector<std::pair<std::string, std::string>>& headers = {}, bool json = true)
    {
        net::HttpClientRequest request;
        request.method = method;
        request.url = url(path);
        request.body = body;
        if (json && !body.empty()) {
            request.headers.set("Content-Type", "application/json");
        }
        request.headers.set("Origin", kOrigin);
        if (!cookie.empty()) {
            request.headers.set("Cookie", cookie);
        }
        for (const auto& [name, value] : headers) {
            request.headers.set(name, value);
        }
        auto response = m_client.send(request);
        EXPECT_TRUE(response.ok()) << (response.ok() ? "" : response.error().message);
        return response.ok() ? std::move(response).value() : net::HttpResponse{};
    }

    net::HttpResponse post(const std::string& path, const core::Json& body, const std::string& cookie = {})
    {
        return send("POST", path, body.dump(), cookie);
    }

    static core::Json json(const net::HttpResponse& response)
    {
        auto parsed = core::parseJsonExact(response.body);
        return parsed.ok() ? *parsed : core::Json();
    }

    static std::string errorCode(const net::HttpResponse& response)
    {
        const auto body = json(response);
        return body.contains("error") ? body["error"].value("code", "") : "";
    }
    static std::string errorField(const net::HttpResponse& response)
    {
        const auto body = json(response);
        return body.contains("error") ? body["error"].value("field", "") : "";
    }

    /// The text of the last SMS sent to `to`.
    std::string lastSms(const std::string& to) const
    {
        std::ifstream in(m_dir.path() / "outbox" / "sms.jsonl");
        std::string line;
        std::string text;
        while (std::getline(in, line)) {
            auto parsed = core::parseJsonExact(line);
            if (parsed.ok() && (*parsed)["to"] == to) {
                text = (*parsed)["text"].get<std::string>();
            }
        }
        return text;
    }
    static std::string sixDigits(const std::string& text)
    {
        std::smatch match;
        return std::regex_search(text, match, std::regex("(\\d{6})")) ? match[1].str() : std::string();
    }
    std::vector<std::string> mails() const
    {
        std::vector<std::filesystem::path> files;
        const auto dir = m_dir.path() / "outbox" / "mail";
        if (std::filesystem::exists(dir)) {
            for (const auto& entry : std::filesystem::directory_iterator(dir)) {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        std::vector<std::string> out;
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            out.push_back(text.str());
        }
        return out;
    }
    static std::string tokenIn(const std::string& mail, const std::string& page)
    {
        std::smatch match;
        return std::regex_search(mail, match, std::regex(page + "\\?token=([0-9a-f]+)")) ? match[1].str()
                                                                                         : std::string();
    }

    AuthService adminAuth()
    {
        m_adminContext =
            std::make_unique<ServiceContext>(ServiceContext{*m_adminDb, m_clock, m_random, m_adminNotifier, m_config});
        return AuthService(*m_adminContext);
    }

    std::string issuePin(const std::string& serial)
    {
        auto auth = adminAuth();
        (void)auth.createSeller("S1", "Seller One"); // exists after the first call
        auto pin = auth.issuePin(serial, "S1");
        EXPECT_TRUE(pin.ok());
        return pin.ok() ? *pin : std::string();
    }

    static core::Json registrationBody(const std::string& serial, const std::string& phone, const std::string& email,
                                       const std::string& pin, const std::string& type = "trade")
    {
        return {{"deviceSerial", serial}, {"businessType", type}, {"phone", phone},
                {"email", email},         {"sellerCode", "S1"},   {"activationPin", pin}};
    }

    /// The whole registration; returns the account with its device and a session cookie.
    Account registerAccount(const std::string& serial, const std::string& phone, const std::string& email,
                            const std::string& type = "trade")
    {
        Account account{phone, email, "Correct-Horse-42", {}, {}, {}, {}};
        const auto pin = issuePin(serial);
        auto created = post("/api/v1/registrations", registrationBody(serial, phone, email, pin, type));
        EXPECT_EQ(created.status, 201) << created.body;
        const auto id = json(created).value("registrationId", "");
        const auto secret = json(created).value("registrationSecret", "");
        const auto normalized = core::normalizePhone(phone);
        auto sms = post("/api/v1/registrations/" + id + "/sms-code", {{"code", sixDigits(lastSms(*normalized))}});
        EXPECT_EQ(sms.status, 200) << sms.body;
        const auto token = tokenIn(mails().back(), "/set-password");
        auto set = post("/api/v1/auth/set-password", {{"token", token}, {"password", account.password}});
        EXPECT_EQ(set.status, 200) << set.body;
        auto status = send("GET", "/api/v1/registrations/" + id, {}, {}, {{"Authorization", "Bearer " + secret}});
        account.device = {json(status).value("deviceId", ""), json(status).value("deviceKey", "")};
        account.cookie = login(email, account.password);
        account.registrationId = id;
        account.registrationSecret = secret;
        return account;
    }

    std::string login(const std::string& login, const std::string& password)
    {
        auto response = post("/api/v1/auth/login", {{"login", login}, {"password", password}});
        EXPECT_EQ(response.status, 200) << response.body;
        const auto cookie = response.headers.get("Set-Cookie").value_or("");
        return cookie.substr(0, cookie.find(';'));
    }

    std::string nowSeconds() const
    {
        return std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(m_clock.now().time_since_epoch()).count());
    }

    net::HttpResponse deviceSend(const Device& device, const std::string& method, const std::string& target,
                                 const std::string& body, std::optional<std::string> timestamp = std::nullopt)
    {
        const std::string ts = timestamp.value_or(nowSeconds());
        const auto signature = signDeviceRequest(device.key, method, target, ts, body);
        return send(method, target, body, {},
                    {{"X-Sigma-Device", device.id}, {"X-Sigma-Timestamp", ts}, {"X-Sigma-Signature", signature}});
    }

    /// A chain of events continuing after `prevHash`.
    static std::vector<store::JournalEvent> chain(std::int64_t firstSeq, std::string prevHash,
                                                  const std::vector<std::pair<std::string, core::Json>>& items)
    {
        std::vector<store::JournalEvent> events;
        std::int64_t seq = firstSeq;
        for (const auto& [type, payload] : items) {
            store::JournalEvent event;
            event.seq = seq;
            char uuid[40];
            std::snprintf(uuid, sizeof uuid, "0193a4c2-5b1e-7d3f-9a2b-%012lld", static_cast<long long>(seq));
            event.uuid = uuid;
            event.type = type;
            event.occurredAtUs = 1'796'378'400'000'000 + seq;
            event.payload = payload;
            event.prevHash = prevHash;
            event.hash = store::JournalHash::compute(event).value();
            prevHash = event.hash;
            events.push_back(event);
            ++seq;
        }
        return events;
    }
    static std::string eventsBody(const std::vector<store::JournalEvent>& events)
    {
        core::Json list = core::Json::array();
        for (const auto& event : events) {
            list.push_back(event.toJson());
        }
        return core::Json{{"events", list}}.dump();
    }

    sigma::test::TempDir m_dir{"sigma-cloud"};
    CloudConfig m_config;
    OffsetClock m_clock;
    crypto::OsRandom m_random;
    std::unique_ptr<CloudServer> m_server;
    std::unique_ptr<CloudDatabase> m_adminDb;
    OutboxNotifier m_adminNotifier{m_dir.path() / "admin", CloudConfig{}};
    std::unique_ptr<ServiceContext> m_adminContext;
    std::string m_dbUrl;
    std::string m_pgUrl;
    std::string m_pgSchema;
    net::HttpClient m_client;
};

} // namespace sigma::cloud::test
