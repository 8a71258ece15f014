#include "core/ReceiptCalculator.h"

#include "core/ErrorCodes.h"
#include "core/ReceiptBuilder.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

using test::ReceiptBuilder;

ReceiptTotals calc(const Receipt& receipt)
{
    auto totals = ReceiptCalculator().calculate(receipt);
    EXPECT_TRUE(totals.ok()) << totals.error().message << " [" << totals.error().field << "]";
    return totals.ok() ? *totals : ReceiptTotals{};
}

Error calcError(const Receipt& receipt)
{
    auto totals = ReceiptCalculator().settle(receipt);
    EXPECT_FALSE(totals.ok());
    return totals.ok() ? Error() : totals.error();
}

TEST(ReceiptCalculator, SingleLineAt22Percent)
{
    const auto t = calc(ReceiptBuilder().line(12200, 2000)); // 2 × 122.00
    EXPECT_EQ(t.total.kopecks(), 24400);
    ASSERT_EQ(t.vat.size(), 1u);
    EXPECT_EQ(t.vat[0].rate, VatRate::Vat22);
    EXPECT_EQ(t.vat[0].vat.kopecks(), 4400);
    EXPECT_EQ(t.lines[0].price.kopecks(), 12200);
}

TEST(ReceiptCalculator, WeighedQuantityRoundsHalfUp)
{
    // 0.125 kg × 199.99 = 24.99875 → 25.00; VAT 22% of 25.00 = 4.508 → 4.51
    const auto t = calc(ReceiptBuilder().weighed(19999, 125));
    EXPECT_EQ(t.lines[0].baseAmount.kopecks(), 2500);
    EXPECT_EQ(t.lines[0].vat.kopecks(), 451);
    EXPECT_EQ(t.lines[0].price.kopecks(), 20000); // 25.00 / 0.125
    EXPECT_EQ(t.total.kopecks(), 2500);
}

TEST(ReceiptCalculator, HalfKopeckLineRoundsUp)
{
    const auto t = calc(ReceiptBuilder().weighed(1001, 500).weighed(99, 1500)); // 5.005 → 5.01, 1.485 → 1.49
    EXPECT_EQ(t.lines[0].amount.kopecks(), 501);
    EXPECT_EQ(t.lines[1].amount.kopecks(), 149);
    EXPECT_EQ(t.total.kopecks(), 650);
}

TEST(ReceiptCalculator, VatTotalsAreSumsOfLineVats)
{
    // Four lines of 0.03 at 22%: each line's VAT is 0.54 kopeck → 1, so the rate's VAT is 0.04,
    // while the VAT of the summed base (0.12 → 2.16 kopecks) would be 0.02.
    const auto t = calc(ReceiptBuilder().line(3, 1000).line(3, 1000).line(3, 1000).line(3, 1000));
    EXPECT_EQ(t.vat[0].vat.kopecks(), 4);
    EXPECT_EQ(t.vat[0].base.kopecks(), 12);
}

TEST(ReceiptCalculator, MixedRatesInTableOrder)
{
    const auto t = calc(ReceiptBuilder()
                            .line(11000, 1000, VatRate::Vat10)
                            .line(12200, 1000, VatRate::Vat22)
                            .line(5000, 1000, VatRate::None)
                            .line(10500, 1000, VatRate::Vat5)
                            .line(10000, 1000, VatRate::Vat122));
    ASSERT_EQ(t.vat.size(), 5u);
    EXPECT_EQ(t.vat[0].rate, VatRate::None);
    EXPECT_EQ(t.vat[1].rate, VatRate::Vat5);
    EXPECT_EQ(t.vat[1].vat.kopecks(), 500);
    EXPECT_EQ(t.vat[2].rate, VatRate::Vat10);
    EXPECT_EQ(t.vat[2].vat.kopecks(), 1000);
    EXPECT_EQ(t.vat[3].rate, VatRate::Vat22);
    EXPECT_EQ(t.vat[3].vat.kopecks(), 2200);
    EXPECT_EQ(t.vat[4].rate, VatRate::Vat122);
    EXPECT_EQ(t.vat[4].vat.kopecks(), 1803);
    EXPECT_EQ(t.total.kopecks(), 48700);
}

