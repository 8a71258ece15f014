#include "net/Router.h"

#include "core/ExactJson.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sigma::net {
namespace {

HttpRequest makeRequest(std::string method, std::string path)
{
    HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.target = request.path;
    return request;
}

std::string errorCode(const HttpResponse& response)
{
    return core::parseJsonExact(response.body).value()["error"]["code"].get<std::string>();
}

Handler replyWith(std::string text)
{
    return [text = std::move(text)](HttpRequest&) { return HttpResponse::text(200, text); };
}

TEST(Router, CapturesPathParamsDecoded)
{
    Router router;
    router.add("GET", "/api/v2/requests/{uuid}",
               [](HttpRequest& request) { return HttpResponse::text(200, request.pathParams.at("uuid")); });
    router.add("GET", "/shops/{shop}/items/{item}", [](HttpRequest& request) {
        return HttpResponse::text(200, request.pathParams.at("shop") + "|" + request.pathParams.at("item"));
    });
    auto request = makeRequest("GET", "/api/v2/requests/0190a1b2-aaaa");
    EXPECT_EQ(router.dispatch(request).body, "0190a1b2-aaaa");
    request = makeRequest("GET", "/shops/a%2Fb/items/%D0%A7%20x");
    EXPECT_EQ(router.dispatch(request).body, "a/b|Ч x");
}

TEST(Router, UnknownPathIs404AndEmptyCaptureDoesNotMatch)
{
    Router router;
    router.add("GET", "/items/{id}", replyWith("item"));
    for (const char* path : {"/items", "/items/", "/items/1/extra", "/other", "", "*"}) {
        auto request = makeRequest("GET", path);
        const HttpResponse response = router.dispatch(request);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_EQ(errorCode(response), "not_found") << path;
    }
}

TEST(Router, WrongMethodIs405WithAllow)
{
    Router router;
    router.add("GET", "/items/{id}", replyWith("get"));
    router.add("DELETE", "/items/{id}", replyWith("delete"));
    auto request = makeRequest("POST", "/items/7");
    const HttpResponse response = router.dispatch(request);
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(errorCode(response), "method_not_allowed");
    EXPECT_EQ(response.headers.get("Allow"), "DELETE, GET, HEAD");
}

TEST(Router, LiteralBeatsCaptureWhateverTheOrder)
{
    Router router;
    router.add("GET", "/r/{id}/x", replyWith("capture"));
    router.add("GET", "/r/active/{y}", replyWith("literal-first"));
    router.add("GET", "/r/{id}", replyWith("id"));
    router.add("GET", "/r/active", replyWith("active"));
    auto request = makeRequest("GET", "/r/active");
    EXPECT_EQ(router.dispatch(request).body, "active");
    request = makeRequest("GET", "/r/other");
    EXPECT_EQ(router.dispatch(request).body, "id");
    request = makeRequest("GET", "/r/active/x");
    EXPECT_EQ(router.dispatch(request).body, "literal-first");
    request = makeRequest("GET", "/r/b/x");
    EXPECT_EQ(router.dispatch(request).body, "capture");
}

TEST(Router, MethodMatchBeatsAMoreSpecificPathOfAnotherMethod)
{
    Router router;
    router.add("GET", "/a/{id}", replyWith("get"));
    router.add("POST", "/a/x", replyWith("post"));
    auto request = makeRequest("GET", "/a/x");
    EXPECT_EQ(router.dispatch(request).body, "get");
}

TEST(Router, HeadFallsBackToGet)
{
    Router router;
    router.add("GET", "/page", replyWith("body"));
    auto request = makeRequest("HEAD", "/page");
    EXPECT_EQ(router.dispatch(request).status, 200);
}

TEST(Router, ThrowingHandlerGives500AndCallsHook)
{
    Router router;
    router.add("GET", "/boom", [](HttpRequest&) -> HttpResponse { throw std::runtime_error("kaput"); });
    router.add("GET", "/weird", [](HttpRequest&) -> HttpResponse { throw 42; });
    std::vector<std::string> seen;
    router.setExceptionHook([&](const HttpRequest& request, std::string_view what) {
        seen.push_back(request.path + ":" + std::string(what));
    });
    auto request = makeRequest("GET", "/boom");
    HttpResponse response = router.dispatch(request);
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(errorCode(response), "internal");
    EXPECT_EQ(response.body.find("kaput"), std::string::npos) << "internals must not leak to the client";
    request = makeRequest("GET", "/weird");
    EXPECT_EQ(router.dispatch(request).status, 500);
    EXPECT_EQ(seen, (std::vector<std::string>{"/boom:kaput", "/weird:unknown exception"}));
}

TEST(Router, FallbackServesUnmatchedPaths)
{
    Router router;
    router.add("GET", "/api/ping", replyWith("pong"));
    router.setFallback([](HttpRequest& request) { return HttpResponse::text(200, "static:" + request.path); });
    auto request = makeRequest("GET", "/app/index.html");
    EXPECT_EQ(router.dispatch(request).body, "static:/app/index.html");
    request = makeRequest("POST", "/api/ping"); // path known: still 405, not the fallback
    EXPECT_EQ(router.dispatch(request).status, 405);
}

TEST(Router, MalformedEscapeInPathIs400)
{
    Router router;
    router.add("GET", "/items/{id}", replyWith("item"));
    auto request = makeRequest("GET", "/items/%zz");
    const HttpResponse response = router.dispatch(request);
    EXPECT_EQ(response.status, 400);
    EXPECT_EQ(errorCode(response), "bad_request");
}

TEST(Router, RejectsMalformedPatterns)
{
    Router router;
    EXPECT_THROW(router.add("GET", "items", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/items/{}", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/items/{id", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/items/x{id}", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a/{id}/b/{id}", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("", "/a", replyWith("")), std::invalid_argument);
    EXPECT_THROW(router.add("GET", "/a", Handler{}), std::invalid_argument);
    router.add("GET", "/a/{id}", replyWith(""));
    EXPECT_THROW(router.add("GET", "/a/{id}", replyWith("")), std::invalid_argument);
    EXPECT_NO_THROW(router.add("PUT", "/a/{id}", replyWith("")));
}

} // namespace
} // namespace sigma::net
