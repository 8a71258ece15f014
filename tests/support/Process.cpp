#include "support/Process.h"

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace sigma::test {

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                         const std::vector<std::string>& extraEnv)
{
    int inPipe[2];
    int outPipe[2];
    int errPipe[2];
    if (pipe(inPipe) != 0 || pipe(outPipe) != 0 || pipe(errPipe) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        dup2(inPipe[0], STDIN_FILENO);
        dup2(outPipe[1], STDOUT_FILENO);
        dup2(errPipe[1], STDERR_FILENO);
        for (int fd : {inPipe[0], inPipe[1], outPipe[0], outPipe[1], errPipe[0], errPipe[1]}) {
            close(fd);
        }
        for (const auto& kv : extraEnv) {
            putenv(const_cast<char*>(kv.c_str()));
        }
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(program.c_str()));
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(inPipe[0]);
    close(outPipe[1]);
    close(errPipe[1]);

    ProcessResult result;
    std::size_t written = 0;
    int inFd = inPipe[1];
    if (input.empty()) {
        close(inFd);
        inFd = -1;
    }
    bool outOpen = true;
    bool errOpen = true;
    std::array<char, 65536> buffer{};
    while (outOpen || errOpen) {
        std::vector<pollfd> fds;
        if (outOpen) {
            fds.push_back({outPipe[0], POLLIN, 0});
        }
        if (errOpen) {
            fds.push_back({errPipe[0], POLLIN, 0});
        }
        if (inFd >= 0) {
            fds.push_back({inFd, POLLOUT, 0});
        }
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (const auto& p : fds) {
            if (p.revents == 0) {
                continue;
            }
            if (p.fd == inFd) {
                const ssize_t n = write(inFd, input.data() + written, input.size() - written);
                if (n > 0) {
                    written += static_cast<std::size_t>(n);
                }
                if (n < 0 || written == input.size()) {
                    close(inFd);
                    inFd = -1;
                }
                continue;
            }
            const ssize_t n = read(p.fd, buffer.data(), buffer.size());
            if (n <= 0) {
                if (p.fd == outPipe[0]) {
                    outOpen = false;
                } else {
                    errOpen = false;
                }
                continue;
            }
            (p.fd == outPipe[0] ? result.out : result.err).append(buffer.data(), static_cast<std::size_t>(n));
        }
    }
    if (inFd >= 0) {
        close(inFd);
    }
    close(outPipe[0]);
    close(errPipe[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

} // namespace sigma::test
