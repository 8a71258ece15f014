#include "store/CatalogText.h"

#include <algorithm>
#include <array>
#include <span>

namespace sigma::store {
namespace {

constexpr char32_t kInvalid = 0xFFFD;

/// Decodes one UTF-8 character at `i`, advancing it; malformed input yields U+FFFD for one byte.
char32_t decodeOne(std::string_view text, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        length = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        ++i;
        return kInvalid;
    }
    if (i + length > text.size()) {
        ++i;
        return kInvalid;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return kInvalid;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalid;
    }
    i += length;
    return cp;
}

/// Words longer than this (in letters) are not compared for typos.
constexpr std::size_t kMaxTypoCompareLength = 64;

/// Decodes into `out`; returns the number of code points, or more than out.size() when it does
/// not fit (the caller then gives up on the word).
std::size_t decodeInto(std::string_view text, std::array<char32_t, kMaxTypoCompareLength>& out)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (count == out.size()) {
            return count + 1;
        }
        out[count++] = decodeOne(text, i);
    }
    return count;
}

/// Whether a and b differ by at most one edit (one letter deleted, inserted or replaced, or two
/// neighbours swapped): the distance-1 case of optimal string alignment, in one pass.
bool withinOneEdit(std::u32string_view a, std::u32string_view b)
{
    if (a.size() > b.size()) {
        std::swap(a, b);
    }
    if (b.size() - a.size() > 1) {
        return false;
    }
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) {
        ++i;
    }
    if (i == a.size()) {
        return true; // equal, or b has one letter more at the end
    }
    if (a.size() == b.size()) {
        if (a.substr(i + 1) == b.substr(i + 1)) {
            return true; // one letter replaced
        }
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1); // one letter inserted
}

std::u32string decode(std::string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        out.push_back(decodeOne(text, i));
    }
    return out;
}

void append(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size() * 2);
    for (char32_t cp : text) {
        append(out, cp);
    }
    return out;
}

/// Latin-1 letters U+00E0-U+00FF without their accents ('_' where the letter has no base).
constexpr std::string_view kLatin1Base = "aaaaaa_ceeeeiiiidnooooo_ouuuuy_y";

/// Marks a code point that is dropped without separating words (combining accents).
constexpr char32_t kDropped = 0xFFFFFFFF;

/// The normal form of one code point, 0 for a separator, kDropped for nothing.
char32_t foldChar(char32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') {
            return cp + ('a' - 'A');
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            return cp;
        }
        return 0;
    }
    if (cp == 0x401 || cp == 0x451) {
        return 0x435; // Ё, ё -> е
    }
    if (cp >= 0x410 && cp <= 0x42F) {
        return cp + 0x20;
    }
    if (cp >= 0x430 && cp <= 0x45F) {
        return cp;
    }
    if (cp >= 0x400 && cp <= 0x40F) {
        return cp + 0x50;
    }
    if (cp >= 0x460 && cp <= 0x4FF) {
        return (cp % 2 == 0) ? cp + 1 : cp; // the rest of Cyrillic pairs upper/lower as even/odd
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
        if (cp == 0xD7 || cp == 0xF7) {
            return 0; // × ÷
        }
        if (cp == 0xDF) {
            return cp; // ß
        }
        const char32_t lower = cp <= 0xDE ? cp + 0x20 : cp;
        const char base = kLatin1Base[lower - 0xE0];
        return base != '_' ? static_cast<char32_t>(base) : lower;
    }
    if (cp >= 0x300 && cp <= 0x36F) {
        return kDropped; // a decomposed "é" is "e" + U+0301: the same word as the composed one
    }
    // Latin-1 punctuation (no-break space, «», °, ±), general punctuation (dashes, quotes, …),
    // currency (₽), letterlike symbols (№, ™), arrows, shapes, the BOM, private use, emoji: all
    // separators, as SQLite's unicode61 tokenizer treats them.
    if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x2BFF) || cp == 0x3000 || (cp >= 0xD800 && cp <= 0xF8FF) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || cp >= 0x1F000 || cp == kInvalid) {
        return 0;
    }
    return cp;
}