TEST(ReceiptCalculator, ReturnOf2025SaleAt20PercentStillComputes)
{
    const auto receipt = ReceiptBuilder()
                             .date(2025, 11, 20)
                             .operation(ReceiptOperation::SaleReturn)
                             .line(12000, 1000, VatRate::Vat20)
                             .pay(PaymentType::Cash, 12000);
    auto t = ReceiptCalculator().settle(receipt);
    ASSERT_TRUE(t.ok()) << t.error().message;
    EXPECT_EQ(t->vat[0].rate, VatRate::Vat20);
    EXPECT_EQ(t->vat[0].vat.kopecks(), 2000);
}

TEST(ReceiptCalculator, TwentyPercentIsRefusedForA2026Sale)
{
    const auto e = calcError(ReceiptBuilder().line(12000, 1000, VatRate::Vat20).pay(PaymentType::Cash, 12000));
    EXPECT_EQ(e.code, errc::kVatRateNotValidOnDate);
    EXPECT_EQ(e.field, "lines[0].tax");
}

TEST(ReceiptCalculator, LineDiscounts)
{
    const auto t = calc(ReceiptBuilder()
                            .line(10000, 3000)
                            .lineDiscount(Discount::ofPercentHundredths(1000)) // 10% of 300.00
                            .line(5000, 1000)
                            .lineDiscount(Discount::ofAmount(Money::fromKopecks(1250))));
    EXPECT_EQ(t.lines[0].lineDiscount.kopecks(), 3000);
    EXPECT_EQ(t.lines[0].amount.kopecks(), 27000);
    EXPECT_EQ(t.lines[0].price.kopecks(), 9000);
    EXPECT_EQ(t.lines[1].amount.kopecks(), 3750);
    EXPECT_EQ(t.total.kopecks(), 30750);
    EXPECT_EQ(t.discountTotal.kopecks(), 4250);
    EXPECT_EQ(t.subtotal.kopecks(), 35000);
}

TEST(ReceiptCalculator, ReceiptDiscountSplitsProportionally)
{
    const auto t = calc(
        ReceiptBuilder().line(10000, 1000).line(5000, 1000).line(5000, 1000).discount(Discount::ofPercentHundredths(1000)));
    EXPECT_EQ(t.lines[0].receiptDiscount.kopecks(), 1000);
    EXPECT_EQ(t.lines[1].receiptDiscount.kopecks(), 500);
    EXPECT_EQ(t.lines[2].receiptDiscount.kopecks(), 500);
    EXPECT_EQ(t.total.kopecks(), 18000);
}

TEST(ReceiptCalculator, ReceiptDiscountRemainderIsDeterministic)
{
    // 1.00 over three lines of 1.00: 33.33 kopecks each; the one leftover kopeck goes to the
    // first of the equal remainders.
    const auto t = calc(
        ReceiptBuilder().line(100, 1000).line(100, 1000).line(100, 1000).discount(Discount::ofAmount(Money::fromKopecks(100))));
    EXPECT_EQ(t.lines[0].receiptDiscount.kopecks(), 34);
    EXPECT_EQ(t.lines[1].receiptDiscount.kopecks(), 33);
    EXPECT_EQ(t.lines[2].receiptDiscount.kopecks(), 33);
    EXPECT_EQ(t.total.kopecks(), 200);
}

TEST(ReceiptCalculator, ReceiptDiscountNeverMakesALineNegative)
{
    // Putting the whole remainder on one line would push a 0.01 line to -0.01.
    const auto t = calc(
        ReceiptBuilder().line(1, 1000).line(1, 1000).line(1, 1000).discount(Discount::ofAmount(Money::fromKopecks(2))));
    std::int64_t sum = 0;
    for (const auto& line : t.lines) {
        EXPECT_GE(line.amount.kopecks(), 0);
        EXPECT_LE(line.receiptDiscount.kopecks(), 1);
        sum += line.amount.kopecks();
    }
    EXPECT_EQ(sum, 1);
    EXPECT_EQ(t.total.kopecks(), 1);
}

TEST(ReceiptCalculator, FullDiscountGivesZeroReceipt)
{
    const auto t = calc(ReceiptBuilder().line(777, 3000).line(1, 1000).discount(Discount::ofPercentHundredths(10000)));
    EXPECT_EQ(t.total.kopecks(), 0);
    for (const auto& line : t.lines) {
        EXPECT_EQ(line.amount.kopecks(), 0);
        EXPECT_EQ(line.vat.kopecks(), 0);
    }
}

TEST(ReceiptCalculator, CashChange)
{
    auto t = ReceiptCalculator().settle(ReceiptBuilder().line(12345, 1000).pay(PaymentType::Cash, 20000));
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->change.kopecks(), 7655);
    EXPECT_EQ(t->due.kopecks(), 0);
}

