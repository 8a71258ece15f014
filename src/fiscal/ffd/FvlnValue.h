#pragma once

#include <cstdint>

namespace sigma::fiscal::ffd {

/// A decoded FVLN: `value` × 10^-`decimals` (quantity 0.125 is {3, 125}).
struct FvlnValue {
    std::uint8_t decimals = 0;
    std::uint64_t value = 0;

    friend bool operator==(const FvlnValue&, const FvlnValue&) = default;
};

} // namespace sigma::fiscal::ffd
