#include "net/HttpServer.h"

#include "core/ErrorCodes.h"
#include "net/Gate.h"
#include "net/HttpClient.h"
#include "net/RawSocket.h"
#include "net/TestServer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

namespace sigma::net {
namespace {

using namespace std::chrono_literals;
using test::Gate;
using test::RawSocket;
using test::TestServer;

std::string errorCode(const HttpResponse& response)
{
    const auto json = core::parseJsonExact(response.body);
    if (!json.ok() || !json->contains("error")) {
        return "<no error body: " + response.body + ">";
    }
    return (*json)["error"]["code"].get<std::string>();
}

int countOf(const std::string& text, const std::string& needle)
{
    int count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

Router echoRouter()
{
    Router router;
    router.add("GET", "/api/v2/requests/{uuid}", [](HttpRequest& request) {
        core::Json query = core::Json::object();
        for (const auto& [key, value] : request.queryParams) {
            query[key] = value;
        }
        return HttpResponse::json(200, core::Json{{"uuid", request.pathParams.at("uuid")},
                                                  {"query", query},
                                                  {"remote", request.remoteAddress},
                                                  {"agent", request.headers.get("user-agent").value_or("")}});
    });
    router.add("POST", "/echo", [](HttpRequest& request) {
        return HttpResponse::text(200, request.body, request.headers.get("Content-Type").value_or("text/plain"));
    });
    router.add("GET", "/page", [](HttpRequest&) { return HttpResponse::text(200, "body"); });
    router.add("GET", "/n/{n}", [](HttpRequest& request) { return HttpResponse::text(200, request.pathParams["n"]); });
    router.add("GET", "/port",
               [](HttpRequest& request) { return HttpResponse::text(200, std::to_string(request.remotePort)); });
    router.add("GET", "/boom", [](HttpRequest&) -> HttpResponse { throw std::runtime_error("handler failed"); });
    router.add("GET", "/bad-header", [](HttpRequest&) {
        HttpResponse response = HttpResponse::text(200, "x");
        response.headers.set("X-Injected", "a\r\nSet-Cookie: evil=1");
        return response;
    });
    router.add("GET", "/bad-status", [](HttpRequest&) { return HttpResponse::text(1000, "x"); });
    router.add("GET", "/no-content", [](HttpRequest&) { return HttpResponse::text(204, "ignored"); });
    router.add("GET", "/close", [](HttpRequest&) {
        HttpResponse response = HttpResponse::text(200, "bye");
        response.headers.set("Connection", "close");
        return response;
    });
    return router;
}

class HttpServerTest : public ::testing::Test {
protected:
    void start(HttpServerOptions options = {}) { ASSERT_NO_FATAL_FAILURE(m_server.start(echoRouter(), options)); }

    HttpResponse get(const std::string& target)
    {
        auto response = m_client.send(m_server.request("GET", target));
        EXPECT_TRUE(response.ok()) << response.error().message;
        return response.ok() ? std::move(response).value() : HttpResponse{};
    }

    /// Sends raw bytes and returns everything until the server closes the connection.
    std::string rawExchange(const std::string& bytes)
    {
        RawSocket socket(m_server.port());
        EXPECT_TRUE(socket.connected());
        EXPECT_TRUE(socket.sendAll(bytes));
        std::string reply;
        EXPECT_TRUE(socket.readUntilClosed(reply)) << "the server did not close the connection";
        return reply;
    }

    TestServer m_server;
    HttpClient m_client;
};

TEST_F(HttpServerTest, RoutesWithPathAndQueryParams)
{
    ASSERT_NO_FATAL_FAILURE(start());
    HttpClientRequest request = m_server.request("GET", "/api/v2/requests/abc-123?x=1&name=%D0%A7%D0%B5%D0%BA+1");
    request.headers.set("User-Agent", "sigma-test");
    const auto response = m_client.send(request);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->headers.get("content-type"), "application/json; charset=utf-8");
    const auto json = core::parseJsonExact(response->body).value();
    EXPECT_EQ(json["uuid"], "abc-123");
    EXPECT_EQ(json["query"]["x"], "1");
    EXPECT_EQ(json["query"]["name"], "Чек 1");
    EXPECT_EQ(json["remote"], "127.0.0.1");
    EXPECT_EQ(json["agent"], "sigma-test");
}

TEST_F(HttpServerTest, PostBodyRoundTrips)
{
    ASSERT_NO_FATAL_FAILURE(start());
    std::string body(200'000, '\0');
    for (std::size_t i = 0; i < body.size(); ++i) {
        body[i] = static_cast<char>(i * 31 % 251);
    }
    HttpClientRequest request = m_server.request("POST", "/echo", body);
    request.headers.set("Content-Type", "application/octet-stream");
    const auto response = m_client.send(request);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->headers.get("Content-Type"), "application/octet-stream");
    EXPECT_TRUE(response->body == body);
}

TEST_F(HttpServerTest, UnknownPathIs404AndWrongMethodIs405)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const HttpResponse missing = get("/nowhere");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(errorCode(missing), "not_found");

