#pragma once

#include "core/Result.h"
#include "crypto/Ed25519.h"
#include "update/Manifest.h"

#include <filesystem>

namespace sigma::update {

/// The publisher's side: a manifest from a directory tree, then the signed package.
class PackageBuilder {
public:
    /// Lists every regular file under `directory` with its SHA-256, size and executable bit into
    /// `manifest.files` (sorted by path). Symlinks and special files are refused (kPackageLinkEntry),
    /// as the device would refuse them.
    static core::Status addDirectory(Manifest& manifest, const std::filesystem::path& directory);

    /// Writes the package: manifest.json (manifest.serialize()), manifest.sig, then the files of
    /// `directory` as payload/<path>. `directory` may be empty for a keys package.
    static core::Status write(const Manifest& manifest, const std::filesystem::path& directory,
                              const crypto::Ed25519PrivateKey& key, const std::filesystem::path& output);
};

} // namespace sigma::update
