// The payment dialog when the card does not go through: the pin pad emulator's faults (a bank
// decline, no answer in time) are set in its state file, as another process would, and the
// cashier's way out (retry, another method) is clicked.
#include "TerminalFixture.h"

#include "drivers/payment/EmulatedPaymentTerminal.h"

namespace sigma::terminal {
namespace {

class CardPaymentTest : public test_support::TerminalFlowTest {
protected:
    void setPinpadFaults(const drivers::payment::PaymentFaults& faults)
    {
        drivers::payment::EmulatedPaymentTerminal::Options options;
        options.statePath = m_dir / "pinpad.db";
        options.clock = &m_clock;
        auto pinpad = drivers::payment::EmulatedPaymentTerminal::open(options);
        ASSERT_TRUE(pinpad.ok()) << pinpad.error().message;
        ASSERT_TRUE((*pinpad)->setFaults(faults).ok());
    }

    int fiscalized()
    {
        int n = 0;
        for (const auto& r : receipts()) {
            n += r.status == "fiscalized" ? 1 : 0;
        }
        return n;
    }
};

TEST_F(CardPaymentTest, DeclinedCardOffersRetryAndCashFinishesTheSale)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    drivers::payment::PaymentFaults faults;
    faults.declineCount = 1;
    setPinpadFaults(faults);

    click(QStringLiteral("payCard"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentStatus")).contains(QStringLiteral("отклонена")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("payRetry"), dialog)->isVisible());
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("payCash"), dialog)->isEnabled());
    EXPECT_EQ(fiscalized(), 0); // nothing was rung for the declined card

    click(QStringLiteral("payCash"), dialog); // the buyer pays cash instead
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    ASSERT_EQ(fiscalized(), 1);
    for (const auto& r : receipts()) {
        if (r.status == "fiscalized") {
            ASSERT_EQ(r.payments.size(), 1U);
            EXPECT_EQ(r.payments[0].type, "cash");
            EXPECT_EQ(r.total.kopecks(), 8990);
        }
    }
}

TEST_F(CardPaymentTest, DeclinedCardRetriedWithAnotherCardIsApproved)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    drivers::payment::PaymentFaults faults;
    faults.declineCount = 1;
    setPinpadFaults(faults);

    click(QStringLiteral("payCard"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentStatus")).contains(QStringLiteral("отклонена")); }));
    click(QStringLiteral("payRetry"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    ASSERT_EQ(fiscalized(), 1);
    for (const auto& r : receipts()) {
        if (r.status == "fiscalized") {
            ASSERT_EQ(r.payments.size(), 1U);
            EXPECT_EQ(r.payments[0].type, "electronically");
            EXPECT_EQ(r.payments[0].cardStatus, "approved");
        }
    }
}

TEST_F(CardPaymentTest, TimedOutCardSaysSoAndRetryChargesOnce)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    drivers::payment::PaymentFaults faults;
    faults.timeoutCount = 1;
    setPinpadFaults(faults);

    click(QStringLiteral("payCard"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentStatus")).contains(QStringLiteral("Время ожидания истекло")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    auto* retry = find<QPushButton>(QStringLiteral("payRetry"), dialog);
    ASSERT_TRUE(retry->isVisible());
    EXPECT_EQ(fiscalized(), 0);

    click(QStringLiteral("payRetry"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    EXPECT_EQ(fiscalized(), 1);
    int approved = 0;
    for (const auto& r : receipts()) {
        for (const auto& p : r.payments) {
            approved += p.cardStatus == "approved" ? 1 : 0;
        }
    }
    EXPECT_EQ(approved, 1); // the buyer is charged once
}

TEST_F(CardPaymentTest, TimedOutCardThenCashWorks)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    drivers::payment::PaymentFaults faults;
    faults.timeoutCount = 1;
    setPinpadFaults(faults);

    click(QStringLiteral("payCard"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentStatus")).contains(QStringLiteral("Время ожидания истекло")); }));
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    EXPECT_EQ(fiscalized(), 1);
}

} // namespace
} // namespace sigma::terminal
