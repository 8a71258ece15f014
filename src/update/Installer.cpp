#include "update/Installer.h"

#include "core/ErrorCodes.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/statvfs.h>
#include <unistd.h>

namespace sigma::update {
namespace {

constexpr std::string_view kStagingPrefix = ".staging-";

/// fsync of a directory, so a rename or a new entry in it survives a power cut.
void syncDirectory(const std::filesystem::path& directory)
{
    const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

core::Error ioError(const std::string& what, const std::error_code& ec)
{
    return core::Error(core::errc::kIo, what + ": " + ec.message());
}

core::Status writeFile(const std::filesystem::path& path, std::string_view text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        return core::Error(core::errc::kIo, "cannot write " + path.string());
    }
    return core::ok();
}

} // namespace

Installer::Installer(std::filesystem::path root, TrustStore anchors, const core::Clock& clock)
    : m_root(std::move(root)), m_anchors(std::move(anchors)), m_clock(clock)
{
}

core::Result<TrustStore> Installer::trust() const
{
    return TrustStore::withRotations(m_anchors, m_root / "keys");
}

core::Json Installer::event(const std::string& kind) const
{
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(m_clock.now().time_since_epoch()).count();
    return core::Json{{"event", kind}, {"atUs", us}};
}

core::Result<std::optional<Version>> Installer::currentVersion() const
{
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(currentLink(), ec);
    if (ec) {
        if (ec == std::errc::no_such_file_or_directory) {
            return std::optional<Version>{};
        }
        return ioError("cannot read " + currentLink().string(), ec);
    }
    SIGMA_ASSIGN_OR_RETURN(auto version, Version::parse(target.filename().string()));
    return std::optional<Version>(version);
}

core::Result<InstallState> Installer::state() const
{
    SIGMA_ASSIGN_OR_RETURN(auto saved, InstallState::load(stateFile()));
    SIGMA_ASSIGN_OR_RETURN(const auto current, currentVersion());
    if (saved.pending && (!current || current->toString() != *saved.pending)) {
        // Killed after the state was saved but before the link was swapped: the old release still
        // runs and nothing is pending. Its "previous" is whatever it was before that install.
        saved.pending.reset();
        saved.failedStarts = 0;
        if (saved.previous && current && *saved.previous == current->toString()) {
            saved.previous.reset();
        }
    }
    return saved;
}

core::Status Installer::checkFreeSpace(std::uint64_t bytes) const
{
    struct statvfs fs {};
    if (::statvfs(releasesDir().c_str(), &fs) != 0) {
        return core::Error(core::errc::kIo, "cannot read free space: " + std::string(std::strerror(errno)));
    }
    const std::uint64_t available = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    if (available < bytes) {
        return core::Error(core::errc::kUpdateNoSpace, "not enough disk space: " + std::to_string(bytes / (1024 * 1024)) +
                                                           " MiB needed, " + std::to_string(available / (1024 * 1024)) +
                                                           " MiB free");
    }
    return core::ok();
}

void Installer::removeStaleStaging() const
{
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(releasesDir(), ec)) {
        if (entry.path().filename().string().starts_with(kStagingPrefix)) {
            std::filesystem::remove_all(entry.path(), ec);
        }
    }
}

void Installer::pruneReleases(const InstallState& saved, const std::string& current) const
{
    // Keep the running release and the one to roll back to; older ones only take disk space.
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(releasesDir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name != current && (!saved.previous || name != *saved.previous) && !name.starts_with(kStagingPrefix)) {
            std::filesystem::remove_all(entry.path(), ec);
        }
    }
}

core::Result<VerifiedPackage> Installer::verify(const std::filesystem::path& package, const ProgressCallback& progress)
{
    SIGMA_ASSIGN_OR_RETURN(const auto trusted, trust());
    return PackageReader::verify(package, trusted, progress);
}

