#pragma once

#include "core/Result.h"

#include <string>
#include <string_view>

// The register's registration number (РНМ, tag 1037) is 16 digits: 10 given by the tax service,
// then 6 check digits, the CRC-16/CCITT-FALSE (Crc16.h) written as a zero-padded decimal, over
// the ASCII text: the 10 digits + the user's INN left-padded with '0' to 12 + the register's
// serial number left-padded with '0' to 20 (FISCAL.md).
//
// The number in FISCAL.md's receipt example, "0000000001002292", is illustrative: it comes with
// no INN and serial to check it against, and tests must not treat it as a known-good vector.
namespace sigma::fiscal::ffd {

/// The 16-digit registration number. Fails (kBadRegistrationNumber, field names the input) unless
/// `first10Digits` is 10 digits, `inn` is 10 digits (organisation) or 12 (individual
/// entrepreneur), and `serial` is 1-20 digits.
core::Result<std::string> makeRegistrationNumber(std::string_view first10Digits, std::string_view inn,
                                                 std::string_view serial);

/// OK when `regNumber` is 16 digits whose last 6 match the INN and serial; kBadRegistrationNumber
/// for malformed input, kRegistrationNumberMismatch when the check digits differ.
core::Status checkRegistrationNumber(std::string_view regNumber, std::string_view inn, std::string_view serial);

} // namespace sigma::fiscal::ffd
