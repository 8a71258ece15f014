#include "update/ChildProcess.h"

#include "core/ErrorCodes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sigma::update {

core::Result<ChildOutcome> runChild(const std::vector<std::string>& argv, const std::filesystem::path& workingDir,
                                    bool captureStderr)
{
    if (argv.empty()) {
        return core::Error(core::errc::kInvalidArgument, "no command to run");
    }
    int pipeFds[2] = {-1, -1};
    if (captureStderr && ::pipe2(pipeFds, O_CLOEXEC) != 0) {
        return core::Error(core::errc::kIo, std::string("pipe: ") + std::strerror(errno));
    }
    // Prepared before fork: the child may only call async-signal-safe functions.
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    const std::string dir = workingDir.string();

    const pid_t pid = ::fork();
    if (pid < 0) {
        return core::Error(core::errc::kIo, std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        if (captureStderr) {
            ::dup2(pipeFds[1], STDERR_FILENO);
        }
        if (::chdir(dir.c_str()) != 0) {
            ::_exit(127);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ChildOutcome outcome;
    if (captureStderr) {
        ::close(pipeFds[1]);
        char buffer[4096];
        while (true) {
            const ssize_t n = ::read(pipeFds[0], buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            outcome.stderrTail.append(buffer, static_cast<std::size_t>(n));
            if (outcome.stderrTail.size() > 2048) {
                outcome.stderrTail.erase(0, outcome.stderrTail.size() - 2048);
            }
        }
        ::close(pipeFds[0]);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            return core::Error(core::errc::kIo, std::string("waitpid: ") + std::strerror(errno));
        }
    }
    outcome.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return outcome;
}

} // namespace sigma::update
