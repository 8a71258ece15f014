#include "till/ProductLookup.h"

#include "core/ErrorCodes.h"

namespace sigma::till {
namespace {

namespace errc = core::errc;

/// A product that exists but may not be sold is a different problem from one that does not exist:
/// the cashier should call the manager, not retype the code.
core::Result<store::CatalogProduct> onSale(std::optional<store::CatalogProduct> product, const std::string& what)
{
    if (!product) {
        return core::Error(errc::kProductNotFound, "no product with " + what);
    }
    if (!product->active) {
        return core::Error(errc::kProductInactive,
                           "product " + product->name + " (" + what + ") is deactivated and not on sale");
    }
    return std::move(*product);
}

} // namespace

ProductLookup::ProductLookup(store::CatalogRepository& repository, core::WeightLabelFormat format)
    : m_repository(repository), m_format(std::move(format))
{
}

core::Result<LookupResult> ProductLookup::byScan(std::string_view scanned)
{
    SIGMA_ASSIGN_OR_RETURN(auto parsed, core::parseBarcode(scanned, m_format));
    if (parsed.kind == core::BarcodeKind::WeightLabel) {
        return byWeightLabel(std::move(parsed));
    }
    const std::string what = parsed.kind == core::BarcodeKind::DataMatrix
                                 ? "GTIN " + parsed.gtin + " (barcode " + parsed.lookupKey + ")"
                                 : "barcode " + parsed.lookupKey;
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.findByBarcode(parsed.lookupKey));
    SIGMA_ASSIGN_OR_RETURN(auto product, onSale(std::move(found), what));
    LookupResult result;
    result.product = std::move(product);
    if (parsed.kind == core::BarcodeKind::DataMatrix) {
        result.markingCode = parsed.text;
    }
    result.barcode = std::move(parsed);
    return result;
}

core::Result<LookupResult> ProductLookup::byWeightLabel(core::ParsedBarcode parsed)
{
    // Some shops register in-store 2x codes as ordinary barcodes (pre-packed goods); such a code
    // names its product exactly and carries no weight.
    SIGMA_ASSIGN_OR_RETURN(auto registered, m_repository.findByBarcode(parsed.lookupKey));
    if (registered) {
        SIGMA_ASSIGN_OR_RETURN(auto product, onSale(std::move(registered), "barcode " + parsed.lookupKey));
        LookupResult result;
        result.product = std::move(product);
        result.barcode = std::move(parsed);
        return result;
    }
    const core::WeightLabel label = *parsed.weightLabel;
    const std::string what = "PLU " + std::to_string(label.itemCode) + " (weight label " + parsed.text + ")";
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.findByPlu(label.itemCode));
    SIGMA_ASSIGN_OR_RETURN(auto product, onSale(std::move(found), what));
    if (label.weight) {
        if (!product.weighed) {
            return core::Error(errc::kNotSoldByWeight, "weight label " + parsed.text + " is for " + product.name +
                                                           ", which is not sold by weight");
        }
        if (!label.weight->isPositive()) {
            return core::Error(errc::kZeroWeightLabel, "weight label " + parsed.text + " carries zero weight");
        }
    }
    if (label.price && !label.price->isPositive()) {
        return core::Error(errc::kZeroWeightLabel, "price label " + parsed.text + " carries a zero price");
    }
    LookupResult result;
    result.product = std::move(product);
    result.weight = label.weight;
    result.labelPrice = label.price;
    result.barcode = std::move(parsed);
    return result;
}

core::Result<store::CatalogProduct> ProductLookup::bySku(std::string_view sku)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.findBySku(sku));
    return onSale(std::move(found), "SKU " + std::string(sku));
}

core::Result<store::CatalogProduct> ProductLookup::byId(std::string_view id)
{
    SIGMA_ASSIGN_OR_RETURN(auto found, m_repository.findById(id));
    return onSale(std::move(found), "id " + std::string(id));
}

core::Result<std::vector<store::CatalogSearchHit>> ProductLookup::search(std::string_view text, int limit)
{
    return m_repository.search(text, limit);
}

} // namespace sigma::till
