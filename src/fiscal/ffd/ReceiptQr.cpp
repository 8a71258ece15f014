#include "fiscal/ffd/ReceiptQr.h"

#include "core/ErrorCodes.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <limits>

namespace sigma::fiscal::ffd {
namespace {

core::Error bad(const std::string& key, const std::string& message)
{
    return core::Error(core::errc::kBadReceiptQr, "receipt QR: " + message, key);
}

bool allDigits(std::string_view text)
{
    if (text.empty()) {
        return false;
    }
    for (char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

/// Digits only, no sign; the caller checks `text` is at most 10 digits.
std::uint64_t digitsValue(std::string_view text)
{
    std::uint64_t value = 0;
    for (char c : text) {
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

core::Result<std::uint32_t> parseUint32(std::string_view text, const std::string& key)
{
    if (!allDigits(text) || text.size() > 10) {
        return bad(key, "'" + key + "' must be an unsigned number, not '" + std::string(text.substr(0, 20)) + "'");
    }
    const std::uint64_t value = digitsValue(text);
    if (value > std::numeric_limits<std::uint32_t>::max()) {
        return bad(key, "'" + key + "' is larger than 4294967295");
    }
    return static_cast<std::uint32_t>(value);
}

core::Status parseTime(std::string_view text, ReceiptQr& qr)
{
    const std::string key = "t";
    // YYYYMMDDTHHMM or YYYYMMDDTHHMMSS
    if ((text.size() != 13 && text.size() != 15) || text[8] != 'T' || !allDigits(text.substr(0, 8)) ||
        !allDigits(text.substr(9))) {
        return bad(key, "'t' must be YYYYMMDDTHHMM or YYYYMMDDTHHMMSS, not '" + std::string(text.substr(0, 20)) + "'");
    }
    auto number = [&](std::size_t at, std::size_t length) {
        return static_cast<int>(digitsValue(text.substr(at, length)));
    };
    qr.year = number(0, 4);
    qr.month = number(4, 2);
    qr.day = number(6, 2);
    qr.hour = number(9, 2);
    qr.minute = number(11, 2);
    qr.second = text.size() == 15 ? std::optional<int>(number(13, 2)) : std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{qr.year},
                                           std::chrono::month{static_cast<unsigned>(qr.month)},
                                           std::chrono::day{static_cast<unsigned>(qr.day)}};
    if (qr.year < 1970 || !date.ok()) {
        return bad(key, "'t' has an impossible date '" + std::string(text.substr(0, 8)) + "'");
    }
    if (qr.hour > 23 || qr.minute > 59 || qr.second.value_or(0) > 59) {
        return bad(key, "'t' has an impossible time '" + std::string(text.substr(9)) + "'");
    }
    return core::ok();
}

core::Result<core::Money> parseTotal(std::string_view text)
{
    const std::string key = "s";
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (!allDigits(whole) || (dot != std::string_view::npos && !allDigits(fraction))) {
        return bad(key, "'s' must be roubles like 1234.50, not '" + std::string(text.substr(0, 20)) + "'");
    }
    if (fraction.size() > 2) {
        return bad(key, "'s' has more than two decimals: '" + std::string(text.substr(0, 20)) + "'");
    }
    // The syntax is already strict; Money adds the register's range check.
    auto money = core::Money::parse(text);
    if (!money.ok()) {
        return bad(key, "'s': " + money.error().message);
    }
    return *money;
}

} // namespace

std::string buildReceiptQr(const ReceiptQr& qr)
{
    char time[32];
    if (qr.second) {
        std::snprintf(time, sizeof time, "%04d%02d%02dT%02d%02d%02d", qr.year, qr.month, qr.day, qr.hour, qr.minute,
                      *qr.second);
    } else {
        std::snprintf(time, sizeof time, "%04d%02d%02dT%02d%02d", qr.year, qr.month, qr.day, qr.hour, qr.minute);
    }
    return "t=" + std::string(time) + "&s=" + qr.total.toString() + "&fn=" + qr.fnNumber +
           "&i=" + std::to_string(qr.fiscalDocumentNumber) + "&fp=" + std::to_string(qr.fiscalSign) +
           "&n=" + std::to_string(qr.operationType);
}

core::Result<ReceiptQr> parseReceiptQr(std::string_view text)
{
    // Scanners often hand over a trailing newline.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }

    constexpr std::array<std::string_view, 6> kKeys = {"t", "s", "fn", "i", "fp", "n"};
    std::array<std::optional<std::string_view>, 6> values;

    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t amp = std::min(text.find('&', pos), text.size());
        const std::string_view field = text.substr(pos, amp - pos);
        pos = amp + 1;
        const std::size_t eq = field.find('=');
        if (field.empty() || eq == std::string_view::npos || eq == 0) {
            return bad({}, "'" + std::string(field.substr(0, 20)) + "' is not a key=value field");
        }
        const std::string_view key = field.substr(0, eq);
        const std::string_view value = field.substr(eq + 1);
        for (std::size_t k = 0; k < kKeys.size(); ++k) {
            if (kKeys[k] == key) {
                if (values[k]) {
                    return bad(std::string(key), "'" + std::string(key) + "' appears twice");
                }
                values[k] = value;
            }
        }
    }
    for (std::size_t k = 0; k < kKeys.size(); ++k) {
        if (!values[k]) {
            return bad(std::string(kKeys[k]), "'" + std::string(kKeys[k]) + "' is missing");
        }
    }

    ReceiptQr qr;
    SIGMA_TRY(parseTime(*values[0], qr));
    SIGMA_ASSIGN_OR_RETURN(qr.total, parseTotal(*values[1]));
    if (values[2]->size() != 16 || !allDigits(*values[2])) {
        return bad("fn", "'fn' must be the 16-digit FN number, not '" + std::string(values[2]->substr(0, 20)) + "'");
    }
    qr.fnNumber = std::string(*values[2]);
    SIGMA_ASSIGN_OR_RETURN(qr.fiscalDocumentNumber, parseUint32(*values[3], "i"));
    SIGMA_ASSIGN_OR_RETURN(qr.fiscalSign, parseUint32(*values[4], "fp"));
    if (values[5]->size() != 1 || (*values[5])[0] < '1' || (*values[5])[0] > '4') {
        return bad("n", "'n' must be the operation type 1-4, not '" + std::string(values[5]->substr(0, 20)) + "'");
    }
    qr.operationType = (*values[5])[0] - '0';
    return qr;
}

} // namespace sigma::fiscal::ffd
