#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "net/HttpTypes.h"
#include "store/TerminalDatabase.h"
#include "sync/CloudClient.h"

#include <cstdint>
#include <memory>
#include <string>

namespace sigma::sync {

/// Signs device requests made outside CloudClient (the update channel of the service screen and
/// `sigmactl update`) with the credentials of the terminal's registration.
///
/// The cloud refuses a signature it has seen, and a resumed download asks for the same target
/// several times within a second, so timestamps strictly increase across the copies of one
/// signer. `clockOffsetSec` is the correction the caller learnt from a `clock_skew` answer
/// (docs/sync-protocol.md "Request signing").
class DeviceSigner {
public:
    DeviceSigner(DeviceCredentials credentials, const core::Clock& clock);

    /// The signer of the registered terminal in `database`, and the cloud address it registered
    /// with; kSyncNotRegistered when it never completed a registration.
    static core::Result<DeviceSigner> forRegisteredTerminal(store::TerminalDatabase& database,
                                                            const core::Clock& clock, std::string& cloudUrl);

    /// The X-Sigma-Device, X-Sigma-Timestamp and X-Sigma-Signature headers for one request.
    [[nodiscard]] net::Headers headers(const std::string& method, const std::string& target, const std::string& body,
                                       std::int64_t clockOffsetSec) const;

private:
    DeviceCredentials m_credentials;
    const core::Clock* m_clock;
    struct Issued {
        std::int64_t timestamp = 0;
        std::int64_t offset = 0;
    };
    std::shared_ptr<Issued> m_last; ///< shared: std::function copies the signer
};

} // namespace sigma::sync
