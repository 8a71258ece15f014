#include "update/PackageBuilder.h"

#include "core/ErrorCodes.h"
#include "crypto/Sha256.h"
#include "update/ArchiveWriter.h"
#include "update/SignatureFile.h"

#include <algorithm>
#include <fstream>

namespace sigma::update {
namespace {

core::Result<crypto::Digest> hashFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return core::Error(core::errc::kIo, "cannot read " + path.string());
    }
    crypto::Sha256 hash;
    char buffer[64 * 1024];
    while (in) {
        in.read(buffer, sizeof buffer);
        if (in.gcount() > 0) {
            hash.update(std::string_view(buffer, static_cast<std::size_t>(in.gcount())));
        }
    }
    return hash.finish();
}

} // namespace

core::Status PackageBuilder::addDirectory(Manifest& manifest, const std::filesystem::path& directory)
{
    std::error_code ec;
    std::filesystem::recursive_directory_iterator it(directory, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot read " + directory.string() + ": " + ec.message());
    }
    for (const auto& entry : it) {
        const auto status = entry.symlink_status();
        if (std::filesystem::is_directory(status)) {
            continue;
        }
        const std::string relative = std::filesystem::relative(entry.path(), directory).generic_string();
        if (!std::filesystem::is_regular_file(status)) {
            return core::Error(core::errc::kPackageLinkEntry, relative + " is a link or a special file");
        }
        SIGMA_TRY(checkRelativePath(relative));
        ManifestFile file;
        file.path = relative;
        file.size = std::filesystem::file_size(entry.path());
        SIGMA_ASSIGN_OR_RETURN(file.sha256, hashFile(entry.path()));
        file.executable = (status.permissions() & std::filesystem::perms::owner_exec) != std::filesystem::perms::none;
        manifest.files.push_back(std::move(file));
    }
    std::sort(manifest.files.begin(), manifest.files.end(),
              [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
    if (manifest.files.size() > ManifestLimits::kMaxFiles || manifest.totalBytes() > ManifestLimits::kMaxTotalBytes) {
        return core::Error(core::errc::kPackageTooLarge, "too many files or bytes for one package");
    }
    return core::ok();
}

core::Status PackageBuilder::write(const Manifest& manifest, const std::filesystem::path& directory,
                                   const crypto::Ed25519PrivateKey& key, const std::filesystem::path& output)
{
    const std::string text = manifest.serialize();
    // Round-trip through the device's own parser, so the publisher never ships what devices refuse.
    SIGMA_TRY(Manifest::parse(text));
    const auto temporary = std::filesystem::path(output.string() + ".part");
    SIGMA_ASSIGN_OR_RETURN(auto writer, ArchiveWriter::create(temporary));
    SIGMA_TRY(writer.addFile("manifest.json", text));
    SIGMA_TRY(writer.addFile("manifest.sig", SignatureFile::sign(key, text).serialize()));
    for (const auto& file : manifest.files) {
        SIGMA_TRY(writer.addFileFromDisk("payload/" + file.path, directory / file.path, file.executable));
    }
    SIGMA_TRY(writer.close());
    std::error_code ec;
    std::filesystem::rename(temporary, output, ec);
    if (ec) {
        return core::Error(core::errc::kIo, "cannot write " + output.string() + ": " + ec.message());
    }
    return core::ok();
}

} // namespace sigma::update
