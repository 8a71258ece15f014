#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "store/TerminalDatabase.h"
#include "sync/CloudClient.h"

#include <chrono>
#include <functional>
#include <string>

namespace sigma::sync {

struct RegistrationRequest {
    std::string cloudUrl;
    std::string phone;
    std::string email;
    std::string sellerCode;
    std::string activationPin;
    std::string deviceSerial; ///< the register's serial number (getDeviceInfo)
    std::string businessType; ///< trade, services or food (the terminal's `init`)
};

/// Where the registration stands, as the wizard and `sigmactl register` show it.
struct RegistrationProgress {
    std::string status; ///< awaitingSms, awaitingPassword, active
    std::string deviceId;
    std::string businessType;
};

/// Registration of the terminal with the cloud, without a screen (the GUI wizard drives the same
/// steps): start with the seller's activation PIN, confirm the SMS code, then wait until the owner
/// has set the password from the e-mail; the cloud then hands out the device credentials once,
/// and they are stored in terminal.db (sync_state), never logged or printed.
///
/// Errors carry the sync codes (2310-2316, 2300 for no connection) with a message in Russian.
class RegistrationService {
public:
    RegistrationService(store::TerminalDatabase& database, CloudClientOptions options, const core::Clock& clock);

    core::Result<RegistrationProgress> start(const RegistrationRequest& request);
    core::Result<RegistrationProgress> confirmSmsCode(const std::string& code);
    /// One look at the registration; stores the credentials when it has become active.
    core::Result<RegistrationProgress> poll();
    /// Polls every `interval` until active or `timeout` (kRegistrationPending). `sleep` is
    /// injectable so tests need not wait.
    core::Result<RegistrationProgress> waitUntilActive(std::chrono::milliseconds timeout,
                                                       std::chrono::milliseconds interval,
                                                       const std::function<void(std::chrono::milliseconds)>& sleep);
    core::Result<RegistrationProgress> progress();

private:
    store::TerminalDatabase& m_database;
    CloudClientOptions m_options;
    const core::Clock& m_clock;
};

} // namespace sigma::sync
