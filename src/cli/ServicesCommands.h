#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// The salon's commands (docs/cli.md): `staff list`, `staff masters`, `staff master`, `customer`
/// (find, add, show) and `appointment` (day, add, show, move, cancel, to-sale, checkout). Call
/// after addTillCommands(): the staff subcommands join its `staff`.
void addServicesCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
