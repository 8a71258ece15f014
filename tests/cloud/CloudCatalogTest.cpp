// The catalog at a shop's size (CatalogService, ProductCsv): pages with a keyset cursor that holds
// while products change, search by name, SKU and barcode prefix in any case (Cyrillic too),
// categories, CSV export and an all-or-nothing import with a report naming each bad line and
// column, malformed parameters, the roles, the import's own body limit, and another tenant.

#include "cloud/ProductCsv.h"
#include "cloud/SearchKey.h"
#include "crypto/PasswordHasher.h"

#include <set>

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kHeader = "Артикул;Наименование;Цена;НДС;Ед. изм.;Категория;Штрихкоды\r\n";

class CloudCatalogTest : public CloudFixture {
protected:
    void configure(CloudConfig& config) override
    {
        // Above the fixture's 64 KiB for everything else: the import has a limit of its own.
        config.maxImportBytes = 256 * 1024;
    }

    std::int64_t count(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok() && row->has_value());
        return row.ok() && row->has_value() ? (*row)->int64(0) : -1;
    }

    std::string addUser(const Account& owner, const std::string& email, const std::string& role)
    {
        auto hash = crypto::PasswordHasher::hash("Other-Horse-43", m_config.argon2, m_random);
        EXPECT_TRUE(hash.ok());
        {
            auto lock = m_adminDb->lock();
            auto& db = m_adminDb->connection();
            auto account = db.queryOne("SELECT account_id FROM users WHERE email = $1", {owner.email});
            EXPECT_TRUE(account.ok() && account->has_value());
            EXPECT_TRUE(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, "
                                   "created_at) VALUES ($1, $2, NULL, $3, $4, $5, 1, 0)",
                                   {"user-" + role + "-" + email, (*account)->text(0), email, *hash, role})
                            .ok());
        }
        return login(email, "Other-Horse-43");
    }

    std::string create(const Account& account, const core::Json& body)
    {
        auto response = post("/api/v1/products", body, account.cookie);
        EXPECT_EQ(response.status, 201) << response.body;
        return json(response).value("id", "");
    }

    core::Json page(const Account& account, const std::string& query)
    {
        auto response = send("GET", "/api/v1/products?" + query, {}, account.cookie);
        EXPECT_EQ(response.status, 200) << query << ": " << response.body;
        return json(response);
    }

    std::vector<std::string> names(const core::Json& list)
    {
        std::vector<std::string> out;
        for (const auto& p : list["products"]) {
            out.push_back(p["name"].get<std::string>());
        }
        return out;
    }

    net::HttpResponse import(const Account& account, const std::string& csv)
    {
        return send("POST", "/api/v1/products/import", csv, account.cookie, {{"Content-Type", "text/csv"}}, false);
    }

    /// A small shop: mixed case, ё, Latin, SKUs, barcodes and two categories.
    void fillShop(const Account& a)
    {
        create(a, {{"name", "Молоко 3,2%"},
                   {"sku", "MLK-32"},
                   {"price", 8990},
                   {"vatRate", "vat10"},
                   {"category", "Молочное"},
                   {"barcodes", {"4601234567893"}}});
        create(a, {{"name", "МОЛОЧНЫЙ коктейль"},
                   {"sku", "MLK-SHAKE"},
                   {"price", 12000},
                   {"vatRate", "vat22"},
                   {"category", "Молочное"}});
        create(a, {{"name", "Ёлочная игрушка"},
                   {"sku", "TOY-1"},
                   {"price", 50000},
                   {"vatRate", "vat22"},
                   {"category", "Праздник"}});
        create(a, {{"name", "Apple juice"}, {"sku", "AB-12"}, {"price", 9900}, {"vatRate", "vat22"}});
        create(
            a,
            {{"name", "Хлеб"}, {"sku", "BRD"}, {"price", 4500}, {"vatRate", "vat10"}, {"barcodes", {"2000000000008"}}});
    }
};

