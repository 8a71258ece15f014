// Fuzz target for the update package reader: the archive reader (libarchive, tar and gzip only),
// manifest.sig and the manifest parser. Packages come from USB sticks and the network, so any
// bytes must be refused cleanly, never crash, and every refusal must carry a package or update
// code (2400-2499) or kIo. The trust store holds the public test key (tests/data/update), so
// seeds signed with it get past the signature and exercise the payload checks too. See
// CMakeLists.txt here for how to run it.

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "update/Manifest.h"
#include "update/PackageReader.h"
#include "update/SignatureFile.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr std::string_view kTestKey = "e06689b1d1db96f47f435ac33676d10be725a2c05c0778da25f36a79c0c00107";

[[noreturn]] void fail(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "PackageReadFuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

void checkCode(const sigma::core::Error& error, const char* where)
{
    const bool ours = error.code >= 2400 && error.code <= 2499;
    if (!ours && error.code != sigma::core::errc::kIo) {
        fail(where, "unexpected code " + std::to_string(error.code) + ": " + error.message);
    }
}

const sigma::update::TrustStore& trust()
{
    static const sigma::update::TrustStore store = [] {
        const auto bytes = *sigma::crypto::fromHex(kTestKey);
        sigma::crypto::Ed25519PublicKey key{};
        std::copy(bytes.begin(), bytes.end(), key.begin());
        return sigma::update::TrustStore({key});
    }();
    return store;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        if (auto package = sigma::update::PackageReader::verifyMemory(bytes, trust()); !package) {
            checkCode(package.error(), "verifyMemory");
        } else if (package->manifest.serialize().empty()) {
            fail("verifyMemory", "accepted a package with an empty manifest");
        }
        // The same bytes as a bare manifest and a bare signature file.
        if (auto manifest = sigma::update::Manifest::parse(bytes); !manifest) {
            checkCode(manifest.error(), "Manifest::parse");
        } else {
            // What parses must survive its own round trip unchanged.
            auto again = sigma::update::Manifest::parse(manifest->serialize());
            if (!again || again->serialize() != manifest->serialize()) {
                fail("Manifest::parse", "round trip changed the manifest");
            }
            for (const auto& f : manifest->files) {
                if (!sigma::update::checkRelativePath(f.path)) {
                    fail("Manifest::parse", "accepted an unsafe path");
                }
            }
        }
        if (auto signature = sigma::update::SignatureFile::parse(bytes); !signature) {
            checkCode(signature.error(), "SignatureFile::parse");
        }
    } catch (const std::exception& e) {
        fail("exception", e.what());
    }
    return 0;
}
