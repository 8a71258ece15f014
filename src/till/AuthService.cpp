#include "till/AuthService.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "db/Transaction.h"

#include <algorithm>
#include <array>

namespace sigma::till {
namespace {

constexpr std::size_t kMaxNameLength = 100;
constexpr int kGeneratedPinDigits = 6;

std::int64_t micros(std::chrono::microseconds d)
{
    return d.count();
}

/// "45 s", "2 min": how long to wait, rounded up.
std::string waitText(std::int64_t remainingUs)
{
    const std::int64_t seconds = std::max<std::int64_t>(1, (remainingUs + 999'999) / 1'000'000);
    if (seconds < 60) {
        return std::to_string(seconds) + " s";
    }
    return std::to_string((seconds + 59) / 60) + " min";
}

core::Error lockedError(std::int64_t remainingUs, bool afterWrongPin)
{
    return core::Error(core::errc::kLoginLocked,
                       std::string(afterWrongPin ? "wrong PIN; " : "") +
                           "too many wrong PINs: logins are refused, try again in " + waitText(remainingUs),
                       "pin");
}

bool allDigits(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

} // namespace

AuthService::AuthService(db::Connection& connection, const core::Clock& clock, core::RandomSource& random,
                         Options options)
    : m_db(connection), m_clock(clock), m_random(random), m_options(std::move(options)), m_employees(connection, clock)
{
}

// --- login and permissions ----------------------------------------------------------------------

core::Result<Session> AuthService::login(std::string_view pin)
{
    SIGMA_ASSIGN_OR_RETURN(store::Employee employee, checkPin(pin));
    return sessionFor(std::move(employee));
}

core::Status AuthService::require(const Session& session, Permission permission)
{
    const auto& info = permissionInfo(permission);
    if (session.mustChangePin) {
        return core::Error(core::errc::kPinChangeRequired,
                           "the PIN must be changed before anything else (" + std::string(info.name) + ")", "pin");
    }
    if (!session.permissions.contains(permission)) {
        return core::Error(core::errc::kPermissionDenied,
                           "not allowed: " + std::string(store::employeeRoleName(session.employee.role)) + " " +
                               session.employee.name + " has no permission '" + std::string(info.name) + "' (" +
                               std::string(info.title) + ")",
                           std::string(info.name));
    }
    return core::ok();
}

core::Result<store::Employee> AuthService::authorizeOverride(std::string_view pin, Permission permission)
{
    SIGMA_ASSIGN_OR_RETURN(store::Employee approver, checkPin(pin));
    // The approver is held to the same rules as in a session of their own.
    SIGMA_TRY(require(sessionFor(approver), permission));
    approver.pinHash.clear();
    return approver;
}

// --- staff management ---------------------------------------------------------------------------

core::Result<store::Employee> AuthService::createEmployee(const Session& session, const NewEmployee& request)
{
    SIGMA_TRY(checkManages(session, request.role));
    const std::string name = trimmed(request.name);
    if (name.empty() || name.size() > kMaxNameLength) {
        return core::Error(core::errc::kInvalidArgument, "an employee needs a name of 1 to 100 bytes", "name");
    }
    SIGMA_TRY(validatePin(request.pin));
    SIGMA_TRY(validateInn(request.inn));
    SIGMA_ASSIGN_OR_RETURN(const std::int64_t active, m_employees.countActive());
    if (active >= static_cast<std::int64_t>(kMaxActiveEmployees)) {
        return core::Error(core::errc::kTooManyEmployees, "at most " + std::to_string(kMaxActiveEmployees) +
                                                              " employees can be active; deactivate someone first");
    }
    SIGMA_TRY(ensurePinUnused(request.pin, {}));
    store::Employee employee;
    employee.id = core::Uuid::generateV7(m_clock, m_random);
    employee.name = name;
    employee.role = request.role;
    SIGMA_ASSIGN_OR_RETURN(employee.pinHash, hashPin(request.pin));
    employee.mustChangePin = request.mustChangePin;
    employee.active = true;
    employee.inn = request.inn;
    SIGMA_ASSIGN_OR_RETURN(store::Employee stored, m_employees.insert(std::move(employee)));
    stored.pinHash.clear();
    return stored;
}

core::Result<Session> AuthService::changePin(const Session& session, std::string_view oldPin, std::string_view newPin)
{
    SIGMA_TRY(checkNotLocked());
    SIGMA_ASSIGN_OR_RETURN(auto found, m_employees.findById(session.employee.id));
    if (!found || !found->active) {
        return core::Error(core::errc::kPermissionDenied, "the employee is no longer active", "employee");
    }
    store::Employee employee = std::move(*found);
    if (oldPin.size() > kMaxPinInputLength || !crypto::PasswordHasher::verify(oldPin, employee.pinHash)) {
        return recordFailure(false);
    }
    SIGMA_TRY(validatePin(newPin));
    if (newPin == oldPin) {
        return core::Error(core::errc::kWeakPin, "the new PIN must differ from the old one", "newPin");
    }
    SIGMA_TRY(ensurePinUnused(newPin, employee.id));
    SIGMA_ASSIGN_OR_RETURN(employee.pinHash, hashPin(newPin));
    employee.mustChangePin = false;
    SIGMA_ASSIGN_OR_RETURN(store::Employee updated, m_employees.update(std::move(employee)));
    SIGMA_TRY(recordSuccess());
    return sessionFor(std::move(updated));
}

core::Result<store::Employee> AuthService::resetPin(const Session& session, const core::Uuid& employeeId,
                                                    std::string_view newPin)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_employees.findById(employeeId));
    if (!found) {
        return core::Error(core::errc::kNotFound, "no employee " + employeeId.toString(), "employeeId");
    }
    SIGMA_TRY(checkManages(session, found->role));
    SIGMA_TRY(validatePin(newPin));
    if (!found->active) {
        SIGMA_ASSIGN_OR_RETURN(const std::int64_t active, m_employees.countActive());
        if (active >= static_cast<std::int64_t>(kMaxActiveEmployees)) {
            return core::Error(core::errc::kTooManyEmployees, "at most " + std::to_string(kMaxActiveEmployees) +
                                                                  " employees can be active; deactivate someone first");
        }
    }
    SIGMA_TRY(ensurePinUnused(newPin, employeeId));
    store::Employee employee = std::move(*found);
    SIGMA_ASSIGN_OR_RETURN(employee.pinHash, hashPin(newPin));
    employee.mustChangePin = true;
    employee.active = true;
    SIGMA_ASSIGN_OR_RETURN(store::Employee updated, m_employees.update(std::move(employee)));
    updated.pinHash.clear();
    return updated;
}

core::Status AuthService::deactivateEmployee(const Session& session, const core::Uuid& employeeId)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_employees.findById(employeeId));
    if (!found) {
        return core::Error(core::errc::kNotFound, "no employee " + employeeId.toString(), "employeeId");
    }
    SIGMA_TRY(checkManages(session, found->role));
    if (employeeId == session.employee.id) {
        return core::Error(core::errc::kPermissionDenied, "nobody can deactivate themselves", "employeeId");
    }
    return m_employees.setActive(employeeId, false);
}

