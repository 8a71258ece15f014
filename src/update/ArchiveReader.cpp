#include "update/ArchiveReader.h"

#include "core/ErrorCodes.h"

#include <archive.h>
#include <archive_entry.h>

namespace sigma::update {
namespace {

constexpr std::size_t kBlockBytes = 64 * 1024;

} // namespace

void ArchiveReader::Deleter::operator()(struct archive* a) const
{
    archive_read_free(a);
}

ArchiveReader::ArchiveReader(std::unique_ptr<struct archive, Deleter> archive) : m_archive(std::move(archive)) {}
ArchiveReader::ArchiveReader(ArchiveReader&&) noexcept = default;
ArchiveReader& ArchiveReader::operator=(ArchiveReader&&) noexcept = default;
ArchiveReader::~ArchiveReader() = default;

core::Error ArchiveReader::failure(const std::string& what) const
{
    const char* message = m_archive ? archive_error_string(m_archive.get()) : nullptr;
    return core::Error(core::errc::kPackageMalformed,
                       "package archive: " + what + (message != nullptr ? std::string(": ") + message : ""));
}

core::Result<ArchiveReader> ArchiveReader::openFile(const std::filesystem::path& path)
{
    std::unique_ptr<struct archive, Deleter> a(archive_read_new());
    if (!a) {
        return core::Error(core::errc::kInternal, "archive_read_new failed");
    }
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_tar(a.get());
    ArchiveReader reader(std::move(a));
    if (archive_read_open_filename(reader.m_archive.get(), path.c_str(), kBlockBytes) != ARCHIVE_OK) {
        auto error = reader.failure("cannot open " + path.filename().string());
        error.code = std::filesystem::exists(path) ? core::errc::kPackageMalformed : core::errc::kIo;
        return error;
    }
    return reader;
}

core::Result<ArchiveReader> ArchiveReader::openMemory(std::string_view bytes)
{
    std::unique_ptr<struct archive, Deleter> a(archive_read_new());
    if (!a) {
        return core::Error(core::errc::kInternal, "archive_read_new failed");
    }
    archive_read_support_filter_gzip(a.get());
    archive_read_support_format_tar(a.get());
    ArchiveReader reader(std::move(a));
    if (archive_read_open_memory(reader.m_archive.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
        return reader.failure("cannot open");
    }
    return reader;
}

core::Result<std::optional<ArchiveEntryInfo>> ArchiveReader::next()
{
    struct archive_entry* entry = nullptr;
    const int status = archive_read_next_header(m_archive.get(), &entry);
    if (status == ARCHIVE_EOF) {
        return std::optional<ArchiveEntryInfo>{};
    }
    // ARCHIVE_WARN (e.g. an odd header field) is refused too: a package is made by our own writer,
    // so anything unusual is a sign of tampering or damage.
    if (status != ARCHIVE_OK || entry == nullptr) {
        return failure("bad entry header");
    }
    ArchiveEntryInfo info;
    const char* name = archive_entry_pathname(entry);
    info.name = name != nullptr ? name : "";
    info.link = archive_entry_hardlink(entry) != nullptr || archive_entry_symlink(entry) != nullptr ||
                archive_entry_filetype(entry) == AE_IFLNK;
    info.regular = !info.link && archive_entry_filetype(entry) == AE_IFREG;
    if (archive_entry_size_is_set(entry) != 0) {
        info.size = archive_entry_size(entry);
    }
    return std::optional<ArchiveEntryInfo>(std::move(info));
}

core::Result<std::size_t> ArchiveReader::read(std::span<char> buffer)
{
    const la_ssize_t n = archive_read_data(m_archive.get(), buffer.data(), buffer.size());
    if (n < 0) {
        return failure("cannot read entry data");
    }
    return static_cast<std::size_t>(n);
}

core::Result<std::string> ArchiveReader::readAll(std::size_t maxBytes)
{
    std::string data;
    char buffer[8192];
    while (true) {
        SIGMA_ASSIGN_OR_RETURN(const std::size_t n, read(buffer));
        if (n == 0) {
            return data;
        }
        if (data.size() + n > maxBytes) {
            return core::Error(core::errc::kPackageTooLarge,
                               "package archive: an entry is above " + std::to_string(maxBytes) + " bytes");
        }
        data.append(buffer, n);
    }
}

} // namespace sigma::update
