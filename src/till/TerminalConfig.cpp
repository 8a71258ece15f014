#include "till/TerminalConfig.h"

#include "core/ErrorCodes.h"

#include <fstream>
#include <sstream>

#include <unistd.h>

namespace sigma::till {

std::string_view businessTypeName(BusinessType type)
{
    switch (type) {
    case BusinessType::Trade: return "trade";
    case BusinessType::Services: return "services";
    case BusinessType::Food: return "food";
    }
    return "trade";
}

core::Result<BusinessType> parseBusinessType(std::string_view name)
{
    if (name == "trade") {
        return BusinessType::Trade;
    }
    if (name == "services") {
        return BusinessType::Services;
    }
    if (name == "food") {
        return BusinessType::Food;
    }
    return core::Error(core::errc::kInvalidArgument,
                       "unknown business type '" + std::string(name) + "' (expected trade, services or food)",
                       "businessType");
}

core::Json TerminalConfig::toJson() const
{
    core::Json json = {{"fiscal", {{"driver", fiscalDriver}, {"settings", fiscalSettings}}},
                       {"businessTypeLocked", businessTypeLocked}};
    if (businessType) {
        json["businessType"] = businessTypeName(*businessType);
    }
    json["language"] = language;
    if (!scaleDriver.empty()) {
        json["scale"] = {{"driver", scaleDriver}, {"settings", scaleSettings}};
    }
    json["cloud"] = {{"url", cloudUrl}};
    return json;
}

core::Result<TerminalConfig> TerminalConfig::fromJson(const core::Json& json)
{
    if (!json.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "config.json must hold a JSON object");
    }
    TerminalConfig config;
    if (json.contains("businessType") && !json["businessType"].is_null()) {
        SIGMA_ASSIGN_OR_RETURN(auto name, core::stringFromJson(json["businessType"], "businessType"));
        SIGMA_ASSIGN_OR_RETURN(config.businessType, parseBusinessType(name));
    }
    if (json.contains("businessTypeLocked")) {
        if (!json["businessTypeLocked"].is_boolean()) {
            return core::Error(core::errc::kInvalidArgument, "must be true or false", "businessTypeLocked");
        }
        config.businessTypeLocked = json["businessTypeLocked"].get<bool>();
    }
    if (json.contains("fiscal")) {
        const auto& fiscal = json["fiscal"];
        if (!fiscal.is_object()) {
            return core::Error(core::errc::kInvalidArgument, "must be an object", "fiscal");
        }
        if (fiscal.contains("driver")) {
            SIGMA_ASSIGN_OR_RETURN(config.fiscalDriver, core::stringFromJson(fiscal["driver"], "fiscal.driver"));
        }
        if (fiscal.contains("settings")) {
            if (!fiscal["settings"].is_object()) {
                return core::Error(core::errc::kInvalidArgument, "must be an object", "fiscal.settings");
            }
            config.fiscalSettings = fiscal["settings"];
        }
    }
    if (json.contains("language")) {
        SIGMA_ASSIGN_OR_RETURN(config.language, core::stringFromJson(json["language"], "language"));
        if (config.language != "ru" && config.language != "en") {
            return core::Error(core::errc::kInvalidArgument, "must be \"ru\" or \"en\"", "language");
        }
    }
    if (json.contains("scale")) {
        const auto& scale = json["scale"];
        if (!scale.is_object()) {
            return core::Error(core::errc::kInvalidArgument, "must be an object", "scale");
        }
        if (scale.contains("driver")) {
            SIGMA_ASSIGN_OR_RETURN(config.scaleDriver, core::stringFromJson(scale["driver"], "scale.driver"));
        }
        if (scale.contains("settings")) {
            if (!scale["settings"].is_object()) {
                return core::Error(core::errc::kInvalidArgument, "must be an object", "scale.settings");
            }
            config.scaleSettings = scale["settings"];
        }
    }
    if (json.contains("cloud")) {
        const auto& cloud = json["cloud"];
        if (!cloud.is_object()) {
            return core::Error(core::errc::kInvalidArgument, "must be an object", "cloud");
        }
        if (cloud.contains("url")) {
            SIGMA_ASSIGN_OR_RETURN(config.cloudUrl, core::stringFromJson(cloud["url"], "cloud.url"));
            if (config.cloudUrl.rfind("https://", 0) != 0 && config.cloudUrl.rfind("http://", 0) != 0) {
                return core::Error(core::errc::kInvalidArgument, "must start with https:// or http://", "cloud.url");
            }
        }
    }
    return config;
}

core::Result<TerminalConfig> TerminalConfig::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return TerminalConfig{};
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto json = core::parseJsonExact(text.str());
    if (!json) {
        return core::Error(json.error().code, file.string() + ": " + json.error().message);
    }
    return fromJson(*json);
}

core::Status TerminalConfig::save(const std::filesystem::path& file) const
{
    const auto temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) {
            return core::Error(core::errc::kIo, "cannot write " + temporary);
        }
        out << toJson().dump(2) << '\n';
        out.flush();
        if (!out) {
            return core::Error(core::errc::kIo, "cannot write " + temporary);
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, file, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot replace " + file.string() + ": " + ec.message());
    }
    return core::ok();
}

} // namespace sigma::till
