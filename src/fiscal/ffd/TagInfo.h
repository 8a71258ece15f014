#pragma once

#include "fiscal/ffd/TlvType.h"

#include <cstdint>
#include <string_view>

namespace sigma::fiscal::ffd {

/// One entry of the FFD tag dictionary.
struct TagInfo {
    std::uint16_t tag = 0;
    TlvType type = TlvType::Bytes;
    std::string_view key;    ///< short English name used as "name" in JSON ("total")
    std::string_view nameRu; ///< the FFD's Russian name, for people
    std::string_view nameEn; ///< English translation
};

} // namespace sigma::fiscal::ffd
