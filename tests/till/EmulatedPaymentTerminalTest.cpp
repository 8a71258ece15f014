// The emulated card terminal: approvals, declines, both kinds of timeout, reversals, refunds and
// status, that a retried operation id never charges twice, and that its memory and faults live in
// pinpad.db where a restarted or another process finds them.

#include "drivers/payment/EmulatedPaymentTerminal.h"

#include "core/ErrorCodes.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <regex>
#include <sys/wait.h>
#include <unistd.h>

namespace sigma::test {
namespace {

using devices::CardAuthorization;
using drivers::payment::EmulatedPaymentTerminal;
using drivers::payment::PaymentFaults;
using Status = CardAuthorization::Status;

core::Money rub(std::int64_t roubles)
{
    return core::Money::fromRoubles(roubles);
}

class PaymentTerminalTest : public ::testing::Test {
protected:
    void SetUp() override { m_terminal = open(); }

    std::unique_ptr<EmulatedPaymentTerminal> open()
    {
        EmulatedPaymentTerminal::Options options;
        options.statePath = m_dir / "pinpad.db";
        options.clock = &m_clock;
        options.random = &m_random;
        auto terminal = EmulatedPaymentTerminal::open(options);
        EXPECT_TRUE(terminal.ok()) << terminal.error().message;
        return terminal.ok() ? std::move(*terminal) : nullptr;
    }

    void setFaults(const PaymentFaults& faults) { ASSERT_TRUE(m_terminal->setFaults(faults).ok()); }

    CardAuthorization approved(const std::string& id, core::Money amount)
    {
        auto auth = m_terminal->authorize(id, amount);
        EXPECT_TRUE(auth.ok()) << auth.error().message;
        if (!auth.ok()) {
            return {};
        }
        EXPECT_EQ(auth->status, Status::Approved);
        return *auth;
    }

