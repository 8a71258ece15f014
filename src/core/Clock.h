#pragma once

#include <chrono>

namespace sigma::core {

/// The time source every layer reads through, so tests can move time (a shift that expires after
/// 24 hours, a code that is valid for 10 minutes) without waiting. core itself never reads the
/// system clock; the one real implementation is SystemClock.
class Clock {
public:
    using TimePoint = std::chrono::system_clock::time_point;

    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

/// The machine's wall clock (UTC).
class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override { return std::chrono::system_clock::now(); }
};

/// Microseconds since the Unix epoch, UTC: how time is stored and sent everywhere.
inline std::int64_t toUnixMicros(Clock::TimePoint t)
{
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
}

inline Clock::TimePoint fromUnixMicros(std::int64_t micros)
{
    return Clock::TimePoint(std::chrono::duration_cast<Clock::TimePoint::duration>(std::chrono::microseconds(micros)));
}

} // namespace sigma::core
