#include "sync/DeviceSigner.h"

#include "core/ErrorCodes.h"
#include "sync/SyncStateRepository.h"

#include <algorithm>
#include <chrono>

namespace sigma::sync {

DeviceSigner::DeviceSigner(DeviceCredentials credentials, const core::Clock& clock)
    : m_credentials(std::move(credentials)), m_clock(&clock), m_last(std::make_shared<Issued>())
{
}

core::Result<DeviceSigner> DeviceSigner::forRegisteredTerminal(store::TerminalDatabase& database,
                                                               const core::Clock& clock, std::string& cloudUrl)
{
    SIGMA_ASSIGN_OR_RETURN(const auto state, SyncStateRepository(database).load());
    if (!state.activated()) {
        return core::Error(core::errc::kSyncNotRegistered, "Терминал не зарегистрирован в облаке");
    }
    cloudUrl = state.cloudUrl;
    return DeviceSigner(DeviceCredentials{state.deviceId, state.deviceKey}, clock);
}

net::Headers DeviceSigner::headers(const std::string& method, const std::string& target, const std::string& body,
                                   std::int64_t clockOffsetSec) const
{
    auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(m_clock->now().time_since_epoch()).count() + clockOffsetSec;
    // A new offset starts a new sequence: a clock found to run ahead must be able to go back.
    if (clockOffsetSec == m_last->offset) {
        seconds = std::max<std::int64_t>(seconds, m_last->timestamp + 1);
    }
    *m_last = Issued{seconds, clockOffsetSec};
    const std::string timestamp = std::to_string(seconds);
    net::Headers out;
    out.set("X-Sigma-Device", m_credentials.deviceId);
    out.set("X-Sigma-Timestamp", timestamp);
    out.set("X-Sigma-Signature", CloudClient::sign(m_credentials.deviceKey, method, target, timestamp, body));
    return out;
}

} // namespace sigma::sync
