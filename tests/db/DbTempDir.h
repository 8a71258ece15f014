#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdlib.h>
#include <string>
#include <string_view>
#include <system_error>

namespace sigma::test {

/// A fresh directory under the system's temporary directory, removed with everything in it when
/// the object goes. Made with mkdtemp(), so two test processes can never share one.
class DbTempDir {
public:
    DbTempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "sigma-db-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::perror("mkdtemp");
            std::abort();
        }
        m_path = pattern;
    }
    ~DbTempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    DbTempDir(const DbTempDir&) = delete;
    DbTempDir& operator=(const DbTempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path file(std::string_view name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

} // namespace sigma::test
