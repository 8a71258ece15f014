#pragma once

#include "core/Result.h"

#include <compare>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sigma::core {

class Quantity;

/// Thrown by Money's operators when a result does not fit in int64 kopecks. Arithmetic never wraps:
/// code that handles outside values uses the checked*() functions, which return a Result instead.
class MoneyOverflowError : public std::overflow_error {
public:
    MoneyOverflowError() : std::overflow_error("money arithmetic overflow") {}
};

/// An amount of roubles held as integer kopecks.
///
/// Parsing accepts what people and integrators type ("1234.50", "1234,50", "1 234,50 ₽") and
/// refuses anything ambiguous (more than two decimals, stray characters) with a message that
/// names the problem. Values parsed from outside are limited to the fiscal register's range.
class Money {
public:
    /// The largest sum one fiscal register field takes: 99 999 999.99 ₽ (10 BCD digits in ATOL's
    /// protocol). Used to reject input early; totals of many receipts may be larger.
    static constexpr std::int64_t kRegisterLimitKopecks = 9'999'999'999;

    constexpr Money() = default;

    static constexpr Money fromKopecks(std::int64_t kopecks) { return Money(kopecks); }
    static constexpr Money fromRoubles(std::int64_t roubles) { return Money(roubles * 100); }
    static constexpr Money zero() { return Money(0); }

    /// Parses "1234.50", "1234,50", "-5", "1 234,50 ₽", "1234.5 руб.". At most two decimals;
    /// thousands separated by single spaces (also no-break spaces) in groups of three; the
    /// magnitude must not exceed the register limit.
    static Result<Money> parse(std::string_view text);

    /// Like parse(), without the register limit (for totals and reports).
    static Result<Money> parseUnlimited(std::string_view text);

    [[nodiscard]] constexpr std::int64_t kopecks() const { return m_kopecks; }
    [[nodiscard]] constexpr bool isZero() const { return m_kopecks == 0; }
    [[nodiscard]] constexpr bool isNegative() const { return m_kopecks < 0; }
    [[nodiscard]] constexpr bool isPositive() const { return m_kopecks > 0; }
    [[nodiscard]] bool withinRegisterLimit() const;

    /// Machine form: "-1234.50" (dot, no grouping, always two decimals).
    [[nodiscard]] std::string toString() const;
    /// Russian display form: "1 234,50 ₽" with no-break spaces (U+00A0) between groups and
    /// before the sign. `withCurrency = false` leaves the "₽" off.
    [[nodiscard]] std::string format(bool withCurrency = true) const;
    /// Roubles as a double, only for JSON output where the shortest representation prints
    /// the exact two-decimal value. Never compute with it.
    [[nodiscard]] double toDouble() const { return static_cast<double>(m_kopecks) / 100.0; }

    [[nodiscard]] Result<Money> checkedAdd(Money other) const;
    [[nodiscard]] Result<Money> checkedSub(Money other) const;
    [[nodiscard]] Result<Money> checkedMul(std::int64_t factor) const;
    /// price × quantity, rounded half up (away from zero) to the kopeck.
    [[nodiscard]] Result<Money> checkedTimes(Quantity quantity) const;

    Money operator+(Money other) const;
    Money operator-(Money other) const;
    Money operator-() const;
    Money& operator+=(Money other);
    Money& operator-=(Money other);

    constexpr auto operator<=>(const Money&) const = default;

private:
    constexpr explicit Money(std::int64_t kopecks) : m_kopecks(kopecks) {}

    std::int64_t m_kopecks = 0;
};

} // namespace sigma::core
