#include "cli/TerminalSession.h"

#include "core/ErrorCodes.h"
#include "drivers/BuiltinDrivers.h"

#include <cstdlib>

namespace sigma::cli {

TerminalSession::TerminalSession(const CliContext& context, till::DataDirectory dir)
    : m_context(context), m_dir(std::move(dir))
{
}

crypto::Argon2Cost TerminalSession::pinCost()
{
    crypto::Argon2Cost cost;
    cost.timeCost = 2;
    cost.memoryKiB = 19 * 1024; // OWASP's minimum for Argon2id; a login checks a few employees
    cost.parallelism = 1;
    if (const char* test = std::getenv("SIGMA_TEST_CHEAP_HASHES"); test != nullptr && *test == '1') {
        cost.timeCost = 1;
        cost.memoryKiB = 1024;
    }
    return cost;
}

core::Result<std::unique_ptr<TerminalSession>> TerminalSession::open(const CliContext& context)
{
    auto dir = till::DataDirectory::resolve(context.dataDirOption);
    SIGMA_TRY(dir.ensureExists());
    std::unique_ptr<TerminalSession> session(new TerminalSession(context, dir));
    SIGMA_ASSIGN_OR_RETURN(session->m_config, till::TerminalConfig::load(dir.configFile()));
    SIGMA_ASSIGN_OR_RETURN(session->m_database,
                           store::TerminalDatabase::open(dir.terminalDb(), store::TerminalDatabase::Access::Writer,
                                                         "sigmactl"));
    fiscal::DriverRegistry registry;
    drivers::registerBuiltinDrivers(registry);
    SIGMA_ASSIGN_OR_RETURN(session->m_fiscal, registry.create(session->m_config.fiscalDriver,
                                                              session->m_config.fiscalSettings,
                                                              {dir.root(), &context.clock()}));
    drivers::payment::EmulatedPaymentTerminal::Options payment;
    payment.statePath = dir.root() / "pinpad.db";
    payment.clock = &context.clock();
    SIGMA_ASSIGN_OR_RETURN(session->m_payment, drivers::payment::EmulatedPaymentTerminal::open(payment));
    session->m_till = std::make_unique<till::TillContext>(*session->m_database, *session->m_fiscal,
                                                          session->m_payment.get(), context.clock(), session->m_random);
    session->m_auth = std::make_unique<till::AuthService>(session->m_database->connection(), context.clock(),
                                                          session->m_random, till::AuthService::Options{pinCost(), "local"});
    session->m_catalog = std::make_unique<store::CatalogRepository>(*session->m_database);
    session->m_lookup = std::make_unique<till::ProductLookup>(*session->m_catalog);
    return session;
}

core::Result<till::Cashier> TerminalSession::login(const std::string& pin, till::Permission permission)
{
    std::string secret = pin;
    if (secret.empty()) {
        if (const char* env = std::getenv("SIGMA_PIN"); env != nullptr) {
            secret = env;
        }
    }
    if (secret.empty()) {
        return core::Error(core::errc::kInvalidArgument, "a PIN is needed: --pin, \"pin\" in the input or $SIGMA_PIN",
                           "pin");
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, m_auth->login(secret));
    SIGMA_TRY(till::AuthService::require(session, permission));
    return till::Cashier{session.employee.id.toString(), session.employee.name, session.employee.inn};
}

} // namespace sigma::cli
