#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "db/Connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::store {

/// An employee who does the work a salon sells (мастер), with the daily working hours bookings
/// must fit in.
struct Master {
    std::string employeeId;
    std::string name;               ///< the employee's name (employees.name)
    std::string specialty;          ///< "Парикмахер", "Мастер маникюра", free text
    std::optional<int> workFromMin; ///< minutes after local midnight; absent: no hours set
    std::optional<int> workToMin;   ///< minutes after local midnight, after workFromMin
    bool active = true;             ///< a master and an active employee
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;
};

/// The masters table of terminal.db (store/ServicesSchema.cpp). Plain storage: the rules (who may
/// be a master, valid hours) are till::MasterService's.
class MasterRepository {
public:
    MasterRepository(db::Connection& connection, const core::Clock& clock);

    /// Inserts or replaces the master profile of an employee; returns it as stored.
    core::Result<Master> save(Master master);
    /// The profile joined with the employee; `active` is false when either is inactive.
    core::Result<std::optional<Master>> find(const std::string& employeeId);
    /// Active masters of active employees, ordered by name.
    core::Result<std::vector<Master>> listActive();

private:
    db::Connection& m_db;
    const core::Clock& m_clock;
};

} // namespace sigma::store
