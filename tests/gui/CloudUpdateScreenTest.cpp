// The service screen's update channel clicked through against the real sigma-cloud binary: the
// check before the terminal is registered, then registered, nothing published, a release
// published with `sigma-cloud admin publish-update`, offered with its notes, downloaded (continuing
// a download that broke off before), chosen, verified, installed; then the cloud gone.
//
// The terminal's clock in these tests stands at 2026-12-04 09:00 UTC while the cloud runs on the
// machine's clock, so every signed request here also goes through the clock-skew correction.
#include "ServiceModeFixture.h"

#include "core/Phone.h"
#include "net/HttpClient.h"
#include "CloudAdmin.h"
#include "support/CloudProcess.h"
#include "sync/RegistrationService.h"
#include "update/TrustStore.h"

#include <QProgressBar>

#include <regex>

namespace sigma::terminal {
namespace {

constexpr const char* kOrigin = "http://cabinet.test";

class CloudUpdateScreenTest : public test_support::ServiceModeTest {
protected:
    void SetUp() override
    {
        m_cloud = std::make_unique<sigma::test::CloudProcess>(SIGMA_CLOUD_PATH, m_cloudDir.path(), "", kOrigin);
        const auto why = m_cloud->start();
        ASSERT_TRUE(why.empty()) << why;
        ServiceModeTest::SetUp();
    }

    void TearDown() override
    {
        ServiceModeTest::TearDown(); // the terminal before the cloud
        m_cloud.reset();
    }

    std::string admin(const std::vector<std::string>& args) { return test_support::adminOutput(*m_cloud, args); }

    /// The owner's registration as the wizard runs it (clicked through in RegistrationWizardTest),
    /// here through the same RegistrationService on the terminal's worker.
    void registerTerminal()
    {
        const std::string phone = "+79123450077";
        const std::string email = "tech-updates@example.ru";
        auto info = onWorker([&] { return m_kkt->execute({{"type", "getDeviceInfo"}}); });
        ASSERT_TRUE(info.ok());
        const std::string serial = (*info)["deviceInfo"].value("serial", "");
        admin({"create-seller", "--code", "S1", "--name", "Seller One"});
        const std::string pin = admin({"issue-pin", "--serial", serial, "--seller", "S1"});

        core::SystemClock clock;
        auto& database = m_runtime->database();
        auto started = onWorker([&] {
            return sync::RegistrationService(database, {}, clock)
                .start(sync::RegistrationRequest{m_cloud->url(), phone, email, "S1", pin, serial, "trade"});
        });
        ASSERT_TRUE(started.ok()) << started.error().message;
        std::smatch match;
        const std::string sms = m_cloud->lastSms(phone);
        ASSERT_TRUE(std::regex_search(sms, match, std::regex("(\\d{6})"))) << sms;
        const std::string code = match[1].str();
        auto confirmed =
            onWorker([&] { return sync::RegistrationService(database, {}, clock).confirmSmsCode(code); });
        ASSERT_TRUE(confirmed.ok()) << confirmed.error().message;

        const auto mails = m_cloud->mails();
        ASSERT_FALSE(mails.empty());
        ASSERT_TRUE(std::regex_search(mails.back(), match, std::regex("/set-password\\?token=([0-9a-f]+)")));
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = m_cloud->url("/api/v1/auth/set-password");
        request.body = core::Json{{"token", match[1].str()}, {"password", "Correct-Horse-42"}}.dump();
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", kOrigin);
        auto set = net::HttpClient().send(request);
        ASSERT_TRUE(set.ok()) << set.error().message;
        ASSERT_EQ(set->status, 200) << set->body;

        auto active = onWorker([&] {
            return sync::RegistrationService(database, {}, clock)
                .waitUntilActive(std::chrono::seconds(5), std::chrono::milliseconds(100),
                                 [](std::chrono::milliseconds) {});
        });
        ASSERT_TRUE(active.ok()) << active.error().message;
    }

    std::filesystem::path package(const std::string& version)
    {
        const auto tree = m_dir / ("tree-" + version);
        sigma::test::makeRelease(tree, version);
        return sigma::test::buildPackage(tree, sigma::test::manifestFor(update::Component::Terminal, version), devKey(),
                                         m_dir / ("sigma-terminal-" + version + ".tar.gz"));
    }

    /// Clicks «Проверить в облаке» and waits for the answer on the result line.
    QString checkCloud()
    {
        click(QStringLiteral("updatesCloud"));
        EXPECT_TRUE(waitFor([this] {
            return find(QStringLiteral("updatesCloud"))->isEnabled() &&
                   !text(QStringLiteral("updatesResult")).startsWith(QStringLiteral("Запрос к облаку"));
        }));
        return text(QStringLiteral("updatesResult"));
    }

