#pragma once

#include "core/Barcode.h"
#include "core/Money.h"
#include "core/Quantity.h"
#include "core/Result.h"
#include "store/CatalogRepository.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::till {

/// What a scan put on the counter: the product, and what the code itself said about the line.
struct LookupResult {
    store::CatalogProduct product;
    core::ParsedBarcode barcode;
    /// From a weight label: the weight in kilograms (thousandths), the line's quantity.
    std::optional<core::Quantity> weight;
    /// From a price label: the line's amount as the scale computed it.
    std::optional<core::Money> labelPrice;
    /// From a DataMatrix: the full marking code, GS separators included, for the fiscal register
    /// (tag 2000 / the ATOL "imcParams"). Empty for other codes.
    std::string markingCode;
};

/// Finds products for the sale screen: by scan, SKU, id or search text. Only products on sale
/// (active) are returned; a deactivated one is an error that says so.
class ProductLookup {
public:
    explicit ProductLookup(store::CatalogRepository& repository, core::WeightLabelFormat format = {});

    /// Parses the code (core::parseBarcode) and finds its product:
    /// - EAN-13/8, UPC-A, Code 128: by the barcode index;
    /// - weight label: an in-store code registered as a barcode first, else the product whose PLU
    ///   is the label's item code, with the weight (or price) the label carries;
    /// - DataMatrix marking code: by its GTIN, carrying the full code.
    /// Errors: the barcode's own (1600-1605), kProductNotFound ("no product with barcode ..."),
    /// kProductInactive, kNotSoldByWeight, kZeroWeightLabel.
    core::Result<LookupResult> byScan(std::string_view scanned);
    core::Result<store::CatalogProduct> bySku(std::string_view sku);
    core::Result<store::CatalogProduct> byId(std::string_view id);
    core::Result<std::vector<store::CatalogSearchHit>> search(std::string_view text, int limit = 20);

    [[nodiscard]] const core::WeightLabelFormat& weightLabelFormat() const { return m_format; }

private:
    core::Result<LookupResult> byWeightLabel(core::ParsedBarcode parsed);

    store::CatalogRepository& m_repository;
    core::WeightLabelFormat m_format;
};

} // namespace sigma::till
