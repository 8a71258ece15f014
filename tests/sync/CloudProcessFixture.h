#pragma once

#include "cloud/CloudDatabase.h"
#include "core/ExactJson.h"
#include "core/Phone.h"
#include "crypto/OsRandom.h"
#include "db/ConnectionFactory.h"
#include "net/HttpClient.h"
#include "support/CloudProcess.h"
#include "support/PgUrl.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace sigma::sync::test {

/// The backends the end-to-end suites run on (the cloud's --db).
inline std::vector<std::string> backends()
{
    return {"sqlite", "postgresql"};
}

inline std::string backendName(const ::testing::TestParamInfo<std::string>& backend)
{
    return backend.param;
}

/// The real `sigma-cloud serve` binary on a free loopback port, with a data directory of its own
/// (and, for the PostgreSQL run, a schema of its own on the test cluster), administered with
/// `sigma-cloud admin ...` as an operator would; SMS codes and e-mail links are read from its
/// outbox files. Only the test's checks of what the cloud stored read its database directly: no
/// API lists a device's journal, and exactly-once can only be proved against the stored rows.
class CloudProcessFixture : public ::testing::TestWithParam<std::string> {
protected:
    static constexpr const char* kOrigin = "http://cabinet.test";

    void SetUp() override
    {
        std::string dbUrl;
        if (GetParam() == "postgresql") {
            m_pgUrl = sigma::test::pgTestUrl();
            if (m_pgUrl.empty()) {
                GTEST_SKIP() << "PostgreSQL unavailable: run through ctest (fixture postgres)";
            }
            auto connection = db::openDatabase(m_pgUrl);
            ASSERT_TRUE(connection.ok()) << connection.error().message;
            m_pgSchema = "sync_test_" + crypto::randomToken(6);
            ASSERT_TRUE((*connection)->execute("CREATE SCHEMA " + m_pgSchema).ok());
            dbUrl = m_pgUrl + (m_pgUrl.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
                    m_pgSchema;
            m_dbUrl = dbUrl;
        } else {
            m_dbUrl = cloud::defaultDatabaseUrl(m_cloudDir.path()); // what serve takes without --db
        }
        m_cloud = std::make_unique<sigma::test::CloudProcess>(SIGMA_CLOUD_PATH, m_cloudDir.path(), dbUrl, kOrigin);
        startCloud();
    }

    void TearDown() override
    {
        m_inspect.reset();
        m_cloud.reset(); // stops the child before its schema goes
        if (!m_pgSchema.empty()) {
            auto connection = db::openDatabase(m_pgUrl);
            if (connection.ok()) {
                (void)(*connection)->execute("DROP SCHEMA " + m_pgSchema + " CASCADE");
            }
        }
    }

    void startCloud()
    {
        const auto why = m_cloud->start();
        ASSERT_TRUE(why.empty()) << why;
    }

    std::string url(const std::string& path) const { return m_cloud->url(path); }

    net::HttpResponse send(const std::string& method, const std::string& path, const std::string& body = {},
                           const std::string& cookie = {}, const std::string& contentType = "application/json")
    {
        net::HttpClientRequest request;
        request.method = method;
        request.url = url(path);
        request.body = body;
        if (!body.empty()) {
            request.headers.set("Content-Type", contentType);
        }
        request.headers.set("Origin", kOrigin);
        if (!cookie.empty()) {
            request.headers.set("Cookie", cookie);
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

    std::string login(const std::string& login, const std::string& password)
    {
        auto response = post("/api/v1/auth/login", {{"login", login}, {"password", password}});
        EXPECT_EQ(response.status, 200) << response.body;
        const auto cookie = response.headers.get("Set-Cookie").value_or("");
        return cookie.substr(0, cookie.find(';'));
    }

    /// `sigma-cloud admin ...`; a failure is a test failure with what the command printed.
    std::string admin(const std::vector<std::string>& args)
    {
        const auto result = m_cloud->admin(args);
        EXPECT_EQ(result.exitCode, 0) << "sigma-cloud admin " << args.front() << "\n" << result.out << result.err;
        return result.out;
    }

    /// The seller S1 (once) and a fresh activation PIN for `serial`, from the admin CLI.
    std::string issuePin(const std::string& serial)
    {
        if (!m_sellerCreated) {
            admin({"create-seller", "--code", "S1", "--name", "Seller One"});
            m_sellerCreated = true;
        }
        auto pin = admin({"issue-pin", "--serial", serial, "--seller", "S1"});
        while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) {
            pin.pop_back();
        }
        EXPECT_TRUE(std::regex_match(pin, std::regex("\\d{6}"))) << pin;
        return pin;
    }

    void revokeDevice(const std::string& serial) { admin({"revoke-device", "--serial", serial}); }

    std::string lastSms(const std::string& phone) const
    {
        const auto normalized = core::normalizePhone(phone);
        return normalized.ok() ? m_cloud->lastSms(*normalized) : std::string();
    }
    std::vector<std::string> mails() const { return m_cloud->mails(); }

    static std::string sixDigits(const std::string& text)
    {
        std::smatch match;
        return std::regex_search(text, match, std::regex("(\\d{6})")) ? match[1].str() : std::string();
    }
    static std::string tokenIn(const std::string& mail, const std::string& page)
    {
        std::smatch match;
        return std::regex_search(mail, match, std::regex(page + "\\?token=([0-9a-f]+)")) ? match[1].str()
                                                                                         : std::string();
    }

    /// The cloud's database, for checking what it stored (see the class comment); null (and a
    /// failure recorded) when it cannot be opened.
    cloud::CloudDatabase* inspect()
    {
        if (!m_inspect) {
            auto database = cloud::CloudDatabase::open(m_dbUrl, 1);
            EXPECT_TRUE(database.ok()) << (database.ok() ? "" : database.error().message);
            if (database.ok()) {
                m_inspect = std::move(database).value();
            }
        }
        return m_inspect.get();
    }

    sigma::test::TempDir m_cloudDir{"sigma-cloud-proc"};
    std::unique_ptr<sigma::test::CloudProcess> m_cloud;
    std::unique_ptr<cloud::CloudDatabase> m_inspect;
    std::string m_dbUrl; ///< the cloud's database, as serve opens it
    std::string m_pgUrl;
    std::string m_pgSchema;
    bool m_sellerCreated = false;
    net::HttpClient m_client;
};

} // namespace sigma::sync::test
