#include "till/ShiftService.h"

#include "till/TillErrors.h"
#include "till/TillFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

class ShiftServiceTest : public TillFixture {};

TEST_F(ShiftServiceTest, CloseWithBlindCountRecordsOverShort)
{
    openShift();
    till::ShiftService shifts(*m_context);
    ASSERT_TRUE(shifts.cash(m_cashier, true, core::Money::fromKopecks(500000), "размен").ok());
    // 123.45 paid with 200.00: 76.55 change, the drawer keeps 123.45.
    auto req = request(receipt(12345), core::PaymentType::Cash, 20000);
    ASSERT_TRUE(till::CheckoutService(*m_context).checkout(std::move(req)).ok());
    ASSERT_TRUE(sell(10000, core::PaymentType::Electronically).ok());
    ASSERT_TRUE(shifts.cash(m_cashier, false, core::Money::fromKopecks(100000), "инкассация").ok());

    auto x = shifts.reportX(m_cashier);
    ASSERT_TRUE(x.ok()) << x.error().message;
    EXPECT_EQ((*x)["figures"]["expectedCash"], 500000 + 12345 - 100000);

    auto closed = shifts.close(m_cashier, core::Money::fromKopecks(412000));
    ASSERT_TRUE(closed.ok()) << closed.error().message;
    EXPECT_EQ(closed->figures.expectedCash.kopecks(), 412345);
    EXPECT_EQ(closed->figures.sales.kopecks(), 22345);
    EXPECT_EQ(closed->figures.nonCashSales.kopecks(), 10000);
    EXPECT_EQ(closed->overShort.kopecks(), -345); // short by 3.45
    const auto events = m_context->journal().after(0, 20);
    const auto& last = events->back();
    EXPECT_EQ(last.type, "shift.closed");
    EXPECT_EQ(last.payload["countedCash"], 412000);
    EXPECT_EQ(last.payload["overShort"], -345);
    EXPECT_EQ(shifts.status()->value("state", ""), "closed");
    EXPECT_FALSE(m_kkt->state()->shiftOpen);
}

TEST_F(ShiftServiceTest, CashOperationsAreIdempotentAndLimited)
{
    openShift();
    till::ShiftService shifts(*m_context);
    const std::string id = m_context->newId();
    ASSERT_TRUE(shifts.cash(m_cashier, true, core::Money::fromKopecks(1000), "", id).ok());
    auto again = shifts.cash(m_cashier, true, core::Money::fromKopecks(1000), "", id);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE((*again)["repeated"].get<bool>());
    EXPECT_EQ(m_kkt->state()->cashInDrawer.kopecks(), 1000);
    auto tooMuch = shifts.cash(m_cashier, false, core::Money::fromKopecks(1001), "");
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().field, "sum");
}

TEST_F(ShiftServiceTest, AdoptsARegisterShiftOpenedBeforeACrash)
{
    // The register opened a shift, the terminal died before recording it.
    ASSERT_TRUE(m_kkt->execute({{"type", "openShift"}}).ok());
    till::ShiftService shifts(*m_context);
    auto shift = shifts.open(m_cashier);
    ASSERT_TRUE(shift.ok()) << shift.error().message;
    EXPECT_EQ(shift->number, m_kkt->state()->shiftNumber);
    EXPECT_TRUE(sell(100).ok());
}

TEST_F(ShiftServiceTest, OpenTwiceAndCloseWithoutShiftAreRefused)
{
    till::ShiftService shifts(*m_context);
    EXPECT_EQ(shifts.close(m_cashier, core::Money()).error().code, till::errc::kNoOpenShift);
    openShift();
    EXPECT_EQ(shifts.open(m_cashier).error().code, till::errc::kShiftAlreadyOpen);
}

TEST_F(ShiftServiceTest, CloseWaitsForPendingReceipts)
{
    openShift();
    m_device->unplug();
    // A receipt left pending: insert it as a crash would leave it.
    store::ReceiptRecord pending;
    pending.id = m_context->newId();
    pending.shiftId = m_context->shifts().current()->value().id;
    pending.operation = "sell";
    pending.cashierId = m_cashier.employeeId;
    pending.vatDate = "2026-12-04";
    pending.task = core::Json::object();
    pending.registerLastDocument = registerLast();
    ASSERT_TRUE(m_database->transaction([&] { return m_context->receipts().insertPending(pending); }).ok());
    auto refused = till::ShiftService(*m_context).close(m_cashier, core::Money());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, till::errc::kPendingReceipts);
    m_device->plugIn();
    auto closed = till::ShiftService(*m_context).close(m_cashier, core::Money());
    ASSERT_TRUE(closed.ok()) << closed.error().message;
}

} // namespace
} // namespace sigma::test
