#include "drivers/emulator/EmulatorDriver.h"

#include "drivers/emulator/VirtualKkt.h"

namespace sigma::drivers::emulator {

void registerEmulatorDriver(fiscal::DriverRegistry& registry)
{
    fiscal::DriverDescriptor descriptor;
    descriptor.id = "emulator";
    descriptor.label = "Эмулятор ККТ АТОЛ (встроенный)";
    descriptor.capabilities.emulated = true;
    descriptor.capabilities.firmwareUpdate = true;
    descriptor.capabilities.ofdSettings = true;
    fiscal::SettingField stateFile;
    stateFile.name = "stateFile";
    stateFile.type = fiscal::SettingType::Path;
    stateFile.defaultValue = "";
    stateFile.label = "Файл состояния";
    stateFile.help = "Пусто: kkt.db в каталоге данных терминала";
    fiscal::SettingField utcOffset;
    utcOffset.name = "utcOffsetMinutes";
    utcOffset.type = fiscal::SettingType::Integer;
    utcOffset.defaultValue = 180;
    utcOffset.label = "Часовой пояс ККТ, минут от UTC";
    utcOffset.help = "180 — Москва";
    utcOffset.minimum = -720;
    utcOffset.maximum = 840;
    descriptor.settings = {stateFile, utcOffset};
    descriptor.factory = [](const core::Json& settings,
                            const fiscal::DriverContext& context) -> core::Result<std::unique_ptr<fiscal::FiscalDevice>> {
        VirtualKkt::Options options;
        const auto statePath = settings["stateFile"].get<std::string>();
        options.statePath = statePath.empty() ? context.dataDir / "kkt.db" : std::filesystem::path(statePath);
        options.clock = context.clock;
        options.utcOffsetMinutes = settings["utcOffsetMinutes"].get<int>();
        SIGMA_ASSIGN_OR_RETURN(auto kkt, VirtualKkt::open(options));
        return std::unique_ptr<fiscal::FiscalDevice>(std::move(kkt));
    };
    registry.add(std::move(descriptor));
}

} // namespace sigma::drivers::emulator
