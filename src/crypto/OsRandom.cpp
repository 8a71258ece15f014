#include "crypto/OsRandom.h"

#include "crypto/Hex.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <openssl/err.h>
#include <openssl/rand.h>

namespace sigma::crypto {

void OsRandom::fill(std::span<std::byte> out)
{
    constexpr auto kChunk = static_cast<std::size_t>(std::numeric_limits<int>::max());
    while (!out.empty()) {
        const std::size_t size = std::min(out.size(), kChunk);
        if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(size)) != 1) {
            char reason[256] = "unknown";
            ERR_error_string_n(ERR_get_error(), reason, sizeof reason);
            std::fprintf(stderr,
                         "sigma::crypto::OsRandom: RAND_bytes failed (%s); refusing to continue "
                         "without secure random numbers\n",
                         reason);
            std::abort();
        }
        out = out.subspan(size);
    }
}

std::vector<std::uint8_t> randomBytes(std::size_t size)
{
    std::vector<std::uint8_t> bytes(size);
    OsRandom().fill(std::as_writable_bytes(std::span(bytes)));
    return bytes;
}

std::string randomToken(std::size_t bytes)
{
    return toHex(randomBytes(bytes));
}

} // namespace sigma::crypto
