#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sigma::cloud {

/// One product of the cloud catalog as the API, the CSV files and the change log carry it.
struct ProductRecord {
    std::string id;
    std::string name;
    std::optional<std::string> sku;
    std::int64_t price = 0; ///< kopecks
    std::string vatRate;    ///< ATOL name: vat22, vat10, vat0, none, vat5, vat7, ...
    std::int64_t unit = 0;  ///< tag 2108 code, 0 = piece
    std::optional<std::string> category;
    std::vector<std::string> barcodes;

    friend bool operator==(const ProductRecord&, const ProductRecord&) = default;
};

} // namespace sigma::cloud
