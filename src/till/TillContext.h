#pragma once

#include "core/Clock.h"
#include "core/Date.h"
#include "core/RandomSource.h"
#include "fiscal/FiscalDevice.h"
#include "store/Journal.h"
#include "store/ReceiptRepository.h"
#include "store/ShiftRepository.h"
#include "store/TerminalDatabase.h"

#include <string>

namespace sigma::devices {
class PaymentTerminal;
}

namespace sigma::till {

/// Who is at the till: on every fiscal document (tags 1021, 1203) and every journal event.
struct Cashier {
    std::string employeeId;
    std::string name;
    std::string inn;
};

/// Everything the till services share: the database, the devices and the time. The services hold
/// references; the executable (terminal, sigmactl, a test) owns the objects.
class TillContext {
public:
    TillContext(store::TerminalDatabase& database, fiscal::FiscalDevice& fiscal, devices::PaymentTerminal* payment,
                const core::Clock& clock, core::RandomSource& random);

    store::TerminalDatabase& database() { return m_database; }
    fiscal::FiscalDevice& fiscal() { return m_fiscal; }
    devices::PaymentTerminal* payment() { return m_payment; }
    const core::Clock& clock() const { return m_clock; }
    core::RandomSource& random() { return m_random; }
    store::Journal& journal() { return m_journal; }
    store::ReceiptRepository& receipts() { return m_receipts; }
    store::ShiftRepository& shifts() { return m_shifts; }

    [[nodiscard]] std::int64_t nowUs() const { return core::toUnixMicros(m_clock.now()); }
    [[nodiscard]] std::string newId();
    /// Today in the seller's local time (the date whose VAT rates apply to a new sale).
    [[nodiscard]] core::Date today() const;

    /// A shift may last 24 hours (54-FZ); the register refuses documents after that.
    static constexpr std::int64_t kShiftLimitUs = 24LL * 3600 * 1'000'000;

private:
    store::TerminalDatabase& m_database;
    fiscal::FiscalDevice& m_fiscal;
    devices::PaymentTerminal* m_payment;
    const core::Clock& m_clock;
    core::RandomSource& m_random;
    store::Journal m_journal;
    store::ReceiptRepository m_receipts;
    store::ShiftRepository m_shifts;
};

} // namespace sigma::till
