#pragma once

#include "crypto/OsRandom.h"
#include "fiscal/DriverRegistry.h"
#include "fiscal/FiscalDevice.h"
#include "store/CatalogRepository.h"
#include "store/TerminalDatabase.h"
#include "till/AuthService.h"
#include "till/CheckoutService.h"
#include "till/DataDirectory.h"
#include "till/ProductLookup.h"
#include "till/ReturnService.h"
#include "till/SaleSession.h"
#include "till/ShiftService.h"
#include "till/StockService.h"
#include "till/TerminalConfig.h"
#include "till/TillContext.h"
#include "terminal/sync/SyncController.h"

#include <memory>
#include <optional>

namespace sigma::devices {
class PaymentTerminal;
class Scale;
}

namespace sigma::terminal {

/// The objects the terminal runs on, opened the way sigmactl opens them (src/cli/TerminalSession):
/// the data directory, config.json, terminal.db as the one writer, the configured fiscal driver and
/// the pin pad. Copied rather than linked because sigmactl must stay free of Qt and the GUI must
/// not depend on the CLI. No Qt here either: the widgets only hold a reference to this.
class TerminalRuntime {
public:
    struct Options {
        till::DataDirectory dir{"var/terminal"};
        const core::Clock* clock = nullptr; ///< required
        /// A device to use instead of the configured driver (tests put the emulator here to
        /// inject faults); the runtime does not own it.
        fiscal::FiscalDevice* fiscalOverride = nullptr;
        crypto::Argon2Cost pinCost = defaultPinCost();
    };

    static core::Result<std::unique_ptr<TerminalRuntime>> open(Options options);

    /// The PIN hash cost of sigmactl, so PINs set by either work in both.
    static crypto::Argon2Cost defaultPinCost();

    till::DataDirectory& dir() { return m_options.dir; }
    till::TerminalConfig& config() { return m_config; }
    core::Status saveConfig() { return m_config.save(m_options.dir.configFile()); }
    fiscal::DriverRegistry& drivers() { return m_registry; }
    store::TerminalDatabase& database() { return *m_database; }
    fiscal::FiscalDevice& fiscal() { return *m_fiscalInUse; }
    till::TillContext& till() { return *m_till; }
    till::AuthService& auth() { return *m_auth; }
    store::CatalogRepository& catalog() { return *m_catalog; }
    till::ProductLookup& lookup() { return *m_lookup; }
    till::SaleSession& sale() { return *m_sale; }
    till::CheckoutService& checkout() { return *m_checkout; }
    till::ShiftService& shifts() { return *m_shifts; }
    till::ReturnService& returns() { return *m_returns; }
    till::StockService& stock() { return *m_stock; }
    /// The configured scale, null when none is (config.json "scale"), or when it failed to open
    /// (scaleError() says why). Used on the worker thread only, like the register.
    devices::Scale* scale() { return m_scale.get(); }
    [[nodiscard]] const std::optional<core::Error>& scaleError() const { return m_scaleError; }
    /// Opens the scale config() names now (after the service screen saved new settings). The old
    /// one is closed first: call it when no worker job reads the scale.
    core::Status reopenScale();
    const core::Clock& clock() const { return *m_options.clock; }
    /// The background cloud sync (running once the device is activated).
    SyncController& syncController() { return *m_sync; }

    /// The logged-in employee, empty on the login screen.
    std::optional<till::Session>& session() { return m_session; }
    /// The cashier for documents (tags 1021, 1203).
    [[nodiscard]] till::Cashier cashier() const;
    [[nodiscard]] std::string newUuid();

    ~TerminalRuntime();

private:
    explicit TerminalRuntime(Options options);

    Options m_options;
    till::TerminalConfig m_config;
    crypto::OsRandom m_random;
    fiscal::DriverRegistry m_registry;
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<fiscal::FiscalDevice> m_fiscalOwned;
    fiscal::FiscalDevice* m_fiscalInUse = nullptr;
    std::unique_ptr<devices::PaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_till;
    std::unique_ptr<till::AuthService> m_auth;
    std::unique_ptr<store::CatalogRepository> m_catalog;
    std::unique_ptr<till::ProductLookup> m_lookup;
    std::unique_ptr<till::SaleSession> m_sale;
    std::unique_ptr<till::CheckoutService> m_checkout;
    std::unique_ptr<till::ShiftService> m_shifts;
    std::unique_ptr<till::ReturnService> m_returns;
    std::unique_ptr<till::StockService> m_stock;
    std::unique_ptr<devices::Scale> m_scale;
    std::optional<core::Error> m_scaleError;
    std::optional<till::Session> m_session;
    std::unique_ptr<SyncController> m_sync; // declared last: its thread stops before the rest goes
};

} // namespace sigma::terminal
