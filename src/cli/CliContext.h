#pragma once

#include "core/Clock.h"
#include "core/Date.h"
#include "core/ExactJson.h"
#include "core/Result.h"

#include <filesystem>
#include <functional>
#include <string>

namespace sigma::cli {

/// What every sigmactl command shares: the global options and the one way results leave.
///
/// A command produces a Result<Json>; main() prints the JSON on stdout (exit 0) or
/// {"error": {"code", "message"}} on stdout (exit 1). Nothing else is written to stdout, so
/// scripts can always parse it.
class CliContext {
public:
    using Action = std::function<core::Result<core::Json>()>;

    std::string dataDirOption; ///< --data-dir, empty when not given

    /// --data-dir, else $SIGMA_DATA_DIR, else ./var/terminal (docs/conventions.md).
    [[nodiscard]] std::filesystem::path dataDir() const;
    /// Today in the machine's local time zone: the date whose VAT rates apply to a new sale.
    [[nodiscard]] core::Date today() const;
    [[nodiscard]] const core::Clock& clock() const { return m_clock; }

    /// Reads a whole file, or standard input for "-", with a named error when it cannot.
    [[nodiscard]] core::Result<std::string> readInput(const std::string& pathOrDash) const;

    /// Remembers the action of the subcommand that was chosen; run() executes it.
    void setAction(Action action) { m_action = std::move(action); }
    [[nodiscard]] bool hasAction() const { return static_cast<bool>(m_action); }
    [[nodiscard]] core::Result<core::Json> run() const { return m_action(); }

private:
    core::SystemClock m_clock;
    Action m_action;
};

} // namespace sigma::cli
