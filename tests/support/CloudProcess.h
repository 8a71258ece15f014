#pragma once

#include "support/Process.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace sigma::test {

/// The real `sigma-cloud serve` binary as a child process on a free loopback port, with its own
/// data directory (and database URL, for PostgreSQL), driven as an operator drives it: `admin`
/// subcommands on the same data directory, SMS and e-mail read from DIR/outbox.
///
/// The port is the one the server bound itself (`--listen 127.0.0.1:0`, read from its
/// "listening on" line), so two test runs never race for a port; readiness is an HTTP answer
/// from the API, polled. The child is killed when this object goes (a failed ASSERT included)
/// and, through PR_SET_PDEATHSIG, when the test process dies without unwinding.
class CloudProcess {
public:
    /// `dbUrl` empty: the server's default (sqlite:DIR/cloud.db).
    CloudProcess(std::filesystem::path binary, std::filesystem::path dataDir, std::string dbUrl, std::string publicUrl);
    ~CloudProcess();
    CloudProcess(const CloudProcess&) = delete;
    CloudProcess& operator=(const CloudProcess&) = delete;

    /// Starts the server and waits until it answers HTTP. Empty on success, else why (with the
    /// server's own output).
    [[nodiscard]] std::string start();
    /// SIGTERM, then SIGKILL if it has not exited after a grace period. Returns the exit status
    /// as runProcess() reports it (-1 when it was not running).
    int stop();
    [[nodiscard]] bool running() const { return m_pid > 0; }
    [[nodiscard]] pid_t pid() const { return m_pid; }

    [[nodiscard]] std::uint16_t port() const { return m_port; }
    [[nodiscard]] std::string url(const std::string& path = {}) const;

    /// `sigma-cloud admin ARGS --data-dir DIR [--db URL]` with a cheap Argon2 cost (tests only).
    ProcessResult admin(std::vector<std::string> args) const;

    /// The text of the last SMS to `to` in DIR/outbox/sms.jsonl ("" when none).
    [[nodiscard]] std::string lastSms(const std::string& to) const;
    /// The e-mails in DIR/outbox/mail, oldest first.
    [[nodiscard]] std::vector<std::string> mails() const;
    /// What the server wrote to stderr since the last start().
    [[nodiscard]] std::string log() const;

private:
    std::vector<std::string> commonArgs() const;

    std::filesystem::path m_binary;
    std::filesystem::path m_dataDir;
    std::string m_dbUrl;
    std::string m_publicUrl;
    pid_t m_pid = -1;
    std::uint16_t m_port = 0;
    int m_starts = 0;
    std::filesystem::path m_logPath;
};

} // namespace sigma::test
