#pragma once

#include "till/PrintQueue.h"

#include <QObject>

class QTimer;

namespace sigma::terminal {

class MainWindow;

/// Drives the persistent kitchen print queue (till::PrintQueue) in the terminal: one pump() every
/// few seconds on the worker thread (the queue's backoff decides what is due), then the printers'
/// state for the hall and the order screen. Nothing is printed from the UI thread.
class PrintPump : public QObject {
    Q_OBJECT
public:
    explicit PrintPump(MainWindow& window, QObject* parent = nullptr);

    /// The kitchen printers as the terminal reaches them: ESC/POS over TCP with short timeouts,
    /// because a switched-off printer holds the one worker thread for the connect timeout.
    static till::PrintQueue::PrinterFactory factory();

    /// One pass now (after "На кухню"), not waiting for the timer.
    void pumpNow();
    /// "Повторить": every queued ticket is due now, then a pass.
    void retryNow();

    [[nodiscard]] const QString& statusText() const { return m_text; }
    [[nodiscard]] bool problem() const { return m_problem; }

    static constexpr int kIntervalMs = 3000;

signals:
    /// The printers' line changed (`problem`: a ticket waits because a printer failed).
    void statusChanged(const QString& text, bool problem);

private:
    void pass(bool retry);

    MainWindow& m_window;
    QTimer* m_timer;
    QString m_text;
    bool m_problem = false;
    bool m_running = false;
};

} // namespace sigma::terminal
