#pragma once

#include "core/Result.h"
#include "crypto/Ed25519.h"

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::update {

/// A short, stable name of a public key: the first 8 bytes of its SHA-256, in hex.
[[nodiscard]] std::string keyId(const crypto::Ed25519PublicKey& key);

/// The publisher keys a package signature may be made with.
///
/// Never read from settings: the verifier takes a TrustStore as a parameter; executables pass
/// builtin() (the release keys compiled in, plus the test key only in builds configured with
/// SIGMA_UPDATE_DEV_KEY, see docs/architecture.md "Updates"), tests pass their own. The only way
/// to change the set on a device is a `keys` package signed with a key of the current set;
/// withRotations() replays those stored rotations from the built-in anchors on every start.
class TrustStore {
public:
    TrustStore() = default;
    explicit TrustStore(std::vector<crypto::Ed25519PublicKey> keys) : m_keys(std::move(keys)) {}

    /// The keys compiled into this binary.
    static TrustStore builtin();
    /// True when this binary trusts the committed test key (never in a release configuration).
    static bool builtinTrustsDevKey();

    [[nodiscard]] const std::vector<crypto::Ed25519PublicKey>& keys() const { return m_keys; }
    [[nodiscard]] bool empty() const { return m_keys.empty(); }

    /// The id of the trusted key that signed `message`; kPackageBadSignature when the signature is
    /// not valid under the key it names, or names a key outside the set.
    [[nodiscard]] core::Result<std::string> verify(std::string_view message, std::string_view signatureId,
                                                   std::span<const std::uint8_t> signature) const;

    /// The anchors with every key rotation stored in `keysDir` (NNNN.json + NNNN.sig, applied in
    /// order) replayed: each must verify under the set before it, else kUpdateTrustChainBroken.
    static core::Result<TrustStore> withRotations(const TrustStore& anchors, const std::filesystem::path& keysDir);

private:
    std::vector<crypto::Ed25519PublicKey> m_keys;
};

} // namespace sigma::update
