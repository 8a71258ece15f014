#include "cli/CatalogCommands.h"

#include "core/Barcode.h"
#include "crypto/OsRandom.h"
#include "store/CatalogRepository.h"
#include "store/TerminalDatabase.h"
#include "till/CatalogImport.h"
#include "till/DataDirectory.h"
#include "till/ProductLookup.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace sigma::cli {
namespace {

core::Json productToJson(const store::CatalogProduct& product)
{
    core::Json json = {
        {"id", product.id},
        {"sku", product.sku},
        {"name", product.name},
        {"price", product.price.toDouble()},
        {"unit", core::measureUnitName(product.unit)},
        {"vat", core::VatTable::standard().info(product.vat).atolName},
        {"paymentObject", core::paymentObjectName(product.paymentObject)},
        {"weighed", product.weighed},
        {"barcodes", product.barcodes},
        {"active", product.active},
    };
    if (product.plu) {
        json["plu"] = *product.plu;
    }
    if (!product.categoryId.empty()) {
        json["categoryId"] = product.categoryId;
    }
    if (product.image) {
        json["image"] = *product.image;
    }
    return json;
}

core::Result<std::unique_ptr<store::TerminalDatabase>> openDatabase(const CliContext& context,
                                                                    store::TerminalDatabase::Access access)
{
    const auto dir = till::DataDirectory::resolve(context.dataDirOption);
    if (access == store::TerminalDatabase::Access::Writer) {
        SIGMA_TRY(dir.ensureExists());
    }
    return store::TerminalDatabase::open(dir.terminalDb(), access, "sigmactl");
}

core::Result<core::Json> importCatalog(const CliContext& context, const std::string& file)
{
    SIGMA_ASSIGN_OR_RETURN(std::string text, context.readInput(file));
    SIGMA_ASSIGN_OR_RETURN(auto database, openDatabase(context, store::TerminalDatabase::Access::Writer));
    store::CatalogRepository repository(*database);
    crypto::OsRandom random;
    till::CatalogImport import(repository, context.clock(), random);
    SIGMA_ASSIGN_OR_RETURN(auto report, import.importText(text, file == "-" ? std::string() : file));
    return report.toJson();
}

core::Result<core::Json> searchCatalog(const CliContext& context, const std::string& text, int limit)
{
    SIGMA_ASSIGN_OR_RETURN(auto database, openDatabase(context, store::TerminalDatabase::Access::Reader));
    store::CatalogRepository repository(*database);
    SIGMA_ASSIGN_OR_RETURN(auto hits, repository.search(text, limit));
    core::Json results = core::Json::array();
    for (const auto& hit : hits) {
        results.push_back({{"score", hit.score},
                           {"match", store::catalogMatchName(hit.match)},
                           {"product", productToJson(hit.product)}});
    }
    return core::Json{{"count", results.size()}, {"results", std::move(results)}};
}

core::Result<core::Json> scanCode(const CliContext& context, const std::string& code)
{
    SIGMA_ASSIGN_OR_RETURN(auto database, openDatabase(context, store::TerminalDatabase::Access::Reader));
    store::CatalogRepository repository(*database);
    till::ProductLookup lookup(repository);
    SIGMA_ASSIGN_OR_RETURN(auto found, lookup.byScan(code));
    core::Json json = {{"kind", core::barcodeKindName(found.barcode.kind)},
                       {"key", found.barcode.lookupKey},
                       {"product", productToJson(found.product)}};
    if (found.weight) {
        json["weight"] = found.weight->toDouble();
    }
    if (found.labelPrice) {
        json["labelPrice"] = found.labelPrice->toDouble();
    }
    if (!found.markingCode.empty()) {
        json["gtin"] = found.barcode.gtin;
        json["serial"] = found.barcode.serial;
    }
    return json;
}

} // namespace

void addCatalogCommands(CLI::App& app, CliContext& context)
{
    auto* catalog = app.add_subcommand("catalog", "The product catalog: import, search, scan");
    catalog->require_subcommand(1);

    auto file = std::make_shared<std::string>();
    auto* import = catalog->add_subcommand("import", "Import products from a CSV or JSON file; reports rejected rows");
    import->add_option("file", *file, "CSV or JSON file (by extension, else by content), or - for standard input")
        ->required();
    import->callback([&context, file] { context.setAction([&context, file] { return importCatalog(context, *file);
});
} // namespace sigma::cli
);

auto text = std::make_shared<std::string>();
auto limit = std::make_shared<int>(20);
auto* search = catalog->add_subcommand("search", "Search products by name, SKU or barcode, best first");
search->add_option("text", *text, "What a cashier would type")->required();
search->add_option("--limit", *limit, "At most this many results (1-200)")->check(CLI::Range(1, 200));
search->callback([&context, text, limit] {
    context.setAction([&context, text, limit] { return searchCatalog(context, *text, *limit); });
});

auto code = std::make_shared<std::string>();
auto* scan = catalog->add_subcommand("scan", "Find the product a scanned code stands for, as the sale screen does");
scan->add_option("code", *code, "EAN-13/8, UPC-A, Code 128, weight label or marking code")->required();
scan->callback([&context, code] { context.setAction([&context, code] { return scanCode(context, *code); }); });
}

} // namespace sigma::cli
