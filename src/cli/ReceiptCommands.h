#pragma once

#include "cli/CliContext.h"

namespace CLI {
class App;
}

namespace sigma::cli {

/// `sigmactl receipt compute FILE|-` and `sigmactl vat rates [--date D]`.
void addReceiptCommands(CLI::App& app, CliContext& context);

} // namespace sigma::cli
