#include "cli/FiscalCommands.h"

#include "core/ErrorCodes.h"
#include "drivers/BuiltinDrivers.h"
#include "drivers/emulator/VirtualKkt.h"
#include "fiscal/AtolErrors.h"
#include "till/DataDirectory.h"
#include "till/TerminalConfig.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace sigma::cli {
namespace {

struct TaskOptions {
    std::string input;
    std::string driver;
    std::string settings;
};

struct FaultOptions {
    std::optional<int> failCode;
    int failCount = 1;
    std::optional<int> loseAnswer;
    std::optional<int> paperOut;
    std::optional<int> delayMs;
    std::optional<std::int64_t> clockOffsetSec;
    std::string paper;
    std::string cover;
    std::string ofd;
    std::optional<int> lineWidth;
    bool clear = false;
};

core::Result<std::unique_ptr<drivers::emulator::VirtualKkt>> openEmulator(const CliContext& context)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_ASSIGN_OR_RETURN(auto config, till::TerminalConfig::load(dir.configFile()));
    if (config.fiscalDriver != "emulator") {
        return core::Error(core::errc::kUnsupported,
                           "the configured fiscal driver is '" + config.fiscalDriver +
                               "'; tape, archive and faults exist only on the emulator");
    }
    SIGMA_TRY(dir.ensureExists());
    drivers::emulator::VirtualKkt::Options options;
    const auto stateFile = config.fiscalSettings.value("stateFile", std::string());
    options.statePath = stateFile.empty() ? dir.kktDb() : std::filesystem::path(stateFile);
    options.clock = &context.clock();
    options.utcOffsetMinutes = config.fiscalSettings.value("utcOffsetMinutes", 180);
    return drivers::emulator::VirtualKkt::open(options);
}

core::Result<core::Json> runTask(const CliContext& context, const TaskOptions& options)
{
    SIGMA_ASSIGN_OR_RETURN(std::string text, context.readInput(options.input));
    auto task = core::parseJsonExact(text);
    if (!task) {
        return fiscal::atolError(fiscal::atol::kJsonSyntax, task.error().message);
    }
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_ASSIGN_OR_RETURN(auto config, till::TerminalConfig::load(dir.configFile()));
    std::string driver = config.fiscalDriver;
    core::Json settings = config.fiscalSettings;
    if (!options.driver.empty()) {
        driver = options.driver;
        settings = core::Json::object();
    }
    if (!options.settings.empty()) {
        SIGMA_ASSIGN_OR_RETURN(settings, core::parseJsonExact(options.settings));
    }
    SIGMA_TRY(dir.ensureExists());
    fiscal::DriverRegistry registry;
    drivers::registerBuiltinDrivers(registry);
    SIGMA_ASSIGN_OR_RETURN(auto device, registry.create(driver, settings, {dir.root(), &context.clock()}));
    return device->execute(*task);
}

core::Result<core::Json> showTape(const CliContext& context, std::optional<std::uint32_t> number)
{
    SIGMA_ASSIGN_OR_RETURN(auto kkt, openEmulator(context));
    SIGMA_ASSIGN_OR_RETURN(std::string text, kkt->tape(number));
    core::Json out = {{"text", text}};
    if (number) {
        out["fiscalDocumentNumber"] = *number;
    }
    return out;
}

core::Result<core::Json> showArchive(const CliContext& context, std::uint32_t from, std::uint32_t to)
{
    SIGMA_ASSIGN_OR_RETURN(auto kkt, openEmulator(context));
    return kkt->archive(from, to);
}

core::Result<bool> onOff(const std::string& value, const char* on, const char* off, const char* field)
{
    if (value == on) {
        return true;
    }
    if (value == off) {
        return false;
    }
    return core::Error(core::errc::kInvalidArgument,
                       std::string("expected '") + on + "' or '" + off + "', got '" + value + "'", field);
}

