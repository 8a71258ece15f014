#pragma once

#include "db/Value.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::db {

/// The values of one result row, read by column position.
///
/// Reading a column as the wrong type is a programming error and asserts (as does an index past
/// the end, or a plain accessor on NULL: use isNull() or the optional*() accessors for nullable
/// columns). The one conversion allowed is integer -> real, since SQL arithmetic on REAL columns
/// can yield an integer. Text is never read as a number: that would hide a schema mistake.
class Row {
public:
    Row() = default;
    Row(std::vector<Value> values, std::shared_ptr<const std::vector<std::string>> columnNames);

    [[nodiscard]] std::size_t size() const { return m_values.size(); }
    [[nodiscard]] const Value& value(std::size_t i) const;
    [[nodiscard]] bool isNull(std::size_t i) const;

    [[nodiscard]] std::int64_t int64(std::size_t i) const;
    [[nodiscard]] double real(std::size_t i) const;
    [[nodiscard]] const std::string& text(std::size_t i) const;
    [[nodiscard]] const std::vector<std::uint8_t>& blob(std::size_t i) const;

    [[nodiscard]] std::optional<std::int64_t> optionalInt64(std::size_t i) const;
    [[nodiscard]] std::optional<double> optionalReal(std::size_t i) const;
    [[nodiscard]] std::optional<std::string> optionalText(std::size_t i) const;
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> optionalBlob(std::size_t i) const;

    /// The position of the column named `name` in the result (as the SQL spelled it or its AS
    /// alias, case-sensitive); nullopt when there is none.
    [[nodiscard]] std::optional<std::size_t> columnIndex(std::string_view name) const;
    [[nodiscard]] std::string_view columnName(std::size_t i) const;

private:
    std::vector<Value> m_values;
    /// Shared by all rows of one result.
    std::shared_ptr<const std::vector<std::string>> m_columnNames;
};

} // namespace sigma::db
