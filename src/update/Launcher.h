#pragma once

#include "core/Result.h"
#include "update/Installer.h"

#include <string>
#include <vector>

namespace sigma::update {

struct LauncherOptions {
    /// Failed health checks of a freshly installed release before it is rolled back.
    int maxFailedStarts = 3;
    /// The health check and the program, relative to the release directory (argv[0]), e.g.
    /// {"bin/sigmactl", "health", "--data-dir", "/var/lib/sigma"} and {"bin/sigma-terminal"}.
    std::vector<std::string> healthCommand;
    std::vector<std::string> appCommand;
    /// Run the program once and return its exit code, instead of restarting it after a crash.
    bool once = false;
};

/// sigma-launcher's logic (docs/architecture.md, "Updates"): before each start of `current`, run
/// its health check. A release that has not passed one yet (pending) and fails it
/// `maxFailedStarts` times in a row is rolled back to the previous release, with the reason
/// recorded in update-state.json (`sigmactl update status`). A confirmed release that fails is not
/// rolled back: the launcher exits with kUpdateHealthFailed and its supervisor (systemd) retries.
class Launcher {
public:
    Launcher(Installer& installer, LauncherOptions options);

    /// Starts the program; returns its exit code (0 when it ended normally).
    core::Result<int> run();

private:
    /// One health check of `current`: ok, or the reason it failed.
    core::Result<bool> checkHealth(const std::filesystem::path& release, std::string& reason);

    Installer& m_installer;
    LauncherOptions m_options;
};

} // namespace sigma::update