    test::TempDir m_cloudDir{"sigma-gui-cloud-updates"};
    std::unique_ptr<sigma::test::CloudProcess> m_cloud;
};

TEST_F(CloudUpdateScreenTest, ChecksDownloadsAndInstallsAReleaseFromTheCloud)
{
    openSection("serviceTab_updates");
    auto* download = find(QStringLiteral("updatesDownload"));
    EXPECT_FALSE(download->isEnabled()); // nothing offered yet

    // Not registered: said in words, with what to do; still nothing to download.
    QString answer = checkCloud();
    EXPECT_TRUE(answer.contains(QStringLiteral("не зарегистрирован в облаке"))) << answer.toStdString();
    EXPECT_TRUE(answer.contains(QStringLiteral("PIN активации"))) << answer.toStdString();
    EXPECT_FALSE(download->isEnabled());

    registerTerminal();
    if (HasFatalFailure()) {
        return;
    }
    answer = checkCloud();
    EXPECT_TRUE(answer.contains(QStringLiteral("Обновлений нет"))) << answer.toStdString();
    EXPECT_FALSE(download->isEnabled());

    const auto file = package("1.1.0");
    const auto published = m_cloud->admin({"publish-update", file.string(), "--channel", "stable"});
    if (!update::TrustStore::builtinTrustsDevKey()) {
        EXPECT_NE(published.exitCode, 0); // a release-keyed cloud refuses a package its terminals would refuse
        return;
    }
    ASSERT_EQ(published.exitCode, 0) << published.out << published.err;

    answer = checkCloud();
    EXPECT_TRUE(answer.contains(QStringLiteral("Доступна версия 1.1.0"))) << answer.toStdString();
    const QString notes = text(QStringLiteral("updatesNotes"));
    EXPECT_TRUE(notes.contains(QStringLiteral("Версия 1.1.0"))) << notes.toStdString();
    EXPECT_TRUE(notes.contains(QStringLiteral("Исправления и улучшения"))) << notes.toStdString();
    ASSERT_TRUE(download->isEnabled());

    // A download that broke off before left a third of the file: the screen continues it.
    const std::string bytes = sigma::test::readText(file);
    const auto downloads = m_installRoot / "downloads";
    std::filesystem::create_directories(downloads);
    const auto target = downloads / "terminal-1.1.0.tar.gz";
    sigma::test::writeText(target.string() + ".part", bytes.substr(0, bytes.size() / 3));
    click(QStringLiteral("updatesDownload"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("updatesResult")).contains(QStringLiteral("Пакет загружен"));
    })) << text(QStringLiteral("updatesResult")).toStdString();
    EXPECT_EQ(sigma::test::readText(target), bytes);
    EXPECT_FALSE(std::filesystem::exists(target.string() + ".part"));
    EXPECT_EQ(find<QProgressBar>(QStringLiteral("updatesProgressBar"))->value(), 100);
    EXPECT_FALSE(std::filesystem::exists(m_installRoot / "current")); // downloaded, not installed

    // The file just fetched is the one chosen: «Установить…» verifies it, asks, installs.
    auto* list = find<QListWidget>(QStringLiteral("updatesPickerList"));
    ASSERT_NE(list->currentItem(), nullptr);
    EXPECT_EQ(list->currentItem()->data(Qt::UserRole).toString().toStdString(), target.string());
    click(QStringLiteral("updatesApply"));
    ASSERT_TRUE(waitFor([this] { return find<QWidget>(QStringLiteral("updatesConfirm"))->isVisible(); }))
        << text(QStringLiteral("updatesResult")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("updatesConfirmText")).contains(QStringLiteral("1.1.0")));
    click(QStringLiteral("updatesConfirmYes"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("updatesResult")).contains(QStringLiteral("Установлена версия 1.1.0"));
    })) << text(QStringLiteral("updatesResult")).toStdString();
    EXPECT_EQ(std::filesystem::read_symlink(m_installRoot / "current").filename(), "1.1.0");
    EXPECT_EQ(sigma::test::readText(m_installRoot / "releases/1.1.0/share/version.txt"), "1.1.0\n");

    // The installed release is the newest the cloud has.
    answer = checkCloud();
    EXPECT_TRUE(answer.contains(QStringLiteral("Обновлений нет"))) << answer.toStdString();
    EXPECT_FALSE(download->isEnabled());

    // The cloud gone: the network named in words, nothing else touched.
    m_cloud->stop();
    answer = checkCloud();
    EXPECT_TRUE(answer.contains(QStringLiteral("Нет связи с сервером"))) << answer.toStdString();
    EXPECT_FALSE(download->isEnabled());
    EXPECT_EQ(std::filesystem::read_symlink(m_installRoot / "current").filename(), "1.1.0");
}

} // namespace
} // namespace sigma::terminal
