#pragma once

#include <QObject>

#include <functional>
#include <memory>

class QThreadPool;

namespace sigma::terminal {

/// Runs till and device calls that can block (the register, the pin pad, Argon2 PIN checks) on one
/// worker thread, one at a time, and calls back on the UI thread.
///
/// One thread on purpose: the FiscalDevice and terminal.db's connection are used from one thread
/// at a time (SQLite is opened NOMUTEX), so the worker serialises every device call, and while a
/// job that touches terminal.db runs (`busy()`), the UI does not touch the database itself.
class TaskRunner : public QObject {
    Q_OBJECT
public:
    explicit TaskRunner(QObject* parent = nullptr);
    ~TaskRunner() override;

    /// `work` runs on the worker; `done` runs afterwards on the UI thread (when `receiver` still
    /// exists). `usesDatabase` marks the runner busy until `done` has run.
    void run(std::function<void()> work, QObject* receiver, std::function<void()> done, bool usesDatabase = true);

    [[nodiscard]] bool busy() const { return m_databaseJobs > 0; }
    /// Blocks until the worker is idle (shutdown, tests).
    void waitForIdle();

signals:
    void busyChanged(bool busy);

private:
    std::unique_ptr<QThreadPool> m_pool;
    int m_databaseJobs = 0;
};

} // namespace sigma::terminal
