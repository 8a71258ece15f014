#include "update/PackageReader.h"

#include "core/ErrorCodes.h"
#include "crypto/Sha256.h"
#include "update/ArchiveReader.h"
#include "update/SignatureFile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <unistd.h>

namespace sigma::update {
namespace {

constexpr std::string_view kPayloadPrefix = "payload/";

/// What a pass does with each verified chunk. begin/end bracket one file; end is called only
/// after the file's size and hash matched.
struct Visitor {
    std::function<core::Status(const ManifestFile&)> begin;
    std::function<core::Status(std::string_view)> chunk;
    std::function<core::Status(const ManifestFile&)> end;
};

core::Error mismatch(const std::string& what)
{
    return core::Error(core::errc::kPackageFileMismatch, what);
}

core::Result<VerifiedPackage> readHead(ArchiveReader& reader, const TrustStore& trust)
{
    SIGMA_ASSIGN_OR_RETURN(auto first, reader.next());
    if (!first || first->name != "manifest.json" || !first->regular) {
        return core::Error(core::errc::kPackageMalformed, "the package does not start with manifest.json");
    }
    VerifiedPackage package;
    SIGMA_ASSIGN_OR_RETURN(package.manifestText, reader.readAll(ManifestLimits::kMaxManifestBytes));
    SIGMA_ASSIGN_OR_RETURN(auto second, reader.next());
    if (!second || second->name != "manifest.sig" || !second->regular) {
        return core::Error(core::errc::kPackageSignatureMissing, "the package has no manifest.sig after the manifest");
    }
    SIGMA_ASSIGN_OR_RETURN(package.signatureText, reader.readAll(ManifestLimits::kMaxSignatureBytes));
    SIGMA_ASSIGN_OR_RETURN(const auto signature, SignatureFile::parse(package.signatureText));
    // The signature first: nothing in an unsigned manifest is acted on.
    SIGMA_ASSIGN_OR_RETURN(package.keyId, trust.verify(package.manifestText, signature.keyId, signature.signature));
    SIGMA_ASSIGN_OR_RETURN(package.manifest, Manifest::parse(package.manifestText));
    return package;
}

core::Status walkPayload(ArchiveReader& reader, const Manifest& manifest, const Visitor& visitor,
                         const ProgressCallback& progress, Stage stage)
{
    std::set<std::string> seen;
    const std::uint64_t total = manifest.totalBytes();
    std::uint64_t done = 0;
    std::string buffer(64 * 1024, '\0');
    while (true) {
        SIGMA_ASSIGN_OR_RETURN(auto info, reader.next());
        if (!info) {
            break;
        }
        if (!info->regular) {
            return core::Error(core::errc::kPackageLinkEntry,
                               "entry '" + info->name.substr(0, 80) + "' is a link or a special file, not a file");
        }
        if (!info->name.starts_with(kPayloadPrefix)) {
            return core::Error(core::errc::kPackageMalformed, "unexpected entry '" + info->name.substr(0, 80) + "'");
        }
        const std::string path = info->name.substr(kPayloadPrefix.size());
        SIGMA_TRY(checkRelativePath(path));
        const ManifestFile* file = manifest.find(path);
        if (file == nullptr) {
            return mismatch("file '" + path + "' is not in the manifest");
        }
        if (!seen.insert(path).second) {
            return mismatch("file '" + path + "' appears twice");
        }
        if (info->size && static_cast<std::uint64_t>(*info->size) != file->size) {
            return mismatch("file '" + path + "' has " + std::to_string(*info->size) + " bytes, the manifest says " +
                            std::to_string(file->size));
        }
        if (visitor.begin) {
            SIGMA_TRY(visitor.begin(*file));
        }
        crypto::Sha256 hash;
        std::uint64_t size = 0;
        while (true) {
            SIGMA_ASSIGN_OR_RETURN(const std::size_t n, reader.read(buffer));
            if (n == 0) {
                break;
            }
            size += n;
            if (size > file->size) {
                return mismatch("file '" + path + "' is longer than the manifest says");
            }
            const std::string_view data(buffer.data(), n);
            hash.update(data);
            if (visitor.chunk) {
                SIGMA_TRY(visitor.chunk(data));
            }
            done += n;
            if (progress) {
                progress(Progress{stage, done, total, path});
            }
        }
        if (size != file->size || hash.finish() != file->sha256) {
            return mismatch("file '" + path + "' does not match its SHA-256 or size in the manifest");
        }
        if (visitor.end) {
            SIGMA_TRY(visitor.end(*file));
        }
    }
    for (const auto& file : manifest.files) {
        if (!seen.contains(file.path)) {
            return mismatch("file '" + file.path + "' of the manifest is missing from the package");
        }
    }
    return core::ok();
}

core::Result<VerifiedPackage> verifyReader(ArchiveReader& reader, const TrustStore& trust,
                                           const ProgressCallback& progress)
{
    SIGMA_ASSIGN_OR_RETURN(auto package, readHead(reader, trust));
    SIGMA_TRY(walkPayload(reader, package.manifest, Visitor{}, progress, Stage::Verify));
    return package;
}

/// Opens a package again for a later pass and checks it is still the package verified before.
core::Result<ArchiveReader> reopen(const std::filesystem::path& package, const TrustStore& trust,
                                   const VerifiedPackage& expected)
{
    SIGMA_ASSIGN_OR_RETURN(auto reader, ArchiveReader::openFile(package));
    SIGMA_ASSIGN_OR_RETURN(auto head, readHead(reader, trust));
    if (head.manifestText != expected.manifestText) {
        return core::Error(core::errc::kPackageFileMismatch, "the package changed after it was verified");
    }
    return reader;
}

/// A file descriptor closed on scope exit.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

core::Error ioError(const std::string& what)
{
    return core::Error(core::errc::kIo, what + ": " + std::strerror(errno));
}

} // namespace

core::Result<VerifiedPackage> PackageReader::verify(const std::filesystem::path& package, const TrustStore& trust,
                                                    const ProgressCallback& progress)
{
    SIGMA_ASSIGN_OR_RETURN(auto reader, ArchiveReader::openFile(package));
    return verifyReader(reader, trust, progress);
}

core::Result<VerifiedPackage> PackageReader::verifyMemory(std::string_view bytes, const TrustStore& trust)
{
    SIGMA_ASSIGN_OR_RETURN(auto reader, ArchiveReader::openMemory(bytes));
    return verifyReader(reader, trust, {});
}

core::Status PackageReader::extract(const std::filesystem::path& package, const TrustStore& trust,
                                    const VerifiedPackage& expected, const std::filesystem::path& directory,
                                    const ProgressCallback& progress)
{
    SIGMA_ASSIGN_OR_RETURN(auto reader, reopen(package, trust, expected));
    std::error_code ec;
    if (!std::filesystem::create_directory(directory, ec) || ec) {
        return core::Error(core::errc::kIo, "cannot create " + directory.string() + ": " + ec.message());
    }
    std::unique_ptr<Fd> current;
    Visitor visitor;
    visitor.begin = [&](const ManifestFile& file) -> core::Status {
        const std::filesystem::path target = directory / file.path;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec) {
            return core::Error(core::errc::kIo, "cannot create " + target.parent_path().string() + ": " + ec.message());
        }
        const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                              file.executable ? 0755 : 0644);
        if (fd < 0) {
            return ioError("cannot create " + target.string());
        }
        current = std::make_unique<Fd>(fd);
        return core::ok();
    };
    visitor.chunk = [&](std::string_view data) -> core::Status {
        while (!data.empty()) {
            const ssize_t n = ::write(current->get(), data.data(), data.size());
            if (n < 0) {
                if (errno == EINTR) {
                    continue;
                }
                return ioError("cannot write the release");
            }
            data.remove_prefix(static_cast<std::size_t>(n));
        }
        return core::ok();
    };
    visitor.end = [&](const ManifestFile& file) -> core::Status {
        // fsync each file now, so the directory rename that publishes the release never points at
        // data still in the page cache after a power cut.
        if (::fsync(current->get()) != 0 || ::close(current->release()) != 0) {
            return ioError("cannot finish " + file.path);
        }
        current.reset();
        return core::ok();
    };
    return walkPayload(reader, expected.manifest, visitor, progress, Stage::Extract);
}

core::Result<std::string> PackageReader::readFile(const std::filesystem::path& package, const TrustStore& trust,
                                                  const VerifiedPackage& expected, std::string_view path,
                                                  std::size_t maxBytes)
{
    const ManifestFile* wanted = expected.manifest.find(path);
    if (wanted == nullptr) {
        return core::Error(core::errc::kPackageFileMismatch, "the package has no file '" + std::string(path) + "'");
    }
    if (wanted->size > maxBytes) {
        return core::Error(core::errc::kPackageTooLarge, "'" + std::string(path) + "' is too large");
    }
    SIGMA_ASSIGN_OR_RETURN(auto reader, reopen(package, trust, expected));
    std::string data;
    bool inWanted = false;
    Visitor visitor;
    visitor.begin = [&](const ManifestFile& file) {
        inWanted = file.path == path;
        return core::ok();
    };
    visitor.chunk = [&](std::string_view chunk) {
        if (inWanted) {
            data.append(chunk);
        }
        return core::ok();
    };
    SIGMA_TRY(walkPayload(reader, expected.manifest, visitor, {}, Stage::Verify));
    return data;
}

} // namespace sigma::update
