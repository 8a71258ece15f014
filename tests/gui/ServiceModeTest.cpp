// The technician's service-mode sections (src/terminal/screens/service), driven by clicks on the
// real widgets with the real installer, the real till services and the in-process emulated register.
#include "crypto/Hex.h"
#include "fiscal/TaskBuilder.h"
#include "terminal/screens/service/OfdSettings.h"
#include "terminal/screens/service/ServiceSections.h"
#include "update/ArchiveReader.h"
#include "update/PackageFixture.h"
#include "update/TrustStore.h"

#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStackedWidget>

#include <cstdlib>

#include "ServiceModeFixture.h"

namespace sigma::terminal {
namespace {

using test_support::ServiceModeTest;

TEST_F(ServiceModeTest, CashierCannotOpenTheServiceSections)
{
    login(DemoData::kCashierPin);
    EXPECT_FALSE(find(QStringLiteral("nav_service"))->isVisible());
    m_window->showScreen(QStringLiteral("service"));
    EXPECT_NE(m_window->currentScreen(), QStringLiteral("service")); // refused in words on the message bar

    // The second lock: the sections refuse a session without the service permission.
    auto* sections = find<ServiceSections>(QStringLiteral("serviceSections"));
    ASSERT_NE(sections, nullptr);
    sections->showSection(1);
    EXPECT_EQ(sections->findChild<QStackedWidget*>()->currentIndex(), 0);
}

TEST_F(ServiceModeTest, TamperedPackageIsRefusedInWordsAndNothingIsWritten)
{
    const auto tree = m_dir / "tree";
    sigma::test::makeRelease(tree, "1.0.0");
    const auto good = sigma::test::buildPackage(tree, sigma::test::manifestFor(update::Component::Terminal, "1.0.0"),
                                                devKey(), m_dir / "good-1.0.0.tar.gz");
    // The same signed manifest over a changed file (same size): what an attacker could ship.
    update::Manifest manifest = sigma::test::manifestFor(update::Component::Terminal, "1.0.0");
    ASSERT_TRUE(update::PackageBuilder::addDirectory(manifest, tree).ok());
    sigma::test::writeText(tree / "share/version.txt", "6.6.6\n");
    const auto tampered = m_dir / "tampered-1.0.0.tar.gz";
    ASSERT_TRUE(update::PackageBuilder::write(manifest, tree, devKey(), tampered).ok());

    openSection("serviceTab_updates");
    const auto before = installTree();
    pick(QStringLiteral("updatesPickerList"), tampered);
    click(QStringLiteral("updatesApply"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("updatesResult")).contains(QStringLiteral("отклонён")); }))
        << text(QStringLiteral("updatesResult")).toStdString();
    const QString refusal = text(QStringLiteral("updatesResult"));
    EXPECT_TRUE(refusal.contains(QStringLiteral("ничего не изменено"))) << refusal.toStdString();
    EXPECT_FALSE(refusal.trimmed().startsWith(QStringLiteral("(код")));         // words first, the code last
    EXPECT_FALSE(find<QWidget>(QStringLiteral("updatesConfirm"))->isVisible()); // nothing to confirm
    EXPECT_EQ(installTree(), before);
    EXPECT_FALSE(std::filesystem::exists(m_installRoot / "current"));

    if (!update::TrustStore::builtinTrustsDevKey()) {
        return; // a release-keyed build: the good package is refused too (unknown key), already covered
    }
    EXPECT_TRUE(refusal.contains(QStringLiteral("изменено или повреждено"))) << refusal.toStdString();
    // The untampered package: notes shown, confirmation, install with stages, `current` switched.
    pick(QStringLiteral("updatesPickerList"), good);
    click(QStringLiteral("updatesApply"));
    ASSERT_TRUE(waitFor([this] { return find<QWidget>(QStringLiteral("updatesConfirm"))->isVisible(); }))
        << text(QStringLiteral("updatesResult")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("updatesNotes")).contains(QStringLiteral("Исправления и улучшения")));
    EXPECT_TRUE(text(QStringLiteral("updatesConfirmText")).contains(QStringLiteral("1.0.0")));
    click(QStringLiteral("updatesConfirmYes"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("updatesResult")).contains(QStringLiteral("Установлена"));
    })) << text(QStringLiteral("updatesResult")).toStdString();
    EXPECT_TRUE(std::filesystem::exists(m_installRoot / "releases/1.0.0/share/version.txt"));
    EXPECT_EQ(std::filesystem::read_symlink(m_installRoot / "current").filename(), "1.0.0");
    EXPECT_TRUE(text(QStringLiteral("updatesStatus")).contains(QStringLiteral("1.0.0")));
}

