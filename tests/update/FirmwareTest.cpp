// Register firmware: the emulator flashes a signed kkt-firmware package into its inactive slot,
// refuses during a shift, and a kill mid-flash leaves the old firmware running.

#include "core/ErrorCodes.h"
#include "drivers/BuiltinDrivers.h"
#include "drivers/emulator/VirtualKkt.h"
#include "fiscal/DriverRegistry.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"
#include "update/FirmwareUpdater.h"
#include "update/PackageFixture.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace sigma::update {
namespace {

using drivers::emulator::VirtualKkt;

class FirmwareTest : public ::testing::Test {
protected:
    std::unique_ptr<VirtualKkt> openKkt()
    {
        VirtualKkt::Options options;
        options.statePath = m_dir / "kkt.db";
        options.clock = &m_clock;
        auto kkt = VirtualKkt::open(options);
        EXPECT_TRUE(kkt.ok());
        return std::move(*kkt);
    }

    std::filesystem::path firmwarePackage(const std::string& version, std::size_t bytes = 300 * 1024)
    {
        std::string image(bytes, '\0');
        for (std::size_t i = 0; i < image.size(); ++i) {
            image[i] = static_cast<char>((i * 131 + version.size()) & 0xff);
        }
        test::writeText(m_dir / ("fw-" + version) / "firmware.bin", image);
        return test::buildPackage(m_dir / ("fw-" + version), test::manifestFor(Component::KktFirmware, version, "5.0.0"),
                                  m_key.privateKey, m_dir / ("fw-" + version + ".tar.gz"));
    }

    std::string reportedVersion(VirtualKkt& kkt)
    {
        auto info = kkt.execute(core::Json{{"type", "getDeviceInfo"}});
        EXPECT_TRUE(info.ok());
        return info.ok() ? (*info)["deviceInfo"]["firmwareVersion"].get<std::string>() : std::string();
    }

    core::Status shift(VirtualKkt& kkt, const char* type)
    {
        auto result = kkt.execute(core::Json{{"type", type}, {"operator", {{"name", "Техник"}}}});
        return result.ok() ? core::ok() : core::Status(result.error());
    }

    test::TempDir m_dir{"sigma-firmware"};
    test::ManualClock m_clock;
    crypto::Ed25519KeyPair m_key = crypto::generateEd25519KeyPair();
    TrustStore m_trust{{m_key.publicKey}};
};

TEST_F(FirmwareTest, DriversDeclareTheCapability)
{
    fiscal::DriverRegistry registry;
    drivers::registerBuiltinDrivers(registry);
    ASSERT_NE(registry.find("emulator"), nullptr);
    EXPECT_TRUE(registry.find("emulator")->capabilities.firmwareUpdate);
    EXPECT_EQ((*registry.describe("emulator"))["capabilities"]["firmwareUpdate"], true);
    if (const auto* atol = registry.find("atol")) {
        EXPECT_FALSE(atol->capabilities.firmwareUpdate); // ATOL's own tool flashes real registers
    }
}

TEST_F(FirmwareTest, FlashesWhenNoShiftIsOpen)
{
    auto kkt = openKkt();
    EXPECT_EQ(reportedVersion(*kkt), "5.8.100");
    const auto pkg = firmwarePackage("5.9.0");

    ASSERT_TRUE(shift(*kkt, "openShift").ok());
    auto refused = FirmwareUpdater::flash(pkg, m_trust, *kkt, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kFirmwareFlashRefused);
    EXPECT_EQ(reportedVersion(*kkt), "5.8.100");
    ASSERT_TRUE(shift(*kkt, "closeShift").ok());

    std::uint64_t lastDone = 0;
    std::uint64_t flashTotal = 0;
    auto flashed = FirmwareUpdater::flash(pkg, m_trust, *kkt, false, [&](const Progress& p) {
        if (p.stage == Stage::Flash) {
            EXPECT_GT(p.done, lastDone);
            lastDone = p.done;
            flashTotal = p.total;
        }
    });
    ASSERT_TRUE(flashed.ok()) << flashed.error().message;
    EXPECT_EQ(flashed->previousVersion, "5.8.100");
    EXPECT_EQ(flashTotal, 300u * 1024);
    EXPECT_EQ(lastDone, flashTotal);
    EXPECT_EQ(reportedVersion(*kkt), "5.9.0");
    EXPECT_EQ(reportedVersion(*openKkt()), "5.9.0"); // persisted

    // Not again, not older, not without the right key, not a terminal package.
    EXPECT_EQ(FirmwareUpdater::flash(pkg, m_trust, *kkt, false).error().code, core::errc::kUpdateDowngrade);
    EXPECT_EQ(FirmwareUpdater::flash(firmwarePackage("5.8.200"), m_trust, *kkt, false).error().code,
              core::errc::kUpdateDowngrade);
    const auto other = crypto::generateEd25519KeyPair();
    EXPECT_EQ(FirmwareUpdater::flash(firmwarePackage("6.0.0"), TrustStore({other.publicKey}), *kkt, false).error().code,
              core::errc::kPackageBadSignature);
    test::makeRelease(m_dir / "tree", "7.0.0");
    const auto terminal = test::buildPackage(m_dir / "tree", test::manifestFor(Component::Terminal, "7.0.0"),
                                             m_key.privateKey, m_dir / "terminal.tar.gz");
    EXPECT_EQ(FirmwareUpdater::flash(terminal, m_trust, *kkt, false).error().code, core::errc::kUpdateWrongComponent);
    EXPECT_EQ(reportedVersion(*kkt), "5.9.0");

    // A corrupted image is caught by the register's read-back too, before the switch.
    fiscal::FirmwareImage bad;
    bad.version = "9.9.9";
    bad.bytes = "abc";
    EXPECT_EQ(kkt->flashFirmware(bad, {}).error().code, core::errc::kPackageFileMismatch);
}

TEST_F(FirmwareTest, AKillMidFlashLeavesTheOldFirmwareWorking)
{
    const auto pkg = firmwarePackage("5.9.0", 5 * VirtualKkt::kFirmwareChunkBytes + 100);
    for (int killAt = 1; killAt <= 6; ++killAt) { // 6 parts: the last kill is after all, before the switch
        const pid_t pid = ::fork();
        if (pid == 0) {
            auto kkt = openKkt();
            int parts = 0;
            auto result = FirmwareUpdater::flash(pkg, m_trust, *kkt, false, [&](const Progress& p) {
                if (p.stage == Stage::Flash && ++parts == killAt) {
                    ::raise(SIGKILL);
                }
            });
            ::_exit(result.ok() ? 0 : 2);
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << killAt;

        auto kkt = openKkt();
        EXPECT_EQ(reportedVersion(*kkt), "5.8.100") << killAt;
        // The register still works: a shift opens and closes.
        ASSERT_TRUE(shift(*kkt, "openShift").ok()) << killAt;
        ASSERT_TRUE(shift(*kkt, "closeShift").ok()) << killAt;
    }
    auto kkt = openKkt();
    auto flashed = FirmwareUpdater::flash(pkg, m_trust, *kkt, false);
    ASSERT_TRUE(flashed.ok()) << flashed.error().message;
    EXPECT_EQ(reportedVersion(*kkt), "5.9.0");
}

} // namespace
} // namespace sigma::update
