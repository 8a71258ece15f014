#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sigma::db {

/// The start of a statement for an error message: whitespace runs folded to one space, cut after
/// about `maxBytes` bytes at a UTF-8 character boundary (messages end up in JSON, which must stay
/// valid UTF-8), with "..." when cut.
[[nodiscard]] std::string sqlSnippet(std::string_view sql, std::size_t maxBytes = 100);

} // namespace sigma::db
