// The terminal as a cashier uses it: PIN keys, the scanner, the pay buttons, the shift screen,
// clicked on the real widgets, with the real till services and the in-process emulated register.
#include "drivers/emulator/VirtualKkt.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"
#include "terminal/DemoData.h"
#include "terminal/MainWindow.h"
#include "terminal/ScannerWedge.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <gtest/gtest.h>

namespace sigma::terminal {
namespace {

constexpr int kWaitMs = 15000;

class TerminalFlowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        drivers::emulator::VirtualKkt::Options kkt;
        kkt.statePath = m_dir / "kkt.db";
        kkt.clock = &m_clock;
        auto device = drivers::emulator::VirtualKkt::open(kkt);
        ASSERT_TRUE(device.ok()) << device.error().message;
        m_kkt = std::move(*device);

        TerminalRuntime::Options options;
        options.dir = till::DataDirectory(m_dir.path());
        options.clock = &m_clock;
        options.fiscalOverride = m_kkt.get();
        options.pinCost.timeCost = 1;
        options.pinCost.memoryKiB = 1024;
        auto runtime = TerminalRuntime::open(options);
        ASSERT_TRUE(runtime.ok()) << runtime.error().message;
        m_runtime = std::move(*runtime);
        m_runtime->config().businessType = till::BusinessType::Trade;
        auto seeded = DemoData::seed(*m_runtime);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message;
        m_runtime->session().reset(); // the test logs in through the PIN pad

        m_runner = std::make_unique<TaskRunner>();
        m_wedge = std::make_unique<ScannerWedge>();
        qApp->installEventFilter(m_wedge.get());
        m_window = std::make_unique<MainWindow>(*m_runtime, *m_runner, *m_wedge);
        m_window->resize(1280, 800);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        m_window->start();
    }

    void TearDown() override
    {
        if (m_wedge) {
            qApp->removeEventFilter(m_wedge.get());
        }
        if (m_runner) {
            m_runner->waitForIdle();
            QApplication::processEvents();
        }
        m_window.reset();
        m_runner.reset();
        m_wedge.reset();
        m_runtime.reset();
        m_kkt.reset();
    }

    template <typename T = QPushButton>
    T* find(const QString& name, QWidget* in = nullptr)
    {
        QWidget* root = in != nullptr ? in : m_window.get();
        auto* w = root->findChild<T*>(name);
        EXPECT_NE(w, nullptr) << name.toStdString();
        return w;
    }

    void click(const QString& name, QWidget* in = nullptr)
    {
        auto* b = find<QPushButton>(name, in);
        ASSERT_NE(b, nullptr);
        ASSERT_TRUE(b->isVisible()) << name.toStdString();
        QTest::mouseClick(b, Qt::LeftButton);
    }

    QString text(const QString& name) { return find<QLabel>(name)->text(); }

    bool waitFor(const std::function<bool()>& condition)
    {
        return QTest::qWaitFor(condition, kWaitMs);
    }

    void login(const char* pin)
    {
        ASSERT_EQ(m_window->currentScreen(), QStringLiteral("login"));
        QWidget* screen = m_window->screen(QStringLiteral("login"));
        for (const char* c = pin; *c != '\0'; ++c) {
            click(QStringLiteral("key") + QChar::fromLatin1(*c), screen);
        }
        click(QStringLiteral("keyOk"), screen);
        ASSERT_TRUE(waitFor([this] { return m_window->currentScreen() != QStringLiteral("login"); }))
            << text(QStringLiteral("loginMessage")).toStdString();
    }

    void openShift()
    {
        click(QStringLiteral("nav_shift"));
        click(QStringLiteral("shiftOpen"));
        ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("открыта")); }))
            << text(QStringLiteral("shiftResult")).toStdString();
        click(QStringLiteral("nav_sale"));
    }

    /// A scanner burst into whatever has the focus on the sale screen.
    void scan(const std::string& code)
    {
        QWidget* focus = QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : m_window.get();
        for (char c : code) {
            QTest::keyClick(focus, c);
        }
        QTest::keyClick(focus, Qt::Key_Return);
    }

    int cartRows() { return find<QTableWidget>(QStringLiteral("cart"))->rowCount(); }

    std::vector<store::ReceiptRecord> receipts()
    {
        std::vector<store::ReceiptRecord> out;
        auto ids = m_runtime->till().receipts().allIds(100, 0);
        EXPECT_TRUE(ids.ok());
        for (const auto& id : *ids) {
            auto r = m_runtime->till().receipts().find(id);
            if (r.ok() && *r) {
                out.push_back(**r);
            }
        }
        return out;
    }

    /// Logs in, opens the shift, scans the milk (89,90 ₽) and opens the payment dialog.
    QWidget* ringMilkAndOpenPayment()
    {
        login(DemoData::kCashierPin);
        openShift();
        scan(DemoData::ean13(1));
        EXPECT_TRUE(waitFor([this] { return cartRows() == 1; }));
        click(QStringLiteral("payButton"));
        QWidget* dialog = nullptr;
        EXPECT_TRUE(waitFor([this, &dialog] {
            dialog = m_window->findChild<QWidget*>(QStringLiteral("paymentDialog"));
            return dialog != nullptr && dialog->isVisible();
        }));
        return dialog;
    }

    test::TempDir m_dir{"sigma-gui"};
    test::ManualClock m_clock{core::Clock::TimePoint(std::chrono::seconds(1'796'374'800))}; // 2026-12-04 09:00 UTC
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<TerminalRuntime> m_runtime;
    std::unique_ptr<TaskRunner> m_runner;
    std::unique_ptr<ScannerWedge> m_wedge;
    std::unique_ptr<MainWindow> m_window;
};

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
    const auto before = m_kkt->state()->lastDocumentNumber;
    auto* pay = find<QPushButton>(QStringLiteral("payCash"), dialog);
    QTest::mouseClick(pay, Qt::LeftButton);
    QTest::mouseClick(pay, Qt::LeftButton); // the second tap of a double tap
    click(QStringLiteral("payCard"), dialog); // and an impatient tap on the other method
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    EXPECT_EQ(receipts().size(), 1U);
    EXPECT_EQ(m_kkt->state()->lastDocumentNumber, before + 1);
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
    ASSERT_TRUE(m_kkt->setFaults(faults).ok());
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
        << text(QStringLiteral("paymentStatus")).toStdString();
    const QString shown = text(QStringLiteral("paymentResult"));
    EXPECT_TRUE(shown.contains(QStringLiteral("Закончилась бумага"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("Продолжить печать"))) << shown.toStdString();
    auto* resume = find<QPushButton>(QStringLiteral("paymentContinuePrint"), dialog);
    ASSERT_TRUE(resume->isVisible());
    EXPECT_EQ(receipts().size(), 1U); // fiscalized once, only the printout stopped

    ASSERT_TRUE(m_kkt->setConditions(true, std::nullopt, std::nullopt).ok()); // the cashier loads paper
    QTest::mouseClick(resume, Qt::LeftButton);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("Печать завершена")); }))
        << text(QStringLiteral("paymentResult")).toStdString();
    EXPECT_FALSE(m_kkt->state()->pendingPrintout.has_value());
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
