#pragma once

#include <string>
#include <utility>

namespace sigma::core {

/// A failure that crosses a function boundary: a numeric code and a message a person can read.
///
/// `code` is an ATOL driver error code (below 1000) when the fiscal register refused something,
/// and one of our own codes from 1000 up otherwise (see ErrorCodes.h and docs/errors.md).
/// `field` names the input that was wrong, when there is one (e.g. "lines[2].quantity").
struct Error {
    int code = 0;
    std::string message;
    std::string field;

    Error() = default;
    Error(int errorCode, std::string text, std::string fieldName = {})
        : code(errorCode), message(std::move(text)), field(std::move(fieldName))
    {
    }

    /// The same error, with `prefix` put in front of the field name ("lines[0]" + "price").
    [[nodiscard]] Error inField(const std::string& prefix) const
    {
        Error e = *this;
        e.field = field.empty() ? prefix : prefix + "." + field;
        return e;
    }

    friend bool operator==(const Error&, const Error&) = default;
};

} // namespace sigma::core
