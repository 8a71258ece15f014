#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl catalog import FILE|-`, `sigmactl catalog search TEXT [--limit N]` and
/// `sigmactl catalog scan CODE`.
void addCatalogCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
