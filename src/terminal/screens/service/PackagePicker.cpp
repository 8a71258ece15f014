#include "terminal/screens/service/PackagePicker.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>

namespace sigma::terminal {

PackagePicker::PackagePicker(const QString& objectName, QWidget* parent)
    : QWidget(parent), m_list(new QListWidget(this))
{
    setObjectName(objectName);
    m_list->setObjectName(objectName + QStringLiteral("List"));
    // Long names wrap instead of scrolling sideways: a finger does not hit a thin scroll bar.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setMinimumHeight(88);
    auto* rescan = new QPushButton(tr("Обновить\nсписок"), this);
    rescan->setObjectName(objectName + QStringLiteral("Rescan"));
    rescan->setMinimumHeight(64);
    rescan->setFocusPolicy(Qt::NoFocus);
    connect(rescan, &QPushButton::clicked, this, &PackagePicker::refresh);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(rescan, 0, Qt::AlignTop);
}

void PackagePicker::setRoots(const QStringList& roots)
{
    m_roots = roots;
    refresh();
}

void PackagePicker::refresh()
{
    m_list->clear();
    for (const QString& root : m_roots) {
        const QString base = QDir(root).absolutePath();
        QDirIterator it(base, {QStringLiteral("*.tar.gz")}, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (QDir(base).relativeFilePath(path).count(QLatin1Char('/')) >= kMaxDepth) {
                continue;
            }
            const QFileInfo info(path);
            auto* item = new QListWidgetItem(
                tr("%1  (%2 КБ, %3)").arg(info.fileName()).arg((info.size() + 1023) / 1024).arg(info.absolutePath()),
                m_list);
            item->setData(Qt::UserRole, path);
        }
    }
    if (m_list->count() == 0) {
        auto* item = new QListWidgetItem(tr("Пакетов не найдено на USB-накопителе и в каталоге данных: вставьте "
                                            "накопитель и нажмите «Обновить список»"),
                                         m_list);
        item->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
}

std::filesystem::path PackagePicker::selected() const
{
    const auto* item = m_list->currentItem();
    if (item == nullptr || item->data(Qt::UserRole).toString().isEmpty()) {
        return {};
    }
    return item->data(Qt::UserRole).toString().toStdString();
}

bool PackagePicker::select(const std::filesystem::path& file)
{
    const QString wanted = QFileInfo(QString::fromStdString(file.string())).absoluteFilePath();
    for (int row = 0; row < m_list->count(); ++row) {
        if (QFileInfo(m_list->item(row)->data(Qt::UserRole).toString()).absoluteFilePath() == wanted) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

} // namespace sigma::terminal
