#include "till/MasterService.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "store/EmployeeRepository.h"
#include "till/LocalTime.h"
#include "till/TillErrors.h"

namespace sigma::till {

MasterService::MasterService(TillContext& context) : m_context(context)
{
}

core::Result<std::pair<int, int>> MasterService::parseWorkingHours(std::string_view text)
{
    const auto dash = text.find('-');
    const core::Error bad(errc::kBadWorkingHours,
                          "'" + std::string(text.substr(0, 40)) + "' is not working hours HH:MM-HH:MM", "hours");
    if (dash == std::string_view::npos) {
        return bad;
    }
    const auto from = parseMinuteOfDay(text.substr(0, dash));
    const auto to = parseMinuteOfDay(text.substr(dash + 1));
    if (!from || !to || *from >= *to) {
        return bad;
    }
    return std::pair<int, int>{*from, *to};
}

core::Result<store::Master> MasterService::save(const MasterProfile& profile, const Cashier& by)
{
    auto id = core::Uuid::parse(profile.employeeId);
    if (!id) {
        return core::Error(errc::kNotAMaster, "'" + profile.employeeId + "' is not an employee id", "employeeId");
    }
    store::EmployeeRepository employees(m_context.database().connection(), m_context.clock());
    SIGMA_ASSIGN_OR_RETURN(auto employee, employees.findById(*id));
    if (!employee || !employee->active) {
        return core::Error(errc::kNotAMaster, "no active employee " + profile.employeeId, "employeeId");
    }
    if (profile.workingHours) {
        const auto [from, to] = *profile.workingHours;
        if (from < 0 || to > 24 * 60 || from >= to) {
            return core::Error(errc::kBadWorkingHours, "working hours must be within a day, the end after the start",
                               "hours");
        }
    }
    if (profile.specialty.size() > 200) {
        return core::Error(core::errc::kInvalidArgument, "the specialty is longer than 200 bytes", "specialty");
    }
    store::Master master;
    master.employeeId = id->toString();
    master.specialty = profile.specialty;
    if (profile.workingHours) {
        master.workFromMin = profile.workingHours->first;
        master.workToMin = profile.workingHours->second;
    }
    master.active = profile.active;
    store::Master saved;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(
            saved, store::MasterRepository(m_context.database().connection(), m_context.clock()).save(master));
        core::Json payload = {{"employeeId", saved.employeeId},
                              {"specialty", saved.specialty},
                              {"active", profile.active},
                              {"savedBy", by.employeeId}};
        if (saved.workFromMin) {
            payload["workFrom"] = *saved.workFromMin;
            payload["workTo"] = *saved.workToMin;
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("master.saved", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return saved;
}

core::Result<std::vector<store::Master>> MasterService::list()
{
    return store::MasterRepository(m_context.database().connection(), m_context.clock()).listActive();
}

core::Result<store::Master> MasterService::require(const std::string& employeeId)
{
    SIGMA_ASSIGN_OR_RETURN(
        auto master, store::MasterRepository(m_context.database().connection(), m_context.clock()).find(employeeId));
    if (!master || !master->active) {
        return core::Error(errc::kNotAMaster, "'" + employeeId + "' is not an active master", "staffId");
    }
    return *master;
}

core::Json masterJson(const store::Master& master)
{
    core::Json out = {
        {"id", master.employeeId}, {"name", master.name}, {"specialty", master.specialty}, {"active", master.active}};
    if (master.workFromMin && master.workToMin) {
        out["workingHours"] = formatMinuteOfDay(*master.workFromMin) + "-" + formatMinuteOfDay(*master.workToMin);
    }
    return out;
}

} // namespace sigma::till
