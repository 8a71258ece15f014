#pragma once

#include "core/Result.h"

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>

namespace sigma::test {

/// The real sigma-kkt-emulator binary as a child process on an ephemeral port, started and
/// stopped the way an operator would: the tests learn its port from the "listening on" line.
/// Killed with SIGKILL when the object goes out of scope (and by the kernel if the test dies).
class EmulatorProcess {
public:
    /// Starts the binary (SIGMA_KKT_EMULATOR_PATH) on 127.0.0.1:0 over `statePath` and waits for it
    /// to listen.
    static core::Result<std::unique_ptr<EmulatorProcess>> start(const std::filesystem::path& statePath);

    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;

    /// "http://127.0.0.1:PORT".
    [[nodiscard]] const std::string& url() const { return m_url; }

    /// Sends `signal` and waits for the process to end; its exit code, or 128 + the signal that
    /// ended it, or -1 when it did not end within `timeoutMs` (it is then killed).
    int stop(int signal, int timeoutMs = 30000);

private:
    EmulatorProcess(pid_t pid, int outFd) : m_pid(pid), m_outFd(outFd) {}

    pid_t m_pid;
    int m_outFd;
    std::string m_url;
};

} // namespace sigma::test
