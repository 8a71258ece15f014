#pragma once

#include "store/MasterRepository.h"
#include "till/TillContext.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sigma::till {

/// What the salon sets for a master.
struct MasterProfile {
    std::string employeeId;
    std::string specialty;
    std::optional<std::pair<int, int>> workingHours; ///< [from, to) minutes after local midnight
    bool active = true;
};

/// Masters (мастера): employees who do the work a salon sells. Any active employee can be made a
/// master; the profile carries a specialty and the daily working hours appointments must fit in.
/// Each change is journaled (`master.saved`) so the cloud knows who the masters are.
class MasterService {
public:
    explicit MasterService(TillContext& context);

    /// kNotAMaster for an unknown or inactive employee, kBadWorkingHours for hours out of range.
    core::Result<store::Master> save(const MasterProfile& profile, const Cashier& by);
    core::Result<std::vector<store::Master>> list();
    /// The active master with this employee id; kNotAMaster otherwise.
    core::Result<store::Master> require(const std::string& employeeId);

    /// "10:00-20:00" -> {600, 1200}; kBadWorkingHours unless the end is after the start.
    static core::Result<std::pair<int, int>> parseWorkingHours(std::string_view text);

private:
    TillContext& m_context;
};

/// The master as JSON for sigmactl and the screens: id, name, specialty, workingHours?, active.
core::Json masterJson(const store::Master& master);

} // namespace sigma::till
