#pragma once
// `sigma-cloud admin ...` for the widget tests that run against the real cloud binary.
#include "support/CloudProcess.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sigma::terminal::test_support {

/// The command's standard output without its trailing newline; a failed command fails the test.
inline std::string adminOutput(const sigma::test::CloudProcess& cloud, const std::vector<std::string>& args)
{
    const auto result = cloud.admin(args);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    std::string out = result.out;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) {
        out.pop_back();
    }
    return out;
}

} // namespace sigma::terminal::test_support
