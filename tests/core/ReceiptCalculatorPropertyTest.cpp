// Properties that must hold for every cart, checked over thousands of random ones (fixed seeds,
// so a failure is reproducible from the printed seed).

#include "core/ReceiptCalculator.h"

#include "core/Int128.h"
#include "core/ReceiptBuilder.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace sigma::core {
namespace {

constexpr VatRate k2026Rates[] = {VatRate::None,  VatRate::Vat0,   VatRate::Vat5,   VatRate::Vat7,
                                  VatRate::Vat10, VatRate::Vat22,  VatRate::Vat105, VatRate::Vat107,
                                  VatRate::Vat110, VatRate::Vat122};

Receipt randomReceipt(std::mt19937_64& rng)
{
    auto pick = [&](std::int64_t lo, std::int64_t hi) {
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
    };
    test::ReceiptBuilder builder;
    const auto lines = pick(1, 60);
    for (std::int64_t i = 0; i < lines; ++i) {
        const VatRate vat = k2026Rates[pick(0, std::size(k2026Rates) - 1)];
        // Mostly shop prices, sometimes tiny ones where rounding bites, sometimes free items.
        const std::int64_t price = pick(0, 9) == 0 ? pick(0, 5) : pick(1, 2'000'000);
        if (pick(0, 3) == 0) {
            builder.weighed(price, pick(1, 15'000), vat);
        } else {
            builder.line(price, pick(1, 24) * 1000, vat);
        }
        if (pick(0, 4) == 0) {
            builder.lineDiscount(Discount::ofPercentHundredths(static_cast<int>(pick(0, 10'000))));
        }
    }
    Receipt receipt = builder.build();
    if (pick(0, 1) == 0) {
        if (pick(0, 1) == 0) {
            receipt.discount = Discount::ofPercentHundredths(static_cast<int>(pick(0, 10'000)));
        } else {
            // An amount discount not above what the lines come to after their own discounts.
            auto pre = ReceiptCalculator().calculate(receipt);
            receipt.discount = Discount::ofAmount(Money::fromKopecks(pick(0, pre->total.kopecks())));
        }
    }
    return receipt;
}

std::int64_t exactVat(std::int64_t amount, int r)
{
    if (r == 0) {
        return 0;
    }
    return (2 * amount * r + (100 + r)) / (2 * (100 + r));
}

TEST(ReceiptCalculatorProperties, InvariantsHoldForRandomCarts)
{
    const ReceiptCalculator calculator;
    const auto& table = VatTable::standard();
    constexpr int kCarts = 5000;
    for (int seed = 0; seed < kCarts; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
        const Receipt receipt = randomReceipt(rng);
        auto result = calculator.calculate(receipt);
        ASSERT_TRUE(result.ok()) << "seed " << seed << ": " << result.error().message;
        const ReceiptTotals& t = *result;
        ASSERT_EQ(t.lines.size(), receipt.lines.size());

        std::int64_t sumAmounts = 0;
        std::int64_t sumReceiptDiscount = 0;
        std::map<VatRate, std::int64_t> vatByRate;
        std::int64_t afterLineDiscounts = 0;
        for (std::size_t i = 0; i < t.lines.size(); ++i) {
            const LineTotals& line = t.lines[i];
            ASSERT_GE(line.amount.kopecks(), 0) << "seed " << seed << " line " << i;
            ASSERT_EQ(line.amount, line.baseAmount - line.lineDiscount - line.receiptDiscount) << "seed " << seed;
            ASSERT_EQ(line.vat.kopecks(), exactVat(line.amount.kopecks(), table.info(line.vatRate).percent))
                << "seed " << seed;
            // price × quantity within half a kopeck per unit of the authoritative amount
            const Int128 priced = static_cast<Int128>(line.price.kopecks()) * receipt.lines[i].quantity.thousandths();
            const Int128 diff = priced - static_cast<Int128>(line.amount.kopecks()) * 1000;
            ASSERT_LE(diff < 0 ? -diff : diff, receipt.lines[i].quantity.thousandths() / 2 + 1) << "seed " << seed;
            sumAmounts += line.amount.kopecks();
            sumReceiptDiscount += line.receiptDiscount.kopecks();
            afterLineDiscounts += (line.baseAmount - line.lineDiscount).kopecks();
            vatByRate[line.vatRate] += line.vat.kopecks();
        }
        ASSERT_EQ(sumAmounts, t.total.kopecks()) << "seed " << seed;
        ASSERT_EQ(t.total, t.subtotal - t.discountTotal) << "seed " << seed;

        // The receipt discount is handed out exactly and no line gets more than its exact share rounded up.
        const std::int64_t wanted = receipt.discount ? receipt.discount->on(Money::fromKopecks(afterLineDiscounts)).kopecks() : 0;
        ASSERT_EQ(sumReceiptDiscount, wanted) << "seed " << seed;
        if (afterLineDiscounts > 0) {
            for (const LineTotals& line : t.lines) {
                const Int128 exact = static_cast<Int128>(wanted) * (line.baseAmount - line.lineDiscount).kopecks();
                const auto ceilShare = static_cast<std::int64_t>((exact + afterLineDiscounts - 1) / afterLineDiscounts);
                ASSERT_LE(line.receiptDiscount.kopecks(), ceilShare) << "seed " << seed;
            }
        }

        ASSERT_EQ(t.vat.size(), vatByRate.size()) << "seed " << seed;
        for (const VatTotal& v : t.vat) {
            ASSERT_EQ(v.vat.kopecks(), vatByRate[v.rate]) << "seed " << seed;
        }

        // Deterministic: the same cart gives the same figures.
        auto again = calculator.calculate(receipt);
        ASSERT_TRUE(again.ok());
        for (std::size_t i = 0; i < t.lines.size(); ++i) {
            ASSERT_EQ(again->lines[i].amount, t.lines[i].amount) << "seed " << seed;
        }
    }
}

TEST(ReceiptCalculatorProperties, ChangeAndDueAreConsistent)
{
    const ReceiptCalculator calculator;
    for (int seed = 0; seed < 2000; ++seed) {
        std::mt19937_64 rng(static_cast<std::uint64_t>(seed) + 1'000'000);
        Receipt receipt = randomReceipt(rng);
        const Money total = calculator.calculate(receipt)->total;
        auto pick = [&](std::int64_t lo, std::int64_t hi) {
            return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
        };
        const std::int64_t card = pick(0, total.kopecks());
        const std::int64_t cash = pick(0, total.kopecks() + 500'000);
        if (card > 0) {
            receipt.payments.push_back({PaymentType::Electronically, Money::fromKopecks(card)});
        }
        if (cash > 0) {
            receipt.payments.push_back({PaymentType::Cash, Money::fromKopecks(cash)});
        }
        auto t = calculator.calculate(receipt);
        ASSERT_TRUE(t.ok()) << "seed " << seed << ": " << t.error().message;
        const std::int64_t paid = card + cash;
        ASSERT_EQ(t->change.kopecks(), std::max<std::int64_t>(0, paid - total.kopecks())) << "seed " << seed;
        ASSERT_EQ(t->due.kopecks(), std::max<std::int64_t>(0, total.kopecks() - paid)) << "seed " << seed;
        ASSERT_LE(t->change.kopecks(), cash) << "change only from cash, seed " << seed;
        ASSERT_EQ(calculator.settle(receipt).ok(), paid >= total.kopecks()) << "seed " << seed;
    }
}

} // namespace
} // namespace sigma::core
