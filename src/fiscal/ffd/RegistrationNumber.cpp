#include "fiscal/ffd/RegistrationNumber.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/Crc16.h"

#include <cstdio>

namespace sigma::fiscal::ffd {
namespace {

bool allDigits(std::string_view text)
{
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return !text.empty();
}

core::Error bad(const char* field, const std::string& message)
{
    return core::Error(core::errc::kBadRegistrationNumber, message, field);
}

core::Status checkInnAndSerial(std::string_view inn, std::string_view serial)
{
    if (!allDigits(inn) || (inn.size() != 10 && inn.size() != 12)) {
        return bad("inn", "INN must be 10 or 12 digits");
    }
    if (!allDigits(serial) || serial.size() > 20) {
        return bad("serial", "register serial number must be 1-20 digits");
    }
    return core::ok();
}

std::string checkDigits(std::string_view first10Digits, std::string_view inn, std::string_view serial)
{
    std::string text(first10Digits);
    text.append(12 - inn.size(), '0').append(inn);
    text.append(20 - serial.size(), '0').append(serial);
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u", static_cast<unsigned>(crc16CcittFalse(text)));
    return digits;
}

} // namespace

core::Result<std::string> makeRegistrationNumber(std::string_view first10Digits, std::string_view inn,
                                                 std::string_view serial)
{
    if (first10Digits.size() != 10 || !allDigits(first10Digits)) {
        return bad("first10Digits", "the first part of a registration number must be 10 digits");
    }
    SIGMA_TRY(checkInnAndSerial(inn, serial));
    return std::string(first10Digits) + checkDigits(first10Digits, inn, serial);
}

core::Status checkRegistrationNumber(std::string_view regNumber, std::string_view inn, std::string_view serial)
{
    if (regNumber.size() != 16 || !allDigits(regNumber)) {
        return bad("registrationNumber", "registration number must be 16 digits");
    }
    SIGMA_TRY(checkInnAndSerial(inn, serial));
    const std::string expected = checkDigits(regNumber.substr(0, 10), inn, serial);
    if (regNumber.substr(10) != expected) {
        return core::Error(core::errc::kRegistrationNumberMismatch,
                           "registration number " + std::string(regNumber) +
                               " does not match the INN and serial (check digits should be " + expected + ")",
                           "registrationNumber");
    }
    return core::ok();
}

} // namespace sigma::fiscal::ffd
