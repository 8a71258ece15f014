// The update channel client: a download cut off mid-way resumes with a Range request, and a file
// that does not match the offer is never handed on.

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "support/TempDir.h"
#include "update/PackageFixture.h"
#include "update/UpdateClient.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace sigma::update {
namespace {

/// A one-file HTTP server on a socket of its own, just enough for the client: answers `GET` with
/// the file or, for `Range: bytes=N-`, a 206 with the rest. `cutAfter` bytes into a full answer it
/// closes the connection, as a dropped mobile link would.
class FlakyFileServer {
public:
    FlakyFileServer(std::string file, std::size_t cutAfter) : m_file(std::move(file)), m_cutAfter(cutAfter)
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address);
        socklen_t length = sizeof address;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_port = ntohs(address.sin_port);
        ::listen(m_listener, 4);
        m_thread = std::thread([this] { serve(); });
    }
    ~FlakyFileServer()
    {
        ::shutdown(m_listener, SHUT_RDWR);
        ::close(m_listener);
        m_thread.join();
    }

    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    /// The request heads seen so far.
    std::vector<std::string> requests()
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }

private:
    void serve()
    {
        while (true) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (client < 0) {
                return;
            }
            std::string head;
            char c = 0;
            while (head.find("\r\n\r\n") == std::string::npos && ::read(client, &c, 1) == 1) {
                head += c;
            }
            {
                std::lock_guard lock(m_mutex);
                m_requests.push_back(head);
            }
            std::size_t from = 0;
            if (const auto pos = head.find("Range: bytes="); pos != std::string::npos) {
                from = std::stoul(head.substr(pos + 13));
            }
            std::string answer;
            std::string body = m_file.substr(std::min(from, m_file.size()));
            if (from > 0) {
                answer = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + std::to_string(from) + "-" +
                         std::to_string(m_file.size() - 1) + "/" + std::to_string(m_file.size()) + "\r\n";
            } else {
                answer = "HTTP/1.1 200 OK\r\n";
                if (m_cutAfter < body.size()) {
                    body.resize(m_cutAfter); // promise everything, send a part, hang up
                }
            }
            answer += "Content-Length: " + std::to_string(m_file.size() - std::min(from, m_file.size())) +
                      "\r\nConnection: close\r\n\r\n" + body;
            std::size_t sent = 0;
            while (sent < answer.size()) {
                const ssize_t n = ::write(client, answer.data() + sent, answer.size() - sent);
                if (n <= 0) {
                    break;
                }
                sent += static_cast<std::size_t>(n);
            }
            ::close(client);
        }
    }

    std::string m_file;
    std::size_t m_cutAfter;
    int m_listener = -1;
    std::uint16_t m_port = 0;
    std::mutex m_mutex;
    std::vector<std::string> m_requests;
    std::thread m_thread;
};

UpdateOffer offerFor(const std::string& file)
{
    UpdateOffer offer;
    offer.id = "u1";
    offer.channel = "stable";
    offer.version = *Version::parse("1.1.0");
    offer.size = file.size();
    offer.sha256 = crypto::sha256(file);
    offer.fileTarget = "/api/v1/device/updates/u1/file";
    return offer;
}

RequestSigner testSigner(int& calls)
{
    return [&calls](const std::string& method, const std::string& target, const std::string&,
                    std::int64_t) -> core::Result<net::Headers> {
        ++calls;
        net::Headers headers;
        headers.set("X-Sigma-Device", "device-1");
        headers.set("X-Test-Signed", method + " " + target);
        return headers;
    };
}

TEST(DownloadTest, ATruncatedDownloadResumesAndIsVerified)
{
    test::TempDir dir{"sigma-download"};
    std::string file(300'000, '\0');
    for (std::size_t i = 0; i < file.size(); ++i) {
        file[i] = static_cast<char>(i * 7919 % 251);
    }
    FlakyFileServer server(file, 120'000);
    int signatures = 0;
    UpdateClient client(UpdateClientOptions{server.url(), std::nullopt, 5000, 60000}, testSigner(signatures));
    const auto target = dir / "update.tar.gz";

    auto first = client.download(offerFor(file), target);
    ASSERT_FALSE(first.ok());
    EXPECT_EQ(first.error().code, core::errc::kUpdateDownloadFailed);
    EXPECT_FALSE(std::filesystem::exists(target)); // nothing unverified is handed on
    EXPECT_EQ(std::filesystem::file_size(target.string() + ".part"), 120'000u);

    std::uint64_t lastDone = 0;
    auto second = client.download(offerFor(file), target, [&](const Progress& p) { lastDone = p.done; });
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(test::readText(target), file);
    EXPECT_EQ(lastDone, file.size());
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 2u);
    EXPECT_NE(requests[1].find("Range: bytes=120000-"), std::string::npos) << requests[1];
    EXPECT_NE(requests[1].find("X-Test-Signed: GET /api/v1/device/updates/u1/file"), std::string::npos);
    EXPECT_EQ(signatures, 2);
}

TEST(DownloadTest, AFileThatDoesNotMatchTheOfferIsDeleted)
{
    test::TempDir dir{"sigma-download"};
    const std::string file(50'000, 'a');
    FlakyFileServer server(file, file.size());
    int signatures = 0;
    UpdateClient client(UpdateClientOptions{server.url(), std::nullopt, 5000, 60000}, testSigner(signatures));
    auto offer = offerFor(file);
    offer.sha256[0] ^= 1;
    auto result = client.download(offer, dir / "update.tar.gz");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, core::errc::kPackageFileMismatch);
    EXPECT_FALSE(std::filesystem::exists(dir / "update.tar.gz"));
    EXPECT_FALSE(std::filesystem::exists(dir / "update.tar.gz.part"));
}

TEST(DownloadTest, OffersFromTheServerAreChecked)
{
    auto offer = offerFor("x").toJson();
    offer["component"] = "terminal";
    EXPECT_TRUE(UpdateOffer::fromJson(offer).ok());
    auto foreign = offer;
    foreign["url"] = "https://elsewhere.example/evil.tar.gz";
    EXPECT_FALSE(UpdateOffer::fromJson(foreign).ok());
    auto traversal = offer;
    traversal["url"] = "/api/v1/device/updates/../../admin";
    EXPECT_FALSE(UpdateOffer::fromJson(traversal).ok());
    auto badHash = offer;
    badHash["sha256"] = "00";
    EXPECT_FALSE(UpdateOffer::fromJson(badHash).ok());
    EXPECT_FALSE(UpdateOffer::fromJson(core::Json::array()).ok());
    auto missing = offer;
    missing.erase("version");
    EXPECT_FALSE(UpdateOffer::fromJson(missing).ok());
}

} // namespace
} // namespace sigma::update
