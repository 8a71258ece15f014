// sigma-launcher's logic: a new release that fails its health check N times is rolled back, with
// the reason recorded; a healthy one is confirmed and started.

#include "core/ErrorCodes.h"
#include "support/Process.h"
#include "support/TempDir.h"
#include "update/Installer.h"
#include "update/Launcher.h"
#include "update/PackageFixture.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace sigma::update {
namespace {

class LauncherTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ::setenv("SIGMA_TEST_APP_LOG", (m_dir / "app.log").c_str(), 1);
    }

    void install(const std::string& version, bool healthy)
    {
        test::makeRelease(m_dir / ("tree-" + version), version, healthy);
        const auto pkg = test::buildPackage(m_dir / ("tree-" + version), test::manifestFor(Component::Terminal, version),
                                            m_key.privateKey, m_dir / ("pkg-" + version + ".tar.gz"));
        auto result = m_installer.install(pkg, {});
        ASSERT_TRUE(result.ok()) << result.error().message;
    }

    LauncherOptions options()
    {
        LauncherOptions o;
        o.maxFailedStarts = 3;
        o.healthCommand = {"bin/health"};
        o.appCommand = {"bin/app"};
        o.once = true;
        return o;
    }

    test::TempDir m_dir{"sigma-launcher"};
    test::FixedClock m_clock;
    crypto::Ed25519KeyPair m_key = crypto::generateEd25519KeyPair();
    Installer m_installer{m_dir / "root", TrustStore({m_key.publicKey}), m_clock};
};

TEST_F(LauncherTest, AHealthyReleaseIsConfirmedAndStarted)
{
    install("1.0.0", true);
    EXPECT_TRUE(m_installer.state()->pending.has_value());
    Launcher launcher(m_installer, options());
    auto code = launcher.run();
    ASSERT_TRUE(code.ok()) << code.error().message;
    EXPECT_EQ(*code, 0);
    EXPECT_EQ(test::readText(m_dir / "app.log"), "1.0.0\n");
    EXPECT_FALSE(m_installer.state()->pending.has_value());
}

TEST_F(LauncherTest, AFailingHealthCheckRollsBackAfterNStarts)
{
    install("1.0.0", true);
    ASSERT_TRUE(m_installer.confirmHealthy().ok());
    install("2.0.0", false);

    Launcher launcher(m_installer, options());
    auto code = launcher.run();
    ASSERT_TRUE(code.ok()) << code.error().message;
    // The previous release was started, the broken one never was.
    EXPECT_EQ(test::readText(m_dir / "app.log"), "1.0.0\n");
    EXPECT_EQ(m_installer.currentVersion()->value().toString(), "1.0.0");

    const auto status = *m_installer.status();
    EXPECT_EQ(status["lastRollback"]["from"], "2.0.0");
    EXPECT_EQ(status["lastRollback"]["to"], "1.0.0");
    const std::string reason = status["lastRollback"]["reason"];
    EXPECT_NE(reason.find("failed its health check 3 times"), std::string::npos) << reason;
    EXPECT_NE(reason.find("exited with 3: migration 42 failed: no such column"), std::string::npos) << reason;
    int failures = 0;
    for (const auto& e : status["history"]) {
        failures += e["event"] == "healthFailed" ? 1 : 0;
    }
    EXPECT_EQ(failures, 3);
    EXPECT_EQ(status["failedStarts"], 0);
    EXPECT_TRUE(status["pending"].is_null());
}

TEST_F(LauncherTest, AConfirmedReleaseThatFailsIsNotRolledBack)
{
    install("1.0.0", true);
    ASSERT_TRUE(m_installer.confirmHealthy().ok());
    test::writeText(m_dir / "root/current/bin/health", "#!/bin/sh\necho 'database is locked' >&2\nexit 1\n", true);
    Launcher launcher(m_installer, options());
    auto code = launcher.run();
    ASSERT_FALSE(code.ok());
    EXPECT_EQ(code.error().code, core::errc::kUpdateHealthFailed);
    EXPECT_NE(code.error().message.find("database is locked"), std::string::npos);
    EXPECT_EQ(m_installer.currentVersion()->value().toString(), "1.0.0");
}

TEST_F(LauncherTest, TheLauncherBinaryRollsBack)
{
    install("1.0.0", true);
    install("2.0.0", false);
    const auto result = test::runProcess(SIGMA_LAUNCHER_PATH, {"--root", (m_dir / "root").string(), "--health",
                                                               "bin/health", "--app", "bin/app", "--once",
                                                               "--max-failed-starts", "2"});
    EXPECT_EQ(result.exitCode, 0) << result.err;
    EXPECT_EQ(test::readText(m_dir / "app.log"), "1.0.0\n");
    const auto status = *m_installer.status();
    EXPECT_EQ(status["current"], "1.0.0");
    EXPECT_NE(status["lastRollback"]["reason"].get<std::string>().find("2 times"), std::string::npos);
}

} // namespace
} // namespace sigma::update
