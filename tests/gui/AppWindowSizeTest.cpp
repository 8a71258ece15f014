// The main window of each app (Торговля, Услуги, Еда) after login on a 1024x600 panel, with the
// terminal's real stylesheet and font: exactly 1024x600 on every screen the cashier can open. A
// screen whose minimum is larger widens the whole window (the stack takes its largest page's
// minimum): once every 1024x600 render came out 1304x720 that way, cutting off the right edge.
#include "TerminalFixture.h"

#include "terminal/TerminalStartup.h"
#include "terminal/apps/food/FoodDemo.h"
#include "terminal/apps/services/ServicesDemo.h"

#include <string>

namespace sigma::terminal {
namespace {

struct AppCase {
    const char* name;
    till::BusinessType type;
    core::Status (*seed)(TerminalRuntime&);
    const char* firstScreen;
};

core::Status seedTrade(TerminalRuntime& rt)
{
    return DemoData::seed(rt);
}

class AppWindowSizeTest : public test_support::TerminalFlowTest, public ::testing::WithParamInterface<AppCase> {
protected:
    AppWindowSizeTest() { m_seed = false; }

    void TearDown() override
    {
        if (m_restyled) {
            qApp->setStyleSheet(m_oldStyle);
            QApplication::setFont(m_oldFont);
        }
        TerminalFlowTest::TearDown();
    }

    QString m_oldStyle;
    QFont m_oldFont;
    bool m_restyled = false;
};

TEST_P(AppWindowSizeTest, EveryScreenAfterLoginKeepsTheWindowAt1024By600)
{
    const AppCase& app = GetParam();
    auto seeded = app.seed(*m_runtime);
    ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    m_runtime->config().businessType = app.type;
    m_runtime->session().reset();

    m_oldStyle = qApp->styleSheet();
    m_oldFont = QApplication::font();
    m_restyled = true;
    TerminalStartup::applyLookAndLanguage(*qApp, QStringLiteral("ru"));
    // A window built with the look applied, as main() builds it.
    m_runner->waitForIdle();
    QApplication::processEvents();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(*m_runtime, *m_runner, *m_wedge);
    m_window->resize(1024, 600);
    m_window->show();
    m_window->start();
    QApplication::processEvents();
    login(DemoData::kCashierPin);
    ASSERT_TRUE(waitFor([this] { return m_runner->busy() == false; }));
    EXPECT_EQ(m_window->currentScreen(), QString::fromLatin1(app.firstScreen));

    std::vector<QPushButton*> navigation;
    for (auto* b : m_window->findChildren<QPushButton*>()) {
        if (b->objectName().startsWith(QStringLiteral("nav_")) && b->isVisible()) {
            navigation.push_back(b);
        }
    }
    ASSERT_GE(navigation.size(), 2U);
    for (auto* b : navigation) {
        QTest::mouseClick(b, Qt::LeftButton);
        QTest::qWait(50);
        QApplication::processEvents();
        const QString screen = m_window->currentScreen();
        EXPECT_EQ(m_window->size(), QSize(1024, 600))
            << app.name << " " << screen.toStdString() << ": " << m_window->width() << "x" << m_window->height();
        const QSize min = m_window->minimumSizeHint();
        EXPECT_LE(min.width(), 1024) << app.name << " " << screen.toStdString() << " minimum " << min.width();
        EXPECT_LE(min.height(), 600) << app.name << " " << screen.toStdString() << " minimum " << min.height();
    }
}

INSTANTIATE_TEST_SUITE_P(Apps, AppWindowSizeTest,
                         ::testing::Values(AppCase{"trade", till::BusinessType::Trade, &seedTrade, "sale"},
                                           AppCase{"services", till::BusinessType::Services, &ServicesDemo::seed, "salon"},
                                           AppCase{"food", till::BusinessType::Food, &FoodDemo::seed, "hall"}),
                         [](const ::testing::TestParamInfo<AppCase>& param) { return std::string(param.param.name); });

} // namespace
} // namespace sigma::terminal