    TempDir m_dir{"sigma-pinpad"};
    ManualClock m_clock; // 2025-12-01 00:00 UTC
    SeededRandom m_random{3};
    std::unique_ptr<EmulatedPaymentTerminal> m_terminal;
};

TEST_F(PaymentTerminalTest, ApprovesWithCodeRrnAndMaskedCard)
{
    const auto auth = approved("op-1", core::Money::fromKopecks(123'45));
    EXPECT_EQ(auth.operationId, "op-1");
    EXPECT_EQ(auth.amount, core::Money::fromKopecks(123'45));
    EXPECT_TRUE(std::regex_match(auth.authCode, std::regex("[0-9A-Z]{6}"))) << auth.authCode;
    EXPECT_TRUE(std::regex_match(auth.rrn, std::regex("[0-9]{12}"))) << auth.rrn;
    EXPECT_TRUE(std::regex_match(auth.maskedPan, std::regex("220220\\*{6}[0-9]{4}"))) << auth.maskedPan;
    EXPECT_EQ(auth.message, "Одобрено");
    EXPECT_EQ(m_terminal->driverId(), "emulator");
}

TEST_F(PaymentTerminalTest, RrnIsYearDigitDayOfYearHourAndSequence)
{
    // 2025-12-01 is day 335; the clock stands at 00 h, then moves to 14 h.
    EXPECT_EQ(approved("a", rub(1)).rrn, "533500000001");
    m_clock.advance(std::chrono::hours(14));
    EXPECT_EQ(approved("b", rub(1)).rrn, "533514000002");
}

TEST_F(PaymentTerminalTest, AuthorizeIsIdempotentAndNeverChargesTwice)
{
    const auto first = approved("op-1", rub(500));
    const auto again = m_terminal->authorize("op-1", rub(500));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->status, Status::Approved);
    EXPECT_EQ(again->rrn, first.rrn);
    EXPECT_EQ(again->authCode, first.authCode);
    EXPECT_EQ(again->maskedPan, first.maskedPan);
    // Only one operation was performed: the next one gets the next sequence number.
    const auto second = approved("op-2", rub(500));
    EXPECT_NE(second.rrn, first.rrn);
    EXPECT_EQ(std::stoll(second.rrn.substr(6)), std::stoll(first.rrn.substr(6)) + 1);
}

TEST_F(PaymentTerminalTest, ReusedIdWithAnotherAmountIsAConflict)
{
    (void)approved("op-1", rub(500));
    const auto other = m_terminal->authorize("op-1", rub(501));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, core::errc::kPaymentOperationConflict);
}

TEST_F(PaymentTerminalTest, DeclinesWithTheInjectedReasonThenApprovesAgain)
{
    setFaults({.declineCount = 2, .declineReason = "Недостаточно средств"});
    for (const char* id : {"d-1", "d-2"}) {
        const auto auth = m_terminal->authorize(id, rub(100));
        ASSERT_TRUE(auth.ok()) << auth.error().message; // a decline is an answer, not an error
        EXPECT_EQ(auth->status, Status::Declined);
        EXPECT_EQ(auth->message, "Недостаточно средств");
        EXPECT_TRUE(auth->authCode.empty());
        EXPECT_TRUE(auth->rrn.empty());
    }
    EXPECT_EQ(m_terminal->faults()->declineCount, 0);
    (void)approved("d-3", rub(100));

    // A retried id gets the same decline back without using up another injected decline.
    setFaults({.declineCount = 1});
    const auto retried = m_terminal->authorize("d-1", rub(100));
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->status, Status::Declined);
    EXPECT_EQ(m_terminal->faults()->declineCount, 1);
    const auto fresh = m_terminal->authorize("d-4", rub(100));
    ASSERT_TRUE(fresh.ok());
    EXPECT_EQ(fresh->status, Status::Declined);
    EXPECT_EQ(fresh->message, "Отказ банка-эмитента"); // the default reason
}

TEST_F(PaymentTerminalTest, TimeoutPerformsNothingAndStatusSaysSo)
{
    setFaults({.timeoutCount = 1});
    const auto auth = m_terminal->authorize("t-1", rub(250));
    ASSERT_FALSE(auth.ok());
    EXPECT_EQ(auth.error().code, core::errc::kPaymentTimeout);

    const auto status = m_terminal->status("t-1");
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_EQ(status->status, Status::TimedOut);
    EXPECT_TRUE(status->rrn.empty());

    // Nothing was charged, so nothing can be reversed; a retry performs the payment now.
    const auto reversal = m_terminal->reverse("t-1");
    ASSERT_FALSE(reversal.ok());
    EXPECT_EQ(reversal.error().code, core::errc::kPaymentNotReversible);
    const auto retry = approved("t-1", rub(250));
    EXPECT_EQ(retry.rrn, "533500000001"); // the first operation the terminal actually performed
    EXPECT_EQ(m_terminal->status("t-1")->status, Status::Approved);
}

TEST_F(PaymentTerminalTest, LostAnswerIsPerformedAndRecoveryReversesIt)
{
    setFaults({.loseAnswerCount = 1});
    const auto auth = m_terminal->authorize("l-1", rub(990));
    ASSERT_FALSE(auth.ok());
    EXPECT_EQ(auth.error().code, core::errc::kPaymentTimeout); // the caller cannot tell it from a timeout

    // Recovery: ask, find it approved, reverse it.
    const auto status = m_terminal->status("l-1");
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->status, Status::Approved);
    EXPECT_EQ(status->amount, rub(990));
    EXPECT_EQ(status->rrn.size(), 12U);

    const auto reversal = m_terminal->reverse("l-1");
    ASSERT_TRUE(reversal.ok()) << reversal.error().message;
    EXPECT_EQ(reversal->status, Status::Reversed);
    EXPECT_EQ(reversal->rrn, status->rrn);
    EXPECT_EQ(reversal->message, "Операция отменена");
    EXPECT_EQ(m_terminal->status("l-1")->status, Status::Reversed);

    // A late retry of the same payment does not charge the card again.
    const auto retried = m_terminal->authorize("l-1", rub(990));
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->status, Status::Reversed);
}

TEST_F(PaymentTerminalTest, LostAnswerThenRetryReturnsTheApproval)
{
    setFaults({.loseAnswerCount = 1});
    ASSERT_FALSE(m_terminal->authorize("l-2", rub(10)).ok());
    const auto retried = m_terminal->authorize("l-2", rub(10));
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->status, Status::Approved);
    EXPECT_EQ(retried->rrn, m_terminal->status("l-2")->rrn);
    EXPECT_EQ(approved("l-3", rub(10)).rrn, "533500000002"); // l-2 was performed once
}