TEST_P(CloudCatalogTest, PagesInNameOrderAndTheCursorHoldsWhileProductsChange)
{
    const auto a = registerAccount("SN-CT1", "9995550001", "pages@example.com");
    fillShop(a);
    // Sorted by the folded name: Latin before Cyrillic, case and ё ignored.
    const std::vector<std::string> all{"Apple juice", "Ёлочная игрушка", "Молоко 3,2%", "МОЛОЧНЫЙ коктейль", "Хлеб"};
    EXPECT_EQ(names(page(a, "")), all);
    EXPECT_TRUE(page(a, "")["next"].is_null());

    auto first = page(a, "limit=2");
    EXPECT_EQ(names(first), (std::vector<std::string>{"Apple juice", "Ёлочная игрушка"}));
    ASSERT_TRUE(first["next"].is_string());
    // Meanwhile: one product is added before the cursor, one after, and one after is deleted.
    create(a, {{"name", "Арбуз"}, {"sku", "WM"}, {"price", 100}, {"vatRate", "vat22"}});
    create(a, {{"name", "Сахар"}, {"sku", "SGR"}, {"price", 100}, {"vatRate", "vat22"}});
    auto shake = page(a, "q=MLK-SHAKE")["products"][0]["id"].get<std::string>();
    ASSERT_EQ(send("DELETE", "/api/v1/products/" + shake, {}, a.cookie).status, 204);

    std::vector<std::string> rest;
    std::string cursor = first["next"].get<std::string>();
    for (int guard = 0; guard < 10 && !cursor.empty(); ++guard) {
        auto next = page(a, "limit=2&cursor=" + cursor);
        for (const auto& name : names(next)) {
            rest.push_back(name);
        }
        cursor = next["next"].is_string() ? next["next"].get<std::string>() : "";
    }
    // Nothing seen twice, nothing unchanged skipped; the new one after the cursor shows up.
    EXPECT_EQ(rest, (std::vector<std::string>{"Молоко 3,2%", "Сахар", "Хлеб"}));
}

TEST_P(CloudCatalogTest, SearchesNameSkuAndBarcodePrefixesInAnyCase)
{
    const auto a = registerAccount("SN-CT2", "9995550002", "search@example.com");
    fillShop(a);
    EXPECT_EQ(names(page(a, "q=%D0%BC%D0%BE%D0%BB")), // "мол"
              (std::vector<std::string>{"Молоко 3,2%", "МОЛОЧНЫЙ коктейль"}));
    EXPECT_EQ(names(page(a, "q=%D0%9C%D0%9E%D0%9B%D0%9E%D0%9A")), // "МОЛОК"
              std::vector<std::string>{"Молоко 3,2%"});
    EXPECT_EQ(names(page(a, "q=%D0%B5%D0%BB%D0%BE%D1%87")), // "елоч" finds "Ёлочная"
              std::vector<std::string>{"Ёлочная игрушка"});
    EXPECT_EQ(names(page(a, "q=ab-")), std::vector<std::string>{"Apple juice"}); // SKU, any case
    EXPECT_EQ(names(page(a, "q=mlk")), (std::vector<std::string>{"Молоко 3,2%", "МОЛОЧНЫЙ коктейль"}));
    EXPECT_EQ(names(page(a, "q=460123")), std::vector<std::string>{"Молоко 3,2%"}); // barcode prefix
    EXPECT_EQ(names(page(a, "q=2000000000008")), std::vector<std::string>{"Хлеб"});
    EXPECT_TRUE(page(a, "q=%D0%BE%D0%BA%D0%BE")["products"].empty()); // "око": a prefix, not a substring
    EXPECT_EQ(names(page(a, "q=+%D1%85%D0%BB+")), std::vector<std::string>{"Хлеб"}); // " хл " trimmed

    auto dairy = page(a, "category=%D0%9C%D0%BE%D0%BB%D0%BE%D1%87%D0%BD%D0%BE%D0%B5"); // "Молочное"
    EXPECT_EQ(names(dairy), (std::vector<std::string>{"Молоко 3,2%", "МОЛОЧНЫЙ коктейль"}));
    EXPECT_EQ(dairy["products"][0]["category"], "Молочное");
    EXPECT_EQ(dairy["products"][0]["barcodes"], core::Json::array({"4601234567893"}));
    EXPECT_EQ(
        names(page(a, "category=%D0%9C%D0%BE%D0%BB%D0%BE%D1%87%D0%BD%D0%BE%D0%B5&q=%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA")),
        std::vector<std::string>{"Молоко 3,2%"});
    EXPECT_EQ(names(page(a, "category=")), (std::vector<std::string>{"Apple juice", "Хлеб"})); // none

    auto categories = json(send("GET", "/api/v1/products/categories", {}, a.cookie));
    EXPECT_EQ(categories["categories"],
              core::Json::parse(R"([{"name":"Молочное","count":2},{"name":"Праздник","count":1}])"));
    EXPECT_EQ(categories["uncategorized"], 2);
}

