// The food app as a waiter uses it: the hall map, an order with a modifier, "На кухню" to the
// printer emulator on a real TCP socket, the pre-bill, a split in two, both parts paid through the
// trade app's payment dialog on the emulated register, the kitchen screen and the shift rule.
#include "TerminalFixture.h"

#include "drivers/printer/PrinterEmulator.h"
#include "terminal/TerminalStartup.h"
#include "terminal/apps/food/FoodDemo.h"
#include "terminal/apps/food/OrderScreen.h"
#include "till/HallService.h"

#include <QDialog>
#include <QInputDialog>

namespace sigma::terminal {
namespace {

class FoodFlowTest : public test_support::TerminalFlowTest {
protected:
    FoodFlowTest() { m_seed = false; }

    void SetUp() override
    {
        TerminalFlowTest::SetUp();
        ASSERT_TRUE(m_printer.start(0).ok());
        auto seeded = FoodDemo::seed(*m_runtime);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message;
        auto printer = FoodDemo::addPrinter(*m_runtime, m_printer.port());
        ASSERT_TRUE(printer.ok()) << printer.error().message;
        m_runtime->config().businessType = till::BusinessType::Food;
        m_runtime->session().reset();
    }

    void TearDown() override
    {
        TerminalFlowTest::TearDown();
        m_printer.stop();
    }

    QWidget* dialog(const char* name)
    {
        QWidget* found = nullptr;
        EXPECT_TRUE(waitFor([this, name, &found] {
            for (auto* d : m_window->findChildren<QDialog*>(QString::fromLatin1(name))) {
                if (d->isVisible()) {
                    found = d;
                }
            }
            return found != nullptr;
        })) << name;
        return found;
    }

    bool dialogGone(const char* name)
    {
        return waitFor([this, name] {
            for (auto* d : m_window->findChildren<QDialog*>(QString::fromLatin1(name))) {
                if (d->isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /// Clicks a button once it is there and shown: the hall, the tiles and the cards are drawn
    /// again after every reload, and a widget added to a shown layout is shown from the event loop.
    void tap(const QString& name, QWidget* in = nullptr)
    {
        QWidget* root = in != nullptr ? in : m_window.get();
        ASSERT_TRUE(waitFor([root, &name] {
            auto* b = root->findChild<QPushButton*>(name);
            return b != nullptr && b->isVisible() && b->isEnabled();
        })) << name.toStdString();
        QTest::mouseClick(root->findChild<QPushButton*>(name), Qt::LeftButton);
    }

    const till::Order& order()
    {
        return static_cast<OrderScreen*>(m_window->screen(QStringLiteral("order")))->order();
    }

    /// Logs the waiter in (the food app starts on the hall) and opens the shift.
    void startService()
    {
        login(DemoData::kCashierPin);
        ASSERT_EQ(m_window->currentScreen(), QStringLiteral("hall"));
        tap(QStringLiteral("nav_shift"));
        tap(QStringLiteral("shiftOpen"));
        ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("открыта")); }));
        tap(QStringLiteral("nav_hall"));
    }

    /// Taps a table on the hall map and waits for its order screen.
    void openTable(const QString& name)
    {
        ASSERT_TRUE(waitFor([this, name] {
            return m_window->findChild<QPushButton*>(QStringLiteral("table_") + name) != nullptr;
        }));
        tap(QStringLiteral("table_") + name);
        ASSERT_TRUE(waitFor([this, name] {
            return m_window->currentScreen() == QStringLiteral("order") &&
                   text(QStringLiteral("orderTitle")).contains(QStringLiteral("Стол ") + name);
        }));
    }

    std::size_t liveLines()
    {
        std::size_t n = 0;
        for (const auto& line : order().lines) {
            n += line.removed() ? 0 : 1;
        }
        return n;
    }

    void payNextPart(const QString& amount)
    {
        tap(QStringLiteral("orderPay"));
        QWidget* pay = dialog("paymentDialog");
        ASSERT_NE(pay, nullptr);
        EXPECT_TRUE(text(QStringLiteral("payTotal")).contains(amount)) << text(QStringLiteral("payTotal")).toStdString();
        tap(QStringLiteral("payCash"), pay);
        ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("paymentResult")).contains(QStringLiteral("ФД №")); }))
            << text(QStringLiteral("paymentStatus")).toStdString();
        tap(QStringLiteral("paymentDone"), pay);
        ASSERT_TRUE(waitFor([this] { return m_window->findChild<QWidget*>(QStringLiteral("paymentDialog")) == nullptr; }));
    }

    drivers::printer::PrinterEmulator m_printer;
};

