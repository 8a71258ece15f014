// TLS to the cloud: the certificate is always verified; a CA bundle can be given instead of the
// system store. The server's certificate is made here with OpenSSL (self-signed, for 127.0.0.1).
// In-process on purpose: what is under test is the client's verification, on a bare
// net::HttpServer (the same TLS layer sigma-cloud serves with) that answers one scripted route.

#include "core/ErrorCodes.h"
#include "mock/SeededRandom.h"
#include "net/HttpServer.h"
#include "net/Router.h"
#include "store/Journal.h"
#include "support/TempDir.h"
#include "sync/SyncEngine.h"
#include "sync/SyncStateRepository.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sigma::sync::test {
namespace {

/// Writes a self-signed certificate for IP 127.0.0.1 and its key as PEM files.
bool makeCertificate(const std::filesystem::path& certFile, const std::filesystem::path& keyFile)
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"),
                                                            &EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
    if (!key || !cert) {
        return false;
    }
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1,
                               0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] :
         {std::pair{NID_subject_alt_name, "IP:127.0.0.1"}, std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
        X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
        if (ext == nullptr) {
            return false;
        }
        X509_add_ext(cert.get(), ext, -1);
        X509_EXTENSION_free(ext);
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        return false;
    }
    FILE* certOut = std::fopen(certFile.c_str(), "wb");
    FILE* keyOut = std::fopen(keyFile.c_str(), "wb");
    const bool ok = certOut != nullptr && keyOut != nullptr && PEM_write_X509(certOut, cert.get()) == 1 &&
                    PEM_write_PrivateKey(keyOut, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    if (certOut != nullptr) {
        std::fclose(certOut);
    }
    if (keyOut != nullptr) {
        std::fclose(keyOut);
    }
    return ok;
}

TEST(SyncTls, TheCertificateIsVerifiedAgainstTheConfiguredBundle)
{
    sigma::test::TempDir dir{"sigma-sync-tls"};
    ASSERT_TRUE(makeCertificate(dir / "cert.pem", dir / "key.pem"));
    net::HttpServerOptions options;
    options.tlsCertificateFile = (dir / "cert.pem").string();
    options.tlsPrivateKeyFile = (dir / "key.pem").string();
    net::HttpServer server(options);
    net::Router router;
    router.add("POST", "/api/v1/device/events", [](net::HttpRequest&) {
        return net::HttpResponse::json(200, core::Json{{"ackedSeq", 1}});
    });
    router.add("GET", "/api/v1/device/changes", [](net::HttpRequest&) {
        return net::HttpResponse::json(200,
                                       core::Json{{"changes", core::Json::array()}, {"cursor", 0}, {"more", false}});
    });
    auto started = server.start(std::move(router));
    ASSERT_TRUE(started.ok()) << started.error().message;

    core::SystemClock clock;
    sigma::test::SeededRandom random{1};
    auto database = store::TerminalDatabase::open(dir / "terminal.db", store::TerminalDatabase::Access::Writer, "test");
    ASSERT_TRUE(database.ok());
    SyncStateRepository states(**database);
    ASSERT_TRUE(
        states.saveRegistrationStart("https://127.0.0.1:" + std::to_string(server.port()), "r", "s", "trade").ok());
    ASSERT_TRUE(states.saveActivation("device", "key", 1).ok());
    store::Journal journal(**database, clock, random);
    ASSERT_TRUE((*database)
                    ->transaction([&]() -> core::Status {
                        SIGMA_TRY(journal.append("cash.in", core::Json{{"sum", 100}}));
                        return core::ok();
                    })
                    .ok());

    // The system store does not know our certificate: refused, nothing acknowledged.
    SyncEngine untrusted(**database, {}, clock, random);
    auto refused = untrusted.syncOnce();
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kSyncNoConnection) << refused.error().message;
    EXPECT_EQ(journal.outbox().value().ackedSeq, 0);

    SyncEngineOptions trusting;
    trusting.client.caBundlePath = (dir / "cert.pem").string();
    SyncEngine trusted(**database, trusting, clock, random);
    auto report = trusted.syncOnce();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(journal.outbox().value().ackedSeq, 1);
}

} // namespace
} // namespace sigma::sync::test
