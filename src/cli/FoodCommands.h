#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl table|order|modifier|kitchen`: the food app without a screen (docs/cli.md, "Food").
void addFoodCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
