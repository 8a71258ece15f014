#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl init`, `staff`, `shift`, `cash`, `sale`, `return`, `hold`, `resume`, `recover`,
/// `journal` (docs/cli.md).
void addTillCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
