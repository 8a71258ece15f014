#pragma once

#include "core/Result.h"
#include "crypto/Ed25519.h"

#include <string>
#include <string_view>
#include <vector>

namespace sigma::update {

/// manifest.sig: {"algorithm": "ed25519", "keyId": "<16 hex>", "signature": "<128 hex>"}. The key
/// id lets the verifier pick the key and name an untrusted one in its error.
struct SignatureFile {
    std::string keyId;
    std::vector<std::uint8_t> signature;

    /// Signs `manifestText` (the exact bytes that go into the package).
    static SignatureFile sign(const crypto::Ed25519PrivateKey& privateKey, std::string_view manifestText);
    static core::Result<SignatureFile> parse(std::string_view text);
    [[nodiscard]] std::string serialize() const;
};

} // namespace sigma::update
