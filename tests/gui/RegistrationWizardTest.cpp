// The registration wizard clicked through against the real sigma-cloud binary (a child process on
// a free loopback port): the owner's data, the SMS code read from the cloud's outbox, the password
// set over the cloud's HTTP API with the e-mail's token (as the owner does from the link), then
// "activated", the business type locked, live sync running: a sale reaches the cloud and a product
// created in the cabinet shows up in the sale screen's search without a restart.
#include "TerminalFixture.h"

#include "cloud/CloudDatabase.h"
#include "core/ErrorCodes.h"
#include "core/Phone.h"
#include "net/HttpClient.h"
#include "CloudAdmin.h"
#include "support/CloudProcess.h"
#include "terminal/StatusBar.h"
#include "terminal/screens/RegistrationWizard.h"

#include <QElapsedTimer>
#include <QListWidget>

#include <cstdio>

#include <regex>

namespace sigma::terminal {
namespace {

constexpr const char* kOrigin = "http://cabinet.test";
constexpr const char* kPhone = "9123456789"; // typed after the mask's +7
constexpr const char* kEmail = "owner@example.ru";

class RegistrationWizardTest : public test_support::TerminalFlowTest {
protected:
    void SetUp() override
    {
        m_cloud = std::make_unique<sigma::test::CloudProcess>(SIGMA_CLOUD_PATH, m_cloudDir.path(), "", kOrigin);
        const auto why = m_cloud->start();
        ASSERT_TRUE(why.empty()) << why;
        TerminalFlowTest::SetUp();
        m_runtime->config().cloudUrl = m_cloud->url();
        m_runtime->syncController().setClientTimeouts(2000, 5000);
    }

    void TearDown() override
    {
        TerminalFlowTest::TearDown(); // the terminal (and its sync thread) before the cloud
        m_cloud.reset();
    }

    std::string admin(const std::vector<std::string>& args) { return test_support::adminOutput(*m_cloud, args); }

    std::string serial()
    {
        auto info = onWorker([&] { return m_kkt->execute({{"type", "getDeviceInfo"}}); });
        EXPECT_TRUE(info.ok());
        return info.ok() ? (*info)["deviceInfo"].value("serial", "") : std::string();
    }

    std::string issuePin()
    {
        admin({"create-seller", "--code", "S1", "--name", "Seller One"});
        return admin({"issue-pin", "--serial", serial(), "--seller", "S1"});
    }

    net::HttpResponse send(const std::string& method, const std::string& path, const core::Json& body,
                           const std::string& cookie = {})
    {
        net::HttpClientRequest request;
        request.method = method;
        request.url = m_cloud->url(path);
        request.body = body.dump();
        request.headers.set("Content-Type", "application/json");
        request.headers.set("Origin", kOrigin);
        if (!cookie.empty()) {
            request.headers.set("Cookie", cookie);
        }
        auto response = m_http.send(request);
        EXPECT_TRUE(response.ok()) << (response.ok() ? "" : response.error().message);
        return response.ok() ? std::move(response).value() : net::HttpResponse{};
    }

    RegistrationWizard* wizard() { return qobject_cast<RegistrationWizard*>(m_window->screen(QStringLiteral("register"))); }

    /// The first page filled in: trade, the owner's phone and e-mail, seller S1 and `pin`.
    void fillForm(const std::string& pin)
    {
        click(QStringLiteral("regAppTrade"));
        for (const char* name : {"regPhone", "regEmail", "regSeller", "regPin"}) {
            find<QLineEdit>(QString::fromLatin1(name))->clear();
        }
        auto* phone = find<QLineEdit>(QStringLiteral("regPhone"));
        phone->setFocus();
        phone->setCursorPosition(0);
        QTest::keyClicks(phone, QString::fromLatin1(kPhone));
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("regEmail")), QString::fromLatin1(kEmail));
        QTest::keyClicks(find<QLineEdit>(QStringLiteral("regSeller")), QStringLiteral("S1"));
        auto* pinField = find<QLineEdit>(QStringLiteral("regPin"));
        pinField->setCursorPosition(0);
        QTest::keyClicks(pinField, QString::fromStdString(pin));
    }