TEST_F(FoodFlowTest, FullTableServiceFromOpeningToAFreeTable)
{
    startService();
    // Each tile shows the table's name large above its state: found across the room.
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("table_1")) != nullptr; }));
    auto* tile = m_window->findChild<QPushButton*>(QStringLiteral("table_1"));
    auto* name = tile->findChild<QLabel*>(QStringLiteral("tableName"));
    auto* details = tile->findChild<QLabel*>(QStringLiteral("tableDetails"));
    ASSERT_TRUE(name != nullptr && details != nullptr);
    EXPECT_EQ(name->text(), QStringLiteral("1"));
    EXPECT_TRUE(details->text().startsWith(QStringLiteral("свободен"))) << details->text().toStdString();
    name->ensurePolished();
    details->ensurePolished();
    EXPECT_GE(name->fontInfo().pixelSize(), details->fontInfo().pixelSize() * 3 / 2);
    openTable(QStringLiteral("1"));

    // A cappuccino: the milk is required, and the service's refusal is shown in words.
    tap(QStringLiteral("dish_F-1"));
    QWidget* modifiers = dialog("modifierDialog");
    ASSERT_NE(modifiers, nullptr);
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("modifier_0_1"), modifiers)->text().contains(QStringLiteral("+50,00")));
    tap(QStringLiteral("modifierAdd"), modifiers);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("modifierError")).contains(QStringLiteral("Выберите «Молоко»")); }))
        << text(QStringLiteral("modifierError")).toStdString();
    EXPECT_EQ(liveLines(), 0U);
    tap(QStringLiteral("modifier_0_1"), modifiers); // овсяное +50 ₽
    tap(QStringLiteral("modifierAdd"), modifiers);
    ASSERT_TRUE(dialogGone("modifierDialog"));
    ASSERT_TRUE(waitFor([this] { return liveLines() == 1; }));
    ASSERT_EQ(order().lines[0].modifiers.size(), 1U);
    EXPECT_EQ(order().lines[0].modifiers[0].option, "овсяное");
    EXPECT_EQ(order().lines[0].unitPrice.kopecks(), 23000);

    tap(QStringLiteral("foodCategory_1")); // Горячее
    tap(QStringLiteral("dish_F-5"));       // Борщ, no modifiers
    ASSERT_TRUE(waitFor([this] { return liveLines() == 2; }));
    EXPECT_TRUE(text(QStringLiteral("orderTotal")).contains(QStringLiteral("580,00")));

    // На кухню: one ticket for the hot kitchen, printed by the emulator over TCP.
    tap(QStringLiteral("orderSend"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("orderInfo")).contains(QStringLiteral("тикетов: 1")); }))
        << text(QStringLiteral("orderInfo")).toStdString();
    ASSERT_TRUE(waitFor([this] { return m_printer.texts().size() == 1; }));
    const std::string ticket = m_printer.texts()[0];
    EXPECT_NE(ticket.find("Капучино"), std::string::npos) << ticket;
    EXPECT_NE(ticket.find("овсяное"), std::string::npos) << ticket;
    EXPECT_NE(ticket.find("Борщ"), std::string::npos) << ticket;
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("orderPrinters")).contains(QStringLiteral("готов")); }))
        << text(QStringLiteral("orderPrinters")).toStdString();

    tap(QStringLiteral("orderPreBill"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("orderInfo")).contains(QStringLiteral("Пречек напечатан")); }))
        << text(QStringLiteral("orderInfo")).toStdString();
    ASSERT_TRUE(waitFor([this] { return order().billPrintedAtUs.has_value(); }));

    tap(QStringLiteral("orderSplit"));
    QWidget* split = dialog("splitDialog");
    ASSERT_NE(split, nullptr);
    tap(QStringLiteral("splitEqual_2"), split);
    ASSERT_TRUE(waitFor([this] { return order().parts.size() == 2; })) << text(QStringLiteral("orderInfo")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("orderParts")).contains(QStringLiteral("290,00")));

    payNextPart(QStringLiteral("290,00"));
    ASSERT_TRUE(waitFor([this] { return order().parts.size() == 2 && order().parts[0].paid; }));
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("order")); // one part is still due
    payNextPart(QStringLiteral("290,00"));

    // Paid in full: back on the hall, the table free again.
    ASSERT_TRUE(waitFor([this] { return m_window->currentScreen() == QStringLiteral("hall"); }));
    ASSERT_TRUE(waitFor([this] {
        auto* table = m_window->findChild<QPushButton*>(QStringLiteral("table_1"));
        return table != nullptr && table->property("tableState").toString() == QStringLiteral("free");
    }));
    std::int64_t sum = 0;
    int fiscalized = 0;
    for (const auto& r : receipts()) {
        if (r.operation == "sell" && r.status == "fiscalized") {
            ++fiscalized;
            sum += r.total.kopecks();
            EXPECT_TRUE(r.fiscalDocumentNumber.has_value());
        }
    }
    EXPECT_EQ(fiscalized, 2);
    EXPECT_EQ(sum, 58000);
}

