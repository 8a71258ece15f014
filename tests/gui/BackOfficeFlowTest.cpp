// The rest of the shell clicked through: the administrator's forced PIN change, a return found by
// the day of purchase, a stock document posted, the language switch, the scale in service mode,
// and the layout on a 1024x600 screen.
#include "TerminalFixture.h"

#include "drivers/scale/EmulatedScale.h"
#include "terminal/Format.h"
#include "terminal/StatusBar.h"
#include "terminal/screens/ServiceScreen.h"

#include <QComboBox>
#include <QListWidget>

namespace sigma::terminal {
namespace {

using test_support::TerminalFlowTest;

class FirstStartTest : public TerminalFlowTest {
protected:
    FirstStartTest() { m_seed = false; }
};

void typePin(TerminalFlowTest& test, QWidget* screen, const char* pin)
{
    for (const char* c = pin; *c != '\0'; ++c) {
        auto* key = screen->findChild<QPushButton*>(QStringLiteral("key") + QChar::fromLatin1(*c));
        ASSERT_NE(key, nullptr);
        QTest::mouseClick(key, Qt::LeftButton);
    }
    auto* ok = screen->findChild<QPushButton*>(QStringLiteral("keyOk"));
    ASSERT_NE(ok, nullptr);
    QTest::mouseClick(ok, Qt::LeftButton);
    (void)test;
}

TEST_F(FirstStartTest, AdministratorMustChangeTheSetUpPinAtFirstLogin)
{
    auto admin = onWorker([&] { return m_runtime->auth().bootstrapAdministrator(std::string("7391")); });
    ASSERT_TRUE(admin.ok()) << admin.error().message;
    login("7391");
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("change-pin"));
    EXPECT_FALSE(find<QWidget>(QStringLiteral("navBar"))->isVisible()); // nowhere else to go first

    QWidget* screen = m_window->screen(QStringLiteral("change-pin"));
    typePin(*this, screen, "7391"); // the current PIN
    EXPECT_TRUE(text(QStringLiteral("changePinTitle")).contains(QStringLiteral("Новый PIN")));
    typePin(*this, screen, "5826");
    typePin(*this, screen, "5826");
    ASSERT_TRUE(waitFor([this] { return m_window->currentScreen() == QStringLiteral("sale"); }))
        << text(QStringLiteral("changePinMessage")).toStdString();
    EXPECT_TRUE(find<QWidget>(QStringLiteral("navBar"))->isVisible());

    click(QStringLiteral("nav_lock"));
    QWidget* loginScreen = m_window->screen(QStringLiteral("login"));
    typePin(*this, loginScreen, "7391"); // the set-up PIN no longer opens the till
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("loginMessage")).contains(QStringLiteral("Неверный PIN")); }))
        << text(QStringLiteral("loginMessage")).toStdString();
    login("5826");
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("sale"));
}

TEST_F(FirstStartTest, MismatchedNewPinIsAskedAgain)
{
    ASSERT_TRUE(onWorker([&] { return m_runtime->auth().bootstrapAdministrator(std::string("7391")); }).ok());
    login("7391");
    QWidget* screen = m_window->screen(QStringLiteral("change-pin"));
    typePin(*this, screen, "7391");
    typePin(*this, screen, "5826");
    typePin(*this, screen, "5827");
    EXPECT_TRUE(text(QStringLiteral("changePinMessage")).contains(QStringLiteral("не совпадают")));
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("change-pin"));
}

