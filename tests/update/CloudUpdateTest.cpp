// The cloud's update channel end to end: publish-update (the real binary), the signed device
// endpoint that offers what is newer, and the file served with Range so a download resumes.

#include "cloud/CloudFixture.h"
#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "support/Process.h"
#include "update/PackageFixture.h"
#include "update/PackageReader.h"
#include "update/TrustStore.h"
#include "update/UpdateClient.h"

namespace sigma::cloud::test {
namespace {

class CloudUpdateTest : public CloudFixture {
protected:
    /// A package signed with the committed test key (trusted by dev builds only).
    std::filesystem::path devPackage(const std::string& version)
    {
        const auto tree = m_dir.path() / ("tree-" + version);
        sigma::test::makeRelease(tree, version);
        const auto keyText = sigma::test::readText(std::string(SIGMA_TEST_DATA_DIR) + "/update/dev-signing-key");
        auto bytes = crypto::fromHex(keyText.substr(0, 64));
        crypto::Ed25519PrivateKey key{};
        std::copy(bytes->begin(), bytes->end(), key.begin());
        return sigma::test::buildPackage(tree, sigma::test::manifestFor(update::Component::Terminal, version), key,
                                         m_dir.path() / ("pkg-" + version + ".tar.gz"));
    }

    sigma::test::ProcessResult publish(const std::filesystem::path& file, const std::string& channel = "stable")
    {
        return sigma::test::runProcess(SIGMA_CLOUD_PATH, {"admin", "publish-update", file.string(), "--channel", channel,
                                                          "--data-dir", m_dir.path().string(), "--db", m_dbUrl});
    }

    update::RequestSigner signer(const Device& device)
    {
        // Ahead of the requests above: the cloud refuses a signature it has seen (replay).
        auto last = std::make_shared<std::int64_t>(std::stoll(nowSeconds()) + 10);
        return [device, last](const std::string& method, const std::string& target, const std::string& body)
                   -> core::Result<net::Headers> {
            const std::string ts = std::to_string(++*last);
            net::Headers headers;
            headers.set("X-Sigma-Device", device.id);
            headers.set("X-Sigma-Timestamp", ts);
            headers.set("X-Sigma-Signature", signDeviceRequest(device.key, method, target, ts, body));
            return headers;
        };
    }
};

TEST_P(CloudUpdateTest, PublishOfferAndResumableDownload)
{
    const auto account = registerAccount("SN-UPD-1", "+79991112233", "upd@example.com");
    const auto package = devPackage("1.1.0");
    const auto published = publish(package);
    if (!update::TrustStore::builtinTrustsDevKey()) {
        // A release build's cloud refuses what its terminals would refuse.
        EXPECT_NE(published.exitCode, 0);
        EXPECT_NE((published.out + published.err).find("does not verify"), std::string::npos);
        return;
    }
    ASSERT_EQ(published.exitCode, 0) << published.out << published.err;
    EXPECT_NE(publish(package).exitCode, 0); // the same version twice on one channel

    // Unsigned: refused like every device endpoint.
    EXPECT_EQ(send("GET", "/api/v1/device/updates?component=terminal&channel=stable").status, 401);
    // Signed: 1.1.0 is newer than 1.0.0, nothing is newer than 1.1.0, another channel has none.
    auto offer = deviceSend(account.device, "GET", "/api/v1/device/updates?component=terminal&channel=stable&current=1.0.0", "");
    ASSERT_EQ(offer.status, 200) << offer.body;
    EXPECT_EQ(json(offer)["update"]["version"], "1.1.0");
    auto none = deviceSend(account.device, "GET", "/api/v1/device/updates?component=terminal&channel=stable&current=1.1.0", "");
    EXPECT_TRUE(json(none)["update"].is_null()) << none.body;
    auto beta = deviceSend(account.device, "GET", "/api/v1/device/updates?component=terminal&channel=beta", "");
    EXPECT_TRUE(json(beta)["update"].is_null()) << beta.body;
    auto bad = deviceSend(account.device, "GET", "/api/v1/device/updates?component=printer", "");
    EXPECT_EQ(bad.status, 400);

    // The client: check, then a download that resumes from a partial file.
    update::UpdateClientOptions options;
    options.baseUrl = url("");
    update::UpdateClient client(options, signer(account.device));
    auto check = client.check(update::Component::Terminal, "stable", *update::Version::parse("1.0.0"));
    ASSERT_TRUE(check.ok()) << check.error().message;
    ASSERT_TRUE(check->has_value());
    const auto bytes = sigma::test::readText(package);
    const auto target = m_dir.path() / "download.tar.gz";
    sigma::test::writeText(target.string() + ".part", bytes.substr(0, bytes.size() / 3));
    auto downloaded = client.download(**check, target);
    ASSERT_TRUE(downloaded.ok()) << downloaded.error().message;
    EXPECT_EQ(sigma::test::readText(target), bytes);
    EXPECT_TRUE(update::PackageReader::verify(target, update::TrustStore::builtin()).ok());

    // Range edge cases on the file endpoint.
    const std::string file = json(offer)["update"]["url"];
    EXPECT_EQ(send("GET", file).status, 401); // the file needs the device signature too
    const auto ranged = [&](const std::string& range, int ahead) {
        const std::string ts = std::to_string(std::stoll(nowSeconds()) + ahead);
        return send("GET", file, {}, {},
                    {{"X-Sigma-Device", account.device.id},
                     {"X-Sigma-Timestamp", ts},
                     {"X-Sigma-Signature", signDeviceRequest(account.device.key, "GET", file, ts, "")},
                     {"Range", range}},
                    false);
    };
    auto part = ranged("bytes=100-", 100);
    ASSERT_EQ(part.status, 206) << part.body;
    EXPECT_EQ(part.body, bytes.substr(100));
    EXPECT_EQ(part.headers.get("Content-Range"),
              "bytes 100-" + std::to_string(bytes.size() - 1) + "/" + std::to_string(bytes.size()));
    auto middle = ranged("bytes=10-19", 101);
    EXPECT_EQ(middle.status, 206);
    EXPECT_EQ(middle.body, bytes.substr(10, 10));
    EXPECT_EQ(ranged("bytes=" + std::to_string(bytes.size()) + "-", 102).status, 416);
    EXPECT_EQ(ranged("bytes=5-2", 103).status, 416);
    EXPECT_EQ(ranged("items=0-", 104).status, 416);
    auto unknown = deviceSend(account.device, "GET", "/api/v1/device/updates/0000/file", "");
    EXPECT_EQ(unknown.status, 404);

    // A tampered package is never published.
    std::string tampered = bytes;
    tampered[tampered.size() / 2] = static_cast<char>(tampered[tampered.size() / 2] ^ 1);
    sigma::test::writeText(m_dir.path() / "tampered.tar.gz", tampered);
    const auto refused = publish(m_dir.path() / "tampered.tar.gz", "beta");
    EXPECT_NE(refused.exitCode, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudUpdateTest, ::testing::Values(std::string("sqlite")), backendName);

} // namespace
} // namespace sigma::cloud::test
