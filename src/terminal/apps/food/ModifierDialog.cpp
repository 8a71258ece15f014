#include "terminal/apps/food/ModifierDialog.h"

#include "terminal/Format.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace sigma::terminal {

ModifierDialog::ModifierDialog(const QString& dish, core::Money basePrice, std::vector<till::ModifierGroup> groups,
                               QWidget* parent)
    : QDialog(parent), m_groups(std::move(groups)), m_base(basePrice), m_price(new QLabel(this)),
      m_error(new QLabel(this)), m_comment(new QLineEdit(this)), m_add(new QPushButton(tr("Добавить"), this))
{
    setObjectName(QStringLiteral("modifierDialog"));
    setWindowTitle(dish);
    setModal(true);
    auto* title = new QLabel(dish, this);
    title->setProperty("role", QStringLiteral("title"));

    auto* body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(body);
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const auto& group = m_groups[g];
        QString rule;
        if (group.required) {
            rule = group.minChoices == group.maxChoices ? tr("обязательно, выберите %1").arg(group.minChoices)
                                                        : tr("обязательно, от %1 до %2")
                                                              .arg(group.minChoices)
                                                              .arg(group.maxChoices);
        } else {
            rule = tr("по желанию, не больше %1").arg(group.maxChoices);
        }
        auto* box = new QGroupBox(QStringLiteral("%1 (%2)").arg(QString::fromStdString(group.name), rule), body);
        auto* grid = new QGridLayout(box);
        std::vector<QPushButton*> buttons;
        for (std::size_t k = 0; k < group.options.size(); ++k) {
            const auto& option = group.options[k];
            QString text = QString::fromStdString(option.name);
            if (!option.priceDelta.isZero()) {
                text += (option.priceDelta.isNegative() ? QStringLiteral("  ") : QStringLiteral("  +")) +
                        Format::money(option.priceDelta);
            }
            auto* b = new QPushButton(text, box);
            b->setObjectName(QStringLiteral("modifier_%1_%2").arg(g).arg(k));
            b->setCheckable(true);
            b->setMinimumHeight(56);
            b->setFocusPolicy(Qt::NoFocus);
            b->setProperty("role", QStringLiteral("secondary"));
            // One of one: a tap on another option moves the mark (the service still checks).
            b->setAutoExclusive(group.maxChoices == 1 && group.required);
            connect(b, &QPushButton::toggled, this, &ModifierDialog::updatePrice);
            grid->addWidget(b, static_cast<int>(k / 3), static_cast<int>(k % 3));
            buttons.push_back(b);
        }
        m_options.push_back(std::move(buttons));
        bodyLayout->addWidget(box);
    }
    bodyLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(body);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_comment->setObjectName(QStringLiteral("modifierComment"));
    m_comment->setPlaceholderText(tr("Комментарий для кухни, например «без лука»"));
    m_comment->setMinimumHeight(48);
    m_price->setObjectName(QStringLiteral("modifierPrice"));
    m_price->setProperty("role", QStringLiteral("total"));
    m_error->setObjectName(QStringLiteral("modifierError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_add->setObjectName(QStringLiteral("modifierAdd"));
    m_add->setProperty("role", QStringLiteral("primary"));
    m_add->setMinimumHeight(64);
    m_add->setFocusPolicy(Qt::NoFocus);
    m_add->setAutoDefault(false);
    auto* cancel = new QPushButton(tr("Отмена"), this);
    cancel->setObjectName(QStringLiteral("modifierCancel"));
    cancel->setMinimumHeight(64);
    cancel->setFocusPolicy(Qt::NoFocus);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] {
        m_error->clear();
        emit chosen();
    });

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_price, 1);
    bottom->addWidget(cancel);
    bottom->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_comment);
    layout->addWidget(m_error);
    layout->addLayout(bottom);
    updatePrice();
}

std::vector<till::ModifierChoice> ModifierDialog::choices() const
{
    std::vector<till::ModifierChoice> out;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (std::size_t k = 0; k < m_options[g].size(); ++k) {
            if (m_options[g][k]->isChecked()) {
                out.push_back({m_groups[g].id, m_groups[g].options[k].name});
            }
        }
    }
    return out;
}

QString ModifierDialog::comment() const
{
    return m_comment->text().trimmed();
}

void ModifierDialog::showError(const QString& text)
{
    m_error->setText(text);
}

void ModifierDialog::setBusy(bool busy)
{
    m_add->setEnabled(!busy);
}

void ModifierDialog::updatePrice()
{
    auto price = m_base.kopecks();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (std::size_t k = 0; k < m_options[g].size(); ++k) {
            if (m_options[g][k]->isChecked()) {
                price += m_groups[g].options[k].priceDelta.kopecks();
            }
        }
    }
    // Shown only: the line's price is the one OrderService computes.
    m_price->setText(tr("Цена: %1").arg(Format::money(core::Money::fromKopecks(price))));
}

} // namespace sigma::terminal
