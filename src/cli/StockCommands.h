#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl stock create|add|post|list|show`: stock documents (docs/cli.md, "Stock documents").
void addStockCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
