#pragma once

#include "core/Clock.h"
#include "core/RandomSource.h"
#include "core/Result.h"
#include "crypto/PasswordHasher.h"
#include "db/Connection.h"
#include "store/EmployeeRepository.h"
#include "till/Permission.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sigma::till {

/// A logged-in employee. Holds no secret: the employee's PIN hash is left empty.
struct Session {
    store::Employee employee;
    std::set<Permission> permissions; ///< from the role table (Permission.h)
    bool mustChangePin = false;       ///< only changePin() is allowed until the PIN is changed
    std::int64_t startedAtUs = 0;
};

/// An employee to create.
struct NewEmployee {
    std::string name;
    store::EmployeeRole role = store::EmployeeRole::Cashier;
    std::string pin;
    std::string inn; ///< 12 digits (tag 1203) or empty
    /// A PIN chosen by someone else is changed by its owner at the first login.
    bool mustChangePin = true;
};

/// The first administrator made by `sigmactl init`.
struct BootstrapResult {
    store::Employee employee;
    /// The PIN, when it was generated: shown once, never stored in clear and not retrievable.
    std::optional<std::string> generatedPin;
};

/// PIN login, permissions and staff management on the terminal.
///
/// Employees log in with a PIN alone, so a login checks the PIN against every active employee's
/// Argon2id hash. That work is bounded: at most kMaxActiveEmployees active employees, and PINs are
/// unique among them (a new PIN is checked against the others). Wrong PINs are rate limited per
/// terminal and persisted in terminal.db, so a restart does not reset the count: kMaxFailures
/// wrong PINs within kFailureWindow lock logins for kFirstLockout, and each lockout that follows
/// (before a good PIN, within a day) lasts twice as long, up to kMaxLockout. Every PIN check
/// counts: login, a senior's override, and the old PIN of changePin().
///
/// Secrets are never logged, stored in clear or put into an error message.
class AuthService {
public:
    struct Options {
        crypto::Argon2Cost pinCost;       ///< cost of new PIN hashes (tests use a cheap one)
        std::string terminalId = "local"; ///< whose login failures count together
    };

    AuthService(db::Connection& connection, const core::Clock& clock, core::RandomSource& random, Options options);

    /// The active employee with this PIN. kWrongPin, kLoginLocked (the message says how long;
    /// lockoutRemaining() gives the time), kTooManyEmployees when more employees are active than
    /// a login checks and none of those checked matched.
    core::Result<Session> login(std::string_view pin);

    /// OK when the session may do `permission`; kPinChangeRequired while the PIN must be changed,
    /// else kPermissionDenied naming the permission in the field.
    [[nodiscard]] static core::Status require(const Session& session, Permission permission);

    /// A senior's approval of one action in someone else's session: checks the PIN (rate limited
    /// like a login) and that its employee may do `permission`; the session is not changed.
    /// Returns the approving employee, for the record.
    core::Result<store::Employee> authorizeOverride(std::string_view pin, Permission permission);

    /// Needs ManageStaff; only an owner creates owners. kWeakPin, kPinInUse, kBadInn,
    /// kTooManyEmployees, kInvalidArgument (name).
    core::Result<store::Employee> createEmployee(const Session& session, const NewEmployee& employee);

    /// The session's employee sets a new PIN; allowed while mustChangePin. Returns the session
    /// with mustChangePin cleared.
    core::Result<Session> changePin(const Session& session, std::string_view oldPin, std::string_view newPin);

    /// Needs ManageStaff: gives an employee a new PIN (a forgotten one) to be changed at the next
    /// login, and makes the employee active again. Owners' PINs only by an owner.
    core::Result<store::Employee> resetPin(const Session& session, const core::Uuid& employeeId,
                                           std::string_view newPin);

    /// Needs ManageStaff; nobody deactivates themselves (the last administrator cannot lock the
    /// terminal out), owners only by an owner.
    core::Status deactivateEmployee(const Session& session, const core::Uuid& employeeId);

    /// For `sigmactl init`: the first administrator, in an empty staff table only
    /// (kStaffAlreadyInitialized otherwise), with `pin` or a random 6-digit one, which must be
    /// changed at the first login.
    core::Result<BootstrapResult> bootstrapAdministrator(std::optional<std::string> pin);

    /// How long logins are refused from now; zero when they are not.
    core::Result<std::chrono::seconds> lockoutRemaining();

    /// 4 to 8 digits, not all the same digit, not a run up or down (1234, 9876, 7890); kWeakPin.
    static core::Status validatePin(std::string_view pin);
    /// Empty, or an individual's INN: 12 digits with both check digits right; kBadInn.
    static core::Status validateInn(std::string_view inn);

    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::minutes kFailureWindow{5};
    static constexpr std::chrono::minutes kFirstLockout{1};
    static constexpr std::chrono::minutes kMaxLockout{15};
    /// Lockouts more than this apart do not add up, and failures older than this are deleted.
    static constexpr std::chrono::hours kLockoutMemory{24};
    /// Bounds the Argon2 work of one login (and of checking that a new PIN is unused).
    static constexpr std::size_t kMaxActiveEmployees = 50;
    /// Longer input is not a PIN and is not hashed.
    static constexpr std::size_t kMaxPinInputLength = 64;

private:
    struct PinMatch {
        std::optional<store::Employee> employee;
        bool truncated = false; ///< more active employees than were checked
    };

    /// Checks the rate limit, then the PIN against the active employees; records the outcome.
    core::Result<store::Employee> checkPin(std::string_view pin);
    /// Only the hashing, no rate limit.
    core::Result<PinMatch> findByPin(std::string_view pin);
    core::Status checkNotLocked();
    /// Records a wrong PIN and answers the error to give (kWrongPin, or kLoginLocked when this
    /// failure started a lockout).
    core::Error recordFailure(bool truncated);
    core::Status recordSuccess();
    /// kPinInUse when an active employee other than `except` has this PIN.
    core::Status ensurePinUnused(std::string_view pin, const core::Uuid& except);
    core::Status checkManages(const Session& session, store::EmployeeRole targetRole);
    core::Result<std::string> hashPin(std::string_view pin);
    Session sessionFor(store::Employee employee) const;
    std::int64_t nowUs() const;

    db::Connection& m_db;
    const core::Clock& m_clock;
    core::RandomSource& m_random;
    Options m_options;
    store::EmployeeRepository m_employees;
};

} // namespace sigma::till
