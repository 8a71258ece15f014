// Stock documents on the terminal: the service against the real terminal.db, catalog and journal,
// and the same through sigmactl as a technician runs it.

#include "till/StockService.h"

#include "core/ErrorCodes.h"
#include "support/Process.h"
#include "till/TillFixture.h"

#include <gtest/gtest.h>

namespace sigma::till {
namespace {

using store::StockDocumentKind;
using store::StockDocumentStatus;
namespace stock_errc = store::stock_errc;

class StockServiceTest : public test::TillFixture {
protected:
    void SetUp() override
    {
        TillFixture::SetUp();
        m_catalog = std::make_unique<store::CatalogRepository>(*m_database);
        m_milk = addProduct("Молоко 3,2% 1 л", "A-1", {"4601234567893"});
        m_apples = addProduct("Яблоки Гала", "A-3", {});
        m_apples.weighed = true;
        m_apples.unit = core::MeasureUnit::Kilogram;
        m_apples.plu = 123;
        ASSERT_TRUE(m_catalog->upsertProduct(m_apples).ok());
        m_lookup = std::make_unique<ProductLookup>(*m_catalog);
        m_service = std::make_unique<StockService>(*m_context, *m_lookup);
        m_manager.employee.id = *core::Uuid::parse("00000000-0000-7000-8000-0000000000aa");
        m_manager.employee.name = "Петров П.";
        m_manager.permissions = {Permission::ManageCatalog};
        m_cashierSession.employee.id = *core::Uuid::parse("00000000-0000-7000-8000-0000000000bb");
        m_cashierSession.permissions = {Permission::Sell};
    }

    store::CatalogProduct addProduct(const std::string& name, const std::string& sku, std::vector<std::string> barcodes)
    {
        store::CatalogProduct p;
        p.id = m_context->newId();
        p.name = name;
        p.sku = sku;
        p.price = core::Money::fromKopecks(8990);
        p.vat = core::VatRate::Vat10;
        p.barcodes = std::move(barcodes);
        auto inserted = m_catalog->upsertProduct(p);
        EXPECT_TRUE(inserted.ok()) << inserted.error().message;
        return p;
    }

    store::StockDocument create(StockDocumentKind kind, std::string supplier = {}, std::string reason = {})
    {
        auto document = m_service->create(m_manager, {kind, std::move(supplier), std::move(reason), {}});
        EXPECT_TRUE(document.ok()) << document.error().message;
        return document.ok() ? *document : store::StockDocument();
    }

    std::vector<store::JournalEvent> events()
    {
        auto list = m_context->journal().after(0, 100);
        EXPECT_TRUE(list.ok());
        return list.ok() ? *list : std::vector<store::JournalEvent>();
    }

    static core::Quantity q(std::int64_t thousandths) { return core::Quantity::fromThousandths(thousandths); }

