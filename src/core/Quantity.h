#pragma once

#include "core/Result.h"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace sigma::core {

/// A quantity in integer thousandths: 1 piece is 1000, 0.125 kg is 125.
class Quantity {
public:
    /// Largest quantity accepted from input: 99 999.999 (units or kilograms).
    static constexpr std::int64_t kMaxThousandths = 99'999'999;

    constexpr Quantity() = default;

    static constexpr Quantity fromThousandths(std::int64_t thousandths) { return Quantity(thousandths); }
    static constexpr Quantity pieces(std::int64_t count) { return Quantity(count * 1000); }

    /// Parses "2", "0.125", "0,125", "1.5". At most three decimals; no sign, no grouping.
    static Result<Quantity> parse(std::string_view text);

    [[nodiscard]] constexpr std::int64_t thousandths() const { return m_thousandths; }
    [[nodiscard]] constexpr bool isWhole() const { return m_thousandths % 1000 == 0; }
    [[nodiscard]] constexpr bool isPositive() const { return m_thousandths > 0; }

    /// "2", "0.125", "1.5": shortest exact decimal form.
    [[nodiscard]] std::string toString() const;
    /// Three decimals always ("0.125", "2.000"), as the FFD quantity and weighed labels show it.
    [[nodiscard]] std::string toFixedString() const;
    [[nodiscard]] double toDouble() const { return static_cast<double>(m_thousandths) / 1000.0; }

    constexpr auto operator<=>(const Quantity&) const = default;

private:
    constexpr explicit Quantity(std::int64_t thousandths) : m_thousandths(thousandths) {}

    std::int64_t m_thousandths = 0;
};

} // namespace sigma::core
