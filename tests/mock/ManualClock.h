#pragma once

#include "core/Clock.h"

namespace sigma::test {

/// A clock that stands still until the test moves it.
class ManualClock final : public core::Clock {
public:
    explicit ManualClock(TimePoint start = TimePoint(std::chrono::seconds(1'764'547'200))) : m_now(start) {}

    [[nodiscard]] TimePoint now() const override { return m_now; }
    void set(TimePoint t) { m_now = t; }
    template <typename Duration>
    void advance(Duration d)
    {
        m_now += std::chrono::duration_cast<TimePoint::duration>(d);
    }

private:
    TimePoint m_now;
};

} // namespace sigma::test
