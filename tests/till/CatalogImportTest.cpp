#include "till/CatalogImport.h"

#include "core/ErrorCodes.h"
#include "store/CatalogFixture.h"

#include <gtest/gtest.h>

#include <string>

namespace sigma::till {
namespace {

namespace errc = core::errc;

class CatalogImportTest : public test::CatalogFixture {
protected:
    core::Result<CatalogImportReport> csv(const std::string& text) { return importer().importCsv(text); }
    core::Result<CatalogImportReport> json(const std::string& text) { return importer().importJson(text); }

    CatalogImport importer() { return CatalogImport(repo(), m_clock, m_random); }

    store::CatalogProduct bySku(const std::string& sku)
    {
        auto found = repo().findBySku(sku);
        EXPECT_TRUE(found.ok() && *found) << "no product " << sku;
        return found.ok() && *found ? **found : store::CatalogProduct();
    }

    static const CatalogImportRejection* rejectedAt(const CatalogImportReport& report, std::int64_t position)
    {
        for (const auto& r : report.rejected) {
            if (r.position == position) {
                return &r;
            }
        }
        return nullptr;
    }
};

TEST_F(CatalogImportTest, ImportsAValidSemicolonFile)
{
    const std::string file =
        "\xEF\xBB\xBF"
        "sku;name;price;barcodes;unit;vat;category;weighed;plu\r\n"
        "A-1;\"Молоко \"\"Простоквашино\"\" 3,2%\";89,90;4601234567893,4006381333931;;vat10;Молочка;0;\r\n"
        "A-2;Яблоки Голден;\"1 234,50\";;кг;vat22;Фрукты;yes;123\r\n"
        "A-3;Сыр; 1234.5 ;036000291452;;;молочка;нет;\r\n";
    auto report = csv(file);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->imported, 3);
    EXPECT_EQ(report->updated, 0);
    EXPECT_TRUE(report->rejected.empty()) << report->toJson().dump();

    const auto milk = bySku("A-1");
    EXPECT_EQ(milk.name, "Молоко \"Простоквашино\" 3,2%");
    EXPECT_EQ(milk.price.kopecks(), 8990);
    EXPECT_EQ(milk.barcodes, (std::vector<std::string>{"4601234567893", "4006381333931"}));
    EXPECT_EQ(milk.vat, core::VatRate::Vat10);
    EXPECT_EQ(milk.unit, core::MeasureUnit::Piece);
    EXPECT_FALSE(milk.weighed);

    const auto apples = bySku("A-2");
    EXPECT_EQ(apples.price.kopecks(), 123450);
    EXPECT_EQ(apples.unit, core::MeasureUnit::Kilogram);
    EXPECT_TRUE(apples.weighed);
    EXPECT_EQ(apples.plu, 123);

    const auto cheese = bySku("A-3");
    EXPECT_EQ(cheese.price.kopecks(), 123450);
    EXPECT_EQ(cheese.barcodes, std::vector<std::string>{"0036000291452"}); // UPC-A as EAN-13
    EXPECT_EQ(cheese.vat, core::VatRate::Vat22);                           // the default
    EXPECT_EQ(cheese.categoryId, milk.categoryId); // "молочка" is the category "Молочка"
    EXPECT_NE(apples.categoryId, milk.categoryId);
    EXPECT_EQ(repo().categories()->size(), 2u);
}

TEST_F(CatalogImportTest, CommaDelimiterAndRussianHeaders)
{
    const std::string file = "Артикул,Наименование,Цена,Штрихкод,НДС\n"
                             "B-1,Кефир 1%,\"79,90\",4601234567893,НДС 10%\n"
                             "B-2,\"Хлеб, нарезка\",45.00,,без ндс\n";
    auto report = csv(file);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->imported, 2) << report->toJson().dump();
    EXPECT_EQ(bySku("B-1").price.kopecks(), 7990);
    EXPECT_EQ(bySku("B-1").vat, core::VatRate::Vat10);
    EXPECT_EQ(bySku("B-2").name, "Хлеб, нарезка");
    EXPECT_EQ(bySku("B-2").vat, core::VatRate::None);
}

