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

/// config.json of the data directory: the business type and the fiscal device. Written
/// atomically (temporary file + rename), so a crash never leaves half a file.
struct TerminalConfig {
    std::optional<BusinessType> businessType;
    bool businessTypeLocked = false; ///< set once the cabinet is activated
    std::string fiscalDriver = "emulator";
    core::Json fiscalSettings = core::Json::object();

    /// A missing file gives the defaults; a malformed one is an error naming the field.
    static core::Result<TerminalConfig> load(const std::filesystem::path& file);
    [[nodiscard]] core::Status save(const std::filesystem::path& file) const;

    [[nodiscard]] core::Json toJson() const;
    static core::Result<TerminalConfig> fromJson(const core::Json& json);
};

} // namespace sigma::till
