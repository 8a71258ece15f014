#include "terminal/screens/SettingsScreen.h"

#include "terminal/Language.h"
#include "terminal/MainWindow.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

SettingsScreen::SettingsScreen(MainWindow& window)
    // Each language is named in itself, so whoever cannot read the current one still finds theirs.
    : m_window(window), m_russian(new QPushButton(QStringLiteral("Русский"), this)),
      m_english(new QPushButton(QStringLiteral("English"), this)), m_message(new QLabel(this))
{
    auto* title = new QLabel(tr("Язык интерфейса"), this);
    title->setProperty("role", QStringLiteral("title"));
    auto* hint = new QLabel(tr("Меняется сразу, для всех кассиров этой кассы. Чеки печатаются по-русски."), this);
    hint->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);

    auto* group = new QButtonGroup(this);
    group->setExclusive(true);
    int id = 0;
    for (const auto& [b, name] : {std::pair{m_russian, "languageRu"}, std::pair{m_english, "languageEn"}}) {
        b->setObjectName(QString::fromLatin1(name));
        b->setCheckable(true);
        b->setFocusPolicy(Qt::NoFocus);
        b->setMinimumSize(220, 72);
        group->addButton(b, id++);
    }
    connect(m_russian, &QPushButton::clicked, this, [this] {
        if (Language::current() != QLatin1String(Language::kRussian)) {
            m_window.setLanguage(QString::fromLatin1(Language::kRussian));
        }
    });
    connect(m_english, &QPushButton::clicked, this, [this] {
        if (Language::current() != QLatin1String(Language::kEnglish)) {
            if (!m_window.setLanguage(QString::fromLatin1(Language::kEnglish))) {
                m_message->setText(tr("Язык переключён, но не сохранён: не удалось записать config.json"));
            }
        }
    });

    auto* row = new QHBoxLayout;
    row->addWidget(m_russian);
    row->addWidget(m_english);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(16);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addStretch(1);
}

void SettingsScreen::activate()
{
    const bool english = Language::current() == QLatin1String(Language::kEnglish);
    m_english->setChecked(english);
    m_russian->setChecked(!english);
}

} // namespace sigma::terminal