    const auto wrongMethod = m_client.send(m_server.request("DELETE", "/echo"));
    ASSERT_TRUE(wrongMethod.ok());
    EXPECT_EQ(wrongMethod->status, 405);
    EXPECT_EQ(errorCode(*wrongMethod), "method_not_allowed");
    EXPECT_EQ(wrongMethod->headers.get("Allow"), "POST");
}

TEST_F(HttpServerTest, MalformedEscapesAre400)
{
    ASSERT_NO_FATAL_FAILURE(start());
    EXPECT_EQ(get("/n/%zz").status, 400);
    const HttpResponse badQuery = get("/page?a=%4");
    EXPECT_EQ(badQuery.status, 400);
    EXPECT_EQ(errorCode(badQuery), "bad_request");
    EXPECT_EQ(get("/page").status, 200);
}

TEST_F(HttpServerTest, ThrowingHandlerGives500AndServerKeepsServing)
{
    ASSERT_NO_FATAL_FAILURE(start());
    for (int i = 0; i < 3; ++i) {
        const HttpResponse failed = get("/boom");
        EXPECT_EQ(failed.status, 500);
        EXPECT_EQ(errorCode(failed), "internal");
        EXPECT_EQ(get("/page").body, "body");
    }
}

TEST_F(HttpServerTest, InvalidResponsesFromHandlersBecome500)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const HttpResponse injected = get("/bad-header");
    EXPECT_EQ(injected.status, 500);
    EXPECT_FALSE(injected.headers.has("Set-Cookie"));
    EXPECT_EQ(get("/bad-status").status, 500);
    EXPECT_EQ(get("/page").status, 200);
}

TEST_F(HttpServerTest, NoContentHasNoBody)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string reply = rawExchange("GET /no-content HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 204")) << reply;
    EXPECT_EQ(reply.find("ignored"), std::string::npos) << reply;
}

TEST_F(HttpServerTest, BodyOverTheLimitIs413)
{
    HttpServerOptions options;
    options.maxBodyBytes = 1024;
    ASSERT_NO_FATAL_FAILURE(start(options));
    const auto fits = m_client.send(m_server.request("POST", "/echo", std::string(1024, 'a')));
    ASSERT_TRUE(fits.ok()) << fits.error().message;
    EXPECT_EQ(fits->status, 200);

    // Refused from the Content-Length alone, while the client is still sending the body.
    const auto tooLarge = m_client.send(m_server.request("POST", "/echo", std::string(2 << 20, 'a')));
    ASSERT_TRUE(tooLarge.ok()) << tooLarge.error().message;
    EXPECT_EQ(tooLarge->status, 413);
    EXPECT_EQ(errorCode(*tooLarge), "payload_too_large");

    // A chunked body has no length up front: the limit must still hold while reading.
    std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 4; ++i) {
        chunked += "200\r\n" + std::string(512, 'b') + "\r\n";
    }
    chunked += "0\r\n\r\n";
    const std::string reply = rawExchange(chunked);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply;

    EXPECT_EQ(get("/page").status, 200);
}

