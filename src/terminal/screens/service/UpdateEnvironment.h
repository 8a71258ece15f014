#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "store/TerminalDatabase.h"
#include "update/Installer.h"
#include "update/UpdateClient.h"

#include <filesystem>
#include <memory>

namespace sigma::terminal {

/// Where the service screens find the update machinery, decided the way `sigmactl update` decides
/// (src/cli/UpdateCommands.cpp): $SIGMA_INSTALL_ROOT, else the root of the release this program
/// runs from (<root>/releases/<version>/bin/...), else /opt/sigma-pos. No Qt: it runs on the worker.
class UpdateEnvironment {
public:
    static std::filesystem::path installRoot();
    /// The installer over installRoot() with the keys built into this binary.
    static update::Installer installer(const core::Clock& clock);

    /// A cloud client signed with the device credentials of the sync registration;
    /// kSyncNotRegistered when the terminal was never registered in the cloud.
    static core::Result<std::unique_ptr<update::UpdateClient>> cloudClient(store::TerminalDatabase& database,
                                                                           const core::Clock& clock);
};

} // namespace sigma::terminal