bool isLatinLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// QWERTY key -> the Russian letter on the same key of ЙЦУКЕН (both cases of letter keys, and the
/// shifted punctuation keys), 0 when the key has none.
char32_t russianOnKey(char key)
{
    static constexpr std::string_view kKeys = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`{}:\"<>~";
    static constexpr std::u32string_view kRussian = U"йцукенгшщзхъфывапролджэячсмитьбюёхъжэбюё";
    const char lower = (key >= 'A' && key <= 'Z') ? static_cast<char>(key - 'A' + 'a') : key;
    const auto at = kKeys.find(lower);
    return at == std::string_view::npos ? 0 : kRussian[at];
}

bool isPunctuationKey(char key)
{
    return !isLatinLetter(key) && russianOnKey(key) != 0;
}

/// Russian letter (either case) -> the QWERTY key it sits on, 0 for other characters.
char latinOnKey(char32_t cp)
{
    static constexpr std::u32string_view kRussian = U"йцукенгшщзхъфывапролджэячсмитьбюё";
    static constexpr std::string_view kKeys = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
    if (cp >= 0x410 && cp <= 0x42F) {
        cp += 0x20;
    } else if (cp == 0x401) {
        cp = 0x451;
    }
    const auto at = kRussian.find(cp);
    return at == std::u32string_view::npos ? '\0' : kKeys[at];
}

enum class Script { None = 1, Russian, Latin };

Script scriptOf(std::u32string_view word)
{
    const bool russian = std::all_of(word.begin(), word.end(), [](char32_t c) { return c >= 0x430 && c <= 0x44F; });
    if (russian) {
        return Script::Russian;
    }
    const bool latin = std::all_of(word.begin(), word.end(), [](char32_t c) { return c >= 'a' && c <= 'z'; });
    return latin ? Script::Latin : Script::None;
}

int distance(std::u32string_view a, std::u32string_view b, int limit)
{
    const auto n = a.size();
    const auto m = b.size();
    const int lengthGap = static_cast<int>(n > m ? n - m : m - n);
    if (lengthGap > limit) {
        return limit + 1;
    }
    // Three rows of the dynamic programme: the previous two (for swaps) and the current one.
    std::vector<int> before(m + 1);
    std::vector<int> previous(m + 1);
    std::vector<int> current(m + 1);
    for (std::size_t j = 0; j <= m; ++j) {
        previous[j] = static_cast<int>(j);
    }
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int rowMin = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int value = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                value = std::min(value, before[j - 2] + 1);
            }
            current[j] = value;
            rowMin = std::min(rowMin, value);
        }
        if (rowMin > limit) {
            return limit + 1;
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

} // namespace

std::string normalizeSearchText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t folded = foldChar(decodeOne(text, i));
        if (folded == kDropped) {
            continue;
        }
        if (folded == 0) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        append(out, folded);
    }
    return out;
}

std::size_t firstInvalidUtf8(std::string_view text)
{
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        if (decodeOne(text, i) == kInvalid && !(i - start == 3 && text.substr(start, 3) == "\xEF\xBF\xBD")) {
            return start;
        }
    }
    return std::string_view::npos;
}

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = decodeOne(text, i);
        if (cp == kInvalid) {
            append(out, kInvalid);
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

std::vector<std::string> searchWords(std::string_view normalized)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < normalized.size()) {
        auto end = normalized.find(' ', start);
        if (end == std::string_view::npos) {
            end = normalized.size();
        }
        if (end > start) {
            words.emplace_back(normalized.substr(start, end - start));
        }
        start = end + 1;
    }
    return words;
}

std::string latinLayoutToCyrillic(std::string_view text)
{
    std::string out;
    out.reserve(text.size() * 2);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char32_t russian = russianOnKey(c);
        bool convert = russian != 0;
        if (convert && isPunctuationKey(c)) {
            // "<fnjy" (Батон) converts, "3,5" and "молоко, кефир" keep their punctuation.
            const bool letterBefore = i > 0 && isLatinLetter(text[i - 1]);
            const bool letterAfter = i + 1 < text.size() && isLatinLetter(text[i + 1]);
            convert = letterBefore || letterAfter;
        }
        if (convert) {
            append(out, russian);
        } else {
            out += c;
        }
    }
    return out;
}

std::string cyrillicLayoutToLatin(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = decodeOne(text, i);
        if (const char key = latinOnKey(cp); key != '\0') {
            out += key;
        } else {
            out.append(text.substr(start, i - start));
        }
    }
    return out;
}

std::vector<std::string> oneEditVariants(std::string_view word)
{
    const std::u32string w = decode(word);
    const Script script = scriptOf(w);
    if (w.empty() || script == Script::None) {
        return {};
    }
    std::u32string alphabet;
    if (script == Script::Russian) {
        for (char32_t c = 0x430; c <= 0x44F; ++c) {
            alphabet.push_back(c);
        }
    } else {
        for (char32_t c = 'a'; c <= 'z'; ++c) {
            alphabet.push_back(c);
        }
    }
    std::vector<std::u32string> variants;
    variants.reserve(w.size() * 2 * alphabet.size() + 2 * w.size() + 1);
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w.size() > 1) {
            variants.push_back(w.substr(0, i) + w.substr(i + 1)); // deletion
        }
        if (i + 1 < w.size() && w[i] != w[i + 1]) {
            std::u32string swapped = w;
            std::swap(swapped[i], swapped[i + 1]);
            variants.push_back(std::move(swapped));
        }
        for (char32_t c : alphabet) {
            if (c != w[i]) {
                std::u32string replaced = w;
                replaced[i] = c;
                variants.push_back(std::move(replaced));
            }
        }
    }
    for (std::size_t i = 0; i <= w.size(); ++i) {
        for (char32_t c : alphabet) {
            std::u32string inserted = w;
            inserted.insert(inserted.begin() + static_cast<std::ptrdiff_t>(i), c);
            variants.push_back(std::move(inserted));
        }
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
    std::vector<std::string> out;
    out.reserve(variants.size());
    for (const auto& v : variants) {
        if (v != w) {
            out.push_back(encode(v));
        }
    }
    return out;
}

int editDistance(std::string_view a, std::string_view b, int limit)
{
    return distance(decode(a), decode(b), limit);
}

WordMatch matchWord(std::string_view queryWord, std::string_view nameWord, bool allowTypos)
{
    if (queryWord == nameWord) {
        return WordMatch::Exact;
    }
    if (nameWord.substr(0, queryWord.size()) == queryWord) {
        return WordMatch::Prefix;
    }
    if (!allowTypos) {
        return WordMatch::None;
    }
    // Ranking calls this for every word of up to a thousand candidates: no allocations.
    std::array<char32_t, kMaxTypoCompareLength> qBuffer;
    std::array<char32_t, kMaxTypoCompareLength> nBuffer;
    const std::size_t qLength = decodeInto(queryWord, qBuffer);
    const std::size_t nLength = decodeInto(nameWord, nBuffer);
    if (qLength < kMinTypoWordLength || qLength > qBuffer.size() || nLength > nBuffer.size()) {
        return WordMatch::None;
    }
    const std::u32string_view q(qBuffer.data(), qLength);
    const std::u32string_view n(nBuffer.data(), nLength);
    if (withinOneEdit(q, n)) {
        return WordMatch::Typo;
    }
    // The query may be the start of a longer word, typed with a typo: compare with the name
    // word's starts that are one letter shorter, as long, or one longer.
    for (std::size_t length = qLength - 1; length <= qLength + 1 && length < nLength; ++length) {
        if (withinOneEdit(q, n.substr(0, length))) {
            return WordMatch::Typo;
        }
    }
    return WordMatch::None;
}

double matchQuality(const std::vector<std::string>& queryWords, std::string_view productText, bool allowTypos)
{
    if (queryWords.empty()) {
        return 0.0;
    }
    // Views into the text: ranking runs for every candidate, so it does not copy the words.
    std::array<std::string_view, 64> wordBuffer;
    std::size_t wordCount = 0;
    for (std::size_t start = 0; start < productText.size() && wordCount < wordBuffer.size();) {
        auto end = productText.find(' ', start);
        if (end == std::string_view::npos) {
            end = productText.size();
        }
        if (end > start) {
            wordBuffer[wordCount++] = productText.substr(start, end - start);
        }
        start = end + 1;
    }
    const std::span<const std::string_view> words(wordBuffer.data(), wordCount);
    double total = 0.0;
    bool firstWordLeads = false;
    for (std::size_t qi = 0; qi < queryWords.size(); ++qi) {
        const std::string& q = queryWords[qi];
        double best = 0.0;
        std::size_t bestAt = words.size();
        for (std::size_t wi = 0; wi < words.size(); ++wi) {
            double score = 0.0;
            switch (matchWord(q, words[wi], allowTypos)) {
            case WordMatch::Exact:
                score = 1.0;
                break;
            case WordMatch::Prefix:
                score = 0.75 + 0.2 * static_cast<double>(q.size()) / static_cast<double>(words[wi].size());
                break;
            case WordMatch::Typo:
                score = words[wi].size() == q.size() ? 0.5 : 0.4;
                break;
            case WordMatch::None:
                break;
            }
            if (score > best) {
                best = score;
                bestAt = wi;
            }
            if (best >= 1.0) {
                break;
            }
        }
        total += best;
        if (qi == 0 && bestAt == 0) {
            firstWordLeads = true;
        }
    }
    double quality = 0.8 * total / static_cast<double>(queryWords.size());
    if (firstWordLeads) {
        quality += 0.12;
    }
    // Fewer words: more specific, and what a cashier scanning a list expects first.
    quality += 0.07 / static_cast<double>(std::max<std::size_t>(words.size(), 1));
    return std::min(quality, 0.999);
}

} // namespace sigma::store
