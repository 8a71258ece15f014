#pragma once

#include "core/ExactJson.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace sigma::terminal {

class MainWindow;

/// Service mode, "Диагностика": one button gathers everything (ServiceDiagnostics on the worker:
/// register, FN lifetime, OFD queue and its age, disk, PRAGMA integrity_check, journal, sync,
/// installed release) into a readable summary; "Экспорт для поддержки" writes it with the logs
/// into one .tar.gz in the chosen directory (a USB stick under /media by default).
class DiagnosticsPage : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPage(MainWindow& window, QWidget* parent = nullptr);
    void activate();

    /// The summary lines of a diagnostics JSON, in Russian.
    static QString summary(const core::Json& diagnostics);

private:
    void run(bool thenExport);

    MainWindow& m_window;
    QPlainTextEdit* m_summary;
    QLineEdit* m_directory;
    QLabel* m_result;
    QPushButton* m_collect;
    QPushButton* m_export;
};

} // namespace sigma::terminal
