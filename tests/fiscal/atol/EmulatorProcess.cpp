#include "fiscal/atol/EmulatorProcess.h"

#include "core/ErrorCodes.h"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

namespace sigma::test {

namespace {

// ASan start-up plus a fresh kkt.db (the registration report is signed and archived) takes a
// moment on a loaded machine.
constexpr int kStartTimeoutMs = 60000;

core::Error failed(const std::string& message)
{
    return core::Error(core::errc::kInternal, message);
}

} // namespace

core::Result<std::unique_ptr<EmulatorProcess>> EmulatorProcess::start(const std::filesystem::path& statePath)
{
    int out[2];
    if (pipe(out) != 0) {
        return failed("pipe failed");
    }
    const std::string program = SIGMA_KKT_EMULATOR_PATH;
    const std::string state = statePath.string();
    // Built before fork(): the child of a threaded process may only make async-signal-safe calls.
    std::vector<char*> argv = {const_cast<char*>(program.c_str()), const_cast<char*>("--listen"),
                               const_cast<char*>("127.0.0.1:0"), const_cast<char*>("--state"),
                               const_cast<char*>(state.c_str()), nullptr};
    const pid_t pid = fork();
    if (pid < 0) {
        close(out[0]);
        close(out[1]);
        return failed("fork failed");
    }
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive a crashed test
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(out[1]);
    std::unique_ptr<EmulatorProcess> process(new EmulatorProcess(pid, out[0]));

    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kStartTimeoutMs);
    while (line.find('\n') == std::string::npos) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) {
            return failed("sigma-kkt-emulator did not print its address in time; got '" + line + "'");
        }
        pollfd fd{process->m_outFd, POLLIN, 0};
        const int ready = poll(&fd, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        char buffer[256];
        const ssize_t n = ready > 0 ? read(process->m_outFd, buffer, sizeof buffer) : 0;
        if (ready > 0 && n <= 0) {
            return failed("sigma-kkt-emulator exited before listening (exit " +
                          std::to_string(process->stop(SIGKILL)) + "); output: '" + line + "'");
        }
        line.append(buffer, static_cast<std::size_t>(std::max<ssize_t>(0, n)));
    }
    line.resize(line.find('\n'));
    const std::string prefix = "listening on ";
    if (!line.starts_with(prefix + "http://127.0.0.1:")) {
        return failed("unexpected first line from sigma-kkt-emulator: '" + line + "'");
    }
    process->m_url = line.substr(prefix.size());
    return process;
}

int EmulatorProcess::stop(int signal, int timeoutMs)
{
    if (m_pid <= 0) {
        return -1;
    }
    kill(m_pid, signal);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        const pid_t done = waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            break;
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
            m_pid = -1;
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

EmulatorProcess::~EmulatorProcess()
{
    if (m_pid > 0) {
        stop(SIGKILL);
    }
    if (m_outFd >= 0) {
        close(m_outFd);
    }
}

} // namespace sigma::test
