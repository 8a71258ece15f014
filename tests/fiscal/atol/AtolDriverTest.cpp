// The atol driver's own behaviour: its settings form, loading the vendor library, and how it
// reports the ways of not reaching a register.

#include "core/Clock.h"
#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "drivers/atol/AtolDriver.h"
#include "drivers/atol/DeviceError.h"
#include "drivers/atol/WideText.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/DriverRegistry.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;

class AtolDriverTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        drivers::atol::registerAtolDriver(m_registry);
        m_context.dataDir = m_dir.path();
        m_context.clock = &m_clock;
    }

    core::Result<std::unique_ptr<fiscal::FiscalDevice>> create(const core::Json& settings)
    {
        return m_registry.create("atol", settings, m_context);
    }

    core::Json libraryOn(const std::filesystem::path& stateFile)
    {
        return {{"transport", "library"},
                {"libraryPath", SIGMA_FPTR10_PATH},
                {"librarySettings", core::Json{{"StateFile", stateFile.string()}}.dump()}};
    }

    static core::Result<core::Json> run(fiscal::FiscalDevice& device, const std::string& task)
    {
        return device.execute(*core::parseJsonExact(task));
    }

    TempDir m_dir{"sigma-atol-driver"};
    core::SystemClock m_clock;
    fiscal::DriverRegistry m_registry;
    fiscal::DriverContext m_context;
};

TEST_F(AtolDriverTest, DescribesARealRegisterWithAtolsSettings)
{
    const auto described = m_registry.describe("atol");
    ASSERT_TRUE(described.ok());
    EXPECT_FALSE((*described)["capabilities"]["emulated"].get<bool>());
    EXPECT_FALSE((*described)["capabilities"]["firmwareUpdate"].get<bool>());
    EXPECT_FALSE((*described)["capabilities"]["ofdSettings"].get<bool>()); // set with ATOL's own utility

    const auto resolved = m_registry.resolveSettings("atol", core::Json::object());
    ASSERT_TRUE(resolved.ok()) << resolved.error().message;
    EXPECT_EQ((*resolved)["transport"], "library");
    EXPECT_EQ((*resolved)["libraryPath"], "libfptr10.so");
    EXPECT_EQ((*resolved)["Model"], 500);
    EXPECT_EQ((*resolved)["IPPort"], 5555);
    EXPECT_EQ((*resolved)["BaudRate"], 115200);
    EXPECT_EQ((*resolved)["UsbDevicePath"], "auto");
    EXPECT_EQ((*resolved)["url"], "http://127.0.0.1:16732");
    EXPECT_EQ((*resolved)["pollIntervalMs"], 100);
    EXPECT_EQ((*resolved)["timeoutMs"], 30000);
    for (const auto& field : (*described)["settings"]) {
        if (field["name"] == "Port") {
            EXPECT_EQ(field["choices"], core::Json::parse(R"(["com", "usb", "tcpip", "bluetooth"])"));
        }
        if (field["name"] == "transport") {
            EXPECT_EQ(field["choices"], core::Json::parse(R"(["library", "webServer"])"));
        }
    }

    const auto badPort = m_registry.resolveSettings("atol", {{"Port", "serial"}});
    ASSERT_FALSE(badPort.ok());
    EXPECT_EQ(badPort.error().field, "settings.Port");
}

TEST_F(AtolDriverTest, AMissingLibraryIsDriverNotInstalledWithTheReason)
{
    const std::string path = (m_dir / "no-such-dir" / "libfptr10.so").string();
    const auto device = create({{"transport", "library"}, {"libraryPath", path}});
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().code, atol::kDriverNotInstalled);
    EXPECT_EQ(device.error().field, "libraryPath");
    const auto& message = device.error().message;
    EXPECT_TRUE(message.starts_with("Драйвер ККТ не установлен")) << message;
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("No such file"), std::string::npos) << "dlerror's text: " << message;
}

TEST_F(AtolDriverTest, ALibraryWithoutTheDriversFunctionsIsDriverNotInstalled)
{
    const auto device = create({{"transport", "library"}, {"libraryPath", "libm.so.6"}});
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().code, atol::kDriverNotInstalled);
    EXPECT_NE(device.error().message.find("libfptr_create"), std::string::npos) << device.error().message;
}

TEST_F(AtolDriverTest, LibrarySettingsMustBeAJsonObject)
{
    auto settings = libraryOn(m_dir / "kkt.db");
    settings["librarySettings"] = "[1, 2]";
    const auto device = create(settings);
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().code, core::errc::kInvalidArgument);
    EXPECT_EQ(device.error().field, "settings.librarySettings");
}

TEST_F(AtolDriverTest, SettingsTheLibraryRefusesAreReportedAtCreation)
{
    auto settings = libraryOn(m_dir / "kkt.db");
    settings["librarySettings"] = R"({"StateFile": 7})";
    const auto device = create(settings);
    ASSERT_FALSE(device.ok());
    EXPECT_EQ(device.error().code, atol::kJsonInvalidValue);
    EXPECT_NE(device.error().message.find("StateFile"), std::string::npos) << device.error().message;
}

