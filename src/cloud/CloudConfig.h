#pragma once

#include "crypto/PasswordHasher.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace sigma::cloud {

/// Everything `sigma-cloud serve` can be told; defaults suit a local run.
struct CloudConfig {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::filesystem::path dataDir = "var/cloud";
    std::string dbUrl; ///< empty: sqlite:<dataDir>/cloud.db
    std::string publicUrl = "http://127.0.0.1:8080";
    std::optional<std::filesystem::path> webRoot;
    std::optional<std::filesystem::path> accessLogPath; ///< empty: stderr
    crypto::Argon2Cost argon2;
    std::string smsGatewayUrl; ///< template with {to} and {text}; empty: file sink
    std::string smtpUrl;       ///< smtp://host:port; empty: file sink
    std::string mailFrom = "noreply@sigma.local";
    std::size_t maxBodyBytes = 1 << 20;
    /// The catalog import's own body limit (POST /api/v1/products/import): 100 000 CSV lines.
    std::size_t maxImportBytes = 32u << 20;
    int threads = 4;
    std::size_t dbPoolSize = 4;                       ///< database connections the server leases to requests
    std::optional<std::filesystem::path> tlsCertFile; ///< PEM chain; with tlsKeyFile: HTTPS
    std::optional<std::filesystem::path> tlsKeyFile;
    bool secureCookies = false;
    bool accessLog = true;
    // Limits and lifetimes.
    int loginFailureLimit = 10;
    std::int64_t loginWindowSec = 900;
    int smsPerPhoneLimit = 5;
    std::int64_t smsWindowSec = 3600;
    int codeAttemptLimit = 5;
    std::int64_t smsCodeTtlSec = 600;
    std::int64_t tokenTtlSec = 86400;
    std::int64_t inviteTtlSec = 72 * 3600; ///< a cabinet invitation's set-password link
    int invitesPerAccountLimit = 30;       ///< invitations and resends per account per inviteWindowSec
    int invitesPerLoginLimit = 5;          ///< ... and per invited e-mail or phone
    std::int64_t inviteWindowSec = 3600;
    std::int64_t sessionTtlSec = 7 * 86400;
    std::int64_t signatureWindowSec = 300;
};

} // namespace sigma::cloud
