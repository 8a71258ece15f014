#include "net/HttpClient.h"

#include "core/ErrorCodes.h"
#include "net/Gate.h"
#include "net/HttpServer.h"
#include "net/ScriptedServer.h"
#include "net/TestServer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <mutex>
#include <random>
#include <unistd.h>

namespace sigma::net {
namespace {

using namespace std::chrono_literals;
using test::Gate;
using test::ScriptedServer;
using test::TestServer;

std::string makeBlob(std::size_t size)
{
    std::mt19937 random(42);
    std::string blob(size, '\0');
    for (char& c : blob) {
        c = static_cast<char>(random() & 0xFF);
    }
    return blob;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Serves `blob` at /file with single-range support (`bytes=N-`), like a static file server;
/// /file-no-range ignores Range; /file-bad-range answers a range from the wrong offset.
class FileServing {
public:
    explicit FileServing(std::string blob) : m_blob(std::move(blob)) {}

    Router router()
    {
        Router router;
        router.add("GET", "/file", [this](HttpRequest& request) {
            const auto range = request.headers.get("Range");
            {
                const std::lock_guard lock(m_mutex);
                m_ranges.push_back(range.value_or(""));
            }
            if (!range) {
                return HttpResponse::text(200, m_blob, "application/octet-stream");
            }
            const std::size_t start = std::stoul(range->substr(std::string("bytes=").size()));
            if (start >= m_blob.size()) {
                HttpResponse response = HttpResponse::text(416, "");
                response.headers.set("Content-Range", "bytes */" + std::to_string(m_blob.size()));
                return response;
            }
            HttpResponse response = HttpResponse::text(206, m_blob.substr(start), "application/octet-stream");
            response.headers.set("Content-Range", "bytes " + std::to_string(start) + "-" +
                                                      std::to_string(m_blob.size() - 1) + "/" +
                                                      std::to_string(m_blob.size()));
            return response;
        });
        router.add("GET", "/file-no-range",
                   [this](HttpRequest&) { return HttpResponse::text(200, m_blob, "application/octet-stream"); });
        router.add("GET", "/file-bad-range", [this](HttpRequest&) {
            HttpResponse response = HttpResponse::text(206, m_blob.substr(10), "application/octet-stream");
            response.headers.set("Content-Range",
                                 "bytes 10-" + std::to_string(m_blob.size() - 1) + "/" + std::to_string(m_blob.size()));
            return response;
        });
        return router;
    }

    [[nodiscard]] std::vector<std::string> ranges() const
    {
        const std::lock_guard lock(m_mutex);
        return m_ranges;
    }

private:
    std::string m_blob;
    mutable std::mutex m_mutex;
    std::vector<std::string> m_ranges;
};

class HttpClientTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir =
            std::filesystem::temp_directory_path() / ("sigma-net-" + std::to_string(::getpid()) + "-" +
                                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path m_dir;
    TestServer m_server;
    HttpClient m_client;
};

TEST_F(HttpClientTest, SendsMethodsHeadersAndBodies)
{
    Router router;
    for (const char* method : {"POST", "PUT", "PATCH", "DELETE", "GET"}) {
        router.add(method, "/echo", [](HttpRequest& request) {
            HttpResponse response = HttpResponse::text(
                201, request.method + ":" + request.body + ":" + request.headers.get("Content-Type").value_or("-") +
                         ":" + request.headers.get("X-Empty").value_or("absent"));
            response.headers.add("X-Multi", "1");
            response.headers.add("x-multi", "2");
            return response;
        });
    }
    ASSERT_NO_FATAL_FAILURE(m_server.start(std::move(router)));

    HttpClientRequest post = m_server.request("POST", "/echo", R"({"a":1})");
    post.headers.set("Content-Type", "application/json");
    post.headers.set("X-Empty", "");
    auto response = m_client.send(post);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 201);
    EXPECT_EQ(response->body, R"(POST:{"a":1}:application/json:)");
    EXPECT_EQ(response->headers.getAll("X-MULTI"), (std::vector<std::string>{"1", "2"}));

    response = m_client.send(m_server.request("PUT", "/echo", "raw"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "PUT:raw:-:absent") << "no Content-Type should be invented";
    response = m_client.send(m_server.request("PATCH", "/echo", "p"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "PATCH:p:-:absent");
    response = m_client.send(m_server.request("DELETE", "/echo"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "DELETE::-:absent");
    response = m_client.send(m_server.request("POST", "/echo"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "POST::-:absent");
    // After a POST the reused handle must really be back to GET.
    response = m_client.send(m_server.request("GET", "/echo"));
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "GET::-:absent");

    response = m_client.send(m_server.request("HEAD", "/echo"));
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 201);
    EXPECT_TRUE(response->body.empty());
}

TEST_F(HttpClientTest, AdvertisesCompressionOnlyWhenAsked)
{
    Router router;
    router.add("GET", "/enc", [](HttpRequest& request) {
        return HttpResponse::text(200, request.headers.get("Accept-Encoding").value_or("none"));
    });
    ASSERT_NO_FATAL_FAILURE(m_server.start(std::move(router)));
    HttpClientRequest request = m_server.request("GET", "/enc");
    auto response = m_client.send(request);
    ASSERT_TRUE(response.ok());
    EXPECT_NE(response->body.find("gzip"), std::string::npos) << response->body;
    request.acceptGzip = false;
    response = m_client.send(request);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->body, "none");
}

TEST_F(HttpClientTest, ConnectionRefused)
{
    ASSERT_NO_FATAL_FAILURE(m_server.start(Router{}));
    const std::string url = m_server.url("/");
    m_server.server().stop();
    HttpClientRequest request;
    request.url = url;
    const auto response = m_client.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kConnectionFailed);
    EXPECT_NE(response.error().message.find("127.0.0.1"), std::string::npos) << response.error().message;
}

TEST_F(HttpClientTest, TotalTimeout)
{
    Gate release;
    Router router;
    router.add("GET", "/sleep", [&](HttpRequest&) {
        (void)release.waitFor(10s);
        return HttpResponse::text(200, "late");
    });
    ASSERT_NO_FATAL_FAILURE(m_server.start(std::move(router)));
    HttpClientRequest request = m_server.request("GET", "/sleep");
    request.totalTimeoutMs = 200;
    const auto response = m_client.send(request);
    release.open();
    m_server.server().stop(); // the handler uses `release`: let it finish before the test's locals go
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kNetworkTimeout) << response.error().message;
}

TEST_F(HttpClientTest, BadUrlsAndHeadersAreRefused)
{
    HttpClientRequest request;
    for (const char* url : {"ftp://127.0.0.1/x", "file:///etc/passwd", "http://[::1", ""}) {
        request.url = url;
        const auto response = m_client.send(request);
        ASSERT_FALSE(response.ok()) << url;
        EXPECT_EQ(response.error().code, core::errc::kBadUrl) << url << ": " << response.error().message;
    }
    request.url = "http://127.0.0.1:1/";
    request.headers.set("X-Evil", "a\r\nHost: other");
    auto response = m_client.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kInvalidArgument);
    EXPECT_EQ(response.error().field, "headers");

