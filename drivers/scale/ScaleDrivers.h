#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "fiscal/DriverRegistry.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "devices/Scale.h"

namespace sigma::drivers::scale {

/// A scale driver as the service screen shows it. The settings fields are the fiscal drivers'
/// (fiscal::SettingField), so one generic form draws the register's and the scale's settings.
struct ScaleDriverDescriptor {
    std::string id;    ///< stable, in config files: "emulator", "casAp"
    std::string label; ///< Russian, for people
    bool emulated = false;
    std::vector<fiscal::SettingField> settings;
};

/// What the app gives a scale driver it opens.
struct ScaleContext {
    std::filesystem::path dataDir;      ///< relative paths in the settings are under it
    const core::Clock* clock = nullptr; ///< required
};

/// The scale drivers this build ships, with their settings schemas.
class ScaleDrivers {
public:
    [[nodiscard]] static const std::vector<ScaleDriverDescriptor>& all();
    [[nodiscard]] static const ScaleDriverDescriptor* find(std::string_view id);

    /// Every driver as JSON: id, label, emulated, settings fields (as `sigmactl fiscal drivers`).
    [[nodiscard]] static core::Json describe();

    /// Settings with every missing field set to its default; refuses an unknown driver, fields of
    /// the wrong type, choices outside the list and integers out of range (kBadSettings, 2007,
    /// naming the field).
    [[nodiscard]] static core::Result<core::Json> resolveSettings(std::string_view id, const core::Json& settings);

    /// resolveSettings() and then the driver.
    [[nodiscard]] static core::Result<std::unique_ptr<devices::Scale>>
    open(std::string_view id, const core::Json& settings, const ScaleContext& context);
};

} // namespace sigma::drivers::scale
