// Who did the work: each sale line attributed to a master, recorded with the receipt and in the
// journal, so the cloud can count revenue per employee.

#include "core/ErrorCodes.h"
#include "till/ServicesFixture.h"
#include "till/TillErrors.h"

namespace sigma::test {
namespace {

class ServicesSaleTest : public ServicesFixture {
protected:
    core::Result<till::CheckoutResult> pay(till::SaleSession& sale)
    {
        auto totals = sale.totals();
        EXPECT_TRUE(totals.ok());
        return till::CheckoutService(*m_context)
            .checkout(sale.checkoutRequest({{core::PaymentType::Cash, totals->total}}, m_cashier));
    }
};

TEST_F(ServicesSaleTest, EachLineGoesToTheLastChosenMasterUnlessChosenPerLine)
{
    openShift();
    till::SaleSession sale(*m_context, *m_lookup);
    // Nobody chosen yet: the first line is nobody's.
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    EXPECT_EQ(sale.lines()[0].origin.staffId, "");
    // Choosing Olga for line 1 makes her the default for what follows.
    ASSERT_TRUE(sale.setStaff(0, m_olga).ok());
    EXPECT_EQ(sale.currentStaff(), m_olga);
    ASSERT_TRUE(sale.addBySku("COLOR-1").ok());
    ASSERT_TRUE(sale.addFreePrice("Укладка", core::Money::fromKopecks(80000), core::VatRate::None).ok());
    EXPECT_EQ(sale.lines()[1].origin.staffId, m_olga);
    EXPECT_EQ(sale.lines()[2].origin.staffId, m_olga);
    // Per line: the colouring was Ivan's; Ivan is now the last chosen.
    ASSERT_TRUE(sale.setStaff(1, m_ivan).ok());
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    ASSERT_EQ(sale.lines().size(), 4u);
    EXPECT_EQ(sale.lines()[3].origin.staffId, m_ivan);
    // The same service again by the same master adds to its line; by another master it does not.
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    ASSERT_EQ(sale.lines().size(), 4u);
    EXPECT_EQ(sale.lines()[3].line.quantity.thousandths(), 2000);
    ASSERT_TRUE(sale.setCurrentStaff(m_olga).ok());
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    ASSERT_EQ(sale.lines().size(), 5u);
    EXPECT_EQ(sale.lines()[4].origin.staffId, m_olga);

    auto result = pay(sale);
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->receipt.status, "fiscalized");
    const std::vector<std::optional<std::string>> expected = {m_olga, m_ivan, m_olga, m_ivan, m_olga};
    ASSERT_EQ(result->receipt.lines.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(result->receipt.lines[i].staffId, expected[i]) << i;
    }

    // The journal event carries each line's master: revenue per employee adds up to the total.
    auto event = m_context->journal().after(0, 100)->back();
    ASSERT_EQ(event.type, "receipt.fiscalized");
    std::map<std::string, std::int64_t> revenue;
    for (const auto& line : event.payload["lines"]) {
        revenue[line.value("staffId", std::string("nobody"))] += line["amount"].get<std::int64_t>();
    }
    EXPECT_EQ(revenue[m_olga], 150000 + 80000 + 150000);
    EXPECT_EQ(revenue[m_ivan], 450000 + 2 * 150000);
    EXPECT_EQ(revenue[m_olga] + revenue[m_ivan], event.payload["total"].get<std::int64_t>());
    EXPECT_FALSE(revenue.contains("nobody"));
}

TEST_F(ServicesSaleTest, OnlyActiveEmployeesCanBeCredited)
{
    till::SaleSession sale(*m_context, *m_lookup);
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    for (const std::string& bad : {std::string("garbage"), std::string("01939a4c-0000-7000-8000-000000000000")}) {
        auto refused = sale.setStaff(0, bad);
        ASSERT_FALSE(refused.ok()) << bad;
        EXPECT_EQ(refused.error().code, till::errc::kNotAMaster);
        EXPECT_EQ(sale.setCurrentStaff(bad).error().code, till::errc::kNotAMaster);
    }
    EXPECT_EQ(sale.lines()[0].origin.staffId, "");
    EXPECT_EQ(sale.currentStaff(), "");
    // Clearing is allowed.
    ASSERT_TRUE(sale.setStaff(0, m_olga).ok());
    ASSERT_TRUE(sale.setStaff(0, "").ok());
    EXPECT_EQ(sale.lines()[0].origin.staffId, "");
}

TEST_F(ServicesSaleTest, TheCustomerIsOnTheReceiptAndSurvivesHoldAndResume)
{
    openShift();
    auto customer = customers().create({"Мария", "+79995556677", ""}, m_cashier);
    ASSERT_TRUE(customer.ok());
    till::SaleSession sale(*m_context, *m_lookup);
    ASSERT_TRUE(sale.setCurrentStaff(m_ivan).ok());
    ASSERT_TRUE(sale.addBySku("CUT-1").ok());
    ASSERT_TRUE(sale.setCustomerId(customer->id.toString()).ok());
    auto held = sale.hold(m_cashier);
    ASSERT_TRUE(held.ok());
    EXPECT_TRUE(sale.customerId().empty());
    EXPECT_TRUE(sale.currentStaff().empty());
    ASSERT_TRUE(sale.resume(*held).ok());
    EXPECT_EQ(sale.setCustomerId("01939a4c-0000-7000-8000-000000000000").error().code, till::errc::kCustomerNotFound);
    EXPECT_EQ(sale.setCustomerId("garbage").error().code, till::errc::kCustomerNotFound);
    EXPECT_EQ(sale.customerId(), customer->id.toString());
    EXPECT_EQ(sale.currentStaff(), m_ivan);
    EXPECT_EQ(sale.lines()[0].origin.staffId, m_ivan);

    auto result = pay(sale);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.customerId, customer->id.toString());
    // The customer id is not a contact: nothing is sent to the register as tag 1008.
    EXPECT_EQ(result->receipt.customerContact, "");
    EXPECT_EQ(m_context->journal().after(0, 100)->back().payload["customerId"], customer->id.toString());

    // An anonymous sale has no customerId in its event (older events stay as they were).
    till::SaleSession anonymous(*m_context, *m_lookup);
    ASSERT_TRUE(anonymous.addBySku("CUT-1").ok());
    auto plain = pay(anonymous);
    ASSERT_TRUE(plain.ok());
    EXPECT_FALSE(plain->receipt.customerId);
    EXPECT_FALSE(m_context->journal().after(0, 100)->back().payload.contains("customerId"));
}

} // namespace
} // namespace sigma::test