TEST_F(HttpServerTest, ExpectContinueIsAnsweredOrRefusedEarly)
{
    HttpServerOptions options;
    options.maxBodyBytes = 1024;
    ASSERT_NO_FATAL_FAILURE(start(options));
    {
        RawSocket socket(m_server.port());
        ASSERT_TRUE(socket.sendAll("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n"
                                   "Connection: close\r\n\r\n"));
        std::string reply;
        ASSERT_TRUE(socket.readUntil(reply, "\r\n\r\n"));
        EXPECT_TRUE(reply.starts_with("HTTP/1.1 100 Continue")) << reply;
        ASSERT_TRUE(socket.sendAll("hello"));
        ASSERT_TRUE(socket.readUntilClosed(reply));
        EXPECT_NE(reply.find("HTTP/1.1 200"), std::string::npos) << reply;
        EXPECT_TRUE(reply.ends_with("hello")) << reply;
    }
    // Too large: refused at once, the client never sends the body.
    const std::string reply =
        rawExchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 413")) << reply;
}

TEST_F(HttpServerTest, MalformedHttpGets400AndClose)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string cases[] = {
        "GARBAGE\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET /page HTTP/1.1\r\nHost: x\r\nX: a\x01z\r\n\r\n",
        std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), // a TLS ClientHello
    };
    for (const std::string& request : cases) {
        const std::string reply = rawExchange(request);
        EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << "for " << request << "\ngot " << reply;
        EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
        EXPECT_NE(reply.find("\"bad_request\""), std::string::npos) << reply;
    }
    EXPECT_EQ(get("/page").status, 200);
}

TEST_F(HttpServerTest, OversizedHeadIs431)
{
    HttpServerOptions options;
    options.maxHeaderBytes = 2048;
    ASSERT_NO_FATAL_FAILURE(start(options));
    const std::string reply =
        rawExchange("GET /page HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 431")) << reply;
}

TEST_F(HttpServerTest, KeepAliveServesManyRequestsOverOneConnection)
{
    ASSERT_NO_FATAL_FAILURE(start());
    std::set<std::string> clientPorts;
    for (int i = 0; i < 20; ++i) {
        const HttpResponse response = get("/port");
        EXPECT_EQ(response.status, 200);
        clientPorts.insert(response.body);
    }
    EXPECT_EQ(clientPorts.size(), 1U) << "each request came on a new connection";
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string reply = rawExchange("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "HEAD /page HTTP/1.1\r\nHost: x\r\n\r\n"
                                          "GET /n/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(countOf(reply, "HTTP/1.1 200 OK"), 3) << reply;
    const std::size_t first = reply.find("\r\n\r\n1HTTP/1.1 200");
    const std::size_t head = reply.find("Content-Length: 4\r\n");
    const std::size_t third = reply.find("\r\n\r\n3");
    EXPECT_NE(first, std::string::npos) << reply;
    EXPECT_NE(head, std::string::npos) << reply;
    EXPECT_NE(third, std::string::npos) << reply;
    EXPECT_LT(first, head);
    EXPECT_LT(head, third);
    EXPECT_EQ(reply.find("body"), std::string::npos) << "HEAD must not carry a body: " << reply;
    EXPECT_TRUE(reply.ends_with("\r\n\r\n3")) << reply;
}

TEST_F(HttpServerTest, ChunkedRequestBodyIsAssembled)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string reply = rawExchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                          "Connection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 200")) << reply;
    EXPECT_TRUE(reply.ends_with("\r\n\r\nhello world")) << reply;
}

TEST_F(HttpServerTest, Http10ClosesUnlessKeepAliveAsked)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string reply = rawExchange("GET /page HTTP/1.0\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.0 200")) << reply;
    EXPECT_TRUE(reply.ends_with("body")) << reply;
}

