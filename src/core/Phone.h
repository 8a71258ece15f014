#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

namespace sigma::core {

/// A Russian phone number in the one form it is stored and searched by: "+7" and 10 digits
/// ("+79991234567").
///
/// Accepts what cashiers and customers type: "8 (999) 123-45-67", "+7 999 1234567",
/// "7-999-123-45-67", "9991234567", with spaces (also no-break), dashes, dots and parentheses
/// anywhere between the digits. Fails with kBadPhone (field "phone") for anything else: a wrong
/// digit count, letters, a country code other than +7, a national number starting with 0, and 10
/// digits starting with 8 (more likely "8" and a number missing a digit than an 8xx number
/// typed without its prefix).
Result<std::string> normalizePhone(std::string_view text);

} // namespace sigma::core