TEST_F(TerminalFlowTest, ReturnFoundByTheDayOfPurchase)
{
    QWidget* dialog = ringMilkAndOpenPayment();
    ASSERT_NE(dialog, nullptr);
    click(QStringLiteral("payCash"), dialog);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }));
    const auto number = *receipts()[0].fiscalDocumentNumber;
    click(QStringLiteral("paymentDone"), dialog);

    click(QStringLiteral("nav_returns"));
    EXPECT_EQ(text(QStringLiteral("returnDate")), QStringLiteral("04.12.2026"));
    click(QStringLiteral("returnByDate"));
    auto* day = find<QListWidget>(QStringLiteral("returnDayList"));
    ASSERT_TRUE(day->isVisible());
    ASSERT_EQ(day->count(), 1);
    EXPECT_TRUE(day->item(0)->text().contains(QStringLiteral("ФД № %1").arg(number))) << day->item(0)->text().toStdString();
    EXPECT_TRUE(day->item(0)->text().contains(QStringLiteral("89,90")));

    click(QStringLiteral("returnPrevDay")); // the day before: nothing was sold
    EXPECT_EQ(text(QStringLiteral("returnDate")), QStringLiteral("03.12.2026"));
    EXPECT_EQ(day->count(), 0);
    click(QStringLiteral("returnNextDay"));
    click(QStringLiteral("returnNextDay")); // no further than today
    EXPECT_EQ(text(QStringLiteral("returnDate")), QStringLiteral("04.12.2026"));
    ASSERT_EQ(day->count(), 1);

    QTest::mouseClick(day->viewport(), Qt::LeftButton, {}, day->visualItemRect(day->item(0)).center());
    auto* lines = find<QTableWidget>(QStringLiteral("returnLines"));
    ASSERT_TRUE(waitFor([lines] { return lines->isVisible() && lines->rowCount() == 1; }))
        << text(QStringLiteral("returnInfo")).toStdString();
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

TEST_F(TerminalFlowTest, StockReceivingIsFilledByScansAndPosted)
{
    login(DemoData::kCashierPin);
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("nav_stock"))->isVisible()); // a cashier keeps no stock
    click(QStringLiteral("nav_lock"));
    login(DemoData::kAdminPin);
    click(QStringLiteral("nav_stock"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("stock"));

    find<QLineEdit>(QStringLiteral("stockNote"))->setText(QStringLiteral("ООО Ромашка")); // QTest types ASCII only
    click(QStringLiteral("stockNewReceiving"));
    EXPECT_TRUE(text(QStringLiteral("stockHeader")).contains(QStringLiteral("Приход № 1"))) << text(QStringLiteral("stockHeader")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("stockHeader")).contains(QStringLiteral("Ромашка")));
    scan(DemoData::ean13(1));
    scan(DemoData::ean13(1)); // the same product again adds to its line
    scan(DemoData::ean13(6));
    auto* lines = find<QTableWidget>(QStringLiteral("stockLines"));
    ASSERT_TRUE(waitFor([lines] { return lines->rowCount() == 2; })) << text(QStringLiteral("stockInfo")).toStdString();
    EXPECT_EQ(lines->item(0, 1)->text(), QStringLiteral("2"));
    EXPECT_EQ(lines->item(1, 1)->text(), QStringLiteral("1"));

    click(QStringLiteral("stockPost"));
    EXPECT_TRUE(text(QStringLiteral("stockInfo")).contains(QStringLiteral("проведён"))) << text(QStringLiteral("stockInfo")).toStdString();
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("stockPost"))->isEnabled());

    auto posted = onWorker(
        [&] { return m_runtime->stock().list(store::StockDocumentKind::Receiving, store::StockDocumentStatus::Posted); });
    ASSERT_TRUE(posted.ok());
    ASSERT_EQ(posted->size(), 1U);
    auto document = onWorker([&] { return m_runtime->stock().find((*posted)[0].id); });
    ASSERT_TRUE(document.ok());
    EXPECT_EQ(document->supplier, "ООО Ромашка");
    ASSERT_EQ(document->lines.size(), 2U);
    EXPECT_EQ(document->lines[0].quantity.thousandths(), 2000);

    scan(DemoData::ean13(2)); // a posted document takes no more lines
    EXPECT_EQ(lines->rowCount(), 2);
    auto after = onWorker([&] { return m_runtime->stock().find((*posted)[0].id); });
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->lines.size(), 2U);
}

