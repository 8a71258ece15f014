#include "core/FixedPoint.h"

#include "core/ErrorCodes.h"

#include <array>
#include <string>

namespace sigma::core::detail {
namespace {

// UTF-8 spellings of the spaces people paste as thousands separators.
constexpr std::array<std::string_view, 4> kSpaces = {" ", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"};

std::size_t spaceLengthAt(std::string_view text, std::size_t pos)
{
    for (auto space : kSpaces) {
        if (text.substr(pos, space.size()) == space) {
            return space.size();
        }
    }
    return 0;
}

std::string quoted(std::string_view text)
{
    constexpr std::size_t kMaxShown = 40;
    std::string shown(text.substr(0, kMaxShown));
    if (text.size() > kMaxShown) {
        shown += "...";
    }
    return "'" + shown + "'";
}

} // namespace

std::string_view trimSpaces(std::string_view text)
{
    for (;;) {
        if (!text.empty() && (text.front() == '\t' || text.front() == '\n' || text.front() == '\r')) {
            text.remove_prefix(1);
            continue;
        }
        if (auto n = spaceLengthAt(text, 0); n > 0) {
            text.remove_prefix(n);
            continue;
        }
        break;
    }
    for (;;) {
        if (!text.empty() && (text.back() == '\t' || text.back() == '\n' || text.back() == '\r')) {
            text.remove_suffix(1);
            continue;
        }
        bool removed = false;
        for (auto space : kSpaces) {
            if (text.size() >= space.size() && text.substr(text.size() - space.size()) == space) {
                text.remove_suffix(space.size());
                removed = true;
                break;
            }
        }
        if (!removed) {
            break;
        }
    }
    return text;
}

Result<std::int64_t> parseFixedPoint(std::string_view text, const FixedPointFormat& format)
{
    const std::string original = quoted(text);
    auto fail = [&](const std::string& why) -> Error {
        return Error(format.errorCode, std::string(format.what) + " " + original + ": " + why);
    };

    text = trimSpaces(text);
    if (text.empty()) {
        return fail("empty");
    }

    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        if (text.front() == '-' && !format.allowSign) {
            return fail("must not be negative");
        }
        negative = text.front() == '-';
        text.remove_prefix(1);
    }

    // Integer part, with optional grouping.
    std::int64_t scale = 1;
    for (int i = 0; i < format.decimals; ++i) {
        scale *= 10;
    }
    const std::int64_t maxInteger = format.maxScaled / scale;

    std::int64_t integer = 0;
    int digitsTotal = 0;
    int digitsInGroup = 0;
    int groups = 0;
    bool grouped = false;
    bool beyondRange = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c >= '0' && c <= '9') {
            if (!beyondRange) {
                integer = integer * 10 + (c - '0');
                beyondRange = integer > maxInteger;
            }
            ++digitsTotal;
            ++digitsInGroup;
            ++pos;
            continue;
        }
        const std::size_t spaceLength = spaceLengthAt(text, pos);
        if (spaceLength == 0) {
            break;
        }
        if (!format.allowGrouping) {
            return fail("unexpected space inside the number");
        }
        // A separator closes a group: the first has 1-3 digits, the others exactly 3.
        if (digitsInGroup == 0 || digitsInGroup > 3 || (groups > 0 && digitsInGroup != 3)) {
            return fail("digits must be grouped by three");
        }
        ++groups;
        grouped = true;
        digitsInGroup = 0;
        pos += spaceLength;
    }
    if (digitsTotal == 0) {
        return fail("no digits before the decimal separator");
    }
    if (grouped && digitsInGroup != 3) {
        return fail("digits must be grouped by three");
    }

    // Fraction.
    std::int64_t fraction = 0;
    int fractionDigits = 0;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (fractionDigits == format.decimals) {
                return fail("more than " + std::to_string(format.decimals) + " decimal places");
            }
            fraction = fraction * 10 + (text[pos] - '0');
            ++fractionDigits;
            ++pos;
        }
        if (fractionDigits == 0) {
            return fail("no digits after the decimal separator");
        }
    }
    if (pos != text.size()) {
        return fail("unexpected character '" + std::string(text.substr(pos, 1)) + "'");
    }
    for (int i = fractionDigits; i < format.decimals; ++i) {
        fraction *= 10;
    }

    if (beyondRange) {
        return Error(format.rangeErrorCode, std::string(format.what) + " " + original + " is beyond the limit");
    }
    std::int64_t scaled = 0;
    if (__builtin_mul_overflow(integer, scale, &scaled) || __builtin_add_overflow(scaled, fraction, &scaled) ||
        scaled > format.maxScaled) {
        return Error(format.rangeErrorCode, std::string(format.what) + " " + original + " is beyond the limit");
    }
    return negative ? -scaled : scaled;
}

} // namespace sigma::core::detail
