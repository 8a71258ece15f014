#pragma once

#include "cloud/ProductRecord.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::cloud {

/// One thing wrong with an imported file: the line (1 is the header), the column as the file's
/// header names it (empty for the whole line), a stable code the cabinet translates and an
/// English message.
struct CsvProblem {
    std::int64_t line = 0;
    std::string column;
    std::string code;
    std::string message;
};

/// A data line of an imported file, checked field by field; `id` is empty.
struct CsvProduct {
    std::int64_t line = 0;
    ProductRecord product;
};

/// The catalog's CSV format, the one Russian Excel reads and writes: UTF-8 with a BOM, `;`
/// between fields, CRLF line ends, fields quoted when they hold `;`, `"` or a line break, money
/// as roubles with a comma ("89,90"), VAT as "22%", "10%", "0%", "без НДС", "5%", "7%" (or the
/// 22/122 forms), units by their Russian short names ("шт", "кг"), barcodes in one field
/// separated by commas. Columns are found by the header's names, in any order.
class ProductCsv {
public:
    static constexpr std::size_t kMaxLines = 100'000; ///< data lines, the header not counted

    struct Parsed {
        std::vector<CsvProduct> products;
        std::vector<CsvProblem> problems; ///< in file order; nothing is imported when non-empty
        /// Whether the header has these optional columns: an absent one keeps a product's value.
        bool hasUnit = false;
        bool hasCategory = false;
        bool hasBarcodes = false;
    };

    /// The header line and one line per product (with CRLF), the BOM first.
    [[nodiscard]] static std::string header();
    [[nodiscard]] static std::string line(const ProductRecord& product);

    /// Reads a file (with or without the BOM, CRLF or LF, empty lines skipped). Checks every field
    /// and, across the file, that no SKU or barcode appears twice; a product is keyed by its SKU,
    /// so a line without one is a problem too.
    [[nodiscard]] static Parsed parse(std::string_view text);

    /// "22%" for vat22, "без НДС" for none, "22/122" for vat122.
    [[nodiscard]] static std::string vatLabel(std::string_view atolName);
    /// The ATOL name of a CSV VAT spelling ("22%", "22 %", "НДС 22%", "без НДС", "vat22"), or empty.
    [[nodiscard]] static std::string vatFromLabel(std::string_view label);
};

} // namespace sigma::cloud
