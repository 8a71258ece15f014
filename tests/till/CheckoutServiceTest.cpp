#include "till/CheckoutService.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "till/TillErrors.h"
#include "till/TillFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

using namespace std::chrono_literals;
namespace atol = fiscal::atol;

class CheckoutServiceTest : public TillFixture {};

TEST_F(CheckoutServiceTest, CashSaleIsFiscalizedAndJournaled)
{
    openShift();
    const auto before = registerLast();
    auto result = sell(12345, core::PaymentType::Cash);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "fiscalized");
    EXPECT_EQ(result->receipt.fiscalDocumentNumber, before + 1);
    EXPECT_EQ(result->receipt.total.kopecks(), 12345);
    EXPECT_FALSE(result->problem);
    const auto events = m_context->journal().after(0, 10);
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].type, "shift.opened");
    EXPECT_EQ((*events)[1].type, "receipt.fiscalized");
    EXPECT_EQ((*events)[1].payload["total"], 12345);
    EXPECT_EQ((*events)[1].payload["fiscal"]["fiscalDocumentNumber"], before + 1);
    EXPECT_TRUE(m_context->journal().verify()->ok);
}

TEST_F(CheckoutServiceTest, RepeatedUuidNeverRingsTwice)
{
    openShift();
    const std::string uuid = core::Uuid::generateV7(m_clock, m_random).toString();
    auto first = sell(5000, core::PaymentType::Electronically, uuid);
    ASSERT_TRUE(first.ok()) << first.error().message;
    const auto last = registerLast();
    auto second = sell(5000, core::PaymentType::Electronically, uuid);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->receipt.fiscalDocumentNumber, first->receipt.fiscalDocumentNumber);
    EXPECT_EQ(registerLast(), last);
    // One card authorisation only.
    const auto card = m_payment->status(till::CheckoutService::cardOperationId(uuid, 0));
    ASSERT_TRUE(card.ok());
    EXPECT_EQ(card->status, devices::CardAuthorization::Status::Approved);
    EXPECT_EQ(m_context->journal().outbox()->lastSeq, 2);
}

TEST_F(CheckoutServiceTest, ShiftRules)
{
    auto noShift = sell(100);
    ASSERT_FALSE(noShift.ok());
    EXPECT_EQ(noShift.error().code, till::errc::kNoOpenShift);
    openShift();
    m_clock.advance(24h + 1min);
    auto expired = sell(100);
    ASSERT_FALSE(expired.ok());
    EXPECT_EQ(expired.error().code, till::errc::kShiftExpired);
    EXPECT_TRUE(m_context->receipts().pendingIds()->empty());
}

TEST_F(CheckoutServiceTest, DeclinedCardLeavesNoReceipt)
{
    openShift();
    drivers::payment::PaymentFaults faults;
    faults.declineCount = 1;
    faults.declineReason = "Недостаточно средств";
    ASSERT_TRUE(m_payment->setFaults(faults).ok());
    const auto before = registerLast();
    auto result = sell(9900, core::PaymentType::Electronically);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, till::errc::kCardDeclined);
    EXPECT_NE(result.error().message.find("Недостаточно средств"), std::string::npos);
    EXPECT_EQ(registerLast(), before);
    EXPECT_TRUE(m_context->receipts().pendingIds()->empty());
}

TEST_F(CheckoutServiceTest, CardApprovedThenRegisterRefusesIsReversed)
{
    openShift();
    ASSERT_TRUE(m_kkt->setConditions(std::nullopt, true, std::nullopt).ok()); // cover open
    const auto before = registerLast();
    const std::string uuid = core::Uuid::generateV7(m_clock, m_random).toString();
    auto result = sell(4200, core::PaymentType::Electronically, uuid);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, atol::kCoverOpen);
    EXPECT_EQ(registerLast(), before);
    auto stored = m_context->receipts().find(uuid);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->status, "failed");
    EXPECT_EQ((*stored)->payments[0].cardStatus, "reversed");
    EXPECT_EQ(m_payment->status(till::CheckoutService::cardOperationId(uuid, 0))->status,
              devices::CardAuthorization::Status::Reversed);
    // The failure and the reversal are in the journal for the owner to see.
    const auto events = m_context->journal().after(1, 10);
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].type, "receipt.failed");
    EXPECT_EQ((*events)[1].type, "card.reversed");
}

