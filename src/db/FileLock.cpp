#include "db/FileLock.h"

#include "core/ErrorCodes.h"

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <system_error>
#include <unistd.h>
#include <utility>

namespace sigma::db {
namespace {

std::string errnoText(int error)
{
    return std::system_category().message(error);
}

/// What the current holder wrote into the lock file ("pid 1234 (sigma-terminal)"), if anything.
std::string holderOf(int fd)
{
    char buffer[200];
    const ssize_t size = pread(fd, buffer, sizeof buffer - 1, 0);
    if (size <= 0) {
        return {};
    }
    std::string text(buffer, static_cast<std::size_t>(size));
    while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) {
        text.pop_back();
    }
    return text;
}

} // namespace

core::Result<FileLock> FileLock::tryAcquire(const std::filesystem::path& path, std::string_view whoFor)
{
    std::filesystem::path lockFilePath = path;
    lockFilePath += ".lock";
    const int fd = ::open(lockFilePath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        const int error = errno;
        return core::Error(core::errc::kIo,
                           "cannot create lock file " + lockFilePath.string() + ": " + errnoText(error));
    }
    int rc = 0;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        const int error = errno;
        std::string holder = error == EWOULDBLOCK ? holderOf(fd) : std::string();
        ::close(fd);
        if (error == EWOULDBLOCK) {
            std::string message = path.string() + " is in use by another process";
            if (!holder.empty()) {
                message += " (" + holder + ")";
            }
            message += "; " + std::string(whoFor) + " cannot use it until that process exits";
            return core::Error(core::errc::kDbBusy, std::move(message));
        }
        return core::Error(core::errc::kIo, "cannot lock " + lockFilePath.string() + ": " + errnoText(error));
    }
    // Best effort: the lock is what matters, the text only helps the message above.
    const std::string holder = "pid " + std::to_string(::getpid()) + " (" + std::string(whoFor) + ")\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(fd, holder.data(), holder.size(), 0);
    }
    return FileLock(fd, std::move(lockFilePath));
}

FileLock::FileLock(int fd, std::filesystem::path lockFilePath) : m_fd(fd), m_lockFilePath(std::move(lockFilePath))
{
}

FileLock::FileLock(FileLock&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_lockFilePath(std::move(other.m_lockFilePath))
{
}

FileLock& FileLock::operator=(FileLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
        m_lockFilePath = std::move(other.m_lockFilePath);
    }
    return *this;
}

FileLock::~FileLock()
{
    release();
}

void FileLock::release()
{
    if (m_fd >= 0) {
        // Closing the last descriptor of the open file releases the flock.
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace sigma::db
