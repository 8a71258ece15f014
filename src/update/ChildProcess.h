#pragma once

#include "core/Result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sigma::update {

struct ChildOutcome {
    int exitCode = -1;   ///< the exit status, or 128 + signal number when killed
    std::string stderrTail; ///< the last bytes the child wrote to stderr (captured runs only)
};

/// Runs a program (fork + execv, no shell) in `workingDir` and waits for it. With `captureStderr`
/// its stderr is collected (the last 2 KiB kept) for the launcher's failure records; otherwise it
/// inherits ours. A program that cannot be started exits 127, as from a shell.
core::Result<ChildOutcome> runChild(const std::vector<std::string>& argv, const std::filesystem::path& workingDir,
                                    bool captureStderr);

} // namespace sigma::update
