// The publisher keys compiled into this binary (see TrustStore::builtin and docs/architecture.md,
// "Updates"). SIGMA_UPDATE_RELEASE_KEYS and SIGMA_UPDATE_DEV_KEY come from CMake: comma-separated
// hex public keys, the second empty unless the build was configured with the test key.

#include "crypto/Hex.h"
#include "update/TrustStore.h"

#include <algorithm>
#include <string_view>

#ifndef SIGMA_UPDATE_RELEASE_KEYS
#error "SIGMA_UPDATE_RELEASE_KEYS must be defined by CMake"
#endif
#ifndef SIGMA_UPDATE_DEV_KEY
#error "SIGMA_UPDATE_DEV_KEY must be defined by CMake"
#endif

namespace sigma::update {
namespace {

void addKeys(std::string_view list, std::vector<crypto::Ed25519PublicKey>& keys)
{
    while (!list.empty()) {
        const std::size_t comma = list.find(',');
        const std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
        auto bytes = crypto::fromHex(item);
        crypto::Ed25519PublicKey key{};
        // CMake checks the format; a bad entry here is dropped rather than trusted half-read.
        if (bytes && bytes->size() == key.size()) {
            std::copy(bytes->begin(), bytes->end(), key.begin());
            keys.push_back(key);
        }
    }
}

} // namespace

TrustStore TrustStore::builtin()
{
    std::vector<crypto::Ed25519PublicKey> keys;
    addKeys(SIGMA_UPDATE_RELEASE_KEYS, keys);
    addKeys(SIGMA_UPDATE_DEV_KEY, keys);
    return TrustStore(std::move(keys));
}

bool TrustStore::builtinTrustsDevKey()
{
    return !std::string_view(SIGMA_UPDATE_DEV_KEY).empty();
}

} // namespace sigma::update
