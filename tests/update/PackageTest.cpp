// Package verification: every way a package can be forged, damaged or hostile is refused before
// anything is written.

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "update/PackageReader.h"
#include "support/TempDir.h"
#include "update/PackageFixture.h"

#include <gtest/gtest.h>

namespace sigma::update {
namespace {

using test::RawEntry;

class PackageTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_key = crypto::generateEd25519KeyPair();
        m_trust = TrustStore({m_key.publicKey});
        test::makeRelease(m_dir / "tree", "1.1.0");
    }

    std::filesystem::path goodPackage()
    {
        return test::buildPackage(m_dir / "tree", test::manifestFor(Component::Terminal, "1.1.0"), m_key.privateKey,
                                  m_dir / "good.tar.gz");
    }

    /// A manifest signed properly listing one file `path` with `data`, and the archive entries.
    std::vector<RawEntry> signedEntries(const std::string& path, const std::string& data,
                                        const crypto::Ed25519PrivateKey* key = nullptr)
    {
        Manifest m = test::manifestFor(Component::Terminal, "1.1.0");
        ManifestFile f;
        f.path = path;
        f.size = data.size();
        f.sha256 = crypto::sha256(data);
        m.files.push_back(f);
        const std::string text = m.serialize();
        return {{"manifest.json", text},
                {"manifest.sig", SignatureFile::sign(key ? *key : m_key.privateKey, text).serialize()},
                {"payload/" + path, data}};
    }

    int verifyCode(const std::vector<RawEntry>& entries)
    {
        const auto file = m_dir / "raw.tar.gz";
        test::writeRaw(file, entries);
        auto result = PackageReader::verify(file, m_trust);
        return result.ok() ? 0 : result.error().code;
    }

    test::TempDir m_dir{"sigma-package"};
    crypto::Ed25519KeyPair m_key;
    TrustStore m_trust;
};

TEST_F(PackageTest, AGoodPackageVerifiesAndNamesItsKey)
{
    std::vector<std::string> stages;
    auto result = PackageReader::verify(goodPackage(), m_trust, [&](const Progress& p) {
        EXPECT_LE(p.done, p.total);
        stages.emplace_back(stageName(p.stage));
    });
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->keyId, keyId(m_key.publicKey));
    EXPECT_EQ(result->manifest.version.toString(), "1.1.0");
    EXPECT_EQ(result->manifest.notes, "Исправления и улучшения");
    EXPECT_EQ(result->manifest.files.size(), 4u);
    ASSERT_NE(result->manifest.find("bin/app"), nullptr);
    EXPECT_TRUE(result->manifest.find("bin/app")->executable);
    EXPECT_FALSE(result->manifest.find("share/version.txt")->executable);
    EXPECT_FALSE(stages.empty());
}

TEST_F(PackageTest, TamperedManifestIsRefused)
{
    auto entries = signedEntries("bin/app", "payload");
    // The manifest changed after signing: a different minimum version.
    const auto pos = entries[0].data.find("\"minVersion\":\"0.0.0\"");
    ASSERT_NE(pos, std::string::npos);
    entries[0].data.replace(pos, 20, "\"minVersion\":\"0.0.1\"");
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageBadSignature);
}

TEST_F(PackageTest, TamperedFileIsRefused)
{
    auto entries = signedEntries("bin/app", "original");
    entries[2].data = "modified"; // same size, different bytes
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);
    entries[2].data = "original+"; // longer
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);
    entries[2].data = "orig"; // shorter
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);
}

TEST_F(PackageTest, WrongKeyIsRefused)
{
    const auto other = crypto::generateEd25519KeyPair();
    EXPECT_EQ(verifyCode(signedEntries("bin/app", "data", &other.privateKey)), core::errc::kPackageBadSignature);

    // A signature made by another key but claiming the trusted key's id.
    auto entries = signedEntries("bin/app", "data", &other.privateKey);
    auto sig = *SignatureFile::parse(entries[1].data);
    sig.keyId = keyId(m_key.publicKey);
    entries[1].data = sig.serialize();
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageBadSignature);

    // Nothing trusted at all (a release build configured without keys) refuses everything.
    test::writeRaw(m_dir / "x.tar.gz", signedEntries("bin/app", "data"));
    EXPECT_EQ(PackageReader::verify(m_dir / "x.tar.gz", TrustStore{}).error().code, core::errc::kPackageBadSignature);
}

