#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <filesystem>

namespace sigma::terminal {

class TerminalRuntime;

/// What a technician (and support) needs to know about a terminal, gathered in one JSON: the
/// register's device info (firmware version), FN state and lifetime, the OFD queue and its age,
/// the shift, disk space, the database's PRAGMA integrity_check, the journal's hash chain, the
/// cloud sync state and the installed release. Each section holds its value or {"error": ...}, so
/// one broken part never hides the others. No Qt: runs on the worker thread (it uses the register
/// and terminal.db).
class ServiceDiagnostics {
public:
    static core::Json collect(TerminalRuntime& runtime);

    /// Writes `diagnostics` and the log files into one sigma-support-<time>.tar.gz in `directory`
    /// (diagnostics.json, logs/<name>) and returns its path.
    static core::Result<std::filesystem::path> exportBundle(TerminalRuntime& runtime, const core::Json& diagnostics,
                                                            const std::filesystem::path& directory);

    /// Largest log file taken whole; above it only its end (the newest lines) goes in.
    static constexpr std::size_t kMaxLogBytes = 4 * 1024 * 1024;
};

} // namespace sigma::terminal