TEST_F(HttpServerTest, HandlerCanCloseTheConnection)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const std::string reply = rawExchange("GET /close HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
    EXPECT_TRUE(reply.ends_with("bye")) << reply;
}

TEST_F(HttpServerTest, IdleConnectionTimesOut)
{
    HttpServerOptions options;
    options.readTimeoutMs = 150;
    ASSERT_NO_FATAL_FAILURE(start(options));
    RawSocket idle(m_server.port());
    RawSocket partial(m_server.port());
    ASSERT_TRUE(partial.sendAll("GET /page HTTP/1.1\r\nHo"));
    std::string reply;
    EXPECT_TRUE(idle.readUntilClosed(reply)) << "an idle connection stayed open";
    EXPECT_TRUE(partial.readUntilClosed(reply)) << "a stalled request stayed open";
    EXPECT_EQ(get("/page").status, 200);
}

TEST_F(HttpServerTest, ConcurrentClientsAllSucceed)
{
    ASSERT_NO_FATAL_FAILURE(start());
    constexpr int kThreads = 8;
    constexpr int kRequests = 200;
    std::atomic<int> succeeded{0};
    std::atomic<int> failed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            HttpClient client;
            for (int i = 0; i < kRequests; ++i) {
                const std::string n = std::to_string(t * 1000 + i);
                const auto response = client.send(m_server.request("GET", "/n/" + n));
                if (response.ok() && response->status == 200 && response->body == n) {
                    ++succeeded;
                } else {
                    ++failed;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failed.load(), 0);
    EXPECT_EQ(succeeded.load(), kThreads * kRequests);
}

TEST_F(HttpServerTest, AccessHookSeesEveryResponse)
{
    struct Entry {
        std::string method;
        std::string path;
        int status;
        std::size_t bodySize;
    };
    std::mutex mutex;
    std::condition_variable logged;
    std::vector<Entry> entries;
    HttpServerOptions options;
    options.onAccess = [&](const HttpRequest& request, const HttpResponse& response, std::chrono::microseconds) {
        {
            const std::lock_guard lock(mutex);
            entries.push_back({request.method, request.path, response.status, response.body.size()});
        }
        logged.notify_all();
    };
    ASSERT_NO_FATAL_FAILURE(start(options));
    EXPECT_EQ(get("/page").status, 200);
    EXPECT_EQ(get("/nowhere").status, 404);
    (void)rawExchange("GARBAGE\r\n\r\n");

    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(logged.wait_for(lock, 5s, [&] { return entries.size() == 3; })) << entries.size();
    }
    m_server.server().stop(); // the hook uses this test's locals: no call may still be running
    // The hook runs after the write, so entries of different connections may come in any order.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.status < b.status; });
    EXPECT_EQ(entries[0].method, "GET");
    EXPECT_EQ(entries[0].path, "/page");
    EXPECT_EQ(entries[0].status, 200);
    EXPECT_EQ(entries[0].bodySize, 4U);
    EXPECT_EQ(entries[1].status, 400);
    EXPECT_EQ(entries[1].method, "");
    EXPECT_EQ(entries[2].status, 404);
    EXPECT_EQ(entries[2].path, "/nowhere");
}

TEST_F(HttpServerTest, PortInUseIsAnError)
{
    ASSERT_NO_FATAL_FAILURE(start());
    HttpServerOptions options;
    options.port = m_server.port();
    HttpServer second(options);
    const auto status = second.start(Router{});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kAddressInUse) << status.error().message;
    EXPECT_EQ(second.port(), 0);
    second.stop(); // harmless on a server that never ran
}

TEST_F(HttpServerTest, BadHostIsAnError)
{
    HttpServerOptions options;
    options.host = "203.0.113.7"; // TEST-NET-3: not an address of this machine
    HttpServer server(options);
    const auto status = server.start(Router{});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kListenFailed) << status.error().message;
}

