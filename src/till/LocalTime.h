#pragma once

#include "core/Date.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sigma::till {

// The seller's local time (the machine's time zone, as TillContext::today() reads it) for
// bookings: stored instants stay UTC microseconds, people type and read local wall-clock times.

/// The instant local `date` begins (00:00 local), UTC microseconds.
[[nodiscard]] std::int64_t localMidnightUs(core::Date date);
/// The local date of an instant.
[[nodiscard]] core::Date localDateOf(std::int64_t atUs);
/// "YYYY-MM-DDTHH:MM" (or with a space instead of T) in local time; kBadAppointmentTime for
/// anything else, impossible dates and times included.
core::Result<std::int64_t> parseLocalDateTime(std::string_view text);
/// "YYYY-MM-DDTHH:MM" in local time.
[[nodiscard]] std::string formatLocalDateTime(std::int64_t atUs);
/// "HH:MM" for minutes after midnight (1440 is "24:00").
[[nodiscard]] std::string formatMinuteOfDay(int minutes);
/// "HH:MM" to minutes after midnight, "24:00" allowed; nullopt for anything else.
[[nodiscard]] std::optional<int> parseMinuteOfDay(std::string_view text);

} // namespace sigma::till
