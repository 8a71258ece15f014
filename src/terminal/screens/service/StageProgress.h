#pragma once

#include "update/Progress.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace sigma::terminal {

/// A progress bar with the stage in words ("Проверка подписи и файлов", "Запись прошивки", ...)
/// for the long update operations. callback() is handed to the update library, which calls it on
/// the worker thread; the bar is updated on the UI thread, at most once per stage and percent.
class StageProgress : public QWidget {
    Q_OBJECT
public:
    explicit StageProgress(const QString& objectName, QWidget* parent = nullptr);

    [[nodiscard]] update::ProgressCallback callback();
    void reset();
    void finish(const QString& caption);
    [[nodiscard]] QString caption() const;
    [[nodiscard]] int percent() const;

    static QString stageText(update::Stage stage);

private:
    void show(update::Stage stage, int percent, const QString& item);

    QProgressBar* m_bar;
    QLabel* m_caption;
};

} // namespace sigma::terminal
