#include "terminal/screens/service/ConfirmPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

ConfirmPanel::ConfirmPanel(const QString& objectName, QWidget* parent)
    : QWidget(parent), m_text(new QLabel(this)), m_confirm(new QPushButton(tr("Подтвердить"), this))
{
    setObjectName(objectName);
    setProperty("role", QStringLiteral("confirm"));
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setWordWrap(true);
    m_text->setProperty("level", QStringLiteral("warn"));
    m_confirm->setObjectName(objectName + QStringLiteral("Yes"));
    m_confirm->setProperty("role", QStringLiteral("danger"));
    m_confirm->setMinimumHeight(56);
    m_confirm->setFocusPolicy(Qt::NoFocus);
    auto* cancel = new QPushButton(tr("Отмена"), this);
    cancel->setObjectName(objectName + QStringLiteral("No"));
    cancel->setMinimumHeight(56);
    cancel->setFocusPolicy(Qt::NoFocus);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        auto action = std::move(m_onConfirm);
        dismiss();
        if (action) {
            action();
        }
    });
    connect(cancel, &QPushButton::clicked, this, &ConfirmPanel::dismiss);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_confirm);
    buttons->addWidget(cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
    hide();
}

void ConfirmPanel::ask(const QString& consequence, std::function<void()> onConfirm)
{
    m_text->setText(consequence);
    m_onConfirm = std::move(onConfirm);
    show();
}

void ConfirmPanel::dismiss()
{
    m_onConfirm = nullptr;
    hide();
}

} // namespace sigma::terminal
