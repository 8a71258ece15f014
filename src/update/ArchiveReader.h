#pragma once

#include "core/Result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

struct archive;

namespace sigma::update {

/// One entry header of an archive.
struct ArchiveEntryInfo {
    std::string name;
    bool regular = false; ///< a plain file: not a directory, link, device or FIFO
    bool link = false;    ///< a symlink or a hard link
    std::optional<std::int64_t> size;
};

/// Reads a tar or tar.gz archive with libarchive, entry by entry, streaming. Other formats and
/// filters are not enabled: fewer parsers exposed to hostile input. Every libarchive failure is
/// kPackageMalformed with its message.
class ArchiveReader {
public:
    static core::Result<ArchiveReader> openFile(const std::filesystem::path& path);
    /// `bytes` must outlive the reader.
    static core::Result<ArchiveReader> openMemory(std::string_view bytes);

    ArchiveReader(ArchiveReader&&) noexcept;
    ArchiveReader& operator=(ArchiveReader&&) noexcept;
    ~ArchiveReader();

    /// The next entry's header, or nullopt at the end.
    core::Result<std::optional<ArchiveEntryInfo>> next();
    /// Reads data of the current entry; 0 at its end.
    core::Result<std::size_t> read(std::span<char> buffer);
    /// The whole current entry, refusing more than `maxBytes` (kPackageTooLarge).
    core::Result<std::string> readAll(std::size_t maxBytes);

private:
    struct Deleter {
        void operator()(struct archive* a) const;
    };
    explicit ArchiveReader(std::unique_ptr<struct archive, Deleter> archive);
    core::Error failure(const std::string& what) const;

    std::unique_ptr<struct archive, Deleter> m_archive;
};

} // namespace sigma::update
