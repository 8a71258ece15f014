#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl register` (start, --sms-code, --wait) and `sigmactl sync now|status` (docs/cli.md,
/// "Cloud registration and sync").
void addSyncCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
