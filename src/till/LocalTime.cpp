#include "till/LocalTime.h"

#include "till/TillErrors.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sigma::till {
namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;

bool allDigits(std::string_view text)
{
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

int number(std::string_view digits)
{
    int value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

std::int64_t localToUs(int year, int month, int day, int hour, int minute)
{
    std::tm local{};
    local.tm_year = year - 1900;
    local.tm_mon = month - 1;
    local.tm_mday = day;
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_isdst = -1; // the zone's rules decide
    return static_cast<std::int64_t>(std::mktime(&local)) * kMicrosPerSecond;
}

std::tm localTm(std::int64_t atUs)
{
    // Floor division: an instant before the epoch still falls in the right second.
    std::int64_t seconds = atUs / kMicrosPerSecond;
    if (atUs % kMicrosPerSecond < 0) {
        --seconds;
    }
    const auto t = static_cast<std::time_t>(seconds);
    std::tm local{};
    localtime_r(&t, &local);
    return local;
}

} // namespace

std::int64_t localMidnightUs(core::Date date)
{
    return localToUs(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                     static_cast<int>(static_cast<unsigned>(date.day())), 0, 0);
}

core::Date localDateOf(std::int64_t atUs)
{
    const std::tm local = localTm(atUs);
    return core::Date{std::chrono::year(local.tm_year + 1900),
                      std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)),
                      std::chrono::day(static_cast<unsigned>(local.tm_mday))};
}

core::Result<std::int64_t> parseLocalDateTime(std::string_view text)
{
    const core::Error bad(errc::kBadAppointmentTime,
                          "'" + std::string(text.substr(0, 40)) + "' is not a local time YYYY-MM-DDTHH:MM", "start");
    if (text.size() != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return bad;
    }
    auto date = core::parseDate(text.substr(0, 10));
    if (!date || !allDigits(text.substr(11, 2)) || !allDigits(text.substr(14, 2))) {
        return bad;
    }
    const int hour = number(text.substr(11, 2));
    const int minute = number(text.substr(14, 2));
    if (hour > 23 || minute > 59) {
        return bad;
    }
    return localToUs(static_cast<int>(date->year()), static_cast<int>(static_cast<unsigned>(date->month())),
                     static_cast<int>(static_cast<unsigned>(date->day())), hour, minute);
}

std::string formatLocalDateTime(std::int64_t atUs)
{
    const std::tm local = localTm(atUs);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", local.tm_year + 1900, local.tm_mon + 1,
                  local.tm_mday, local.tm_hour, local.tm_min);
    return buffer;
}

std::string formatMinuteOfDay(int minutes)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minutes / 60, minutes % 60);
    return buffer;
}

std::optional<int> parseMinuteOfDay(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':' || !allDigits(text.substr(0, 2)) || !allDigits(text.substr(3, 2))) {
        return std::nullopt;
    }
    const int hour = number(text.substr(0, 2));
    const int minute = number(text.substr(3, 2));
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0)) {
        return std::nullopt;
    }
    return hour * 60 + minute;
}

} // namespace sigma::till
