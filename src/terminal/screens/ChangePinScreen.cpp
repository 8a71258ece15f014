#include "terminal/screens/ChangePinScreen.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/PinPad.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QLabel>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

ChangePinScreen::ChangePinScreen(MainWindow& window)
    : m_window(window), m_title(new QLabel(this)), m_message(new QLabel(this)), m_pad(new PinPad(true, this))
{
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("changePinTitle"));
    m_message->setObjectName(QStringLiteral("changePinMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_pad->setMaximumWidth(360);
    connect(m_pad, &PinPad::submitted, this, &ChangePinScreen::submit);
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_pad, 0, Qt::AlignHCenter);
    layout->addStretch(1);
}

void ChangePinScreen::activate()
{
    m_step = 0;
    m_old.clear();
    m_new.clear();
    m_message->setText(tr("PIN выдан администратором: придумайте свой (4–8 цифр)."));
    showStep();
}

void ChangePinScreen::showStep()
{
    static const char* const titles[] = {QT_TR_NOOP("Текущий PIN"), QT_TR_NOOP("Новый PIN"),
                                         QT_TR_NOOP("Повторите новый PIN")};
    m_title->setText(tr(titles[m_step]));
    m_pad->clear();
}

void ChangePinScreen::submit(const QString& value)
{
    if (value.isEmpty()) {
        return;
    }
    if (m_step == 0) {
        m_old = value;
        m_step = 1;
        showStep();
        return;
    }
    if (m_step == 1) {
        m_new = value;
        m_step = 2;
        showStep();
        return;
    }
    if (value != m_new) {
        m_message->setText(tr("PIN не совпадают, введите новый PIN ещё раз"));
        m_step = 1;
        showStep();
        return;
    }
    auto& runtime = m_window.runtime();
    if (!runtime.session()) {
        m_window.lock();
        return;
    }
    auto result = std::make_shared<core::Result<till::Session>>(core::Error(core::errc::kInternal, "not run"));
    auto session = *runtime.session();
    auto& auth = runtime.auth();
    m_window.runner().run(
        [result, &auth, session, oldPin = m_old.toStdString(), newPin = m_new.toStdString()] {
            *result = auth.changePin(session, oldPin, newPin);
        },
        this,
        [this, result] {
            if (!result->ok()) {
                const auto message = DeviceMessage::fromError(result->error());
                m_message->setText(message.title + QStringLiteral(". ") + message.hint);
                m_step = result->error().code == core::errc::kWrongPin ? 0 : 1;
                showStep();
                return;
            }
            m_window.runtime().session() = std::move(**result);
            m_window.afterLogin();
        });
}

} // namespace sigma::terminal
