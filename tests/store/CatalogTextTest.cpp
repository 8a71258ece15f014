#include "store/CatalogText.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sigma::store {
namespace {

TEST(CatalogText, NormalFormFoldsCaseYoAccentsAndPunctuation)
{
    EXPECT_EQ(normalizeSearchText("Ёжик «Весёлый», 1,5 л"), "ежик веселый 1 5 л");
    EXPECT_EQ(normalizeSearchText("ПРОСТОКВАШИНО Молоко"), "простоквашино молоко");
    EXPECT_EQ(normalizeSearchText("Йогурт ЙОГУРТ"), "йогурт йогурт"); // й is not и
    EXPECT_EQ(normalizeSearchText("CAFÉ Crème"), "cafe creme");
    EXPECT_EQ(normalizeSearchText("cafe\xCC\x81"), "cafe"); // decomposed accent dropped
    EXPECT_EQ(normalizeSearchText("  A-1/B_2  "), "a 1 b 2");
    EXPECT_EQ(normalizeSearchText("Сок\xC2\xA0\xE2\x80\x94 100%\xE2\x82\xBD №5"), "сок 100 5");
    EXPECT_EQ(normalizeSearchText("бад\xFF\xFEбайт"), "бад байт");
    EXPECT_EQ(normalizeSearchText("молоко😀кефир"), "молоко кефир");
    EXPECT_EQ(normalizeSearchText(""), "");
    EXPECT_EQ(normalizeSearchText("!!!"), "");
}

TEST(CatalogText, WordsOfNormalText)
{
    EXPECT_EQ(searchWords("молоко 3 2 л"), (std::vector<std::string>{"молоко", "3", "2", "л"}));
    EXPECT_TRUE(searchWords("").empty());
}

TEST(CatalogText, Utf8Checks)
{
    EXPECT_EQ(firstInvalidUtf8("молоко"), std::string_view::npos);
    EXPECT_EQ(firstInvalidUtf8("мо\xFFлоко"), 4u);
    EXPECT_EQ(firstInvalidUtf8("\xEF\xBF\xBD"), std::string_view::npos); // U+FFFD itself is fine
    EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0u);                         // overlong
    EXPECT_EQ(validUtf8("a\xFF"
                        "b"),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(CatalogText, LatinLayoutToRussian)
{
    EXPECT_EQ(latinLayoutToCyrillic("vjkjrj"), "молоко");
    EXPECT_EQ(latinLayoutToCyrillic("VJKJRJ"), "молоко");
    EXPECT_EQ(normalizeSearchText(latinLayoutToCyrillic("<fnjy")), "батон");
    EXPECT_EQ(latinLayoutToCyrillic("ghjcnjrdfibyj"), "простоквашино");
    EXPECT_EQ(latinLayoutToCyrillic("[kt,"), "хлеб");
    EXPECT_EQ(latinLayoutToCyrillic("`krf"), "ёлка");
    EXPECT_EQ(latinLayoutToCyrillic("vjkjrj 3,2%"), "молоко 3,2%"); // the comma between digits stays
}

TEST(CatalogText, RussianLayoutToLatin)
{
    EXPECT_EQ(cyrillicLayoutToLatin("зкштпдуы"), "pringles");
    EXPECT_EQ(cyrillicLayoutToLatin("ЗКШТПДУЫ 165"), "pringles 165");
    EXPECT_EQ(cyrillicLayoutToLatin("Ьфкы"), "mars");
}

TEST(CatalogText, OneEditVariants)
{
    const auto variants = oneEditVariants("мол");
    const auto has = [&](const std::string& v) {
        return std::find(variants.begin(), variants.end(), v) != variants.end();
    };
    EXPECT_TRUE(has("мал"));  // replaced
    EXPECT_TRUE(has("мо"));   // deleted
    EXPECT_TRUE(has("молл")); // inserted
    EXPECT_TRUE(has("омл"));  // swapped
    EXPECT_FALSE(has("мол")); // not itself
    EXPECT_FALSE(has("мёл")); // ё is never in normal text
    EXPECT_TRUE(std::is_sorted(variants.begin(), variants.end()));
    EXPECT_TRUE(std::adjacent_find(variants.begin(), variants.end()) == variants.end());

    EXPECT_FALSE(oneEditVariants("milk").empty());
    EXPECT_TRUE(oneEditVariants("3").empty());
    EXPECT_TRUE(oneEditVariants("a1").empty());
    EXPECT_TRUE(oneEditVariants("молmilk").empty());
    EXPECT_TRUE(oneEditVariants("").empty());
}

TEST(CatalogText, EditDistanceCountsSwapsAsOne)
{
    EXPECT_EQ(editDistance("молоко", "молоко", 2), 0);
    EXPECT_EQ(editDistance("молоко", "малоко", 2), 1);
    EXPECT_EQ(editDistance("молоко", "омлоко", 2), 1);
    EXPECT_EQ(editDistance("молоко", "млоко", 2), 1);
    EXPECT_EQ(editDistance("молоко", "малака", 5), 3);
    EXPECT_EQ(editDistance("abc", "xyz", 1), 2); // stops at limit + 1
    EXPECT_EQ(editDistance("a", "abcdef", 1), 2);
}

TEST(CatalogText, WordMatches)
{
    EXPECT_EQ(matchWord("молоко", "молоко"), WordMatch::Exact);
    EXPECT_EQ(matchWord("мол", "молоко"), WordMatch::Prefix);
    EXPECT_EQ(matchWord("малоко", "молоко"), WordMatch::Typo);
    EXPECT_EQ(matchWord("малок", "молоко"), WordMatch::Typo); // a typo in a prefix
    EXPECT_EQ(matchWord("малоко", "молоко", false), WordMatch::None);
    EXPECT_EQ(matchWord("мал", "мол"), WordMatch::None); // too short to forgive
    EXPECT_EQ(matchWord("кефир", "молоко"), WordMatch::None);
}

TEST(CatalogText, QualityPrefersWholeLeadingWordsAndShortNames)
{
    const std::vector<std::string> query = {"молоко"};
    const double exactFirst = matchQuality(query, "молоко простоквашино");
    const double exactLater = matchQuality(query, "коктейль молоко шоколад");
    const double prefix = matchQuality(query, "молоковоз");
    const double typo = matchQuality({"малоко"}, "молоко простоквашино");
    const double none = matchQuality(query, "кефир");
    EXPECT_GT(exactFirst, exactLater);
    EXPECT_GT(exactFirst, prefix);
    EXPECT_GT(prefix, typo);
    EXPECT_GT(typo, none);
    EXPECT_GT(matchQuality(query, "молоко"), exactFirst);
    EXPECT_LT(matchQuality(query, "молоко"), 1.0);
    EXPECT_EQ(matchQuality({}, "молоко"), 0.0);
}

} // namespace
} // namespace sigma::store