TEST_F(FoodFlowTest, KitchenCardsAndTheShiftRefusalInWords)
{
    startService();
    openTable(QStringLiteral("3"));
    tap(QStringLiteral("foodCategory_1"));
    tap(QStringLiteral("dish_F-5"));
    ASSERT_TRUE(waitFor([this] { return liveLines() == 1; }));
    tap(QStringLiteral("orderSend"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("orderInfo")).contains(QStringLiteral("тикетов: 1")); }));

    tap(QStringLiteral("nav_kitchen"));
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("ready_1")) != nullptr; }));
    EXPECT_TRUE(text(QStringLiteral("ticketText_1")).contains(QStringLiteral("Борщ")));
    tap(QStringLiteral("ready_1"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("kitchenInfo")).contains(QStringLiteral("Все заказы готовы")); }));

    // The table is still open: the shift refuses to close and says what to do.
    tap(QStringLiteral("nav_shift"));
    tap(QStringLiteral("shiftClose"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("countedCash")), QStringLiteral("0"));
    tap(QStringLiteral("shiftCountConfirm"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("открытые заказы")); }))
        << text(QStringLiteral("shiftResult")).toStdString();
    const QString refusal = text(QStringLiteral("shiftResult"));
    EXPECT_TRUE(refusal.contains(QStringLiteral("«Зале»"))) << refusal.toStdString();
    EXPECT_TRUE(refusal.contains(QStringLiteral("(3)"))) << refusal.toStdString(); // which table

    // The way out for a table that stays: the order is carried past the close with a reason.
    tap(QStringLiteral("nav_hall"));
    openTable(QStringLiteral("3"));
    tap(QStringLiteral("orderCarry"));
    QInputDialog* reason = nullptr;
    ASSERT_TRUE(waitFor([this, &reason] {
        reason = m_window->findChild<QInputDialog*>(QStringLiteral("carryReason"));
        return reason != nullptr && reason->isVisible();
    }));
    reason->setTextValue(QStringLiteral("гости остаются после полуночи"));
    reason->accept();
    ASSERT_TRUE(waitFor([this] { return !order().carryReason.empty(); })) << text(QStringLiteral("orderInfo")).toStdString();
    tap(QStringLiteral("nav_shift"));
    tap(QStringLiteral("shiftClose"));
    QTest::keyClicks(find<QLineEdit>(QStringLiteral("countedCash")), QStringLiteral("0"));
    tap(QStringLiteral("shiftCountConfirm"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("shiftResult")).contains(QStringLiteral("закрыта")); }))
        << text(QStringLiteral("shiftResult")).toStdString();
}

TEST_F(FoodFlowTest, AnUnpluggedKitchenPrinterShowsAndPrintsWhenBack)
{
    const int port = m_printer.port();
    m_printer.stop(); // the printer's plug pulled
    startService();
    openTable(QStringLiteral("4"));
    tap(QStringLiteral("foodCategory_1"));
    tap(QStringLiteral("dish_F-5"));
    ASSERT_TRUE(waitFor([this] { return liveLines() == 1; }));
    tap(QStringLiteral("orderSend"));
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("orderPrinters")).contains(QStringLiteral("ждут печати 1")); }))
        << text(QStringLiteral("orderPrinters")).toStdString();

    ASSERT_TRUE(m_printer.start(port).ok()); // plugged back in
    tap(QStringLiteral("nav_kitchen"));
    tap(QStringLiteral("kitchenRetry"));
    ASSERT_TRUE(waitFor([this] { return m_printer.texts().size() == 1; }));
    EXPECT_NE(m_printer.texts()[0].find("Борщ"), std::string::npos);
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("kitchenPrinters")).contains(QStringLiteral("готов")); }))
        << text(QStringLiteral("kitchenPrinters")).toStdString();
}

