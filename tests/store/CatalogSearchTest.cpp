#include "core/ErrorCodes.h"
#include "store/CatalogFixture.h"
#include "store/CatalogRepository.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sigma::store {
namespace {

class CatalogSearchTest : public test::CatalogFixture {
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        m_milk = add(product("Молоко Простоквашино 3,2% 1 л", 8990, "MLK-001", {"4601234567893"})).id;
        m_milkVillage = add(product("Молоко Домик в деревне 2,5% 930 мл", 9490, "MLK-002")).id;
        add(product("Кефир Простоквашино 1% 930 г", 7990, "KF-001"));
        m_hedgehog = add(product("Ёжик в тумане печенье 200 г", 5990)).id;
        add(product("Ежевика свежая 125 г", 19990));
        add(product("Сметана Весёлый молочник 20%", 10990));
        m_pringles = add(product("Pringles чипсы сметана и лук 165 г", 24990)).id;
        m_loaf = add(product("Батон нарезной 400 г", 4990)).id;
        add(product("Хлеб Бородинский", 5990));
        add(product("Молоковоз игрушечный", 59990));
        add(product("Набор MLK 001 подарочный", 99900));
        auto apples = product("Яблоки Голден весовые", 14990);
        apples.weighed = true;
        apples.unit = core::MeasureUnit::Kilogram;
        apples.plu = 123;
        m_apples = add(apples).id;
    }

    std::vector<CatalogSearchHit> search(const std::string& text, int limit = 20)
    {
        auto hits = repo().search(text, limit);
        EXPECT_TRUE(hits.ok()) << "'" << text << "': " << hits.error().message;
        return hits.ok() ? *hits : std::vector<CatalogSearchHit>();
    }

    static std::vector<std::string> names(const std::vector<CatalogSearchHit>& hits)
    {
        std::vector<std::string> out;
        for (const auto& hit : hits) {
            out.push_back(hit.product.name);
        }
        return out;
    }

    std::string m_milk;
    std::string m_milkVillage;
    std::string m_hedgehog;
    std::string m_pringles;
    std::string m_loaf;
    std::string m_apples;
};

TEST_F(CatalogSearchTest, PrefixFindsWordsStartingWithIt)
{
    const auto hits = search("мол");
    ASSERT_GE(hits.size(), 3u);
    for (const auto& hit : hits) {
        EXPECT_EQ(hit.match, CatalogMatch::Name) << hit.product.name;
    }
    // Names that start with the word come before "Сметана Весёлый молочник".
    EXPECT_EQ(hits[0].product.name.rfind("Молоко", 0), 0u) << names(hits)[0];
    EXPECT_EQ(names(hits).back(), "Сметана Весёлый молочник 20%");
}

TEST_F(CatalogSearchTest, EveryWordMustMatch)
{
    const auto hits = search("мол прост");
    ASSERT_EQ(hits.size(), 1u) << ::testing::PrintToString(names(hits));
    EXPECT_EQ(hits[0].product.id, m_milk);
    ASSERT_EQ(search("молоко 930").size(), 1u);
    EXPECT_EQ(search("молоко 930")[0].product.id, m_milkVillage);
}

TEST_F(CatalogSearchTest, WholeWordRanksAboveLongerWord)
{
    const auto hits = search("молоко");
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_NE(hits[0].product.name, "Молоковоз игрушечный");
    EXPECT_NE(hits[1].product.name, "Молоковоз игрушечный");
    EXPECT_EQ(hits[2].product.name, "Молоковоз игрушечный");
    EXPECT_GT(hits[1].score, hits[2].score);
}

TEST_F(CatalogSearchTest, OneTypoIsForgiven)
{
    for (const std::string typo : {"малоко", "молако", "молоко", "млоко", "моллоко", "омлоко", "МАЛОКО"}) {
        const auto hits = search(typo);
        ASSERT_FALSE(hits.empty()) << typo;
        EXPECT_EQ(hits[0].product.name.rfind("Молоко", 0), 0u) << typo << " -> " << hits[0].product.name;
    }
    const auto hits = search("малоко");
    EXPECT_EQ(hits[0].match, CatalogMatch::Typo);
    // With a typo in one word and a prefix in the other.
    const auto two = search("малоко прост");
    ASSERT_FALSE(two.empty());
    EXPECT_EQ(two[0].product.id, m_milk);
    // Two typos in one word are not one typo.
    EXPECT_TRUE(search("малака").empty());
}

TEST_F(CatalogSearchTest, YoAndYeAreTheSameLetter)
{
    for (const std::string query : {"ёжик", "ежик", "ЁЖИК", "ЕЖИК", "Ёжик в тумане"}) {
        const auto hits = search(query);
        ASSERT_FALSE(hits.empty()) << query;
        EXPECT_EQ(hits[0].product.id, m_hedgehog) << query;
        EXPECT_EQ(hits[0].match, CatalogMatch::Name) << query;
    }
    const auto blackberry = search("ёжевика");
    ASSERT_EQ(blackberry.size(), 1u);
    EXPECT_EQ(blackberry[0].product.name, "Ежевика свежая 125 г");
    EXPECT_EQ(search("веселый")[0].product.name, "Сметана Весёлый молочник 20%");
}

