#pragma once

#include <cstdlib>
#include <fstream>
#include <string>

namespace sigma::test {

/// The URL of the test PostgreSQL server, or "" when there is none.
///
/// The ctest fixture `postgres` (tests/pg/CMakeLists.txt) starts a throwaway cluster and writes its
/// URL to ${CMAKE_BINARY_DIR}/pg/url; a test target passes that path in as SIGMA_PG_URL_FILE. The
/// environment variable SIGMA_TEST_PG_URL, when set, wins (to test against another server).
/// An empty answer means the test binary runs outside ctest, or without the fixture: skip loudly,
///     if (url.empty()) GTEST_SKIP() << "PostgreSQL unavailable: run through ctest (fixture postgres)";
/// In ctest the fixture's set-up fails when PostgreSQL cannot start, so CI never skips silently.
inline std::string pgTestUrl()
{
    if (const char* fromEnvironment = std::getenv("SIGMA_TEST_PG_URL");
        fromEnvironment != nullptr && *fromEnvironment != '\0') {
        return fromEnvironment;
    }
#ifdef SIGMA_PG_URL_FILE
    std::ifstream file(SIGMA_PG_URL_FILE);
    std::string url;
    if (file && std::getline(file, url)) {
        while (!url.empty() && (url.back() == '\r' || url.back() == ' ')) {
            url.pop_back();
        }
        return url;
    }
#endif
    return {};
}

} // namespace sigma::test
