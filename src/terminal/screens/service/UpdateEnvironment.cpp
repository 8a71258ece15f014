#include "terminal/screens/service/UpdateEnvironment.h"

#include "core/ErrorCodes.h"
#include "sync/DeviceSigner.h"
#include "update/TrustStore.h"

#include <cstdlib>

namespace sigma::terminal {

std::filesystem::path UpdateEnvironment::installRoot()
{
    if (const char* env = std::getenv("SIGMA_INSTALL_ROOT"); env != nullptr && *env != '\0') {
        return env;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec && self.parent_path().filename() == "bin" &&
        self.parent_path().parent_path().parent_path().filename() == "releases") {
        return self.parent_path().parent_path().parent_path().parent_path();
    }
    return "/opt/sigma-pos";
}

update::Installer UpdateEnvironment::installer(const core::Clock& clock)
{
    return update::Installer(installRoot(), update::TrustStore::builtin(), clock);
}

core::Result<std::unique_ptr<update::UpdateClient>> UpdateEnvironment::cloudClient(store::TerminalDatabase& database,
                                                                                   const core::Clock& clock)
{
    update::UpdateClientOptions options;
    SIGMA_ASSIGN_OR_RETURN(auto signer, sync::DeviceSigner::forRegisteredTerminal(database, clock, options.baseUrl));
    return std::make_unique<update::UpdateClient>(
        options, [signer = std::move(signer)](const std::string& method, const std::string& target,
                                              const std::string& body, std::int64_t offset) -> core::Result<net::Headers> {
            return signer.headers(method, target, body, offset);
        });
}

} // namespace sigma::terminal