TEST_F(FoodFlowTest, TheFoodScreensFitA1024By600Terminal)
{
    // A screen wider or taller than the terminal would widen the whole window (the stack takes
    // its largest page's minimum), cutting off every app's right edge on a 1024x600 panel. Measured
    // with the terminal's real stylesheet and font, put back afterwards for the other tests.
    login(DemoData::kCashierPin);
    // Real titles, lines and tickets on the screens; seeded on the worker, which owns terminal.db
    // (the print pump and the status poll run there).
    const auto served = onWorker([&] { return FoodDemo::serveTables(*m_runtime); });
    ASSERT_TRUE(served.ok()) << served.error().code << " " << served.error().message;
    openTable(QStringLiteral("2"));
    tap(QStringLiteral("nav_kitchen"));
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("ready_1")) != nullptr; }));
    tap(QStringLiteral("nav_hall"));
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("table_8")) != nullptr; }));
    const QString oldStyle = qApp->styleSheet();
    const QFont oldFont = QApplication::font();
    TerminalStartup::applyLookAndLanguage(*qApp, QStringLiteral("ru"));
    QApplication::processEvents();
    for (const char* name : {"hall", "order", "kitchen"}) {
        const QSize min = m_window->screen(QString::fromLatin1(name))->minimumSizeHint();
        EXPECT_LE(min.width(), 1000) << name << " " << min.width() << "x" << min.height();
        EXPECT_LE(min.height(), 480) << name << " " << min.width() << "x" << min.height();
    }
    {
        // A window built with the look applied and shown at 1024x600 stays 1024 wide.
        m_runtime->session().reset();
        MainWindow fresh(*m_runtime, *m_runner, *m_wedge);
        fresh.resize(1024, 600);
        fresh.show();
        QApplication::processEvents();
        EXPECT_EQ(fresh.width(), 1024) << fresh.minimumSizeHint().width();
    }
    qApp->setStyleSheet(oldStyle);
    QApplication::setFont(oldFont);
}

TEST_F(FoodFlowTest, ChoosingFoodOnFirstStartOpensTheFoodApp)
{
    m_runtime->config().businessType.reset();
    m_window->start();
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("app-choice"));
    tap(QStringLiteral("appFood"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("login"));
    login(DemoData::kCashierPin);
    EXPECT_EQ(m_window->currentScreen(), QStringLiteral("hall"));
    EXPECT_TRUE(find<QPushButton>(QStringLiteral("nav_hall"))->isVisible());
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("nav_sale"))->isVisible());
}

TEST_F(FoodFlowTest, TheAdministratorAddsAndMovesATableInEditMode)
{
    login(DemoData::kAdminPin);
    tap(QStringLiteral("nav_hall"));
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("table_8")) != nullptr; }));
    tap(QStringLiteral("hallEdit"));
    tap(QStringLiteral("cell_4_0")); // an empty cell: a new table, the next free number
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("table_9")) != nullptr; }));
    tap(QStringLiteral("table_9"));
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QPushButton*>(QStringLiteral("cell_0_2")) != nullptr; }));
    tap(QStringLiteral("cell_0_2")); // moves the selected table there
    ASSERT_TRUE(waitFor([this] { return text(QStringLiteral("hallInfo")).contains(QStringLiteral("Стол 9 на месте")); }));
    auto table = onWorker([&] { return till::HallService(m_runtime->till()).resolve("9"); });
    ASSERT_TRUE(table.ok());
    EXPECT_EQ(table->x, 0);
    EXPECT_EQ(table->y, 2);
}

TEST_F(FoodFlowTest, AWaiterHasNoHallEditMode)
{
    login(DemoData::kCashierPin);
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("hall"));
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("hallEdit"))->isVisible());
}

} // namespace
} // namespace sigma::terminal
