#include "fiscal/TaskBuilder.h"

#include "core/ReceiptCalculator.h"
#include "drivers/emulator/VirtualKkt.h"
#include "fiscal/FiscalParams.h"
#include "fiscal/emulator/KktFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

core::Receipt sampleReceipt()
{
    core::Receipt receipt;
    receipt.vatDate = core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
    core::ReceiptLine a;
    a.name = "Сыр";
    a.unitPrice = core::Money::fromKopecks(129900);
    a.quantity = core::Quantity::fromThousandths(350);
    a.unit = core::MeasureUnit::Kilogram;
    a.vat = core::VatRate::Vat10;
    core::ReceiptLine b;
    b.name = "Вода";
    b.unitPrice = core::Money::fromKopecks(3333);
    b.quantity = core::Quantity::pieces(3);
    receipt.lines = {a, b};
    receipt.discount = core::Discount::ofPercentHundredths(700);
    receipt.payments = {{core::PaymentType::Cash, core::Money::fromKopecks(100000)}};
    receipt.customerContact = "+79990000000";
    return receipt;
}

class TaskBuilderTest : public KktFixture {};

TEST_F(TaskBuilderTest, ReceiptTaskIsAcceptedAndMatchesTheCalculator)
{
    openShift();
    const auto receipt = sampleReceipt();
    const auto totals = core::ReceiptCalculator().settle(receipt);
    ASSERT_TRUE(totals.ok());
    const auto task = fiscal::TaskBuilder::receipt(receipt, *totals, {"Иванова", ""}, false, "0123456789abcdef");
    EXPECT_EQ(task["type"], "sell");
    EXPECT_EQ(task["items"][0]["measurementUnit"], 11);
    EXPECT_EQ(task["items"][0]["tax"]["type"], "vat10");
    // Through JSON text and back, as over the wire: still exact.
    auto result = m_kkt->execute(*core::parseJsonExact(task.dump()));
    ASSERT_TRUE(result.ok()) << result.error().message;
    auto params = fiscal::parseFiscalParams(*result);
    ASSERT_TRUE(params.ok());
    EXPECT_EQ(params->total, totals->total);
    // And in process, with the doubles the builder put in.
    auto direct = m_kkt->execute(task);
    ASSERT_TRUE(direct.ok()) << direct.error().message;
}

TEST_F(TaskBuilderTest, ShiftCashAndCorrectionTasks)
{
    run(fiscal::TaskBuilder::simple(fiscal::TaskType::OpenShift, {"Иванова", ""}).dump());
    run(fiscal::TaskBuilder::cash(fiscal::TaskType::CashIn, core::Money::fromKopecks(50000), {"Иванова", ""}).dump());
    const auto receipt = sampleReceipt();
    const auto totals = core::ReceiptCalculator().settle(receipt);
    run(fiscal::TaskBuilder::correction(receipt, *totals, {"Иванова", ""}, {"self", "2026.12.01", ""}).dump());
    run(fiscal::TaskBuilder::nonFiscal({"Кухня", "Борщ x2"}).dump());
    const auto doc = run(fiscal::TaskBuilder::fnDocument(2).dump());
    EXPECT_EQ(doc["documentTLV"]["documentType"], "openShift");
    run(fiscal::TaskBuilder::simple(fiscal::TaskType::CloseShift).dump());
}

TEST(FiscalParams, RequiresTheIdentifyingFields)
{
    auto params = fiscal::parseFiscalParams(*core::parseJsonExact(R"({"fiscalParams": {"fiscalDocumentNumber": 71,
        "fiscalDocumentSign": "1494325660", "fiscalDocumentDateTime": "2018-03-06T13:52:00+03:00",
        "fiscalReceiptNumber": 1, "shiftNumber": 12, "fnNumber": "9999078900000961",
        "registrationNumber": "0000000001002292", "total": 390.75, "fnsUrl": "www.nalog.gov.ru"}})"));
    ASSERT_TRUE(params.ok()) << params.error().message;
    EXPECT_EQ(params->fiscalDocumentNumber, 71u);
    EXPECT_EQ(params->total.kopecks(), 39075);
    auto back = fiscal::parseFiscalParams({{"fiscalParams", fiscal::toJson(*params)}});
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, *params);
    EXPECT_FALSE(fiscal::parseFiscalParams(core::Json::object()).ok());
    EXPECT_FALSE(fiscal::parseFiscalParams({{"fiscalParams", {{"fiscalDocumentNumber", -1}}}}).ok());
}

} // namespace
} // namespace sigma::test
