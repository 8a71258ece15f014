#pragma once

#include "core/Result.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct archive;

namespace sigma::update {

/// Writes a tar.gz (pax) archive with libarchive. Entries carry no owner and time 0, so the same
/// content gives the same bytes. Links can be written only so tests can build hostile packages.
class ArchiveWriter {
public:
    static core::Result<ArchiveWriter> create(const std::filesystem::path& path);

    ArchiveWriter(ArchiveWriter&&) noexcept;
    ArchiveWriter& operator=(ArchiveWriter&&) noexcept;
    ~ArchiveWriter();

    core::Status addFile(const std::string& name, std::string_view data, bool executable = false);
    /// Streams a file from disk; its size must not change while it is read.
    core::Status addFileFromDisk(const std::string& name, const std::filesystem::path& source, bool executable);
    core::Status addSymlink(const std::string& name, const std::string& target);
    core::Status addHardlink(const std::string& name, const std::string& target);
    /// Finishes the archive; without it the file is incomplete.
    core::Status close();

private:
    struct Deleter {
        void operator()(struct archive* a) const;
    };
    explicit ArchiveWriter(std::unique_ptr<struct archive, Deleter> archive);
    core::Error failure(const std::string& what) const;

    std::unique_ptr<struct archive, Deleter> m_archive;
};

} // namespace sigma::update