core::Result<core::Json> setFaults(const CliContext& context, const FaultOptions& options)
{
    SIGMA_ASSIGN_OR_RETURN(auto kkt, openEmulator(context));
    SIGMA_ASSIGN_OR_RETURN(auto faults, kkt->faults());
    if (options.clear) {
        faults = {};
    }
    if (options.failCode) {
        faults.failCode = *options.failCode;
        faults.failCount = options.failCount;
    }
    faults.loseAnswerCount = options.loseAnswer.value_or(faults.loseAnswerCount);
    faults.paperOutCount = options.paperOut.value_or(faults.paperOutCount);
    faults.delayMs = options.delayMs.value_or(faults.delayMs);
    faults.clockOffsetSec = options.clockOffsetSec.value_or(faults.clockOffsetSec);
    SIGMA_TRY(kkt->setFaults(faults));

    std::optional<bool> paper;
    std::optional<bool> cover;
    std::optional<bool> ofd;
    if (!options.paper.empty()) {
        SIGMA_ASSIGN_OR_RETURN(paper, onOff(options.paper, "on", "off", "paper"));
    }
    if (!options.cover.empty()) {
        SIGMA_ASSIGN_OR_RETURN(cover, onOff(options.cover, "open", "closed", "cover"));
    }
    if (!options.ofd.empty()) {
        SIGMA_ASSIGN_OR_RETURN(ofd, onOff(options.ofd, "on", "off", "ofd"));
    }
    if (options.clear) {
        paper = paper.value_or(true);
        cover = cover.value_or(false);
        ofd = ofd.value_or(true);
    }
    SIGMA_TRY(kkt->setConditions(paper, cover, ofd));
    if (options.lineWidth) {
        SIGMA_TRY(kkt->setLineWidth(*options.lineWidth));
    }
    SIGMA_ASSIGN_OR_RETURN(auto state, kkt->state());
    return core::Json{{"faults",
                       {{"failCode", faults.failCode},
                        {"failCount", faults.failCount},
                        {"loseAnswer", faults.loseAnswerCount},
                        {"paperOut", faults.paperOutCount},
                        {"delayMs", faults.delayMs},
                        {"clockOffsetSec", faults.clockOffsetSec}}},
                      {"conditions",
                       {{"paperPresent", state.paperPresent},
                        {"coverOpen", state.coverOpen},
                        {"ofdLink", state.ofdLink},
                        {"lineWidth", state.lineWidth}}}};
}

core::Result<core::Json> listDrivers()
{
    fiscal::DriverRegistry registry;
    drivers::registerBuiltinDrivers(registry);
    core::Json list = core::Json::array();
    for (const auto* driver : registry.all()) {
        list.push_back(*registry.describe(driver->id));
    }
    return core::Json{{"drivers", std::move(list)}};
}

} // namespace

void addFiscalCommands(CLI::App& app, CliContext& context)
{
    auto* fiscal = app.add_subcommand("fiscal", "The fiscal register: ATOL JSON tasks, tape, archive, faults");
    fiscal->require_subcommand(1);

    auto task = std::make_shared<TaskOptions>();
    auto* taskCommand = fiscal->add_subcommand("task", "Execute one ATOL JSON task and print its result");
    taskCommand->add_option("file", task->input, "Task JSON file, or - for standard input")->required();
    taskCommand->add_option("--driver", task->driver, "Driver id (default: the data directory's configured device)");
    taskCommand->add_option("--settings", task->settings, "Driver settings as JSON");
    taskCommand->callback([&context, task] { context.setAction([&context, task] { return runTask(context, *task); }); });

    auto number = std::make_shared<std::uint32_t>(0);
    auto last = std::make_shared<bool>(false);
    auto* tape = fiscal->add_subcommand("tape", "The printed text of a document (emulator)");
    tape->add_option("--number", *number, "Fiscal document number");
    tape->add_flag("--last", *last, "The last printed document (default)");
    tape->callback([&context, number, last] {
        context.setAction([&context, number, last] {
            return showTape(context, *number == 0 || *last ? std::nullopt : std::optional<std::uint32_t>(*number));
        });
    });

    auto from = std::make_shared<std::uint32_t>(1);
    auto to = std::make_shared<std::uint32_t>(0xFFFFFFFFU);
    auto* archive = fiscal->add_subcommand("archive", "Archived fiscal documents with decoded tags (emulator)");
    archive->add_option("--from", *from, "First document number");
    archive->add_option("--to", *to, "Last document number");
    archive->callback([&context, from, to] {
        context.setAction([&context, from, to] { return showArchive(context, *from, *to); });
    });

    auto faults = std::make_shared<FaultOptions>();
    auto* fault = fiscal->add_subcommand("fault", "Switch the emulator's fault injection and device conditions");
    fault->add_option("--fail", faults->failCode, "Refuse the next tasks with this ATOL error code");
    fault->add_option("--count", faults->failCount, "How many tasks --fail refuses (default 1)");
    fault->add_option("--lose-answer", faults->loseAnswer, "Execute the next N document tasks but lose the answer");
    fault->add_option("--paper-out", faults->paperOut, "Run out of paper in the middle of the next N printouts");
    fault->add_option("--delay-ms", faults->delayMs, "Make every task take this long (a slow device)");
    fault->add_option("--clock-offset", faults->clockOffsetSec, "Move the register's clock ahead by seconds");
    fault->add_option("--paper", faults->paper, "Paper loaded: on|off");
    fault->add_option("--cover", faults->cover, "Cover: open|closed");
    fault->add_option("--ofd", faults->ofd, "OFD link: on|off");
    fault->add_option("--line-width", faults->lineWidth, "Printer characters per line: 32, 42 or 48");
    fault->add_flag("--clear", faults->clear, "Clear every fault and restore normal conditions");
    fault->callback(
        [&context, faults] { context.setAction([&context, faults] { return setFaults(context, *faults); }); });

    auto* driversCommand = fiscal->add_subcommand("drivers", "List the fiscal drivers and their settings schemas");
    driversCommand->callback([&context] { context.setAction([] { return listDrivers(); }); });
}

} // namespace sigma::cli