TEST_F(HttpServerTest, StartTwiceIsAnErrorAndRestartWorks)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const auto again = m_server.server().start(echoRouter());
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, core::errc::kServerAlreadyRunning);

    m_server.server().stop();
    EXPECT_EQ(m_server.port(), 0);
    const auto restarted = m_server.server().start(echoRouter());
    ASSERT_TRUE(restarted.ok()) << restarted.error().message;
    EXPECT_EQ(get("/page").body, "body");
}

TEST_F(HttpServerTest, GracefulStopFinishesTheRequestInFlight)
{
    Gate entered;
    Router router;
    router.add("GET", "/slow", [&](HttpRequest&) {
        entered.open();
        std::this_thread::sleep_for(300ms);
        return HttpResponse::text(200, "done");
    });
    ASSERT_NO_FATAL_FAILURE(m_server.start(std::move(router)));
    const HttpClientRequest slow = m_server.request("GET", "/slow");
    const std::string url = m_server.url("/slow");

    std::optional<core::Result<HttpResponse>> result;
    std::thread client([&] {
        HttpClient own;
        result = own.send(slow);
    });
    ASSERT_TRUE(entered.waitFor(10s));
    m_server.server().stop();
    client.join();

    ASSERT_TRUE(result.has_value());
    ASSERT_TRUE(result->ok()) << result->error().message;
    EXPECT_EQ((*result)->status, 200);
    EXPECT_EQ((*result)->body, "done");
    EXPECT_EQ((*result)->headers.get("Connection"), "close");

    HttpClientRequest after;
    after.url = url;
    const auto refused = m_client.send(after);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kConnectionFailed);
}

TEST_F(HttpServerTest, StopDoesNotWaitForIdleConnections)
{
    HttpServerOptions options;
    options.stopTimeoutMs = 60000;
    options.readTimeoutMs = 60000;
    ASSERT_NO_FATAL_FAILURE(start(options));
    EXPECT_EQ(get("/page").status, 200); // leaves a keep-alive connection open in m_client
    RawSocket silent(m_server.port());
    RawSocket partial(m_server.port());
    ASSERT_TRUE(partial.sendAll("GET /page HTTP/1.1\r\n"));
    std::this_thread::sleep_for(50ms); // let the server accept both

    // Not a performance limit: waiting out the 60 s timeouts instead of closing the idle
    // connections would take a minute.
    const auto before = std::chrono::steady_clock::now();
    m_server.server().stop();
    EXPECT_LT(std::chrono::steady_clock::now() - before, 20s);
    std::string reply;
    EXPECT_TRUE(silent.readUntilClosed(reply));
    EXPECT_TRUE(partial.readUntilClosed(reply));
}

TEST_F(HttpServerTest, StopIsIdempotentAndThreadSafe)
{
    ASSERT_NO_FATAL_FAILURE(start());
    EXPECT_EQ(get("/page").status, 200);
    std::thread a([&] { m_server.server().stop(); });
    std::thread b([&] { m_server.server().stop(); });
    a.join();
    b.join();
    m_server.server().stop();
    EXPECT_EQ(m_server.port(), 0);
}

TEST_F(HttpServerTest, StopCutsAHandlerPastTheDeadline)
{
    Gate entered;
    Gate release;
    Router router;
    router.add("GET", "/stuck", [&](HttpRequest&) {
        entered.open();
        (void)release.waitFor(10s);
        return HttpResponse::text(200, "late");
    });
    HttpServerOptions options;
    options.stopTimeoutMs = 100;
    ASSERT_NO_FATAL_FAILURE(m_server.start(std::move(router), options));
    HttpClientRequest stuck = m_server.request("GET", "/stuck");
    std::thread client([&] {
        HttpClient own;
        (void)own.send(stuck);
    });
    ASSERT_TRUE(entered.waitFor(10s));
    // stop() gives up waiting after 100 ms and then joins the I/O threads, which needs the
    // handler to return: release it from another thread once stop() is under way.
    std::thread releaser([&] {
        std::this_thread::sleep_for(300ms);
        release.open();
    });
    m_server.server().stop();
    releaser.join();
    client.join();
    EXPECT_EQ(m_server.port(), 0);
}

} // namespace
} // namespace sigma::net
