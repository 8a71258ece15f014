#pragma once

#include <string>
#include <string_view>

namespace sigma::cloud {

/// The form a product's name or SKU is searched and sorted by: Latin and Cyrillic letters in
/// lower case and ё as е (people type "е" for both), every other byte as it is. Done here rather
/// than with SQL LOWER(), which SQLite applies to ASCII only, so both backends find "МОЛОКО" by
/// "мол" and sort the same; the columns holding it compare bytes ({{byte_text}}).
[[nodiscard]] std::string searchKey(std::string_view text);

/// The smallest string above every string that starts with `prefix` (for `key >= prefix AND key <
/// upper`, which both backends answer from an index, unlike LIKE): the prefix and U+10FFFF.
[[nodiscard]] std::string prefixUpperBound(std::string_view prefix);

} // namespace sigma::cloud
