#include "update/Launcher.h"

#include "core/ErrorCodes.h"
#include "update/ChildProcess.h"

namespace sigma::update {
namespace {

std::vector<std::string> absoluteCommand(const std::vector<std::string>& command, const std::filesystem::path& release)
{
    std::vector<std::string> argv = command;
    if (!argv.empty() && !std::filesystem::path(argv[0]).is_absolute()) {
        argv[0] = (release / argv[0]).string();
    }
    return argv;
}

std::string lastLine(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

} // namespace

Launcher::Launcher(Installer& installer, LauncherOptions options)
    : m_installer(installer), m_options(std::move(options))
{
}

core::Result<bool> Launcher::checkHealth(const std::filesystem::path& release, std::string& reason)
{
    if (m_options.healthCommand.empty()) {
        return true;
    }
    SIGMA_ASSIGN_OR_RETURN(const auto outcome, runChild(absoluteCommand(m_options.healthCommand, release), release, true));
    if (outcome.exitCode == 0) {
        return true;
    }
    reason = "health check exited with " + std::to_string(outcome.exitCode);
    if (const std::string line = lastLine(outcome.stderrTail); !line.empty()) {
        reason += ": " + line.substr(0, 300);
    }
    return false;
}

core::Result<int> Launcher::run()
{
    int crashes = 0;
    while (true) {
        SIGMA_ASSIGN_OR_RETURN(const auto state, m_installer.state());
        if (state.pending && state.failedStarts >= m_options.maxFailedStarts) {
            SIGMA_TRY(m_installer.rollback("release " + *state.pending + " failed its health check " +
                                           std::to_string(state.failedStarts) + " times; last: " + state.lastFailure));
            continue;
        }
        std::error_code ec;
        // Resolved once per start: a switch while the program runs takes effect at the next start.
        const auto release = std::filesystem::canonical(m_installer.currentLink(), ec);
        if (ec) {
            return core::Error(core::errc::kUpdateNotInstalled,
                               "no release installed at " + m_installer.currentLink().string());
        }
        std::string reason;
        SIGMA_ASSIGN_OR_RETURN(const bool healthy, checkHealth(release, reason));
        if (!healthy) {
            SIGMA_TRY(m_installer.recordFailedStart(reason));
            if (!state.pending) {
                return core::Error(core::errc::kUpdateHealthFailed, reason);
            }
            continue;
        }
        SIGMA_TRY(m_installer.confirmHealthy());
        if (m_options.appCommand.empty()) {
            return 0;
        }
        SIGMA_ASSIGN_OR_RETURN(const auto outcome, runChild(absoluteCommand(m_options.appCommand, release), release, false));
        if (m_options.once || outcome.exitCode == 0) {
            return outcome.exitCode;
        }
        if (++crashes >= m_options.maxFailedStarts) {
            return outcome.exitCode;
        }
    }
}

} // namespace sigma::update
