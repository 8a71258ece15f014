// Requests per second over loopback: one HttpClient with keep-alive against the HttpServer, a
// tiny JSON handler. Measures the per-request cost of the HTTP stack itself (parse, route,
// serialize, two syscalls each way), which bounds what the emulator and the cloud API can serve
// per connection. Run from a release build; items_per_second is the figure.

#include "net/HttpClient.h"
#include "net/HttpServer.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace sigma::net;

void BM_KeepAliveRoundTrip(benchmark::State& state)
{
    Router router;
    router.add("GET", "/api/v2/requests/{uuid}", [](HttpRequest& request) {
        return HttpResponse::json(200, sigma::core::Json{{"uuid", request.pathParams.at("uuid")}, {"status", "ready"}});
    });
    HttpServerOptions options;
    options.threads = static_cast<int>(state.range(0));
    HttpServer server(options);
    if (const auto started = server.start(std::move(router)); !started.ok()) {
        state.SkipWithError(started.error().message.c_str());
        return;
    }
    HttpClient client;
    HttpClientRequest request;
    request.url =
        "http://127.0.0.1:" + std::to_string(server.port()) + "/api/v2/requests/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
    request.acceptGzip = false;
    for (auto _ : state) {
        auto response = client.send(request);
        if (!response.ok() || response->status != 200) {
            state.SkipWithError("request failed");
            break;
        }
        benchmark::DoNotOptimize(response->body.data());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KeepAliveRoundTrip)->Arg(1)->Arg(2)->UseRealTime();

} // namespace
