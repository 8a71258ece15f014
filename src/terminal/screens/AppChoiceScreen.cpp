#include "terminal/screens/AppChoiceScreen.h"

#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

AppChoiceScreen::AppChoiceScreen(MainWindow& window) : m_window(window), m_note(new QLabel(this))
{
    auto* title = new QLabel(tr("Выберите приложение"), this);
    title->setProperty("role", QStringLiteral("title"));
    title->setAlignment(Qt::AlignCenter);
    m_note->setObjectName(QStringLiteral("appChoiceNote"));
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->setSpacing(24);
    const struct {
        const char* name;
        QString title;
        QString text;
        const char* icon;
        till::BusinessType type;
    } apps[] = {
        // Descriptions broken in two lines: a push button does not wrap, and on one line they
        // were cut off in a third of a 1024-pixel screen.
        {"appTrade", tr("Торговля"), tr("Магазин: штрихкоды,\nвесовой товар"), ":/icons/trade.svg",
         till::BusinessType::Trade},
        {"appServices", tr("Услуги"), tr("Салон, мастерская:\nуслуги и мастера"), ":/icons/services.svg",
         till::BusinessType::Services},
        {"appFood", tr("Еда"), tr("Кафе: столы,\nзаказы, кухня"), ":/icons/food.svg", till::BusinessType::Food},
    };
    for (const auto& app : apps) {
        auto* b = new QPushButton(app.title + QStringLiteral("\n") + app.text, this);
        b->setObjectName(QString::fromLatin1(app.name));
        b->setIcon(QIcon(QString::fromLatin1(app.icon)));
        b->setIconSize(QSize(48, 48));
        b->setProperty("role", QStringLiteral("tile"));
        b->setMinimumSize(240, 160);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        const int type = static_cast<int>(app.type);
        connect(b, &QPushButton::clicked, this, [this, type] { choose(type); });
        row->addWidget(b);
        m_buttons << b;
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addSpacing(24);
    layout->addLayout(row);
    auto* registration = new QPushButton(tr("Зарегистрироваться в Сигма Облаке"), this);
    registration->setObjectName(QStringLiteral("appRegister"));
    registration->setProperty("role", QStringLiteral("primary"));
    registration->setMinimumHeight(56);
    m_register = registration;
    connect(registration, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("register")); });
    layout->addSpacing(16);
    layout->addWidget(m_register, 0, Qt::AlignCenter);
    layout->addSpacing(8);
    layout->addWidget(m_note);
    layout->addStretch(2);
}

void AppChoiceScreen::activate()
{
    const auto& config = m_window.runtime().config();
    const bool locked = config.businessTypeLocked;
    m_note->setText(locked ? tr("Тип бизнеса закреплён после активации личного кабинета и не меняется.")
                           : tr("Выбор можно изменить до активации личного кабинета."));
    for (auto* b : m_buttons) {
        b->setEnabled(!locked);
    }
    m_register->setVisible(!locked);
}

void AppChoiceScreen::choose(int type)
{
    auto& runtime = m_window.runtime();
    if (runtime.config().businessTypeLocked) {
        return;
    }
    runtime.config().businessType = static_cast<till::BusinessType>(type);
    if (auto saved = runtime.saveConfig(); !saved.ok()) {
        m_window.showProblem(DeviceMessage::fromError(saved.error()));
        return;
    }
    m_window.start();
}

} // namespace sigma::terminal
