#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "store/CatalogRepository.h"
#include "store/EmployeeRepository.h"
#include "store/TerminalDatabase.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sigma::sync {

/// What applying one page of changes did.
struct AppliedChanges {
    std::int64_t products = 0;
    std::int64_t employees = 0;
    std::int64_t ignored = 0;         ///< entities this terminal does not know (a newer cloud)
    std::vector<std::string> refused; ///< "product <id>: why", kept out of the catalog (see below)
};

/// Applies the cloud's change feed (GET /api/v1/device/changes) to terminal.db.
///
/// Conflict rule (docs/sync-protocol.md "Pulling changes"): the cloud wins for every field it
/// sends (product name, SKU, price, VAT rate, unit, barcodes; employee name, role, PIN hash),
/// because the owner edits the catalog in the cabinet and prices must be the same on every
/// terminal of the account; fields the cloud does not carry (category, PLU, weighed, image,
/// payment object, INN) keep their local values. A cloud "delete" takes the item off sale
/// (inactive), so old receipts and returns still find it.
///
/// The whole page must be well formed, else nothing is applied (kSyncBadAnswer). A well-formed
/// item the terminal cannot store (a barcode with a wrong check digit, a SKU another local
/// product holds) is refused alone inside a savepoint and listed, so one bad product cannot stop
/// the feed for good.
class ChangeApplier {
public:
    ChangeApplier(store::TerminalDatabase& database, const core::Clock& clock);

    /// Applies `changes` inside the caller's open transaction.
    core::Result<AppliedChanges> apply(const core::Json& changes);

    /// Checks a page's shape: {"changes": [...], "cursor": int >= after, "more": bool}.
    [[nodiscard]] static core::Status validatePage(const core::Json& page, std::int64_t after);

private:
    core::Status applyProduct(const std::string& id, bool remove, const core::Json& data);
    core::Status applyEmployee(const std::string& id, bool remove, const core::Json& data);

    store::TerminalDatabase& m_database;
    store::CatalogRepository m_catalog;
    store::EmployeeRepository m_employees;
    const core::Clock& m_clock;
};

} // namespace sigma::sync
