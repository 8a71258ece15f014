#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace sigma::db {

/// Binary data in a column (BLOB in SQLite, BYTEA in PostgreSQL). A type of its own so bytes are
/// never mistaken for text.
struct Blob {
    std::vector<std::uint8_t> bytes;

    friend bool operator==(const Blob&, const Blob&) = default;
};

/// One column value: NULL (monostate), integer, real, text (UTF-8) or blob. The types both SQLite
/// and PostgreSQL can carry without loss; a boolean is stored as 0/1, money as integer kopecks.
using Value = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

} // namespace sigma::db
