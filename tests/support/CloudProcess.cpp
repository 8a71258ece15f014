#include "support/CloudProcess.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <regex>
#include <sstream>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace sigma::test {
namespace {

// Hang guards, not test limits: a debug server on a loaded machine starts in well under a second,
// and one that has not answered after this long will not.
constexpr auto kStartDeadline = std::chrono::seconds(60);
constexpr auto kStopGrace = std::chrono::seconds(20);
constexpr auto kPollInterval = std::chrono::milliseconds(10);

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The status code of `GET path` on 127.0.0.1:port, or 0 when nothing answers HTTP there.
int httpStatus(std::uint16_t port, const std::string& path)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int status = 0;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0) {
        const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
            std::string head;
            char buffer[512];
            ssize_t n = 0;
            while (head.find("\r\n") == std::string::npos && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
                head.append(buffer, static_cast<std::size_t>(n));
            }
            std::smatch match;
            if (std::regex_search(head, match, std::regex("^HTTP/1\\.[01] (\\d{3}) "))) {
                status = std::stoi(match[1].str());
            }
        }
    }
    ::close(fd);
    return status;
}

int exitStatus(int status)
{
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace

CloudProcess::CloudProcess(std::filesystem::path binary, std::filesystem::path dataDir, std::string dbUrl,
                           std::string publicUrl)
    : m_binary(std::move(binary)), m_dataDir(std::move(dataDir)), m_dbUrl(std::move(dbUrl)),
      m_publicUrl(std::move(publicUrl))
{
}

CloudProcess::~CloudProcess()
{
    stop();
}

std::vector<std::string> CloudProcess::commonArgs() const
{
    // A cheap Argon2 cost for passwords and PINs: the tests check the flow, not the hash's strength.
    std::vector<std::string> args = {
        "--data-dir", m_dataDir.string(), "--argon2-memory-kib", "8", "--argon2-time-cost", "1", "--argon2-parallelism",
        "1"};
    if (!m_dbUrl.empty()) {
        args.insert(args.end(), {"--db", m_dbUrl});
    }
    return args;
}

std::string CloudProcess::start()
{
    if (running()) {
        return "already running";
    }
    m_port = 0;
    std::error_code ec;
    std::filesystem::create_directories(m_dataDir, ec);
    m_logPath = m_dataDir / ("serve-" + std::to_string(++m_starts) + ".log");
    std::vector<std::string> args = {
        m_binary.string(), "serve",     "--listen",     "127.0.0.1:0",
        "--public-url",    m_publicUrl, "--access-log", (m_dataDir / "access.log").string()};
    const auto common = commonArgs();
    args.insert(args.end(), common.begin(), common.end());

    const int logFd = ::open(m_logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (logFd < 0) {
        return "cannot create " + m_logPath.string();
    }
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(logFd);
        return "fork failed";
    }
    if (pid == 0) {
        // Dies with the test process even when it crashes or is killed and never runs our
        // destructor; the check covers a parent that died before prctl took effect.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(126);
        }
        const int devNull = ::open("/dev/null", O_RDWR);
        ::dup2(devNull, STDIN_FILENO);
        ::dup2(logFd, STDOUT_FILENO);
        ::dup2(logFd, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& arg : args) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(logFd);
    m_pid = pid;

    // The port from the server's "listening on" line, then an HTTP answer from the API: without a
    // session GET /api/v1/me is 401, which proves the router and its JSON errors are up (the cloud
    // has no dedicated health endpoint).
    const auto deadline = std::chrono::steady_clock::now() + kStartDeadline;
    const std::regex listening("listening on https?://[^ ]*:(\\d+)");
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            return "sigma-cloud serve exited with " + std::to_string(exitStatus(status)) + ":\n" + log();
        }
        if (m_port == 0) {
            std::smatch match;
            const std::string text = log();
            if (std::regex_search(text, match, listening)) {
                m_port = static_cast<std::uint16_t>(std::stoi(match[1].str()));
            }
        }
        if (m_port != 0 && httpStatus(m_port, "/api/v1/me") == 401) {
            return {};
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    stop();
    return "sigma-cloud serve did not answer within the start deadline:\n" + log();
}

int CloudProcess::stop()
{
    if (!running()) {
        return -1;
    }
    ::kill(m_pid, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + kStopGrace;
    while (::waitpid(m_pid, &status, WNOHANG) != m_pid) {
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    m_pid = -1;
    return exitStatus(status);
}

std::string CloudProcess::url(const std::string& path) const
{
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
}

ProcessResult CloudProcess::admin(std::vector<std::string> args) const
{
    args.insert(args.begin(), "admin");
    const auto common = commonArgs();
    args.insert(args.end(), common.begin(), common.end());
    return runProcess(m_binary.string(), args);
}

std::string CloudProcess::lastSms(const std::string& to) const
{
    std::ifstream in(m_dataDir / "outbox" / "sms.jsonl");
    std::string line;
    std::string text;
    while (std::getline(in, line)) {
        const auto parsed = nlohmann::json::parse(line, nullptr, false);
        if (parsed.is_object() && parsed.value("to", "") == to && parsed.contains("text") &&
            parsed["text"].is_string()) {
            text = parsed["text"].get<std::string>();
        }
    }
    return text;
}

std::vector<std::string> CloudProcess::mails() const
{
    std::vector<std::filesystem::path> files;
    const auto dir = m_dataDir / "outbox" / "mail";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".eml") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> out;
    out.reserve(files.size());
    for (const auto& file : files) {
        out.push_back(readFile(file));
    }
    return out;
}

std::string CloudProcess::log() const
{
    return m_logPath.empty() ? std::string() : readFile(m_logPath);
}

} // namespace sigma::test
