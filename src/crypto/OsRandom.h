#pragma once

#include "core/RandomSource.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sigma::crypto {

/// The production random source: OpenSSL's CSPRNG (RAND_bytes), seeded from the OS.
///
/// RAND_bytes fails only when the OS gives it no entropy at all; then nothing secure can be made,
/// so fill() aborts with a message rather than hand out predictable bytes. Safe to use from
/// several threads.
class OsRandom final : public core::RandomSource {
public:
    void fill(std::span<std::byte> out) override;
};

/// `size` bytes from OsRandom.
[[nodiscard]] std::vector<std::uint8_t> randomBytes(std::size_t size);

/// A secret token: `bytes` random bytes as lower-case hex (2 * bytes characters).
[[nodiscard]] std::string randomToken(std::size_t bytes);

} // namespace sigma::crypto
