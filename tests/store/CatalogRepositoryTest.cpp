#include "store/CatalogRepository.h"

#include "core/ErrorCodes.h"
#include "store/CatalogFixture.h"
#include "store/CatalogText.h"

#include <gtest/gtest.h>

#include <map>

namespace sigma::store {
namespace {

namespace errc = core::errc;

class CatalogRepositoryTest : public test::CatalogFixture {
protected:
    /// The search index must hold exactly the words of the active products: compare FTS5's
    /// vocabulary (term -> number of rows) with what the products table says it should be.
    ::testing::AssertionResult indexMatchesProducts()
    {
        auto& connection = m_database->connection();
        if (auto created = connection.executeScript("CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_vocab "
                                                    "USING fts5vocab(main, catalog_fts, row)");
            !created) {
            return ::testing::AssertionFailure() << created.error().message;
        }
        auto vocab = connection.query("SELECT term, doc FROM temp.catalog_vocab");
        auto texts = connection.query("SELECT search_text FROM products WHERE active = 1");
        if (!vocab || !texts) {
            return ::testing::AssertionFailure() << "cannot read the index or the products";
        }
        std::map<std::string, std::int64_t> indexed;
        for (const auto& row : *vocab) {
            indexed[row.text(0)] = row.int64(1);
        }
        std::map<std::string, std::int64_t> expected;
        for (const auto& row : *texts) {
            auto words = searchWords(row.text(0));
            std::sort(words.begin(), words.end());
            words.erase(std::unique(words.begin(), words.end()), words.end());
            for (const auto& word : words) {
                ++expected[word];
            }
        }
        if (indexed != expected) {
            return ::testing::AssertionFailure() << "index has " << ::testing::PrintToString(indexed)
                                                 << ", products say " << ::testing::PrintToString(expected);
        }
        return ::testing::AssertionSuccess();
    }
};

TEST_F(CatalogRepositoryTest, UpsertInsertsThenUpdatesAndReplacesBarcodes)
{
    auto milk = product("Молоко 3,2%", 8990, "MLK-1", {"4601234567893", "4006381333931"});
    auto inserted = repo().upsertProduct(milk);
    ASSERT_TRUE(inserted.ok()) << inserted.error().message;
    EXPECT_TRUE(*inserted);

    auto found = repo().findById(milk.id);
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(*found);
    EXPECT_EQ((*found)->name, "Молоко 3,2%");
    EXPECT_EQ((*found)->price.kopecks(), 8990);
    EXPECT_EQ((*found)->barcodes, (std::vector<std::string>{"4601234567893", "4006381333931"}));

    milk.name = "Молоко 2,5%";
    milk.price = core::Money::fromKopecks(7990);
    milk.barcodes = {"73513537"};
    auto updated = repo().upsertProduct(milk);
    ASSERT_TRUE(updated.ok());
    EXPECT_FALSE(*updated);

    found = repo().findById(milk.id);
    EXPECT_EQ((*found)->name, "Молоко 2,5%");
    EXPECT_EQ((*found)->barcodes, std::vector<std::string>{"73513537"});
    EXPECT_FALSE(*repo().findByBarcode("4601234567893"));
    ASSERT_TRUE(*repo().findByBarcode("73513537"));
    EXPECT_EQ(*repo().productCount(), 1);
    EXPECT_TRUE(indexMatchesProducts());
}

TEST_F(CatalogRepositoryTest, FieldsRoundTrip)
{
    auto categoryId = newId();
    ASSERT_TRUE(repo().upsertCategory({categoryId, "Бакалея", "", 2, 1}).ok());
    auto p = product("Сахар весовой", 9900, "SUG");
    p.unit = core::MeasureUnit::Kilogram;
    p.vat = core::VatRate::Vat10;
    p.paymentObject = core::PaymentObject::Excise;
    p.weighed = true;
    p.plu = 42;
    p.categoryId = categoryId;
    p.image = "sugar.png";
    add(p);
    auto found = repo().findById(p.id);
    ASSERT_TRUE(found.ok() && *found);
    const auto& f = **found;
    EXPECT_EQ(f.unit, core::MeasureUnit::Kilogram);
    EXPECT_EQ(f.vat, core::VatRate::Vat10);
    EXPECT_EQ(f.paymentObject, core::PaymentObject::Excise);
    EXPECT_TRUE(f.weighed);
    EXPECT_EQ(f.plu, 42);
    EXPECT_EQ(f.categoryId, categoryId);
    EXPECT_EQ(f.image, "sugar.png");
    EXPECT_TRUE(f.active);
    EXPECT_EQ(f.updatedAtUs, p.updatedAtUs);
}

TEST_F(CatalogRepositoryTest, FindersBySkuBarcodeAndPlu)
{
    auto a = product("Кефир", 6990, "Kef-01", {"036000291452"}); // UPC-A, kept as its EAN-13
    a.plu = 7;
    a.unit = core::MeasureUnit::Kilogram;
    a.weighed = true;
    add(a);

    auto bySku = repo().findBySku("KEF-01"); // SKUs compare without case
    ASSERT_TRUE(bySku.ok() && *bySku);
    EXPECT_EQ((*bySku)->id, a.id);
    EXPECT_FALSE(*repo().findBySku(""));
    EXPECT_FALSE(*repo().findBySku("nope"));

    auto byBarcode = repo().findByBarcode("0036000291452");
    ASSERT_TRUE(byBarcode.ok() && *byBarcode);
    EXPECT_EQ((*byBarcode)->barcodes, std::vector<std::string>{"0036000291452"});
    EXPECT_FALSE(*repo().findByBarcode("036000291452")); // finders take index keys

    auto byPlu = repo().findByPlu(7);
    ASSERT_TRUE(byPlu.ok() && *byPlu);
    EXPECT_EQ((*byPlu)->id, a.id);
    EXPECT_FALSE(*repo().findByPlu(8));
    EXPECT_FALSE(*repo().findById(newId()));
}

TEST_F(CatalogRepositoryTest, BarcodeAndPluMoveToTheProductWrittenLast)
{
    auto first = product("Старый товар", 100, "", {"4601234567893"});
    first.plu = 5;
    add(first);
    auto second = product("Новый товар", 200, "", {"4601234567893"});
    second.plu = 5;
    add(second);

    EXPECT_EQ((*repo().findByBarcode("4601234567893"))->id, second.id);
    EXPECT_EQ((*repo().findByPlu(5))->id, second.id);
    auto old = *repo().findById(first.id);
    EXPECT_TRUE(old->barcodes.empty());
    EXPECT_FALSE(old->plu);
}

TEST_F(CatalogRepositoryTest, TakenSkuIsRefused)
{
    add(product("Первый", 100, "A-1"));
    auto clash = repo().upsertProduct(product("Второй", 100, "a-1"));
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, errc::kDuplicateSku);
    EXPECT_EQ(clash.error().field, "sku");
    EXPECT_NE(clash.error().message.find("Первый"), std::string::npos);
    // Empty SKUs are not identities: any number of products may have none.
    add(product("Без артикула 1", 100));
    add(product("Без артикула 2", 100));
}

TEST_F(CatalogRepositoryTest, InvalidProductsAreRefusedWithTheField)
{
    const auto expectError = [&](store::CatalogProduct p, int code, const std::string& field) {
        auto result = repo().upsertProduct(p);
        ASSERT_FALSE(result.ok()) << p.name;
        EXPECT_EQ(result.error().code, code) << result.error().message;
        EXPECT_EQ(result.error().field, field) << result.error().message;
    };
    expectError(product("  ", 100), errc::kBadProduct, "name");
    std::string longName;
    for (int i = 0; i < 129; ++i) {
        longName += "ж";
    }
    expectError(product(longName, 100), errc::kBadProduct, "name");
    EXPECT_TRUE(repo().upsertProduct(product(longName.substr(0, 128 * 2), 100)).ok()); // 128 letters fit
    expectError(product("Имя\nс переводом строки", 100), errc::kBadProduct, "name");
    expectError(product("Битый \xFF UTF-8", 100), errc::kBadProduct, "name");
    expectError(product("Минус", -1), errc::kBadProduct, "price");
    expectError(product("Дорого", 10'000'000'000), errc::kMoneyOutOfRange, "price");
    auto weighedPieces = product("Весовой в штуках", 100);
    weighedPieces.weighed = true;
    expectError(weighedPieces, errc::kBadProduct, "unit");
    auto badId = product("Плохой id", 100);
    badId.id = "not-a-uuid";
    expectError(badId, errc::kBadUuid, "id");
    expectError(product("Плохой штрихкод", 100, "", {"4601234567893", "4601234567890"}), errc::kBadCheckDigit,
                "barcodes[1]");
    auto badPlu = product("Плохой PLU", 100);
    badPlu.plu = 0;
    expectError(badPlu, errc::kBadProduct, "plu");
    auto noCategory = product("Без категории", 100);
    noCategory.categoryId = newId();
    expectError(noCategory, errc::kUnknownCategory, "categoryId");
    EXPECT_EQ(*repo().productCount(), 1);
}

TEST_F(CatalogRepositoryTest, DeactivatedProductsLeaveTheSearchButNotTheFinders)
{
    auto p = add(product("Творог 9%", 15990, "TV-9", {"4601234567893"}));
    ASSERT_EQ(repo().search("творог")->size(), 1u);

    ASSERT_TRUE(repo().setActive(p.id, false, 5).ok());
    EXPECT_TRUE(repo().search("творог")->empty());
    EXPECT_TRUE(repo().search("4601234567893")->empty());
    EXPECT_TRUE(repo().search("TV-9")->empty());
    auto found = repo().findById(p.id);
    ASSERT_TRUE(*found);
    EXPECT_FALSE((*found)->active);
    EXPECT_EQ((*found)->updatedAtUs, 5);
    EXPECT_TRUE(indexMatchesProducts());

    ASSERT_TRUE(repo().setActive(p.id, true, 6).ok());
    EXPECT_EQ(repo().search("творог")->size(), 1u);
    EXPECT_TRUE(indexMatchesProducts());

    EXPECT_EQ(repo().setActive(newId(), false, 7).error().code, errc::kProductNotFound);
}

TEST_F(CatalogRepositoryTest, DeleteRemovesBarcodesAndIndexEntries)
{
    auto p = add(product("Сметана 20%", 9990, "", {"4601234567893"}));
    add(product("Сметана 15%", 8990));
    ASSERT_TRUE(repo().deleteProduct(p.id).ok());
    EXPECT_FALSE(*repo().findById(p.id));
    EXPECT_FALSE(*repo().findByBarcode("4601234567893"));
    EXPECT_EQ(repo().search("сметана")->size(), 1u);
    EXPECT_EQ(repo().deleteProduct(p.id).error().code, errc::kProductNotFound);
    EXPECT_TRUE(indexMatchesProducts());
}

TEST_F(CatalogRepositoryTest, IndexStaysInStepThroughManyChanges)
{
    std::vector<store::CatalogProduct> products;
    for (int i = 0; i < 30; ++i) {
        products.push_back(add(product("Товар номер " + std::to_string(i) + (i % 2 ? " красный" : " синий"), 100)));
    }
    for (int i = 0; i < 30; i += 3) {
        products[i].name += " обновлённый";
        add(products[i]);
    }
    for (int i = 1; i < 30; i += 4) {
        ASSERT_TRUE(repo().setActive(products[i].id, false, 1).ok());
    }
    for (int i = 2; i < 30; i += 5) {
        ASSERT_TRUE(repo().deleteProduct(products[i].id).ok());
    }
    // Re-upserting an inactive product (sync resending it) keeps the index right as well.
    products[1].active = false;
    products[1].name = "Переименован неактивный";
    add(products[1]);
    EXPECT_TRUE(indexMatchesProducts());
}

TEST_F(CatalogRepositoryTest, RebuildRepairsAnIndexChangedBehindItsBack)
{
    auto p = add(product("Чай чёрный", 9900));
    add(product("Кофе", 19900));
    ASSERT_TRUE(
        m_database->connection().execute("UPDATE products SET search_text = 'чай зелёный' WHERE id = $1", {p.id}).ok());
    EXPECT_FALSE(indexMatchesProducts()); // the check can fail
    ASSERT_TRUE(repo().rebuildSearchIndex().ok());
    EXPECT_TRUE(indexMatchesProducts());
    ASSERT_TRUE(repo().optimizeSearchIndex().ok());
    EXPECT_TRUE(indexMatchesProducts());
}

TEST_F(CatalogRepositoryTest, BulkUpsertIsAllOrNothing)
{
    std::vector<store::CatalogProduct> batch = {product("Один", 100, "B1"), product("Два", 200, "B2"),
                                                product("", 300, "B3")};
    auto failed = repo().upsertProducts(batch);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().field, "products[2].name");
    EXPECT_EQ(*repo().productCount(), 0);

    batch.pop_back();
    auto counts = repo().upsertProducts(batch);
    ASSERT_TRUE(counts.ok()) << counts.error().message;
    EXPECT_EQ(counts->inserted, 2);
    EXPECT_EQ(counts->updated, 0);
    counts = repo().upsertProducts(batch);
    EXPECT_EQ(counts->inserted, 0);
    EXPECT_EQ(counts->updated, 2);
}

TEST_F(CatalogRepositoryTest, CategoriesAndPagedTiles)
{
    const auto dairy = newId();
    const auto bakery = newId();
    ASSERT_TRUE(repo().upsertCategory({dairy, "Молочное", "", 1, 0}).ok());
    ASSERT_TRUE(repo().upsertCategory({bakery, "Хлеб", "", 0, 0}).ok());
    const auto cheese = newId();
    ASSERT_TRUE(repo().upsertCategory({cheese, "Сыры", dairy, 0, 0}).ok());
    EXPECT_EQ(repo().upsertCategory({newId(), "Сирота", newId(), 0, 0}).error().code, errc::kUnknownCategory);
    EXPECT_EQ(repo().upsertCategory({newId(), " ", "", 0, 0}).error().code, errc::kBadProduct);

    auto categories = repo().categories();
    ASSERT_TRUE(categories.ok());
    ASSERT_EQ(categories->size(), 3u);
    EXPECT_EQ((*categories)[0].name, "Хлеб"); // top level by sort
    EXPECT_EQ((*categories)[1].name, "Молочное");
    EXPECT_EQ((*categories)[2].name, "Сыры");
    EXPECT_EQ((*categories)[2].parentId, dairy);

    for (const std::string name : {"Кефир", "Айран", "Молоко", "Бифидок", "Ряженка"}) {
        auto p = product(name, 100);
        p.categoryId = dairy;
        add(p);
    }
    auto hidden = product("Снежок", 100);
    hidden.categoryId = dairy;
    hidden.active = false;
    add(hidden);
    add(product("Без категории", 100));

    auto page1 = repo().listByCategory(dairy, 0, 2);
    ASSERT_TRUE(page1.ok());
    ASSERT_EQ(page1->size(), 2u);
    EXPECT_EQ((*page1)[0].name, "Айран");
    EXPECT_EQ((*page1)[1].name, "Бифидок");
    auto page3 = repo().listByCategory(dairy, 4, 2);
    ASSERT_EQ(page3->size(), 1u);
    EXPECT_EQ((*page3)[0].name, "Ряженка");
    auto uncategorised = repo().listByCategory("", 0, 10);
    ASSERT_EQ(uncategorised->size(), 1u);
    EXPECT_EQ((*uncategorised)[0].name, "Без категории");
}

TEST_F(CatalogRepositoryTest, TypoSearchSeesProductsWrittenByOthers)
{
    add(product("Кефир", 100));
    EXPECT_TRUE(repo().search("малоко")->empty()); // the repository now holds the index's words

    // Another repository (another process, as sigmactl would be) adds a product.
    CatalogRepository other(*m_database);
    ASSERT_TRUE(other.upsertProduct(product("Молоко", 100)).ok());
    auto hits = repo().search("малоко");
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].match, CatalogMatch::Typo);
}

TEST_F(CatalogRepositoryTest, WritesJoinTheCallersTransaction)
{
    auto status = m_database->transaction([&]() -> core::Status {
        SIGMA_TRY(repo().upsertProduct(product("В транзакции", 100)));
        return core::Error(errc::kInternal, "roll back");
    });
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(*repo().productCount(), 0);
}

} // namespace
} // namespace sigma::store
