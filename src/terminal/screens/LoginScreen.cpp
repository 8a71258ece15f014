#include "terminal/screens/LoginScreen.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/PinPad.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <chrono>
#include <memory>

namespace sigma::terminal {

LoginScreen::LoginScreen(MainWindow& window)
    : m_window(window), m_message(new QLabel(this)), m_pad(new PinPad(true, this))
{
    auto* title = new QLabel(tr("Введите PIN"), this);
    title->setProperty("role", QStringLiteral("title"));
    title->setAlignment(Qt::AlignCenter);
    m_message->setObjectName(QStringLiteral("loginMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pad->setMaximumWidth(360);
    connect(m_pad, &PinPad::submitted, this, &LoginScreen::submit);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_pad, 0, Qt::AlignHCenter);
    layout->addStretch(1);
}

void LoginScreen::activate()
{
    m_pad->clear();
    m_message->setText(tr("Сигма · Торговля"));
    m_pad->display()->setFocus();
}

void LoginScreen::submit(const QString& pin)
{
    if (m_running || pin.isEmpty()) {
        return;
    }
    m_running = true;
    m_message->setText(tr("Проверка…"));
    struct Outcome {
        core::Result<till::Session> session = core::Error(core::errc::kInternal, "not run");
        std::chrono::seconds lockout{0};
    };
    auto outcome = std::make_shared<Outcome>();
    auto& auth = m_window.runtime().auth();
    m_window.runner().run(
        [outcome, &auth, secret = pin.toStdString()] {
            outcome->session = auth.login(secret);
            if (!outcome->session.ok() && outcome->session.error().code == core::errc::kLoginLocked) {
                if (auto left = auth.lockoutRemaining(); left.ok()) {
                    outcome->lockout = *left;
                }
            }
        },
        this,
        [this, outcome] {
            m_running = false;
            m_pad->clear();
            if (!outcome->session.ok()) {
                const auto message = DeviceMessage::fromError(outcome->session.error());
                QString text = message.title + QStringLiteral(". ") + message.hint;
                if (outcome->lockout.count() > 0) {
                    const auto s = outcome->lockout.count();
                    text += tr(". Осталось %1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
                }
                m_message->setText(text);
                return;
            }
            m_window.runtime().session() = std::move(*outcome->session);
            m_window.afterLogin();
        });
}

} // namespace sigma::terminal
