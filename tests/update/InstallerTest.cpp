// Side-by-side install, the atomic switch, rollback, key rotation, and a kill at any moment of an
// install leaving a consistent, working state.

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "support/TempDir.h"
#include "update/Installer.h"
#include "update/PackageFixture.h"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace sigma::update {
namespace {

class InstallerTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_key = crypto::generateEd25519KeyPair();
        for (const std::string v : {"1.0.0", "1.1.0", "1.2.0", "2.0.0"}) {
            test::makeRelease(m_dir / ("tree-" + v), v);
        }
    }

    std::filesystem::path package(const std::string& version, const std::string& minVersion = "0.0.0",
                                  Component component = Component::Terminal)
    {
        return test::buildPackage(m_dir / ("tree-" + version), test::manifestFor(component, version, minVersion),
                                  m_key.privateKey, m_dir / ("pkg-" + version + ".tar.gz"));
    }

    Installer installer() { return Installer(m_dir / "root", TrustStore({m_key.publicKey}), m_clock); }

    std::string current()
    {
        auto v = installer().currentVersion();
        return v.ok() && v->has_value() ? (*v)->toString() : std::string();
    }

    /// The release `current` points at holds exactly its manifest's files with their hashes.
    void expectCurrentComplete()
    {
        const auto dir = m_dir / "root" / "current";
        const auto manifest = Manifest::parse(test::readText(dir / ".manifest.json"));
        ASSERT_TRUE(manifest.ok());
        for (const auto& f : manifest->files) {
            EXPECT_EQ(crypto::sha256(test::readText(dir / f.path)), f.sha256) << f.path;
        }
        EXPECT_EQ(test::readText(dir / "share/version.txt"), current() + "\n");
    }

    test::TempDir m_dir{"sigma-install"};
    test::FixedClock m_clock;
    crypto::Ed25519KeyPair m_key;
};

TEST_F(InstallerTest, InstallsSideBySideAndSwitches)
{
    auto inst = installer();
    auto first = inst.install(package("1.0.0"), {});
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(current(), "1.0.0");
    EXPECT_FALSE(first->previous.has_value());
    expectCurrentComplete();
    EXPECT_TRUE(std::filesystem::is_symlink(m_dir / "root/current"));
    EXPECT_EQ(std::filesystem::read_symlink(m_dir / "root/current"), "releases/1.0.0");
    EXPECT_EQ(std::filesystem::status(m_dir / "root/current/bin/app").permissions() & std::filesystem::perms::owner_exec,
              std::filesystem::perms::owner_exec);

    auto second = inst.install(package("1.1.0", "1.0.0"), {});
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(current(), "1.1.0");
    EXPECT_EQ(second->previous, "1.0.0");
    expectCurrentComplete();
    EXPECT_TRUE(std::filesystem::exists(m_dir / "root/releases/1.0.0/bin/app")); // previous kept

    const auto status = *inst.status();
    EXPECT_EQ(status["current"], "1.1.0");
    EXPECT_EQ(status["previous"], "1.0.0");
    EXPECT_EQ(status["pending"], "1.1.0");
    EXPECT_EQ(status["releases"], core::Json::array({"1.0.0", "1.1.0"}));

    // A third release: the oldest one is removed, current and previous stay.
    ASSERT_TRUE(inst.install(package("1.2.0", "1.0.0"), {}).ok());
    EXPECT_EQ((*inst.status())["releases"], core::Json::array({"1.1.0", "1.2.0"}));
}

TEST_F(InstallerTest, RefusesDowngradeUnlessAllowed)
{
    auto inst = installer();
    ASSERT_TRUE(inst.install(package("1.1.0"), {}).ok());
    EXPECT_EQ(inst.install(package("1.0.0"), {}).error().code, core::errc::kUpdateDowngrade);
    EXPECT_EQ(inst.install(package("1.1.0"), {}).error().code, core::errc::kUpdateAlreadyInstalled);
    EXPECT_EQ(current(), "1.1.0");
    EXPECT_FALSE(std::filesystem::exists(m_dir / "root/releases/1.0.0"));

    InstallOptions allow;
    allow.allowDowngrade = true;
    ASSERT_TRUE(inst.install(package("1.0.0"), allow).ok());
    EXPECT_EQ(current(), "1.0.0");
}

