#pragma once

#include <cstddef>
#include <span>

namespace sigma::core {

/// Where random bytes come from. Production code uses the crypto layer's OpenSSL source; tests
/// inject a deterministic one so identifiers are repeatable.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::byte> out) = 0;
};

} // namespace sigma::core
