// The cloud's update channel end to end: publish-update (the real binary), the signed device
// endpoint that offers what is newer, and the file served with Range so a download resumes.

#include "cloud/CloudFixture.h"
#include "core/ErrorCodes.h"
#include "mock/ManualClock.h"
#include "crypto/Hex.h"
#include "support/Process.h"
#include "sync/DeviceSigner.h"
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

    /// The terminal's signer (sync::DeviceSigner) over `clock`.
    static update::RequestSigner signer(const Device& device, const core::Clock& clock)
    {
        sync::DeviceSigner deviceSigner(sync::DeviceCredentials{device.id, device.key}, clock);
        return [deviceSigner](const std::string& method, const std::string& target, const std::string& body,
                               std::int64_t offset) -> core::Result<net::Headers> {
            return deviceSigner.headers(method, target, body, offset);
        };
    }

    update::UpdateClient client(const Device& device, const core::Clock& clock)
    {
        update::UpdateClientOptions options;
        options.baseUrl = url("");
        return update::UpdateClient(options, signer(device, clock));
    }

    OffsetClock m_terminalClock; ///< the terminal's own clock, apart from the cloud's
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

    // The client: check, then a download that resumes from a partial file. Its clock runs ahead
    // of the requests above, which the cloud would otherwise refuse as replays.
    m_terminalClock.advance(std::chrono::seconds(10));
    auto client = this->client(account.device, m_terminalClock);
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

TEST_P(CloudUpdateTest, ATerminalClockHoursOffIsCorrectedOnce)
{
    const auto account = registerAccount("SN-UPD-2", "+79991112244", "skew@example.com");
    if (!update::TrustStore::builtinTrustsDevKey()) {
        GTEST_SKIP() << "a release-keyed build publishes no dev-signed package";
    }
    const auto package = devPackage("1.2.0");
    ASSERT_EQ(publish(package).exitCode, 0);
    const auto now = std::chrono::system_clock::now();
    for (const auto off : {std::chrono::hours(-5), std::chrono::hours(3)}) {
        SCOPED_TRACE("terminal clock off by " + std::to_string(off.count()) + " h");
        sigma::test::ManualClock terminal(std::chrono::time_point_cast<core::Clock::TimePoint::duration>(now + off));
        auto updates = client(account.device, terminal);
        auto check = updates.check(update::Component::Terminal, "stable", *update::Version::parse("1.0.0"));
        ASSERT_TRUE(check.ok()) << check.error().message;
        ASSERT_TRUE(check->has_value());
        EXPECT_EQ((*check)->version.toString(), "1.2.0");
        // The offset learnt is the clock's error (to a few seconds of test time).
        EXPECT_NEAR(static_cast<double>(updates.clockOffsetSec()),
                    static_cast<double>(-std::chrono::duration_cast<std::chrono::seconds>(off).count()), 30.0);
        // Later requests of the client are signed right at once: the download needs no correction.
        const auto target = m_dir.path() / ("skew-" + std::to_string(off.count()) + ".tar.gz");
        ASSERT_TRUE(updates.download(**check, target).ok());
        EXPECT_EQ(sigma::test::readText(target), sigma::test::readText(package));
    }

    // Two clients on a stopped clock sign the same request alike: the second is refused as a
    // replay once, then signed for the next second (a technician tapping «Проверить» twice).
    sigma::test::ManualClock stopped(std::chrono::time_point_cast<core::Clock::TimePoint::duration>(now));
    for (int i = 0; i < 2; ++i) {
        auto again = client(account.device, stopped).check(update::Component::Terminal, "stable", std::nullopt);
        ASSERT_TRUE(again.ok()) << i << ": " << again.error().message;
    }

    // A refusal that is not about the clock is not retried and is named: an unknown device.
    Device stranger{account.device.id, std::string(account.device.key.size(), 'f')};
    auto refused = client(stranger, m_terminalClock).check(update::Component::Terminal, "stable", std::nullopt);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kSyncAuthFailed) << refused.error().message;
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudUpdateTest, ::testing::Values(std::string("sqlite")), backendName);

} // namespace
} // namespace sigma::cloud::test
