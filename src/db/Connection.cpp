#include "db/Connection.h"

#include "core/ErrorCodes.h"
#include "db/SqlSnippet.h"

namespace sigma::db {
namespace {

std::span<const Param> asSpan(std::initializer_list<Param> params)
{
    return {params.begin(), params.size()};
}

std::vector<Param> toParams(std::span<const Value> values)
{
    return {values.begin(), values.end()};
}

} // namespace

core::Status Connection::execute(std::string_view sql, std::initializer_list<Param> params)
{
    return doExecute(sql, asSpan(params));
}

core::Status Connection::execute(std::string_view sql, std::span<const Param> params)
{
    return doExecute(sql, params);
}

core::Status Connection::execute(std::string_view sql, std::span<const Value> params)
{
    return doExecute(sql, toParams(params));
}

core::Result<std::vector<Row>> Connection::query(std::string_view sql, std::initializer_list<Param> params)
{
    return doQuery(sql, asSpan(params));
}

core::Result<std::vector<Row>> Connection::query(std::string_view sql, std::span<const Param> params)
{
    return doQuery(sql, params);
}

core::Result<std::vector<Row>> Connection::query(std::string_view sql, std::span<const Value> params)
{
    return doQuery(sql, toParams(params));
}

core::Result<std::optional<Row>> Connection::queryOne(std::string_view sql, std::initializer_list<Param> params)
{
    return queryOne(sql, asSpan(params));
}

core::Result<std::optional<Row>> Connection::queryOne(std::string_view sql, std::span<const Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, doQuery(sql, params));
    if (rows.empty()) {
        return std::optional<Row>();
    }
    if (rows.size() > 1) {
        return core::Error(core::errc::kDbError, "query expected at most one row but returned " +
                                                     std::to_string(rows.size()) + " in SQL: " + sqlSnippet(sql));
    }
    return std::optional<Row>(std::move(rows.front()));
}

core::Result<std::optional<Row>> Connection::queryOne(std::string_view sql, std::span<const Value> params)
{
    return queryOne(sql, std::span<const Param>(toParams(params)));
}

} // namespace sigma::db
