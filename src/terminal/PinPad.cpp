#include "terminal/PinPad.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

PinPad::PinPad(bool masked, QWidget* parent, bool withComma) : QWidget(parent), m_display(new QLineEdit(this))
{
    setObjectName(QStringLiteral("pinPad"));
    m_display->setObjectName(QStringLiteral("pinDisplay"));
    m_display->setProperty("role", QStringLiteral("display"));
    m_display->setAlignment(Qt::AlignCenter);
    m_display->setMinimumHeight(64);
    if (masked) {
        m_display->setEchoMode(QLineEdit::Password);
        m_display->setMaxLength(8);
    }
    // The keypad is the input: no on-screen keyboard over it.
    m_display->setAttribute(Qt::WA_InputMethodEnabled, false);
    connect(m_display, &QLineEdit::returnPressed, this, [this] { emit submitted(value()); });

    auto* grid = new QGridLayout;
    grid->setSpacing(8);
    const QStringList keys = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                              QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"), QStringLiteral("8"),
                              QStringLiteral("9")};
    for (int i = 0; i < keys.size(); ++i) {
        auto* b = new QPushButton(keys[i], this);
        b->setObjectName(QStringLiteral("key") + keys[i]);
        b->setMinimumSize(88, 64);
        b->setProperty("role", QStringLiteral("key"));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, [this, k = keys[i]] { press(k); });
        grid->addWidget(b, i / 3, i % 3);
    }
    auto* back = new QPushButton(withComma ? QStringLiteral(",") : QStringLiteral("⌫"), this);
    back->setObjectName(withComma ? QStringLiteral("keyComma") : QStringLiteral("keyBack"));
    auto* zero = new QPushButton(QStringLiteral("0"), this);
    zero->setObjectName(QStringLiteral("key0"));
    auto* ok = new QPushButton(withComma ? QStringLiteral("⌫") : tr("Войти"), this);
    ok->setObjectName(withComma ? QStringLiteral("keyBack") : QStringLiteral("keyOk"));
    for (auto* b : {back, zero, ok}) {
        b->setMinimumSize(88, 64);
        b->setFocusPolicy(Qt::NoFocus);
        b->setProperty("role", QStringLiteral("key"));
    }
    if (!withComma) {
        ok->setProperty("role", QStringLiteral("primary"));
    }
    connect(back, &QPushButton::clicked, this, [this, withComma] { press(withComma ? QStringLiteral(",") : QStringLiteral("back")); });
    connect(zero, &QPushButton::clicked, this, [this] { press(QStringLiteral("0")); });
    connect(ok, &QPushButton::clicked, this, [this, withComma] {
        if (withComma) {
            press(QStringLiteral("back"));
        } else {
            emit submitted(value());
        }
    });
    grid->addWidget(back, 3, 0);
    grid->addWidget(zero, 3, 1);
    grid->addWidget(ok, 3, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_display);
    layout->addLayout(grid);
}

QString PinPad::value() const
{
    return m_display->text();
}

void PinPad::clear()
{
    m_display->clear();
}

void PinPad::press(const QString& key)
{
    if (key == QStringLiteral("back")) {
        m_display->backspace();
        return;
    }
    m_display->insert(key);
}

} // namespace sigma::terminal