TEST_F(AtolDriverTest, ARegisterThatCannotBeOpenedIsNoConnection)
{
    // The emulator's "connection" is its state file; one that cannot be created is a register
    // that cannot be reached. Creating the device still works: the link is opened per task.
    auto device = create(libraryOn("/proc/sigma-no-such-dir/kkt.db"));
    ASSERT_TRUE(device.ok()) << device.error().message;
    const auto result = run(**device, R"({"type": "getDeviceStatus"})");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, atol::kNoConnection) << result.error().message;
    EXPECT_TRUE(fiscal::isDeviceUnreachable(result.error()));
}

TEST_F(AtolDriverTest, AWebServerThatIsNotThereIsNoConnection)
{
    auto device = create({{"transport", "webServer"}, {"url", "http://127.0.0.1:1"}, {"timeoutMs", 2000}});
    ASSERT_TRUE(device.ok()) << device.error().message;
    const auto result = run(**device, R"({"type": "getDeviceStatus"})");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, atol::kNoConnection) << result.error().message;

    const auto badUrl = create({{"transport", "webServer"}, {"url", "ftp://example.org"}});
    ASSERT_FALSE(badUrl.ok());
    EXPECT_EQ(badUrl.error().field, "settings.url");
}

TEST_F(AtolDriverTest, ErrorsComeBackOnceWithTheirDescription)
{
    auto device = create(libraryOn(m_dir / "kkt.db"));
    ASSERT_TRUE(device.ok()) << device.error().message;
    const auto result = run(**device, R"({"type": "closeShift"})");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, atol::kShiftClosed);
    EXPECT_EQ(result.error().message, "Смена закрыта - операция невозможна");
}

TEST_F(AtolDriverTest, LongAnswersAreReadWithABiggerBuffer)
{
    // A receipt with 60 positions decodes to a TLV tree far beyond the first 4096-character buffer.
    auto device = create(libraryOn(m_dir / "kkt.db"));
    ASSERT_TRUE(device.ok()) << device.error().message;
    ASSERT_TRUE(run(**device, R"({"type": "openShift"})").ok());
    core::Json sell = {{"type", "sell"}, {"items", core::Json::array()}, {"payments", core::Json::array()}};
    for (int i = 0; i < 60; ++i) {
        sell["items"].push_back({{"type", "position"},
                                 {"name", "Позиция номер " + std::to_string(i)},
                                 {"price", 1},
                                 {"quantity", 1},
                                 {"amount", 1},
                                 {"tax", {{"type", "vat22"}}}});
    }
    sell["payments"].push_back({{"type", "cash"}, {"sum", 60}});
    const auto sold = (*device)->execute(sell);
    ASSERT_TRUE(sold.ok()) << sold.error().message;
    const auto document = run(**device, R"({"type": "getFnDocument", "fiscalDocumentNumber": 3, "withRawData": true})");
    ASSERT_TRUE(document.ok()) << document.error().message;
    EXPECT_GT(document->dump().size(), 4096u * 2);
    EXPECT_EQ((*document)["documentTLV"]["total"], "60.0");
    EXPECT_NE(document->dump().find("Позиция номер 59"), std::string::npos);
}

TEST(AtolDeviceErrorTest, MapsTheDriversCodes)
{
    using drivers::atol::deviceError;
    EXPECT_EQ(deviceError(atol::kNoPaper, "Нет бумаги"), core::Error(atol::kNoPaper, "Нет бумаги"));
    EXPECT_EQ(deviceError(atol::kNoPaper, "paper out").message, "Нет бумаги: paper out");
    EXPECT_EQ(deviceError(atol::kNoPaper, "").message, "Нет бумаги");
    EXPECT_EQ(deviceError(1, "Соединение не установлено").code, atol::kNoConnection);
    EXPECT_EQ(deviceError(4, "Порт недоступен").code, atol::kNoConnection);
    EXPECT_EQ(deviceError(0, "").code, atol::kDriverFailure);
    EXPECT_EQ(deviceError(999, "что-то").message, "Ошибка ККТ: что-то");
}

TEST(AtolWideTextTest, RoundTripsEveryPlane)
{
    const std::string text = "Сыр «Российский» 1 кг — 654,00 ₽ 🧀 \x7f";
    const auto wide = drivers::atol::toWide(text);
    ASSERT_TRUE(wide.ok()) << wide.error().message;
    EXPECT_EQ(wide->size(), 36u);
    EXPECT_EQ((*wide)[0], L'С');
    EXPECT_EQ((*wide)[33], static_cast<wchar_t>(0x1F9C0));
    const auto back = drivers::atol::fromWide(*wide);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, text);
    EXPECT_EQ(*drivers::atol::toWide(""), L"");
}

TEST(AtolWideTextTest, RefusesWhatIsNotText)
{
    for (const char* bad : {"\xC0\x80", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
                            "ok\xE2\x82", "\x80", "\xE2\x28\xA1"}) {
        const auto wide = drivers::atol::toWide(bad);
        ASSERT_FALSE(wide.ok()) << bad;
        EXPECT_EQ(wide.error().code, core::errc::kBadUtf8);
    }
    for (const std::uint32_t bad : {0xD800u, 0xDFFFu, 0x110000u, 0xFFFFFFFFu}) {
        const std::wstring wide = {L'a', static_cast<wchar_t>(bad)};
        const auto utf8 = drivers::atol::fromWide(wide);
        ASSERT_FALSE(utf8.ok()) << bad;
        EXPECT_NE(utf8.error().message.find("position 1"), std::string::npos) << utf8.error().message;
    }
}

} // namespace
} // namespace sigma::test
