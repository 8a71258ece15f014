#include "terminal/screens/service/ServiceDiagnostics.h"

#include "core/ErrorCodes.h"
#include "fiscal/TaskBuilder.h"
#include "sync/SyncStateRepository.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/screens/service/UpdateEnvironment.h"
#include "update/ArchiveWriter.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <vector>

namespace sigma::terminal {

namespace {

core::Json errorJson(const core::Error& error)
{
    return core::Json{{"error", {{"code", error.code}, {"message", error.message}}}};
}

core::Json section(const core::Result<core::Json>& result)
{
    return result.ok() ? *result : errorJson(result.error());
}

core::Json registerTask(TerminalRuntime& runtime, fiscal::TaskType type)
{
    return section(runtime.fiscal().execute(fiscal::TaskBuilder::simple(type)));
}

core::Result<core::Json> integrity(TerminalRuntime& runtime)
{
    // The full check (not quick_check): a technician runs it on purpose and can wait for it.
    SIGMA_ASSIGN_OR_RETURN(const auto rows, runtime.database().connection().query("PRAGMA integrity_check"));
    core::Json findings = core::Json::array();
    for (const auto& row : rows) {
        findings.push_back(row.isNull(0) ? std::string("?") : row.text(0));
    }
    const bool ok = findings.size() == 1 && findings[0] == "ok";
    return core::Json{{"ok", ok}, {"findings", std::move(findings)}};
}

core::Result<core::Json> journal(TerminalRuntime& runtime)
{
    SIGMA_ASSIGN_OR_RETURN(const auto v, runtime.till().journal().verify());
    return core::Json{{"ok", v.ok}, {"checked", v.checked}, {"firstBadSeq", v.firstBadSeq}, {"problem", v.problem}};
}

core::Result<core::Json> syncState(TerminalRuntime& runtime)
{
    sync::SyncStateRepository repository(runtime.database());
    SIGMA_ASSIGN_OR_RETURN(const auto s, repository.load());
    core::Json json = {{"registered", s.activated()},
                       {"cloudUrl", s.cloudUrl},
                       {"cursor", s.changeCursor},
                       {"lastErrorCode", s.lastErrorCode},
                       {"lastError", s.lastError}};
    json["lastSuccessAtUs"] = s.lastSuccessAtUs ? core::Json(*s.lastSuccessAtUs) : core::Json();
    json["lastAttemptAtUs"] = s.lastAttemptAtUs ? core::Json(*s.lastAttemptAtUs) : core::Json();
    return json;
}

core::Json disk(const std::filesystem::path& dir)
{
    std::error_code ec;
    const auto space = std::filesystem::space(dir, ec);
    if (ec) {
        return errorJson(core::Error(core::errc::kIo, "cannot stat " + dir.string() + ": " + ec.message()));
    }
    return core::Json{{"path", dir.string()}, {"capacityBytes", space.capacity}, {"availableBytes", space.available}};
}

std::string stamp(const core::Clock& clock)
{
    const std::time_t t = core::Clock::TimePoint::clock::to_time_t(clock.now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &tm);
    return text;
}

} // namespace

core::Json ServiceDiagnostics::collect(TerminalRuntime& runtime)
{
    core::Json json = core::Json::object();
    json["deviceInfo"] = registerTask(runtime, fiscal::TaskType::GetDeviceInfo);
    json["deviceStatus"] = registerTask(runtime, fiscal::TaskType::GetDeviceStatus);
    json["fnInfo"] = registerTask(runtime, fiscal::TaskType::GetFnInfo);
    json["ofdExchange"] = registerTask(runtime, fiscal::TaskType::ReportOfdExchangeStatus);
    json["shift"] = section(runtime.shifts().status());
    json["disk"] = disk(runtime.dir().root());
    json["database"] = section(integrity(runtime));
    json["journal"] = section(journal(runtime));
    json["sync"] = section(syncState(runtime));
    auto installer = UpdateEnvironment::installer(runtime.clock());
    json["update"] = section(installer.status());
    json["fiscalDriver"] = runtime.config().fiscalDriver;
    return json;
}

core::Result<std::filesystem::path> ServiceDiagnostics::exportBundle(TerminalRuntime& runtime,
                                                                     const core::Json& diagnostics,
                                                                     const std::filesystem::path& directory)
{
    const auto path = directory / ("sigma-support-" + stamp(runtime.clock()) + ".tar.gz");
    SIGMA_ASSIGN_OR_RETURN(auto writer, update::ArchiveWriter::create(path));
    SIGMA_TRY(writer.addFile("diagnostics.json", diagnostics.dump(2)));
    std::error_code ec;
    std::vector<std::filesystem::path> logs;
    for (const auto& entry : std::filesystem::directory_iterator(runtime.dir().logs(), ec)) {
        if (entry.is_regular_file()) {
            logs.push_back(entry.path());
        }
    }
    std::sort(logs.begin(), logs.end());
    for (const auto& log : logs) {
        std::ifstream in(log, std::ios::binary);
        in.seekg(0, std::ios::end);
        const auto size = static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg()));
        const std::size_t skip = size > kMaxLogBytes ? size - kMaxLogBytes : 0;
        in.seekg(static_cast<std::streamoff>(skip));
        std::string text(size - skip, '\0');
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        if (!in) {
            return core::Error(core::errc::kIo, "cannot read " + log.string());
        }
        SIGMA_TRY(writer.addFile("logs/" + log.filename().string(), text));
    }
    SIGMA_TRY(writer.close());
    return path;
}

} // namespace sigma::terminal
