#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sigma::cloud {

/// Typed, checked reads of one event payload object (or an object nested in one). A field of the
/// wrong type, or a required one missing, is errc::kBadPayload (400) naming the field relative to
/// this object ("startsAt"); nested readers' errors are put under their path by the caller with
/// Error::inField ("services[2]"). Absent and JSON null both read as "not given".
class PayloadReader {
public:
    /// `what` names the payload in messages, e.g. the event type "appointment.created".
    [[nodiscard]] static core::Result<PayloadReader> of(const core::Json& value, std::string what);

    /// A non-empty string.
    [[nodiscard]] core::Result<std::string> requiredString(const char* key) const;
    [[nodiscard]] core::Result<std::optional<std::string>> optionalString(const char* key) const;
    /// Like optionalString, but an empty string is "not given" too (optional ids).
    [[nodiscard]] core::Result<std::optional<std::string>> optionalId(const char* key) const;
    [[nodiscard]] core::Result<std::int64_t> requiredInt(const char* key) const;
    [[nodiscard]] core::Result<std::optional<std::int64_t>> optionalInt(const char* key) const;
    [[nodiscard]] core::Result<std::optional<bool>> optionalBool(const char* key) const;
    /// The array, or an empty one when not given.
    [[nodiscard]] core::Result<core::Json> optionalArray(const char* key) const;
    /// An object's JSON text, when given.
    [[nodiscard]] core::Result<std::optional<std::string>> optionalObjectText(const char* key) const;

    [[nodiscard]] const std::string& what() const { return m_what; }

private:
    PayloadReader(const core::Json& object, std::string what) : m_object(&object), m_what(std::move(what)) {}

    /// The value at `key`, or null when absent.
    [[nodiscard]] const core::Json* find(const char* key) const;
    [[nodiscard]] core::Error wrongType(const char* key, const char* expected) const;

    const core::Json* m_object;
    std::string m_what;
};

} // namespace sigma::cloud
