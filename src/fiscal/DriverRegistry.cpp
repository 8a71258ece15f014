#include "fiscal/DriverRegistry.h"

#include "core/ErrorCodes.h"

#include <algorithm>

namespace sigma::fiscal {
namespace {

core::Status checkField(const SettingField& field, const core::Json& value)
{
    const std::string path = "settings." + field.name;
    switch (field.type) {
    case SettingType::String:
    case SettingType::Path:
        if (!value.is_string()) {
            return core::Error(core::errc::kInvalidArgument, field.name + " must be a string", path);
        }
        break;
    case SettingType::Boolean:
        if (!value.is_boolean()) {
            return core::Error(core::errc::kInvalidArgument, field.name + " must be true or false", path);
        }
        break;
    case SettingType::Integer: {
        if (!value.is_number_integer()) {
            return core::Error(core::errc::kInvalidArgument, field.name + " must be an integer", path);
        }
        const auto n = value.get<std::int64_t>();
        if (n < field.minimum || (field.maximum != 0 && n > field.maximum)) {
            return core::Error(core::errc::kInvalidArgument,
                               field.name + " must be between " + std::to_string(field.minimum) + " and " +
                                   std::to_string(field.maximum),
                               path);
        }
        break;
    }
    case SettingType::Choice:
        if (!value.is_string() ||
            std::find(field.choices.begin(), field.choices.end(), value.get<std::string>()) == field.choices.end()) {
            std::string choices;
            for (const auto& c : field.choices) {
                choices += (choices.empty() ? "" : ", ") + c;
            }
            return core::Error(core::errc::kInvalidArgument, field.name + " must be one of: " + choices, path);
        }
        break;
    }
    return core::ok();
}

} // namespace

std::string_view settingTypeName(SettingType type)
{
    switch (type) {
    case SettingType::String: return "string";
    case SettingType::Integer: return "integer";
    case SettingType::Boolean: return "boolean";
    case SettingType::Choice: return "choice";
    case SettingType::Path: return "path";
    }
    return "string";
}

void DriverRegistry::add(DriverDescriptor descriptor)
{
    for (auto& existing : m_drivers) {
        if (existing.id == descriptor.id) {
            existing = std::move(descriptor);
            return;
        }
    }
    m_drivers.push_back(std::move(descriptor));
}

const DriverDescriptor* DriverRegistry::find(std::string_view id) const
{
    for (const auto& driver : m_drivers) {
        if (driver.id == id) {
            return &driver;
        }
    }
    return nullptr;
}

std::vector<const DriverDescriptor*> DriverRegistry::all() const
{
    std::vector<const DriverDescriptor*> out;
    for (const auto& driver : m_drivers) {
        out.push_back(&driver);
    }
    return out;
}

core::Result<core::Json> DriverRegistry::resolveSettings(std::string_view id, const core::Json& settings) const
{
    const DriverDescriptor* driver = find(id);
    if (driver == nullptr) {
        std::string known;
        for (const auto& d : m_drivers) {
            known += (known.empty() ? "" : ", ") + d.id;
        }
        return core::Error(core::errc::kNotFound, "unknown fiscal driver '" + std::string(id) + "' (known: " + known + ")",
                           "driver");
    }
    if (!settings.is_null() && !settings.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "driver settings must be a JSON object", "settings");
    }
    core::Json resolved = core::Json::object();
    for (const auto& field : driver->settings) {
        const bool given = settings.is_object() && settings.contains(field.name);
        const core::Json& value = given ? settings[field.name] : field.defaultValue;
        SIGMA_TRY(checkField(field, value));
        resolved[field.name] = value;
    }
    return resolved;
}

core::Result<std::unique_ptr<FiscalDevice>> DriverRegistry::create(std::string_view id, const core::Json& settings,
                                                                   const DriverContext& context) const
{
    SIGMA_ASSIGN_OR_RETURN(core::Json resolved, resolveSettings(id, settings));
    return find(id)->factory(resolved, context);
}

core::Result<core::Json> DriverRegistry::describe(std::string_view id) const
{
    const DriverDescriptor* driver = find(id);
    if (driver == nullptr) {
        return core::Error(core::errc::kNotFound, "unknown fiscal driver '" + std::string(id) + "'", "driver");
    }
    core::Json fields = core::Json::array();
    for (const auto& field : driver->settings) {
        core::Json f = {{"name", field.name},
                        {"type", settingTypeName(field.type)},
                        {"default", field.defaultValue},
                        {"label", field.label},
                        {"help", field.help}};
        if (field.type == SettingType::Choice) {
            f["choices"] = field.choices;
        }
        if (field.type == SettingType::Integer) {
            f["minimum"] = field.minimum;
            f["maximum"] = field.maximum;
        }
        fields.push_back(std::move(f));
    }
    return core::Json{{"id", driver->id},
                      {"label", driver->label},
                      {"capabilities",
                       {{"emulated", driver->capabilities.emulated},
                        {"firmwareUpdate", driver->capabilities.firmwareUpdate},
                        {"ofdSettings", driver->capabilities.ofdSettings}}},
                      {"settings", std::move(fields)}};
}

} // namespace sigma::fiscal
