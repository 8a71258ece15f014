#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl update status|check|download|apply|rollback`, `sigmactl health`, `sigmactl firmware
/// info|flash` and the publisher's `sigmactl package keygen|sign|verify` (docs/cli.md, "Updates").
void addUpdateCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