TEST_F(PackageTest, MissingSignatureIsRefused)
{
    auto entries = signedEntries("bin/app", "data");
    entries.erase(entries.begin() + 1);
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageSignatureMissing);

    entries = signedEntries("bin/app", "data");
    entries[1].data = "{}";
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageSignatureMissing);

    entries = signedEntries("bin/app", "data");
    entries[1].data = R"({"algorithm":"ed25519","keyId":"00","signature":"zz"})";
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageSignatureMissing);
}

TEST_F(PackageTest, PathTraversalIsRefused)
{
    // In the archive only: the entry name escapes, the manifest is innocent.
    auto entries = signedEntries("bin/app", "data");
    entries[2].name = "payload/../bin/app";
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageUnsafePath);
    entries[2].name = "payload//etc/passwd";
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageUnsafePath);

    // Signed by the trusted key but naming a path outside the release: still refused.
    for (const std::string path : {"../evil", "bin/../../evil", "/etc/cron.d/x", "a\\..\\b", "./x", "a//b"}) {
        EXPECT_EQ(verifyCode(signedEntries(path, "data")), core::errc::kPackageUnsafePath) << path;
    }
}

TEST_F(PackageTest, LinkAndSpecialEntriesAreRefused)
{
    auto entries = signedEntries("bin/app", "data");
    entries.push_back({"payload/bin/sh", "/bin/sh", RawEntry::Kind::Symlink});
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageLinkEntry);

    entries = signedEntries("bin/app", "data");
    entries.push_back({"payload/bin/copy", "payload/bin/app", RawEntry::Kind::Hardlink});
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageLinkEntry);

    // The link in place of the manifest's own file.
    entries = signedEntries("bin/app", "data");
    entries[2] = {"payload/bin/app", "/etc/shadow", RawEntry::Kind::Symlink};
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageLinkEntry);

    // The publisher's builder refuses a tree with a link in it.
    std::filesystem::create_symlink("/etc/passwd", m_dir / "tree/bin/passwd");
    Manifest m = test::manifestFor(Component::Terminal, "1.1.0");
    EXPECT_EQ(PackageBuilder::addDirectory(m, m_dir / "tree").error().code, core::errc::kPackageLinkEntry);
}

TEST_F(PackageTest, MissingExtraAndRepeatedFilesAreRefused)
{
    auto entries = signedEntries("bin/app", "data");
    entries.pop_back();
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);

    entries = signedEntries("bin/app", "data");
    entries.push_back({"payload/bin/extra", "x"});
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);

    entries = signedEntries("bin/app", "data");
    entries.push_back(entries[2]);
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageFileMismatch);

    entries = signedEntries("bin/app", "data");
    entries.push_back({"other/file", "x"});
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageMalformed);
}

TEST_F(PackageTest, DamagedAndTruncatedArchivesAreRefused)
{
    const auto bytes = test::readText(goodPackage());
    ASSERT_GT(bytes.size(), 1000u);
    for (const std::size_t keep : {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 10}) {
        test::writeText(m_dir / "cut.tar.gz", bytes.substr(0, keep));
        auto result = PackageReader::verify(m_dir / "cut.tar.gz", m_trust);
        ASSERT_FALSE(result.ok()) << keep;
        EXPECT_TRUE(result.error().code == core::errc::kPackageMalformed ||
                    result.error().code == core::errc::kPackageFileMismatch)
            << keep << ": " << result.error().message;
    }
    std::string flipped = bytes;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
    EXPECT_FALSE(PackageReader::verifyMemory(flipped, m_trust).ok());
    EXPECT_EQ(PackageReader::verify(m_dir / "absent.tar.gz", m_trust).error().code, core::errc::kIo);
    EXPECT_EQ(PackageReader::verifyMemory("not an archive at all", m_trust).error().code, core::errc::kPackageMalformed);
}

