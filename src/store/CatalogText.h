#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::store {

// Text handling of the catalog search: one normal form for what is indexed and what is typed,
// keyboard-layout repair and one-typo variants. Pure functions, no database.

/// The form names are indexed and queries are matched in: lower case (Latin and Cyrillic),
/// ё -> е (Russian text uses both spellings of the same word), Latin-1 accents dropped (café ->
/// cafe), every other character that is not a letter or digit (punctuation, symbols, control
/// characters, malformed UTF-8) turned into a space; runs of spaces folded, ends trimmed.
/// "Ёжик «Весёлый», 1,5 л" -> "ежик веселый 1 5 л" (й stays й: it is a letter of its own).
[[nodiscard]] std::string normalizeSearchText(std::string_view text);

/// The byte offset of the first malformed UTF-8 sequence in `text`, or npos when it is valid.
[[nodiscard]] std::size_t firstInvalidUtf8(std::string_view text);
/// `text` with each malformed UTF-8 byte replaced by U+FFFD, so that it may go into JSON.
[[nodiscard]] std::string validUtf8(std::string_view text);

/// The words of a normalised text.
[[nodiscard]] std::vector<std::string> searchWords(std::string_view normalized);

/// Text typed with the Latin layout active while the cashier meant Russian: each key's Russian
/// letter ("vjkjrj" -> "молоко", "<fnjy" -> "Батон"). The punctuation keys that carry Russian
/// letters (, . ; ' [ ] ` and their shifted forms) are converted only next to a letter, so "3,5"
/// keeps its comma.
[[nodiscard]] std::string latinLayoutToCyrillic(std::string_view text);
/// The other way round: Russian layout active for a Latin word ("зкштпдуы" -> "pringles").
[[nodiscard]] std::string cyrillicLayoutToLatin(std::string_view text);

/// Every word within one edit (a letter deleted, inserted, replaced, or two neighbours swapped)
/// of `word`, the word itself excluded, over the alphabet of its script (Russian а-я without ё,
/// or Latin a-z). Empty for words with digits or mixed scripts: "1,5 л" has no typo to forgive.
[[nodiscard]] std::vector<std::string> oneEditVariants(std::string_view word);

/// Edit distance with adjacent swaps counting one (optimal string alignment), between UTF-8
/// words, compared by code point. Stops early: returns `limit + 1` once it is certain to exceed
/// `limit`.
[[nodiscard]] int editDistance(std::string_view a, std::string_view b, int limit);

/// How a query word matched a word of a product's name.
enum class WordMatch {
    None = 1,
    Typo,   ///< within one edit of the word or of its start
    Prefix, ///< the name's word starts with the query word
    Exact,
};

/// The best match of `queryWord` against `nameWord`; typos are considered when `allowTypos` and
/// for query words of at least kMinTypoWordLength letters.
[[nodiscard]] WordMatch matchWord(std::string_view queryWord, std::string_view nameWord, bool allowTypos = true);

/// Query words shorter than this are not expanded into typo variants: one edit of a three-letter
/// word matches half the catalog.
inline constexpr std::size_t kMinTypoWordLength = 4;

/// How well a product's normalised text answers the query's words, in [0, 1): the mean of each
/// query word's best match (exact 1, prefix 0.75-0.95 by how much of the word was typed, typo
/// 0.4-0.5), plus a little when the first query word matches the first word of the name, and a
/// little more for shorter names (more specific). Used to order the candidates the index gives.
[[nodiscard]] double matchQuality(const std::vector<std::string>& queryWords, std::string_view productText,
                                  bool allowTypos = true);

} // namespace sigma::store
