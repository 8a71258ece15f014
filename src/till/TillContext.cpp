#include "till/TillContext.h"

#include "core/Uuid.h"

#include <ctime>

namespace sigma::till {

TillContext::TillContext(store::TerminalDatabase& database, fiscal::FiscalDevice& fiscal,
                         devices::PaymentTerminal* payment, const core::Clock& clock, core::RandomSource& random)
    : m_database(database),
      m_fiscal(fiscal),
      m_payment(payment),
      m_clock(clock),
      m_random(random),
      m_journal(database, clock, random),
      m_receipts(database),
      m_shifts(database)
{
}

std::string TillContext::newId()
{
    return core::Uuid::generateV7(m_clock, m_random).toString();
}

core::Date TillContext::today() const
{
    const std::time_t now = std::chrono::system_clock::to_time_t(m_clock.now());
    std::tm local{};
    localtime_r(&now, &local);
    return core::Date{std::chrono::year(local.tm_year + 1900), std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                      std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

} // namespace sigma::till