    request.headers = {};
    request.method = "GE T";
    response = m_client.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kInvalidArgument);
}

TEST_F(HttpClientTest, UnresolvableHost)
{
    HttpClientRequest request;
    request.url = "http://sigma-no-such-host.invalid/";
    request.totalTimeoutMs = 5000;
    const auto response = m_client.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kHostNotFound) << response.error().message;
}

TEST_F(HttpClientTest, TlsFailureHasItsOwnCode)
{
    // A plain HTTP server answering a TLS handshake: the handshake fails.
    ASSERT_NO_FATAL_FAILURE(m_server.start(Router{}));
    HttpClientRequest request;
    request.url = "https://127.0.0.1:" + std::to_string(m_server.port()) + "/";
    const auto response = m_client.send(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kTlsFailure) << response.error().message;
}

TEST_F(HttpClientTest, DownloadsWholeFile)
{
    const std::string blob = makeBlob(300'000);
    FileServing files(blob);
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto target = m_dir / "whole.bin";
    writeFile(target, "stale content that must be replaced");
    const auto response = m_client.download(m_server.request("GET", "/file"), target, false);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(response->body.empty());
    EXPECT_TRUE(readFile(target) == blob);
    EXPECT_EQ(files.ranges(), std::vector<std::string>{""});
}

TEST_F(HttpClientTest, ResumesFromAPartialFile)
{
    const std::string blob = makeBlob(300'000);
    FileServing files(blob);
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto target = m_dir / "partial.bin";
    writeFile(target, blob.substr(0, 123'456));
    const auto response = m_client.download(m_server.request("GET", "/file"), target, true);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 206);
    EXPECT_TRUE(readFile(target) == blob);
    EXPECT_EQ(files.ranges(), std::vector<std::string>{"bytes=123456-"});

    // Already complete: 416, the file is left as it is.
    const auto again = m_client.download(m_server.request("GET", "/file"), target, true);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->status, 416);
    EXPECT_TRUE(readFile(target) == blob);
}

TEST_F(HttpClientTest, ResumesAfterABrokenTransfer)
{
    const std::string blob = makeBlob(200'000);
    // First attempt: the server announces the whole file and hangs up halfway.
    const std::size_t cut = 77'777;
    ScriptedServer breaking("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                            std::to_string(blob.size()) + "\r\n\r\n" + blob.substr(0, cut));
    const auto target = m_dir / "broken.bin";
    HttpClientRequest first;
    first.url = "http://127.0.0.1:" + std::to_string(breaking.port()) + "/file";
    const auto broken = m_client.download(first, target, true);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, core::errc::kTransferFailed) << broken.error().message;
    ASSERT_EQ(std::filesystem::file_size(target), cut) << "what arrived must be kept for the resume";

    FileServing files(blob);
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto resumed = m_client.download(m_server.request("GET", "/file"), target, true);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message;
    EXPECT_EQ(resumed->status, 206);
    EXPECT_TRUE(readFile(target) == blob);
    EXPECT_EQ(files.ranges(), std::vector<std::string>{"bytes=" + std::to_string(cut) + "-"});
}

TEST_F(HttpClientTest, ServerIgnoringRangeRewritesTheFile)
{
    const std::string blob = makeBlob(50'000);
    FileServing files(blob);
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto target = m_dir / "norange.bin";
    writeFile(target, blob.substr(0, 1000));
    const auto response = m_client.download(m_server.request("GET", "/file-no-range"), target, true);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_TRUE(readFile(target) == blob);
}

TEST_F(HttpClientTest, RangeFromTheWrongOffsetIsRefused)
{
    const std::string blob = makeBlob(50'000);
    FileServing files(blob);
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto target = m_dir / "badrange.bin";
    writeFile(target, blob.substr(0, 1000));
    const auto response = m_client.download(m_server.request("GET", "/file-bad-range"), target, true);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kBadHttpResponse) << response.error().message;
    EXPECT_TRUE(readFile(target) == blob.substr(0, 1000)) << "the partial file must be left alone";
}

TEST_F(HttpClientTest, ErrorStatusLeavesTheFileAlone)
{
    ASSERT_NO_FATAL_FAILURE(m_server.start(Router{}));
    const auto target = m_dir / "keep.bin";
    writeFile(target, "partial");
    const auto response = m_client.download(m_server.request("GET", "/missing"), target, true);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 404);
    EXPECT_NE(response->body.find("not_found"), std::string::npos);
    EXPECT_EQ(readFile(target), "partial");
}

TEST_F(HttpClientTest, UnwritableTargetIsAnIoError)
{
    FileServing files("content");
    ASSERT_NO_FATAL_FAILURE(m_server.start(files.router()));
    const auto response = m_client.download(m_server.request("GET", "/file"), m_dir / "no-such-dir" / "x.bin", false);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code, core::errc::kIo) << response.error().message;
}

} // namespace
} // namespace sigma::net
