#pragma once

#include "core/Result.h"

#include <filesystem>

namespace sigma::till {

/// The terminal's data directory and the fixed names inside it (docs/conventions.md). The same
/// for sigma-terminal and sigmactl, so both always work on the same files.
class DataDirectory {
public:
    explicit DataDirectory(std::filesystem::path root);

    /// --data-dir if given, else $SIGMA_DATA_DIR, else ./var/terminal.
    static DataDirectory resolve(const std::filesystem::path& option);

    /// Creates the directory and its outbox/ and logs/ subdirectories when missing.
    [[nodiscard]] core::Status ensureExists() const;

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::filesystem::path terminalDb() const { return m_root / "terminal.db"; }
    [[nodiscard]] std::filesystem::path kktDb() const { return m_root / "kkt.db"; }
    [[nodiscard]] std::filesystem::path configFile() const { return m_root / "config.json"; }
    [[nodiscard]] std::filesystem::path outbox() const { return m_root / "outbox"; }
    [[nodiscard]] std::filesystem::path logs() const { return m_root / "logs"; }

private:
    std::filesystem::path m_root;
};

} // namespace sigma::till
