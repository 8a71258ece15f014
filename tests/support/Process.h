#pragma once

#include <string>
#include <vector>

namespace sigma::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs `program` with `args`, feeds `input` to its standard input and collects both outputs.
/// Used to test executables the way a user or a script runs them.
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::string& input = {}, const std::vector<std::string>& extraEnv = {});

} // namespace sigma::test
