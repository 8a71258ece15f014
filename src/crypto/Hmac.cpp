#include "crypto/Hmac.h"

#include <cstdio>
#include <cstdlib>
#include <limits>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace sigma::crypto {

Digest hmacSha256(std::span<const std::byte> key, std::span<const std::byte> data)
{
    // HMAC hashes keys longer than the block anyway (RFC 2104), so doing it here first gives the
    // same MAC and keeps the length within OpenSSL's int.
    Digest hashedKey{};
    if (key.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        hashedKey = sha256(key);
        key = std::as_bytes(std::span(hashedKey));
    }
    // OpenSSL's HMAC gives a null key pointer a meaning of its own (keep the previous key): an
    // empty key still gets a valid pointer, as does empty data.
    static constexpr unsigned char kEmpty = 0;
    const void* keyData = key.empty() ? static_cast<const void*>(&kEmpty) : key.data();
    const auto* input = reinterpret_cast<const unsigned char*>(data.data());
    const unsigned char* inputData = data.empty() ? &kEmpty : input;

    Digest digest{};
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), keyData, static_cast<int>(key.size()), inputData, data.size(), digest.data(), &length) ==
            nullptr ||
        length != digest.size()) {
        std::fprintf(stderr, "sigma::crypto::hmacSha256: HMAC failed\n");
        std::abort();
    }
    return digest;
}

Digest hmacSha256(std::span<const std::uint8_t> key, std::span<const std::uint8_t> data)
{
    return hmacSha256(std::as_bytes(key), std::as_bytes(data));
}

Digest hmacSha256(std::string_view key, std::string_view data)
{
    return hmacSha256(std::as_bytes(std::span(key.data(), key.size())),
                      std::as_bytes(std::span(data.data(), data.size())));
}

} // namespace sigma::crypto
