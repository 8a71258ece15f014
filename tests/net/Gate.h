#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace sigma::test {

/// A one-way signal between threads with a bounded wait, so a test that goes wrong fails
/// instead of hanging.
class Gate {
public:
    void open()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_changed.notify_all();
    }

    [[nodiscard]] bool waitFor(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
};

} // namespace sigma::test
