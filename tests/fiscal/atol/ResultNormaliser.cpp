#include "fiscal/atol/ResultNormaliser.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace sigma::test {

namespace {

constexpr std::array<std::string_view, 7> kVolatileKeys = {
    "fiscalDocumentSign", "fnNumber", "registrationNumber", "qr", "serial", "rawData", "time",
};

// Decoded TLV tags whose values differ between registers or moments.
constexpr std::array<int, 7> kVolatileTags = {1012, 1013, 1018, 1037, 1041, 1077, 1098};

bool volatileKey(const std::string& key)
{
    if (std::find(kVolatileKeys.begin(), kVolatileKeys.end(), key) != kVolatileKeys.end()) {
        return true;
    }
    // fiscalDocumentDateTime, openedDateTime, expiredTime, validityDate, currentDateTime, ...
    return key.find("Date") != std::string::npos || key.find("Time") != std::string::npos;
}

bool volatileTag(const core::Json& element)
{
    if (!element.is_object() || !element.contains("tag") || !element["tag"].is_number_integer()) {
        return false;
    }
    const int tag = element["tag"].get<int>();
    return std::find(kVolatileTags.begin(), kVolatileTags.end(), tag) != kVolatileTags.end();
}

} // namespace

core::Json normaliseResult(const core::Json& json)
{
    if (json.is_object()) {
        core::Json out = core::Json::object();
        for (const auto& [key, value] : json.items()) {
            if (!volatileKey(key)) {
                out[key] = normaliseResult(value);
            }
        }
        return out;
    }
    if (json.is_array()) {
        core::Json out = core::Json::array();
        for (const auto& element : json) {
            if (!volatileTag(element)) {
                out.push_back(normaliseResult(element));
            }
        }
        return out;
    }
    if (json.is_number_float()) {
        return json.dump();
    }
    return json;
}

core::Json normaliseOutcome(const core::Result<core::Json>& outcome)
{
    if (outcome.ok()) {
        return {{"ok", true}, {"result", normaliseResult(*outcome)}};
    }
    return {{"ok", false}, {"code", outcome.error().code}, {"message", outcome.error().message}};
}

} // namespace sigma::test
