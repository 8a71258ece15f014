#pragma once

// Helpers for the update tests: keys, release trees, signed packages and hostile ones.

#include "core/Clock.h"
#include "crypto/Ed25519.h"
#include "update/ArchiveWriter.h"
#include "update/Manifest.h"
#include "update/PackageBuilder.h"
#include "update/SignatureFile.h"
#include "update/TrustStore.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace sigma::test {

inline void writeText(const std::filesystem::path& path, const std::string& text, bool executable = false)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    if (executable) {
        std::filesystem::permissions(path, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec);
    }
}

inline std::string readText(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

/// A release tree: bin/health and bin/app shell scripts, and some data.
inline void makeRelease(const std::filesystem::path& dir, const std::string& version, bool healthy = true)
{
    writeText(dir / "bin/health",
              healthy ? "#!/bin/sh\nexit 0\n"
                      : "#!/bin/sh\necho 'migration 42 failed: no such column' >&2\nexit 3\n",
              true);
    writeText(dir / "bin/app", "#!/bin/sh\necho " + version + " >> \"$SIGMA_TEST_APP_LOG\"\nexit 0\n", true);
    writeText(dir / "share/version.txt", version + "\n");
    writeText(dir / "share/notes/readme.txt", std::string(70000, 'x')); // more than one read chunk
}

inline update::Manifest manifestFor(update::Component component, const std::string& version,
                                    const std::string& minVersion = "0.0.0")
{
    update::Manifest m;
    m.component = component;
    m.version = *update::Version::parse(version);
    m.minVersion = *update::Version::parse(minVersion);
    m.notes = "Исправления и улучшения";
    return m;
}

/// A signed package of `dir`.
inline std::filesystem::path buildPackage(const std::filesystem::path& dir, update::Manifest manifest,
                                          const crypto::Ed25519PrivateKey& key, const std::filesystem::path& out)
{
    EXPECT_TRUE(update::PackageBuilder::addDirectory(manifest, dir).ok());
    const auto status = update::PackageBuilder::write(manifest, dir, key, out);
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().message);
    return out;
}

/// One entry of a hand-made archive.
struct RawEntry {
    enum class Kind { File = 1, Symlink, Hardlink };
    std::string name;
    std::string data; ///< contents, or the link target
    Kind kind = Kind::File;
};

inline void writeRaw(const std::filesystem::path& out, const std::vector<RawEntry>& entries)
{
    auto writer = update::ArchiveWriter::create(out);
    ASSERT_TRUE(writer.ok());
    for (const auto& e : entries) {
        core::Status s;
        switch (e.kind) {
        case RawEntry::Kind::File: s = writer->addFile(e.name, e.data); break;
        case RawEntry::Kind::Symlink: s = writer->addSymlink(e.name, e.data); break;
        case RawEntry::Kind::Hardlink: s = writer->addHardlink(e.name, e.data); break;
        }
        ASSERT_TRUE(s.ok()) << s.error().message;
    }
    ASSERT_TRUE(writer->close().ok());
}

/// A fixed clock for the state history.
class FixedClock final : public core::Clock {
public:
    [[nodiscard]] TimePoint now() const override { return TimePoint(std::chrono::seconds(1'800'000'000)); }
};

} // namespace sigma::test
