#include "update/SignatureFile.h"

#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "crypto/Hex.h"
#include "update/Manifest.h"
#include "update/TrustStore.h"

namespace sigma::update {

SignatureFile SignatureFile::sign(const crypto::Ed25519PrivateKey& privateKey, std::string_view manifestText)
{
    const auto signature = crypto::ed25519Sign(privateKey, manifestText);
    SignatureFile file;
    file.keyId = update::keyId(crypto::ed25519PublicKey(privateKey));
    file.signature.assign(signature.begin(), signature.end());
    return file;
}

core::Result<SignatureFile> SignatureFile::parse(std::string_view text)
{
    const auto bad = [](const std::string& why) {
        return core::Error(core::errc::kPackageSignatureMissing, "manifest.sig: " + why);
    };
    if (text.size() > ManifestLimits::kMaxSignatureBytes) {
        return bad("too large");
    }
    auto json = core::parseJsonExact(text, 4);
    if (!json || !json->is_object()) {
        return bad("not a JSON object");
    }
    const auto algorithm = json->find("algorithm");
    const auto id = json->find("keyId");
    const auto signature = json->find("signature");
    if (algorithm == json->end() || *algorithm != "ed25519") {
        return bad("algorithm must be ed25519");
    }
    if (id == json->end() || !id->is_string() || signature == json->end() || !signature->is_string()) {
        return bad("keyId and signature must be strings");
    }
    auto bytes = crypto::fromHex(signature->get<std::string>());
    if (!bytes) {
        return bad("signature is not hex");
    }
    return SignatureFile{id->get<std::string>(), std::move(*bytes)};
}

std::string SignatureFile::serialize() const
{
    return core::Json{{"algorithm", "ed25519"}, {"keyId", keyId}, {"signature", crypto::toHex(signature)}}.dump();
}

} // namespace sigma::update
