#include "terminal/screens/service/UpdateEnvironment.h"

#include "core/ErrorCodes.h"
#include "sync/CloudClient.h"
#include "sync/SyncStateRepository.h"
#include "update/TrustStore.h"

#include <chrono>
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
    sync::SyncStateRepository repository(database);
    SIGMA_ASSIGN_OR_RETURN(const auto state, repository.load());
    if (!state.activated()) {
        return core::Error(core::errc::kSyncNotRegistered, "the terminal is not registered in the cloud");
    }
    // The cloud refuses a signature it has seen: strictly increasing timestamps within one client
    // (a resumed download asks for the same target several times within a second).
    auto last = std::make_shared<std::int64_t>(0);
    update::RequestSigner signer = [clock = &clock, last, id = state.deviceId,
                                    key = state.deviceKey](const std::string& method, const std::string& target,
                                                           const std::string& body) -> core::Result<net::Headers> {
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock->now().time_since_epoch()).count();
        seconds = std::max<std::int64_t>(seconds, *last + 1);
        *last = seconds;
        const std::string timestamp = std::to_string(seconds);
        net::Headers headers;
        headers.set("X-Sigma-Device", id);
        headers.set("X-Sigma-Timestamp", timestamp);
        headers.set("X-Sigma-Signature", sync::CloudClient::sign(key, method, target, timestamp, body));
        return headers;
    };
    update::UpdateClientOptions options;
    options.baseUrl = state.cloudUrl;
    return std::make_unique<update::UpdateClient>(options, std::move(signer));
}

} // namespace sigma::terminal