TEST_F(ServiceModeTest, CloseArchiveIsRefusedWhileTheShiftIsOpenThenDoneAfterClose)
{
    ASSERT_TRUE(onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::OpenShift, op())); }).ok());
    openSection("serviceTab_lifecycle");

    click(QStringLiteral("lifecycleCloseArchive"));
    ASSERT_TRUE(find<QWidget>(QStringLiteral("lifecycleConfirm"))->isVisible());
    const QString consequence = text(QStringLiteral("lifecycleConfirmText"));
    EXPECT_TRUE(consequence.contains(QStringLiteral("необратимо"))) << consequence.toStdString();
    EXPECT_TRUE(consequence.contains(QStringLiteral("Отчёт о закрытии ФН"))) << consequence.toStdString();
    click(QStringLiteral("lifecycleConfirmYes"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("отказ")); }))
        << text(QStringLiteral("lifecycleResult")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("мен"))) // "смена" in the words
        << text(QStringLiteral("lifecycleResult")).toStdString();
    auto fn = onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetFnInfo)); });
    ASSERT_TRUE(fn.ok());
    EXPECT_EQ((*fn)["fnInfo"]["livePhase"], "fiscalMode");
    const std::string oldFn = (*fn)["fnInfo"]["serial"];

    // A replacement before the archive is closed: refused, said for the technician.
    click(QStringLiteral("lifecycleFnChange"));
    click(QStringLiteral("lifecycleConfirmYes"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("Замена ФН: отказ"));
    })) << text(QStringLiteral("lifecycleResult")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("Сначала закройте архив ФН")));

    ASSERT_TRUE(onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::CloseShift, op())); }).ok());
    click(QStringLiteral("lifecycleCloseArchive"));
    click(QStringLiteral("lifecycleConfirmYes"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("выполнено"));
    })) << text(QStringLiteral("lifecycleResult")).toStdString();
    fn = onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetFnInfo)); });
    ASSERT_TRUE(fn.ok());
    EXPECT_EQ((*fn)["fnInfo"]["livePhase"], "postFiscalMode");

    // Cancel does nothing: the FN replacement asked, refused by the technician.
    const QString before = text(QStringLiteral("lifecycleResult"));
    click(QStringLiteral("lifecycleFnChange"));
    click(QStringLiteral("lifecycleConfirmNo"));
    QTest::qWait(50);
    EXPECT_EQ(text(QStringLiteral("lifecycleResult")), before);
    m_runner->waitForIdle();
    EXPECT_EQ(text(QStringLiteral("lifecycleResult")), before);

    click(QStringLiteral("lifecycleFnChange"));
    EXPECT_TRUE(text(QStringLiteral("lifecycleConfirmText")).contains(QStringLiteral("Отчёт об изменении параметров")));
    click(QStringLiteral("lifecycleConfirmYes"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("Замена ФН: выполнено"));
    })) << text(QStringLiteral("lifecycleResult")).toStdString();
    fn = onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetFnInfo)); });
    ASSERT_TRUE(fn.ok());
    EXPECT_EQ((*fn)["fnInfo"]["livePhase"], "fiscalMode");
    EXPECT_NE((*fn)["fnInfo"]["serial"], oldFn);
}