    std::unique_ptr<store::CatalogRepository> m_catalog;
    std::unique_ptr<ProductLookup> m_lookup;
    std::unique_ptr<StockService> m_service;
    store::CatalogProduct m_milk;
    store::CatalogProduct m_apples;
    Session m_manager;
    Session m_cashierSession;
};

TEST_F(StockServiceTest, ReceivingFromScansToTheJournal)
{
    const auto doc = create(StockDocumentKind::Receiving, "ООО Молочный двор");
    EXPECT_EQ(doc.number, 1);
    EXPECT_EQ(doc.status, StockDocumentStatus::Draft);
    EXPECT_EQ(doc.supplier, "ООО Молочный двор");

    // Two scans of the milk make one line of 2 + a typed 10.
    ASSERT_TRUE(
        m_service->addByScan(m_manager, doc.id, "4601234567893", {{}, core::Money::fromKopecks(6150), {}}).ok());
    auto again = m_service->addByScan(m_manager, doc.id, "4601234567893");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->quantity, q(2000));
    EXPECT_EQ(again->cost, core::Money::fromKopecks(6150)); // kept from the first scan
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-1", {q(10'000), {}, {}}).ok());
    // Apples by weight: 12.345 kg typed, then a weight label of 0.350 kg adds to it.
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-3", {q(12'345), core::Money::fromKopecks(9999), {}}).ok());
    auto label = m_service->addByScan(m_manager, doc.id, "2100123003501");
    ASSERT_TRUE(label.ok()) << label.error().message;
    EXPECT_EQ(label->quantity, q(12'695));

    auto found = m_service->find(doc.id);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(found->lines.size(), 2u);
    EXPECT_EQ(found->lines[0].quantity, q(12'000));
    EXPECT_EQ(found->lines[0].barcode, "4601234567893");
    EXPECT_EQ(found->lines[1].unit, core::MeasureUnit::Kilogram);

    auto posted = m_service->post(m_manager, doc.id);
    ASSERT_TRUE(posted.ok()) << posted.error().message;
    EXPECT_EQ(posted->status, StockDocumentStatus::Posted);
    EXPECT_EQ(posted->postedAtUs, m_context->nowUs());

    const auto journal = events();
    ASSERT_EQ(journal.size(), 1u);
    EXPECT_EQ(journal[0].type, "stock.document");
    const auto& payload = journal[0].payload;
    EXPECT_EQ(payload["documentId"], doc.id);
    EXPECT_EQ(payload["kind"], "receiving");
    EXPECT_EQ(payload["number"], 1);
    EXPECT_EQ(payload["supplier"], "ООО Молочный двор");
    EXPECT_EQ(payload["employeeId"], "00000000-0000-7000-8000-0000000000aa");
    ASSERT_EQ(payload["lines"].size(), 2u);
    EXPECT_EQ(payload["lines"][0]["quantity"], 12'000);
    EXPECT_EQ(payload["lines"][0]["cost"], 6150);
    EXPECT_EQ(payload["lines"][0]["amount"], 73'800);
    EXPECT_EQ(payload["lines"][1]["quantity"], 12'695);
    EXPECT_EQ(payload["lines"][1]["unit"], core::measureUnitCode(core::MeasureUnit::Kilogram));
    // 12.695 × 99.99 = 1269.373... -> 1269.37
    EXPECT_EQ(payload["lines"][1]["amount"], 126'937);
    EXPECT_EQ(payload["totalCost"], 73'800 + 126'937);
    // Integers only: the canonical payload hashes (a double would be refused).
    EXPECT_TRUE(store::JournalHash::canonicalPayload(payload).ok());
    EXPECT_TRUE(m_context->journal().verify()->ok);
}

TEST_F(StockServiceTest, PostedDocumentsAreImmutable)
{
    const auto doc = create(StockDocumentKind::WriteOff, {}, "Истёк срок годности");
    auto line = m_service->addBySku(m_manager, doc.id, "A-1", {q(3000), {}, "упаковка вздута"});
    ASSERT_TRUE(line.ok()) << line.error().message;
    ASSERT_TRUE(m_service->post(m_manager, doc.id).ok());

    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-1").error().code, stock_errc::kDocumentPosted);
    EXPECT_EQ(m_service->setQuantity(m_manager, doc.id, 0, q(1000)).error().code, stock_errc::kDocumentPosted);
    EXPECT_EQ(m_service->removeLine(m_manager, doc.id, 0).error().code, stock_errc::kDocumentPosted);
    // A second post is harmless: the same document, no second event.
    auto again = m_service->post(m_manager, doc.id);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->status, StockDocumentStatus::Posted);
    EXPECT_EQ(events().size(), 1u);
    EXPECT_EQ(events()[0].payload["reason"], "Истёк срок годности");
    EXPECT_EQ(events()[0].payload["lines"][0]["reason"], "упаковка вздута");

    // Even SQL that goes around the service is refused by the database.
    auto& db = m_database->connection();
    EXPECT_FALSE(db.execute("UPDATE stock_document_lines SET quantity = 1 WHERE document_id = $1", {doc.id}).ok());
    EXPECT_FALSE(db.execute("DELETE FROM stock_document_lines WHERE document_id = $1", {doc.id}).ok());
    EXPECT_FALSE(db.execute("UPDATE stock_documents SET note = 'x' WHERE id = $1", {doc.id}).ok());
    EXPECT_FALSE(db.execute("DELETE FROM stock_documents WHERE id = $1", {doc.id}).ok());
}

TEST_F(StockServiceTest, InventoryCarriesCountedQuantitiesZeroIncluded)
{
    const auto doc = create(StockDocumentKind::Inventory, "ignored supplier", "ignored reason");
    EXPECT_TRUE(doc.supplier.empty());
    EXPECT_TRUE(doc.reason.empty());
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-1", {q(7000), {}, {}}).ok());
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-3", {q(1500), {}, {}}).ok());
    ASSERT_TRUE(m_service->setQuantity(m_manager, doc.id, 1, q(0)).ok()); // no apples found after all
    // Inventory lines have no cost.
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-1", {q(1000), core::Money::fromKopecks(1), {}}).error().code,
              stock_errc::kBadCost);
    ASSERT_TRUE(m_service->post(m_manager, doc.id).ok());
    const auto payload = events().back().payload;
    EXPECT_EQ(payload["kind"], "inventory");
    EXPECT_EQ(payload["lines"][0]["countedQuantity"], 7000);
    EXPECT_FALSE(payload["lines"][0].contains("quantity"));
    EXPECT_EQ(payload["lines"][1]["countedQuantity"], 0);
    EXPECT_FALSE(payload.contains("totalCost"));
}

TEST_F(StockServiceTest, QuantitiesLinesAndNumbers)
{
    const auto doc = create(StockDocumentKind::Receiving);
    // Weighed goods need a weight; pieces must be whole; zero is no receiving.
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-3").error().code, core::errc::kBadQuantity);
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-1", {q(1500), {}, {}}).error().code,
              core::errc::kFractionalPieces);
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-1", {q(0), {}, {}}).error().code,
              core::errc::kNonPositiveQuantity);
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-1", {q(1000), core::Money::fromKopecks(-1), {}}).error().code,
              stock_errc::kBadCost);
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "NOPE").error().code, core::errc::kProductNotFound);
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-3", {q(99'999'000), {}, {}}).ok());
    EXPECT_EQ(m_service->addBySku(m_manager, doc.id, "A-3", {q(1000), {}, {}}).error().code,
              core::errc::kQuantityOutOfRange);
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-1").ok());
    ASSERT_TRUE(m_service->setCost(m_manager, doc.id, 1, core::Money::fromKopecks(5000)).ok());

    // Removing a line leaves its position unused; new lines go after the last.
    ASSERT_TRUE(m_service->removeLine(m_manager, doc.id, 0).ok());
    EXPECT_EQ(m_service->removeLine(m_manager, doc.id, 0).error().code, stock_errc::kLineNotFound);
    EXPECT_EQ(m_service->setQuantity(m_manager, doc.id, 7, q(1000)).error().code, stock_errc::kLineNotFound);
    auto apples = m_service->addBySku(m_manager, doc.id, "A-3", {q(250), {}, {}});
    ASSERT_TRUE(apples.ok());
    EXPECT_EQ(apples->position, 2);

    // Numbers run per kind.
    EXPECT_EQ(create(StockDocumentKind::Receiving).number, 2);
    EXPECT_EQ(create(StockDocumentKind::WriteOff).number, 1);
    auto drafts = m_service->list(StockDocumentKind::Receiving, StockDocumentStatus::Draft);
    ASSERT_TRUE(drafts.ok());
    EXPECT_EQ(drafts->size(), 2u);
    EXPECT_EQ(m_service->list()->size(), 3u);

    // Nothing to post in an empty document; unknown ids are named.
    const auto empty = create(StockDocumentKind::WriteOff);
    EXPECT_EQ(m_service->post(m_manager, empty.id).error().code, stock_errc::kDocumentEmpty);
    EXPECT_EQ(m_service->find("0193a4c2-5b1e-7d3f-9a2b-6c8d0e1f2a3b").error().code, stock_errc::kDocumentNotFound);
    EXPECT_EQ(store::parseStockDocumentKind("transfer").error().code, stock_errc::kUnknownKind);
    EXPECT_TRUE(events().empty());
}

TEST_F(StockServiceTest, NeedsTheCatalogPermission)
{
    auto refused = m_service->create(m_cashierSession, {StockDocumentKind::Receiving, {}, {}, {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kPermissionDenied);
    const auto doc = create(StockDocumentKind::Receiving);
    EXPECT_EQ(m_service->addBySku(m_cashierSession, doc.id, "A-1").error().code, core::errc::kPermissionDenied);
    ASSERT_TRUE(m_service->addBySku(m_manager, doc.id, "A-1").ok());
    EXPECT_EQ(m_service->post(m_cashierSession, doc.id).error().code, core::errc::kPermissionDenied);
    EXPECT_EQ(m_service->find(doc.id)->status, StockDocumentStatus::Draft);
}

// --- sigmactl, as a technician runs it ---

class SigmactlStock : public ::testing::Test {
protected:
    core::Json run(const std::vector<std::string>& args, int expectedExit = 0)
    {
        std::vector<std::string> all = {"--data-dir", m_dir.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        const auto result = test::runProcess(SIGMACTL_PATH, all, {}, {"SIGMA_TEST_CHEAP_HASHES=1"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << " " << args[1] << "\n"
                                                 << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    test::TempDir m_dir{"sigma-stock-cli"};
};

TEST_F(SigmactlStock, ReceivingRoundTrip)
{
    run({"init", "--business", "trade", "--admin-pin", "1357"});
    run({"staff", "change-pin", "--pin", "1357", "--new-pin", "2468"});
    run({"catalog", "import", std::string(SIGMA_TEST_DATA_DIR) + "/catalog/shop.csv"});
    run({"staff", "add", "--pin", "2468", "--name", "Кассир", "--role", "cashier", "--new-pin", "5801"});
    run({"staff", "change-pin", "--pin", "5801", "--new-pin", "5802"});

    const auto created = run({"stock", "create", "receiving", "--supplier", "ООО Ромашка", "--pin", "2468"});
    EXPECT_EQ(created["status"], "draft");
    EXPECT_EQ(created["number"], 1);
    const std::string id = created["id"];
    run({"stock", "add", id, "--barcode", "4601234567893", "--quantity", "12", "--cost", "61,50", "--pin", "2468"});
    run({"stock", "add", id, "--barcode", "4601234567893", "--pin", "2468"});
    const auto added = run({"stock", "add", id, "--sku", "A-3", "--quantity", "2.345", "--pin", "2468"});
    ASSERT_EQ(added["lines"].size(), 2u) << added.dump(2);
    EXPECT_EQ(core::quantityFromJson(added["lines"][0]["quantity"], "q")->thousandths(), 13'000);
    EXPECT_EQ(core::quantityFromJson(added["lines"][1]["quantity"], "q")->thousandths(), 2345);
    EXPECT_EQ(core::moneyFromJson(added["lines"][0]["cost"], "c")->kopecks(), 6150);

    // A cashier may not post; bad input is a clear error.
    EXPECT_EQ(run({"stock", "post", id, "--pin", "5802"}, 1)["error"]["code"], 1902);
    EXPECT_EQ(run({"stock", "add", id, "--pin", "2468"}, 1)["error"]["code"], 1001);
    EXPECT_EQ(run({"stock", "create", "transfer", "--pin", "2468"}, 1)["error"]["code"], 2053);

    const auto posted = run({"stock", "post", id, "--pin", "2468"});
    EXPECT_EQ(posted["status"], "posted");
    EXPECT_EQ(run({"stock", "add", id, "--sku", "A-1", "--pin", "2468"}, 1)["error"]["code"], 2051);

    const auto list = run({"stock", "list"});
    ASSERT_EQ(list["documents"].size(), 1u);
    EXPECT_EQ(list["documents"][0]["lineCount"], 2);
    EXPECT_EQ(run({"stock", "show", id})["supplier"], "ООО Ромашка");

    const auto exported = run({"journal", "export"});
    ASSERT_EQ(exported["events"].size(), 1u);
    EXPECT_EQ(exported["events"][0]["type"], "stock.document");
    EXPECT_EQ(exported["events"][0]["payload"]["lines"][0]["quantity"], 13'000);
    EXPECT_TRUE(run({"journal", "verify"})["ok"].get<bool>());
}

} // namespace
} // namespace sigma::till
