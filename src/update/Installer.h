#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "update/InstallState.h"
#include "update/PackageReader.h"
#include "update/Progress.h"
#include "update/TrustStore.h"
#include "update/Version.h"

#include <filesystem>
#include <optional>
#include <string>

namespace sigma::update {

struct InstallOptions {
    bool allowDowngrade = false;
    /// Free space kept beyond the release itself (the database and logs must still fit).
    std::uint64_t reserveBytes = 64ULL * 1024 * 1024;
};

struct InstallResult {
    Component component = Component::Terminal;
    Version version;
    std::optional<std::string> previous;
    std::string keyId;
};

/// Installs terminal releases side by side under an install root and switches between them:
///
///     <root>/releases/<version>/   one directory per release, complete or absent
///     <root>/current -> releases/<version>   replaced atomically by rename()
///     <root>/update-state.json     previous release, health state, history (InstallState)
///     <root>/keys/NNNN.json|.sig   key rotations accepted so far (TrustStore::withRotations)
///
/// A kill at any point leaves `current` pointing at a complete release: the new one is extracted
/// into releases/.staging-<version> and renamed into place only when every file matched, and the
/// link is swapped last. Leftover staging directories are removed by the next install.
class Installer {
public:
    /// `anchors` are the trusted keys built into the binary (or a test's own).
    Installer(std::filesystem::path root, TrustStore anchors, const core::Clock& clock);

    /// Verifies the package (signature, every file, paths, component, version order, free space)
    /// before writing anything, then installs it and makes it current, pending its health check.
    /// A `keys` package is stored as a key rotation instead.
    core::Result<InstallResult> install(const std::filesystem::path& package, const InstallOptions& options,
                                        const ProgressCallback& progress = {});

    /// Verification only (what install() would refuse), nothing written.
    core::Result<VerifiedPackage> verify(const std::filesystem::path& package, const ProgressCallback& progress = {});

    /// Switches `current` back to the previous release and records `reason`.
    core::Status rollback(const std::string& reason);

    /// The launcher's records: a failed health check of the current release, or a passed one.
    core::Status recordFailedStart(const std::string& reason);
    core::Status confirmHealthy();

    /// The version `current` points to; nullopt when nothing is installed.
    core::Result<std::optional<Version>> currentVersion() const;
    /// The state with a stale `pending` (a kill between saving it and the switch) cleared.
    core::Result<InstallState> state() const;
    /// Everything `sigmactl update status` shows.
    core::Result<core::Json> status() const;

    /// The trusted keys: the anchors with the stored rotations replayed.
    core::Result<TrustStore> trust() const;

    [[nodiscard]] const std::filesystem::path& root() const { return m_root; }
    [[nodiscard]] std::filesystem::path releasesDir() const { return m_root / "releases"; }
    [[nodiscard]] std::filesystem::path currentLink() const { return m_root / "current"; }
    [[nodiscard]] std::filesystem::path stateFile() const { return m_root / "update-state.json"; }

private:
    core::Status switchTo(const std::string& version);
    core::Status checkFreeSpace(std::uint64_t bytes) const;
    core::Result<InstallResult> storeKeyRotation(const VerifiedPackage& package);
    core::Json event(const std::string& kind) const;
    void removeStaleStaging() const;
    void pruneReleases(const InstallState& state, const std::string& current) const;

    std::filesystem::path m_root;
    TrustStore m_anchors;
    const core::Clock& m_clock;
};

} // namespace sigma::update
