#include "terminal/TerminalStartup.h"

#include "core/Clock.h"
#include "terminal/DemoData.h"
#include "terminal/MainWindow.h"
#include "terminal/ScannerWedge.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/trade/SaleScreen.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace sigma::terminal {

namespace {

/// Reports the first paint of the login screen: the first frame a cashier can use.
class FirstPaintProbe : public QObject {
public:
    FirstPaintProbe(std::chrono::steady_clock::time_point started, bool quit)
        : m_started(started), m_quit(quit)
    {
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_started);
            std::printf("startup: first paint of the login screen %.1f ms after main()\n", ms.count());
            std::fflush(stdout);
            if (m_quit) {
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::chrono::steady_clock::time_point m_started;
    bool m_quit;
    bool m_done = false;
};

int fail(const core::Error& error)
{
    std::fprintf(stderr, "sigma-terminal: %s (code %d)\n", error.message.c_str(), error.code);
    return 1;
}

QPixmap grabWithDialogs(QWidget& window)
{
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    for (auto* dialog : window.findChildren<QDialog*>()) {
        if (dialog->isVisible()) {
            painter.fillRect(shot.rect(), QColor(0, 0, 0, 90)); // the modal shade
            const QPoint at = dialog->mapTo(&window, QPoint(0, 0));
            const QPoint centred((window.width() - dialog->width()) / 2, (window.height() - dialog->height()) / 2);
            painter.drawPixmap(dialog->isWindow() ? centred : at, dialog->grab());
        }
    }
    return shot;
}

} // namespace

void TerminalStartup::applyLookAndLanguage(QApplication& app, const QString& language)
{
    MainWindow::initResources();
    QFile style(QStringLiteral(":/style/terminal.qss"));
    if (style.open(QIODevice::ReadOnly)) {
        app.setStyleSheet(QString::fromUtf8(style.readAll()));
    }
    QFont font = app.font();
    font.setPointSize(14); // readable at arm's length
    app.setFont(font);
    // The UI is written in Russian (the users' language); English comes from en.qm.
    if (language == QStringLiteral("en")) {
        auto* translator = new QTranslator(&app);
        if (translator->load(QStringLiteral(":/i18n/sigma_terminal_en.qm"))) {
            QApplication::installTranslator(translator);
        }
    }
}

int TerminalStartup::run(QApplication& app, std::chrono::steady_clock::time_point started)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sigma POS touchscreen terminal"));
    parser.addHelpOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("data directory (default $SIGMA_DATA_DIR or ./var/terminal)"),
                               QStringLiteral("DIR"));
    QCommandLineOption language(QStringLiteral("lang"), QStringLiteral("ru (default) or en"), QStringLiteral("LANG"),
                                QStringLiteral("ru"));
    QCommandLineOption fullScreen(QStringLiteral("fullscreen"), QStringLiteral("kiosk: full screen, no frame"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("window size WxH"), QStringLiteral("WxH"),
                            QStringLiteral("1280x800"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("render SCREEN to --out and exit"),
                                  QStringLiteral("SCREEN"));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG file for --screenshot"), QStringLiteral("FILE"));
    QCommandLineOption measureStartup(QStringLiteral("measure-startup"),
                                      QStringLiteral("print ms to the first paint of the login screen and exit"));
    QCommandLineOption measureScans(QStringLiteral("measure-scans"),
                                    QStringLiteral("scan N codes in a demo shop, print p50/p99 scan-to-line ms"),
                                    QStringLiteral("N"));
    QCommandLineOption demoProducts(QStringLiteral("demo-products"),
                                    QStringLiteral("extra generated products in the demo shop"), QStringLiteral("N"),
                                    QStringLiteral("0"));
    for (auto* o : {&screenshot, &out, &measureScans, &demoProducts}) {
        o->setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOptions({dataDir, language, fullScreen, size, screenshot, out, measureStartup, measureScans,
                       demoProducts});
    parser.process(app);

    applyLookAndLanguage(app, parser.value(language));

    const bool demo = parser.isSet(screenshot) || parser.isSet(measureScans);
    QTemporaryDir demoDir;
    std::filesystem::path dirOption = parser.value(dataDir).toStdString();
    if (demo) {
        dirOption = demoDir.path().toStdString();
    }
    static core::SystemClock clock; // the one real clock, owned by the executable
    TerminalRuntime::Options options;
    options.dir = till::DataDirectory::resolve(dirOption);
    options.clock = &clock;
    if (demo) {
        options.pinCost.timeCost = 1;
        options.pinCost.memoryKiB = 1024; // a throwaway shop: its PINs protect nothing
    }
    auto runtime = TerminalRuntime::open(options);
    if (!runtime.ok()) {
        return fail(runtime.error());
    }
    auto& rt = **runtime;
    if (demo) {
        rt.config().businessType = till::BusinessType::Trade;
        if (auto s = DemoData::seed(rt, parser.value(demoProducts).toInt()); !s.ok()) {
            return fail(s.error());
        }
    }

    TaskRunner runner;
    ScannerWedge wedge;
    app.installEventFilter(&wedge);
    MainWindow window(rt, runner, wedge);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    const QSize windowSize(wh.value(0).toInt(), wh.value(1).toInt());
    window.resize(windowSize.isValid() ? windowSize : QSize(1280, 800));

    if (parser.isSet(screenshot)) {
        const QString name = parser.value(screenshot);
        if (name != QStringLiteral("app-choice") && name != QStringLiteral("login")) {
            if (auto s = DemoData::fillCart(rt); !s.ok()) {
                return fail(s.error());
            }
        }
        if (name == QStringLiteral("app-choice")) {
            rt.config().businessType.reset();
        }
        window.setAttribute(Qt::WA_DontShowOnScreen, true);
        window.show();
        if (name == QStringLiteral("login") || name == QStringLiteral("app-choice") ||
            name == QStringLiteral("coming-soon")) {
            rt.session().reset();
            window.start();
            window.showScreen(name);
        } else if (name == QStringLiteral("change-pin")) {
            window.showScreen(name);
        } else if (name == QStringLiteral("service")) {
            auto tech = rt.auth().login(DemoData::kTechnicianPin);
            if (tech.ok()) {
                rt.session() = *tech;
            }
            window.showScreen(name);
        } else if (name == QStringLiteral("payment")) {
            window.showScreen(QStringLiteral("sale"));
            if (auto* pay = window.findChild<QWidget*>(QStringLiteral("payButton"))) {
                QMetaObject::invokeMethod(pay, "click");
            }
        } else {
            window.showScreen(name);
        }
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
        }
        runner.waitForIdle();
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
        }
        const QPixmap shot = grabWithDialogs(window);
        if (!shot.save(parser.value(out), "PNG")) {
            std::fprintf(stderr, "sigma-terminal: cannot write %s\n", qPrintable(parser.value(out)));
            return 1;
        }
        return 0;
    }

    if (parser.isSet(measureScans)) {
        const int n = std::max(1, parser.value(measureScans).toInt());
        if (auto s = rt.shifts().open(rt.cashier()); !s.ok()) {
            return fail(s.error());
        }
        window.show();
        window.showScreen(QStringLiteral("sale"));
        auto* sale = static_cast<SaleScreen*>(window.screen(QStringLiteral("sale")));
        QApplication::processEvents();
        std::vector<double> ms;
        for (int i = 0; i < n; ++i) {
            // Piece goods only: a weighed product would stop to ask for its weight.
            static constexpr int kPieceGoods[] = {1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 17, 18, 19, 20};
            const std::string code = DemoData::ean13(kPieceGoods[i % std::size(kPieceGoods)]);
            QWidget* focus = QApplication::focusWidget() != nullptr ? QApplication::focusWidget() : &window;
            for (char c : code) {
                QKeyEvent press(QEvent::KeyPress, Qt::Key_0 + (c - '0'), Qt::NoModifier, QString(QChar(c)));
                QApplication::sendEvent(focus, &press);
            }
            QElapsedTimer timer;
            timer.start(); // from the Enter that completes the scan ...
            QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
            QApplication::sendEvent(focus, &enter);
            window.repaint(); // ... to the line drawn on screen
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            if (i % 10 == 9) {
                rt.sale().clear(); // a receipt of 10 lines, like a real basket
                sale->refreshCart();
            }
        }
        std::sort(ms.begin(), ms.end());
        const auto at = [&ms](double p) {
            return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
        };
        std::printf("scan-to-line over %d scans (%lld products): p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", n,
                    [&rt] { auto c = rt.catalog().productCount(); return c.ok() ? static_cast<long long>(*c) : -1LL; }(), at(0.50), at(0.99), ms.back());
        return 0;
    }

    FirstPaintProbe probe(started, parser.isSet(measureStartup));
    window.screen(QStringLiteral("login"))->installEventFilter(&probe);
    window.start();
    if (parser.isSet(fullScreen)) {
        window.showFullScreen();
    } else {
        window.show();
    }
    const int rc = QApplication::exec();
    runner.waitForIdle();
    return rc;
}

} // namespace sigma::terminal
