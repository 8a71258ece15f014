#pragma once

#include "core/Money.h"
#include "core/Quantity.h"
#include "core/Result.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace sigma::core {

using Json = nlohmann::json;

/// Parses JSON from outside (tasks, carts, HTTP bodies) without ever turning a decimal into a
/// double: a number with a fraction or exponent ("89.90") is kept as its literal text, stored as a
/// JSON string, so money and quantities are read exactly. Integers stay integers.
///
/// Refuses documents nested deeper than `maxDepth` and reports the byte offset of a syntax error.
Result<Json> parseJsonExact(std::string_view text, std::size_t maxDepth = 64);

/// The value at `key` as Money: an integer (roubles), an exact decimal or a string ("1 234,50").
/// `field` names the value in the error.
Result<Money> moneyFromJson(const Json& value, const std::string& field);
/// The value as Quantity: an integer or an exact decimal with up to three places.
Result<Quantity> quantityFromJson(const Json& value, const std::string& field);
/// The value as a string, with a named error when it is not one.
Result<std::string> stringFromJson(const Json& value, const std::string& field);

} // namespace sigma::core
