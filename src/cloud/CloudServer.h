#pragma once

#include "cloud/CloudConfig.h"
#include "core/Clock.h"
#include "core/RandomSource.h"
#include "core/Result.h"

#include <cstdint>
#include <memory>

namespace sigma::cloud {

class CloudDatabase;
class Notifier;

/// The whole sigma-cloud server: services, controllers, static cabinet files, access log, on one
/// net::HttpServer. Tests start it in-process on port 0.
class CloudServer {
public:
    /// `notifier` null: the file/SMTP/gateway notifier the config describes.
    CloudServer(CloudConfig config, std::unique_ptr<CloudDatabase> database, const core::Clock& clock,
                core::RandomSource& random, std::unique_ptr<Notifier> notifier = nullptr);
    ~CloudServer();
    CloudServer(const CloudServer&) = delete;
    CloudServer& operator=(const CloudServer&) = delete;

    [[nodiscard]] core::Status start();
    [[nodiscard]] std::uint16_t port() const;
    /// Graceful: finishes requests in flight.
    void stop();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sigma::cloud
