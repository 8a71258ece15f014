// sigmactl: the technician's and operator's command line. Prints JSON on stdout; see docs/cli.md.

#include "cli/CatalogCommands.h"
#include "cli/CliContext.h"
#include "cli/FiscalCommands.h"
#include "cli/FoodCommands.h"
#include "cli/ReceiptCommands.h"
#include "cli/ServicesCommands.h"
#include "cli/StockCommands.h"
#include "cli/SyncCommands.h"
#include "cli/TillCommands.h"
#include "cli/UpdateCommands.h"
#include "core/ErrorCodes.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

int printError(const sigma::core::Error& error)
{
    sigma::core::Json body = {{"code", error.code}, {"message", error.message}};
    if (!error.field.empty()) {
        body["field"] = error.field;
    }
    std::cout << sigma::core::Json{{"error", body}}.dump(2) << std::endl;
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    sigma::cli::CliContext context;
    CLI::App app{"sigmactl: Sigma POS command line (JSON on stdout)", "sigmactl"};
    app.fallthrough(); // global options work before or after the subcommand
    app.require_subcommand(1);
    app.add_option("--data-dir", context.dataDirOption, "Terminal data directory (default: $SIGMA_DATA_DIR or ./var/terminal)");
    app.set_version_flag("--version", std::string("sigmactl ") + SIGMA_VERSION);

    sigma::cli::addReceiptCommands(app, context);
    sigma::cli::addCatalogCommands(app, context);
    sigma::cli::addFiscalCommands(app, context);
    sigma::cli::addTillCommands(app, context);
    sigma::cli::addStockCommands(app, context);
    sigma::cli::addUpdateCommands(app, context);
    sigma::cli::addServicesCommands(app, context); // after addTillCommands: joins its `staff`
    sigma::cli::addFoodCommands(app, context);
    sigma::cli::addSyncCommands(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return printError(sigma::core::Error(sigma::core::errc::kInvalidArgument, e.what()));
    }

    if (!context.hasAction()) {
        return printError(sigma::core::Error(sigma::core::errc::kInvalidArgument, "no command given; see --help"));
    }
    try {
        auto result = context.run();
        if (!result) {
            return printError(result.error());
        }
        std::cout << result->dump(2) << std::endl;
        return 0;
    } catch (const std::exception& e) {
        // Last line of defence: a bug must still produce the JSON error contract, not a crash dump.
        return printError(sigma::core::Error(sigma::core::errc::kInternal, std::string("internal error: ") + e.what()));
    }
}
