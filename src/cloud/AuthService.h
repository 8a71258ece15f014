#pragma once

#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <mutex>
#include <optional>
#include <string>

namespace sigma::cloud {

struct RegistrationInput {
    std::string deviceSerial;
    std::string businessType;
    std::string phone;
    std::string email;
    std::string sellerCode;
    std::string activationPin;
};

struct RegistrationCreated {
    std::string registrationId;
    std::string registrationSecret;
};

struct Session {
    std::string userId;
    std::string accountId;
    std::string role;
};

struct LoginResult {
    std::string token;
    core::Json user;
};

/// Owner registration, device activation, login, sessions and password reset. Every rule of
/// docs/api/openapi.yaml's auth and registration endpoints lives here; controllers only translate.
class AuthService {
public:
    explicit AuthService(ServiceContext& context) : m_context(context) {}

    [[nodiscard]] core::Result<RegistrationCreated> createRegistration(const RegistrationInput& input,
                                                                       const std::string& ip);
    [[nodiscard]] core::Status confirmSmsCode(const std::string& registrationId, const std::string& code);
    /// {status, deviceId?, deviceKey?}; the device key only the first time it is asked for.
    [[nodiscard]] core::Result<core::Json> registrationStatus(const std::string& registrationId,
                                                              const std::string& secret);
    [[nodiscard]] core::Status setPassword(const std::string& token, const std::string& password);

    [[nodiscard]] core::Result<LoginResult> login(const std::string& login, const std::string& password,
                                                  const std::string& ip);
    [[nodiscard]] core::Status logout(const std::string& token);
    /// The session of a cookie token; kUnauthorized when unknown or expired.
    [[nodiscard]] core::Result<Session> authenticate(const std::string& token);
    [[nodiscard]] core::Result<core::Json> me(const Session& session);

    /// Always succeeds for the caller (202), whether or not the login exists.
    [[nodiscard]] core::Status requestPasswordReset(const std::string& login, const std::string& ip);
    /// With a token from the e-mail link, or an SMS code plus the login.
    [[nodiscard]] core::Status confirmPasswordReset(const std::optional<std::string>& token,
                                                    const std::optional<std::string>& code,
                                                    const std::optional<std::string>& login,
                                                    const std::string& password);

    /// Platform administration.
    [[nodiscard]] core::Status createSeller(const std::string& code, const std::string& name);
    [[nodiscard]] core::Result<std::string> issuePin(const std::string& serial, const std::string& sellerCode);
    [[nodiscard]] core::Status revokeDevice(const std::string& serial);

private:
    /// A hash of nothing, verified against when the login is unknown, so that the answer takes
    /// as long as for a wrong password and does not tell which logins exist.
    const std::string& dummyHash();

    ServiceContext& m_context;
    std::once_flag m_dummyOnce;
    std::string m_dummyHash;
};

/// "e-mail (any case) or phone (any common Russian format)" → the stored form; field "login".
[[nodiscard]] core::Result<std::string> normalizeLogin(const std::string& login);

} // namespace sigma::cloud
