#include "core/Discount.h"

#include "core/ErrorCodes.h"
#include "core/FixedPoint.h"
#include "core/Int128.h"

namespace sigma::core {

Result<Discount> Discount::parsePercent(std::string_view text)
{
    std::string_view body = detail::trimSpaces(text);
    if (!body.empty() && body.back() == '%') {
        body.remove_suffix(1);
    }
    const detail::FixedPointFormat format{
        .decimals = 2,
        .allowSign = false,
        .allowGrouping = false,
        .maxScaled = kFullPercentHundredths,
        .errorCode = errc::kBadPercent,
        .rangeErrorCode = errc::kBadPercent,
        .what = "percent",
    };
    auto scaled = detail::parseFixedPoint(body, format);
    if (!scaled) {
        return scaled.error();
    }
    return ofPercentHundredths(static_cast<int>(*scaled));
}

Money Discount::on(Money base) const
{
    if (m_kind == Kind::Amount) {
        return m_amount;
    }
    const Int128 product = static_cast<Int128>(base.kopecks()) * m_percentHundredths;
    return Money::fromKopecks(static_cast<std::int64_t>(divideRoundHalfUp(product, kFullPercentHundredths)));
}

std::string Discount::toString() const
{
    if (m_kind == Kind::Amount) {
        return m_amount.toString();
    }
    std::string text = std::to_string(m_percentHundredths / 100);
    if (const int fraction = m_percentHundredths % 100; fraction != 0) {
        text += '.';
        text += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) {
            text += static_cast<char>('0' + fraction % 10);
        }
    }
    return text + "%";
}

} // namespace sigma::core
