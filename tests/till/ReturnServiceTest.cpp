#include "till/ReturnService.h"

#include "till/TillErrors.h"
#include "till/TillFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

using namespace std::chrono_literals;

class ReturnServiceTest : public TillFixture {};

TEST_F(ReturnServiceTest, PartialReturnsNeverExceedWhatWasPaid)
{
    openShift();
    // 3 × 33.33 with a 10% receipt discount: 89.99 paid for the line.
    auto r = receipt(3333, 3000);
    r.discount = core::Discount::ofPercentHundredths(1000);
    auto sale = till::CheckoutService(*m_context).checkout(request(r, core::PaymentType::Cash, 10000));
    ASSERT_TRUE(sale.ok()) << sale.error().message;
    const auto paid = sale->receipt.lines[0].amount;
    ASSERT_TRUE(m_context->shifts().current().ok());

    till::ReturnService returns(*m_context);
    auto first = returns.returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(1)}}, m_cashier);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->receipt.operation, "sellReturn");
    auto second = returns.returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(2)}}, m_cashier);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(first->receipt.total + second->receipt.total, paid);

    auto third = returns.returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(1)}}, m_cashier);
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, till::errc::kReturnExceedsSale);
    EXPECT_EQ(third.error().field, "lines[0].quantity");
}

TEST_F(ReturnServiceTest, CardSaleIsRefundedToTheCard)
{
    openShift();
    auto sale = sell(25000, core::PaymentType::Electronically);
    ASSERT_TRUE(sale.ok());
    auto refund = till::ReturnService(*m_context).returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(1)}},
                                                                  m_cashier);
    ASSERT_TRUE(refund.ok()) << refund.error().message;
    ASSERT_EQ(refund->receipt.payments.size(), 1u);
    EXPECT_EQ(refund->receipt.payments[0].type, "electronically");
    EXPECT_EQ(refund->receipt.payments[0].cardStatus, "refunded");
    EXPECT_EQ(refund->receipt.total.kopecks(), 25000);
}

TEST_F(ReturnServiceTest, ReturnOfA2025SaleUsesTheRateOfThen)
{
    // A sale on 2025-12-30 at 20% ...
    m_clock.set(core::Clock::TimePoint(std::chrono::seconds(1'767'088'800))); // 2025-12-30 10:00 UTC
    openShift();
    auto r = receipt(12000, 1000, core::VatRate::Vat20);
    r.vatDate = core::Date{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(30)};
    auto sale = till::CheckoutService(*m_context).checkout(request(r, core::PaymentType::Cash, 12000));
    ASSERT_TRUE(sale.ok()) << sale.error().message;
    ASSERT_TRUE(till::ShiftService(*m_context).close(m_cashier, core::Money::fromKopecks(12000)).ok());
    // ... returned in 2026, when 20% is no longer valid for new sales.
    m_clock.advance(72h);
    openShift();
    ASSERT_TRUE(till::ShiftService(*m_context).cash(m_cashier, true, core::Money::fromKopecks(20000), "").ok());
    auto refund = till::ReturnService(*m_context).returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(1)}},
                                                                  m_cashier);
    ASSERT_TRUE(refund.ok()) << refund.error().message;
    EXPECT_EQ(refund->receipt.lines[0].vatRate, "vat20");
    EXPECT_EQ(refund->receipt.lines[0].vatSum.kopecks(), 2000);
    EXPECT_EQ(refund->receipt.vatDate, "2025-12-30");
}

TEST_F(ReturnServiceTest, OnlyFiscalizedSalesCanBeReturned)
{
    openShift();
    till::ReturnService returns(*m_context);
    EXPECT_EQ(returns.returnByReceipt("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", {{0, core::Quantity::pieces(1)}},
                                      m_cashier)
                  .error()
                  .code,
              till::errc::kReceiptNotFound);
    auto sale = sell(1000);
    auto refund = returns.returnByReceipt(sale->receipt.id, {{0, core::Quantity::pieces(1)}}, m_cashier);
    ASSERT_TRUE(refund.ok());
    EXPECT_EQ(returns.returnByReceipt(refund->receipt.id, {{0, core::Quantity::pieces(1)}}, m_cashier).error().code,
              till::errc::kNotReturnable);
    EXPECT_EQ(returns.returnByReceipt(sale->receipt.id, {{5, core::Quantity::pieces(1)}}, m_cashier).error().field,
              "lines[0].position");
}

TEST_F(ReturnServiceTest, FreeFormReturnNeedsApproval)
{
    openShift();
    ASSERT_TRUE(till::ShiftService(*m_context).cash(m_cashier, true, core::Money::fromKopecks(5000), "").ok());
    auto r = receipt(3000);
    r.payments.push_back({core::PaymentType::Cash, core::Money::fromKopecks(3000)});
    till::ReturnService returns(*m_context);
    EXPECT_EQ(returns.freeForm(r, m_cashier, "").error().code, till::errc::kSeniorApprovalRequired);
    auto done = returns.freeForm(r, m_cashier, "senior-id");
    ASSERT_TRUE(done.ok()) << done.error().message;
    EXPECT_EQ(done->receipt.operation, "sellReturn");
}

} // namespace
} // namespace sigma::test
