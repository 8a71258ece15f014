#include "core/Date.h"

#include "core/ErrorCodes.h"

#include <cstdio>

namespace sigma::core {

Result<Date> parseDate(std::string_view text)
{
    auto fail = [&] {
        return Error(errc::kBadDate, "date '" + std::string(text.substr(0, 40)) + "' is not a valid YYYY-MM-DD date");
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return fail();
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9') {
                return fail();
            }
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const Date date{std::chrono::year(parts[0]), std::chrono::month(static_cast<unsigned>(parts[1])),
                    std::chrono::day(static_cast<unsigned>(parts[2]))};
    if (!date.ok()) {
        return fail();
    }
    return date;
}

std::string formatDate(Date date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

} // namespace sigma::core
