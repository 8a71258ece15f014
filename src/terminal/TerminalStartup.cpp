#include "terminal/TerminalStartup.h"

#include "core/Clock.h"
#include "core/ErrorCodes.h"
#include "terminal/DemoData.h"
#include "terminal/Language.h"
#include "terminal/MainWindow.h"
#include "terminal/ScannerWedge.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/food/FoodDemo.h"
#include "terminal/apps/services/ServicesDemo.h"
#include "terminal/apps/trade/SaleScreen.h"
#include "terminal/screens/RegistrationWizard.h"
#include "till/TillErrors.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QKeyEvent>
#include <QListWidget>
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
            // Where the dialog placed itself (MainWindow::placeDialog), relative to the window.
            const QPoint at = dialog->isWindow() ? window.mapFromGlobal(dialog->geometry().topLeft())
                                                 : dialog->mapTo(&window, QPoint(0, 0));
            painter.drawPixmap(at, dialog->grab());
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
    Language::apply(language);
}

int TerminalStartup::run(QApplication& app, std::chrono::steady_clock::time_point started)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sigma POS touchscreen terminal"));
    parser.addHelpOption();
    QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("data directory (default $SIGMA_DATA_DIR or ./var/terminal)"),
                               QStringLiteral("DIR"));
    QCommandLineOption language(QStringLiteral("lang"),
                                QStringLiteral("ru or en (default: the language chosen in settings, else ru)"),
                                QStringLiteral("LANG"));
    QCommandLineOption fullScreen(QStringLiteral("fullscreen"), QStringLiteral("kiosk: full screen, no frame"));
    QCommandLineOption size(QStringLiteral("size"), QStringLiteral("window size WxH"), QStringLiteral("WxH"),
                            QStringLiteral("1280x800"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("render SCREEN to --out and exit"),
                                  QStringLiteral("SCREEN"));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG file for --screenshot"), QStringLiteral("FILE"));
    QCommandLineOption measureStartup(QStringLiteral("measure-startup"),
                                      QStringLiteral("print ms to the first paint of the login screen and exit"));
    QCommandLineOption measureScans(QStringLiteral("measure-scans"),
                                    QStringLiteral("scan N codes in a demo shop (temporary, or kept in --data-dir), "
                                                   "print p50/p99 scan-to-line ms"),
                                    QStringLiteral("N"));
    QCommandLineOption demoProducts(QStringLiteral("demo-products"),
                                    QStringLiteral("extra generated products in the demo shop"), QStringLiteral("N"),
                                    QStringLiteral("0"));
    QCommandLineOption cloudUrl(QStringLiteral("cloud-url"),
                                QStringLiteral("the Sigma cloud to register with and sync to (stored in config.json)"),
                                QStringLiteral("URL"));
    for (auto* o : {&screenshot, &out, &measureScans, &demoProducts}) {
        o->setFlags(QCommandLineOption::HiddenFromHelp);
    }
    parser.addOptions({dataDir, language, fullScreen, size, screenshot, out, measureStartup, measureScans,
                       demoProducts, cloudUrl});
    parser.process(app);

    applyLookAndLanguage(app, parser.isSet(language) ? parser.value(language) : QStringLiteral("ru"));

    const bool demo = parser.isSet(screenshot) || parser.isSet(measureScans);
    // --measure-scans with --data-dir keeps its demo shop there: the first run seeds it, later
    // runs measure a till that opens an existing catalog (memory without the seeding's peak).
    const bool keptDemo = parser.isSet(measureScans) && parser.isSet(dataDir);
    QTemporaryDir demoDir;
    std::filesystem::path dirOption = parser.value(dataDir).toStdString();
    if (demo && !keptDemo) {
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
    if (parser.isSet(cloudUrl) && !demo) {
        // scripts/run.sh passes the cloud it started: registration from the screen then just works.
        const QString url = parser.value(cloudUrl);
        if (!url.startsWith(QStringLiteral("https://")) && !url.startsWith(QStringLiteral("http://"))) {
            return fail(core::Error(core::errc::kInvalidArgument, "--cloud-url must start with https:// or http://"));
        }
        rt.config().cloudUrl = url.toStdString();
        if (auto saved = rt.saveConfig(); !saved.ok()) {
            return fail(saved.error());
        }
        if (auto restarted = rt.syncController().setCloudUrl(rt.config().cloudUrl); !restarted.ok()) {
            return fail(restarted.error());
        }
    }
    if (!parser.isSet(language) && !demo) {
        Language::apply(QString::fromStdString(rt.config().language)); // the choice made in settings
    }
    const bool foodShot = parser.isSet(screenshot) && parser.value(screenshot).startsWith(QStringLiteral("food-"));
    const bool servicesShot =
        parser.isSet(screenshot) && parser.value(screenshot).startsWith(QStringLiteral("services-"));
    if (foodShot) {
        if (auto s = FoodDemo::prepareScreenshot(rt); !s.ok()) { // a café instead of the shop
            return fail(s.error());
        }
    } else if (servicesShot) {
        rt.config().businessType = till::BusinessType::Services;
        if (auto s = ServicesDemo::prepareScreenshot(rt); !s.ok()) { // a salon instead of the shop
            return fail(s.error());
        }
    } else if (demo) {
        rt.config().businessType = till::BusinessType::Trade;
        auto products = rt.catalog().productCount();
        if (!products.ok()) {
            return fail(products.error());
        }
        if (*products == 0) {
            if (auto s = DemoData::seed(rt, parser.value(demoProducts).toInt()); !s.ok()) {
                return fail(s.error());
            }
        } else {
            auto cashier = rt.auth().login(DemoData::kCashierPin); // a shop seeded by an earlier run
            if (!cashier.ok()) {
                return fail(cashier.error());
            }
            rt.session() = std::move(*cashier);
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
        if (name != QStringLiteral("app-choice") && name != QStringLiteral("login") && !foodShot &&
            !servicesShot) {
            if (auto s = DemoData::fillCart(rt); !s.ok()) {
                return fail(s.error());
            }
        }
        if (name == QStringLiteral("app-choice")) {
            rt.config().businessType.reset();
        }
        if (name == QStringLiteral("returns-date") || name == QStringLiteral("stock")) {
            if (auto s = DemoData::sellAndStock(rt); !s.ok()) {
                return fail(s.error());
            }
        }
        if (name == QStringLiteral("service-scale") || name == QStringLiteral("sale-weigh")) {
            if (auto s = DemoData::connectScale(rt); !s.ok()) {
                return fail(s.error());
            }
        }
        window.setAttribute(Qt::WA_DontShowOnScreen, true);
        window.show();
        if (foodShot) {
            FoodDemo::show(window, runner, name.mid(5));
        } else if (servicesShot) {
            ServicesDemo::show(window, runner, name.mid(9));
        } else if (name == QStringLiteral("login") || name == QStringLiteral("app-choice") ||
            name == QStringLiteral("coming-soon")) {
            rt.session().reset();
            window.start();
            window.showScreen(name);
        } else if (name == QStringLiteral("change-pin")) {
            window.showScreen(name);
        } else if (name == QStringLiteral("service") || name.startsWith(QStringLiteral("service-"))) {
            auto tech = rt.auth().login(DemoData::kTechnicianPin);
            if (tech.ok()) {
                rt.session() = *tech;
            }
            window.showScreen(QStringLiteral("service"));
            if (name == QStringLiteral("service-scale")) {
                if (auto* tab = window.findChild<QWidget*>(QStringLiteral("serviceTabScale"))) {
                    QMetaObject::invokeMethod(tab, "click");
                }
                // Enough readings for the stable-weight rule (3 readings over 300 ms).
                QElapsedTimer settle;
                settle.start();
                while (settle.elapsed() < 1200) {
                    QApplication::processEvents();
                    runner.waitForIdle();
                }
            } else if (name != QStringLiteral("service")) {
                // service-updates, -diagnostics, -firmware, -lifecycle: the sections of ServiceSections.
                if (auto* tab = window.findChild<QWidget*>(QStringLiteral("serviceTab_") + name.mid(8))) {
                    QMetaObject::invokeMethod(tab, "click");
                }
                if (name == QStringLiteral("service-diagnostics")) {
                    runner.waitForIdle();
                    if (auto* collect = window.findChild<QWidget*>(QStringLiteral("diagnosticsCollect"))) {
                        QMetaObject::invokeMethod(collect, "click");
                    }
                }
            }
        } else if (name == QStringLiteral("stock")) {
            auto admin = rt.auth().login(DemoData::kAdminPin);
            if (admin.ok()) {
                rt.session() = *admin;
            }
            window.showScreen(name);
            if (auto* list = window.findChild<QListWidget*>(QStringLiteral("stockDocuments")); list && list->count() > 0) {
                list->setCurrentRow(0);
                emit list->itemClicked(list->item(0));
            }
        } else if (name.startsWith(QStringLiteral("register-"))) {
            window.showScreen(QStringLiteral("register")); // its resume check runs on the worker first
            runner.waitForIdle();
            QApplication::processEvents();
            if (auto* wizard = qobject_cast<RegistrationWizard*>(window.screen(QStringLiteral("register")))) {
                wizard->showDemo(name.mid(9));
            }
        } else if (name == QStringLiteral("returns-date")) {
            window.showScreen(QStringLiteral("returns"));
            if (auto* byDate = window.findChild<QWidget*>(QStringLiteral("returnByDate"))) {
                QMetaObject::invokeMethod(byDate, "click");
            }
        } else if (name == QStringLiteral("sale-weigh")) {
            // The cheese scanned with 0,352 kg on the emulated scale: the weight dialog, settled.
            window.showScreen(QStringLiteral("sale"));
            if (auto* sale = qobject_cast<SaleScreen*>(window.screen(QStringLiteral("sale")))) {
                sale->addScan(QString::fromStdString(DemoData::ean13(5)));
            }
            QElapsedTimer settle;
            settle.start();
            while (settle.elapsed() < 1200) {
                QApplication::processEvents();
                runner.waitForIdle();
            }
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
        if (auto s = rt.shifts().open(rt.cashier()); !s.ok() && s.error().code != till::errc::kShiftAlreadyOpen) {
            return fail(s.error());
        }
        rt.sale().clear();
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
