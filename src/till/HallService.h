#pragma once

#include "till/FoodTypes.h"
#include "till/TillContext.h"

#include <vector>

namespace sigma::till {

/// A table with what the hall map shows on it.
struct HallTableView {
    HallTable table;
    TableState state = TableState::Free;
    std::string orderId;
    std::int64_t orderNumber = 0;
    int guests = 0;
    std::int64_t openedAtUs = 0;
    std::int64_t minutesOpen = 0; ///< since the order was opened
    core::Money total;
};

/// The hall map: tables on a grid (add, move, rename, remove in service mode) and their state
/// (free / occupied / bill printed, guests, time since opening). Every change is journaled as
/// `food.table` (docs/sync-protocol.md).
class HallService {
public:
    explicit HallService(TillContext& context);

    core::Result<HallTable> add(const std::string& name, int x, int y, int seats = 4);
    core::Result<HallTable> move(const std::string& tableId, int x, int y);
    core::Result<HallTable> rename(const std::string& tableId, const std::string& name);
    core::Result<HallTable> setSeats(const std::string& tableId, int seats);
    /// Refused while the table has an open order (kTableBusy).
    core::Status remove(const std::string& tableId);

    core::Result<HallTable> find(const std::string& tableId);
    /// An active table by id or by name (what a waiter types).
    core::Result<HallTable> resolve(const std::string& idOrName);
    core::Result<std::vector<HallTableView>> map();

    [[nodiscard]] static core::Json toJson(const HallTableView& view);
    static std::string_view stateName(TableState state);

    static constexpr int kMaxGrid = 99;
    static constexpr std::size_t kMaxNameLength = 32;

private:
    core::Status check(const HallTable& table, const std::string& exceptId);
    core::Status save(const HallTable& table, bool removed);

    TillContext& m_context;
};

} // namespace sigma::till
