#pragma once

#include "core/Result.h"

#include <cstdint>
#include <string_view>

namespace sigma::core::detail {

/// How parseFixedPoint reads a decimal number.
struct FixedPointFormat {
    int decimals = 2;              ///< scale: the result is value × 10^decimals
    bool allowSign = false;        ///< a leading '-'
    bool allowGrouping = false;    ///< thousands separated by spaces in groups of three
    std::int64_t maxScaled = 0;    ///< largest magnitude accepted, in scaled units
    int errorCode = 0;             ///< code for malformed text
    int rangeErrorCode = 0;        ///< code for a value beyond maxScaled
    std::string_view what;         ///< "amount", "quantity": used in messages
};

/// Exact decimal parsing shared by Money and Quantity: no floating point anywhere, so
/// "0.1" is one tenth and never 0.1000000000000000055.
Result<std::int64_t> parseFixedPoint(std::string_view text, const FixedPointFormat& format);

/// Trims ASCII white space and the no-break spaces U+00A0, U+202F, U+2009 from both ends.
std::string_view trimSpaces(std::string_view text);

} // namespace sigma::core::detail
