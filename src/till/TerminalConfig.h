#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <filesystem>
#include <optional>
#include <string>

namespace sigma::till {

/// What the terminal runs as: one app per business type.
enum class BusinessType {
    Trade = 1,
    Services,
    Food,
};

std::string_view businessTypeName(BusinessType type);
core::Result<BusinessType> parseBusinessType(std::string_view name);

/// config.json of the data directory: the business type, the fiscal device, the UI language and
/// the scale. Written atomically (temporary file + rename), so a crash never leaves half a file.
struct TerminalConfig {
    std::optional<BusinessType> businessType;
    bool businessTypeLocked = false; ///< set once the cabinet is activated
    std::string fiscalDriver = "emulator";
    core::Json fiscalSettings = core::Json::object();
    /// The terminal's UI language: "ru" (the default) or "en".
    std::string language = "ru";
    /// The shop scale's driver (drivers/scale ScaleDrivers id); empty: no scale connected.
    std::string scaleDriver;
    core::Json scaleSettings = core::Json::object();
    /// The Sigma cloud the terminal registers with and syncs to (config.json "cloud.url"); the
    /// default is where scripts/run.sh starts sigma-cloud, so a local run works without editing.
    std::string cloudUrl = std::string(kDefaultCloudUrl);
    static constexpr std::string_view kDefaultCloudUrl = "http://127.0.0.1:8080";

    /// A missing file gives the defaults; a malformed one is an error naming the field.
    static core::Result<TerminalConfig> load(const std::filesystem::path& file);
    [[nodiscard]] core::Status save(const std::filesystem::path& file) const;

    [[nodiscard]] core::Json toJson() const;
    static core::Result<TerminalConfig> fromJson(const core::Json& json);
};

} // namespace sigma::till
