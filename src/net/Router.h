#pragma once

#include "net/HttpTypes.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::net {

/// A request handler. It runs on a server I/O thread and may block it, so long work belongs
/// elsewhere; with several I/O threads it is called concurrently, so it must be thread-safe. An
/// exception it throws becomes a 500 response; it never reaches the server.
using Handler = std::function<HttpResponse(HttpRequest&)>;

/// Called with the request and the exception's what() when a handler throws (for logging; the
/// client only sees a generic 500).
using ExceptionHook = std::function<void(const HttpRequest&, std::string_view what)>;

/// Maps method + path to handlers. Patterns are '/'-separated segments, each either literal or a
/// `{name}` capture ("/api/v2/requests/{uuid}"); a capture matches one non-empty segment and is
/// stored percent-decoded in HttpRequest::pathParams. Matching is exact (no trailing-slash
/// folding). When several patterns match, the most specific wins: at the first segment where they
/// differ, a literal beats a capture.
///
/// Not thread-safe to modify; once handed to a server it is only read (dispatch is const).
class Router {
public:
    /// Registers a handler. A malformed pattern (not starting with '/', an empty or unclosed
    /// `{}`, a duplicate capture name) or a repeated method + pattern is a programming error and
    /// throws std::invalid_argument at start-up, before any request is served.
    void add(std::string method, std::string pattern, Handler handler);

    /// Handles requests whose path matches no pattern (e.g. static files), instead of the 404.
    void setFallback(Handler handler);
    void setExceptionHook(ExceptionHook hook);

    /// Finds and runs the handler. 404 (`not_found`) when no pattern matches the path, 405
    /// (`method_not_allowed`, with Allow) when one matches but not for this method, 400
    /// (`bad_request`) for a malformed percent-escape in the path, 500 (`internal`) when the handler
    /// throws. HEAD is served by the GET handler when no HEAD handler exists (the server drops the
    /// body). Never throws.
    HttpResponse dispatch(HttpRequest& request) const noexcept;

private:
    struct Segment {
        std::string text; ///< literal text, or the capture's name
        bool capture = false;
    };
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<Segment> segments;
        Handler handler;
    };

    HttpResponse invoke(const Handler& handler, HttpRequest& request) const noexcept;

    std::vector<Route> m_routes;
    Handler m_fallback;
    ExceptionHook m_exceptionHook;
};

} // namespace sigma::net
