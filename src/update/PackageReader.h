#pragma once

#include "core/Result.h"
#include "update/Manifest.h"
#include "update/Progress.h"
#include "update/TrustStore.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace sigma::update {

/// A package whose signature and every file were checked.
struct VerifiedPackage {
    Manifest manifest;
    std::string manifestText; ///< the exact signed bytes
    std::string signatureText;
    std::string keyId;        ///< the trusted key that signed it
};

/// Reads packages: a tar.gz whose first entry is manifest.json, the second manifest.sig, then one
/// entry payload/<path> per manifest file, in any order, nothing else (docs/updates.md).
///
/// Every pass re-verifies everything it reads: the signature before the manifest is trusted,
/// each entry's type (regular files only: links and devices are kPackageLinkEntry), its path
/// (kPackageUnsafePath), its size and SHA-256 (kPackageFileMismatch), and that every manifest
/// file appears exactly once.
class PackageReader {
public:
    /// Reads the whole package and writes nothing.
    static core::Result<VerifiedPackage> verify(const std::filesystem::path& package, const TrustStore& trust,
                                                const ProgressCallback& progress = {});
    /// The same over bytes in memory (the fuzz target).
    static core::Result<VerifiedPackage> verifyMemory(std::string_view bytes, const TrustStore& trust);

    /// Pass two: writes every file into `directory` (created, must not exist) while verifying again.
    /// On any failure the caller removes `directory`; nothing outside it is touched. Files are
    /// created with O_EXCL|O_NOFOLLOW and fsync'ed.
    static core::Status extract(const std::filesystem::path& package, const TrustStore& trust,
                                const VerifiedPackage& expected, const std::filesystem::path& directory,
                                const ProgressCallback& progress = {});

    /// One payload file's contents, verified (a firmware image), at most `maxBytes`.
    static core::Result<std::string> readFile(const std::filesystem::path& package, const TrustStore& trust,
                                              const VerifiedPackage& expected, std::string_view path,
                                              std::size_t maxBytes);
};

} // namespace sigma::update