TEST_F(PaymentTerminalTest, ReversalRulesAndIdempotency)
{
    const auto auth = approved("r-1", rub(300));
    const auto first = m_terminal->reverse("r-1");
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->status, Status::Reversed);
    const auto second = m_terminal->reverse("r-1");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->status, Status::Reversed);
    EXPECT_EQ(second->rrn, auth.rrn);

    const auto unknown = m_terminal->reverse("never-seen");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, core::errc::kPaymentOperationUnknown);

    setFaults({.declineCount = 1});
    ASSERT_EQ(m_terminal->authorize("r-2", rub(300))->status, Status::Declined);
    const auto declined = m_terminal->reverse("r-2");
    ASSERT_FALSE(declined.ok());
    EXPECT_EQ(declined.error().code, core::errc::kPaymentNotReversible);
}

TEST_F(PaymentTerminalTest, ReversalThatTimesOutLeavesThePaymentApproved)
{
    (void)approved("r-3", rub(40));
    setFaults({.timeoutCount = 1});
    const auto reversal = m_terminal->reverse("r-3");
    ASSERT_FALSE(reversal.ok());
    EXPECT_EQ(reversal.error().code, core::errc::kPaymentTimeout);
    EXPECT_EQ(m_terminal->status("r-3")->status, Status::Approved);

    setFaults({.loseAnswerCount = 1});
    ASSERT_FALSE(m_terminal->reverse("r-3").ok());
    EXPECT_EQ(m_terminal->status("r-3")->status, Status::Reversed);
}

TEST_F(PaymentTerminalTest, RefundsUpToTheOriginalAmount)
{
    const auto sale = approved("s-1", rub(100));
    const auto part = m_terminal->refund("ref-1", rub(30), sale.rrn);
    ASSERT_TRUE(part.ok()) << part.error().message;
    EXPECT_EQ(part->status, Status::Approved);
    EXPECT_EQ(part->message, "Возврат одобрен");
    EXPECT_EQ(part->maskedPan, sale.maskedPan); // back to the card that paid
    EXPECT_EQ(part->rrn.size(), 12U);
    EXPECT_NE(part->rrn, sale.rrn);

    const auto again = m_terminal->refund("ref-1", rub(30), sale.rrn);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->rrn, part->rrn); // idempotent: refunded once

    const auto tooMuch = m_terminal->refund("ref-2", rub(80), sale.rrn);
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().code, core::errc::kPaymentRefundExceedsOriginal);
    ASSERT_EQ(m_terminal->refund("ref-3", rub(70), sale.rrn)->status, Status::Approved);
    EXPECT_EQ(m_terminal->refund("ref-4", core::Money::fromKopecks(1), sale.rrn).error().code,
              core::errc::kPaymentRefundExceedsOriginal);

    // A refunded payment can no longer be reversed, and a refund is never reversed.
    EXPECT_EQ(m_terminal->reverse("s-1").error().code, core::errc::kPaymentNotReversible);
    EXPECT_EQ(m_terminal->reverse("ref-1").error().code, core::errc::kPaymentNotReversible);
    // An id once used for a payment is not a refund's.
    EXPECT_EQ(m_terminal->refund("s-1", rub(1), sale.rrn).error().code, core::errc::kPaymentOperationConflict);
}

