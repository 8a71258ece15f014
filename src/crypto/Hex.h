#pragma once

#include "core/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::crypto {

/// Lower-case hex, two characters per byte.
[[nodiscard]] std::string toHex(std::span<const std::uint8_t> bytes);

/// Parses hex of either case. An odd length or any other character is kBadHex, naming the offset.
[[nodiscard]] core::Result<std::vector<std::uint8_t>> fromHex(std::string_view hex);

/// Compares two secrets (MACs, tokens) in time that depends only on their lengths, so an attacker
/// cannot find a valid value byte by byte by timing the comparison.
[[nodiscard]] bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace sigma::crypto
