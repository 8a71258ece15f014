#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl fiscal task|tape|archive|fault|drivers` (docs/cli.md).
void addFiscalCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
