// Weighed goods on the trade sale screen: the weight comes from the emulated scale only once the
// stable-weight rule accepts it (an unsettled weight can never be taken), or is typed with up to
// 3 decimals; the line's quantity and amount are exact (price × thousandths, rounded half up).
#include "TerminalFixture.h"

#include "drivers/scale/EmulatedScale.h"
#include "drivers/scale/ScaleDrivers.h"
#include "terminal/apps/trade/WeighDialog.h"

namespace sigma::terminal {
namespace {

using test_support::TerminalFlowTest;

class WeighedSaleTest : public TerminalFlowTest {
protected:
    /// Configures the emulated scale in config.json and returns the test's own handle on its state.
    std::unique_ptr<drivers::scale::EmulatedScale> connectScale()
    {
        auto settings = drivers::scale::ScaleDrivers::resolveSettings("emulator", core::Json::object());
        EXPECT_TRUE(settings.ok());
        m_runtime->config().scaleDriver = "emulator";
        m_runtime->config().scaleSettings = *settings;
        EXPECT_TRUE(m_runtime->reopenScale().ok());
        EXPECT_NE(m_runtime->scale(), nullptr);
        drivers::scale::EmulatedScale::Options options;
        options.statePath = m_dir / settings->value("statePath", std::string("scale.db"));
        options.clock = &m_clock;
        auto scale = drivers::scale::EmulatedScale::open(options);
        EXPECT_TRUE(scale.ok());
        return scale.ok() ? std::move(*scale) : nullptr;
    }

    /// Scans the demo cheese (weighed, 899,00 ₽/kg) and waits for the weight dialog.
    QWidget* scanCheese()
    {
        scan(DemoData::ean13(5));
        QWidget* dialog = nullptr;
        EXPECT_TRUE(waitFor([this, &dialog] {
            dialog = m_window->findChild<QWidget*>(QStringLiteral("weighDialog"));
            return dialog != nullptr && dialog->isVisible();
        }));
        return dialog;
    }

    /// Polls as the scale's clock moves on 100 ms per two polls, until `condition`.
    bool pollUntil(const std::function<bool()>& condition)
    {
        return waitFor([this, &condition] {
            m_clock.advance(std::chrono::milliseconds(100));
            QTest::qWait(WeighDialog::kPollMs * 2);
            return condition();
        });
    }
};

TEST_F(WeighedSaleTest, TheStableWeightFromTheScaleMakesTheLineAndAnUnsettledOneIsNotTaken)
{
    login(DemoData::kCashierPin);
    openShift();
    auto scale = connectScale();
    ASSERT_NE(scale, nullptr);
    // 1,237 kg, still swinging for 10 s of the scale's clock.
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(1237), 10'000).ok());
    QWidget* dialog = scanCheese();
    ASSERT_NE(dialog, nullptr);
    auto* take = find<QPushButton>(QStringLiteral("weighTake"), dialog);
    ASSERT_NE(take, nullptr);
    EXPECT_TRUE(take->isVisible());
    ASSERT_TRUE(pollUntil([this] { return text(QStringLiteral("weighWeight")) == QStringLiteral("1,237 кг"); }))
        << text(QStringLiteral("weighWeight")).toStdString();
    // Five more readings over half a second, all flagged unsettled: never offered, never taken.
    for (int i = 0; i < 5; ++i) {
        m_clock.advance(std::chrono::milliseconds(100));
        QTest::qWait(WeighDialog::kPollMs * 2);
        EXPECT_FALSE(take->isEnabled()) << "reading " << i;
    }
    EXPECT_TRUE(text(QStringLiteral("weighState")).contains(QStringLiteral("не установился")))
        << text(QStringLiteral("weighState")).toStdString();
    QTest::mouseClick(take, Qt::LeftButton);
    QApplication::processEvents();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(cartRows(), 0);
    EXPECT_TRUE(m_runtime->sale().empty());

    // The swing is over: stable readings over the rule's 300 ms make it takeable.
    m_clock.advance(std::chrono::seconds(10));
    ASSERT_TRUE(pollUntil([take] { return take->isEnabled(); })) << text(QStringLiteral("weighState")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("weighState")).contains(QStringLiteral("стабилен")));
    EXPECT_EQ(take->text(), QStringLiteral("Взять 1,237 кг"));
    // 899,00 × 1,237 = 1 112,063: the preview is the receipt's amount, to the kopeck.
    EXPECT_EQ(text(QStringLiteral("weighAmount")), QStringLiteral("Сумма: 1\u00A0112,06\u00A0₽"));
    QTest::mouseClick(take, Qt::LeftButton);
    ASSERT_TRUE(waitFor([this] { return cartRows() == 1; }));
    auto* cart = find<QTableWidget>(QStringLiteral("cart"));
    EXPECT_EQ(cart->item(0, 1)->text(), QStringLiteral("1,237"));
    EXPECT_EQ(cart->item(0, 2)->text(), QStringLiteral("1\u00A0112,06\u00A0₽"));
    const auto& lines = m_runtime->sale().lines();
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0].line.quantity, core::Quantity::fromThousandths(1237));
    auto totals = m_runtime->sale().totals();
    ASSERT_TRUE(totals.ok());
    EXPECT_EQ(totals->total, core::Money::fromKopecks(111206));
}

