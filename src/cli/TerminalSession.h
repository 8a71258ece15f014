#pragma once

#include "cli/CliContext.h"
#include "crypto/OsRandom.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "fiscal/FiscalDevice.h"
#include "store/CatalogRepository.h"
#include "store/TerminalDatabase.h"
#include "till/AuthService.h"
#include "till/DataDirectory.h"
#include "till/ProductLookup.h"
#include "till/TerminalConfig.h"
#include "till/TillContext.h"

#include <memory>

namespace sigma::cli {

/// Everything a terminal command needs, opened the way the terminal opens it: the data
/// directory, config.json, terminal.db (as the one writer), the configured fiscal device and the
/// pin pad. Opening fails with "in use by another process" while the terminal holds the directory.
class TerminalSession {
public:
    static core::Result<std::unique_ptr<TerminalSession>> open(const CliContext& context);

    till::DataDirectory& dir() { return m_dir; }
    till::TerminalConfig& config() { return m_config; }
    store::TerminalDatabase& database() { return *m_database; }
    till::TillContext& till() { return *m_till; }
    till::AuthService& auth() { return *m_auth; }
    till::ProductLookup& lookup() { return *m_lookup; }
    store::CatalogRepository& catalog() { return *m_catalog; }
    crypto::OsRandom& random() { return m_random; }

    /// Logs in with `pin` (or $SIGMA_PIN) and returns the cashier for documents; checks
    /// `permission`.
    core::Result<till::Cashier> login(const std::string& pin, till::Permission permission);

    /// Argon2id cost of PIN hashes on the terminal: PINs are short, so the cost is what stands
    /// between a stolen terminal.db and the PINs.
    static crypto::Argon2Cost pinCost();

private:
    TerminalSession(const CliContext& context, till::DataDirectory dir);

    const CliContext& m_context;
    till::DataDirectory m_dir;
    till::TerminalConfig m_config;
    crypto::OsRandom m_random;
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<fiscal::FiscalDevice> m_fiscal;
    std::unique_ptr<drivers::payment::EmulatedPaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_till;
    std::unique_ptr<till::AuthService> m_auth;
    std::unique_ptr<store::CatalogRepository> m_catalog;
    std::unique_ptr<till::ProductLookup> m_lookup;
};

} // namespace sigma::cli
