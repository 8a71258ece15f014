#include "update/TrustStore.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"
#include "update/Manifest.h"
#include "update/SignatureFile.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sigma::update {

std::string keyId(const crypto::Ed25519PublicKey& key)
{
    const auto digest = crypto::sha256(std::span<const std::uint8_t>(key));
    return crypto::toHex(std::span<const std::uint8_t>(digest.data(), 8));
}

core::Result<std::string> TrustStore::verify(std::string_view message, std::string_view signatureId,
                                             std::span<const std::uint8_t> signature) const
{
    for (const auto& key : m_keys) {
        if (keyId(key) == signatureId) {
            if (crypto::ed25519Verify(key, message, signature)) {
                return keyId(key);
            }
            return core::Error(core::errc::kPackageBadSignature,
                               "the manifest signature is not valid (key " + std::string(signatureId) + ")");
        }
    }
    return core::Error(core::errc::kPackageBadSignature,
                       "the package is signed with key " + std::string(signatureId.substr(0, 32)) +
                           ", which this terminal does not trust");
}

core::Result<TrustStore> TrustStore::withRotations(const TrustStore& anchors, const std::filesystem::path& keysDir)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(keysDir, ec)) {
        return anchors;
    }
    std::vector<std::filesystem::path> manifests;
    for (const auto& entry : std::filesystem::directory_iterator(keysDir, ec)) {
        if (entry.path().extension() == ".json") {
            manifests.push_back(entry.path());
        }
    }
    std::sort(manifests.begin(), manifests.end());
    TrustStore current = anchors;
    const auto broken = [](const std::filesystem::path& file, const std::string& why) {
        return core::Error(core::errc::kUpdateTrustChainBroken,
                           "stored key rotation " + file.filename().string() + " does not verify: " + why);
    };
    const auto readAll = [](const std::filesystem::path& file) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return std::move(text).str();
    };
    for (const auto& file : manifests) {
        const std::string text = readAll(file);
        auto sigPath = file;
        sigPath.replace_extension(".sig");
        auto signature = SignatureFile::parse(readAll(sigPath));
        if (!signature) {
            return broken(file, signature.error().message);
        }
        if (auto verified = current.verify(text, signature->keyId, signature->signature); !verified) {
            return broken(file, verified.error().message);
        }
        auto manifest = Manifest::parse(text);
        if (!manifest || manifest->component != Component::Keys) {
            return broken(file, "not a keys manifest");
        }
        current = TrustStore(manifest->keys);
    }
    return current;
}

} // namespace sigma::update
