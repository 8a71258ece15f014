#pragma once

namespace sigma::core {

// Products of kopecks and thousandths (or percentages) can exceed int64 for legal inputs, so
// intermediate results are 128-bit. GCC and Clang both provide the type; __extension__ keeps
// -Wpedantic quiet about it.
__extension__ using Int128 = __int128;

/// numerator / denominator rounded half up, i.e. half away from zero (denominator > 0).
constexpr Int128 divideRoundHalfUp(Int128 numerator, Int128 denominator)
{
    const Int128 magnitude = numerator < 0 ? -numerator : numerator;
    const Int128 rounded = (2 * magnitude + denominator) / (2 * denominator);
    return numerator < 0 ? -rounded : rounded;
}

} // namespace sigma::core