TEST_P(CloudCatalogTest, MalformedParametersAnswer400NamingThem)
{
    const auto a = registerAccount("SN-CT3", "9995550003", "params@example.com");
    const std::string longText(257, 'x');
    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
             {"limit=0", "limit"},
             {"limit=501", "limit"},
             {"limit=-1", "limit"},
             {"limit=ten", "limit"},
             {"limit=", "limit"},
             {"limit=5x", "limit"},
             {"cursor=garbage", "cursor"},
             {"cursor=zz.abc", "cursor"},
             {"cursor=61", "cursor"},
             {"cursor=6.abc", "cursor"},
             {"cursor=00.abc", "cursor"},
             {"q=" + longText, "q"},
             {"category=" + longText, "category"},
         }) {
        auto response = send("GET", "/api/v1/products?" + query, {}, a.cookie);
        EXPECT_EQ(response.status, 400) << query;
        EXPECT_EQ(errorField(response), field) << query;
    }
    EXPECT_EQ(send("GET", "/api/v1/products?limit=500", {}, a.cookie).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/products?unknown=1", {}, a.cookie).status, 200);
}

TEST_P(CloudCatalogTest, ExportIsExcelCsvAndImportsBackUnchanged)
{
    const auto a = registerAccount("SN-CT4", "9995550004", "export@example.com");
    fillShop(a);
    create(a, {{"name", "Сыр \"Российский\"; весовой"},
               {"sku", "CHS"},
               {"price", 123456},
               {"vatRate", "none"},
               {"unit", 11}});
    auto exported = send("GET", "/api/v1/products/export", {}, a.cookie);
    ASSERT_EQ(exported.status, 200);
    EXPECT_EQ(exported.headers.get("Content-Type").value_or(""), "text/csv; charset=utf-8");
    EXPECT_NE(exported.headers.get("Content-Disposition").value_or("").find("products.csv"), std::string::npos);
    const std::string& csv = exported.body;
    ASSERT_EQ(csv.substr(0, 3), kBom);
    EXPECT_EQ(csv.substr(3, kHeader.size()), kHeader);
    EXPECT_NE(csv.find("\r\nMLK-32;Молоко 3,2%;89,90;10%;шт;Молочное;4601234567893\r\n"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\nCHS;\"Сыр \"\"Российский\"\"; весовой\";1234,56;без НДС;кг;;\r\n"), std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\r\nAB-12;Apple juice;99,00;22%;шт;;\r\n"), std::string::npos) << csv;

    const auto changesBefore = count("SELECT COUNT(*) FROM change_log");
    auto same = import(a, csv);
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(json(same)["unchanged"], 6);
    EXPECT_EQ(json(same)["created"], 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_log"), changesBefore); // nothing to tell the terminals

    std::string edited = csv;
    edited.replace(edited.find("89,90"), 5, "95,50");
    auto changed = import(a, edited);
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(json(changed)["updated"], 1);
    EXPECT_EQ(page(a, "q=MLK-32")["products"][0]["price"], 9550);
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_log"), changesBefore + 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM products"), 6);
}