TEST_F(ServiceModeTest, SupportExportWritesDiagnosticsAndLogsIntoOneFile)
{
    std::filesystem::create_directories(m_dir / "logs");
    sigma::test::writeText(m_dir / "logs/terminal.log", "2026-12-04 09:00 старт терминала\n");
    const auto exportDir = m_dir / "stick";
    std::filesystem::create_directories(exportDir);

    openSection("serviceTab_diagnostics");
    auto* dir = find<QLineEdit>(QStringLiteral("diagnosticsDirectory"));
    dir->setText(QString::fromStdString(exportDir.string()));
    click(QStringLiteral("diagnosticsExport"));
    ASSERT_TRUE(waitFor([this] {
        return text(QStringLiteral("diagnosticsResult")).contains(QStringLiteral("записан"));
    })) << text(QStringLiteral("diagnosticsResult")).toStdString();
    const QString summary = find<QPlainTextEdit>(QStringLiteral("diagnosticsSummary"))->toPlainText();
    EXPECT_TRUE(summary.contains(QStringLiteral("прошивка 5.8.100"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("целостность в порядке"))) << summary.toStdString();

    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(exportDir)) {
        files.push_back(e.path());
    }
    ASSERT_EQ(files.size(), 1U);
    EXPECT_TRUE(files[0].filename().string().starts_with("sigma-support-"));
    auto reader = update::ArchiveReader::openFile(files[0]);
    ASSERT_TRUE(reader.ok()) << reader.error().message;
    std::map<std::string, std::string> entries;
    for (;;) {
        auto entry = reader->next();
        ASSERT_TRUE(entry.ok()) << entry.error().message;
        if (!*entry) {
            break;
        }
        auto data = reader->readAll(1 << 20);
        ASSERT_TRUE(data.ok());
        entries[(*entry)->name] = *data;
    }
    ASSERT_TRUE(entries.contains("diagnostics.json"));
    ASSERT_TRUE(entries.contains("logs/terminal.log"));
    EXPECT_EQ(entries["logs/terminal.log"], "2026-12-04 09:00 старт терминала\n");
    const auto json = core::Json::parse(entries["diagnostics.json"]);
    EXPECT_EQ(json["deviceInfo"]["deviceInfo"]["firmwareVersion"], "5.8.100");
    EXPECT_EQ(json["database"]["ok"], true);
    EXPECT_EQ(json["journal"]["ok"], true);
    EXPECT_TRUE(json["disk"]["availableBytes"].is_number());
    EXPECT_TRUE(json["ofdExchange"]["status"].contains("notSentCount"));
    EXPECT_EQ(json["sync"]["registered"], false);
    EXPECT_TRUE(json["fnInfo"]["fnInfo"].contains("validityDate"));
}

TEST_F(ServiceModeTest, FirmwareFlashRefusedWhileShiftOpenInWords)
{
    openSection("serviceTab_firmware");
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("firmwareVersion")).contains(QStringLiteral("5.8.100")); }))
        << text(QStringLiteral("firmwareVersion")).toStdString();
    EXPECT_TRUE(find(QStringLiteral("firmwareFlash"))->isVisible()); // the emulator's driver can flash
    if (!update::TrustStore::builtinTrustsDevKey()) {
        return;
    }
    const auto tree = m_dir / "fw";
    sigma::test::writeText(tree / "firmware.bin", std::string(100000, '\x5a'));
    const auto package = sigma::test::buildPackage(
        tree, sigma::test::manifestFor(update::Component::KktFirmware, "5.9.0"), devKey(), m_dir / "kkt-5.9.0.tar.gz");
    ASSERT_TRUE(onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::OpenShift, op())); }).ok());
    click(QStringLiteral("firmwarePickerRescan"));
    pick(QStringLiteral("firmwarePickerList"), package);
    click(QStringLiteral("firmwareFlash"));
    click(QStringLiteral("firmwareConfirmYes"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("firmwareResult")).contains(QStringLiteral("смене")); }))
        << text(QStringLiteral("firmwareResult")).toStdString();
    EXPECT_EQ(firmware(), "5.8.100");

    ASSERT_TRUE(onWorker([&] { return m_kkt->execute(fiscal::TaskBuilder::simple(fiscal::TaskType::CloseShift, op())); }).ok());
    click(QStringLiteral("firmwareFlash"));
    click(QStringLiteral("firmwareConfirmYes"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("firmwareResult")).contains(QStringLiteral("5.9.0")); }))
        << text(QStringLiteral("firmwareResult")).toStdString();
    EXPECT_EQ(firmware(), "5.9.0");
    EXPECT_TRUE(find<QLabel>(QStringLiteral("firmwareProgressStage"))->text().contains(QStringLiteral("Готово")));
}

} // namespace
} // namespace sigma::terminal

