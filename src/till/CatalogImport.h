#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/RandomSource.h"
#include "core/Result.h"
#include "store/CatalogRepository.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::till {

enum class CatalogFileFormat {
    Csv = 1,
    Json,
};

/// A row of the file that was not imported, and why.
struct CatalogImportRejection {
    /// CSV: the line as a text editor numbers it (the header is line 1; a row's first line);
    /// JSON: the index in "products".
    std::int64_t position = 0;
    std::string reason;
    std::string field; ///< the column at fault (canonical name), empty when it is the row itself
    int code = 0;      ///< the error code (docs/errors.md)
};

struct CatalogImportReport {
    CatalogFileFormat format = CatalogFileFormat::Csv;
    std::int64_t imported = 0; ///< rows that created a product
    std::int64_t updated = 0;  ///< rows that changed an existing product
    std::vector<CatalogImportRejection> rejected;

    /// {"format": "csv", "imported": N, "updated": M,
    ///  "rejected": [{"line": 7, "reason": "...", "field": "price", "code": 1100}, ...]}
    /// ("index" instead of "line" for JSON files).
    [[nodiscard]] core::Json toJson() const;
};

/// Loads products from a CSV or JSON file into the catalog: valid rows are imported, the others
/// listed with the reason, so one bad row never costs the owner the whole file.
///
/// Columns (CSV header, JSON keys; Russian header names are accepted too): sku, name (required),
/// price (required; "1 234,50" or "1234.50", parsed exactly), barcodes (separated by ';', ',' or
/// spaces), unit (name, tag 2108 code or "кг"; default piece, kilogram for weighed goods), vat
/// (ATOL name, default vat22), category (a name; created when missing), weighed (0/1, yes/no,
/// true/false, да/нет), plu, paymentObject, image, id.
///
/// A row updates the product with the same id, else the same SKU, else (without SKU) the one that
/// holds its first barcode; otherwise it creates one. On update, columns the file does not have
/// keep their values; an empty cell means the default. Within one file a barcode, SKU or PLU may
/// appear on one row only: later rows repeating one are rejected, naming the first.
///
/// CSV: UTF-8 (a BOM is skipped), a header row, ';' or ',' (or tab) as delimiter, whichever the
/// header uses; "quoted" fields with "" for a quote; one row per line.
/// All accepted rows are written in one transaction: a database failure imports nothing.
class CatalogImport {
public:
    CatalogImport(store::CatalogRepository& repository, const core::Clock& clock, core::RandomSource& random);

    /// Whole-file problems are errors (kBadCatalogFile, kMalformedJson); row problems are in the
    /// report.
    core::Result<CatalogImportReport> importCsv(std::string_view text);
    core::Result<CatalogImportReport> importJson(std::string_view text);
    /// CSV or JSON by `fileName`'s extension, else by the content.
    core::Result<CatalogImportReport> importText(std::string_view text, const std::filesystem::path& fileName);

    /// ".csv" / ".json" (any case); otherwise JSON when the first non-blank character is '{' or '['.
    static CatalogFileFormat detectFormat(const std::filesystem::path& fileName, std::string_view content);

private:
    struct Source;
    core::Result<CatalogImportReport> importRows(Source& source);

    store::CatalogRepository& m_repository;
    const core::Clock& m_clock;
    core::RandomSource& m_random;
};

} // namespace sigma::till
