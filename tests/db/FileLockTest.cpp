#include "db/FileLock.h"

#include "core/ErrorCodes.h"
#include "db/DbTempDir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

namespace sigma::db {
namespace {

using ::testing::HasSubstr;

class FileLockTest : public ::testing::Test {
protected:
    std::filesystem::path dataDir() const { return m_dir.file("data"); }

    test::DbTempDir m_dir;
};

TEST_F(FileLockTest, SecondAcquireFailsWhileTheFirstIsHeld)
{
    auto first = FileLock::tryAcquire(dataDir(), "sigma-terminal");
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_TRUE(first->held());
    EXPECT_EQ(first->lockFilePath(), m_dir.file("data.lock"));
    EXPECT_TRUE(std::filesystem::exists(m_dir.file("data.lock")));

    // flock() locks an open file, so even this process cannot take it twice.
    auto second = FileLock::tryAcquire(dataDir(), "sigmactl");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, core::errc::kDbBusy);
    EXPECT_THAT(second.error().message, HasSubstr("is in use by another process"));
    EXPECT_THAT(second.error().message, HasSubstr("pid " + std::to_string(::getpid()) + " (sigma-terminal)"));
    EXPECT_THAT(second.error().message, HasSubstr("sigmactl"));
}

TEST_F(FileLockTest, SucceedsAfterRelease)
{
    {
        auto first = FileLock::tryAcquire(dataDir(), "first");
        ASSERT_TRUE(first.ok());
    }
    auto second = FileLock::tryAcquire(dataDir(), "second");
    ASSERT_TRUE(second.ok()) << second.error().message;
    second->release();
    EXPECT_FALSE(second->held());
    auto third = FileLock::tryAcquire(dataDir(), "third");
    EXPECT_TRUE(third.ok());
}

TEST_F(FileLockTest, MovedLockStaysHeld)
{
    auto acquired = FileLock::tryAcquire(dataDir(), "mover");
    ASSERT_TRUE(acquired.ok());
    FileLock lock = std::move(acquired).value();
    EXPECT_TRUE(lock.held());
    EXPECT_FALSE(FileLock::tryAcquire(dataDir(), "other").ok());
    FileLock moved = std::move(lock);
    EXPECT_FALSE(lock.held()); // NOLINT(bugprone-use-after-move): the moved-from state is the point
    EXPECT_FALSE(FileLock::tryAcquire(dataDir(), "other").ok());
    moved.release();
    EXPECT_TRUE(FileLock::tryAcquire(dataDir(), "other").ok());
}

TEST_F(FileLockTest, LockFileThatCannotBeCreatedIsAnIoError)
{
    auto lock = FileLock::tryAcquire(m_dir.file("no/such/dir/data"), "x");
    ASSERT_FALSE(lock.ok());
    EXPECT_EQ(lock.error().code, core::errc::kIo);
    EXPECT_THAT(lock.error().message, HasSubstr("data.lock"));
}

/// A forked child process and two pipes to step it: the child reports one byte, then waits for
/// the parent's go before it exits.
class ForkedChild {
public:
    /// `body(child)` runs in the child; it calls report() and awaitGo(), and returns the exit code.
    template <typename Body> explicit ForkedChild(Body body)
    {
        if (::pipe(m_toParent) != 0 || ::pipe(m_toChild) != 0) {
            ADD_FAILURE() << "pipe failed";
            return;
        }
        m_pid = ::fork();
        if (m_pid == 0) {
            ::_exit(body(*this)); // no destructors, no gtest teardown in the child
        }
    }
    ~ForkedChild()
    {
        for (int fd : {m_toParent[0], m_toParent[1], m_toChild[0], m_toChild[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
    }
    ForkedChild(const ForkedChild&) = delete;
    ForkedChild& operator=(const ForkedChild&) = delete;

    // In the child.
    void report(char byte) { [[maybe_unused]] auto written = ::write(m_toParent[1], &byte, 1); }
    void awaitGo()
    {
        char go = 0;
        [[maybe_unused]] auto got = ::read(m_toChild[0], &go, 1);
    }

    // In the parent.
    char awaitReport()
    {
        char byte = 0;
        if (::read(m_toParent[0], &byte, 1) != 1) {
            ADD_FAILURE() << "child sent no report";
        }
        return byte;
    }
    /// Lets the child finish; its exit code.
    int finish()
    {
        const char go = 1;
        [[maybe_unused]] auto written = ::write(m_toChild[1], &go, 1);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t m_pid = -1;
    int m_toParent[2] = {-1, -1};
    int m_toChild[2] = {-1, -1};
};

TEST_F(FileLockTest, HeldByAnotherProcess)
{
    const auto path = dataDir();
    ForkedChild child([&](ForkedChild& self) {
        auto lock = FileLock::tryAcquire(path, "child");
        self.report(lock.ok() ? 'L' : 'F');
        self.awaitGo(); // holding the lock
        return 0;
    });
    ASSERT_EQ(child.awaitReport(), 'L');

    auto mine = FileLock::tryAcquire(path, "parent");
    ASSERT_FALSE(mine.ok());
    EXPECT_EQ(mine.error().code, core::errc::kDbBusy);
    EXPECT_THAT(mine.error().message, HasSubstr("is in use by another process"));
    EXPECT_THAT(mine.error().message, HasSubstr("(child)"));

    EXPECT_EQ(child.finish(), 0);
    // The child exited through _exit(), running no destructor: the kernel released the lock.
    auto after = FileLock::tryAcquire(path, "parent");
    EXPECT_TRUE(after.ok()) << after.error().message;
}

TEST_F(FileLockTest, ChildCannotTakeTheParentsLock)
{
    const auto path = dataDir();
    auto mine = FileLock::tryAcquire(path, "parent");
    ASSERT_TRUE(mine.ok());
    ForkedChild child([&](ForkedChild& self) {
        auto lock = FileLock::tryAcquire(path, "child");
        self.report(lock.ok() ? 'L' : (lock.error().code == core::errc::kDbBusy ? 'B' : 'F'));
        self.awaitGo();
        return 0;
    });
    EXPECT_EQ(child.awaitReport(), 'B');
    EXPECT_EQ(child.finish(), 0);
    EXPECT_TRUE(mine->held());
}

} // namespace
} // namespace sigma::db