TEST_F(InstallerTest, RefusesTooOldWrongComponentAndNoSpace)
{
    auto inst = installer();
    ASSERT_TRUE(inst.install(package("1.0.0"), {}).ok());
    EXPECT_EQ(inst.install(package("2.0.0", "1.1.0"), {}).error().code, core::errc::kUpdateTooOld);
    EXPECT_EQ(inst.install(package("1.2.0", "0.0.0", Component::KktFirmware), {}).error().code,
              core::errc::kUpdateWrongComponent);
    InstallOptions huge;
    huge.reserveBytes = 1ULL << 60;
    EXPECT_EQ(inst.install(package("1.1.0"), huge).error().code, core::errc::kUpdateNoSpace);
    EXPECT_EQ(current(), "1.0.0");
    EXPECT_EQ((*inst.status())["releases"], core::Json::array({"1.0.0"})); // nothing written
}

TEST_F(InstallerTest, ATamperedPackageWritesNothing)
{
    auto inst = installer();
    ASSERT_TRUE(inst.install(package("1.0.0"), {}).ok());
    ASSERT_TRUE(inst.confirmHealthy().ok());
    // Change one payload byte inside a valid package by rebuilding with a modified tree but the
    // old manifest: the builder hashes the tree, so build the manifest first, then edit the file.
    Manifest m = test::manifestFor(Component::Terminal, "1.1.0");
    ASSERT_TRUE(PackageBuilder::addDirectory(m, m_dir / "tree-1.1.0").ok());
    test::writeText(m_dir / "tree-1.1.0/share/version.txt", "1.1.1\n");
    ASSERT_TRUE(PackageBuilder::write(m, m_dir / "tree-1.1.0", m_key.privateKey, m_dir / "bad.tar.gz").ok());
    EXPECT_EQ(inst.install(m_dir / "bad.tar.gz", {}).error().code, core::errc::kPackageFileMismatch);
    EXPECT_EQ(current(), "1.0.0");
    EXPECT_EQ((*inst.status())["releases"], core::Json::array({"1.0.0"}));
    EXPECT_FALSE((*inst.status())["pending"].is_string());
}

TEST_F(InstallerTest, RollbackSwitchesBackAndRecordsWhy)
{
    auto inst = installer();
    EXPECT_EQ(inst.rollback("nothing yet").error().code, core::errc::kUpdateNoPrevious);
    ASSERT_TRUE(inst.install(package("1.0.0"), {}).ok());
    EXPECT_EQ(inst.rollback("no previous").error().code, core::errc::kUpdateNoPrevious);
    ASSERT_TRUE(inst.install(package("1.1.0"), {}).ok());
    ASSERT_TRUE(inst.rollback("по запросу техника").ok());
    EXPECT_EQ(current(), "1.0.0");
    expectCurrentComplete();
    const auto status = *inst.status();
    EXPECT_EQ(status["lastRollback"]["from"], "1.1.0");
    EXPECT_EQ(status["lastRollback"]["to"], "1.0.0");
    EXPECT_EQ(status["lastRollback"]["reason"], "по запросу техника");
    EXPECT_TRUE(status["pending"].is_null());
    // The release rolled back from is kept and becomes "previous": a second rollback returns to it.
    EXPECT_EQ(status["previous"], "1.1.0");
}

