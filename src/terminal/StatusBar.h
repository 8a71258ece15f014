#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace sigma::terminal {

class TaskRunner;
class TerminalRuntime;

/// The strip that is always visible: cashier, shift and its age, the register (paper, cover, OFD
/// queue age), sync (the journal outbox's oldest unsent event) and the clock. The register is
/// asked every kPollMs on the worker (a device call can block); terminal.db is read on the UI
/// thread only while no worker job uses it.
class StatusBar : public QWidget {
    Q_OBJECT
public:
    StatusBar(TerminalRuntime& runtime, TaskRunner& runner, QWidget* parent = nullptr);

    static constexpr int kPollMs = 3000;
    /// The register blocks at 30 days without the OFD; warn from this many days.
    static constexpr int kOfdWarnDays = 20;
    /// A shift may last 24 hours; warn an hour before.
    static constexpr int kShiftWarnHours = 23;

    /// Reads everything now (after a login, a checkout, a shift change).
    void refresh();

signals:
    /// The register's printing stopped (paper, cover): the shell offers "continue printing".
    void printInterrupted(bool interrupted);

private:
    void refreshLocal();
    void refreshDevice();
    void tickClock();

    TerminalRuntime& m_runtime;
    TaskRunner& m_runner;
    QLabel* m_cashier;
    QLabel* m_shift;
    QLabel* m_device;
    QLabel* m_sync;
    QLabel* m_clock;
    QTimer* m_poll;
    QTimer* m_clockTimer;
    bool m_deviceQueryRunning = false;
};

} // namespace sigma::terminal
