#include "core/Money.h"

#include "core/ErrorCodes.h"
#include "core/FixedPoint.h"
#include "core/Int128.h"
#include "core/Quantity.h"

#include <array>
#include <limits>

namespace sigma::core {
namespace {

// Currency marks accepted after the number, longest first so "руб." wins over "руб".
constexpr std::array<std::string_view, 6> kCurrencySuffixes = {"\xE2\x82\xBD", // ₽
                                                               "\xD1\x80\xD1\x83\xD0\xB1.", // руб.
                                                               "\xD1\x80\xD1\x83\xD0\xB1", // руб
                                                               "\xD1\x80.", // р.
                                                               "RUB", "rub"};

std::string_view stripCurrency(std::string_view text)
{
    text = detail::trimSpaces(text);
    for (auto suffix : kCurrencySuffixes) {
        if (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
            return text.substr(0, text.size() - suffix.size());
        }
    }
    return text;
}

Result<Money> parseWithLimit(std::string_view text, std::int64_t limit)
{
    const detail::FixedPointFormat format{
        .decimals = 2,
        .allowSign = true,
        .allowGrouping = true,
        .maxScaled = limit,
        .errorCode = errc::kBadMoney,
        .rangeErrorCode = errc::kMoneyOutOfRange,
        .what = "amount",
    };
    auto scaled = detail::parseFixedPoint(stripCurrency(text), format);
    if (!scaled) {
        return scaled.error();
    }
    return Money::fromKopecks(*scaled);
}

Error overflow(const char* operation)
{
    return Error(errc::kMoneyOverflow, std::string("money overflow in ") + operation);
}

} // namespace

Result<Money> Money::parse(std::string_view text)
{
    return parseWithLimit(text, kRegisterLimitKopecks);
}

Result<Money> Money::parseUnlimited(std::string_view text)
{
    return parseWithLimit(text, std::numeric_limits<std::int64_t>::max());
}

bool Money::withinRegisterLimit() const
{
    return m_kopecks >= -kRegisterLimitKopecks && m_kopecks <= kRegisterLimitKopecks;
}

std::string Money::toString() const
{
    // Via unsigned so that INT64_MIN prints without overflow.
    const bool negative = m_kopecks < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(m_kopecks)
                                             : static_cast<std::uint64_t>(m_kopecks);
    // Appended piece by piece into one string: `"-" + std::to_string(...)` goes through
    // basic_string::insert at position 0, where GCC 12 at -O3 reports a false -Wrestrict.
    const auto cents = magnitude % 100;
    std::string result = negative ? "-" : "";
    result += std::to_string(magnitude / 100);
    result += '.';
    result += static_cast<char>('0' + cents / 10);
    result += static_cast<char>('0' + cents % 10);
    return result;
}

std::string Money::format(bool withCurrency) const
{
    static constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
    const bool negative = m_kopecks < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(m_kopecks)
                                             : static_cast<std::uint64_t>(m_kopecks);
    const std::string integer = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) {
            grouped += kNoBreakSpace;
        }
        grouped += integer[i];
    }
    const auto cents = magnitude % 100;
    std::string result = negative ? "-" : "";
    result += grouped;
    result += ',';
    result += static_cast<char>('0' + cents / 10);
    result += static_cast<char>('0' + cents % 10);
    if (withCurrency) {
        result += kNoBreakSpace;
        result += "\xE2\x82\xBD";
    }
    return result;
}

Result<Money> Money::checkedAdd(Money other) const
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(m_kopecks, other.m_kopecks, &sum)) {
        return overflow("addition");
    }
    return Money(sum);
}

Result<Money> Money::checkedSub(Money other) const
{
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(m_kopecks, other.m_kopecks, &difference)) {
        return overflow("subtraction");
    }
    return Money(difference);
}

Result<Money> Money::checkedMul(std::int64_t factor) const
{
    std::int64_t product = 0;
    if (__builtin_mul_overflow(m_kopecks, factor, &product)) {
        return overflow("multiplication");
    }
    return Money(product);
}

Result<Money> Money::checkedTimes(Quantity quantity) const
{
    // kopecks × thousandths can exceed int64 for large but legal inputs: compute in 128 bits.
    const Int128 product = static_cast<Int128>(m_kopecks) * quantity.thousandths();
    const Int128 rounded = divideRoundHalfUp(product, 1000);
    if (rounded > std::numeric_limits<std::int64_t>::max() || rounded < std::numeric_limits<std::int64_t>::min()) {
        return overflow("price times quantity");
    }
    return Money(static_cast<std::int64_t>(rounded));
}

Money Money::operator+(Money other) const
{
    auto r = checkedAdd(other);
    if (!r) {
        throw MoneyOverflowError();
    }
    return *r;
}

Money Money::operator-(Money other) const
{
    auto r = checkedSub(other);
    if (!r) {
        throw MoneyOverflowError();
    }
    return *r;
}

Money Money::operator-() const
{
    if (m_kopecks == std::numeric_limits<std::int64_t>::min()) {
        throw MoneyOverflowError();
    }
    return Money(-m_kopecks);
}

Money& Money::operator+=(Money other)
{
    *this = *this + other;
    return *this;
}

Money& Money::operator-=(Money other)
{
    *this = *this - other;
    return *this;
}

} // namespace sigma::core