TEST_F(TerminalFlowTest, LanguageSwitchAppliesAtOnceAndIsStored)
{
    login(DemoData::kCashierPin);
    openShift();
    scan(DemoData::ean13(1));
    ASSERT_TRUE(waitFor([this] { return cartRows() == 1; }));
    click(QStringLiteral("nav_settings"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("settings"));
    click(QStringLiteral("languageEn"));
    ASSERT_TRUE(waitFor([this] {
        auto* sale = m_window->findChild<QPushButton*>(QStringLiteral("nav_sale"));
        return sale != nullptr && sale->text() == QStringLiteral("Sale");
    }));
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("settings"));
    auto stored = till::TerminalConfig::load(m_runtime->dir().configFile());
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->language, "en");

    click(QStringLiteral("nav_sale"));
    ASSERT_TRUE(find<QTableWidget>(QStringLiteral("cart"))->isVisible());
    ASSERT_EQ(cartRows(), 1); // the cart survived the switch
    EXPECT_EQ(find<QTableWidget>(QStringLiteral("cart"))->item(0, 2)->text(), QStringLiteral("89.90\u00A0₽"));
    EXPECT_TRUE(text(QStringLiteral("saleTotal")).startsWith(QStringLiteral("Total"))) << text(QStringLiteral("saleTotal")).toStdString();

    click(QStringLiteral("nav_settings"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("settings"));
    click(QStringLiteral("languageRu"), m_window->screen(QStringLiteral("settings")));
    ASSERT_TRUE(waitFor([this] {
        auto* sale = m_window->findChild<QPushButton*>(QStringLiteral("nav_sale"));
        return sale != nullptr && sale->text() == QStringLiteral("Продажа");
    }));
    auto back = till::TerminalConfig::load(m_runtime->dir().configFile());
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->language, "ru");
}

