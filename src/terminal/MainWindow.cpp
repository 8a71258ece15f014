#include "terminal/MainWindow.h"

#include "terminal/DeviceMessage.h"
#include "terminal/Language.h"
#include "terminal/ScannerWedge.h"
#include "terminal/StatusBar.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/trade/ReturnScreen.h"
#include "terminal/apps/trade/SaleScreen.h"
#include "terminal/apps/trade/StockScreen.h"
#include "terminal/apps/food/HallScreen.h"
#include "terminal/apps/food/KitchenScreen.h"
#include "terminal/apps/food/OrderScreen.h"
#include "terminal/apps/food/PrintPump.h"
#include "terminal/apps/services/AppointmentsScreen.h"
#include "terminal/apps/services/ServicesSaleScreen.h"
#include "terminal/screens/AppChoiceScreen.h"
#include "terminal/screens/ChangePinScreen.h"
#include "terminal/screens/CloudScreen.h"
#include "terminal/screens/ComingSoonScreen.h"
#include "terminal/screens/LoginScreen.h"
#include "terminal/screens/RegistrationWizard.h"
#include "terminal/screens/ServiceScreen.h"
#include "terminal/screens/SettingsScreen.h"
#include "terminal/screens/ShiftScreen.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <memory>

// Resources compiled into a static library are registered by hand (Qt's rule for static libraries),
// once, before the first widget asks for an icon.
static void initTerminalResources()
{
    static const bool done = [] {
        Q_INIT_RESOURCE(terminal);
        Q_INIT_RESOURCE(sigma_terminal_translations);
        return true;
    }();
    (void)done;
}

namespace sigma::terminal {

MainWindow::MainWindow(TerminalRuntime& runtime, TaskRunner& runner, ScannerWedge& wedge, QWidget* parent)
    : QWidget(parent), m_runtime(runtime), m_runner(runner), m_wedge(wedge)
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    new QVBoxLayout(this);
    buildUi();
    connect(&m_wedge, &ScannerWedge::scanned, this, [this](const QString& code) {
        if (currentScreen() == QStringLiteral("sale")) {
            static_cast<SaleScreen*>(screen(QStringLiteral("sale")))->addScan(code);
        } else if (currentScreen() == QStringLiteral("returns")) {
            static_cast<ReturnScreen*>(screen(QStringLiteral("returns")))->scanReceiptQr(code);
        } else if (currentScreen() == QStringLiteral("stock")) {
            static_cast<StockScreen*>(screen(QStringLiteral("stock")))->addScan(code);
        }
    });
}

