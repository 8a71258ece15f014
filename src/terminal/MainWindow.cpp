#include "terminal/MainWindow.h"

#include "terminal/DeviceMessage.h"
#include "terminal/ScannerWedge.h"
#include "terminal/StatusBar.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/trade/ReturnScreen.h"
#include "terminal/apps/trade/SaleScreen.h"
#include "terminal/screens/AppChoiceScreen.h"
#include "terminal/screens/ChangePinScreen.h"
#include "terminal/screens/ComingSoonScreen.h"
#include "terminal/screens/LoginScreen.h"
#include "terminal/screens/ServiceScreen.h"
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
    : QWidget(parent), m_runtime(runtime), m_runner(runner), m_wedge(wedge), m_nav(new QWidget(this)),
      m_messageBar(new QWidget(this)), m_messageText(new QLabel(m_messageBar)),
      m_messageAction(new QPushButton(m_messageBar)), m_stack(new QStackedWidget(this)),
      m_status(new StatusBar(runtime, runner, this))
{
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Сигма — касса"));

    m_nav->setObjectName(QStringLiteral("navBar"));
    m_nav->setAttribute(Qt::WA_StyledBackground, true);
    auto* nav = new QHBoxLayout(m_nav);
    nav->setContentsMargins(8, 6, 8, 6);
    nav->setSpacing(8);
    const std::pair<const char*, QString> items[] = {
        {"sale", tr("Продажа")},   {"shift", tr("Смена")},          {"returns", tr("Возврат")},
        {"service", tr("Сервис")}, {"switch", tr("Сменить кассира")}, {"lock", tr("Заблокировать")},
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

    auto* layout = new QVBoxLayout(this);
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
    addScreen(QStringLiteral("service"), new ServiceScreen(*this));

    connect(m_status, &StatusBar::printInterrupted, this, [this](bool interrupted) {
        if (interrupted && !m_messageBar->isVisible()) {
            core::Error paper(44, "printing interrupted");
            showProblem(DeviceMessage::fromError(paper));
        }
    });
    connect(&m_wedge, &ScannerWedge::scanned, this, [this](const QString& code) {
        if (currentScreen() == QStringLiteral("sale")) {
            static_cast<SaleScreen*>(screen(QStringLiteral("sale")))->addScan(code);
        } else if (currentScreen() == QStringLiteral("returns")) {
            static_cast<ReturnScreen*>(screen(QStringLiteral("returns")))->scanReceiptQr(code);
        }
    });
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
    } else if (*m_runtime.config().businessType != till::BusinessType::Trade) {
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
    if (name == QStringLiteral("service") && session &&
        !session->permissions.contains(till::Permission::ServiceMode)) {
        core::Error denied(1902, "service mode");
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
    m_nav->setVisible(loggedIn && current != QStringLiteral("login") && current != QStringLiteral("change-pin"));
    const auto& session = m_runtime.session();
    const bool technician = session && session->permissions.contains(till::Permission::ServiceMode);
    const bool seller = session && session->permissions.contains(till::Permission::Sell);
    m_navButtons[QStringLiteral("service")]->setVisible(technician);
    m_navButtons[QStringLiteral("sale")]->setVisible(seller);
    m_navButtons[QStringLiteral("returns")]->setVisible(seller);
    m_navButtons[QStringLiteral("shift")]->setVisible(seller);
    for (const auto& [name, button] : m_navButtons) {
        if (button->isCheckable()) {
            button->setChecked(name == current);
        }
    }
    // Scans mean something on the sale and returns screens only; elsewhere keys are just keys.
    m_wedge.setEnabled(current == QStringLiteral("sale") || current == QStringLiteral("returns"));
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
        showScreen(QStringLiteral("sale"));
    } else if (session->permissions.contains(till::Permission::ServiceMode)) {
        showScreen(QStringLiteral("service"));
    } else {
        showScreen(QStringLiteral("shift"));
    }
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