TEST_F(PaymentTerminalTest, RefundNeedsAnApprovedPaymentOnThisTerminal)
{
    const auto unknown = m_terminal->refund("ref-1", rub(10), "512312000042");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, core::errc::kPaymentOriginalNotFound);

    const auto sale = approved("s-1", rub(100));
    ASSERT_TRUE(m_terminal->reverse("s-1").ok());
    EXPECT_EQ(m_terminal->refund("ref-2", rub(10), sale.rrn).error().code, core::errc::kPaymentOriginalNotFound);
}

TEST_F(PaymentTerminalTest, RefundCanBeDeclinedAndLost)
{
    const auto sale = approved("s-1", rub(100));
    setFaults({.declineCount = 1, .declineReason = "Отказ банка-эмитента"});
    const auto declined = m_terminal->refund("ref-1", rub(10), sale.rrn);
    ASSERT_TRUE(declined.ok());
    EXPECT_EQ(declined->status, Status::Declined);

    setFaults({.loseAnswerCount = 1});
    ASSERT_EQ(m_terminal->refund("ref-2", rub(10), sale.rrn).error().code, core::errc::kPaymentTimeout);
    EXPECT_EQ(m_terminal->status("ref-2")->status, Status::Approved);
}

TEST_F(PaymentTerminalTest, StatusOfAnUnknownOperation)
{
    const auto status = m_terminal->status("nothing");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, core::errc::kPaymentOperationUnknown);
    EXPECT_EQ(status.error().field, "operationId");
}

TEST_F(PaymentTerminalTest, RefusesBadInput)
{
    EXPECT_EQ(m_terminal->authorize("", rub(1)).error().code, core::errc::kInvalidArgument);
    EXPECT_EQ(m_terminal->authorize(std::string(101, 'x'), rub(1)).error().code, core::errc::kInvalidArgument);
    EXPECT_EQ(m_terminal->authorize("a", core::Money::zero()).error().code, core::errc::kInvalidArgument);
    EXPECT_EQ(m_terminal->authorize("a", rub(-5)).error().field, "amount");
    EXPECT_EQ(m_terminal->authorize("a", core::Money::fromKopecks(core::Money::kRegisterLimitKopecks + 1)).error().code,
              core::errc::kInvalidArgument);
    EXPECT_EQ(m_terminal->refund("r", rub(1), "").error().field, "originalRrn");
    EXPECT_EQ(m_terminal->setFaults({.timeoutCount = -1}).error().code, core::errc::kInvalidArgument);
    // None of it reached the terminal.
    EXPECT_EQ(m_terminal->status("a").error().code, core::errc::kPaymentOperationUnknown);
}

TEST_F(PaymentTerminalTest, DelaySlowsEveryOperation)
{
    setFaults({.delayMs = 60});
    const auto started = std::chrono::steady_clock::now();
    (void)approved("slow", rub(1));
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(60));
}

TEST_F(PaymentTerminalTest, OpenNeedsAClock)
{
    EmulatedPaymentTerminal::Options options;
    options.statePath = m_dir / "other.db";
    EXPECT_EQ(EmulatedPaymentTerminal::open(options).error().code, core::errc::kInvalidArgument);
}

TEST_F(PaymentTerminalTest, OperationsAndFaultsSurviveAReopen)
{
    const auto sale = approved("p-1", rub(77));
    const PaymentFaults faults{.declineCount = 1,
                               .declineReason = "Недостаточно средств",
                               .timeoutCount = 2,
                               .loseAnswerCount = 3,
                               .delayMs = 0};
    setFaults(faults);
    m_terminal.reset();

    m_terminal = open();
    ASSERT_NE(m_terminal, nullptr);
    EXPECT_EQ(*m_terminal->faults(), faults);
    const auto status = m_terminal->status("p-1");
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->rrn, sale.rrn);
    EXPECT_EQ(status->authCode, sale.authCode);
    // The faults apply after the reopen, in order: two timeouts, then three lost answers.
    EXPECT_EQ(m_terminal->authorize("p-2", rub(1)).error().code, core::errc::kPaymentTimeout);
    EXPECT_EQ(m_terminal->faults()->timeoutCount, 1);
}

