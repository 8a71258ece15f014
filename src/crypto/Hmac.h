#pragma once

#include "crypto/Sha256.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sigma::crypto {

/// HMAC-SHA-256 (RFC 2104). Keys of any length are accepted, as the RFC allows. Compare MACs
/// with constantTimeEquals() (Hex.h), never with ==.
[[nodiscard]] Digest hmacSha256(std::string_view key, std::string_view data);
[[nodiscard]] Digest hmacSha256(std::span<const std::byte> key, std::span<const std::byte> data);
[[nodiscard]] Digest hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data);

} // namespace sigma::crypto