TEST(ReceiptCalculator, MixedPaymentChangeOnlyFromCash)
{
    auto t = ReceiptCalculator().settle(
        ReceiptBuilder().line(10000, 1000).pay(PaymentType::Electronically, 6000).pay(PaymentType::Cash, 5000));
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->change.kopecks(), 1000);
    EXPECT_EQ(t->nonCashPaid.kopecks(), 6000);
}

TEST(ReceiptCalculator, PartlyPaidCartShowsDue)
{
    auto t = ReceiptCalculator().calculate(ReceiptBuilder().line(10000, 1000).pay(PaymentType::Cash, 3000));
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->due.kopecks(), 7000);
}

struct ErrorCase {
    const char* name;
    Receipt receipt;
    int code;
    const char* field;
};

void PrintTo(const ErrorCase& c, std::ostream* os)
{
    *os << c.name;
}

class ReceiptCalculatorErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ReceiptCalculatorErrors, NamedError)
{
    auto t = ReceiptCalculator().settle(GetParam().receipt);
    ASSERT_FALSE(t.ok()) << GetParam().name;
    EXPECT_EQ(t.error().code, GetParam().code) << GetParam().name << ": " << t.error().message;
    EXPECT_EQ(t.error().field, GetParam().field) << GetParam().name;
    EXPECT_FALSE(t.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Validation, ReceiptCalculatorErrors,
    ::testing::Values(
        ErrorCase{"empty", ReceiptBuilder().build(), errc::kEmptyReceipt, "lines"},
        ErrorCase{"not fully paid", ReceiptBuilder().line(10000, 1000).pay(PaymentType::Cash, 9999), errc::kNotFullyPaid,
                  "payments"},
        ErrorCase{"no payment", ReceiptBuilder().line(10000, 1000), errc::kNotFullyPaid, "payments"},
        ErrorCase{"card overpayment", ReceiptBuilder().line(10000, 1000).pay(PaymentType::Electronically, 10001),
                  errc::kNonCashOverpayment, "payments"},
        ErrorCase{"zero quantity", ReceiptBuilder().line(100, 0).pay(PaymentType::Cash, 100), errc::kNonPositiveQuantity,
                  "lines[0].quantity"},
        ErrorCase{"negative quantity", ReceiptBuilder().line(100, 1000).line(100, -1000).pay(PaymentType::Cash, 100),
                  errc::kNonPositiveQuantity, "lines[1].quantity"},
        ErrorCase{"fractional pieces", ReceiptBuilder().line(100, 1500).pay(PaymentType::Cash, 1000),
                  errc::kFractionalPieces, "lines[0].quantity"},
        ErrorCase{"negative price", ReceiptBuilder().line(-100, 1000), errc::kNegativePrice, "lines[0].price"},
        ErrorCase{"line discount above amount",
                  ReceiptBuilder().line(100, 1000).lineDiscount(Discount::ofAmount(Money::fromKopecks(101))),
                  errc::kDiscountAboveAmount, "lines[0].discount"},
        ErrorCase{"receipt discount above amount",
                  ReceiptBuilder().line(100, 1000).line(100, 1000).discount(Discount::ofAmount(Money::fromKopecks(201))),
                  errc::kDiscountAboveAmount, "discount"},
        ErrorCase{"zero payment", ReceiptBuilder().line(100, 1000).pay(PaymentType::Cash, 0), errc::kNonPositivePayment,
                  "payments[0].sum"},
        ErrorCase{"line beyond register limit", ReceiptBuilder().line(9'999'999'999, 2000), errc::kMoneyOutOfRange,
                  "lines[0].quantity"}));

TEST(ReceiptCalculator, TooManyLinesAreRefused)
{
    ReceiptBuilder builder;
    for (std::size_t i = 0; i <= ReceiptCalculator::kMaxLines; ++i) {
        builder.line(100, 1000);
    }
    EXPECT_EQ(ReceiptCalculator().calculate(builder).error().code, errc::kTooManyLines);
}

TEST(ReceiptCalculator, MissingDateIsAnError)
{
    Receipt receipt = ReceiptBuilder().line(100, 1000);
    receipt.vatDate = Date{};
    EXPECT_EQ(ReceiptCalculator().calculate(receipt).error().code, errc::kBadDate);
}

} // namespace
} // namespace sigma::core
