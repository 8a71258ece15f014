#pragma once

#include "core/ExactJson.h"
#include "core/Money.h"
#include "store/TerminalDatabase.h"

#include <optional>
#include <string>

namespace sigma::store {

struct ShiftRecord {
    std::string id;
    std::uint32_t number = 0;
    std::int64_t openedAtUs = 0;
    std::string openedBy;
    std::optional<std::int64_t> closedAtUs;
    std::string closedBy;
    std::optional<core::Money> expectedCash;
    std::optional<core::Money> countedCash;
    core::Json totals;
};

/// Money movement of a shift by kind, from the receipts and cash operations stored locally.
struct ShiftFigures {
    std::int64_t salesCount = 0;
    core::Money sales;           ///< sell receipts
    std::int64_t returnsCount = 0;
    core::Money returns;         ///< sellReturn receipts
    core::Money cashSales;       ///< cash kept from sales (after change)
    core::Money cashReturns;
    core::Money nonCashSales;
    core::Money nonCashReturns;
    core::Money cashIn;
    core::Money cashOut;
    core::Money expectedCash;    ///< cashSales − cashReturns + cashIn − cashOut
    std::int64_t pendingCount = 0; ///< receipts still being reconciled

    [[nodiscard]] core::Json toJson() const;
};

/// Shifts and cash operations of terminal.db.
class ShiftRepository {
public:
    explicit ShiftRepository(TerminalDatabase& database);

    core::Status insert(const ShiftRecord& shift);
    core::Status close(const std::string& id, std::int64_t atUs, const std::string& by, core::Money expected,
                       core::Money counted, const core::Json& totals);
    core::Result<std::optional<ShiftRecord>> current();
    core::Result<std::optional<ShiftRecord>> find(const std::string& id);
    core::Result<std::optional<ShiftRecord>> last();

    core::Status insertCashOperation(const std::string& id, const std::string& shiftId, const std::string& kind,
                                     core::Money sum, const std::string& reason, const std::string& employeeId,
                                     std::int64_t atUs);
    core::Result<ShiftFigures> figures(const std::string& shiftId);

private:
    core::Result<std::optional<ShiftRecord>> one(const std::string& where, std::initializer_list<db::Param> params);

    TerminalDatabase& m_database;
};

} // namespace sigma::store
