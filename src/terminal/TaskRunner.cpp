#include "terminal/TaskRunner.h"

#include <QPointer>
#include <QThreadPool>

namespace sigma::terminal {

TaskRunner::TaskRunner(QObject* parent) : QObject(parent), m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(1);
    m_pool->setExpiryTimeout(-1); // keep the one worker: device drivers may keep thread-local state
}

TaskRunner::~TaskRunner()
{
    m_pool->waitForDone();
}

void TaskRunner::run(std::function<void()> work, QObject* receiver, std::function<void()> done, bool usesDatabase)
{
    if (usesDatabase && m_databaseJobs++ == 0) {
        emit busyChanged(true);
    }
    QPointer<QObject> guard(receiver);
    QPointer<TaskRunner> self(this);
    m_pool->start([work = std::move(work), done = std::move(done), guard, self, usesDatabase]() mutable {
        work();
        if (self.isNull()) {
            return;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [done = std::move(done), guard, self, usesDatabase]() {
                if (usesDatabase && --self->m_databaseJobs == 0) {
                    emit self->busyChanged(false);
                }
                if (!guard.isNull() && done) {
                    done();
                }
            },
            Qt::QueuedConnection);
    });
}

void TaskRunner::waitForIdle()
{
    m_pool->waitForDone();
}

} // namespace sigma::terminal
