#pragma once

#include "core/ErrorCodes.h"
#include "core/Result.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"

#include <functional>
#include <memory>

namespace sigma::terminal {

/// Runs a till service call of an app screen on the worker thread (the screens hold no rule and
/// never touch terminal.db while a worker job does) and hands the result to `done` on the UI
/// thread, if `receiver` still exists.
template <typename T>
void runJob(MainWindow& window, QObject* receiver, std::function<core::Result<T>()> work,
            std::function<void(core::Result<T>&)> done)
{
    auto result = std::make_shared<core::Result<T>>(core::Error(core::errc::kInternal, "not run"));
    window.runner().run([result, work = std::move(work)] { *result = work(); }, receiver,
                        [result, done = std::move(done)] { done(*result); });
}

} // namespace sigma::terminal
