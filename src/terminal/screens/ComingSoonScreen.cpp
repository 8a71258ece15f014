#include "terminal/screens/ComingSoonScreen.h"

#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

ComingSoonScreen::ComingSoonScreen(MainWindow& window) : m_window(window)
{
    auto* title = new QLabel(tr("Скоро"), this);
    title->setProperty("role", QStringLiteral("title"));
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Это приложение появится в одном из ближайших обновлений.\n"
                               "Сейчас доступна «Торговля»."),
                            this);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    auto* back = new QPushButton(tr("Выбрать другое приложение"), this);
    back->setObjectName(QStringLiteral("comingSoonBack"));
    back->setMinimumHeight(64);
    m_back = back;
    connect(back, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("app-choice")); });
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(24);
    layout->addWidget(back, 0, Qt::AlignCenter);
    layout->addStretch(1);
}

void ComingSoonScreen::activate()
{
    m_back->setVisible(!m_window.runtime().config().businessTypeLocked);
}

} // namespace sigma::terminal
