#pragma once

#include "core/Result.h"

#include <array>
#include <string>
#include <string_view>

namespace sigma::core {

/// One row of a table that maps a domain enumeration to its outside spellings: the ATOL JSON
/// name, the FFD code, a Russian label for screens and receipts, and an accepted alias.
template <typename E>
struct EnumEntry {
    E value;
    std::string_view name;  ///< ATOL JSON spelling, also ours in JSON
    int code;               ///< FFD tag value (or bit) that the register stores
    std::string_view label; ///< Russian, for people
    std::string_view alias = {};
};

template <typename E, std::size_t N>
using EnumTable = std::array<EnumEntry<E>, N>;

template <typename E, std::size_t N>
constexpr const EnumEntry<E>& enumEntry(const EnumTable<E, N>& table, E value)
{
    for (const auto& entry : table) {
        if (entry.value == value) {
            return entry;
        }
    }
    return table.front(); // unreachable for a valid enumerator: every table lists all of them
}

template <typename E, std::size_t N>
Result<E> enumFromName(const EnumTable<E, N>& table, std::string_view name, int errorCode, std::string_view what)
{
    for (const auto& entry : table) {
        if (entry.name == name || (!entry.alias.empty() && entry.alias == name)) {
            return entry.value;
        }
    }
    std::string known;
    for (const auto& entry : table) {
        known += known.empty() ? "" : ", ";
        known += entry.name;
    }
    return Error(errorCode, "unknown " + std::string(what) + " '" + std::string(name.substr(0, 40)) +
                                "' (expected one of: " + known + ")");
}

template <typename E, std::size_t N>
Result<E> enumFromCode(const EnumTable<E, N>& table, int code, int errorCode, std::string_view what)
{
    for (const auto& entry : table) {
        if (entry.code == code) {
            return entry.value;
        }
    }
    return Error(errorCode, "unknown " + std::string(what) + " code " + std::to_string(code));
}

} // namespace sigma::core
