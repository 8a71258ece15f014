#pragma once

#include "cloud/AuthService.h"
#include "cloud/ProductCsv.h"
#include "cloud/ServiceContext.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "db/Connection.h"

#include <optional>
#include <string>
#include <string_view>

namespace sigma::cloud {

/// A page of the catalog: `q` a prefix of the name, SKU or a barcode (any case, ё = е); `cursor`
/// the opaque `next` of the page before; `category` one category's products ("" those without).
struct ProductQuery {
    std::string q;
    std::optional<std::string> category;
    std::int64_t limit = 50;
    std::string cursor;
};

/// What an import did, or why it did nothing (`problems` non-empty: nothing was written).
struct ImportReport {
    std::int64_t lines = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::vector<CsvProblem> problems;
};

/// Products (with barcodes) and employees of one account. Every write appends to the account's
/// change log and the audit log in the same transaction; the devices pull the change log. Each call
/// checks its permission (Permissions.cpp).
class CatalogService {
public:
    explicit CatalogService(ServiceContext& context) : m_context(context) {}

    static constexpr std::int64_t kMaxPageLimit = 500;

    /// A page sorted by name (then id), with `next` (null on the last page).
    [[nodiscard]] core::Result<core::Json> listProducts(const Session& session, const ProductQuery& query);
    /// The categories in use, by name, with how many products each has.
    [[nodiscard]] core::Result<core::Json> listCategories(const Session& session);
    /// The whole catalog as ProductCsv, sorted by name.
    [[nodiscard]] core::Result<std::string> exportProducts(const Session& session);
    /// Creates or updates products by SKU from a ProductCsv file: all of it in one transaction
    /// with a change-log entry per changed product, or nothing when any line has a problem.
    [[nodiscard]] core::Result<ImportReport> importProducts(const Session& session, std::string_view csv);
    [[nodiscard]] core::Result<core::Json> createProduct(const Session& session, const core::Json& input);
    [[nodiscard]] core::Result<core::Json> updateProduct(const Session& session, const std::string& id,
                                                         const core::Json& input);
    [[nodiscard]] core::Status deleteProduct(const Session& session, const std::string& id);

    [[nodiscard]] core::Result<core::Json> listEmployees(const Session& session);
    [[nodiscard]] core::Result<core::Json> createEmployee(const Session& session, const core::Json& input);
    [[nodiscard]] core::Result<core::Json> updateEmployee(const Session& session, const std::string& id,
                                                          const core::Json& input);
    [[nodiscard]] core::Status deleteEmployee(const Session& session, const std::string& id);

    /// Fills the search keys of rows written before migration 6 (SQL cannot fold Cyrillic case
    /// the same way on both backends, so the keys are computed here, once, at start-up).
    [[nodiscard]] static core::Status backfillSearchKeys(db::Connection& db);

private:
    ServiceContext& m_context;
};

} // namespace sigma::cloud
