#include "update/ArchiveWriter.h"

#include "core/ErrorCodes.h"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace sigma::update {
namespace {

struct EntryDeleter {
    void operator()(struct archive_entry* e) const { archive_entry_free(e); }
};
using Entry = std::unique_ptr<struct archive_entry, EntryDeleter>;

Entry newEntry(const std::string& name, int type, int permissions, std::int64_t size)
{
    Entry entry(archive_entry_new());
    archive_entry_set_pathname(entry.get(), name.c_str());
    archive_entry_set_filetype(entry.get(), static_cast<unsigned>(type));
    archive_entry_set_perm(entry.get(), static_cast<mode_t>(permissions));
    archive_entry_set_size(entry.get(), size);
    archive_entry_set_mtime(entry.get(), 0, 0);
    return entry;
}

} // namespace

void ArchiveWriter::Deleter::operator()(struct archive* a) const
{
    archive_write_free(a);
}

ArchiveWriter::ArchiveWriter(std::unique_ptr<struct archive, Deleter> archive) : m_archive(std::move(archive)) {}
ArchiveWriter::ArchiveWriter(ArchiveWriter&&) noexcept = default;
ArchiveWriter& ArchiveWriter::operator=(ArchiveWriter&&) noexcept = default;
ArchiveWriter::~ArchiveWriter() = default;

core::Error ArchiveWriter::failure(const std::string& what) const
{
    const char* message = archive_error_string(m_archive.get());
    return core::Error(core::errc::kIo, "writing the package: " + what + (message != nullptr ? std::string(": ") + message : ""));
}

core::Result<ArchiveWriter> ArchiveWriter::create(const std::filesystem::path& path)
{
    std::unique_ptr<struct archive, Deleter> a(archive_write_new());
    if (!a) {
        return core::Error(core::errc::kInternal, "archive_write_new failed");
    }
    ArchiveWriter writer(std::move(a));
    if (archive_write_add_filter_gzip(writer.m_archive.get()) != ARCHIVE_OK ||
        archive_write_set_format_pax_restricted(writer.m_archive.get()) != ARCHIVE_OK ||
        archive_write_open_filename(writer.m_archive.get(), path.c_str()) != ARCHIVE_OK) {
        return writer.failure("cannot create " + path.string());
    }
    return writer;
}

core::Status ArchiveWriter::addFile(const std::string& name, std::string_view data, bool executable)
{
    const Entry entry = newEntry(name, AE_IFREG, executable ? 0755 : 0644, static_cast<std::int64_t>(data.size()));
    if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK) {
        return failure(name);
    }
    if (!data.empty() && archive_write_data(m_archive.get(), data.data(), data.size()) != static_cast<la_ssize_t>(data.size())) {
        return failure(name);
    }
    return core::ok();
}

core::Status ArchiveWriter::addFileFromDisk(const std::string& name, const std::filesystem::path& source, bool executable)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(source, ec);
    std::ifstream in(source, std::ios::binary);
    if (ec || !in) {
        return core::Error(core::errc::kIo, "cannot read " + source.string() + ": " + std::strerror(errno));
    }
    const Entry entry = newEntry(name, AE_IFREG, executable ? 0755 : 0644, static_cast<std::int64_t>(size));
    if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK) {
        return failure(name);
    }
    char buffer[64 * 1024];
    std::uintmax_t written = 0;
    while (in) {
        in.read(buffer, sizeof buffer);
        const auto n = in.gcount();
        if (n <= 0) {
            break;
        }
        if (archive_write_data(m_archive.get(), buffer, static_cast<std::size_t>(n)) != n) {
            return failure(name);
        }
        written += static_cast<std::uintmax_t>(n);
    }
    if (written != size) {
        return core::Error(core::errc::kIo, source.string() + " changed while it was packed");
    }
    return core::ok();
}

core::Status ArchiveWriter::addSymlink(const std::string& name, const std::string& target)
{
    const Entry entry = newEntry(name, AE_IFLNK, 0777, 0);
    archive_entry_set_symlink(entry.get(), target.c_str());
    if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK) {
        return failure(name);
    }
    return core::ok();
}

core::Status ArchiveWriter::addHardlink(const std::string& name, const std::string& target)
{
    const Entry entry = newEntry(name, AE_IFREG, 0644, 0);
    archive_entry_set_hardlink(entry.get(), target.c_str());
    if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK) {
        return failure(name);
    }
    return core::ok();
}

core::Status ArchiveWriter::close()
{
    if (archive_write_close(m_archive.get()) != ARCHIVE_OK) {
        return failure("close");
    }
    return core::ok();
}

} // namespace sigma::update
