#include "core/Quantity.h"

#include "core/ErrorCodes.h"
#include "core/FixedPoint.h"

namespace sigma::core {

Result<Quantity> Quantity::parse(std::string_view text)
{
    const detail::FixedPointFormat format{
        .decimals = 3,
        .allowSign = false,
        .allowGrouping = false,
        .maxScaled = kMaxThousandths,
        .errorCode = errc::kBadQuantity,
        .rangeErrorCode = errc::kQuantityOutOfRange,
        .what = "quantity",
    };
    auto scaled = detail::parseFixedPoint(text, format);
    if (!scaled) {
        return scaled.error();
    }
    return Quantity(*scaled);
}

std::string Quantity::toString() const
{
    std::string result = toFixedString();
    while (result.back() == '0') {
        result.pop_back();
    }
    if (result.back() == '.') {
        result.pop_back();
    }
    return result;
}

std::string Quantity::toFixedString() const
{
    const bool negative = m_thousandths < 0;
    const std::int64_t magnitude = negative ? -m_thousandths : m_thousandths;
    std::string fraction = std::to_string(magnitude % 1000);
    fraction.insert(0, 3 - fraction.size(), '0');
    return (negative ? "-" : "") + std::to_string(magnitude / 1000) + "." + fraction;
}

} // namespace sigma::core
