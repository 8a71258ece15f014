#include "terminal/apps/food/TablePickDialog.h"

#include "terminal/Format.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

TablePickDialog::TablePickDialog(const std::vector<till::HallTableView>& tables, const std::string& currentTableId,
                                 QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("tablePickDialog"));
    setWindowTitle(tr("Перенести заказ"));
    setModal(true);
    auto* title = new QLabel(tr("Свободный стол — заказ переедет туда. Занятый — заказы объединятся."), this);
    title->setWordWrap(true);
    auto* grid = new QGridLayout;
    int i = 0;
    for (const auto& view : tables) {
        if (view.table.id == currentTableId) {
            continue;
        }
        m_tables.push_back(view);
        const bool free = view.state == till::TableState::Free;
        const QString text = QString::fromStdString(view.table.name) +
                             (free ? tr("\nсвободен") : tr("\nобъединить · %1").arg(Format::money(view.total)));
        auto* b = new QPushButton(text, this);
        b->setObjectName(QStringLiteral("pick_") + QString::fromStdString(view.table.name));
        b->setMinimumSize(120, 72);
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
        b->setProperty("role", free ? QStringLiteral("secondary") : QStringLiteral("primary"));
        const std::size_t index = m_tables.size() - 1;
        connect(b, &QPushButton::clicked, this, [this, index] {
            m_chosen = index;
            accept();
        });
        grid->addWidget(b, i / 4, i % 4);
        ++i;
    }
    auto* cancel = new QPushButton(tr("Отмена"), this);
    cancel->setObjectName(QStringLiteral("pickCancel"));
    cancel->setMinimumHeight(56);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addWidget(cancel);
}

} // namespace sigma::terminal