TEST_F(CatalogImportTest, BadRowsAreRejectedWithLineAndReasonAndTheRestImported)
{
    const std::string file = "sku;name;price;barcodes;vat\n"          // 1
                             "C-1;Молоко;89,90;4601234567893;vat10\n" // 2 ok
                             "C-2;Кефир;12.345;;vat10\n"              // 3 bad price
                             "C-3;;50;;vat10\n"                       // 4 missing name
                             "\n"                                     // 5 blank: skipped, still counted
                             "C-4;Ряженка;60;4601234567893;vat10\n"   // 6 duplicate barcode of line 2
                             "C-5;Творог;70;4601234567890;vat10\n"    // 7 bad check digit
                             "C-6;Сметана;80;;vat18\n"                // 8 unknown VAT
                             "C-7;\"Сыр;100;;vat10\n"                 // 9 unterminated quote
                             "C-8;\"Сыр\" твёрдый;100;;vat10\n"       // 10 text after closing quote
                             "C-9;Масло;100;;vat10;лишнее\n"          // 11 too many fields
                             "C-10;Йогурт;-5;;vat10\n"                // 12 negative price
                             "C-1;Молоко ещё раз;90;;vat10\n"         // 13 duplicate SKU of line 2
                             "C-11;Хлеб;45;;\n";                      // 14 ok, default VAT
    auto report = csv(file);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->imported, 2) << report->toJson().dump(2);
    ASSERT_EQ(report->rejected.size(), 10u) << report->toJson().dump(2);

    const auto expectRejected = [&](std::int64_t line, int code, const std::string& field, const std::string& words) {
        const auto* r = rejectedAt(*report, line);
        ASSERT_NE(r, nullptr) << "line " << line << " not rejected: " << report->toJson().dump(2);
        EXPECT_EQ(r->code, code) << "line " << line << ": " << r->reason;
        EXPECT_EQ(r->field, field) << "line " << line << ": " << r->reason;
        EXPECT_NE(r->reason.find(words), std::string::npos) << "line " << line << ": " << r->reason;
    };
    expectRejected(3, errc::kBadMoney, "price", "decimal");
    expectRejected(4, errc::kBadProduct, "name", "name");
    expectRejected(6, errc::kDuplicateBarcode, "barcodes", "line 2");
    expectRejected(7, errc::kBadCheckDigit, "barcodes", "expected 3");
    expectRejected(8, errc::kUnknownVatRate, "vat", "vat18");
    expectRejected(9, errc::kBadCsvRow, "", "unterminated");
    expectRejected(10, errc::kBadCsvRow, "", "closing quote");
    expectRejected(11, errc::kBadCsvRow, "", "fields");
    expectRejected(12, errc::kBadProduct, "price", "negative");
    expectRejected(13, errc::kDuplicateSku, "sku", "line 2");

    EXPECT_EQ(bySku("C-1").name, "Молоко");
    EXPECT_EQ(bySku("C-11").vat, core::VatRate::Vat22);
    EXPECT_FALSE(*repo().findBySku("C-4"));

    const auto out = report->toJson();
    EXPECT_EQ(out["imported"], 2);
    EXPECT_EQ(out["updated"], 0);
    EXPECT_EQ(out["rejected"][0]["line"], 3);
    EXPECT_EQ(out["rejected"][0]["field"], "price");
    EXPECT_TRUE(out["rejected"][0].contains("reason"));
}