TEST(FormatTest, QuantitiesAndMoneyFollowTheLanguageExactly)
{
    Language::apply(QStringLiteral("ru"));
    EXPECT_EQ(Format::quantity(core::Quantity::fromThousandths(350)), QStringLiteral("0,350"));
    EXPECT_EQ(Format::quantity(core::Quantity::pieces(3)), QStringLiteral("3"));
    EXPECT_EQ(Format::money(core::Money::fromKopecks(123450)), QStringLiteral("1\u00A0234,50\u00A0₽"));
    EXPECT_EQ(Format::money(core::Money::fromKopecks(-5)), QStringLiteral("-0,05\u00A0₽"));
    EXPECT_EQ(Format::moneyInput(core::Money::fromKopecks(100000)), QStringLiteral("1000,00"));
    // 99 999 999.99: beyond a double's exact cents if it went through one with float rounding.
    EXPECT_EQ(Format::money(core::Money::fromKopecks(9'999'999'999), false), QStringLiteral("99\u00A0999\u00A0999,99"));
    Language::apply(QStringLiteral("en"));
    EXPECT_EQ(Format::quantity(core::Quantity::fromThousandths(350)), QStringLiteral("0.350"));
    EXPECT_EQ(Format::money(core::Money::fromKopecks(123450)), QStringLiteral("1,234.50\u00A0₽"));
    Language::apply(QStringLiteral("ru"));
}

TEST_F(TerminalFlowTest, WeighedQuantityShowsTheRussianComma)
{
    login(DemoData::kCashierPin);
    openShift();
    auto cheese = onWorker([&] { return m_runtime->lookup().byScan(DemoData::ean13(5)); });
    ASSERT_TRUE(cheese.ok());
    ASSERT_TRUE(m_runtime->sale().addProduct(cheese->product, core::Quantity::fromThousandths(350)).ok());
    click(QStringLiteral("nav_shift"));
    click(QStringLiteral("nav_sale")); // the screen redraws the cart from the session
    auto* cart = find<QTableWidget>(QStringLiteral("cart"));
    ASSERT_EQ(cart->rowCount(), 1);
    EXPECT_EQ(cart->item(0, 1)->text(), QStringLiteral("0,350"));
    EXPECT_EQ(cart->item(0, 2)->text(), QStringLiteral("314,65\u00A0₽"));
}

TEST_F(TerminalFlowTest, ScaleIsConfiguredInServiceModeAndShowsAStableWeight)
{
    login(DemoData::kTechnicianPin);
    click(QStringLiteral("serviceTabScale"));
    EXPECT_TRUE(text(QStringLiteral("scaleState")).contains(QStringLiteral("не подключены")));
    auto* driver = find<QComboBox>(QStringLiteral("serviceScaleDriver"));
    const int emulator = driver->findData(QStringLiteral("emulator"));
    ASSERT_GE(emulator, 0);
    driver->setCurrentIndex(emulator);
    ASSERT_NE(m_window->findChild<QLineEdit*>(QStringLiteral("scaleSetting_statePath")), nullptr); // from the schema
    click(QStringLiteral("serviceScaleSave"));
    ASSERT_NE(m_runtime->scale(), nullptr);
    auto stored = till::TerminalConfig::load(m_runtime->dir().configFile());
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->scaleDriver, "emulator");

    drivers::scale::EmulatedScale::Options options;
    options.statePath = m_dir / "scale.db";
    options.clock = &m_clock;
    auto scale = drivers::scale::EmulatedScale::open(options);
    ASSERT_TRUE(scale.ok()) << scale.error().message;
    ASSERT_TRUE((*scale)->place(core::Quantity::fromThousandths(352)).ok());
    // The stable-weight rule wants readings over 300 ms of the scale's clock.
    ASSERT_TRUE(waitFor([this] {
        m_clock.advance(std::chrono::milliseconds(100));
        QTest::qWait(ServiceScreen::kScalePollMs * 2);
        return text(QStringLiteral("scaleState")).contains(QStringLiteral("стабилен"));
    })) << text(QStringLiteral("scaleState")).toStdString();
    EXPECT_EQ(text(QStringLiteral("scaleWeight")), QStringLiteral("0,352 кг"));

    ASSERT_TRUE((*scale)->place(core::Quantity::fromThousandths(0)).ok());
    ASSERT_TRUE(waitFor([this] {
        m_clock.advance(std::chrono::milliseconds(100));
        QTest::qWait(ServiceScreen::kScalePollMs * 2);
        return text(QStringLiteral("scaleState")).contains(QStringLiteral("ничего нет"));
    })) << text(QStringLiteral("scaleState")).toStdString();
}

TEST_F(TerminalFlowTest, SmallScreenShowsSixCartRowsAndKeepsTheStatusBarVisibleWhilePaying)
{
    m_window->resize(1024, 600);
    login(DemoData::kCashierPin);
    openShift();
    for (long long item : {1, 2, 3, 4, 6, 7}) {
        scan(DemoData::ean13(item));
    }
    auto* cart = find<QTableWidget>(QStringLiteral("cart"));
    ASSERT_TRUE(waitFor([this] { return cartRows() == 6; }));
    QApplication::processEvents();
    cart->scrollToTop();
    const QRect viewport = cart->viewport()->rect();
    for (int row = 0; row < 6; ++row) {
        const QRect r = cart->visualRect(cart->model()->index(row, 0));
        EXPECT_TRUE(viewport.contains(r)) << "row " << row << " is cut off: " << r.bottom() << " > "
                                          << viewport.bottom();
    }

    click(QStringLiteral("payButton"));
    QWidget* dialog = nullptr;
    ASSERT_TRUE(waitFor([this, &dialog] {
        dialog = m_window->findChild<QWidget*>(QStringLiteral("paymentDialog"));
        return dialog != nullptr && dialog->isVisible();
    }));
    QApplication::processEvents();
    StatusBar* status = m_window->statusBar();
    const QRect statusRect(status->mapToGlobal(QPoint(0, 0)), status->size());
    const QRect dialogRect = dialog->frameGeometry();
    EXPECT_FALSE(dialogRect.intersects(statusRect))
        << "dialog bottom " << dialogRect.bottom() << ", status bar top " << statusRect.top();
    // Everything the cashier taps is inside the dialog, not cut off.
    for (const char* name : {"payCash", "payCard", "paymentCancel", "cashGiven", "quick_0"}) {
        auto* w = find<QWidget>(QString::fromLatin1(name), dialog);
        ASSERT_NE(w, nullptr);
        const QRect inDialog(w->mapTo(dialog, QPoint(0, 0)), w->size());
        EXPECT_TRUE(dialog->rect().contains(inDialog)) << name;
    }
    click(QStringLiteral("paymentCancel"), dialog);
}

} // namespace
} // namespace sigma::terminal
