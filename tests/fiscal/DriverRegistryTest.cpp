#include "fiscal/DriverRegistry.h"

#include "core/ErrorCodes.h"
#include "drivers/emulator/EmulatorDriver.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma::fiscal {
namespace {

TEST(DriverRegistry, DescribesAndCreatesTheEmulator)
{
    DriverRegistry registry;
    drivers::emulator::registerEmulatorDriver(registry);
    auto description = registry.describe("emulator");
    ASSERT_TRUE(description.ok());
    EXPECT_TRUE((*description)["capabilities"]["emulated"].get<bool>());
    ASSERT_EQ((*description)["settings"].size(), 2u);
    EXPECT_EQ((*description)["settings"][1]["name"], "utcOffsetMinutes");
    EXPECT_EQ((*description)["settings"][1]["type"], "integer");

    test::TempDir dir;
    test::ManualClock clock;
    auto device = registry.create("emulator", core::Json::object(), {dir.path(), &clock});
    ASSERT_TRUE(device.ok()) << device.error().message;
    EXPECT_EQ((*device)->driverId(), "emulator");
    auto info = (*device)->execute({{"type", "getDeviceInfo"}});
    ASSERT_TRUE(info.ok());
    EXPECT_TRUE(std::filesystem::exists(dir / "kkt.db"));
}

TEST(DriverRegistry, ValidatesSettingsAgainstTheSchema)
{
    DriverRegistry registry;
    drivers::emulator::registerEmulatorDriver(registry);
    auto resolved = registry.resolveSettings("emulator", core::Json::object());
    ASSERT_TRUE(resolved.ok());
    EXPECT_EQ((*resolved)["utcOffsetMinutes"], 180);
    EXPECT_EQ(registry.resolveSettings("emulator", {{"utcOffsetMinutes", "x"}}).error().field,
              "settings.utcOffsetMinutes");
    EXPECT_FALSE(registry.resolveSettings("emulator", {{"utcOffsetMinutes", 5000}}).ok());
    EXPECT_EQ(registry.resolveSettings("nope", core::Json::object()).error().code, core::errc::kNotFound);
    EXPECT_FALSE(registry.resolveSettings("emulator", core::Json::array()).ok());
}

TEST(DriverRegistry, ChoiceFieldsAreChecked)
{
    DriverRegistry registry;
    DriverDescriptor descriptor;
    descriptor.id = "fake";
    SettingField port;
    port.name = "port";
    port.type = SettingType::Choice;
    port.defaultValue = "usb";
    port.choices = {"usb", "tcp"};
    descriptor.settings.push_back(port);
    descriptor.factory = [](const core::Json&, const DriverContext&) -> core::Result<std::unique_ptr<FiscalDevice>> {
        return core::Error(1005, "not a real driver");
    };
    registry.add(descriptor);
    EXPECT_TRUE(registry.resolveSettings("fake", {{"port", "tcp"}}).ok());
    EXPECT_FALSE(registry.resolveSettings("fake", {{"port", "bluetooth"}}).ok());
    EXPECT_EQ(registry.all().size(), 1u);
}

} // namespace
} // namespace sigma::fiscal
