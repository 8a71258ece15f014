#pragma once

#include "core/Result.h"

#include <filesystem>
#include <string_view>

namespace sigma::db {

/// "One writer" for a data directory or database: an exclusive, non-blocking flock() on
/// `<path>.lock`, held for the object's life. The terminal and sigmactl take it before writing
/// the same data, so the second one to start gets a clear error instead of waiting on SQLite
/// locks or interleaving writes.
///
/// The kernel drops the lock when the process ends, however it ends, so a crash leaves no stale
/// lock. The lock file itself is left in place (removing it would race with a process about to
/// lock it); it holds the holder's pid and `whoFor`, for the message a second process gets.
/// A flock is per open file: a second tryAcquire() in the same process fails too.
class FileLock {
public:
    /// The lock on `<path>.lock`, or kDbBusy "... is in use by another process" when someone
    /// holds it, kIo when the lock file cannot be created.
    [[nodiscard]] static core::Result<FileLock> tryAcquire(const std::filesystem::path& path, std::string_view whoFor);

    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    ~FileLock();

    /// Releases the lock now rather than at the end of the scope.
    void release();
    [[nodiscard]] bool held() const { return m_fd >= 0; }
    [[nodiscard]] const std::filesystem::path& lockFilePath() const { return m_lockFilePath; }

private:
    FileLock(int fd, std::filesystem::path lockFilePath);

    int m_fd = -1;
    std::filesystem::path m_lockFilePath;
};

} // namespace sigma::db
