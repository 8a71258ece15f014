#pragma once

#include "db/Value.h"

#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace sigma::db {

namespace detail {
/// Integers stored as int64; bool and char have constructors of their own.
template <typename T>
concept IntegerParam = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char>;
} // namespace detail

/// A statement parameter: a Value with implicit constructors, so a call reads naturally:
///
///     db.execute("INSERT INTO item(id, name, price, note) VALUES ($1, $2, $3, $4)",
///                {id, name, priceKopecks, std::nullopt});
///
/// Integers of any width, bool (0/1), floating point, every kind of string, Blob, std::nullopt and
/// nullptr (NULL), std::optional<T> (NULL when empty). A Param owns its value, so a
/// std::vector<Param> built up piece by piece stays valid.
class Param {
public:
    Param() = default; ///< NULL
    Param(std::nullopt_t) {}
    Param(std::nullptr_t) {}
    Param(std::monostate) {}

    /// A template so that nothing converts to bool on the way (a pointer would, silently).
    template <std::same_as<bool> T> Param(T value) : m_value(std::int64_t{value ? 1 : 0}) {}
    /// A char is ambiguous (a letter or a small number): pass std::string(1, c) or an int.
    Param(char) = delete;

    template <detail::IntegerParam T> Param(T value) : m_value(static_cast<std::int64_t>(value))
    {
        if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
            assert(value <= static_cast<T>(std::numeric_limits<std::int64_t>::max()));
        }
    }

    template <std::floating_point T> Param(T value) : m_value(static_cast<double>(value)) {}

    /// A null C string is NULL.
    Param(const char* text)
    {
        if (text != nullptr) {
            m_value = std::string(text);
        }
    }
    Param(std::string_view text) : m_value(std::string(text)) {}
    Param(std::string text) : m_value(std::move(text)) {}
    Param(Blob blob) : m_value(std::move(blob)) {}
    Param(Value value) : m_value(std::move(value)) {}

    template <typename T> Param(const std::optional<T>& value) : Param(value ? Param(*value) : Param()) {}

    [[nodiscard]] const Value& value() const { return m_value; }
    [[nodiscard]] bool isNull() const { return std::holds_alternative<std::monostate>(m_value); }

private:
    Value m_value;
};

} // namespace sigma::db
