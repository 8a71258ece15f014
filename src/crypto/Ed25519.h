#pragma once

#include "core/Result.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace sigma::crypto {

using Ed25519PublicKey = std::array<std::uint8_t, 32>;
/// The 32-byte seed RFC 8032 calls the private key; the public key is derived from it.
using Ed25519PrivateKey = std::array<std::uint8_t, 32>;
using Ed25519Signature = std::array<std::uint8_t, 64>;

struct Ed25519KeyPair {
    Ed25519PrivateKey privateKey{};
    Ed25519PublicKey publicKey{};
};

/// A fresh key pair from OpenSSL's CSPRNG. Aborts when OpenSSL cannot make one (no entropy).
[[nodiscard]] Ed25519KeyPair generateEd25519KeyPair();

/// The public half of a private key.
[[nodiscard]] Ed25519PublicKey ed25519PublicKey(const Ed25519PrivateKey& privateKey);

/// Signs `message` (Ed25519 is deterministic: the same key and message give the same signature).
[[nodiscard]] Ed25519Signature ed25519Sign(const Ed25519PrivateKey& privateKey, std::string_view message);

/// True only for a valid signature of exactly `message` by `publicKey`. A signature of the wrong
/// length is simply invalid.
[[nodiscard]] bool ed25519Verify(const Ed25519PublicKey& publicKey, std::string_view message,
                                 std::span<const std::uint8_t> signature);

} // namespace sigma::crypto
