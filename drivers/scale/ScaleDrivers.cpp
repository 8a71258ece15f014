#include "drivers/scale/ScaleDrivers.h"

#include "drivers/scale/EmulatedScale.h"
#include "drivers/scale/SerialScale.h"

#include <algorithm>

namespace sigma::drivers::scale {
namespace {

using fiscal::SettingField;
using fiscal::SettingType;

std::vector<ScaleDriverDescriptor> makeDrivers()
{
    std::vector<ScaleDriverDescriptor> drivers;
    drivers.push_back({"emulator",
                       "Эмулятор весов",
                       true,
                       {{"statePath",
                         SettingType::Path,
                         "scale.db",
                         "Файл состояния",
                         "Что лежит на весах; относительный путь — в каталоге данных",
                         {},
                         0,
                         0}}});
    drivers.push_back(
        {"casAp",
         "CAS AP / ER (RS-232)",
         false,
         {{"port", SettingType::String, "/dev/ttyUSB0", "Порт", "Последовательный порт весов", {}, 0, 0},
          {"baudRate",
           SettingType::Integer,
           9600,
           "Скорость, бод",
           "Как настроено в весах (обычно 9600)",
           {},
           1200,
           115200},
          {"parity", SettingType::Choice, "none", "Чётность", "Как настроено в весах", {"none", "even", "odd"}, 0, 0},
          {"timeoutMs",
           SettingType::Integer,
           500,
           "Ожидание ответа, мс",
           "Сколько ждать ответа весов",
           {},
           50,
           10000}}});
    return drivers;
}

core::Error badSetting(const std::string& name, const std::string& message)
{
    return core::Error(devices::scale_errc::kBadSettings, message, "settings." + name);
}

core::Status checkField(const SettingField& field, const core::Json& value)
{
    switch (field.type) {
    case SettingType::String:
    case SettingType::Path:
        if (!value.is_string()) {
            return badSetting(field.name, field.name + " must be a string");
        }
        break;
    case SettingType::Boolean:
        if (!value.is_boolean()) {
            return badSetting(field.name, field.name + " must be true or false");
        }
        break;
    case SettingType::Integer: {
        if (!value.is_number_integer()) {
            return badSetting(field.name, field.name + " must be an integer");
        }
        const auto n = value.get<std::int64_t>();
        if (n < field.minimum || (field.maximum != 0 && n > field.maximum)) {
            return badSetting(field.name, field.name + " must be between " + std::to_string(field.minimum) + " and " +
                                              std::to_string(field.maximum));
        }
        break;
    }
    case SettingType::Choice:
        if (!value.is_string() ||
            std::find(field.choices.begin(), field.choices.end(), value.get<std::string>()) == field.choices.end()) {
            return badSetting(field.name, field.name + " is not one of the choices");
        }
        break;
    }
    return core::ok();
}

} // namespace

const std::vector<ScaleDriverDescriptor>& ScaleDrivers::all()
{
    static const std::vector<ScaleDriverDescriptor> drivers = makeDrivers();
    return drivers;
}

const ScaleDriverDescriptor* ScaleDrivers::find(std::string_view id)
{
    for (const auto& driver : all()) {
        if (driver.id == id) {
            return &driver;
        }
    }
    return nullptr;
}

core::Json ScaleDrivers::describe()
{
    core::Json list = core::Json::array();
    for (const auto& driver : all()) {
        core::Json fields = core::Json::array();
        for (const auto& field : driver.settings) {
            core::Json f = {{"name", field.name},
                            {"type", fiscal::settingTypeName(field.type)},
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
        list.push_back({{"id", driver.id},
                        {"label", driver.label},
                        {"emulated", driver.emulated},
                        {"settings", std::move(fields)}});
    }
    return list;
}

core::Result<core::Json> ScaleDrivers::resolveSettings(std::string_view id, const core::Json& settings)
{
    const ScaleDriverDescriptor* driver = find(id);
    if (driver == nullptr) {
        return core::Error(devices::scale_errc::kBadSettings, "unknown scale driver '" + std::string(id) + "'",
                           "driver");
    }
    if (!settings.is_null() && !settings.is_object()) {
        return core::Error(devices::scale_errc::kBadSettings, "scale settings must be a JSON object", "settings");
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

core::Result<std::unique_ptr<devices::Scale>> ScaleDrivers::open(std::string_view id, const core::Json& settings,
                                                                 const ScaleContext& context)
{
    SIGMA_ASSIGN_OR_RETURN(const core::Json resolved, resolveSettings(id, settings));
    if (id == "emulator") {
        std::filesystem::path path = resolved["statePath"].get<std::string>();
        if (path.is_relative()) {
            path = context.dataDir / path;
        }
        SIGMA_ASSIGN_OR_RETURN(auto scale, EmulatedScale::open({path, context.clock}));
        return std::unique_ptr<devices::Scale>(std::move(scale));
    }
    SerialScale::Options options;
    options.path = resolved["port"].get<std::string>();
    options.serial.baudRate = resolved["baudRate"].get<int>();
    const std::string parity = resolved["parity"].get<std::string>();
    options.serial.parity = parity == "even"  ? SerialParity::Even
                            : parity == "odd" ? SerialParity::Odd
                                              : SerialParity::None;
    options.timeoutMs = resolved["timeoutMs"].get<int>();
    options.clock = context.clock;
    SIGMA_ASSIGN_OR_RETURN(auto scale, SerialScale::open(options));
    return std::unique_ptr<devices::Scale>(std::move(scale));
}

} // namespace sigma::drivers::scale
