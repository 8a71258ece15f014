#pragma once

#include "net/HttpClient.h"
#include "net/HttpServer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace sigma::test {

/// A real HttpServer on an ephemeral loopback port, and requests aimed at it.
class TestServer {
public:
    /// Starts the server; a failure is a fatal test failure (check with ASSERT_NO_FATAL_FAILURE).
    void start(net::Router router, net::HttpServerOptions options = {})
    {
        m_server = std::make_unique<net::HttpServer>(std::move(options));
        const auto status = m_server->start(std::move(router));
        ASSERT_TRUE(status.ok()) << status.error().message;
        ASSERT_NE(m_server->port(), 0);
    }

    [[nodiscard]] net::HttpServer& server() { return *m_server; }
    [[nodiscard]] std::uint16_t port() const { return m_server->port(); }

    [[nodiscard]] std::string url(const std::string& target) const
    {
        return "http://127.0.0.1:" + std::to_string(m_server->port()) + target;
    }

    [[nodiscard]] net::HttpClientRequest request(const std::string& method, const std::string& target,
                                                 std::string body = {}) const
    {
        net::HttpClientRequest request;
        request.method = method;
        request.url = url(target);
        request.body = std::move(body);
        return request;
    }

private:
    std::unique_ptr<net::HttpServer> m_server;
};

} // namespace sigma::test
