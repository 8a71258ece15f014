#pragma once
// die() and check() for the benchmark programs that print figures (sigma_cloud_load,
// sigma_cloud_analytics, sigma_finance_bench): a failed setup step ends the run with the
// program's name and why, instead of figures measured over a half-built database.
#include "core/Result.h"

#include <cerrno> // program_invocation_short_name (glibc)
#include <cstdlib>
#include <iostream>
#include <string>
#include <utility>

namespace sigma::bench {

[[noreturn]] inline void die(const std::string& message)
{
    std::cerr << program_invocation_short_name << ": " << message << "\n";
    std::exit(1);
}

template <typename T> T check(core::Result<T> result, const char* what)
{
    if (!result) {
        die(std::string(what) + ": " + result.error().message);
    }
    return std::move(result).value();
}

inline void check(const core::Status& status, const char* what)
{
    if (!status) {
        die(std::string(what) + ": " + status.error().message);
    }
}

} // namespace sigma::bench
