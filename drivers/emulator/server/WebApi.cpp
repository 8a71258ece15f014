#include "drivers/emulator/server/WebApi.h"

#include "core/ExactJson.h"
#include "fiscal/AtolErrors.h"

#include <string>
#include <vector>

namespace sigma::drivers::emulator {
namespace {

constexpr std::size_t kMaxUuidChars = 128;

// The uuid becomes a path segment of the GET URL, so it is limited to characters that need no
// escaping there; clients send UUIDs, but ATOL does not insist on the format, and neither do we.
bool validUuid(const std::string& uuid)
{
    if (uuid.empty() || uuid.size() > kMaxUuidChars) {
        return false;
    }
    for (const char c : uuid) {
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && c != '-' && c != '_' && c != '.') {
            return false;
        }
    }
    return true;
}

net::HttpResponse postRequest(RequestQueue& queue, const net::HttpRequest& http)
{
    auto body = core::parseJsonExact(http.body);
    if (!body) {
        return net::HttpResponse::error(400, "malformed_json", body.error().message);
    }
    if (!body->is_object()) {
        return net::HttpResponse::error(400, "bad_request", "the body must be a JSON object {\"uuid\", \"request\"}");
    }
    const auto uuid = body->find("uuid");
    if (uuid == body->end() || !uuid->is_string() || !validUuid(uuid->get<std::string>())) {
        return net::HttpResponse::error(400, "bad_uuid",
                                        "\"uuid\" must be a string of 1-128 letters, digits, '-', '_' or '.'");
    }
    const auto request = body->find("request");
    std::vector<core::Json> tasks;
    if (request != body->end() && request->is_object()) {
        tasks.push_back(std::move(*request));
    } else if (request != body->end() && request->is_array()) {
        if (request->size() > RequestQueue::kMaxTasksPerRequest) {
            return net::HttpResponse::error(400, "too_many_tasks",
                                            "at most " + std::to_string(RequestQueue::kMaxTasksPerRequest) +
                                                " tasks per request");
        }
        for (auto& task : *request) {
            // Whatever a task holds, the register judges it (and answers with a task error), as a
            // real register does; only the envelope is checked here.
            tasks.push_back(std::move(task));
        }
    }
    if (tasks.empty()) {
        return net::HttpResponse::error(400, "no_tasks", "\"request\" must be a task object or a non-empty array of tasks");
    }
    if (auto submitted = queue.submit(uuid->get<std::string>(), std::move(tasks)); !submitted) {
        if (submitted.error().code == fiscal::atol::kWebRequestDuplicate) {
            return net::HttpResponse::error(409, "duplicate_uuid", submitted.error().message);
        }
        return net::HttpResponse::error(503, "busy", submitted.error().message);
    }
    net::HttpResponse created;
    created.status = 201;
    return created;
}

net::HttpResponse getRequest(const RequestQueue& queue, const net::HttpRequest& http)
{
    const auto uuid = http.pathParams.find("uuid");
    if (uuid == http.pathParams.end()) {
        return net::HttpResponse::error(404, "not_found", "no uuid in the path");
    }
    auto results = queue.results(uuid->second);
    if (!results) {
        return net::HttpResponse::error(404, "not_found", results.error().message);
    }
    return net::HttpResponse::json(200, *results);
}

} // namespace

net::Router webApiRouter(RequestQueue& queue)
{
    net::Router router;
    router.add("POST", "/api/v2/requests", [&queue](net::HttpRequest& request) { return postRequest(queue, request); });
    router.add("GET", "/api/v2/requests/{uuid}",
               [&queue](net::HttpRequest& request) { return getRequest(queue, request); });
    return router;
}

} // namespace sigma::drivers::emulator
