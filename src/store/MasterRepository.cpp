#include "store/MasterRepository.h"

#include "core/ErrorCodes.h"

namespace sigma::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT m.employee_id, e.name, m.specialty, m.work_from_min, m.work_to_min, m.active AND e.active, "
    "m.created_at_us, m.updated_at_us FROM masters m JOIN employees e ON e.id = m.employee_id ";

Master masterFrom(const db::Row& row)
{
    Master m;
    m.employeeId = row.text(0);
    m.name = row.text(1);
    m.specialty = row.text(2);
    if (auto from = row.optionalInt64(3)) {
        m.workFromMin = static_cast<int>(*from);
    }
    if (auto to = row.optionalInt64(4)) {
        m.workToMin = static_cast<int>(*to);
    }
    m.active = row.int64(5) != 0;
    m.createdAtUs = row.int64(6);
    m.updatedAtUs = row.int64(7);
    return m;
}

} // namespace

MasterRepository::MasterRepository(db::Connection& connection, const core::Clock& clock)
    : m_db(connection), m_clock(clock)
{
}

core::Result<Master> MasterRepository::save(Master master)
{
    const std::int64_t now = core::toUnixMicros(m_clock.now());
    SIGMA_TRY(m_db.execute(
        "INSERT INTO masters (employee_id, specialty, work_from_min, work_to_min, active, created_at_us, "
        "updated_at_us) VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (employee_id) DO UPDATE SET "
        "specialty = excluded.specialty, work_from_min = excluded.work_from_min, "
        "work_to_min = excluded.work_to_min, active = excluded.active, updated_at_us = excluded.updated_at_us",
        {master.employeeId, master.specialty, master.workFromMin, master.workToMin, master.active, now}));
    SIGMA_ASSIGN_OR_RETURN(auto stored, find(master.employeeId));
    if (!stored) {
        return core::Error(core::errc::kInternal, "the master " + master.employeeId + " vanished after saving");
    }
    return *stored;
}

core::Result<std::optional<Master>> MasterRepository::find(const std::string& employeeId)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne(std::string(kSelect) + "WHERE m.employee_id = $1", {employeeId}));
    if (!row) {
        return std::optional<Master>();
    }
    return std::optional<Master>(masterFrom(*row));
}

core::Result<std::vector<Master>> MasterRepository::listActive()
{
    SIGMA_ASSIGN_OR_RETURN(auto rows,
                           m_db.query(std::string(kSelect) + "WHERE m.active = 1 AND e.active = 1 ORDER BY e.name, "
                                                             "m.employee_id"));
    std::vector<Master> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(masterFrom(row));
    }
    return out;
}

} // namespace sigma::store