TEST_F(InstallerTest, KeyRotationNeedsACurrentlyTrustedKey)
{
    auto inst = installer();
    const auto next = crypto::generateEd25519KeyPair();
    const auto stranger = crypto::generateEd25519KeyPair();

    // A rotation signed by a key the device does not trust is refused.
    Manifest rogue = test::manifestFor(Component::Keys, "1.0.0");
    rogue.keys = {stranger.publicKey};
    ASSERT_TRUE(PackageBuilder::write(rogue, m_dir.path(), stranger.privateKey, m_dir / "rogue.tar.gz").ok());
    EXPECT_EQ(inst.install(m_dir / "rogue.tar.gz", {}).error().code, core::errc::kPackageBadSignature);

    Manifest rotation = test::manifestFor(Component::Keys, "1.0.0");
    rotation.keys = {next.publicKey};
    ASSERT_TRUE(PackageBuilder::write(rotation, m_dir.path(), m_key.privateKey, m_dir / "keys.tar.gz").ok());
    auto stored = inst.install(m_dir / "keys.tar.gz", {});
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->component, Component::Keys);

    // The old key no longer installs anything; the new one does, also in a fresh Installer that
    // starts from the same built-in anchors.
    EXPECT_EQ(inst.install(package("1.0.0"), {}).error().code, core::errc::kPackageBadSignature);
    test::buildPackage(m_dir / "tree-1.1.0", test::manifestFor(Component::Terminal, "1.1.0"), next.privateKey,
                       m_dir / "next.tar.gz");
    ASSERT_TRUE(installer().install(m_dir / "next.tar.gz", {}).ok());
    EXPECT_EQ((*inst.status())["trustedKeys"], core::Json::array({keyId(next.publicKey)}));

    // A stored rotation edited on disk breaks the chain: nothing is trusted then.
    const auto file = m_dir / "root/keys/0001.json";
    auto text = test::readText(file);
    text.replace(text.find(crypto::toHex(next.publicKey)), 64, crypto::toHex(stranger.publicKey));
    test::writeText(file, text);
    EXPECT_EQ(inst.trust().error().code, core::errc::kUpdateTrustChainBroken);
    EXPECT_EQ(inst.install(package("1.2.0"), {}).error().code, core::errc::kUpdateTrustChainBroken);
}

/// Kills a child process in the middle of an install at its `killAt`-th progress report.
/// Returns false when the install finished before that point.
bool installAndDie(Installer& inst, const std::filesystem::path& pkg, int killAt)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        int calls = 0;
        auto result = inst.install(pkg, {}, [&](const Progress&) {
            if (++calls == killAt) {
                ::raise(SIGKILL);
            }
        });
        ::_exit(result.ok() ? 0 : 2);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

TEST_F(InstallerTest, AKillAtAnyPointLeavesAConsistentState)
{
    const auto pkg = package("1.1.0");
    int killed = 0;
    for (int killAt = 1;; ++killAt) {
        test::TempDir run{"sigma-kill"};
        Installer inst(run.path() / "root", TrustStore({m_key.publicKey}), m_clock);
        ASSERT_TRUE(inst.install(package("1.0.0"), {}).ok());
        ASSERT_TRUE(inst.confirmHealthy().ok());
        if (!installAndDie(inst, pkg, killAt)) {
            break; // finished before the kill point: every point has been tried
        }
        ++killed;
        // Still a complete release behind `current`, either the old or the new one.
        auto version = inst.currentVersion();
        ASSERT_TRUE(version.ok() && version->has_value()) << killAt;
        const std::string v = (*version)->toString();
        ASSERT_TRUE(v == "1.0.0" || v == "1.1.0") << v;
        const auto dir = run.path() / "root/current";
        const auto manifest = Manifest::parse(test::readText(dir / ".manifest.json"));
        ASSERT_TRUE(manifest.ok()) << killAt;
        for (const auto& f : manifest->files) {
            ASSERT_EQ(crypto::sha256(test::readText(dir / f.path)), f.sha256) << killAt << " " << f.path;
        }
        auto state = inst.state();
        ASSERT_TRUE(state.ok()) << killAt;
        if (v == "1.0.0") {
            EXPECT_FALSE(state->pending.has_value()) << killAt;
            // The interrupted install can simply be run again.
            auto again = inst.install(pkg, {});
            ASSERT_TRUE(again.ok()) << killAt << ": " << again.error().message;
            EXPECT_EQ(again->previous, "1.0.0");
        }
        EXPECT_EQ((*inst.status())["releases"].size(), 2u) << killAt; // no staging left visible
    }
    EXPECT_GT(killed, 3);
}

} // namespace
} // namespace sigma::update
