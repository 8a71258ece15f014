#include "cli/CliContext.h"

#include "core/ErrorCodes.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sigma::cli {

namespace {
constexpr std::size_t kMaxInputBytes = 64 * 1024 * 1024;
}

std::filesystem::path CliContext::dataDir() const
{
    if (!dataDirOption.empty()) {
        return dataDirOption;
    }
    if (const char* env = std::getenv("SIGMA_DATA_DIR"); env != nullptr && *env != '\0') {
        return env;
    }
    return std::filesystem::path("var") / "terminal";
}

core::Date CliContext::today() const
{
    const std::time_t now = std::chrono::system_clock::to_time_t(m_clock.now());
    std::tm local{};
    localtime_r(&now, &local);
    return core::Date{std::chrono::year(local.tm_year + 1900), std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                      std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

core::Result<std::string> CliContext::readInput(const std::string& pathOrDash) const
{
    std::ostringstream buffer;
    if (pathOrDash == "-") {
        buffer << std::cin.rdbuf();
    } else {
        std::ifstream file(pathOrDash, std::ios::binary);
        if (!file) {
            return core::Error(core::errc::kIo, "cannot open '" + pathOrDash + "': " + std::strerror(errno));
        }
        buffer << file.rdbuf();
    }
    std::string text = std::move(buffer).str();
    if (text.size() > kMaxInputBytes) {
        return core::Error(core::errc::kInvalidArgument, "input is larger than 64 MiB");
    }
    return text;
}

} // namespace sigma::cli
