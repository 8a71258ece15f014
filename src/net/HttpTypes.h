#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sigma::net {

/// HTTP header fields: names compare case-insensitively, order and repeats are kept (a response may
/// carry several Set-Cookie fields). Linear search: a message has a handful of fields.
class Headers {
public:
    using Field = std::pair<std::string, std::string>;

    /// Replaces every field called `name` with one field.
    void set(std::string name, std::string value);
    /// Appends a field, keeping earlier ones of the same name.
    void add(std::string name, std::string value);
    /// Removes every field called `name`.
    void remove(std::string_view name);

    /// The first value of `name`, if present.
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
    /// Every value of `name`, in order.
    [[nodiscard]] std::vector<std::string> getAll(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const;
    /// Every field, in the order they were added (names as given).
    [[nodiscard]] const std::vector<Field>& all() const { return m_fields; }
    [[nodiscard]] bool empty() const { return m_fields.empty(); }
    [[nodiscard]] std::size_t size() const { return m_fields.size(); }

private:
    std::vector<Field> m_fields;
};

/// Case-insensitive ASCII comparison, as HTTP field names and tokens need.
[[nodiscard]] bool equalsIgnoreCase(std::string_view a, std::string_view b);

/// A request as a handler sees it.
struct HttpRequest {
    std::string method; ///< as sent, case-sensitive ("GET")
    std::string target; ///< the request target as sent ("/a/b?x=1")
    std::string path;   ///< the target before '?', still percent-encoded (the router decodes segments)
    std::string query;  ///< the raw text after '?', without it
    std::map<std::string, std::string> queryParams; ///< decoded; for a repeated key the first wins
    Headers headers;
    std::string body;
    std::string remoteAddress; ///< the peer's IP address, without the port
    std::uint16_t remotePort = 0;
    std::map<std::string, std::string> pathParams; ///< `{name}` segments captured by the router, decoded
};

/// A response from a handler, or the one an HttpClient received.
struct HttpResponse {
    int status = 200;
    Headers headers;
    std::string body;

    /// `body` as compact JSON with `Content-Type: application/json; charset=utf-8`.
    static HttpResponse json(int status, const core::Json& body);
    static HttpResponse text(int status, std::string body, std::string contentType = "text/plain; charset=utf-8");
    /// The error shape every Sigma HTTP API uses: `{"error":{"code":"not_found","message":"..."}}`.
    static HttpResponse error(int status, std::string_view code, std::string_view message);
};

/// Decodes %XX escapes; with `plusIsSpace` also '+' as a space (HTML form and query encoding).
/// A '%' not followed by two hex digits is an error (kBadPercentEncoding), not passed through:
/// two decoders that disagree on such input are how path filters get bypassed.
[[nodiscard]] core::Result<std::string> percentDecode(std::string_view text, bool plusIsSpace = false);

/// Encodes everything except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
[[nodiscard]] std::string percentEncode(std::string_view text);

/// Parses `a=1&b=x%20y&flag` into decoded pairs ('+' is a space; a key without '=' gets "";
/// empty pieces are skipped; for a repeated key the first value is kept).
[[nodiscard]] core::Result<std::map<std::string, std::string>> parseQuery(std::string_view query);

} // namespace sigma::net
