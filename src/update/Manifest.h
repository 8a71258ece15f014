#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"
#include "crypto/Ed25519.h"
#include "crypto/Sha256.h"
#include "update/Version.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::update {

/// What a package updates.
enum class Component {
    Terminal = 1, ///< the terminal's programs: installed as releases/<version>/
    KktFirmware,  ///< a fiscal register firmware image: flashed through the driver
    Keys,         ///< a new set of trusted publisher keys (key rotation)
};

[[nodiscard]] std::string_view componentName(Component component);
[[nodiscard]] core::Result<Component> parseComponent(std::string_view text);

struct ManifestFile {
    std::string path; ///< relative, '/'-separated, checked by checkRelativePath()
    crypto::Digest sha256{};
    std::uint64_t size = 0;
    bool executable = false;
};

/// Limits on everything a package declares, so a hostile manifest cannot exhaust memory or disk
/// before its signature is even checked.
struct ManifestLimits {
    static constexpr std::size_t kMaxManifestBytes = 256 * 1024;
    static constexpr std::size_t kMaxSignatureBytes = 4 * 1024;
    static constexpr std::size_t kMaxFiles = 4096;
    static constexpr std::size_t kMaxPathBytes = 240;
    static constexpr std::size_t kMaxNotesBytes = 16 * 1024;
    static constexpr std::size_t kMaxKeys = 16;
    static constexpr std::uint64_t kMaxFileBytes = 1ULL << 31;  // 2 GiB
    static constexpr std::uint64_t kMaxTotalBytes = 1ULL << 32; // 4 GiB
};

/// manifest.json of a package: the signed statement of what the package holds.
struct Manifest {
    static constexpr int kFormat = 1;

    Component component = Component::Terminal;
    Version version;
    Version minVersion;  ///< the oldest installed version this package may upgrade
    std::string notes;   ///< release notes, Russian
    std::vector<ManifestFile> files;
    std::vector<crypto::Ed25519PublicKey> keys; ///< Component::Keys only: the new trusted set

    [[nodiscard]] std::uint64_t totalBytes() const;
    [[nodiscard]] const ManifestFile* find(std::string_view path) const;

    /// The canonical text that is signed (compact JSON, keys in a fixed order).
    [[nodiscard]] std::string serialize() const;
    [[nodiscard]] core::Json toJson() const;

    /// Parses and validates manifest text: format, component, versions, every path, sizes, limits,
    /// duplicate paths. kPackageMalformed, kPackageUnsafePath or kPackageTooLarge.
    static core::Result<Manifest> parse(std::string_view text);
};

/// A path inside a package: relative, '/'-separated, no empty, "." or ".." segment, no
/// backslash or control character, at most kMaxPathBytes. kPackageUnsafePath otherwise.
core::Status checkRelativePath(std::string_view path);

} // namespace sigma::update