TEST_P(CloudCatalogTest, ImportReadsWhatExcelAndPeopleWrite)
{
    const auto a = registerAccount("SN-CT5", "9995550005", "variants@example.com");
    // No BOM, LF, columns in another order, English names, blank lines, quoted ';', '""' and a line
    // break inside a field, VAT and unit spellings, barcodes split by commas and spaces.
    const std::string csv = "name;SKU;price;vat;unit;barcodes\n"
                            "\n"
                            "\"Вино \"\"Шато\"\"; красное\";W-1;1 299,00;22 %;шт.;4601234567893, 2000000000008\n"
                            "  \n"
                            "\"Две\nстроки\";W-2;5.5;без НДС;;\n"
                            "Сок;W-3;0;НДС 10%;л;\n"
                            "Налог;W-4;1;22/122;11;\n"
                            "Пакет;w-5;3;vat0;0;\n";
    auto response = import(a, csv);
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(json(response)["created"], 5);
    auto wine = page(a, "q=W-1")["products"][0];
    EXPECT_EQ(wine["name"], "Вино \"Шато\"; красное");
    EXPECT_EQ(wine["price"], 129900);
    EXPECT_EQ(wine["vatRate"], "vat22");
    EXPECT_EQ(wine["barcodes"], core::Json::array({"2000000000008", "4601234567893"}));
    auto two = page(a, "q=W-2")["products"][0];
    EXPECT_EQ(two["name"], "Две\nстроки");
    EXPECT_EQ(two["price"], 550);
    EXPECT_EQ(two["vatRate"], "none");
    EXPECT_EQ(page(a, "q=W-3")["products"][0]["unit"], 41);
    EXPECT_EQ(page(a, "q=W-3")["products"][0]["vatRate"], "vat10");
    EXPECT_EQ(page(a, "q=W-4")["products"][0]["vatRate"], "vat122");
    // The SKU matches in any case: W-5 updates w-5.
    auto upper = import(a, "Артикул;Наименование;Цена;НДС\r\nW-5;Пакет большой;4;0%\r\n");
    ASSERT_EQ(upper.status, 200) << upper.body;
    EXPECT_EQ(json(upper)["updated"], 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM products"), 5);
}

TEST_P(CloudCatalogTest, ABadFileIsReportedLineByLineAndNothingIsImported)
{
    const auto a = registerAccount("SN-CT6", "9995550006", "bad@example.com");
    create(a,
           {{"name", "Хлеб"}, {"sku", "BRD"}, {"price", 4500}, {"vatRate", "vat10"}, {"barcodes", {"4601234567893"}}});
    const std::string head = std::string(kHeader);
    const std::string good = "OK-1;Годный;10,00;22%;шт;;\r\n";
    struct Case {
        std::string csv;
        std::int64_t line;
        std::string column;
        std::string code;
    };
    const std::vector<Case> cases{
        {head + good + "X;Икс;abc;22%;шт;;\r\n", 3, "Цена", "bad_price"},
        {head + good + "X;Икс;-5;22%;шт;;\r\n", 3, "Цена", "bad_price"},
        {head + good + "X;Икс;1,234;22%;шт;;\r\n", 3, "Цена", "bad_price"},
        {head + good + "X;Икс;;22%;шт;;\r\n", 3, "Цена", "bad_price"},
        {head + "X;Икс;1;18%;шт;;\r\n", 2, "НДС", "unknown_vat"},
        {head + "X;Икс;1;22%;ящик;;\r\n", 2, "Ед. изм.", "unknown_unit"},
        {head + ";Икс;1;22%;шт;;\r\n", 2, "Артикул", "sku_required"},
        {head + "X;;1;22%;шт;;\r\n", 2, "Наименование", "name_required"},
        {head + good + "ok-1;Снова;1;22%;шт;;\r\n", 3, "Артикул", "duplicate_sku"},
        {head + "X;Икс;1;22%;шт;;2000000000008\r\nY;Игрек;1;22%;шт;;2000000000008\r\n", 3, "Штрихкоды",
         "duplicate_barcode"},
        {head + "X;Икс;1;22%;шт;;4601234567890\r\n", 2, "Штрихкоды", "bad_barcode"}, // wrong check digit
        {head + good + "X;Икс;1;22%\r\n", 3, "", "column_count"},
        {head + good + "X;Икс;1;22%;шт;;;;\r\n", 3, "", "column_count"},
        {head + good + "X;\"Икс;1;22%;шт;;\r\n", 3, "", "unterminated_quote"},
        {"Артикул;Наименование;Цена\r\nX;Икс;1\r\n", 1, "НДС", "missing_column"},
        {"Артикул;Наименование;Цена;НДС;Вес\r\n", 1, "Вес", "unknown_column"},
        {"", 1, "", "empty_file"},
        {std::string(kBom) + "\r\n\r\n", 1, "", "empty_file"},
        {head + good + "X;\xCC\xEE\xEB\xEE\xEA\xEE;1;22%;шт;;\r\n", 3, "", "not_utf8"}, // Windows-1251
        // The catalog's bread holds this barcode: another product may not take it.
        {head + "X;Икс;1;22%;шт;;4601234567893\r\n", 2, "", "duplicate_barcode"},
    };
    const auto products = count("SELECT COUNT(*) FROM products");
    const auto changes = count("SELECT COUNT(*) FROM change_log");
    for (const auto& c : cases) {
        auto response = import(a, c.csv);
        ASSERT_EQ(response.status, 422) << c.csv << response.body;
        const auto body = json(response);
        EXPECT_EQ(body["error"]["code"], "invalid_csv");
        ASSERT_FALSE(body["problems"].empty()) << c.csv;
        const auto& problem = body["problems"][0];
        EXPECT_EQ(problem["line"], c.line) << c.csv << response.body;
        EXPECT_EQ(problem["column"], c.column) << c.csv << response.body;
        EXPECT_EQ(problem["code"], c.code) << c.csv << response.body;
        EXPECT_FALSE(problem["message"].get<std::string>().empty());
    }
    // Every bad line is named, not only the first.
    auto many = import(a, head + "X;Икс;abc;18%;шт;;\r\n" + good + "Y;;1;22%;шт;;\r\n");
    ASSERT_EQ(many.status, 422);
    EXPECT_EQ(json(many)["problems"].size(), 3U) << many.body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM products"), products);
    EXPECT_EQ(count("SELECT COUNT(*) FROM change_log"), changes);

    // The bread may give its barcode to a new product in the same file that takes it away.
    auto swap = import(a, head + "BRD;Хлеб;45,00;10%;шт;;\r\nNEW;Новый;1;22%;шт;;4601234567893\r\n");
    ASSERT_EQ(swap.status, 200) << swap.body;
    EXPECT_EQ(page(a, "q=4601234567893")["products"][0]["name"], "Новый");
}

TEST_P(CloudCatalogTest, ImportHasItsOwnBodyLimitAndIsACsrfSafeWrite)
{
    const auto a = registerAccount("SN-CT7", "9995550007", "limit@example.com");
    std::string csv(kHeader);
    for (int i = 0; csv.size() < 100 * 1024; ++i) { // above the 64 KiB of every other endpoint
        csv += "SKU-" + std::to_string(i) + ";Товар " + std::to_string(i) + ";1,00;22%;шт;;\r\n";
    }
    auto big = import(a, csv);
    ASSERT_EQ(big.status, 200) << big.body.substr(0, 300);
    std::string tooBig = csv;
    while (tooBig.size() <= 256 * 1024) {
        tooBig += csv;
    }
    EXPECT_EQ(import(a, tooBig).status, 413);
    EXPECT_EQ(post("/api/v1/products", {{"name", std::string(70 * 1024, 'x')}}, a.cookie).status, 413);

    EXPECT_EQ(send("POST", "/api/v1/products/import", csv, a.cookie, {{"Content-Type", "text/plain"}}, false).status,
              403);
    EXPECT_EQ(send("POST", "/api/v1/products/import", csv, a.cookie,
                   {{"Content-Type", "text/csv"}, {"Origin", "http://evil.test"}}, false)
                  .status,
              403);
    EXPECT_EQ(send("POST", "/api/v1/products/import", csv, {}, {{"Content-Type", "text/csv"}}, false).status, 401);
}

TEST_P(CloudCatalogTest, CashiersReadTheCatalogButDoNotImport)
{
    const auto a = registerAccount("SN-CT8", "9995550008", "roles@example.com");
    const auto cashier = addUser(a, "cashier-ct@example.com", "cashier");
    const auto admin = addUser(a, "admin-ct@example.com", "administrator");
    const std::string csv = std::string(kHeader) + "C-1;Кофе;1;22%;шт;;\r\n";
    EXPECT_EQ(send("GET", "/api/v1/products?q=x", {}, cashier).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/products/export", {}, cashier).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/products/categories", {}, cashier).status, 200);
    EXPECT_EQ(send("POST", "/api/v1/products/import", csv, cashier, {{"Content-Type", "text/csv"}}, false).status, 403);
    EXPECT_EQ(count("SELECT COUNT(*) FROM products"), 0);
    EXPECT_EQ(send("POST", "/api/v1/products/import", csv, admin, {{"Content-Type", "text/csv"}}, false).status, 200);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'product.import'"), 1);
}

