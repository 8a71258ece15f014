#pragma once

#include "core/Result.h"
#include "store/TerminalDatabase.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sigma::sync {

/// The row of sync_state (store/SyncSchema.cpp).
struct SyncState {
    std::string cloudUrl;
    std::string registrationId;
    std::string registrationSecret;
    std::string registrationStatus; ///< awaitingSms, awaitingPassword, active; empty: none started
    std::string deviceId;
    std::string deviceKey; ///< never logged
    std::string businessType;
    std::int64_t changeCursor = 0;
    std::optional<std::int64_t> lastSuccessAtUs;
    std::optional<std::int64_t> activatedAtUs;
    std::optional<std::int64_t> lastAttemptAtUs;
    int lastErrorCode = 0;
    std::string lastError;

    [[nodiscard]] bool activated() const { return !deviceId.empty() && !deviceKey.empty(); }
};

/// Reads and writes sync_state in terminal.db. Writes join the caller's transaction when one is
/// open (a pulled page and its cursor commit together).
class SyncStateRepository {
public:
    explicit SyncStateRepository(store::TerminalDatabase& database) : m_database(database) {}

    core::Result<SyncState> load();
    core::Status saveRegistrationStart(const std::string& cloudUrl, const std::string& registrationId,
                                       const std::string& registrationSecret, const std::string& businessType);
    core::Status saveRegistrationStatus(const std::string& status);
    /// Stores the credentials and forgets the registration secret (no longer needed).
    core::Status saveActivation(const std::string& deviceId, const std::string& deviceKey, std::int64_t atUs);
    core::Status saveCursor(std::int64_t cursor);
    core::Status saveLastSuccess(std::int64_t atUs);
    core::Status saveLastError(int code, const std::string& message, std::int64_t atUs);

private:
    store::TerminalDatabase& m_database;
};

} // namespace sigma::sync
