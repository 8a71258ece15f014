#include "net/Router.h"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace sigma::net {
namespace {

/// "/a/b" -> {"a", "b"}; "/" -> {""}. Patterns and paths are split alike so they line up.
std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> segments;
    path.remove_prefix(1);
    while (true) {
        const std::size_t slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

} // namespace

void Router::add(std::string method, std::string pattern, Handler handler)
{
    if (method.empty() || !handler) {
        throw std::invalid_argument("route '" + pattern + "': empty method or handler");
    }
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern '" + pattern + "' must start with '/'");
    }
    Route route;
    std::set<std::string, std::less<>> names;
    for (const std::string_view segment : splitPath(pattern)) {
        const bool opens = segment.find('{') != std::string_view::npos;
        const bool closes = segment.find('}') != std::string_view::npos;
        if (!opens && !closes) {
            route.segments.push_back({std::string(segment), false});
            continue;
        }
        // A capture is a whole segment: "{id}", not "x{id}" or "{a}{b}".
        const std::string_view name = segment.size() >= 2 ? segment.substr(1, segment.size() - 2) : std::string_view{};
        if (segment.front() != '{' || segment.back() != '}' || name.empty() ||
            name.find_first_of("{}") != std::string_view::npos) {
            throw std::invalid_argument("route pattern '" + pattern + "': malformed capture '" + std::string(segment) +
                                        "'");
        }
        if (!names.emplace(name).second) {
            throw std::invalid_argument("route pattern '" + pattern + "': capture '" + std::string(name) +
                                        "' repeated");
        }
        route.segments.push_back({std::string(name), true});
    }
    for (const Route& existing : m_routes) {
        if (existing.method == method && existing.pattern == pattern) {
            throw std::invalid_argument("route " + method + " " + pattern + " registered twice");
        }
    }
    route.method = std::move(method);
    route.pattern = std::move(pattern);
    route.handler = std::move(handler);
    m_routes.push_back(std::move(route));
}

void Router::setFallback(Handler handler)
{
    m_fallback = std::move(handler);
}

void Router::setExceptionHook(ExceptionHook hook)
{
    m_exceptionHook = std::move(hook);
}

HttpResponse Router::dispatch(HttpRequest& request) const noexcept
{
    try {
        request.pathParams.clear();
        if (request.path.empty() || request.path.front() != '/') {
            return m_fallback ? invoke(m_fallback, request)
                              : HttpResponse::error(404, "not_found", "no resource at '" + request.path + "'");
        }
        std::vector<std::string> segments;
        for (const std::string_view raw : splitPath(request.path)) {
            auto decoded = percentDecode(raw);
            if (!decoded.ok()) {
                return HttpResponse::error(400, "bad_request", decoded.error().message);
            }
            segments.push_back(std::move(decoded).value());
        }

        // The best route for a method: the matching one whose literal/capture pattern is greatest
        // when literals count above captures, segment by segment.
        std::set<std::string> allowed;
        const Route* best = nullptr;
        const Route* bestGet = nullptr;
        auto moreSpecific = [](const Route& a, const Route* b) {
            if (b == nullptr) {
                return true;
            }
            for (std::size_t i = 0; i < a.segments.size(); ++i) {
                if (a.segments[i].capture != b->segments[i].capture) {
                    return !a.segments[i].capture;
                }
            }
            return false;
        };
        for (const Route& route : m_routes) {
            if (route.segments.size() != segments.size()) {
                continue;
            }
            bool matches = true;
            for (std::size_t i = 0; i < segments.size() && matches; ++i) {
                const Segment& segment = route.segments[i];
                matches = segment.capture ? !segments[i].empty() : segment.text == segments[i];
            }
            if (!matches) {
                continue;
            }
            allowed.insert(route.method);
            if (route.method == request.method && moreSpecific(route, best)) {
                best = &route;
            }
            if (route.method == "GET" && moreSpecific(route, bestGet)) {
                bestGet = &route;
            }
        }
        if (best == nullptr && request.method == "HEAD") {
            best = bestGet;
        }
        if (best == nullptr) {
            if (allowed.empty()) {
                return m_fallback ? invoke(m_fallback, request)
                                  : HttpResponse::error(404, "not_found", "no resource at '" + request.path + "'");
            }
            if (allowed.contains("GET")) {
                allowed.insert("HEAD");
            }
            std::string allow;
            for (const std::string& method : allowed) {
                allow += (allow.empty() ? "" : ", ") + method;
            }
            HttpResponse response = HttpResponse::error(
                405, "method_not_allowed", "method " + request.method + " not allowed for '" + request.path + "'");
            response.headers.set("Allow", allow);
            return response;
        }
        for (std::size_t i = 0; i < segments.size(); ++i) {
            if (best->segments[i].capture) {
                request.pathParams[best->segments[i].text] = std::move(segments[i]);
            }
        }
        return invoke(best->handler, request);
    } catch (...) {
        // Only allocation can fail above; answer without allocating again.
        return HttpResponse{500, {}, {}};
    }
}

HttpResponse Router::invoke(const Handler& handler, HttpRequest& request) const noexcept
{
    std::string what;
    try {
        return handler(request);
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
        what = "unknown exception";
    }
    try {
        if (m_exceptionHook) {
            m_exceptionHook(request, what);
        }
    } catch (...) {
        // A failing log hook must not turn a 500 into a crash.
    }
    try {
        return HttpResponse::error(500, "internal", "internal server error");
    } catch (...) {
        return HttpResponse{500, {}, {}};
    }
}

} // namespace sigma::net
