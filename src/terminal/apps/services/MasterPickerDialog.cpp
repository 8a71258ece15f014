#include "terminal/apps/services/MasterPickerDialog.h"

#include "terminal/MainWindow.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

MasterPickerDialog::MasterPickerDialog(MainWindow& window, const std::vector<store::Master>& masters,
                                       const std::string& current, const QString& title, QWidget* parent)
    : QDialog(parent), m_window(window)
{
    setObjectName(QStringLiteral("masterPicker"));
    setWindowTitle(title);
    setModal(true);
    auto* heading = new QLabel(title, this);
    heading->setProperty("role", QStringLiteral("title"));
    auto* grid = new QGridLayout;
    grid->setSpacing(8);
    int i = 0;
    for (const auto& m : masters) {
        if (!m.active) {
            continue;
        }
        QString text = QString::fromStdString(m.name);
        if (!m.specialty.empty()) {
            text += QStringLiteral("\n") + QString::fromStdString(m.specialty);
        }
        auto* b = new QPushButton(text, this);
        b->setObjectName(QStringLiteral("master_%1").arg(i));
        b->setProperty("role", m.employeeId == current ? QStringLiteral("primary") : QStringLiteral("tile"));
        b->setMinimumHeight(80);
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoDefault(false);
        const QString id = QString::fromStdString(m.employeeId);
        const QString name = QString::fromStdString(m.name);
        connect(b, &QPushButton::clicked, this, [this, id, name] {
            emit chosen(id, name);
            accept();
        });
        grid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    if (i == 0) {
        grid->addWidget(
            new QLabel(tr("Мастеров нет: администратор назначает их командой sigmactl staff master."), this));
    }
    auto* cancel = new QPushButton(tr("Отмена"), this);
    cancel->setObjectName(QStringLiteral("masterPickerCancel"));
    cancel->setMinimumHeight(56);
    cancel->setAutoDefault(false);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(grid);
    layout->addStretch(1);
    layout->addWidget(cancel);
}

void MasterPickerDialog::showEvent(QShowEvent* event)
{
    m_window.placeDialog(this, QSize(560, 420));
    QDialog::showEvent(event);
}

} // namespace sigma::terminal