    QString message() { return find<QLabel>(QStringLiteral("regMessage"))->text(); }

    std::int64_t cloudCount(const std::string& table)
    {
        if (!m_inspect) {
            auto database = cloud::CloudDatabase::open(cloud::defaultDatabaseUrl(m_cloudDir.path()), 1);
            EXPECT_TRUE(database.ok()) << (database.ok() ? "" : database.error().message);
            if (!database.ok()) {
                return -1;
            }
            m_inspect = std::move(database).value();
        }
        auto lease = m_inspect->lock();
        auto row = m_inspect->connection().queryOne("SELECT COUNT(*) FROM " + table, {});
        return row.ok() && *row ? (*row)->int64(0) : -1;
    }

    test::TempDir m_cloudDir{"sigma-gui-cloud"};
    std::unique_ptr<sigma::test::CloudProcess> m_cloud;
    std::unique_ptr<cloud::CloudDatabase> m_inspect;
    net::HttpClient m_http;
};

TEST_F(RegistrationWizardTest, RegistersFromTheScreenThenSellsAndSyncsLive)
{
    const std::string pin = issuePin();
    ASSERT_TRUE(std::regex_match(pin, std::regex("\\d{6}"))) << pin;

    // First start: the app choice offers the registration.
    m_runtime->config().businessType.reset();
    m_window->start();
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("app-choice"));
    click(QStringLiteral("appRegister"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("register"));
    wizard()->setPollInterval(100);

    // Validation in words before anything goes to the cloud.
    click(QStringLiteral("regAppTrade"));
    click(QStringLiteral("regSubmit"));
    EXPECT_TRUE(message().contains(QStringLiteral("телефон"))) << message().toStdString();
    EXPECT_EQ(wizard()->page(), RegistrationWizard::Form);

    // A wrong PIN: the cloud refuses, the wizard says so in words and stays on the form.
    std::string wrong = pin;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    fillForm(wrong);
    click(QStringLiteral("regSubmit"));
    ASSERT_TRUE(waitFor([this] { return message().contains(QStringLiteral("Неверный PIN")); })) << message().toStdString();
    EXPECT_EQ(wizard()->page(), RegistrationWizard::Form);
    EXPECT_FALSE(message().contains(QLatin1Char('['))); // no cloud code names for the owner

    fillForm(pin);
    click(QStringLiteral("regSubmit"));
    ASSERT_TRUE(waitFor([this] { return wizard()->page() == RegistrationWizard::Sms; })) << message().toStdString();
    EXPECT_TRUE(text(QStringLiteral("regSmsNote")).contains(QStringLiteral("912"))) << text(QStringLiteral("regSmsNote")).toStdString();

    // The SMS code from the cloud's outbox, typed in.
    const auto phone = core::normalizePhone(std::string("+7") + kPhone);
    ASSERT_TRUE(phone.ok());
    std::smatch match;
    const std::string sms = m_cloud->lastSms(*phone);
    ASSERT_TRUE(std::regex_search(sms, match, std::regex("(\\d{6})"))) << sms;
    auto* code = find<QLineEdit>(QStringLiteral("regSmsCode"));
    code->setCursorPosition(0);
    QTest::keyClicks(code, QString::fromStdString(match[1].str()));
    click(QStringLiteral("regSmsConfirm"));
    ASSERT_TRUE(waitFor([this] { return wizard()->page() == RegistrationWizard::Wait; })) << message().toStdString();
    // Waiting, live: the cloud is asked and the page says so.
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("regWaitState")).contains(QStringLiteral("проверено")); }));

    // The owner opens the e-mail's link and sets the password.
    const auto mails = m_cloud->mails();
    ASSERT_FALSE(mails.empty());
    ASSERT_TRUE(std::regex_search(mails.back(), match, std::regex("/set-password\\?token=([0-9a-f]+)")));
    auto set = send("POST", "/api/v1/auth/set-password", {{"token", match[1].str()}, {"password", "Correct-Horse-42"}});
    ASSERT_EQ(set.status, 200) << set.body;

    ASSERT_TRUE(waitFor([this] { return wizard()->page() == RegistrationWizard::Done; }))
        << text(QStringLiteral("regWaitState")).toStdString();
    EXPECT_TRUE(find<QLabel>(QStringLiteral("regDoneTitle"))->isVisible());
    EXPECT_TRUE(text(QStringLiteral("regDoneNote")).contains(QStringLiteral("Торговля")));

    // The business type is locked, on disk too; the app choice no longer offers a change.
    EXPECT_TRUE(m_runtime->config().businessTypeLocked);
    auto onDisk = till::TerminalConfig::load(m_runtime->dir().configFile());
    ASSERT_TRUE(onDisk.ok());
    EXPECT_TRUE(onDisk->businessTypeLocked);
    EXPECT_EQ(onDisk->businessType, till::BusinessType::Trade);
    EXPECT_TRUE(m_runtime->syncController().running());
    click(QStringLiteral("regDone"));
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("login"));
    m_window->showScreen(QStringLiteral("app-choice"));
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("appTrade"))->isEnabled());
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("appFood"))->isEnabled());
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("appRegister"))->isVisible());
    m_window->start();

    // A sale: its receipt reaches the cloud by itself, and the status bar says all is sent.
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    QElapsedTimer sent; // a figure printed, not a limit: from the cash tap to the receipt in the cloud
    sent.start();
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    click(QStringLiteral("paymentDone"), dialog);
    ASSERT_TRUE(waitFor([this] {
        m_window->statusBar()->refresh();
        return cloudCount("receipts") == 1;
    })) << text(QStringLiteral("statusSync")).toStdString();
    std::printf("[figure] receipt in the cloud %lld ms after the cash tap\n",
                static_cast<long long>(sent.elapsed()));
    ASSERT_TRUE(waitFor([this] {
        m_window->statusBar()->refresh();
        return text(QStringLiteral("statusSync")) == QStringLiteral("Облако: всё отправлено");
    })) << text(QStringLiteral("statusSync")).toStdString();

    // The owner adds a product in the cabinet; "sync now" in service mode pulls it and the sale
    // screen finds it without a restart.
    auto login = send("POST", "/api/v1/auth/login", {{"login", kEmail}, {"password", "Correct-Horse-42"}});
    ASSERT_EQ(login.status, 200) << login.body;
    const auto cookie = login.headers.get("Set-Cookie").value_or("");
    auto created = send("POST", "/api/v1/products",
                        {{"name", "Квас облачный"}, {"sku", "KVAS-1"}, {"price", 12900}, {"vatRate", "vat22"}},
                        cookie.substr(0, cookie.find(';')));
    ASSERT_EQ(created.status, 201) << created.body;
    m_runtime->session() = *onWorker([&] { return m_runtime->auth().login(DemoData::kTechnicianPin); });
    m_window->showScreen(QStringLiteral("cloud"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("cloud"));
    click(QStringLiteral("cloudSyncNow"));
    m_window->showScreen(QStringLiteral("sale"));
    auto* search = find<QLineEdit>(QStringLiteral("saleSearch"));
    auto* results = find<QListWidget>(QStringLiteral("searchResults"));
    ASSERT_TRUE(waitFor([&] {
        search->clear();
        // keyClicks takes ASCII only: Cyrillic goes as key events carrying the text.
        for (const QChar c : QStringLiteral("облачный")) {
            QTest::sendKeyEvent(QTest::Click, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
        QTest::qWait(400);
        return results->count() > 0 && results->item(0)->text().contains(QStringLiteral("Квас облачный"));
    }));

    // The platform revokes the terminal: the status bar says so in red words, service mode too.
    admin({"revoke-device", "--serial", serial()});
    m_window->showScreen(QStringLiteral("cloud"));
    click(QStringLiteral("cloudSyncNow"));
    ASSERT_TRUE(waitFor([this] {
        m_window->statusBar()->refresh();
        return text(QStringLiteral("statusSync")).contains(QStringLiteral("отозван"));
    })) << text(QStringLiteral("statusSync")).toStdString();
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("cloudState")).contains(QStringLiteral("отозван")); }))
        << text(QStringLiteral("cloudState")).toStdString();
    EXPECT_EQ(find<QLabel>(QStringLiteral("statusSync"))->property("level").toString(), QStringLiteral("error"));
}