TEST_F(WeighedSaleTest, AWeightThatMovesAgainIsNoLongerOffered)
{
    login(DemoData::kCashierPin);
    openShift();
    auto scale = connectScale();
    ASSERT_NE(scale, nullptr);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(500)).ok());
    QWidget* dialog = scanCheese();
    ASSERT_NE(dialog, nullptr);
    auto* take = find<QPushButton>(QStringLiteral("weighTake"), dialog);
    ASSERT_TRUE(pollUntil([take] { return take->isEnabled(); }));
    // More apples go into the bag: the new weight swings, and the old stable one is gone.
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(800), 10'000).ok());
    ASSERT_TRUE(pollUntil([take] { return !take->isEnabled(); }));
    QTest::mouseClick(take, Qt::LeftButton);
    QApplication::processEvents();
    EXPECT_TRUE(m_runtime->sale().empty());
    click(QStringLiteral("weighCancel"), dialog);
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QWidget*>(QStringLiteral("weighDialog")) == nullptr; }));
    EXPECT_TRUE(m_runtime->sale().empty());
}

TEST_F(WeighedSaleTest, WithoutAScaleTheWeightIsTypedAndMalformedWeightsAreRefusedInWords)
{
    login(DemoData::kCashierPin);
    openShift();
    ASSERT_EQ(m_runtime->scale(), nullptr);
    QWidget* dialog = scanCheese();
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(find<QPushButton>(QStringLiteral("weighTake"), dialog)->isVisible());
    EXPECT_TRUE(text(QStringLiteral("weighState")).contains(QStringLiteral("не подключены")));
    auto* typed = find<QLineEdit>(QStringLiteral("weighTyped"), dialog);
    ASSERT_NE(typed, nullptr);
    for (const char* bad : {"abc", "0,4505", "-1", "1,2,3", "", "0", "0,000"}) {
        typed->setText(QString::fromUtf8(bad));
        click(QStringLiteral("weighTypedOk"), dialog);
        EXPECT_TRUE(dialog->isVisible()) << bad;
        EXPECT_FALSE(text(QStringLiteral("weighState")).isEmpty()) << bad;
    }
    EXPECT_TRUE(m_runtime->sale().empty());
    typed->setText(QStringLiteral("0,45"));
    click(QStringLiteral("weighTypedOk"), dialog);
    ASSERT_TRUE(waitFor([this] { return cartRows() == 1; }));
    auto* cart = find<QTableWidget>(QStringLiteral("cart"));
    EXPECT_EQ(cart->item(0, 1)->text(), QStringLiteral("0,450"));
    EXPECT_EQ(cart->item(0, 2)->text(), QStringLiteral("404,55\u00A0₽"));
}

TEST_F(WeighedSaleTest, AReceivingTakesWeighedGoodsFromTheScale)
{
    login(DemoData::kAdminPin);
    auto scale = connectScale();
    ASSERT_NE(scale, nullptr);
    ASSERT_TRUE(scale->place(core::Quantity::fromThousandths(2450)).ok());
    click(QStringLiteral("nav_stock"));
    ASSERT_EQ(m_window->currentScreen(), QStringLiteral("stock"));
    click(QStringLiteral("stockNewReceiving"));
    QWidget* dialog = scanCheese(); // the same weighing as at the sale screen
    ASSERT_NE(dialog, nullptr);
    auto* take = find<QPushButton>(QStringLiteral("weighTake"), dialog);
    ASSERT_TRUE(pollUntil([take] { return take->isEnabled(); })) << text(QStringLiteral("weighState")).toStdString();
    QTest::mouseClick(take, Qt::LeftButton);
    auto* lines = find<QTableWidget>(QStringLiteral("stockLines"));
    ASSERT_TRUE(waitFor([lines] { return lines->rowCount() == 1; })) << text(QStringLiteral("stockInfo")).toStdString();
    EXPECT_EQ(lines->item(0, 1)->text(), QStringLiteral("2,450"));

    // Cancelled weighing adds nothing.
    dialog = scanCheese();
    ASSERT_NE(dialog, nullptr);
    click(QStringLiteral("weighCancel"), dialog);
    ASSERT_TRUE(waitFor([this] { return m_window->findChild<QWidget*>(QStringLiteral("weighDialog")) == nullptr; }));
    EXPECT_EQ(lines->rowCount(), 1);
    EXPECT_EQ(lines->item(0, 1)->text(), QStringLiteral("2,450"));
}

} // namespace
} // namespace sigma::terminal