core::Result<InstallResult> Installer::storeKeyRotation(const VerifiedPackage& package)
{
    const auto dir = m_root / "keys";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        count += entry.path().extension() == ".json" ? 1 : 0;
    }
    char name[16];
    std::snprintf(name, sizeof name, "%04d", count + 1);
    // The signature first: a manifest without its .sig would break the chain on the next start.
    SIGMA_TRY(writeFile(dir / (std::string(name) + ".sig.tmp"), package.signatureText));
    SIGMA_TRY(writeFile(dir / (std::string(name) + ".json.tmp"), package.manifestText));
    std::filesystem::rename(dir / (std::string(name) + ".sig.tmp"), dir / (std::string(name) + ".sig"), ec);
    if (!ec) {
        std::filesystem::rename(dir / (std::string(name) + ".json.tmp"), dir / (std::string(name) + ".json"), ec);
    }
    if (ec) {
        return ioError("cannot store the key rotation", ec);
    }
    syncDirectory(dir);
    SIGMA_ASSIGN_OR_RETURN(auto saved, state());
    auto e = event("keys");
    e["keys"] = package.manifest.keys.size();
    e["signedBy"] = package.keyId;
    saved.record(std::move(e));
    SIGMA_TRY(saved.save(stateFile()));
    return InstallResult{Component::Keys, package.manifest.version, std::nullopt, package.keyId};
}

core::Result<InstallResult> Installer::install(const std::filesystem::path& package, const InstallOptions& options,
                                               const ProgressCallback& progress)
{
    std::error_code ec;
    std::filesystem::create_directories(releasesDir(), ec);
    if (ec) {
        return ioError("cannot create " + releasesDir().string(), ec);
    }
    SIGMA_ASSIGN_OR_RETURN(const auto trusted, trust());
    SIGMA_ASSIGN_OR_RETURN(const auto verified, PackageReader::verify(package, trusted, progress));
    const Manifest& manifest = verified.manifest;
    if (manifest.component == Component::Keys) {
        return storeKeyRotation(verified);
    }
    if (manifest.component != Component::Terminal) {
        return core::Error(core::errc::kUpdateWrongComponent,
                           "this is a " + std::string(componentName(manifest.component)) +
                               " package: flash it with `sigmactl fiscal firmware flash`",
                           "component");
    }
    SIGMA_ASSIGN_OR_RETURN(const auto current, currentVersion());
    if (current) {
        if (manifest.version == *current) {
            return core::Error(core::errc::kUpdateAlreadyInstalled, "version " + current->toString() + " is installed already");
        }
        if (manifest.version < *current && !options.allowDowngrade) {
            return core::Error(core::errc::kUpdateDowngrade, "the package (" + manifest.version.toString() +
                                                                 ") is older than the installed " + current->toString());
        }
        if (*current < manifest.minVersion && !options.allowDowngrade) {
            return core::Error(core::errc::kUpdateTooOld, "the package upgrades from " + manifest.minVersion.toString() +
                                                              " on; installed is " + current->toString());
        }
    }
    SIGMA_TRY(checkFreeSpace(manifest.totalBytes() + options.reserveBytes));

    // --- everything is verified; from here on the disk changes ---
    removeStaleStaging();
    const std::string version = manifest.version.toString();
    const auto staging = releasesDir() / (std::string(kStagingPrefix) + version);
    const auto target = releasesDir() / version;
    if (auto status = PackageReader::extract(package, trusted, verified, staging, progress); !status) {
        std::filesystem::remove_all(staging, ec);
        return status.error();
    }
    SIGMA_TRY(writeFile(staging / ".manifest.json", verified.manifestText));
    SIGMA_TRY(writeFile(staging / ".manifest.sig", verified.signatureText));
    syncDirectory(staging);
    // A directory of this version left from an earlier install (rolled back from) is replaced.
    std::filesystem::remove_all(target, ec);
    std::filesystem::rename(staging, target, ec);
    if (ec) {
        return ioError("cannot publish " + target.string(), ec);
    }
    syncDirectory(releasesDir());

    SIGMA_ASSIGN_OR_RETURN(auto saved, state());
    InstallResult result{Component::Terminal, manifest.version, std::nullopt, verified.keyId};
    if (current) {
        saved.previous = current->toString();
        result.previous = saved.previous;
    }
    saved.pending = version;
    saved.failedStarts = 0;
    saved.lastFailure.clear();
    auto e = event("installed");
    e["version"] = version;
    e["from"] = current ? core::Json(current->toString()) : core::Json();
    e["signedBy"] = verified.keyId;
    saved.record(std::move(e));
    // State before the link: a kill in between leaves a pending entry that state() recognises as stale.
    SIGMA_TRY(saved.save(stateFile()));
    if (progress) {
        progress(Progress{Stage::Switch, 0, 1, version});
    }
    SIGMA_TRY(switchTo(version));
    pruneReleases(saved, version);
    if (progress) {
        progress(Progress{Stage::Done, 1, 1, version});
    }
    return result;
}