void MainWindow::buildUi()
{
    setWindowTitle(tr("Сигма — касса"));
    m_nav = new QWidget(this);
    m_messageBar = new QWidget(this);
    m_messageText = new QLabel(m_messageBar);
    m_messageAction = new QPushButton(m_messageBar);
    m_stack = new QStackedWidget(this);
    m_status = new StatusBar(m_runtime, m_runner, this);

    m_nav->setObjectName(QStringLiteral("navBar"));
    m_nav->setAttribute(Qt::WA_StyledBackground, true);
    auto* nav = new QHBoxLayout(m_nav);
    nav->setContentsMargins(6, 4, 6, 4);
    nav->setSpacing(4);
    const std::pair<const char*, QString> items[] = {
        {"sale", tr("Продажа")},     {"hall", tr("Зал")},       {"kitchen", tr("Кухня")},
        {"salon", tr("Продажа")},    {"appointments", tr("Записи")},
        {"shift", tr("Смена")},   {"returns", tr("Возврат")},
        {"stock", tr("Склад")},      {"service", tr("Сервис")}, {"settings", tr("Настройки")},
        {"switch", tr("Сменить кассира")}, {"lock", tr("Заблокировать")},
    };
    for (const auto& [key, title] : items) {
        auto* b = new QPushButton(title, m_nav);
        b->setObjectName(QStringLiteral("nav_") + QString::fromLatin1(key));
        b->setProperty("role", QStringLiteral("nav"));
        b->setFocusPolicy(Qt::NoFocus);
        b->setCheckable(std::string_view(key) != "switch" && std::string_view(key) != "lock");
        m_navButtons[QString::fromLatin1(key)] = b;
        if (std::string_view(key) == "switch") {
            nav->addStretch(1);
        }
        nav->addWidget(b);
        const QString name = QString::fromLatin1(key);
        connect(b, &QPushButton::clicked, this, [this, name] {
            if (name == QStringLiteral("lock") || name == QStringLiteral("switch")) {
                lock();
            } else {
                showScreen(name);
            }
        });
    }

    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setAttribute(Qt::WA_StyledBackground, true);
    m_messageText->setObjectName(QStringLiteral("messageText"));
    m_messageText->setWordWrap(true);
    m_messageAction->setObjectName(QStringLiteral("messageAction"));
    m_messageAction->setFocusPolicy(Qt::NoFocus);
    auto* close = new QPushButton(tr("Закрыть"), m_messageBar);
    close->setObjectName(QStringLiteral("messageClose"));
    close->setFocusPolicy(Qt::NoFocus);
    auto* bar = new QHBoxLayout(m_messageBar);
    bar->setContentsMargins(12, 6, 12, 6);
    bar->addWidget(m_messageText, 1);
    bar->addWidget(m_messageAction);
    bar->addWidget(close);
    connect(close, &QPushButton::clicked, this, &MainWindow::clearProblem);
    connect(m_messageAction, &QPushButton::clicked, this, [this] {
        switch (static_cast<DeviceAction>(m_messageActionKind)) {
        case DeviceAction::ContinuePrint:
            continuePrint();
            break;
        case DeviceAction::OpenShift:
        case DeviceAction::CloseShift:
            clearProblem();
            showScreen(QStringLiteral("shift"));
            break;
        default:
            clearProblem();
            break;
        }
    });
    m_messageBar->hide();

    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);

    addScreen(QStringLiteral("app-choice"), new AppChoiceScreen(*this));
    addScreen(QStringLiteral("coming-soon"), new ComingSoonScreen(*this));
    addScreen(QStringLiteral("login"), new LoginScreen(*this));
    addScreen(QStringLiteral("change-pin"), new ChangePinScreen(*this));
    addScreen(QStringLiteral("sale"), new SaleScreen(*this));
    addScreen(QStringLiteral("shift"), new ShiftScreen(*this));
    addScreen(QStringLiteral("returns"), new ReturnScreen(*this));
    addScreen(QStringLiteral("stock"), new StockScreen(*this));
    addScreen(QStringLiteral("service"), new ServiceScreen(*this));
    addScreen(QStringLiteral("settings"), new SettingsScreen(*this));
    addScreen(QStringLiteral("register"), new RegistrationWizard(*this));
    addScreen(QStringLiteral("cloud"), new CloudScreen(*this));
    // The food app (apps/food); its print pump is rebuilt with the screens on a language switch.
    auto* pump = new PrintPump(*this, m_stack);
    addScreen(QStringLiteral("hall"), new HallScreen(*this, *pump));
    addScreen(QStringLiteral("order"), new OrderScreen(*this, *pump));
    addScreen(QStringLiteral("kitchen"), new KitchenScreen(*this, *pump));
    // The services app (apps/services): the salon's sale and the appointments day.
    addScreen(QStringLiteral("salon"), new ServicesSaleScreen(*this));
    addScreen(QStringLiteral("appointments"), new AppointmentsScreen(*this));

    connect(m_status, &StatusBar::printInterrupted, this, [this](bool interrupted) {
        if (interrupted && !m_messageBar->isVisible()) {
            core::Error paper(44, "printing interrupted");
            showProblem(DeviceMessage::fromError(paper));
        }
    });
    // Only the buttons the session may use, from the start: with every app's button shown, the
    // row's minimum width would stretch the window past 1024 pixels when it is first shown.
    updateNavigation();
}

bool MainWindow::setLanguage(const QString& code)
{
    const QString applied = Language::apply(code);
    m_runtime.config().language = applied.toStdString();
    const bool saved = m_runtime.saveConfig().ok();
    // The screen that asked for the switch is running one of its own slots: it is replaced from
    // the event loop, not under its feet.
    QMetaObject::invokeMethod(
        this,
        [this, applied] {
            const QString current = currentScreen();
            for (QWidget* old : {static_cast<QWidget*>(m_nav), m_messageBar, static_cast<QWidget*>(m_stack),
                                 static_cast<QWidget*>(m_status)}) {
                // Deleted now, from the event loop: none of their slots is running any more.
                layout()->removeWidget(old);
                delete old;
            }
            m_screens.clear();
            m_navButtons.clear();
            buildUi();
            // Children added to a window already on screen are shown by hand.
            m_stack->show();
            m_status->show();
            showScreen(current.isEmpty() ? QStringLiteral("login") : current);
            emit languageChanged(applied);
        },
        Qt::QueuedConnection);
    return saved;
}

QRect MainWindow::contentArea() const
{
    return QRect(m_stack->mapToGlobal(QPoint(0, 0)), m_stack->size());
}

void MainWindow::placeDialog(QWidget* dialog, QSize preferred) const
{
    constexpr int kMargin = 8;
    const QRect area = contentArea().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QSize size = preferred.boundedTo(area.size());
    dialog->resize(size);
    dialog->move(area.x() + (area.width() - size.width()) / 2, area.y() + (area.height() - size.height()) / 2);
}

MainWindow::~MainWindow() = default;

void MainWindow::initResources()
{
    initTerminalResources();
}

void MainWindow::addScreen(const QString& name, QWidget* widget)
{
    widget->setObjectName(QStringLiteral("screen_") + name);
    m_screens[name] = widget;
    m_stack->addWidget(widget);
}

QWidget* MainWindow::screen(const QString& name) const
{
    auto it = m_screens.find(name);
    return it == m_screens.end() ? nullptr : it->second;
}

QString MainWindow::currentScreen() const
{
    for (const auto& [name, widget] : m_screens) {
        if (widget == m_stack->currentWidget()) {
            return name;
        }
    }
    return {};
}