TEST_F(CatalogImportTest, ReimportUpdatesAndKeepsWhatTheFileDoesNotSay)
{
    ASSERT_TRUE(csv("sku;name;price;barcodes;category\nD-1;Кофе;500;4601234567893;Бакалея\n").ok());
    const auto before = bySku("D-1");
    m_clock.advance(std::chrono::hours(1));

    auto report = csv("sku;name;price\nD-1;Кофе молотый;550\nD-2;Чай;300\n");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->imported, 1);
    EXPECT_EQ(report->updated, 1);
    const auto after = bySku("D-1");
    EXPECT_EQ(after.id, before.id);
    EXPECT_EQ(after.name, "Кофе молотый");
    EXPECT_EQ(after.price.kopecks(), 55000);
    EXPECT_EQ(after.barcodes, before.barcodes); // no barcodes column: kept
    EXPECT_EQ(after.categoryId, before.categoryId);
    EXPECT_GT(after.updatedAtUs, before.updatedAtUs);

    // A row without SKU finds its product by barcode.
    report = csv("name;price;barcodes\nКофе в зёрнах;600;4601234567893\n");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->updated, 1) << report->toJson().dump();
    EXPECT_EQ(bySku("D-1").name, "Кофе в зёрнах");
}

TEST_F(CatalogImportTest, DuplicatePluAndWeighedInPiecesAreRejected)
{
    auto report = csv("sku;name;price;weighed;plu;unit\n"
                      "E-1;Яблоки;100;1;55;\n"
                      "E-2;Груши;100;1;55;\n"
                      "E-3;Бананы;100;1;;piece\n"
                      "E-4;Сливы;100;maybe;;\n"
                      "E-5;Вишня;100;1;abc;\n");
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->imported, 1);
    ASSERT_EQ(report->rejected.size(), 4u) << report->toJson().dump(2);
    EXPECT_EQ(rejectedAt(*report, 3)->code, errc::kDuplicatePlu);
    EXPECT_NE(rejectedAt(*report, 3)->reason.find("line 2"), std::string::npos);
    EXPECT_EQ(rejectedAt(*report, 4)->field, "unit");
    EXPECT_EQ(rejectedAt(*report, 5)->field, "weighed");
    EXPECT_EQ(rejectedAt(*report, 6)->field, "plu");
}

TEST_F(CatalogImportTest, WholeFileProblemsAreErrors)
{
    EXPECT_EQ(csv("").error().code, errc::kBadCatalogFile);
    EXPECT_EQ(csv("\n\n").error().code, errc::kBadCatalogFile);
    auto noPrice = csv("sku;name\nA;B\n");
    EXPECT_EQ(noPrice.error().code, errc::kBadCatalogFile);
    EXPECT_NE(noPrice.error().message.find("price"), std::string::npos);
    EXPECT_EQ(csv("name;name;price\n").error().code, errc::kBadCatalogFile);
    // Windows-1251 "Молоко" is not UTF-8: say so instead of importing mojibake.
    auto cp1251 = csv("name;price\n\xCC\xEE\xEB\xEE\xEA\xEE;10\n");
    ASSERT_FALSE(cp1251.ok());
    EXPECT_EQ(cp1251.error().code, errc::kBadCatalogFile);
    EXPECT_NE(cp1251.error().message.find("line 2"), std::string::npos);
    EXPECT_EQ(*repo().productCount(), 0);
    // A header alone imports nothing, without error.
    auto empty = csv("name;price\n");
    ASSERT_TRUE(empty.ok());
    EXPECT_EQ(empty->imported, 0);
}