namespace sigma::terminal {
namespace {

TEST(OfdSettingsTest, RefusesMalformedFilesAndFields)
{
    test::TempDir dir("sigma-ofd");
    const auto file = dir / "ofd-settings.json";
    auto missing = OfdSettings::load(file);
    ASSERT_TRUE(missing.ok());
    EXPECT_TRUE(missing->host.empty());

    for (const char* text : {"{", "[]", "{\"port\": \"x\"}", "{\"host\": 5}", "null"}) {
        sigma::test::writeText(file, text);
        EXPECT_FALSE(OfdSettings::load(file).ok()) << text;
    }
    OfdSettings s{"connect.ofd.example", 7777, "8.8.8.8"};
    EXPECT_TRUE(s.validate().ok());
    for (auto bad :
         {OfdSettings{"", 7777, ""}, OfdSettings{"bad host", 7777, ""}, OfdSettings{"ofd.ru", 0, ""},
          OfdSettings{"ofd.ru", 70000, ""}, OfdSettings{"ofd.ru", 21101, "8.8.8"}, OfdSettings{"../etc", 1, ""}}) {
        EXPECT_FALSE(bad.validate().ok()) << bad.toJson().dump();
        EXPECT_FALSE(bad.save(file).ok());
    }
    ASSERT_TRUE(s.save(file).ok());
    auto loaded = OfdSettings::load(file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->toJson(), s.toJson());
}

TEST_F(ServiceModeTest, OfdSettingsFormSavesValidSettingsOnly)
{
    openSection("serviceTab_lifecycle");
    find<QLineEdit>(QStringLiteral("ofdHost"))->setText(QStringLiteral("connect.ofd.example"));
    find<QLineEdit>(QStringLiteral("ofdPort"))->setText(QStringLiteral("порт"));
    click(QStringLiteral("ofdSave"));
    EXPECT_TRUE(text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("не сохранены")));
    EXPECT_FALSE(std::filesystem::exists(m_dir / "ofd-settings.json"));
    find<QLineEdit>(QStringLiteral("ofdPort"))->setText(QStringLiteral("7777"));
    click(QStringLiteral("ofdSave"));
    auto loaded = OfdSettings::load(m_dir / "ofd-settings.json");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->host, "connect.ofd.example");
    EXPECT_EQ(loaded->port, 7777);
}

TEST_F(ServiceModeTest, OfdSettingsAreWrittenToTheRegisterAndShownBack)
{
    openSection("serviceTab_lifecycle");
    const auto shows = [this](const char* name, const QString& part) {
        return waitFor([this, name, part] { return text(QString::fromLatin1(name)).contains(part); });
    };
    ASSERT_TRUE(shows("ofdDeviceValues", QStringLiteral("не задан")))
        << text(QStringLiteral("ofdDeviceValues")).toStdString();
    EXPECT_TRUE(find(QStringLiteral("ofdWrite"))->isVisible()); // the emulator's driver writes it

    // A malformed port reaches neither the file nor the register.
    find<QLineEdit>(QStringLiteral("ofdHost"))->setText(QStringLiteral("connect.ofd.example"));
    find<QLineEdit>(QStringLiteral("ofdPort"))->setText(QStringLiteral("99999"));
    find<QLineEdit>(QStringLiteral("ofdDns"))->setText(QStringLiteral("8.8.8.8"));
    click(QStringLiteral("ofdWrite"));
    m_runner->waitForIdle();
    QApplication::processEvents();
    EXPECT_TRUE(text(QStringLiteral("lifecycleResult")).contains(QStringLiteral("ofd.port")))
        << text(QStringLiteral("lifecycleResult")).toStdString();
    EXPECT_TRUE(onWorker([&] { return m_kkt->ofdConnection(); })->host.empty());

    find<QLineEdit>(QStringLiteral("ofdPort"))->setText(QStringLiteral("7777"));
    click(QStringLiteral("ofdWrite"));
    ASSERT_TRUE(shows("lifecycleResult", QStringLiteral("записаны в ККТ")))
        << text(QStringLiteral("lifecycleResult")).toStdString();
    ASSERT_TRUE(shows("ofdDeviceValues", QStringLiteral("connect.ofd.example:7777")))
        << text(QStringLiteral("ofdDeviceValues")).toStdString();
    const auto held = onWorker([&] { return m_kkt->ofdConnection(); });
    ASSERT_TRUE(held.ok());
    EXPECT_EQ(*held, (fiscal::OfdConnection{"connect.ofd.example", 7777, "8.8.8.8"}));
    auto saved = OfdSettings::load(m_dir / "ofd-settings.json"); // the file keeps the last entered values
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->port, 7777);
}

} // namespace
} // namespace sigma::terminal