core::Status Installer::switchTo(const std::string& version)
{
    const auto temporary = m_root / "current.new";
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    std::filesystem::create_directory_symlink(std::filesystem::path("releases") / version, temporary, ec);
    if (ec) {
        return ioError("cannot create " + temporary.string(), ec);
    }
    // rename() over the old link is atomic: a process starting now sees the old or the new release.
    std::filesystem::rename(temporary, currentLink(), ec);
    if (ec) {
        return ioError("cannot switch " + currentLink().string(), ec);
    }
    syncDirectory(m_root);
    return core::ok();
}

core::Status Installer::rollback(const std::string& reason)
{
    SIGMA_ASSIGN_OR_RETURN(auto saved, state());
    SIGMA_ASSIGN_OR_RETURN(const auto current, currentVersion());
    if (!saved.previous || !std::filesystem::is_directory(releasesDir() / *saved.previous)) {
        return core::Error(core::errc::kUpdateNoPrevious, "there is no previous release to roll back to");
    }
    const std::string to = *saved.previous;
    const std::string from = current ? current->toString() : std::string();
    auto e = event("rollback");
    e["from"] = from;
    e["to"] = to;
    e["reason"] = reason;
    saved.lastRollback = e;
    saved.record(e);
    // The release rolled back from is kept (for the record and a later retry); nothing is pending.
    saved.previous = from.empty() ? std::optional<std::string>{} : std::optional<std::string>(from);
    saved.pending.reset();
    saved.failedStarts = 0;
    SIGMA_TRY(saved.save(stateFile()));
    return switchTo(to);
}

core::Status Installer::recordFailedStart(const std::string& reason)
{
    SIGMA_ASSIGN_OR_RETURN(auto saved, state());
    saved.failedStarts += 1;
    saved.lastFailure = reason;
    auto e = event("healthFailed");
    e["reason"] = reason;
    saved.record(std::move(e));
    return saved.save(stateFile());
}

core::Status Installer::confirmHealthy()
{
    SIGMA_ASSIGN_OR_RETURN(auto saved, state());
    if (!saved.pending && saved.failedStarts == 0) {
        return core::ok(); // the usual start: nothing to write
    }
    if (saved.pending) {
        auto e = event("healthy");
        e["version"] = *saved.pending;
        saved.record(std::move(e));
    }
    saved.pending.reset();
    saved.failedStarts = 0;
    return saved.save(stateFile());
}

core::Result<core::Json> Installer::status() const
{
    SIGMA_ASSIGN_OR_RETURN(const auto saved, state());
    SIGMA_ASSIGN_OR_RETURN(const auto current, currentVersion());
    core::Json json = saved.toJson();
    json["root"] = m_root.string();
    json["current"] = current ? core::Json(current->toString()) : core::Json();
    core::Json releases = core::Json::array();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(releasesDir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(kStagingPrefix)) {
            releases.push_back(name);
        }
    }
    std::sort(releases.begin(), releases.end());
    json["releases"] = std::move(releases);
    auto trusted = trust();
    json["trustedKeys"] = core::Json::array();
    if (trusted) {
        for (const auto& key : trusted->keys()) {
            json["trustedKeys"].push_back(keyId(key));
        }
    } else {
        json["trustError"] = trusted.error().message;
    }
    return json;
}

} // namespace sigma::update