TEST_F(CatalogImportTest, JsonImportWithIndexedRejections)
{
    const std::string file = R"({"products": [
        {"sku": "J-1", "name": "Молоко", "price": 89.90, "barcodes": ["4601234567893"], "vat": "vat10",
         "weighed": false, "unknownField": {"x": 1}},
        {"sku": "J-2", "name": "Сыр", "price": "1 234,50", "barcode": "4006381333931", "tax": "vat22",
         "weighed": true, "unit": "kilogram", "plu": 7},
        {"sku": "J-3", "name": "Хлеб", "price": 45},
        {"sku": "J-4", "name": "Торт", "price": 12.345},
        {"sku": "J-5", "price": 10},
        "not an object",
        {"sku": "J-6", "name": "Вода", "price": 30, "barcodes": ["4601234567893"]},
        {"sku": "J-7", "name": {"ru": "Квас"}, "price": 50}
    ]})";
    auto report = json(file);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->imported, 3) << report->toJson().dump(2);
    ASSERT_EQ(report->rejected.size(), 5u) << report->toJson().dump(2);
    EXPECT_EQ(rejectedAt(*report, 3)->field, "price");
    EXPECT_EQ(rejectedAt(*report, 4)->field, "name");
    EXPECT_NE(rejectedAt(*report, 5), nullptr);
    EXPECT_EQ(rejectedAt(*report, 6)->code, errc::kDuplicateBarcode);
    EXPECT_NE(rejectedAt(*report, 6)->reason.find("products[0]"), std::string::npos);
    EXPECT_EQ(rejectedAt(*report, 7)->field, "name");

    EXPECT_EQ(bySku("J-1").price.kopecks(), 8990);
    EXPECT_EQ(bySku("J-2").price.kopecks(), 123450);
    EXPECT_EQ(bySku("J-2").barcodes, std::vector<std::string>{"4006381333931"});
    EXPECT_EQ(bySku("J-2").plu, 7);
    EXPECT_EQ(bySku("J-3").price.kopecks(), 4500); // an integer is roubles

    const auto out = report->toJson();
    EXPECT_EQ(out["format"], "json");
    EXPECT_EQ(out["rejected"][0]["index"], 3);
    EXPECT_FALSE(out["rejected"][0].contains("line"));

    EXPECT_EQ(json("{\"products\": [").error().code, errc::kMalformedJson);
    EXPECT_EQ(json("{\"items\": []}").error().code, errc::kBadCatalogFile);
    EXPECT_TRUE(json("[]").ok());
}

TEST_F(CatalogImportTest, FormatIsDetectedByExtensionThenContent)
{
    EXPECT_EQ(CatalogImport::detectFormat("goods.CSV", "{"), CatalogFileFormat::Csv);
    EXPECT_EQ(CatalogImport::detectFormat("goods.json", "name;price"), CatalogFileFormat::Json);
    EXPECT_EQ(CatalogImport::detectFormat("-", "  {\"products\": []}"), CatalogFileFormat::Json);
    EXPECT_EQ(CatalogImport::detectFormat("", "\xEF\xBB\xBF[]"), CatalogFileFormat::Json);
    EXPECT_EQ(CatalogImport::detectFormat("export", "name;price\n"), CatalogFileFormat::Csv);

    auto viaText = importer().importText("{\"products\": [{\"name\": \"Квас\", \"price\": 50}]}", "upload");
    ASSERT_TRUE(viaText.ok());
    EXPECT_EQ(viaText->format, CatalogFileFormat::Json);
    EXPECT_EQ(viaText->imported, 1);
}

TEST_F(CatalogImportTest, ImportedProductsAreSearchable)
{
    ASSERT_TRUE(csv("sku;name;price\nS-1;Ёжик печенье;50\nS-2;Молоко Домик в деревне;90\n").ok());
    auto hits = repo().search("ежик");
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].product.sku, "S-1");
    EXPECT_EQ(repo().search("vjkjrj")->at(0).product.sku, "S-2");
}

TEST_F(CatalogImportTest, ReasonsStayValidUtf8)
{
    // An unknown unit longer than the error message's quote, cut in the middle of a letter.
    auto report = csv("name;price;unit\nТовар;10;xЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ\n");
    ASSERT_TRUE(report.ok());
    ASSERT_EQ(report->rejected.size(), 1u);
    EXPECT_NO_THROW((void)report->toJson().dump());
}

} // namespace
} // namespace sigma::till
