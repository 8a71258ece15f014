#pragma once

#include "core/Money.h"

#include <string>
#include <string_view>

namespace sigma::core {

/// A discount on a line or on the whole receipt: a sum, or a percentage of the amount.
class Discount {
public:
    enum class Kind {
        Amount = 1,
        Percent,
    };

    /// 100% in hundredths of a percent.
    static constexpr int kFullPercentHundredths = 10'000;

    static Discount ofAmount(Money amount) { return Discount(Kind::Amount, amount, 0); }
    /// `hundredths` of a percent: 550 is 5.5%.
    static Discount ofPercentHundredths(int hundredths) { return Discount(Kind::Percent, Money::zero(), hundredths); }
    /// Parses "5", "5.5", "12,25" as a percentage in 0..100 with at most two decimals.
    static Result<Discount> parsePercent(std::string_view text);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] Money amount() const { return m_amount; }
    [[nodiscard]] int percentHundredths() const { return m_percentHundredths; }

    /// The discount in money on `base`: the amount itself, or round half up (base × percent).
    [[nodiscard]] Money on(Money base) const;

    /// "5%" / "5.5%" / "150.00".
    [[nodiscard]] std::string toString() const;

    friend bool operator==(const Discount&, const Discount&) = default;

private:
    Discount(Kind kind, Money amount, int hundredths) : m_kind(kind), m_amount(amount), m_percentHundredths(hundredths)
    {
    }

    Kind m_kind;
    Money m_amount;
    int m_percentHundredths;
};

} // namespace sigma::core