core::Result<BootstrapResult> AuthService::bootstrapAdministrator(std::optional<std::string> pin)
{
    SIGMA_ASSIGN_OR_RETURN(const std::int64_t existing, m_employees.countAll());
    if (existing > 0) {
        return core::Error(core::errc::kStaffAlreadyInitialized,
                           "the staff is already set up; the first administrator is created only once");
    }
    BootstrapResult result;
    if (pin) {
        SIGMA_TRY(validatePin(*pin));
    } else {
        std::string generated;
        do {
            generated.clear();
            while (generated.size() < static_cast<std::size_t>(kGeneratedPinDigits)) {
                std::byte b{};
                m_random.fill(std::span(&b, 1));
                const auto value = static_cast<unsigned>(b);
                if (value < 250) { // rejection keeps the digits uniform
                    generated += static_cast<char>('0' + value % 10);
                }
            }
        } while (!validatePin(generated).ok());
        pin = generated;
        result.generatedPin = std::move(generated);
    }

    store::Employee employee;
    employee.id = core::Uuid::generateV7(m_clock, m_random);
    employee.name = "Администратор";
    employee.role = store::EmployeeRole::Administrator;
    SIGMA_ASSIGN_OR_RETURN(employee.pinHash, hashPin(*pin));
    employee.mustChangePin = true;
    employee.active = true;

    // Hashing took a while: check again under the write lock, so two `sigmactl init` never both
    // create one.
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(m_db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(const std::int64_t now, m_employees.countAll());
    if (now > 0) {
        return core::Error(core::errc::kStaffAlreadyInitialized,
                           "the staff is already set up; the first administrator is created only once");
    }
    SIGMA_ASSIGN_OR_RETURN(result.employee, m_employees.insert(std::move(employee)));
    SIGMA_TRY(tx.commit());
    result.employee.pinHash.clear();
    return result;
}

core::Result<std::chrono::seconds> AuthService::lockoutRemaining()
{
    SIGMA_ASSIGN_OR_RETURN(const store::LoginLockout lockout, m_employees.loginLockout(m_options.terminalId));
    const std::int64_t remainingUs = lockout.lockedUntilUs - nowUs();
    if (remainingUs <= 0) {
        return std::chrono::seconds(0);
    }
    return std::chrono::seconds((remainingUs + 999'999) / 1'000'000);
}

// --- rules --------------------------------------------------------------------------------------

core::Status AuthService::validatePin(std::string_view pin)
{
    if (pin.size() < 4 || pin.size() > 8 || !allDigits(pin)) {
        return core::Error(core::errc::kWeakPin, "a PIN is 4 to 8 digits", "pin");
    }
    bool same = true;
    bool up = true;
    bool down = true;
    for (std::size_t i = 1; i < pin.size(); ++i) {
        const int previous = pin[i - 1] - '0';
        const int digit = pin[i] - '0';
        same = same && digit == previous;
        up = up && digit == (previous + 1) % 10;
        down = down && digit == (previous + 9) % 10;
    }
    if (same) {
        return core::Error(core::errc::kWeakPin, "a PIN of one repeated digit is too easy to guess", "pin");
    }
    if (up || down) {
        return core::Error(core::errc::kWeakPin, "a PIN of consecutive digits is too easy to guess", "pin");
    }
    return core::ok();
}

core::Status AuthService::validateInn(std::string_view inn)
{
    if (inn.empty()) {
        return core::ok();
    }
    if (inn.size() != 12 || !allDigits(inn)) {
        return core::Error(core::errc::kBadInn, "an employee's INN is 12 digits", "inn");
    }
    // The two check digits of an individual's INN (order of the Federal Tax Service).
    static constexpr std::array<int, 11> kWeights = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    auto checkDigit = [&](std::size_t digits) {
        int sum = 0;
        for (std::size_t i = 0; i < digits; ++i) {
            sum += (inn[i] - '0') * kWeights[kWeights.size() - digits + i];
        }
        return sum % 11 % 10;
    };
    if (checkDigit(10) != inn[10] - '0' || checkDigit(11) != inn[11] - '0') {
        return core::Error(core::errc::kBadInn, "the INN's check digits are wrong", "inn");
    }
    return core::ok();
}

// --- internals ----------------------------------------------------------------------------------

core::Result<store::Employee> AuthService::checkPin(std::string_view pin)
{
    SIGMA_TRY(checkNotLocked());
    PinMatch match;
    if (!pin.empty() && pin.size() <= kMaxPinInputLength) {
        SIGMA_ASSIGN_OR_RETURN(match, findByPin(pin));
    }
    if (!match.employee) {
        return recordFailure(match.truncated);
    }
    SIGMA_TRY(recordSuccess());
    store::Employee employee = std::move(*match.employee);
    if (crypto::PasswordHasher::needsRehash(employee.pinHash, m_options.pinCost)) {
        // The configured cost changed since this PIN was set: the PIN is at hand, so bring the
        // hash up to date. Best effort: the login stands even if this fails, and it is retried at
        // the next one.
        auto rehashed = hashPin(pin);
        if (rehashed.ok()) {
            store::Employee updated = employee;
            updated.pinHash = std::move(rehashed).value();
            (void)m_employees.update(std::move(updated));
        }
    }
    return employee;
}

core::Result<AuthService::PinMatch> AuthService::findByPin(std::string_view pin)
{
    SIGMA_ASSIGN_OR_RETURN(auto employees, m_employees.listActive(kMaxActiveEmployees + 1));
    PinMatch match;
    match.truncated = employees.size() > kMaxActiveEmployees;
    const std::size_t checked = std::min(employees.size(), kMaxActiveEmployees);
    for (std::size_t i = 0; i < checked; ++i) {
        if (crypto::PasswordHasher::verify(pin, employees[i].pinHash)) {
            match.employee = std::move(employees[i]);
            break;
        }
    }
    return match;
}

core::Status AuthService::checkNotLocked()
{
    SIGMA_ASSIGN_OR_RETURN(const store::LoginLockout lockout, m_employees.loginLockout(m_options.terminalId));
    const std::int64_t now = nowUs();
    if (now < lockout.lockedUntilUs) {
        return lockedError(lockout.lockedUntilUs - now, false);
    }
    return core::ok();
}

core::Error AuthService::recordFailure(bool truncated)
{
    const std::int64_t now = nowUs();
    std::optional<std::int64_t> lockedForUs;
    std::int64_t failures = 0;
    const core::Status recorded = [&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(m_db, db::TransactionMode::Immediate));
        const std::string& terminal = m_options.terminalId;
        // Read under the write lock: another process may have locked the terminal meanwhile.
        SIGMA_ASSIGN_OR_RETURN(store::LoginLockout lockout, m_employees.loginLockout(terminal));
        SIGMA_TRY(m_employees.recordLoginFailure(terminal, now));
        SIGMA_TRY(m_employees.pruneLoginFailures(terminal, now - micros(kLockoutMemory)));
        // Failures before the last lockout ended were paid for by it and do not count again (none
        // are recorded while it lasts, so those from its last microsecond on are all new).
        const std::int64_t since = std::max(now - micros(kFailureWindow), lockout.lockedUntilUs - 1);
        SIGMA_ASSIGN_OR_RETURN(failures, m_employees.countLoginFailures(terminal, since));
        if (failures >= kMaxFailures) {
            if (now - lockout.lockedUntilUs > micros(kLockoutMemory)) {
                lockout.lockouts = 0; // a day without a lockout: start again from the shortest
            }
            lockout.lockouts = std::min(lockout.lockouts + 1, 30);
            auto duration = micros(kFirstLockout);
            for (int i = 1; i < lockout.lockouts && duration < micros(kMaxLockout); ++i) {
                duration *= 2;
            }
            duration = std::min(duration, micros(kMaxLockout));
            lockout.lockedUntilUs = now + duration;
            SIGMA_TRY(m_employees.saveLoginLockout(terminal, lockout));
            lockedForUs = duration;
        }
        return tx.commit();
    }();
    if (!recorded.ok()) {
        // Not knowing whether the failure was counted must not let the guess through either.
        return recorded.error();
    }
    if (lockedForUs) {
        return lockedError(*lockedForUs, true);
    }
    if (truncated) {
        return core::Error(core::errc::kTooManyEmployees,
                           "wrong PIN, or the PIN of an employee beyond the first " +
                               std::to_string(kMaxActiveEmployees) +
                               " active ones: deactivate employees no longer working",
                           "pin");
    }
    const std::int64_t left = kMaxFailures - failures;
    return core::Error(core::errc::kWrongPin,
                       "wrong PIN (" + std::to_string(left) + (left == 1 ? " try" : " tries") +
                           " left before logins are refused for a while)",
                       "pin");
}

core::Status AuthService::recordSuccess()
{
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(m_db, db::TransactionMode::Immediate));
    SIGMA_TRY(m_employees.clearLoginFailures(m_options.terminalId));
    SIGMA_TRY(m_employees.saveLoginLockout(m_options.terminalId, store::LoginLockout{}));
    return tx.commit();
}

core::Status AuthService::ensurePinUnused(std::string_view pin, const core::Uuid& except)
{
    SIGMA_ASSIGN_OR_RETURN(auto employees, m_employees.listActive(kMaxActiveEmployees));
    for (const auto& employee : employees) {
        if (employee.id != except && crypto::PasswordHasher::verify(pin, employee.pinHash)) {
            // Says only that the PIN is taken, not by whom.
            return core::Error(core::errc::kPinInUse, "this PIN cannot be used; choose another", "pin");
        }
    }
    return core::ok();
}

core::Status AuthService::checkManages(const Session& session, store::EmployeeRole targetRole)
{
    SIGMA_TRY(require(session, Permission::ManageStaff));
    if (targetRole == store::EmployeeRole::Owner && session.employee.role != store::EmployeeRole::Owner) {
        return core::Error(core::errc::kPermissionDenied, "only an owner manages owners",
                           std::string(permissionName(Permission::ManageStaff)));
    }
    return core::ok();
}

core::Result<std::string> AuthService::hashPin(std::string_view pin)
{
    return crypto::PasswordHasher::hash(pin, m_options.pinCost, m_random);
}

Session AuthService::sessionFor(store::Employee employee) const
{
    Session session;
    const auto permissions = permissionsOf(employee.role);
    session.permissions = std::set<Permission>(permissions.begin(), permissions.end());
    session.mustChangePin = employee.mustChangePin;
    session.startedAtUs = nowUs();
    employee.pinHash.clear();
    session.employee = std::move(employee);
    return session;
}

std::int64_t AuthService::nowUs() const
{
    return core::toUnixMicros(m_clock.now());
}

} // namespace sigma::till
