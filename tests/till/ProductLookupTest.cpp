#include "till/ProductLookup.h"

#include "core/ErrorCodes.h"
#include "store/CatalogFixture.h"

#include <gtest/gtest.h>

#include <string>

namespace sigma::till {
namespace {

namespace errc = core::errc;

const std::string kGs = "\x1D";

class ProductLookupTest : public test::CatalogFixture {
protected:
    void SetUp() override
    {
        CatalogFixture::SetUp();
        m_milk = add(product("Молоко 3,2%", 8990, "MLK", {"4601234567893", "036000291452"}));
        auto apples = product("Яблоки Голден", 14990, "APL");
        apples.weighed = true;
        apples.unit = core::MeasureUnit::Kilogram;
        apples.plu = 12345;
        m_apples = add(apples);
        auto cake = product("Торт Наполеон", 0, "CAKE"); // priced by the label
        cake.plu = 123;
        m_cake = add(cake);
        m_packed = add(product("Салат фасованный", 25000, "", {"2100042000001"}));
        auto hidden = product("Снятый с продажи", 100, "OLD", {"4006381333931"});
        hidden.active = false;
        m_hidden = add(hidden);
    }

    ProductLookup lookup(core::WeightLabelFormat format = {}) { return ProductLookup(repo(), std::move(format)); }

    store::CatalogProduct m_milk;
    store::CatalogProduct m_apples;
    store::CatalogProduct m_cake;
    store::CatalogProduct m_packed;
    store::CatalogProduct m_hidden;
};

TEST_F(ProductLookupTest, Ean13AndUpcA)
{
    auto byEan = lookup().byScan("4601234567893\r\n");
    ASSERT_TRUE(byEan.ok()) << byEan.error().message;
    EXPECT_EQ(byEan->product.id, m_milk.id);
    EXPECT_EQ(byEan->barcode.kind, core::BarcodeKind::Ean13);
    EXPECT_FALSE(byEan->weight);
    EXPECT_TRUE(byEan->markingCode.empty());

    auto byUpc = lookup().byScan("036000291452");
    ASSERT_TRUE(byUpc.ok());
    EXPECT_EQ(byUpc->product.id, m_milk.id);
    EXPECT_EQ(byUpc->barcode.kind, core::BarcodeKind::UpcA);
}

TEST_F(ProductLookupTest, UnknownAndBrokenCodes)
{
    auto unknown = lookup().byScan("73513537");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, errc::kProductNotFound);
    EXPECT_EQ(unknown.error().message, "no product with barcode 73513537");

    EXPECT_EQ(lookup().byScan("4601234567890").error().code, errc::kBadCheckDigit);
    EXPECT_EQ(lookup().byScan("").error().code, errc::kEmptyBarcode);

    auto inactive = lookup().byScan("4006381333931");
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().code, errc::kProductInactive);
    EXPECT_NE(inactive.error().message.find("Снятый с продажи"), std::string::npos);
}

TEST_F(ProductLookupTest, WeightLabelCarriesTheWeight)
{
    // 20 12345 01234 9: apples, 1.234 kg
    auto found = lookup().byScan("2012345012349");
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->product.id, m_apples.id);
    EXPECT_EQ(found->barcode.kind, core::BarcodeKind::WeightLabel);
    ASSERT_TRUE(found->weight);
    EXPECT_EQ(*found->weight, core::Quantity::fromThousandths(1234));
    EXPECT_FALSE(found->labelPrice);
}

TEST_F(ProductLookupTest, WeightLabelProblems)
{
    // 20 99999 01000 ?: no product with PLU 99999
    std::string code = "209999901000";
    code += core::gtinCheckDigit(code);
    auto unknown = lookup().byScan(code);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, errc::kProductNotFound);
    EXPECT_NE(unknown.error().message.find("PLU 99999"), std::string::npos) << unknown.error().message;

    // PLU 123 is the cake, which is not weighed: a weight label for it is a set-up mistake.
    std::string cake = "200012301000";
    cake += core::gtinCheckDigit(cake);
    EXPECT_EQ(lookup().byScan(cake).error().code, errc::kNotSoldByWeight);

    std::string zero = "201234500000";
    zero += core::gtinCheckDigit(zero);
    EXPECT_EQ(lookup().byScan(zero).error().code, errc::kZeroWeightLabel);
}

TEST_F(ProductLookupTest, PriceLabelCarriesThePrice)
{
    core::WeightLabelFormat priced;
    priced.value = core::WeightLabelValue::PriceKopecks;
    std::string code = "200012345678"; // cake (PLU 123), 456.78
    code += core::gtinCheckDigit(code);
    auto found = lookup(priced).byScan(code);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->product.id, m_cake.id);
    ASSERT_TRUE(found->labelPrice);
    EXPECT_EQ(found->labelPrice->kopecks(), 45678);
    EXPECT_FALSE(found->weight);
}

TEST_F(ProductLookupTest, RegisteredInStoreCodeWinsOverPlu)
{
    auto found = lookup().byScan("2100042000001");
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->product.id, m_packed.id);
    EXPECT_FALSE(found->weight);
}

TEST_F(ProductLookupTest, MarkingCodeFindsTheGtinAndKeepsTheWholeCode)
{
    const std::string marking = "0104601234567893215Ab3Cd!xyz+12" + kGs + "91EE06" + kGs + "92c2lnbmF0dXJl";
    auto found = lookup().byScan(marking);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->product.id, m_milk.id);
    EXPECT_EQ(found->barcode.kind, core::BarcodeKind::DataMatrix);
    EXPECT_EQ(found->markingCode, marking);
    EXPECT_EQ(found->barcode.serial, "5Ab3Cd!xyz+12");

    auto missing = lookup().byScan("010000007351353721serial");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, errc::kProductNotFound);
    EXPECT_NE(missing.error().message.find("GTIN 00000073513537"), std::string::npos) << missing.error().message;
}

TEST_F(ProductLookupTest, BySkuByIdAndSearch)
{
    auto bySku = lookup().bySku("mlk");
    ASSERT_TRUE(bySku.ok());
    EXPECT_EQ(bySku->id, m_milk.id);
    EXPECT_EQ(lookup().bySku("nope").error().code, errc::kProductNotFound);
    EXPECT_EQ(lookup().bySku("OLD").error().code, errc::kProductInactive);

    auto byId = lookup().byId(m_apples.id);
    ASSERT_TRUE(byId.ok());
    EXPECT_EQ(byId->name, "Яблоки Голден");
    EXPECT_EQ(lookup().byId(newId()).error().code, errc::kProductNotFound);

    auto hits = lookup().search("ЯБЛ");
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].product.id, m_apples.id);
}

} // namespace
} // namespace sigma::till
