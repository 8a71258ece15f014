#pragma once

#include "core/RandomSource.h"
#include "core/Result.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sigma::crypto {

/// How much work one Argon2id hash costs. The defaults follow RFC 9106's second recommended
/// option (64 MiB, 3 passes); tests use a cheap cost (1 MiB, 1 pass), and PINs, checked against
/// every employee at login, may use a smaller one than passwords.
struct Argon2Cost {
    std::uint32_t timeCost = 3;      ///< passes over the memory (t)
    std::uint32_t memoryKiB = 65536; ///< memory in KiB (m)
    std::uint32_t parallelism = 1;   ///< lanes (p)

    friend bool operator==(const Argon2Cost&, const Argon2Cost&) = default;
};

/// Password and PIN hashing with Argon2id (libargon2), in the PHC string form that carries its own
/// parameters and salt: `$argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>` (unpadded base64). Only the
/// encoded string is ever stored; secrets are never logged or kept.
///
/// Pure functions, safe from any thread. verify() compares in constant time (inside libargon2)
/// and, for a stored string that is not a well-formed Argon2id hash within the limits below,
/// answers false: a damaged or hostile row can neither crash the caller nor make it allocate
/// gigabytes.
class PasswordHasher {
public:
    static constexpr std::size_t kSaltBytes = 16;
    static constexpr std::size_t kHashBytes = 32;

    /// Limits on the cost, both for hashing and for the parameters of a stored hash.
    static constexpr std::uint32_t kMaxTimeCost = 100;
    static constexpr std::uint32_t kMaxMemoryKiB = 1024 * 1024; ///< 1 GiB
    static constexpr std::uint32_t kMaxParallelism = 64;

    /// The encoded hash of `secret` with a fresh 16-byte salt from `random`. Fails with
    /// kInvalidArgument for a cost outside the limits (or below Argon2's minimum of 8 KiB per lane)
    /// and kInternal when libargon2 fails (out of memory).
    [[nodiscard]] static core::Result<std::string> hash(std::string_view secret, const Argon2Cost& cost,
                                                        core::RandomSource& random);

    /// Whether `secret` matches `encoded`. False for a mismatch and for anything malformed.
    [[nodiscard]] static bool verify(std::string_view secret, std::string_view encoded);

    /// Whether `encoded` should be replaced by a new hash: it is not Argon2id version 19 with this
    /// cost, a full-length salt and hash (e.g. the configured cost changed), or it is malformed.
    /// Call it after a successful verify(), when the secret is at hand to hash again.
    [[nodiscard]] static bool needsRehash(std::string_view encoded, const Argon2Cost& cost);
};

} // namespace sigma::crypto
