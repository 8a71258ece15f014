#include "core/Phone.h"

#include "core/ErrorCodes.h"

namespace sigma::core {
namespace {

constexpr std::size_t kMaxInputLength = 40;
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

Error badPhone(std::string_view text, std::string_view why)
{
    return Error(errc::kBadPhone,
                 "'" + std::string(text.substr(0, kMaxInputLength)) +
                     "' is not a Russian phone number: " + std::string(why),
                 "phone");
}

} // namespace

Result<std::string> normalizePhone(std::string_view text)
{
    if (text.size() > kMaxInputLength) {
        return badPhone(text, "too long");
    }
    std::string digits;
    bool plus = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '+') {
            if (!digits.empty() || plus) {
                return badPhone(text, "'+' only at the start");
            }
            plus = true;
        } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\t') {
            continue;
        } else if (text.substr(i).starts_with(kNoBreakSpace)) {
            ++i;
        } else {
            return badPhone(text, "unexpected character");
        }
    }
    std::string national;
    if (digits.size() == 11 && (digits[0] == '7' || (digits[0] == '8' && !plus))) {
        national = digits.substr(1);
    } else if (digits.size() == 10 && !plus && digits[0] != '8') {
        // Without a prefix; not from 8, which is ambiguous with the trunk prefix of a number
        // missing a digit ("8 999 123-45-6").
        national = digits;
    } else if (plus && !digits.empty() && digits[0] != '7') {
        return badPhone(text, "only +7 numbers are accepted");
    } else {
        return badPhone(text, "expected +7 or 8 and 10 digits");
    }
    if (national[0] == '0') {
        return badPhone(text, "a national number does not start with 0");
    }
    return "+7" + national;
}

} // namespace sigma::core
