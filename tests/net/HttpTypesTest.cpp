#include "net/HttpTypes.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::net {
namespace {

TEST(Headers, NamesAreCaseInsensitiveAndRepeatsKept)
{
    Headers headers;
    headers.add("Set-Cookie", "a=1");
    headers.add("set-cookie", "b=2");
    headers.set("Content-Type", "text/plain");
    EXPECT_TRUE(headers.has("SET-COOKIE"));
    EXPECT_EQ(headers.get("set-COOKIE"), "a=1");
    EXPECT_EQ(headers.getAll("Set-Cookie"), (std::vector<std::string>{"a=1", "b=2"}));
    EXPECT_EQ(headers.get("content-type"), "text/plain");
    EXPECT_EQ(headers.get("X-Missing"), std::nullopt);
    EXPECT_EQ(headers.size(), 3U);
}

TEST(Headers, SetReplacesEveryFieldOfThatName)
{
    Headers headers;
    headers.add("Accept", "a");
    headers.add("ACCEPT", "b");
    headers.add("Host", "h");
    headers.set("accept", "c");
    EXPECT_EQ(headers.getAll("Accept"), std::vector<std::string>{"c"});
    headers.remove("HOST");
    EXPECT_FALSE(headers.has("Host"));
    ASSERT_EQ(headers.all().size(), 1U);
    EXPECT_EQ(headers.all()[0].first, "accept");
}

TEST(PercentDecode, DecodesEscapesAndOptionallyPlus)
{
    EXPECT_EQ(percentDecode("a%20b%2Fc").value(), "a b/c");
    EXPECT_EQ(percentDecode("%d0%9a%D0%9A").value(), "КК");
    EXPECT_EQ(percentDecode("a+b").value(), "a+b");
    EXPECT_EQ(percentDecode("a+b", true).value(), "a b");
    EXPECT_EQ(percentDecode("%2B", true).value(), "+");
    EXPECT_EQ(percentDecode("").value(), "");
    EXPECT_EQ(percentDecode("%00").value(), std::string(1, '\0'));
}

TEST(PercentDecode, RejectsMalformedEscapes)
{
    for (const char* bad : {"%", "%4", "abc%", "%G0", "%0G", "%%", "a%2", "%-1", "% 1"}) {
        const auto decoded = percentDecode(bad);
        ASSERT_FALSE(decoded.ok()) << bad;
        EXPECT_EQ(decoded.error().code, core::errc::kBadPercentEncoding) << bad;
    }
}

TEST(PercentEncode, KeepsUnreservedAndRoundTrips)
{
    EXPECT_EQ(percentEncode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(percentEncode("a b/c?d=e&f"), "a%20b%2Fc%3Fd%3De%26f");
    const std::string text = "Чек №1 + 100%";
    EXPECT_EQ(percentDecode(percentEncode(text)).value(), text);
}

TEST(ParseQuery, DecodesPairs)
{
    const auto params = parseQuery("a=1&b=x%20y&c=p+q&flag&&=empty-key&d=").value();
    EXPECT_EQ(params.at("a"), "1");
    EXPECT_EQ(params.at("b"), "x y");
    EXPECT_EQ(params.at("c"), "p q");
    EXPECT_EQ(params.at("flag"), "");
    EXPECT_EQ(params.at(""), "empty-key");
    EXPECT_EQ(params.at("d"), "");
    EXPECT_EQ(params.size(), 6U);
}

TEST(ParseQuery, FirstOfRepeatedKeysWinsAndEqualsInValueIsKept)
{
    const auto params = parseQuery("k=1&k=2&e=a=b").value();
    EXPECT_EQ(params.at("k"), "1");
    EXPECT_EQ(params.at("e"), "a=b");
    EXPECT_TRUE(parseQuery("").value().empty());
}

TEST(ParseQuery, MalformedEscapeIsAnError)
{
    for (const char* bad : {"a=%zz", "%=1", "a=1&b=%4"}) {
        const auto params = parseQuery(bad);
        ASSERT_FALSE(params.ok()) << bad;
        EXPECT_EQ(params.error().code, core::errc::kBadPercentEncoding) << bad;
    }
}

TEST(HttpResponse, JsonTextAndErrorShapes)
{
    const HttpResponse json = HttpResponse::json(201, core::Json{{"a", 1}});
    EXPECT_EQ(json.status, 201);
    EXPECT_EQ(json.body, R"({"a":1})");
    EXPECT_EQ(json.headers.get("content-type"), "application/json; charset=utf-8");

    const HttpResponse text = HttpResponse::text(200, "hi");
    EXPECT_EQ(text.headers.get("Content-Type"), "text/plain; charset=utf-8");
    EXPECT_EQ(text.body, "hi");

    const HttpResponse error = HttpResponse::error(404, "not_found", "нет");
    EXPECT_EQ(error.status, 404);
    const auto parsed = core::parseJsonExact(error.body).value();
    EXPECT_EQ(parsed["error"]["code"], "not_found");
    EXPECT_EQ(parsed["error"]["message"], "нет");
}

TEST(HttpResponse, JsonWithInvalidUtf8DoesNotThrow)
{
    const HttpResponse json = HttpResponse::json(200, core::Json{{"bad", std::string("\xff\xfe")}});
    EXPECT_EQ(json.status, 200);
    EXPECT_FALSE(json.body.empty());
}

} // namespace
} // namespace sigma::net
