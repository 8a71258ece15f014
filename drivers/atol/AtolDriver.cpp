#include "drivers/atol/AtolDriver.h"

#include "core/ErrorCodes.h"
#include "drivers/atol/Fptr10Library.h"
#include "drivers/atol/LibraryDevice.h"
#include "drivers/atol/WebServerDevice.h"
#include "fiscal/AtolErrors.h"

#include <array>
#include <string_view>
#include <utility>

namespace sigma::drivers::atol {

namespace {

// ATOL's Port setting: the form shows names, the driver wants numbers.
constexpr std::array<std::pair<std::string_view, int>, 4> kPorts = {{
    {"com", 0},
    {"usb", 1},
    {"tcpip", 2},
    {"bluetooth", 3},
}};

fiscal::SettingField field(std::string name, fiscal::SettingType type, core::Json defaultValue, std::string label,
                           std::string help)
{
    fiscal::SettingField f;
    f.name = std::move(name);
    f.type = type;
    f.defaultValue = std::move(defaultValue);
    f.label = std::move(label);
    f.help = std::move(help);
    return f;
}

fiscal::SettingField integerField(std::string name, std::int64_t defaultValue, std::int64_t minimum,
                                  std::int64_t maximum, std::string label, std::string help)
{
    auto f = field(std::move(name), fiscal::SettingType::Integer, defaultValue, std::move(label), std::move(help));
    f.minimum = minimum;
    f.maximum = maximum;
    return f;
}

fiscal::SettingField choiceField(std::string name, std::vector<std::string> choices, std::string defaultValue,
                                 std::string label, std::string help)
{
    auto f = field(std::move(name), fiscal::SettingType::Choice, std::move(defaultValue), std::move(label),
                   std::move(help));
    f.choices = std::move(choices);
    return f;
}

std::vector<fiscal::SettingField> settingsSchema()
{
    using fiscal::SettingType;
    return {
        choiceField("transport", {"library", "webServer"}, "library", "Способ подключения",
                    "library — драйвер АТОЛ (libfptr10.so), webServer — веб-сервер драйвера АТОЛ"),
        field("libraryPath", SettingType::Path, "libfptr10.so", "Библиотека драйвера",
              "Путь к libfptr10.so; одно имя файла ищется в системных каталогах"),
        field("librarySettings", SettingType::String, "", "Дополнительные настройки драйвера",
              "JSON-объект, дополняющий настройки ниже (например, {\"AccessPassword\": \"0\"})"),
        integerField("Model", 500, 0, 65535, "Модель ККТ", "500 — определить автоматически"),
        choiceField("Port", {"com", "usb", "tcpip", "bluetooth"}, "usb", "Порт", "Как ККТ подключена к терминалу"),
        field("IPAddress", SettingType::String, "", "IP-адрес ККТ", "Для порта tcpip"),
        integerField("IPPort", 5555, 1, 65535, "TCP-порт ККТ", "Для порта tcpip; обычно 5555"),
        field("ComFile", SettingType::String, "", "COM-порт", "Для порта com, например /dev/ttyACM0"),
        integerField("BaudRate", 115200, 1200, 921600, "Скорость COM-порта", "Для порта com; обычно 115200"),
        field("UsbDevicePath", SettingType::String, "auto", "USB-устройство", "Для порта usb; auto — найти само"),
        field("url", SettingType::String, "http://127.0.0.1:16732", "Адрес веб-сервера",
              "Для способа webServer"),
        integerField("pollIntervalMs", 100, 1, 10000, "Интервал опроса, мс", "Как часто спрашивать результат задания"),
        integerField("timeoutMs", 30000, 100, 600000, "Время ожидания задания, мс",
                     "Сколько ждать результата одного задания"),
    };
}

// ATOL's settings JSON from the form's fields, with librarySettings on top.
core::Result<core::Json> librarySettingsJson(const core::Json& settings)
{
    int port = 1;
    for (const auto& [name, number] : kPorts) {
        if (settings["Port"].get<std::string>() == name) {
            port = number;
        }
    }
    core::Json json = {{"Model", settings["Model"]},
                       {"Port", port},
                       {"IPAddress", settings["IPAddress"]},
                       {"IPPort", settings["IPPort"]},
                       {"ComFile", settings["ComFile"]},
                       {"BaudRate", settings["BaudRate"]},
                       {"UsbDevicePath", settings["UsbDevicePath"]}};
    const auto& extra = settings["librarySettings"].get_ref<const std::string&>();
    if (!extra.empty()) {
        auto parsed = core::parseJsonExact(extra);
        if (!parsed || !parsed->is_object()) {
            return core::Error(core::errc::kInvalidArgument,
                               "librarySettings must be a JSON object" +
                                   (parsed ? std::string() : ": " + parsed.error().message),
                               "settings.librarySettings");
        }
        for (auto& [key, value] : parsed->items()) {
            json[key] = value;
        }
    }
    return json;
}

core::Result<std::unique_ptr<fiscal::FiscalDevice>> createDevice(const core::Json& settings,
                                                                 const fiscal::DriverContext& context)
{
    if (settings["transport"].get<std::string>() == "webServer") {
        if (context.clock == nullptr) {
            return core::Error(core::errc::kInvalidArgument, "the atol driver's web-server transport needs a clock");
        }
        WebServerDevice::Options options;
        options.url = settings["url"].get<std::string>();
        options.pollIntervalMs = settings["pollIntervalMs"].get<int>();
        options.timeoutMs = settings["timeoutMs"].get<int>();
        options.clock = context.clock;
        if (!options.url.starts_with("http://") && !options.url.starts_with("https://")) {
            return core::Error(core::errc::kInvalidArgument, "url must start with http:// or https://", "settings.url");
        }
        return std::unique_ptr<fiscal::FiscalDevice>(std::make_unique<WebServerDevice>(std::move(options)));
    }
    SIGMA_ASSIGN_OR_RETURN(core::Json librarySettings, librarySettingsJson(settings));
    SIGMA_ASSIGN_OR_RETURN(auto library, Fptr10Library::load(settings["libraryPath"].get<std::string>()));
    SIGMA_ASSIGN_OR_RETURN(auto device, LibraryDevice::create(std::move(library), librarySettings));
    return std::unique_ptr<fiscal::FiscalDevice>(std::move(device));
}

} // namespace

void registerAtolDriver(fiscal::DriverRegistry& registry)
{
    fiscal::DriverDescriptor descriptor;
    descriptor.id = "atol";
    descriptor.label = "ККТ АТОЛ (драйвер v10 или веб-сервер)";
    descriptor.capabilities.emulated = false;
    descriptor.capabilities.firmwareUpdate = false; // flashing is done with ATOL's own tool
    descriptor.capabilities.ofdSettings = false;    // the OFD address is set with ATOL's own utility
    descriptor.settings = settingsSchema();
    descriptor.factory = [](const core::Json& settings,
                            const fiscal::DriverContext& context) -> core::Result<std::unique_ptr<fiscal::FiscalDevice>> {
        try {
            return createDevice(settings, context);
        } catch (const std::exception& e) {
            // Settings come resolved by the registry, so a missing key here is a bug; it must still
            // not escape the driver.
            return fiscal::atolError(fiscal::atol::kDriverFailure, e.what());
        }
    };
    registry.add(std::move(descriptor));
}

} // namespace sigma::drivers::atol