TEST_P(CloudCatalogTest, AccountsNeverSeeEachOthersCatalog)
{
    const auto a = registerAccount("SN-CT9", "9995550009", "tenant-a@example.com");
    const auto b = registerAccount("SN-CT10", "9995550010", "tenant-b@example.com");
    fillShop(a);
    // B's search, categories, export and A's cursor show nothing of A's.
    EXPECT_TRUE(page(b, "q=460123")["products"].empty());
    EXPECT_TRUE(page(b, "q=MLK")["products"].empty());
    EXPECT_TRUE(page(b, "category=%D0%9C%D0%BE%D0%BB%D0%BE%D1%87%D0%BD%D0%BE%D0%B5")["products"].empty());
    EXPECT_TRUE(json(send("GET", "/api/v1/products/categories", {}, b.cookie))["categories"].empty());
    const auto aCursor = page(a, "limit=1")["next"].get<std::string>();
    EXPECT_TRUE(page(b, "cursor=" + aCursor)["products"].empty());
    const auto exported = send("GET", "/api/v1/products/export", {}, b.cookie);
    EXPECT_EQ(exported.body, std::string(kBom) + std::string(kHeader));

    // B imports A's SKUs and A's barcode: B's own new products; A's stay as they were.
    auto imported = import(b, std::string(kHeader) + "MLK-32;Чужое молоко;1,00;22%;шт;;4601234567893\r\n");
    ASSERT_EQ(imported.status, 200) << imported.body;
    EXPECT_EQ(json(imported)["created"], 1);
    EXPECT_EQ(page(a, "q=MLK-32")["products"][0]["name"], "Молоко 3,2%");
    EXPECT_EQ(page(a, "q=MLK-32")["products"][0]["price"], 8990);
    EXPECT_EQ(page(b, "q=4601234567893")["products"][0]["name"], "Чужое молоко");
    EXPECT_EQ(count("SELECT COUNT(*) FROM products"), 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudCatalogTest, ::testing::ValuesIn(backends()), backendName);

TEST(ProductCsv, RefusesMoreThanTheLineLimit)
{
    std::string csv = "Артикул;Наименование;Цена;НДС\n";
    csv.reserve(ProductCsv::kMaxLines * 16);
    for (std::size_t i = 0; i <= ProductCsv::kMaxLines; ++i) {
        csv += "S" + std::to_string(i) + ";N;1;0%\n";
    }
    auto parsed = ProductCsv::parse(csv);
    ASSERT_EQ(parsed.problems.size(), 1U);
    EXPECT_EQ(parsed.problems[0].code, "too_many_lines");
    EXPECT_EQ(parsed.problems[0].line, static_cast<std::int64_t>(ProductCsv::kMaxLines) + 2);
    csv.resize(csv.rfind("S100000;"));
    EXPECT_TRUE(ProductCsv::parse(csv).problems.empty());
    EXPECT_EQ(ProductCsv::parse(csv).products.size(), ProductCsv::kMaxLines);
}

TEST(ProductCsv, VatLabelsRoundTrip)
{
    for (const char* rate :
         {"vat22", "vat10", "vat0", "none", "vat5", "vat7", "vat122", "vat110", "vat105", "vat107"}) {
        EXPECT_EQ(ProductCsv::vatFromLabel(ProductCsv::vatLabel(rate)), rate) << rate;
    }
    EXPECT_EQ(ProductCsv::vatLabel("vat22"), "22%");
    EXPECT_EQ(ProductCsv::vatLabel("none"), "без НДС");
    EXPECT_EQ(ProductCsv::vatFromLabel("Без НДС"), "none");
    EXPECT_EQ(ProductCsv::vatFromLabel("18%"), "");
}

TEST(SearchKey, FoldsLatinAndCyrillicCaseAndYo)
{
    EXPECT_EQ(searchKey("МОЛОКО Milk"), "молоко milk");
    EXPECT_EQ(searchKey("Ёлка ёж"), "елка еж");
    EXPECT_EQ(searchKey("ЎЇЄ"), "ўїє");
    EXPECT_EQ(searchKey("\xFF\xD0"), "\xFF\xD0"); // not UTF-8: kept as it is
    EXPECT_LT(searchKey("я"), prefixUpperBound(searchKey("я")));
    EXPECT_LT(prefixUpperBound("мол"), std::string("мом"));
}

} // namespace
} // namespace sigma::cloud::test
