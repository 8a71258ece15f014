#include "terminal/apps/food/SplitDialog.h"

#include "terminal/Format.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sigma::terminal {

namespace {

QPushButton* button(const QString& text, const QString& name, QWidget* parent, const char* role = "secondary")
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setProperty("role", QString::fromLatin1(role));
    b->setMinimumHeight(56);
    b->setFocusPolicy(Qt::NoFocus);
    b->setAutoDefault(false);
    return b;
}

} // namespace

SplitDialog::SplitDialog(const till::Order& order, QWidget* parent)
    : QDialog(parent), m_count(new QSpinBox(this)), m_table(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("splitDialog"));
    setWindowTitle(tr("Разделить счёт"));
    setModal(true);
    for (const auto& line : order.lines) {
        if (!line.removed()) {
            m_lines.push_back(line);
            m_partOf.push_back(1);
        }
    }

    auto* equalTitle = new QLabel(tr("Поровну на всех"), this);
    equalTitle->setProperty("role", QStringLiteral("title"));
    auto* equalRow = new QHBoxLayout;
    for (int n = 2; n <= 5; ++n) {
        auto* b = button(tr("на %1").arg(n), QStringLiteral("splitEqual_%1").arg(n), this, "primary");
        connect(b, &QPushButton::clicked, this, [this, n] {
            m_equal = n;
            accept();
        });
        equalRow->addWidget(b);
    }

    auto* linesTitle = new QLabel(tr("По позициям: нажмите позицию, чтобы перенести её в другой чек"), this);
    linesTitle->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("splitCount"));
    m_count->setRange(2, till::OrderService::kMaxParts);
    m_count->setValue(2);
    m_count->setPrefix(tr("Чеков: "));
    m_count->setMinimumHeight(48);
    connect(m_count, &QSpinBox::valueChanged, this, [this] {
        for (auto& p : m_partOf) {
            p = std::min(p, m_count->value());
        }
        updateLines();
    });
    m_table->setObjectName(QStringLiteral("splitLines"));
    m_table->setHorizontalHeaderLabels({tr("Позиция"), tr("Сумма"), tr("Чек")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(48);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        auto& part = m_partOf[static_cast<std::size_t>(row)];
        part = part % m_count->value() + 1;
        updateLines();
    });

    auto* byLines = button(tr("Разделить по позициям"), QStringLiteral("splitByLines"), this, "primary");
    connect(byLines, &QPushButton::clicked, this, [this] {
        m_equal = 0;
        accept();
    });
    auto* cancel = button(tr("Отмена"), QStringLiteral("splitCancel"), this);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_count);
    bottom->addStretch(1);
    bottom->addWidget(cancel);
    bottom->addWidget(byLines);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(equalTitle);
    layout->addLayout(equalRow);
    layout->addSpacing(12);
    layout->addWidget(linesTitle);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    updateLines();
}

void SplitDialog::updateLines()
{
    m_table->setRowCount(static_cast<int>(m_lines.size()));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const auto& line = m_lines[i];
        const int row = static_cast<int>(i);
        m_table->setItem(row, 0, new QTableWidgetItem(QStringLiteral("%1 × %2").arg(
                                     QString::fromStdString(till::OrderService::receiptName(line)),
                                     Format::quantity(line.quantity))));
        auto* amount = new QTableWidgetItem(Format::money(till::OrderService::lineAmount(line)));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 1, amount);
        auto* part = new QTableWidgetItem(tr("№ %1").arg(m_partOf[i]));
        part->setTextAlignment(Qt::AlignCenter);
        m_table->setItem(row, 2, part);
    }
}

std::vector<till::SplitPart> SplitDialog::parts() const
{
    std::vector<till::SplitPart> parts(static_cast<std::size_t>(m_count->value()));
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        parts[static_cast<std::size_t>(m_partOf[i] - 1)].lines.push_back({m_lines[i].position, m_lines[i].quantity});
    }
    return parts; // an empty part is the service's to refuse, in words
}

} // namespace sigma::terminal
