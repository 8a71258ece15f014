#include "sync/SyncStateRepository.h"

namespace sigma::sync {

core::Result<SyncState> SyncStateRepository::load()
{
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           m_database.connection().queryOne(
                               "SELECT cloud_url, registration_id, registration_secret, registration_status, "
                               "device_id, device_key, business_type, change_cursor, last_success_at_us, "
                               "activated_at_us, last_attempt_at_us, last_error_code, last_error FROM sync_state "
                               "WHERE id = 1"));
    SyncState state;
    if (!row) {
        return state;
    }
    state.cloudUrl = row->optionalText(0).value_or("");
    state.registrationId = row->optionalText(1).value_or("");
    state.registrationSecret = row->optionalText(2).value_or("");
    state.registrationStatus = row->optionalText(3).value_or("");
    state.deviceId = row->optionalText(4).value_or("");
    state.deviceKey = row->optionalText(5).value_or("");
    state.businessType = row->optionalText(6).value_or("");
    state.changeCursor = row->int64(7);
    state.lastSuccessAtUs = row->optionalInt64(8);
    state.activatedAtUs = row->optionalInt64(9);
    state.lastAttemptAtUs = row->optionalInt64(10);
    state.lastErrorCode = static_cast<int>(row->optionalInt64(11).value_or(0));
    state.lastError = row->optionalText(12).value_or("");
    return state;
}

core::Status SyncStateRepository::saveRegistrationStart(const std::string& cloudUrl, const std::string& registrationId,
                                                        const std::string& registrationSecret,
                                                        const std::string& businessType)
{
    return m_database.connection().execute(
        "UPDATE sync_state SET cloud_url = $1, registration_id = $2, registration_secret = $3, "
        "registration_status = 'awaitingSms', business_type = $4 WHERE id = 1",
        {cloudUrl, registrationId, registrationSecret, businessType});
}

core::Status SyncStateRepository::saveRegistrationStatus(const std::string& status)
{
    return m_database.connection().execute("UPDATE sync_state SET registration_status = $1 WHERE id = 1", {status});
}

core::Status SyncStateRepository::saveActivation(const std::string& deviceId, const std::string& deviceKey,
                                                 std::int64_t atUs)
{
    return m_database.connection().execute(
        "UPDATE sync_state SET device_id = $1, device_key = $2, registration_status = 'active', "
        "registration_secret = NULL, activated_at_us = $3, change_cursor = 0 WHERE id = 1",
        {deviceId, deviceKey, atUs});
}

core::Status SyncStateRepository::saveCursor(std::int64_t cursor)
{
    return m_database.connection().execute("UPDATE sync_state SET change_cursor = $1 WHERE id = 1", {cursor});
}

core::Status SyncStateRepository::saveLastSuccess(std::int64_t atUs)
{
    return m_database.connection().execute("UPDATE sync_state SET last_success_at_us = $1, last_attempt_at_us = $1, "
                                           "last_error_code = NULL, last_error = NULL WHERE id = 1",
                                           {atUs});
}

core::Status SyncStateRepository::saveLastError(int code, const std::string& message, std::int64_t atUs)
{
    return m_database.connection().execute(
        "UPDATE sync_state SET last_attempt_at_us = $1, last_error_code = $2, last_error = $3 WHERE id = 1",
        {atUs, static_cast<std::int64_t>(code), message});
}

} // namespace sigma::sync
