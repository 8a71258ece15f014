#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/Uuid.h"
#include "db/Connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::store {

/// What an employee is on the terminal; the permissions of each are in till/Permission.h.
enum class EmployeeRole {
    Owner = 1,
    Administrator,
    SeniorCashier,
    Cashier,
    Technician,
};

/// The stored spelling: "owner", "administrator", "seniorCashier", "cashier", "technician".
std::string_view employeeRoleName(EmployeeRole role);
/// kInvalidArgument (field "role") for anything but the five names.
core::Result<EmployeeRole> parseEmployeeRole(std::string_view name);

struct Employee {
    core::Uuid id;
    std::string name;
    EmployeeRole role = EmployeeRole::Cashier;
    std::string pinHash; ///< Argon2id PHC string (crypto/PasswordHasher.h)
    bool mustChangePin = true;
    bool active = true;
    std::string inn; ///< 12 digits (tag 1203) or empty
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;
};

/// The login lockout state of one terminal.
struct LoginLockout {
    std::int64_t lockedUntilUs = 0; ///< logins refused before this moment
    int lockouts = 0;               ///< lockouts one after another since the last good login
};

/// Employees in terminal.db, and the record of wrong PINs the login rate limit reads.
///
/// Plain storage: the rules (who may create whom, PIN rules, the rate limit) are the till's
/// AuthService. Timestamps come from the injected clock. Used from one thread at a time, like the
/// connection it works on.
class EmployeeRepository {
public:
    EmployeeRepository(db::Connection& connection, const core::Clock& clock);

    /// Stores a new employee (the id must be set and unused); returns it with its timestamps.
    core::Result<Employee> insert(Employee employee);
    /// Replaces every field but the id and created_at; kNotFound when there is no such employee.
    core::Result<Employee> update(Employee employee);
    core::Status setActive(const core::Uuid& id, bool active);

    core::Result<std::optional<Employee>> findById(const core::Uuid& id);
    /// Active employees ordered by name, at most `limit` of them.
    core::Result<std::vector<Employee>> listActive(std::size_t limit);
    /// Everyone, active or not, ordered by name.
    core::Result<std::vector<Employee>> listAll();
    core::Result<std::int64_t> countAll();
    core::Result<std::int64_t> countActive();

    // --- the login rate limit, per terminal ---
    core::Status recordLoginFailure(std::string_view terminalId, std::int64_t atUs);
    /// Failures strictly after `sinceUs`.
    core::Result<std::int64_t> countLoginFailures(std::string_view terminalId, std::int64_t sinceUs);
    /// Drops failures at or before `beforeUs` (they no longer count towards anything).
    core::Status pruneLoginFailures(std::string_view terminalId, std::int64_t beforeUs);
    core::Status clearLoginFailures(std::string_view terminalId);
    /// The terminal's lockout; zeros when it was never locked.
    core::Result<LoginLockout> loginLockout(std::string_view terminalId);
    core::Status saveLoginLockout(std::string_view terminalId, const LoginLockout& lockout);

private:
    std::int64_t nowUs() const;

    db::Connection& m_db;
    const core::Clock& m_clock;
};

} // namespace sigma::store
