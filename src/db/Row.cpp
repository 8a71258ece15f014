#include "db/Row.h"

#include <cassert>

namespace sigma::db {

Row::Row(std::vector<Value> values, std::shared_ptr<const std::vector<std::string>> columnNames)
    : m_values(std::move(values)), m_columnNames(std::move(columnNames))
{
    assert(!m_columnNames || m_columnNames->size() == m_values.size());
}

const Value& Row::value(std::size_t i) const
{
    assert(i < m_values.size());
    return m_values.at(i);
}

bool Row::isNull(std::size_t i) const
{
    return std::holds_alternative<std::monostate>(value(i));
}

std::int64_t Row::int64(std::size_t i) const
{
    const Value& v = value(i);
    assert(std::holds_alternative<std::int64_t>(v) && "column is not an integer (NULL or another type)");
    return std::get<std::int64_t>(v);
}

double Row::real(std::size_t i) const
{
    const Value& v = value(i);
    if (const auto* integer = std::get_if<std::int64_t>(&v)) {
        return static_cast<double>(*integer);
    }
    assert(std::holds_alternative<double>(v) && "column is not a number (NULL or another type)");
    return std::get<double>(v);
}

const std::string& Row::text(std::size_t i) const
{
    const Value& v = value(i);
    assert(std::holds_alternative<std::string>(v) && "column is not text (NULL or another type)");
    return std::get<std::string>(v);
}

const std::vector<std::uint8_t>& Row::blob(std::size_t i) const
{
    const Value& v = value(i);
    assert(std::holds_alternative<Blob>(v) && "column is not a blob (NULL or another type)");
    return std::get<Blob>(v).bytes;
}

std::optional<std::int64_t> Row::optionalInt64(std::size_t i) const
{
    return isNull(i) ? std::nullopt : std::optional(int64(i));
}

std::optional<double> Row::optionalReal(std::size_t i) const
{
    return isNull(i) ? std::nullopt : std::optional(real(i));
}

std::optional<std::string> Row::optionalText(std::size_t i) const
{
    return isNull(i) ? std::nullopt : std::optional(text(i));
}

std::optional<std::vector<std::uint8_t>> Row::optionalBlob(std::size_t i) const
{
    return isNull(i) ? std::nullopt : std::optional(blob(i));
}

std::optional<std::size_t> Row::columnIndex(std::string_view name) const
{
    if (!m_columnNames) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < m_columnNames->size(); ++i) {
        if ((*m_columnNames)[i] == name) {
            return i;
        }
    }
    return std::nullopt;
}

std::string_view Row::columnName(std::size_t i) const
{
    assert(m_columnNames && i < m_columnNames->size());
    return m_columnNames->at(i);
}

} // namespace sigma::db
