#include "terminal/TerminalRuntime.h"

#include "core/Uuid.h"
#include "devices/PaymentTerminal.h"
#include "drivers/BuiltinDrivers.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "drivers/scale/ScaleDrivers.h"
#include "sync/SyncStateRepository.h"

#include <cstdlib>

namespace sigma::terminal {

TerminalRuntime::TerminalRuntime(Options options) : m_options(std::move(options)) {}

TerminalRuntime::~TerminalRuntime() = default;

crypto::Argon2Cost TerminalRuntime::defaultPinCost()
{
    // Same figures as sigmactl (src/cli/TerminalSession.cpp): both verify the same PIN hashes.
    crypto::Argon2Cost cost;
    cost.timeCost = 2;
    cost.memoryKiB = 19 * 1024;
    cost.parallelism = 1;
    if (const char* test = std::getenv("SIGMA_TEST_CHEAP_HASHES"); test != nullptr && *test == '1') {
        cost.timeCost = 1;
        cost.memoryKiB = 1024;
    }
    return cost;
}

core::Result<std::unique_ptr<TerminalRuntime>> TerminalRuntime::open(Options options)
{
    SIGMA_TRY(options.dir.ensureExists());
    std::unique_ptr<TerminalRuntime> rt(new TerminalRuntime(std::move(options)));
    const auto& dir = rt->m_options.dir;
    const core::Clock& clock = *rt->m_options.clock;
    SIGMA_ASSIGN_OR_RETURN(rt->m_config, till::TerminalConfig::load(dir.configFile()));
    SIGMA_ASSIGN_OR_RETURN(rt->m_database, store::TerminalDatabase::open(dir.terminalDb(),
                                                                         store::TerminalDatabase::Access::Writer,
                                                                         "sigma-terminal"));
    drivers::registerBuiltinDrivers(rt->m_registry);
    if (rt->m_options.fiscalOverride != nullptr) {
        rt->m_fiscalInUse = rt->m_options.fiscalOverride;
    } else {
        SIGMA_ASSIGN_OR_RETURN(rt->m_fiscalOwned, rt->m_registry.create(rt->m_config.fiscalDriver,
                                                                        rt->m_config.fiscalSettings,
                                                                        {dir.root(), &clock}));
        rt->m_fiscalInUse = rt->m_fiscalOwned.get();
    }
    drivers::payment::EmulatedPaymentTerminal::Options payment;
    payment.statePath = dir.root() / "pinpad.db";
    payment.clock = &clock;
    SIGMA_ASSIGN_OR_RETURN(auto pinpad, drivers::payment::EmulatedPaymentTerminal::open(payment));
    rt->m_payment = std::move(pinpad);
    rt->m_till = std::make_unique<till::TillContext>(*rt->m_database, *rt->m_fiscalInUse, rt->m_payment.get(), clock,
                                                     rt->m_random);
    rt->m_auth = std::make_unique<till::AuthService>(rt->m_database->connection(), clock, rt->m_random,
                                                     till::AuthService::Options{rt->m_options.pinCost, "local"});
    rt->m_catalog = std::make_unique<store::CatalogRepository>(*rt->m_database);
    rt->m_lookup = std::make_unique<till::ProductLookup>(*rt->m_catalog);
    rt->m_sale = std::make_unique<till::SaleSession>(*rt->m_till, *rt->m_lookup);
    rt->m_checkout = std::make_unique<till::CheckoutService>(*rt->m_till);
    rt->m_shifts = std::make_unique<till::ShiftService>(*rt->m_till);
    rt->m_returns = std::make_unique<till::ReturnService>(*rt->m_till);
    rt->m_stock = std::make_unique<till::StockService>(*rt->m_till, *rt->m_lookup);
    // A scale that does not open (unplugged, wrong port) must not keep the till from selling:
    // weights are typed instead and the service screen shows why.
    (void)rt->reopenScale();
    // Sync must not keep the till from selling either: a failure shows in the status bar.
    rt->m_sync = std::make_unique<SyncController>(dir.terminalDb(), rt->m_config.cloudUrl);
    // The engine's own connection only for a registered terminal: the rest never pays for it.
    if (auto state = sync::SyncStateRepository(*rt->m_database).load(); state.ok() && state->activated()) {
        (void)rt->m_sync->startIfActivated();
    }
    return rt;
}

core::Status TerminalRuntime::reopenScale()
{
    m_scale.reset();
    m_scaleError.reset();
    if (m_config.scaleDriver.empty()) {
        return core::ok();
    }
    auto scale = drivers::scale::ScaleDrivers::open(m_config.scaleDriver, m_config.scaleSettings,
                                                    {m_options.dir.root(), m_options.clock});
    if (!scale.ok()) {
        m_scaleError = scale.error();
        return scale.error();
    }
    m_scale = std::move(*scale);
    return core::ok();
}

till::Cashier TerminalRuntime::cashier() const
{
    if (!m_session) {
        return {};
    }
    return till::Cashier{m_session->employee.id.toString(), m_session->employee.name, m_session->employee.inn};
}

std::string TerminalRuntime::newUuid()
{
    return core::Uuid::generateV7(*m_options.clock, m_random).toString();
}

} // namespace sigma::terminal
