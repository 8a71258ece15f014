#pragma once

#include "core/Result.h"

#include <chrono>
#include <string>
#include <string_view>

namespace sigma::core {

/// A calendar date (the seller's local date, as on a receipt).
using Date = std::chrono::year_month_day;

/// Parses "YYYY-MM-DD"; rejects impossible dates ("2025-02-30").
Result<Date> parseDate(std::string_view text);
/// "YYYY-MM-DD".
std::string formatDate(Date date);

} // namespace sigma::core
