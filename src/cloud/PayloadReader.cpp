#include "cloud/PayloadReader.h"

#include "cloud/CloudErrors.h"

#include <cstdint>

namespace sigma::cloud {

core::Result<PayloadReader> PayloadReader::of(const core::Json& value, std::string what)
{
    if (!value.is_object()) {
        return core::Error(errc::kBadPayload, what + ": an object is expected");
    }
    return PayloadReader(value, std::move(what));
}

const core::Json* PayloadReader::find(const char* key) const
{
    const auto it = m_object->find(key);
    if (it == m_object->end() || it->is_null()) {
        return nullptr;
    }
    return &*it;
}

core::Error PayloadReader::wrongType(const char* key, const char* expected) const
{
    return core::Error(errc::kBadPayload, m_what + ": '" + key + "' must be " + expected, key);
}

core::Result<std::string> PayloadReader::requiredString(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr || !value->is_string() || value->get_ref<const std::string&>().empty()) {
        return wrongType(key, "a non-empty string");
    }
    return value->get<std::string>();
}

core::Result<std::optional<std::string>> PayloadReader::optionalString(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr) {
        return std::optional<std::string>();
    }
    if (!value->is_string()) {
        return wrongType(key, "a string");
    }
    return std::optional<std::string>(value->get<std::string>());
}

core::Result<std::optional<std::string>> PayloadReader::optionalId(const char* key) const
{
    SIGMA_ASSIGN_OR_RETURN(auto text, optionalString(key));
    if (text && text->empty()) {
        text.reset();
    }
    return text;
}

core::Result<std::int64_t> PayloadReader::requiredInt(const char* key) const
{
    SIGMA_ASSIGN_OR_RETURN(auto number, optionalInt(key));
    if (!number) {
        return wrongType(key, "an integer");
    }
    return *number;
}

core::Result<std::optional<std::int64_t>> PayloadReader::optionalInt(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr) {
        return std::optional<std::int64_t>();
    }
    // Unsigned values above int64 would wrap: the protocol has none, so they are refused.
    if (!value->is_number_integer() || (value->is_number_unsigned() && value->get<std::uint64_t>() > INT64_MAX)) {
        return wrongType(key, "an integer");
    }
    return std::optional<std::int64_t>(value->get<std::int64_t>());
}

core::Result<std::optional<bool>> PayloadReader::optionalBool(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr) {
        return std::optional<bool>();
    }
    if (!value->is_boolean()) {
        return wrongType(key, "true or false");
    }
    return std::optional<bool>(value->get<bool>());
}

core::Result<core::Json> PayloadReader::optionalArray(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr) {
        return core::Json::array();
    }
    if (!value->is_array()) {
        return wrongType(key, "an array");
    }
    return *value;
}

core::Result<std::optional<std::string>> PayloadReader::optionalObjectText(const char* key) const
{
    const core::Json* value = find(key);
    if (value == nullptr) {
        return std::optional<std::string>();
    }
    if (!value->is_object()) {
        return wrongType(key, "an object");
    }
    return std::optional<std::string>(value->dump());
}

} // namespace sigma::cloud
