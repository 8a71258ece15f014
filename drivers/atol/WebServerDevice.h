#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "crypto/OsRandom.h"
#include "fiscal/FiscalDevice.h"
#include "net/HttpClient.h"

#include <string>

namespace sigma::drivers::atol {

/// A register behind ATOL's web server (or sigma-kkt-emulator): each task is POSTed to
/// /api/v2/requests under a fresh UUID v7, then GET /api/v2/requests/{uuid} is polled until the
/// task is done.
///
/// Polling starts at once and backs off (2, 4, 8 ... ms) up to pollIntervalMs, so a quick task is
/// answered in milliseconds while a long print does not flood the server. Not being able to ask
/// (connection refused, timeout, the request forgotten by a restarted server) is kNoConnection:
/// the task may or may not have run, which is exactly what recovery must check.
class WebServerDevice final : public fiscal::FiscalDevice {
public:
    struct Options {
        std::string url = "http://127.0.0.1:16732"; ///< the server's base URL
        int pollIntervalMs = 100;
        int timeoutMs = 30000; ///< for one task, from POST to the result
        const core::Clock* clock = nullptr; ///< for the UUIDs; required
    };

    explicit WebServerDevice(Options options);

    core::Result<core::Json> execute(const core::Json& task) override;
    std::string_view driverId() const override { return "atol"; }

private:
    core::Result<core::Json> run(const core::Json& task);
    /// One result entry of GET .../{uuid}, or nullopt while the task is still waiting or running.
    core::Result<std::optional<core::Json>> poll(const std::string& uuid, int remainingMs);

    Options m_options;
    crypto::OsRandom m_random;
    net::HttpClient m_http;
};

} // namespace sigma::drivers::atol
