#include "sync/RegistrationService.h"

#include "core/ErrorCodes.h"
#include "net/HttpTypes.h"
#include "sync/SyncStateRepository.h"

namespace sigma::sync {
namespace {

core::Error noProcess()
{
    return core::Error(core::errc::kRegistrationNoProcess,
                       "Регистрация на этом терминале не начата: sigmactl register --cloud ...");
}

core::Result<std::string> stringOf(const core::Json& body, const char* key)
{
    if (!body.is_object() || !body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty()) {
        return core::Error(core::errc::kSyncBadAnswer, std::string("Облако прислало неверный ответ: нет ") + key, key);
    }
    return body[key].get<std::string>();
}

} // namespace

RegistrationService::RegistrationService(store::TerminalDatabase& database, CloudClientOptions options,
                                         const core::Clock& clock)
    : m_database(database), m_options(std::move(options)), m_clock(clock)
{
}

core::Result<RegistrationProgress> RegistrationService::progress()
{
    SIGMA_ASSIGN_OR_RETURN(auto state, SyncStateRepository(m_database).load());
    return RegistrationProgress{state.registrationStatus, state.deviceId, state.businessType};
}

core::Result<RegistrationProgress> RegistrationService::start(const RegistrationRequest& request)
{
    SyncStateRepository states(m_database);
    SIGMA_ASSIGN_OR_RETURN(auto state, states.load());
    if (state.activated()) {
        return core::Error(core::errc::kRegistrationConflict, "Терминал уже зарегистрирован и активирован");
    }
    if (request.cloudUrl.rfind("https://", 0) != 0 && request.cloudUrl.rfind("http://", 0) != 0) {
        return core::Error(core::errc::kRegistrationInvalid, "Адрес облака начинается с https://", "cloud");
    }
    CloudClientOptions options = m_options;
    options.baseUrl = request.cloudUrl;
    CloudClient client(options, m_clock);
    const core::Json body{{"deviceSerial", request.deviceSerial},
                          {"businessType", request.businessType},
                          {"phone", request.phone},
                          {"email", request.email},
                          {"sellerCode", request.sellerCode},
                          {"activationPin", request.activationPin}};
    SIGMA_ASSIGN_OR_RETURN(auto reply, client.sendPublic("POST", "/api/v1/registrations", body.dump()));
    SIGMA_ASSIGN_OR_RETURN(auto id, stringOf(reply.body, "registrationId"));
    SIGMA_ASSIGN_OR_RETURN(auto secret, stringOf(reply.body, "registrationSecret"));
    SIGMA_TRY(states.saveRegistrationStart(client.options().baseUrl, id, secret, request.businessType));
    return RegistrationProgress{"awaitingSms", "", request.businessType};
}

core::Result<RegistrationProgress> RegistrationService::confirmSmsCode(const std::string& code)
{
    SyncStateRepository states(m_database);
    SIGMA_ASSIGN_OR_RETURN(auto state, states.load());
    if (state.registrationId.empty() || state.activated()) {
        return noProcess();
    }
    CloudClientOptions options = m_options;
    options.baseUrl = state.cloudUrl;
    CloudClient client(options, m_clock);
    SIGMA_ASSIGN_OR_RETURN(
        auto reply,
        client.sendPublic("POST", "/api/v1/registrations/" + net::percentEncode(state.registrationId) + "/sms-code",
                          core::Json{{"code", code}}.dump()));
    (void)reply;
    SIGMA_TRY(states.saveRegistrationStatus("awaitingPassword"));
    return RegistrationProgress{"awaitingPassword", "", state.businessType};
}

core::Result<RegistrationProgress> RegistrationService::poll()
{
    SyncStateRepository states(m_database);
    SIGMA_ASSIGN_OR_RETURN(auto state, states.load());
    if (state.activated()) {
        return RegistrationProgress{"active", state.deviceId, state.businessType};
    }
    if (state.registrationId.empty() || state.registrationSecret.empty()) {
        return noProcess();
    }
    CloudClientOptions options = m_options;
    options.baseUrl = state.cloudUrl;
    CloudClient client(options, m_clock);
    SIGMA_ASSIGN_OR_RETURN(auto reply,
                           client.sendPublic("GET", "/api/v1/registrations/" + net::percentEncode(state.registrationId),
                                             "", {{"Authorization", "Bearer " + state.registrationSecret}}));
    SIGMA_ASSIGN_OR_RETURN(auto status, stringOf(reply.body, "status"));
    if (status != "active") {
        if (status != state.registrationStatus) {
            SIGMA_TRY(states.saveRegistrationStatus(status));
        }
        return RegistrationProgress{status, "", state.businessType};
    }
    SIGMA_ASSIGN_OR_RETURN(auto deviceId, stringOf(reply.body, "deviceId"));
    if (!reply.body.contains("deviceKey")) {
        // The key is handed out once: seen active without it means another copy of this
        // registration took it (or our earlier answer was lost). Only a new registration helps.
        return core::Error(core::errc::kRegistrationNoProcess,
                           "Облако уже выдало ключ этого терминала другому запросу: зарегистрируйте терминал заново");
    }
    SIGMA_ASSIGN_OR_RETURN(auto deviceKey, stringOf(reply.body, "deviceKey"));
    SIGMA_TRY(states.saveActivation(deviceId, deviceKey, core::toUnixMicros(m_clock.now())));
    return RegistrationProgress{"active", deviceId, state.businessType};
}

core::Result<RegistrationProgress>
RegistrationService::waitUntilActive(std::chrono::milliseconds timeout, std::chrono::milliseconds interval,
                                     const std::function<void(std::chrono::milliseconds)>& sleep)
{
    std::chrono::milliseconds waited{0};
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto progress, poll());
        if (progress.status == "active") {
            return progress;
        }
        if (waited >= timeout) {
            return core::Error(core::errc::kRegistrationPending,
                               "Владелец ещё не задал пароль по ссылке из письма: регистрация не завершена");
        }
        sleep(interval);
        waited += interval;
    }
}

} // namespace sigma::sync
