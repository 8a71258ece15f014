// sigma-cloud: the cloud server (serve) and platform administration (admin ...). See docs/cloud.md.

#include "cloud/AuthService.h"
#include "cloud/CloudConfig.h"
#include "cloud/CloudDatabase.h"
#include "cloud/CloudServer.h"
#include "cloud/Notifier.h"
#include "cloud/ServiceContext.h"
#include "cloud/UpdateService.h"
#include "core/Clock.h"
#include "crypto/OsRandom.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>

namespace {

using sigma::cloud::CloudConfig;

int fail(const sigma::core::Error& error)
{
    std::cerr << "sigma-cloud: " << error.message;
    if (!error.field.empty()) {
        std::cerr << " (" << error.field << ")";
    }
    std::cerr << "\n";
    return 1;
}

bool parseListen(const std::string& listen, CloudConfig& config)
{
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        return false;
    }
    try {
        const int port = std::stoi(listen.substr(colon + 1));
        if (port < 0 || port > 65535) {
            return false;
        }
        config.host = listen.substr(0, colon);
        config.port = static_cast<std::uint16_t>(port);
    } catch (const std::exception&) {
        return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    CloudConfig config;
    std::string listen = "127.0.0.1:8080";
    std::string webRoot;
    std::string accessLog;
    std::string tlsCert;
    std::string tlsKey;
    bool publicUrlGiven = false;

    CLI::App app{"sigma-cloud: Sigma POS cloud server", "sigma-cloud"};
    app.require_subcommand(1);
    auto addCommon = [&](CLI::App* command) {
        command->add_option("--data-dir", config.dataDir, "Data directory (database, outbox)");
        command->add_option("--db", config.dbUrl,
                            "Database URL: sqlite:PATH or postgresql://... (default sqlite:DIR/cloud.db)");
        command->add_option("--argon2-memory-kib", config.argon2.memoryKiB, "Argon2id memory cost");
        command->add_option("--argon2-time-cost", config.argon2.timeCost, "Argon2id passes");
        command->add_option("--argon2-parallelism", config.argon2.parallelism, "Argon2id lanes");
    };

    auto* serve = app.add_subcommand("serve", "Run the HTTP server");
    addCommon(serve);
    serve->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080)");
    serve->add_option("--public-url", config.publicUrl, "The URL users reach the server at (links, Origin check)")
        ->each([&](const std::string&) { publicUrlGiven = true; });
    serve->add_option("--web-root", webRoot, "The built cabinet (default web/dist when it exists)");
    serve->add_option("--access-log", accessLog, "Access log file (default stderr)");
    serve->add_option("--sms-gateway", config.smsGatewayUrl, "SMS gateway URL template with {to} and {text}");
    serve->add_option("--smtp-url", config.smtpUrl, "SMTP server, e.g. smtp://127.0.0.1:2525");
    serve->add_option("--mail-from", config.mailFrom, "Sender address of e-mails");
    serve->add_option("--max-body-bytes", config.maxBodyBytes, "Request body limit (413 above)");
    serve->add_option("--max-import-bytes", config.maxImportBytes, "Catalog CSV import body limit (413 above)");
    serve->add_option("--threads", config.threads, "I/O threads");
    serve->add_option("--tls-cert", tlsCert, "TLS certificate chain (PEM); with --tls-key: HTTPS");
    serve->add_option("--tls-key", tlsKey, "TLS private key (PEM)");
    serve->add_option("--db-pool", config.dbPoolSize, "Database connections (default 4)");

