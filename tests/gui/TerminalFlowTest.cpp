// The terminal as a cashier uses it: PIN keys, the scanner, the pay buttons, the shift screen,
// clicked on the real widgets, with the real till services and the in-process emulated register.
#include "TerminalFixture.h"

namespace sigma::terminal {
namespace {

using TerminalFlowTest = test_support::TerminalFlowTest;

TEST_F(TerminalFlowTest, ScanPayCashShowsTheFiscalNumber)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(text(QStringLiteral("payTotal")).contains(QStringLiteral("89,90")));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("cashGiven")), QStringLiteral("100"));
    EXPECT_TRUE(text(QStringLiteral("changeLabel")).contains(QStringLiteral("10,10")));
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();

    const auto stored = receipts();
    ASSERT_EQ(stored.size(), 1U);
    EXPECT_EQ(stored[0].status, "fiscalized");
    ASSERT_TRUE(stored[0].fiscalDocumentNumber.has_value());
    EXPECT_TRUE(text(QStringLiteral("paymentResult"))
                    .contains(QStringLiteral("ФД № %1").arg(*stored[0].fiscalDocumentNumber)));
    EXPECT_EQ(stored[0].change.kopecks(), 1010);
    click(QStringLiteral("paymentDone"), dialog);
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QWidget*>(QStringLiteral("paymentDialog")) == nullptr; }));
    EXPECT_EQ(cartRows(), 0); // a new sale starts empty
}

TEST_F(TerminalFlowTest, DoubleTapOnPayRingsOnce)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    const auto before = onWorker([&] { return m_kkt->state(); })->lastDocumentNumber;
    auto* pay = find<QPushButton>(QStringLiteral("payCash"), dialog);
    QTest::mouseClick(pay, Qt::LeftButton);
    QTest::mouseClick(pay, Qt::LeftButton); // the second tap of a double tap
    click(QStringLiteral("payCard"), dialog); // and an impatient tap on the other method
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    EXPECT_EQ(receipts().size(), 1U);
    EXPECT_EQ(onWorker([&] { return m_kkt->state(); })->lastDocumentNumber, before + 1);
}

TEST_F(TerminalFlowTest, ReturnByFiscalNumber)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    const auto number = *receipts()[0].fiscalDocumentNumber;
    click(QStringLiteral("paymentDone"), dialog);

    click(QStringLiteral("nav_returns"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("returnDocNumber")), QString::number(number));
    click(QStringLiteral("returnFind"));
    ASSERT_EQ(find<QTableWidget>(QStringLiteral("returnLines"))->rowCount(), 1)
        << text(QStringLiteral("returnInfo")).toStdString() << " / typed: "
        << find<QLineEdit>(QStringLiteral("returnDocNumber"))->text().toStdString();
    click(QStringLiteral("returnRefund"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("returnInfo")).contains(QStringLiteral("Возврат проведён")); }))
        << text(QStringLiteral("returnInfo")).toStdString();
    int returns = 0;
    for (const auto& r : receipts()) {
        if (r.operation == "sellReturn" && r.status == "fiscalized") {
            ++returns;
            EXPECT_EQ(r.total.kopecks(), 8990);
        }
    }
    EXPECT_EQ(returns, 1);
}

TEST_F(TerminalFlowTest, ShiftCloseWithBlindCountShowsOverShortOnlyAfterTheCount)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    click(QStringLiteral("paymentDone"), dialog);

    click(QStringLiteral("nav_shift"));
    click(QStringLiteral("shiftClose"));
    auto* counted = find<QLineEdit>(QStringLiteral("countedCash"));
    ASSERT_TRUE(counted->isVisible());
    // Blind: nothing on screen says how much should be in the drawer.
    EXPECT_FALSE(text(QStringLiteral("shiftResult")).contains(QStringLiteral("89,90")));
    QTest::keyClicks(counted, QStringLiteral("100"));
    click(QStringLiteral("shiftCountConfirm"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("закрыта")); }))
        << text(QStringLiteral("shiftResult")).toStdString();
    const QString result = text(QStringLiteral("shiftResult"));
    EXPECT_TRUE(result.contains(QStringLiteral("Излишек"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QStringLiteral("10,10"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QStringLiteral("89,90"))) << result.toStdString();
}

TEST_F(TerminalFlowTest, PaperOutSaysSoAndContinuePrintFinishes)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    drivers::emulator::KktFaults faults;
    faults.paperOutCount = 1;
    ASSERT_TRUE(onWorker([&] { return m_kkt->setFaults(faults); }).ok());
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    const QString shown = text(QStringLiteral("paymentResult"));
    EXPECT_TRUE(shown.contains(QStringLiteral("Закончилась бумага"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("Продолжить печать"))) << shown.toStdString();
    auto* resume = find<QPushButton>(QStringLiteral("paymentContinuePrint"), dialog);
    ASSERT_TRUE(resume->isVisible());
    EXPECT_EQ(receipts().size(), 1U); // fiscalized once, only the printout stopped

    ASSERT_TRUE(onWorker([&] { return m_kkt->setConditions(true, std::nullopt, std::nullopt); }).ok()); // paper loaded
    QTest::mouseClick(resume, Qt::LeftButton);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("Печать завершена")); }))
        << text(QStringLiteral("paymentResult")).toStdString();
    EXPECT_FALSE(onWorker([&] { return m_kkt->state(); })->pendingPrintout.has_value());
}

TEST_F(TerminalFlowTest, WrongPinIsRefusedInPlainWords)
{
    QWidget* screen = m_window->screen(QStringLiteral("login"));
    for (const char* key : {"key9", "key9", "key1", "key1"}) {
        click(QString::fromLatin1(key), screen);
    }
    click(QStringLiteral("keyOk"), screen);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("loginMessage")).contains(QStringLiteral("Неверный PIN")); }))
        << text(QStringLiteral("loginMessage")).toStdString();
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("login"));
}

TEST_F(TerminalFlowTest, ServiceModeIsForTheTechnicianOnly)
{
    login(DemoData::kCashierPin);
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("nav_service"))->isVisible());
    click(QStringLiteral("nav_lock"));
    login(DemoData::kTechnicianPin);
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("service"));
    click(QStringLiteral("serviceVerify"));
    EXPECT_TRUE(find<QWidget>(QStringLiteral("serviceOutput"))->property("plainText").toString().contains(
        QStringLiteral("Журнал в порядке")));
}

} // namespace
} // namespace sigma::terminal