TEST_F(CheckoutServiceTest, LostAnswerIsRecoveredWithoutASecondDocument)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.loseAnswerCount = 1;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    const auto before = registerLast();
    auto result = sell(7700, core::PaymentType::Electronically);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "fiscalized");
    EXPECT_EQ(result->receipt.fiscalDocumentNumber, before + 1);
    EXPECT_EQ(registerLast(), before + 1);
    EXPECT_TRUE(result->receipt.fiscalParams["recovered"].get<bool>());
    EXPECT_EQ(result->receipt.payments[0].cardStatus, "approved");
}

TEST_F(CheckoutServiceTest, UnreachableRegisterLeavesPendingUntilItIsBack)
{
    openShift();
    // The register answers the status query, then the cable is pulled before the receipt task.
    struct PullAfterStatus final : fiscal::FiscalDevice {
        UnpluggableDevice& device;
        explicit PullAfterStatus(UnpluggableDevice& d) : device(d) {}
        core::Result<core::Json> execute(const core::Json& task) override
        {
            auto result = device.execute(task);
            if (task["type"] == "getFnStatus") {
                device.unplug();
            }
            return result;
        }
        std::string_view driverId() const override { return "test"; }
    } pulling(*m_device);
    till::TillContext context(*m_database, pulling, m_payment.get(), m_clock, m_random);
    auto req = request(receipt(3000), core::PaymentType::Cash, 3000);
    auto result = till::CheckoutService(context).checkout(std::move(req));
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "pending");
    ASSERT_TRUE(result->problem);
    EXPECT_EQ(result->problem->code, atol::kNoConnection);

    auto report = till::RecoveryService(*m_context).recoverAll();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->stillPending, 1);
    m_device->plugIn();
    report = till::RecoveryService(*m_context).recoverAll();
    ASSERT_TRUE(report.ok());
    // The task never reached the register: it positively has no document, so the receipt failed.
    EXPECT_EQ(report->failed, 1);
    EXPECT_TRUE(m_context->receipts().pendingIds()->empty());
}

TEST_F(CheckoutServiceTest, PaperOutMidPrintIsFiscalizedWithAWayOut)
{
    openShift();
    drivers::emulator::KktFaults faults;
    faults.paperOutCount = 1;
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    auto result = sell(1500);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "fiscalized");
    ASSERT_TRUE(result->problem);
    EXPECT_EQ(result->problem->code, atol::kNoPaper);
    EXPECT_NE(result->problem->message.find("load paper"), std::string::npos);
}

TEST_F(CheckoutServiceTest, CalculatorErrorsReachNothing)
{
    openShift();
    const auto before = registerLast();
    auto unpaid = till::CheckoutService(*m_context).checkout(request(receipt(10000), core::PaymentType::Cash, 5000));
    ASSERT_FALSE(unpaid.ok());
    EXPECT_EQ(unpaid.error().code, core::errc::kNotFullyPaid);
    auto zero = till::CheckoutService(*m_context).checkout(request(receipt(100, 0), core::PaymentType::Cash, 100));
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(zero.error().code, core::errc::kNonPositiveQuantity);
    EXPECT_EQ(registerLast(), before);
    EXPECT_EQ(m_context->journal().outbox()->lastSeq, 1);
}

TEST_F(CheckoutServiceTest, CorrectionReceipt)
{
    openShift();
    auto req = request(receipt(50000), core::PaymentType::Cash, 50000);
    req.correction = true;
    req.correctionBase = {"self", "2026.12.01", ""};
    auto result = till::CheckoutService(*m_context).checkout(std::move(req));
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.operation, "sellCorrection");
    EXPECT_EQ(result->receipt.status, "fiscalized");
}

TEST_F(CheckoutServiceTest, JournalVerifyDetectsTampering)
{
    openShift();
    ASSERT_TRUE(sell(100).ok());
    ASSERT_TRUE(sell(200).ok());
    auto& db = m_database->connection();
    ASSERT_TRUE(db.executeScript("DROP TRIGGER journal_no_update;").ok());
    ASSERT_TRUE(db.execute("UPDATE journal SET payload = replace(payload, '\"total\":200', '\"total\":20') "
                           "WHERE seq = 3")
                    .ok());
    const auto report = m_context->journal().verify();
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->ok);
    EXPECT_EQ(report->firstBadSeq, 3);
}

TEST_F(CheckoutServiceTest, JournalIsAppendOnly)
{
    openShift();
    auto& db = m_database->connection();
    EXPECT_FALSE(db.execute("DELETE FROM journal").ok());
    EXPECT_FALSE(db.execute("UPDATE journal SET type = 'x'").ok());
}

} // namespace
} // namespace sigma::test