void MainWindow::start()
{
    if (!m_runtime.config().businessType) {
        showScreen(QStringLiteral("app-choice"));
    } else if (*m_runtime.config().businessType != till::BusinessType::Trade &&
               *m_runtime.config().businessType != till::BusinessType::Food &&
               *m_runtime.config().businessType != till::BusinessType::Services) {
        showScreen(QStringLiteral("coming-soon"));
    } else {
        showScreen(QStringLiteral("login"));
    }
}

void MainWindow::showScreen(const QString& name)
{
    QWidget* w = screen(name);
    if (w == nullptr) {
        return;
    }
    const auto& session = m_runtime.session();
    if ((name == QStringLiteral("service") || name == QStringLiteral("cloud")) && session &&
        !session->permissions.contains(till::Permission::ServiceMode)) {
        core::Error denied(1902, "service mode");
        showProblem(DeviceMessage::fromError(denied));
        return;
    }
    if (name == QStringLiteral("stock") && session && !session->permissions.contains(till::Permission::ManageCatalog)) {
        core::Error denied(1902, "stock documents");
        showProblem(DeviceMessage::fromError(denied));
        return;
    }
    m_stack->setCurrentWidget(w);
    QMetaObject::invokeMethod(w, "activate", Qt::DirectConnection);
    updateNavigation();
    m_status->refresh();
    emit screenChanged(name);
}

void MainWindow::updateNavigation()
{
    const QString current = currentScreen();
    const bool loggedIn = m_runtime.session().has_value() && !m_runtime.session()->mustChangePin;
    // The registration wizard has its own way out on every page (Назад / Отменить / Готово): no
    // navigation bar to leave it half-way from service mode.
    m_nav->setVisible(loggedIn && current != QStringLiteral("login") && current != QStringLiteral("change-pin") &&
                      current != QStringLiteral("register"));
    const auto& session = m_runtime.session();
    const bool technician = session && session->permissions.contains(till::Permission::ServiceMode);
    const bool seller = session && session->permissions.contains(till::Permission::Sell);
    const bool stockKeeper = session && session->permissions.contains(till::Permission::ManageCatalog);
    m_navButtons[QStringLiteral("service")]->setVisible(technician);
    m_navButtons[QStringLiteral("stock")]->setVisible(stockKeeper);
    const bool food = isFood();
    const bool salon = m_runtime.config().businessType == till::BusinessType::Services;
    m_navButtons[QStringLiteral("sale")]->setVisible(seller && !food && !salon);
    m_navButtons[QStringLiteral("salon")]->setVisible(seller && salon);
    m_navButtons[QStringLiteral("appointments")]->setVisible(seller && salon);
    m_navButtons[QStringLiteral("hall")]->setVisible(seller && food);
    m_navButtons[QStringLiteral("kitchen")]->setVisible(seller && food);
    m_navButtons[QStringLiteral("returns")]->setVisible(seller);
    m_navButtons[QStringLiteral("shift")]->setVisible(seller);
    for (const auto& [name, button] : m_navButtons) {
        if (button->isCheckable()) {
            button->setChecked(name == current);
        }
    }
    // Scans mean something on the sale, returns and stock screens only; elsewhere keys are just keys.
    m_wedge.setEnabled(current == QStringLiteral("sale") || current == QStringLiteral("returns") ||
                       current == QStringLiteral("stock"));
}

void MainWindow::afterLogin()
{
    const auto& session = m_runtime.session();
    if (!session) {
        return;
    }
    if (session->mustChangePin) {
        showScreen(QStringLiteral("change-pin"));
    } else if (session->permissions.contains(till::Permission::Sell)) {
        const bool salon = m_runtime.config().businessType == till::BusinessType::Services;
        showScreen(isFood() ? QStringLiteral("hall") : salon ? QStringLiteral("salon") : QStringLiteral("sale"));
    } else if (session->permissions.contains(till::Permission::ServiceMode)) {
        showScreen(QStringLiteral("service"));
    } else {
        showScreen(QStringLiteral("shift"));
    }
}

bool MainWindow::isFood() const
{
    return m_runtime.config().businessType == till::BusinessType::Food;
}

void MainWindow::lock()
{
    m_runtime.session().reset();
    showScreen(QStringLiteral("login"));
}

void MainWindow::showProblem(const DeviceMessage& message)
{
    m_messageText->setText(message.text());
    m_messageActionKind = static_cast<int>(message.action);
    const QString action = message.actionLabel();
    m_messageAction->setText(action.isEmpty() ? tr("Понятно") : action);
    m_messageBar->show();
}

void MainWindow::clearProblem()
{
    m_messageBar->hide();
}

void MainWindow::continuePrint()
{
    m_messageAction->setEnabled(false);
    auto result = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& fiscal = m_runtime.fiscal();
    m_runner.run([result, &fiscal] { *result = fiscal.execute(core::Json{{"type", "continuePrint"}}); }, this,
                 [this, result] {
                     m_messageAction->setEnabled(true);
                     if (result->ok()) {
                         clearProblem();
                     } else {
                         showProblem(DeviceMessage::fromError(result->error()));
                     }
                     m_status->refresh();
                 },
                 false);
}

} // namespace sigma::terminal