TEST_F(CatalogSearchTest, WrongKeyboardLayoutIsRead)
{
    const auto milk = search("vjkjrj");
    ASSERT_FALSE(milk.empty());
    EXPECT_EQ(milk[0].product.name.rfind("Молоко", 0), 0u);
    EXPECT_EQ(milk[0].match, CatalogMatch::Layout);

    const auto loaf = search("<fnjy");
    ASSERT_FALSE(loaf.empty());
    EXPECT_EQ(loaf[0].product.id, m_loaf);

    const auto pringles = search("зкштпдуы"); // "pringles" typed with the Russian layout on
    ASSERT_FALSE(pringles.empty());
    EXPECT_EQ(pringles[0].product.id, m_pringles);

    const auto twoWords = search("vjkjrj ghjcn");
    ASSERT_FALSE(twoWords.empty());
    EXPECT_EQ(twoWords[0].product.id, m_milk);
}

TEST_F(CatalogSearchTest, ExactCodesComeFirst)
{
    const auto bySku = search("mlk-001");
    ASSERT_GE(bySku.size(), 2u);
    EXPECT_EQ(bySku[0].product.id, m_milk);
    EXPECT_EQ(bySku[0].match, CatalogMatch::Sku);
    EXPECT_EQ(bySku[1].product.name, "Набор MLK 001 подарочный"); // its words match, ranked lower
    EXPECT_GT(bySku[0].score, bySku[1].score);

    const auto byBarcode = search("4601234567893");
    ASSERT_FALSE(byBarcode.empty());
    EXPECT_EQ(byBarcode[0].product.id, m_milk);
    EXPECT_EQ(byBarcode[0].match, CatalogMatch::Barcode);

    const auto byPrefix = search("460123");
    ASSERT_EQ(byPrefix.size(), 1u);
    EXPECT_EQ(byPrefix[0].product.id, m_milk);
    EXPECT_EQ(byPrefix[0].match, CatalogMatch::BarcodePrefix);

    const auto byPlu = search("123");
    ASSERT_FALSE(byPlu.empty());
    EXPECT_EQ(byPlu[0].product.id, m_apples);
    EXPECT_EQ(byPlu[0].match, CatalogMatch::Plu);
}

TEST_F(CatalogSearchTest, LimitIsRespectedAndClamped)
{
    EXPECT_EQ(search("г", 2).size(), 2u);
    EXPECT_EQ(search("г", 0).size(), 1u);
    EXPECT_LE(search("г", 100000).size(), static_cast<std::size_t>(CatalogRepository::kMaxSearchLimit));
}

TEST_F(CatalogSearchTest, AnyTextIsAQueryNeverAnError)
{
    std::string veryLong;
    for (int i = 0; i < 5000; ++i) {
        veryLong += "молоко ";
    }
    const std::vector<std::string> hostile = {
        "",
        "   ",
        "\t\r\n",
        veryLong,
        std::string(100000, 'x'),
        "'; DROP TABLE products; --",
        "\" OR 1=1 --",
        "%",
        "_",
        "\\",
        "\"",
        "\"молоко",
        "молоко\"",
        "\"\"\"",
        "*",
        "мол*",
        "**",
        "NEAR",
        "NEAR(молоко кефир)",
        "NEAR(молоко кефир, 2)",
        "молоко NEAR кефир",
        "-молоко",
        "- молоко",
        "^молоко",
        "^",
        "молоко OR кефир",
        "молоко AND",
        "AND",
        "OR",
        "NOT",
        "молоко NOT кефир",
        "(",
        ")",
        "(молоко",
        "{search_text}: молоко",
        "search_text:молоко",
        ":",
        "+",
        "молоко + кефир",
        std::string("мол\0око", 13),
        "\xFF\xFE\xFD",
        "\xD0",     // a lone lead byte of a Cyrillic letter
        "моло\xD0", // cut in the middle of a character
        "😀🥛",
        "молоко😀",
        "e\xCC\x81",    // e + combining acute
        "\xE2\x80\x94", // an em dash alone
        "№ 5",
        "ъ",
        "1",
        "0",
        "0000000000000",
        "99999999999999999999999",
        "4601234567890", // bad check digit: not a barcode, still a query
    };
    for (const auto& query : hostile) {
        auto hits = repo().search(query, 20);
        ASSERT_TRUE(hits.ok()) << "query '" << query << "': " << hits.error().message;
        EXPECT_LE(hits->size(), 20u);
    }
    EXPECT_TRUE(search("").empty());
    EXPECT_TRUE(search("  \t ").empty());
    EXPECT_TRUE(search("\"").empty());
    // Operators are plain characters: "мол*" is the word "мол", "-молоко" the word "молоко".
    EXPECT_FALSE(search("мол*").empty());
    EXPECT_EQ(search("-молоко").size(), search("молоко").size());
    EXPECT_EQ(search("NEAR(молоко кефир)").size(), 0u);
    EXPECT_EQ(search("молоко OR кефир").size(), 0u); // "or" is a word no product has
    EXPECT_EQ(*repo().productCount(), 12);
}

TEST_F(CatalogSearchTest, ResultsCarryTheWholeProduct)
{
    const auto hits = search("простоквашино молоко");
    ASSERT_EQ(hits.size(), 1u);
    const auto& p = hits[0].product;
    EXPECT_EQ(p.id, m_milk);
    EXPECT_EQ(p.sku, "MLK-001");
    EXPECT_EQ(p.price.kopecks(), 8990);
    EXPECT_EQ(p.barcodes, std::vector<std::string>{"4601234567893"});
    EXPECT_EQ(catalogMatchName(hits[0].match), "name");
}

} // namespace
} // namespace sigma::store
