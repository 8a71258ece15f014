#include "store/EmployeeRepository.h"

#include "core/ErrorCodes.h"

#include <array>

namespace sigma::store {
namespace {

struct RoleName {
    EmployeeRole role;
    std::string_view name;
};

constexpr std::array<RoleName, 5> kRoleNames = {{
    {EmployeeRole::Owner, "owner"},
    {EmployeeRole::Administrator, "administrator"},
    {EmployeeRole::SeniorCashier, "seniorCashier"},
    {EmployeeRole::Cashier, "cashier"},
    {EmployeeRole::Technician, "technician"},
}};

constexpr std::string_view kColumns =
    "id, name, role, pin_hash, must_change_pin, active, inn, created_at_us, updated_at_us";

core::Result<Employee> employeeFrom(const db::Row& row)
{
    Employee e;
    SIGMA_ASSIGN_OR_RETURN(e.id, core::Uuid::parse(row.text(0)));
    e.name = row.text(1);
    SIGMA_ASSIGN_OR_RETURN(e.role, parseEmployeeRole(row.text(2)));
    e.pinHash = row.text(3);
    e.mustChangePin = row.int64(4) != 0;
    e.active = row.int64(5) != 0;
    e.inn = row.text(6);
    e.createdAtUs = row.int64(7);
    e.updatedAtUs = row.int64(8);
    return e;
}

core::Result<std::vector<Employee>> employeesFrom(const std::vector<db::Row>& rows)
{
    std::vector<Employee> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto employee, employeeFrom(row));
        out.push_back(std::move(employee));
    }
    return out;
}

} // namespace

std::string_view employeeRoleName(EmployeeRole role)
{
    for (const auto& entry : kRoleNames) {
        if (entry.role == role) {
            return entry.name;
        }
    }
    return "cashier";
}

core::Result<EmployeeRole> parseEmployeeRole(std::string_view name)
{
    for (const auto& entry : kRoleNames) {
        if (entry.name == name) {
            return entry.role;
        }
    }
    return core::Error(core::errc::kInvalidArgument,
                       "unknown role '" + std::string(name) +
                           "' (expected owner, administrator, seniorCashier, cashier or technician)",
                       "role");
}

EmployeeRepository::EmployeeRepository(db::Connection& connection, const core::Clock& clock)
    : m_db(connection), m_clock(clock)
{
}

core::Result<Employee> EmployeeRepository::insert(Employee e)
{
    if (e.id.isNil()) {
        return core::Error(core::errc::kInvalidArgument, "an employee needs an id", "id");
    }
    e.createdAtUs = nowUs();
    e.updatedAtUs = e.createdAtUs;
    SIGMA_TRY(m_db.execute("INSERT INTO employees (" + std::string(kColumns) +
                               ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                           {e.id.toString(), e.name, employeeRoleName(e.role), e.pinHash, e.mustChangePin, e.active,
                            e.inn, e.createdAtUs, e.updatedAtUs}));
    return e;
}

core::Result<Employee> EmployeeRepository::update(Employee e)
{
    e.updatedAtUs = nowUs();
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("UPDATE employees SET name = $2, role = $3, pin_hash = $4, "
                                                   "must_change_pin = $5, active = $6, inn = $7, updated_at_us = $8 "
                                                   "WHERE id = $1 RETURNING created_at_us",
                                                   {e.id.toString(), e.name, employeeRoleName(e.role), e.pinHash,
                                                    e.mustChangePin, e.active, e.inn, e.updatedAtUs}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no employee " + e.id.toString(), "id");
    }
    e.createdAtUs = row->int64(0);
    return e;
}

core::Status EmployeeRepository::setActive(const core::Uuid& id, bool active)
{
    SIGMA_TRY(m_db.execute("UPDATE employees SET active = $2, updated_at_us = $3 WHERE id = $1",
                           {id.toString(), active, nowUs()}));
    if (m_db.changes() == 0) {
        return core::Error(core::errc::kNotFound, "no employee " + id.toString(), "id");
    }
    return core::ok();
}

core::Result<std::optional<Employee>> EmployeeRepository::findById(const core::Uuid& id)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto row, m_db.queryOne("SELECT " + std::string(kColumns) + " FROM employees WHERE id = $1", {id.toString()}));
    if (!row) {
        return std::optional<Employee>();
    }
    SIGMA_ASSIGN_OR_RETURN(auto employee, employeeFrom(*row));
    return std::optional<Employee>(std::move(employee));
}

core::Result<std::vector<Employee>> EmployeeRepository::listActive(std::size_t limit)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_db.query("SELECT " + std::string(kColumns) +
                                                     " FROM employees WHERE active = 1 ORDER BY name, id LIMIT $1",
                                                 {limit}));
    return employeesFrom(rows);
}

core::Result<std::vector<Employee>> EmployeeRepository::listAll()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows,
                           m_db.query("SELECT " + std::string(kColumns) + " FROM employees ORDER BY name, id"));
    return employeesFrom(rows);
}

core::Result<std::int64_t> EmployeeRepository::countAll()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("SELECT COUNT(*) FROM employees"));
    return row ? row->int64(0) : 0;
}

core::Result<std::int64_t> EmployeeRepository::countActive()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("SELECT COUNT(*) FROM employees WHERE active = 1"));
    return row ? row->int64(0) : 0;
}

core::Status EmployeeRepository::recordLoginFailure(std::string_view terminalId, std::int64_t atUs)
{
    return m_db.execute("INSERT INTO login_failures (terminal_id, failed_at_us) VALUES ($1, $2)", {terminalId, atUs});
}

core::Result<std::int64_t> EmployeeRepository::countLoginFailures(std::string_view terminalId, std::int64_t sinceUs)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("SELECT COUNT(*) FROM login_failures "
                                                   "WHERE terminal_id = $1 AND failed_at_us > $2",
                                                   {terminalId, sinceUs}));
    return row ? row->int64(0) : 0;
}

core::Status EmployeeRepository::pruneLoginFailures(std::string_view terminalId, std::int64_t beforeUs)
{
    return m_db.execute("DELETE FROM login_failures WHERE terminal_id = $1 AND failed_at_us <= $2",
                        {terminalId, beforeUs});
}

core::Status EmployeeRepository::clearLoginFailures(std::string_view terminalId)
{
    return m_db.execute("DELETE FROM login_failures WHERE terminal_id = $1", {terminalId});
}

core::Result<LoginLockout> EmployeeRepository::loginLockout(std::string_view terminalId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("SELECT locked_until_us, lockouts FROM login_lockouts "
                                                   "WHERE terminal_id = $1",
                                                   {terminalId}));
    LoginLockout lockout;
    if (row) {
        lockout.lockedUntilUs = row->int64(0);
        lockout.lockouts = static_cast<int>(row->int64(1));
    }
    return lockout;
}

core::Status EmployeeRepository::saveLoginLockout(std::string_view terminalId, const LoginLockout& lockout)
{
    return m_db.execute("INSERT INTO login_lockouts (terminal_id, locked_until_us, lockouts) VALUES ($1, $2, $3) "
                        "ON CONFLICT (terminal_id) DO UPDATE SET locked_until_us = excluded.locked_until_us, "
                        "lockouts = excluded.lockouts",
                        {terminalId, lockout.lockedUntilUs, lockout.lockouts});
}

std::int64_t EmployeeRepository::nowUs() const
{
    return core::toUnixMicros(m_clock.now());
}

} // namespace sigma::store
