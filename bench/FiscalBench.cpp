// Tasks per second of the virtual register, in process (VirtualKkt::execute) and over ATOL's web
// API (the atol driver's webServer transport: POST, then GET until ready, over keep-alive HTTP).
//
// The web server is hosted in this process: net::HttpServer with the same router and request
// queue as sigma-kkt-emulator (sigma::kkt_emulator_server), so the figures are the binary's
// without the noise of starting and finding a child process. Each benchmark has its own fresh
// kkt.db in a temporary directory; the SQLite file is durable (each task is one transaction), so
// the disk's fsync rate bounds the document tasks. Rates are per wall-clock second (UseRealTime):
// the work is mostly waiting for the disk and the network, which CPU time would not show.
//
//   build/h-atol-rel/tests/fiscal/atol/sigma_fiscal_bench

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "drivers/atol/AtolDriver.h"
#include "drivers/emulator/VirtualKkt.h"
#include "drivers/emulator/server/RequestQueue.h"
#include "drivers/emulator/server/WebApi.h"
#include "fiscal/DriverRegistry.h"
#include "net/HttpServer.h"
#include "support/TempDir.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace {

using namespace sigma;

const char* const kSell = R"({"type": "sell", "taxationType": "osn", "operator": {"name": "Кассир"},
    "items": [{"type": "position", "name": "Молоко", "price": 89.90, "quantity": 2, "amount": 179.80,
               "tax": {"type": "vat10"}},
              {"type": "position", "name": "Хлеб", "price": 45.50, "quantity": 1, "amount": 45.50,
               "tax": {"type": "vat22"}}],
    "payments": [{"type": "electronically", "sum": 100}, {"type": "cash", "sum": 200}]})";

core::Json task(const char* text)
{
    auto json = core::parseJsonExact(text);
    if (!json) {
        throw std::runtime_error(json.error().message);
    }
    return std::move(*json);
}

std::unique_ptr<drivers::emulator::VirtualKkt> openKkt(const test::TempDir& dir, const core::Clock& clock)
{
    drivers::emulator::VirtualKkt::Options options;
    options.statePath = dir / "kkt.db";
    options.clock = &clock;
    auto kkt = drivers::emulator::VirtualKkt::open(options);
    if (!kkt) {
        throw std::runtime_error(kkt.error().message);
    }
    return std::move(*kkt);
}

void runTasks(benchmark::State& state, fiscal::FiscalDevice& device, const core::Json& work, bool openShift)
{
    if (openShift && !device.execute(task(R"({"type": "openShift"})")).ok()) {
        state.SkipWithError("openShift failed");
        return;
    }
    for (auto _ : state) {
        auto result = device.execute(work);
        if (!result.ok()) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
    }
    state.SetItemsProcessed(state.iterations());
}

void inProcess(benchmark::State& state, const char* work, bool openShift)
{
    const test::TempDir dir("sigma-fiscal-bench");
    const core::SystemClock clock;
    auto kkt = openKkt(dir, clock);
    runTasks(state, *kkt, task(work), openShift);
}

void overWebApi(benchmark::State& state, const char* work, bool openShift)
{
    const test::TempDir dir("sigma-fiscal-bench");
    const core::SystemClock clock;
    auto kkt = openKkt(dir, clock);
    drivers::emulator::RequestQueue queue(*kkt);
    net::HttpServer server;
    if (auto started = server.start(drivers::emulator::webApiRouter(queue)); !started) {
        state.SkipWithError(started.error().message.c_str());
        return;
    }
    fiscal::DriverRegistry registry;
    drivers::atol::registerAtolDriver(registry);
    fiscal::DriverContext context;
    context.clock = &clock;
    // The driver's defaults (pollIntervalMs 100): polling backs off from 2 ms, so this is what a
    // terminal configured out of the box gets.
    auto device = registry.create(
        "atol", {{"transport", "webServer"}, {"url", "http://127.0.0.1:" + std::to_string(server.port())}}, context);
    if (!device) {
        state.SkipWithError(device.error().message.c_str());
        return;
    }
    runTasks(state, **device, task(work), openShift);
    server.stop();
    queue.stop();
}

void BM_InProcess_GetDeviceStatus(benchmark::State& state)
{
    inProcess(state, R"({"type": "getDeviceStatus"})", false);
}
void BM_InProcess_Sell(benchmark::State& state)
{
    inProcess(state, kSell, true);
}
void BM_WebApi_GetDeviceStatus(benchmark::State& state)
{
    overWebApi(state, R"({"type": "getDeviceStatus"})", false);
}
void BM_WebApi_Sell(benchmark::State& state)
{
    overWebApi(state, kSell, true);
}

BENCHMARK(BM_InProcess_GetDeviceStatus)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_InProcess_Sell)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_WebApi_GetDeviceStatus)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_WebApi_Sell)->Unit(benchmark::kMicrosecond)->UseRealTime();

} // namespace
