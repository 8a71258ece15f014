#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "fiscal/FiscalDevice.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sigma::fiscal {

enum class SettingType {
    String = 1,
    Integer,
    Boolean,
    Choice,
    Path,
};

std::string_view settingTypeName(SettingType type);

/// One field of a driver's settings form: enough for a generic screen to draw and validate it
/// (the OBS "properties" idea), so the service mode needs no code per driver.
struct SettingField {
    std::string name;        ///< key in the settings JSON
    SettingType type = SettingType::String;
    core::Json defaultValue; ///< of the field's type
    std::string label;       ///< Russian, for the form
    std::string help;        ///< one line under the field
    std::vector<std::string> choices; ///< Choice only
    std::int64_t minimum = 0;         ///< Integer only
    std::int64_t maximum = 0;         ///< Integer only; 0 = no limit
};

/// What the app gives every driver it creates.
struct DriverContext {
    std::filesystem::path dataDir;  ///< the terminal's data directory
    const core::Clock* clock = nullptr;
};

struct DriverCapabilities {
    bool emulated = false;       ///< a virtual device, not hardware
    bool firmwareUpdate = false; ///< can flash register firmware from a signed image
    bool ofdSettings = false;    ///< can write the OFD address to the register (OfdSettingsWriter)
};

using DriverFactory =
    std::function<core::Result<std::unique_ptr<FiscalDevice>>(const core::Json& settings, const DriverContext& context)>;

struct DriverDescriptor {
    std::string id;    ///< stable, in config files: "emulator", "atol"
    std::string label; ///< Russian, for people
    std::vector<SettingField> settings;
    DriverCapabilities capabilities;
    DriverFactory factory;
};

/// Maps a driver id to its factory and settings schema. Not a singleton: the executable builds
/// one and registers the drivers it ships (drivers/BuiltinDrivers.h).
class DriverRegistry {
public:
    /// Registers a driver; a second registration of the same id replaces the first.
    void add(DriverDescriptor descriptor);

    [[nodiscard]] const DriverDescriptor* find(std::string_view id) const;
    [[nodiscard]] std::vector<const DriverDescriptor*> all() const;

    /// Settings with every missing field set to its default; refuses unknown ids, fields of the
    /// wrong type, choices outside the list and integers outside the range, naming the field.
    [[nodiscard]] core::Result<core::Json> resolveSettings(std::string_view id, const core::Json& settings) const;

    /// resolveSettings() and then the driver's factory.
    [[nodiscard]] core::Result<std::unique_ptr<FiscalDevice>> create(std::string_view id, const core::Json& settings,
                                                                     const DriverContext& context) const;

    /// A driver's descriptor as JSON (id, label, capabilities, settings fields), for forms and `sigmactl`.
    [[nodiscard]] core::Result<core::Json> describe(std::string_view id) const;

private:
    std::vector<DriverDescriptor> m_drivers;
};

} // namespace sigma::fiscal