TEST_F(RegistrationWizardTest, FromServiceModeTheWizardHasNoNavigationBarAndBackReturns)
{
    login(DemoData::kTechnicianPin);
    auto* nav = find<QWidget>(QStringLiteral("navBar"));
    ASSERT_NE(nav, nullptr);
    EXPECT_TRUE(nav->isVisible());
    m_window->showScreen(QStringLiteral("cloud"));
    click(QStringLiteral("cloudRegister"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("register"));
    EXPECT_FALSE(nav->isVisible()); // the wizard's own buttons lead out
    click(QStringLiteral("regBack"));
    EXPECT_NE(m_window->currentScreen(), QStringLiteral("register"));
    EXPECT_TRUE(nav->isVisible());
}

TEST_F(RegistrationWizardTest, NoConnectionIsSaidInWords)
{
    m_runtime->config().cloudUrl = "http://127.0.0.1:1"; // nothing listens there
    m_window->showScreen(QStringLiteral("register"));
    fillForm("123456");
    click(QStringLiteral("regSubmit"));
    ASSERT_TRUE(waitFor([this] { return message().contains(QStringLiteral("Нет связи с облаком")); }))
        << message().toStdString();
    EXPECT_TRUE(message().contains(QStringLiteral("127.0.0.1:1")));
    EXPECT_EQ(wizard()->page(), RegistrationWizard::Form);
}

TEST(RegistrationWizardMessages, EachRefusalHasItsOwnWords)
{
    namespace errc = core::errc;
    const auto wrongPin = RegistrationWizard::messageFor(core::Error(errc::kRegistrationWrongPin, "x [wrong_code]"), {});
    EXPECT_TRUE(wrongPin.contains(QStringLiteral("уже использован")));
    const auto tooMany = RegistrationWizard::messageFor(
        core::Error(errc::kRegistrationTooManyAttempts, "Слишком много неверных PIN-кодов: попросите у продавца новый PIN [rate_limited]"), {});
    EXPECT_TRUE(tooMany.contains(QStringLiteral("попросите у продавца новый PIN")));
    EXPECT_FALSE(tooMany.contains(QStringLiteral("rate_limited")));
    const auto offline = RegistrationWizard::messageFor(core::Error(errc::kSyncNoConnection, "curl: refused"),
                                                        QStringLiteral("https://cloud.example"));
    EXPECT_TRUE(offline.contains(QStringLiteral("Нет связи")));
    EXPECT_TRUE(offline.contains(QStringLiteral("https://cloud.example")));
    EXPECT_FALSE(offline.contains(QStringLiteral("curl")));
}

// config.json is edited by hand on real terminals: cloud.url is checked, not trusted.
TEST(TerminalConfigCloudUrl, DefaultsRoundTripsAndRefusesMalformedValues)
{
    auto defaults = till::TerminalConfig::fromJson(core::Json::object());
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->cloudUrl, "http://127.0.0.1:8080"); // where scripts/run.sh starts sigma-cloud

    till::TerminalConfig config;
    config.cloudUrl = "https://cloud.example";
    auto back = till::TerminalConfig::fromJson(config.toJson());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->cloudUrl, "https://cloud.example");

    for (const char* bad : {R"({"cloud": "https://cloud.example"})", R"({"cloud": {"url": 42}})",
                            R"({"cloud": {"url": "cloud.example"}})", R"({"cloud": {"url": "ftp://cloud.example"}})",
                            R"({"cloud": {"url": ""}})", R"({"cloud": []})"}) {
        auto parsed = till::TerminalConfig::fromJson(core::Json::parse(bad));
        ASSERT_FALSE(parsed.ok()) << bad;
        EXPECT_EQ(parsed.error().code, core::errc::kInvalidArgument) << bad;
        EXPECT_NE(parsed.error().field.find("cloud"), std::string::npos) << bad;
    }
}

} // namespace
} // namespace sigma::terminal
