// sigma-kkt-emulator: the virtual ATOL register (VirtualKkt over a kkt.db) behind ATOL's web-server
// API, so that anything written for ATOL's web server (and our atol driver's webServer transport)
// can be run without hardware. See docs/fiscal-notes.md, "Three ways to reach the emulator".

#include "core/Clock.h"
#include "drivers/emulator/VirtualKkt.h"
#include "drivers/emulator/server/RequestQueue.h"
#include "drivers/emulator/server/WebApi.h"
#include "net/HttpServer.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <pthread.h>
#include <string>

namespace {

struct ListenAddress {
    std::string host;
    std::uint16_t port = 0;
};

// "127.0.0.1:16732", "0.0.0.0:0", "[::1]:8080", "localhost:16732".
std::optional<ListenAddress> parseListen(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return std::nullopt;
    }
    ListenAddress address;
    address.host = text.substr(0, colon);
    if (address.host.front() == '[') {
        if (address.host.size() < 3 || address.host.back() != ']') {
            return std::nullopt;
        }
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    const std::string port = text.substr(colon + 1);
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    const unsigned long value = std::stoul(port);
    if (value > 65535) {
        return std::nullopt;
    }
    address.port = static_cast<std::uint16_t>(value);
    return address;
}

std::string urlHost(const std::string& host)
{
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

int run(const std::string& listen, const std::string& statePath, int utcOffsetMinutes)
{
    using namespace sigma;
    const auto address = parseListen(listen);
    if (!address) {
        std::cerr << "sigma-kkt-emulator: --listen must be HOST:PORT, got '" << listen << "'" << std::endl;
        return 2;
    }

    // SIGINT and SIGTERM are taken by sigwait() below. They are blocked before any thread starts,
    // so every thread inherits the mask and the signal cannot land in an I/O or worker thread.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    const core::SystemClock clock;
    drivers::emulator::VirtualKkt::Options options;
    options.statePath = statePath;
    options.clock = &clock;
    options.utcOffsetMinutes = utcOffsetMinutes;
    auto kkt = drivers::emulator::VirtualKkt::open(options);
    if (!kkt) {
        std::cerr << "sigma-kkt-emulator: " << kkt.error().message << std::endl;
        return 1;
    }

    drivers::emulator::RequestQueue queue(**kkt);
    net::HttpServerOptions serverOptions;
    serverOptions.host = address->host;
    serverOptions.port = address->port;
    net::HttpServer server(serverOptions);
    if (auto started = server.start(drivers::emulator::webApiRouter(queue)); !started) {
        std::cerr << "sigma-kkt-emulator: cannot listen on " << listen << ": " << started.error().message << std::endl;
        return 1;
    }
    // Scripts and tests wait for this line; with port 0 it is the only way to learn the port.
    std::cout << "listening on http://" << urlHost(address->host) << ":" << server.port() << std::endl;

    int signal = 0;
    sigwait(&stopSignals, &signal);
    std::cerr << "sigma-kkt-emulator: signal " << signal << ", shutting down" << std::endl;
    server.stop(); // first: no new requests, the ones in flight are answered
    queue.stop();  // then: the tasks already accepted are executed
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"sigma-kkt-emulator: a virtual ATOL register behind ATOL's web-server API", "sigma-kkt-emulator"};
    std::string listen = "127.0.0.1:16732";
    std::string statePath = "./kkt.db";
    int utcOffsetMinutes = 180;
    app.add_option("--listen", listen, "HOST:PORT to listen on; port 0 takes a free port (printed on start)")
        ->capture_default_str();
    app.add_option("--state", statePath, "The register's state file (created on first use)")->capture_default_str();
    app.add_option("--utc-offset-minutes", utcOffsetMinutes, "The register's local time, minutes from UTC")
        ->check(CLI::Range(-720, 840))
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        return run(listen, statePath, utcOffsetMinutes);
    } catch (const std::exception& e) {
        std::cerr << "sigma-kkt-emulator: internal error: " << e.what() << std::endl;
        return 1;
    }
}
