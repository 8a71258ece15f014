// The calculator on a large receipt: 200 lines (pieces and weighed goods, mixed VAT rates, some
// line discounts) with a 7% receipt discount, so the proportional split runs over every line.

#include "core/ReceiptCalculator.h"

#include <benchmark/benchmark.h>

namespace {

using namespace sigma::core;

Receipt makeReceipt(std::size_t lines)
{
    Receipt receipt;
    receipt.vatDate = Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
    const VatRate rates[] = {VatRate::Vat22, VatRate::Vat10, VatRate::None, VatRate::Vat122};
    for (std::size_t i = 0; i < lines; ++i) {
        ReceiptLine line;
        line.name = "Товар " + std::to_string(i);
        line.unitPrice = Money::fromKopecks(static_cast<std::int64_t>(1999 + i * 137 % 50000));
        if (i % 3 == 0) {
            line.unit = MeasureUnit::Kilogram;
            line.quantity = Quantity::fromThousandths(static_cast<std::int64_t>(125 + i * 7));
        } else {
            line.quantity = Quantity::pieces(static_cast<std::int64_t>(1 + i % 5));
        }
        line.vat = rates[i % 4];
        if (i % 10 == 0) {
            line.discount = Discount::ofPercentHundredths(500);
        }
        receipt.lines.push_back(line);
    }
    receipt.discount = Discount::ofPercentHundredths(700);
    receipt.payments.push_back({PaymentType::Cash, Money::fromKopecks(100'000'000)});
    return receipt;
}

void BM_Calculate200LinesWithReceiptDiscount(benchmark::State& state)
{
    const Receipt receipt = makeReceipt(static_cast<std::size_t>(state.range(0)));
    const ReceiptCalculator calculator;
    for (auto _ : state) {
        auto totals = calculator.settle(receipt);
        benchmark::DoNotOptimize(totals);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Calculate200LinesWithReceiptDiscount)->Arg(200)->Arg(10)->Unit(benchmark::kMicrosecond);

} // namespace
