#include "terminal/screens/service/StageProgress.h"

#include <QCoreApplication>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QVBoxLayout>

#include <atomic>
#include <memory>

namespace sigma::terminal {

StageProgress::StageProgress(const QString& objectName, QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_caption(new QLabel(this))
{
    setObjectName(objectName);
    m_bar->setObjectName(objectName + QStringLiteral("Bar"));
    m_bar->setRange(0, 100);
    m_bar->setMinimumHeight(28);
    m_caption->setObjectName(objectName + QStringLiteral("Stage"));
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_bar);
    reset();
}

QString StageProgress::stageText(update::Stage stage)
{
    switch (stage) {
    case update::Stage::Download:
        return tr("Загрузка пакета");
    case update::Stage::Verify:
        return tr("Проверка подписи и файлов (ничего не записано)");
    case update::Stage::Extract:
        return tr("Запись новой версии рядом с текущей");
    case update::Stage::Switch:
        return tr("Переключение на новую версию");
    case update::Stage::Flash:
        return tr("Запись прошивки в резервный банк ККТ");
    case update::Stage::Done:
        return tr("Готово");
    }
    return {};
}

update::ProgressCallback StageProgress::callback()
{
    // Called per chunk on the worker: post only when the stage or the percent changed.
    QPointer<StageProgress> self(this);
    auto last = std::make_shared<std::atomic<int>>(-1);
    return [self, last](const update::Progress& p) {
        const int percent = p.total == 0 ? 0 : static_cast<int>(p.done * 100 / p.total);
        const int key = static_cast<int>(p.stage) * 1000 + percent;
        if (last->exchange(key) == key) {
            return;
        }
        const auto stage = p.stage;
        const QString item = QString::fromUtf8(p.item.data(), static_cast<qsizetype>(p.item.size()));
        // Posted to the application object, which outlives every page: the page itself may be
        // closed while the worker still reports, and QPointer is only read on the UI thread.
        QMetaObject::invokeMethod(
            qApp,
            [self, stage, percent, item] {
                if (self) {
                    self->show(stage, percent, item);
                }
            },
            Qt::QueuedConnection);
    };
}

void StageProgress::show(update::Stage stage, int percent, const QString& item)
{
    m_bar->setValue(percent);
    m_caption->setText(item.isEmpty() ? stageText(stage) : stageText(stage) + QStringLiteral(": ") + item);
}

void StageProgress::reset()
{
    m_bar->setValue(0);
    m_caption->setText(tr("Ожидание"));
}

void StageProgress::finish(const QString& caption)
{
    m_bar->setValue(100);
    m_caption->setText(caption);
}

QString StageProgress::caption() const
{
    return m_caption->text();
}

int StageProgress::percent() const
{
    return m_bar->value();
}

} // namespace sigma::terminal
