#include "till/DataDirectory.h"

#include "core/ErrorCodes.h"

#include <cstdlib>

namespace sigma::till {

DataDirectory::DataDirectory(std::filesystem::path root) : m_root(std::move(root)) {}

DataDirectory DataDirectory::resolve(const std::filesystem::path& option)
{
    if (!option.empty()) {
        return DataDirectory(option);
    }
    if (const char* env = std::getenv("SIGMA_DATA_DIR"); env != nullptr && *env != '\0') {
        return DataDirectory(env);
    }
    return DataDirectory(std::filesystem::path("var") / "terminal");
}

core::Status DataDirectory::ensureExists() const
{
    for (const auto& dir : {m_root, outbox(), logs()}) {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) {
            return core::Error(core::errc::kIo, "cannot create " + dir.string() + ": " + ec.message());
        }
    }
    return core::ok();
}

} // namespace sigma::till