    auto* admin = app.add_subcommand("admin", "Platform administration");
    admin->require_subcommand(1);
    std::string sellerCode;
    std::string sellerName;
    std::string serial;
    auto* createSeller = admin->add_subcommand("create-seller", "Register a seller (partner)");
    addCommon(createSeller);
    createSeller->add_option("--code", sellerCode, "Seller code")->required();
    createSeller->add_option("--name", sellerName, "Seller name")->required();
    auto* issuePin = admin->add_subcommand("issue-pin", "Issue a 6-digit activation PIN for a device");
    addCommon(issuePin);
    issuePin->add_option("--serial", serial, "Device serial number")->required();
    issuePin->add_option("--seller", sellerCode, "Seller code")->required();
    auto* revokeDevice = admin->add_subcommand("revoke-device", "Revoke a device's credentials");
    addCommon(revokeDevice);
    revokeDevice->add_option("--serial", serial, "Device serial number")->required();
    std::string updateFile;
    std::string updateChannel = "stable";
    auto* publishUpdate = admin->add_subcommand("publish-update", "Verify and publish a signed update package");
    addCommon(publishUpdate);
    publishUpdate->add_option("file", updateFile, "Package file (sigmactl package sign)")->required();
    publishUpdate->add_option("--channel", updateChannel, "Release channel (default stable)");

    CLI11_PARSE(app, argc, argv);

    if (config.dbUrl.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(config.dataDir, ec);
        config.dbUrl = sigma::cloud::defaultDatabaseUrl(config.dataDir);
    }

    sigma::core::SystemClock clock;
    sigma::crypto::OsRandom random;
    // Administration runs one command: one connection is enough.
    auto database = sigma::cloud::CloudDatabase::open(config.dbUrl, admin->parsed() ? 1 : config.dbPoolSize);
    if (!database) {
        return fail(database.error());
    }

    if (admin->parsed()) {
        sigma::cloud::OutboxNotifier notifier(config.dataDir, config);
        sigma::cloud::ServiceContext context{**database, clock, random, notifier, config};
        sigma::cloud::AuthService auth(context);
        if (createSeller->parsed()) {
            if (auto status = auth.createSeller(sellerCode, sellerName); !status) {
                return fail(status.error());
            }
            std::cout << "seller " << sellerCode << " created\n";
        } else if (issuePin->parsed()) {
            auto pin = auth.issuePin(serial, sellerCode);
            if (!pin) {
                return fail(pin.error());
            }
            std::cout << *pin << "\n";
        } else if (revokeDevice->parsed()) {
            if (auto status = auth.revokeDevice(serial); !status) {
                return fail(status.error());
            }
            std::cout << "device " << serial << " revoked\n";
        } else if (publishUpdate->parsed()) {
            auto published = sigma::cloud::UpdateService(context).publish(updateFile, updateChannel);
            if (!published) {
                return fail(published.error());
            }
            std::cout << published->dump(2) << "\n";
        }
        return 0;
    }

    if (tlsCert.empty() != tlsKey.empty()) {
        return fail(
            sigma::core::Error(1001, "--tls-cert and --tls-key go together", tlsCert.empty() ? "tls-cert" : "tls-key"));
    }
    if (!tlsCert.empty()) {
        config.tlsCertFile = tlsCert;
        config.tlsKeyFile = tlsKey;
    }
    const std::string scheme = tlsCert.empty() ? "http://" : "https://";
    if (!parseListen(listen, config)) {
        return fail(sigma::core::Error(1001, "--listen is HOST:PORT", "listen"));
    }
    if (!publicUrlGiven) {
        config.publicUrl = scheme + config.host + ":" + std::to_string(config.port);
    }
    config.secureCookies = config.publicUrl.rfind("https://", 0) == 0;
    if (!webRoot.empty()) {
        config.webRoot = webRoot;
    } else if (std::filesystem::is_directory("web/dist")) {
        config.webRoot = std::filesystem::path("web/dist");
    }
    if (!accessLog.empty()) {
        config.accessLogPath = accessLog;
    }

    // Block the stop signals before the server's threads start, so they inherit the mask and only
    // sigwait below sees them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    sigma::cloud::CloudServer server(config, std::move(database).value(), clock, random);
    if (auto status = server.start(); !status) {
        return fail(status.error());
    }
    std::cerr << "sigma-cloud: listening on " << scheme << config.host << ":" << server.port() << " (public "
              << config.publicUrl << ")" << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "sigma-cloud: stopping (signal " << received << ")" << std::endl;
    server.stop();
    return 0;
}