TEST_F(PaymentTerminalTest, TwoConnectionsShareOneTerminal)
{
    auto other = open();
    ASSERT_NE(other, nullptr);
    ASSERT_TRUE(other->setFaults({.declineCount = 1}).ok());
    EXPECT_EQ(m_terminal->authorize("x", rub(5))->status, Status::Declined);
    EXPECT_EQ(other->status("x")->status, Status::Declined);
    EXPECT_EQ(other->authorize("y", rub(5))->status, Status::Approved);
    EXPECT_EQ(m_terminal->status("y")->status, Status::Approved);
}

/// Runs `body` in a forked child with a terminal of its own on the same file; the exit code says
/// whether it worked.
template <typename Body> int inChild(const std::filesystem::path& path, Body body)
{
    const pid_t child = fork();
    if (child == 0) {
        core::SystemClock clock;
        EmulatedPaymentTerminal::Options options;
        options.statePath = path;
        options.clock = &clock;
        auto terminal = EmulatedPaymentTerminal::open(options);
        if (!terminal.ok()) {
            _exit(10);
        }
        _exit(body(**terminal));
    }
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFSIGNALED(status)) {
        return 128 + WTERMSIG(status);
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST_F(PaymentTerminalTest, FaultsSetByAnotherProcessApplyToTheNextOperation)
{
    const int exit = inChild(m_dir / "pinpad.db", [](EmulatedPaymentTerminal& terminal) {
        return terminal.setFaults({.declineCount = 1, .declineReason = "Недостаточно средств", .loseAnswerCount = 1})
                       .ok()
                   ? 0
                   : 1;
    });
    ASSERT_EQ(exit, 0);
    // The link fault comes first, then the bank's decline on the (performed) payment.
    const auto lost = m_terminal->authorize("f-1", rub(20));
    ASSERT_FALSE(lost.ok());
    EXPECT_EQ(lost.error().code, core::errc::kPaymentTimeout);
    const auto status = m_terminal->status("f-1");
    ASSERT_TRUE(status.ok());
    EXPECT_EQ(status->status, Status::Declined);
    EXPECT_EQ(status->message, "Недостаточно средств");
    EXPECT_EQ(*m_terminal->faults(), PaymentFaults{.declineReason = "Недостаточно средств"});
}

TEST_F(PaymentTerminalTest, ApprovalOfAKilledProcessIsKnownToRecovery)
{
    const int exit = inChild(m_dir / "pinpad.db", [](EmulatedPaymentTerminal& terminal) {
        const auto auth = terminal.authorize("k-1", core::Money::fromRoubles(1500));
        if (!auth.ok() || auth->status != Status::Approved) {
            return 1;
        }
        kill(getpid(), SIGKILL); // the till dies before it can record the approval
        return 2;
    });
    ASSERT_EQ(exit, 128 + SIGKILL);

    auto recovered = open();
    ASSERT_NE(recovered, nullptr);
    const auto status = recovered->status("k-1");
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_EQ(status->status, Status::Approved);
    EXPECT_EQ(status->amount, rub(1500));
    // The restarted till may retry the payment safely, or reverse it.
    const auto retried = recovered->authorize("k-1", rub(1500));
    ASSERT_TRUE(retried.ok());
    EXPECT_EQ(retried->rrn, status->rrn);
    EXPECT_EQ(recovered->reverse("k-1")->status, Status::Reversed);
}

} // namespace
} // namespace sigma::test
