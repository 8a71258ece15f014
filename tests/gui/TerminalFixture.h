#pragma once
// The terminal as a cashier uses it: PIN keys, the scanner, the pay buttons, clicked on the real
// widgets, with the real till services and the in-process emulated register. Shared by the widget
// test files.
#include "drivers/emulator/VirtualKkt.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"
#include "terminal/DemoData.h"
#include "terminal/Language.h"
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

#include <functional>
#include <optional>
#include <vector>

namespace sigma::terminal::test_support {

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
        if (m_seed) {
            auto seeded = DemoData::seed(*m_runtime);
            ASSERT_TRUE(seeded.ok()) << seeded.error().message;
        }
        m_runtime->session().reset(); // the test logs in through the PIN pad
        Language::apply(QStringLiteral("ru")); // a test before may have switched to English

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

    /// Runs `work` on the terminal's worker thread and waits for it. The emulated register is the
    /// terminal's own device, used by its worker (status polls every few seconds): a test that
    /// drives it directly from the test thread races those polls on the emulator's database.
    template <typename F>
    auto onWorker(F work) -> decltype(work())
    {
        std::optional<decltype(work())> result;
        bool done = false;
        m_runner->run([&] { result.emplace(work()); }, m_window.get(), [&] { done = true; });
        if (!waitFor([&] { return done; })) {
            m_runner->waitForIdle(); // the job still ran; only its completion was not delivered yet
        }
        return std::move(*result);
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

    /// The stored receipts, read on the worker (the terminal's connection is the worker's).
    std::vector<store::ReceiptRecord> receipts()
    {
        return onWorker([this] {
            std::vector<store::ReceiptRecord> out;
            auto ids = m_runtime->till().receipts().allIds(100, 0);
            EXPECT_TRUE(ids.ok());
            for (const auto& id : ids.ok() ? *ids : std::vector<std::string>{}) {
                auto r = m_runtime->till().receipts().find(id);
                if (r.ok() && *r) {
                    out.push_back(**r);
                }
            }
            return out;
        });
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

    bool m_seed = true; ///< false: an empty shop, staff made by the test
    test::TempDir m_dir{"sigma-gui"};
    test::ManualClock m_clock{core::Clock::TimePoint(std::chrono::seconds(1'796'374'800))}; // 2026-12-04 09:00 UTC
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<TerminalRuntime> m_runtime;
    std::unique_ptr<TaskRunner> m_runner;
    std::unique_ptr<ScannerWedge> m_wedge;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace sigma::terminal::test_support
