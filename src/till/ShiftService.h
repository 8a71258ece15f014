#pragma once

#include "core/Money.h"
#include "store/ShiftRepository.h"
#include "till/TillContext.h"

namespace sigma::till {

/// The close of a shift: the blind count and what it showed.
struct ShiftCloseResult {
    store::ShiftRecord shift;
    store::ShiftFigures figures;
    core::Money countedCash;
    core::Money overShort; ///< counted − expected: positive is over, negative is short
    core::Json fiscalParams;

    [[nodiscard]] core::Json toJson() const;
};

/// Shift open / X report / close (Z) with a blind cash count, and cash in / cash out. Every
/// change is a register document plus a durable record and a journal event. When the register
/// and terminal.db disagree (a crash between the two), the register's state is adopted.
class ShiftService {
public:
    explicit ShiftService(TillContext& context);

    core::Result<store::ShiftRecord> open(const Cashier& cashier);
    /// The X report: printed by the register, figures from terminal.db.
    core::Result<core::Json> reportX(const Cashier& cashier);
    /// Closes the shift. `countedCash` is the cashier's blind count, entered before the expected
    /// figure is shown.
    core::Result<ShiftCloseResult> close(const Cashier& cashier, core::Money countedCash);
    core::Result<core::Json> status();
    /// Cash in (внесение) or out (выплата); `id` makes a retry harmless.
    core::Result<core::Json> cash(const Cashier& cashier, bool in, core::Money sum, const std::string& reason,
                                  std::string id = {});

private:
    TillContext& m_context;
};

} // namespace sigma::till