TEST_F(PackageTest, ManifestLimitsAndSyntax)
{
    auto entries = signedEntries("bin/app", "data");
    entries[0].data = std::string(ManifestLimits::kMaxManifestBytes + 1, ' ');
    EXPECT_EQ(verifyCode(entries), core::errc::kPackageTooLarge);

    Manifest m = test::manifestFor(Component::Terminal, "1.0.0");
    core::Json json = m.toJson();
    for (std::size_t i = 0; i <= ManifestLimits::kMaxFiles; ++i) {
        json["files"].push_back({{"path", "f" + std::to_string(i)}, {"sha256", std::string(64, '0')}, {"size", 1}});
    }
    EXPECT_EQ(Manifest::parse(json.dump()).error().code, core::errc::kPackageTooLarge);

    json = m.toJson();
    json["files"].push_back({{"path", "big"}, {"sha256", std::string(64, '0')}, {"size", ManifestLimits::kMaxFileBytes + 1}});
    EXPECT_EQ(Manifest::parse(json.dump()).error().code, core::errc::kPackageTooLarge);

    for (const char* bad : {"", "[]", "{}", R"({"format":2})", R"({"format":1,"component":"terminal"})",
                            R"({"format":1,"component":"printer","version":"1.0.0","minVersion":"1.0.0","notes":"","files":[]})",
                            R"({"format":1,"component":"terminal","version":"1.0","minVersion":"1.0.0","notes":"","files":[]})",
                            R"({"format":1,"component":"terminal","version":"1.0.0","minVersion":"1.0.0","notes":"","files":[{"path":"a","sha256":"00","size":1}]})",
                            R"({"format":1,"component":"terminal","version":"1.0.0","minVersion":"1.0.0","notes":"","files":[{"path":"a","sha256":"0000000000000000000000000000000000000000000000000000000000000000","size":-1}]})",
                            R"({"format":1,"component":"terminal","version":"1.0.0","minVersion":"1.0.0","notes":"","files":[],"keys":[]})"}) {
        EXPECT_FALSE(Manifest::parse(bad).ok()) << bad;
    }
    // Round trip of a good one.
    auto parsed = Manifest::parse(m.serialize());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->serialize(), m.serialize());
}

TEST(VersionTest, ParsesOnlyPlainTriples)
{
    EXPECT_EQ(Version::parse("1.20.300")->toString(), "1.20.300");
    EXPECT_LT(*Version::parse("1.9.0"), *Version::parse("1.10.0"));
    EXPECT_LT(*Version::parse("1.10.0"), *Version::parse("2.0.0"));
    for (const char* bad : {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "-1.2.3", "1..3", "1.2.3 ", "../1.2.3",
                            "123456.0.0", "1.2.3/"}) {
        EXPECT_EQ(Version::parse(bad).error().code, core::errc::kUpdateBadVersion) << bad;
    }
}

TEST(Ed25519Test, SignsAndVerifies)
{
    const auto pair = crypto::generateEd25519KeyPair();
    EXPECT_EQ(crypto::ed25519PublicKey(pair.privateKey), pair.publicKey);
    const auto signature = crypto::ed25519Sign(pair.privateKey, "message");
    EXPECT_TRUE(crypto::ed25519Verify(pair.publicKey, "message", signature));
    EXPECT_FALSE(crypto::ed25519Verify(pair.publicKey, "messagf", signature));
    auto bad = signature;
    bad[10] ^= 1;
    EXPECT_FALSE(crypto::ed25519Verify(pair.publicKey, "message", bad));
    EXPECT_FALSE(crypto::ed25519Verify(pair.publicKey, "message", std::span(signature.data(), 63)));
    // RFC 8032 test 1: the empty message under its key.
    const auto rfcKey = *crypto::fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    crypto::Ed25519PrivateKey seed{};
    std::copy(rfcKey.begin(), rfcKey.end(), seed.begin());
    EXPECT_EQ(crypto::toHex(crypto::ed25519PublicKey(seed)),
              "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    EXPECT_EQ(crypto::toHex(crypto::ed25519Sign(seed, "")),
              "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
}

} // namespace
} // namespace sigma::update
