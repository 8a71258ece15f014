#pragma once

#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/PaymentObject.h"
#include "core/Result.h"
#include "core/VatRate.h"
#include "store/TerminalDatabase.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::store {

struct CatalogCategory {
    std::string id; ///< UUID
    std::string name;
    std::string parentId; ///< empty at the top level
    int sort = 0;         ///< tiles are shown by sort, then name
    std::int64_t updatedAtUs = 0;
};

struct CatalogProduct {
    std::string id; ///< UUID
    std::string sku;
    std::string name; ///< as printed on the receipt (tag 1030): at most 128 characters
    core::Money price;
    core::MeasureUnit unit = core::MeasureUnit::Piece;
    core::VatRate vat = core::VatRate::Vat22;
    core::PaymentObject paymentObject = core::PaymentObject::Commodity;
    bool weighed = false;   ///< sold by weight: quantity from the scale or a weight label
    std::optional<int> plu; ///< the item code on weight labels
    std::string categoryId; ///< empty: no category
    bool active = true;     ///< false: kept for history and sync, not sold or found by search
    std::int64_t updatedAtUs = 0;
    std::optional<std::string> image;
    /// Barcodes, main first, as the barcode index keys them (core::ParsedBarcode::lookupKey). On
    /// upsert any scannable form is accepted (a UPC-A is stored as its EAN-13, a marking code as
    /// its GTIN).
    std::vector<std::string> barcodes;
};

/// Why a product is in the search results; the order is also the ranking of the tiers.
enum class CatalogMatch {
    Barcode = 1,   ///< the query is one of its barcodes
    Sku,           ///< the query is its SKU (any case)
    Plu,           ///< the query is its weight-label item code
    Name,          ///< every query word starts a word of its name or SKU
    BarcodePrefix, ///< the query (4-12 digits) starts one of its barcodes
    Layout,        ///< as Name, once the query is read in the other keyboard layout
    Typo,          ///< as Name, allowing one typo per word of four letters or more
};

std::string_view catalogMatchName(CatalogMatch match);

struct CatalogSearchHit {
    CatalogProduct product;
    /// Higher is better: the tier (barcode 5, SKU 4, PLU 3.5, name 2, barcode prefix 1.5, layout 1,
    /// typo 0) plus the text's match quality within the tier (below 1).
    double score = 0.0;
    CatalogMatch match = CatalogMatch::Name;
};

/// What a bulk upsert did.
struct CatalogUpsertCounts {
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
};

/// The catalog in terminal.db: products, their barcodes and categories, and the search over them.
///
/// Writes keep these invariants: a barcode belongs to one product, a PLU to one product, a
/// non-empty SKU to one product (compared without regard to case). A barcode or PLU that another
/// product holds moves to the product being written, because the catalog being loaded (an import,
/// the cloud) is the truth and the other product's entry is stale; a taken SKU is refused
/// (kDuplicateSku), because it identifies products in imports.
///
/// Writes run in a transaction of their own, or in the caller's when one is open on the
/// connection (TerminalDatabase::transaction).
class CatalogRepository {
public:
    static constexpr int kMaxSearchLimit = 200;
    /// FFD tag 1030 holds at most 128 characters.
    static constexpr std::size_t kMaxNameLength = 128;
    /// Longer queries are cut (at a character boundary): nobody types more, and the typo variants
    /// of a long query would only cost time.
    static constexpr std::size_t kMaxQueryBytes = 256;
    static constexpr std::size_t kMaxQueryWords = 8;
    /// Candidates taken from the index per query before ranking. Queries that match more are too
    /// vague for the order among the rest to matter, and ranking every match of "м" would take
    /// longer than typing the next letter.
    static constexpr int kCandidateLimit = 1000;
    /// Typo matches rank below every other kind: fewer candidates suffice.
    static constexpr int kTypoCandidateLimit = 300;

    explicit CatalogRepository(TerminalDatabase& database);

    core::Status upsertCategory(const CatalogCategory& category);
    /// All categories, by parent, sort, name.
    core::Result<std::vector<CatalogCategory>> categories();

    /// Inserts the product, or replaces the one with the same id; replaces its barcode set.
    /// Returns true when it was inserted. Errors: kBadProduct, kBadUuid, barcode errors (field
    /// "barcodes[i]"), kDuplicateSku, kUnknownCategory.
    core::Result<bool> upsertProduct(const CatalogProduct& product);
    /// Many products in one transaction: all or none. Rebuilds the search index's segments after
    /// a large batch so searches stay fast.
    core::Result<CatalogUpsertCounts> upsertProducts(std::span<const CatalogProduct> products);
    /// Takes a product off sale (or back); kProductNotFound for an unknown id.
    core::Status setActive(std::string_view id, bool active, std::int64_t atUs);
    /// Removes a product and its barcodes; kProductNotFound for an unknown id.
    core::Status deleteProduct(std::string_view id);

    // Finders return inactive products too (the caller decides whether they may be sold).
    core::Result<std::optional<CatalogProduct>> findById(std::string_view id);
    core::Result<std::optional<CatalogProduct>> findBySku(std::string_view sku);
    /// Exact look-up by index key (core::ParsedBarcode::lookupKey).
    core::Result<std::optional<CatalogProduct>> findByBarcode(std::string_view lookupKey);
    core::Result<std::optional<CatalogProduct>> findByPlu(int plu);

    /// Active products of a category (empty id: those without one), by name: the quick tiles.
    core::Result<std::vector<CatalogProduct>> listByCategory(std::string_view categoryId, int offset, int limit);
    core::Result<std::int64_t> productCount();

    /// Active products for what a cashier typed, best first, at most `limit` (1-200):
    /// exact barcode, SKU or PLU hits; then products whose name (or SKU) has words starting with
    /// every query word, ё and е alike; barcodes starting with a 4-12 digit query; and, while
    /// fewer than `limit` were found, the query read in the other keyboard layout ("vjkjrj" ->
    /// "молоко") and with one typo per word ("малоко" -> "молоко"). Any text is a valid query:
    /// quotes, *, NEAR, -, ^ are plain characters; an empty query finds nothing.
    core::Result<std::vector<CatalogSearchHit>> search(std::string_view text, int limit = 20);

    /// Merges the search index into one segment (SQLite's FTS5 'optimize').
    core::Status optimizeSearchIndex();
    /// Recreates the search index from the active products. Only this class writes the index (in
    /// the transaction that writes the product); this repairs it should anything else ever change
    /// products behind its back.
    core::Status rebuildSearchIndex();

    /// The checks upsertProduct() makes before writing.
    [[nodiscard]] static core::Status validate(const CatalogProduct& product);

    /// Runs `body` in an IMMEDIATE transaction, or in the caller's when one is already open, so
    /// that reads and writes of an import see and leave one consistent catalog. The search index
    /// changes of the writes inside are applied together at the end of the outermost call.
    core::Status transaction(const std::function<core::Status()>& body);

private:
    class Candidates;

    core::Result<bool> writeProduct(const CatalogProduct& product);
    /// Index changes wait for the end of the transaction (writePendingIndex()), in order.
    void indexAdd(std::int64_t seq, const std::string& searchText);
    void indexRemove(std::int64_t seq, const std::string& searchText);
    core::Status writePendingIndex();
    /// Products with their barcodes; `seqs`, when given, receives each one's rowid.
    core::Result<std::vector<CatalogProduct>> loadProducts(std::string_view whereClause,
                                                           std::initializer_list<db::Param> params,
                                                           std::vector<std::int64_t>* seqs = nullptr);
    core::Result<std::optional<CatalogProduct>> loadOne(std::string_view whereClause,
                                                        std::initializer_list<db::Param> params);
    /// Runs an FTS5 query and offers its matches (at most `limit`); returns how many it had.
    core::Result<std::size_t> addCandidates(std::string_view matchExpression, CatalogMatch match, double base,
                                            const std::vector<std::string>& rankWords, int limit, Candidates& found);
    /// The index's words (letters only, sorted), reloaded when catalog_state.revision moved.
    core::Result<const std::vector<std::string>*> vocabulary();
    core::Status addExactHits(std::string_view sql, const db::Param& key, CatalogMatch match, double score,
                              Candidates& found);

    struct IndexChange {
        bool add = true; ///< false: remove
        std::int64_t seq = 0;
        std::string searchText;
    };

    TerminalDatabase& m_database;
    int m_transactionDepth = 0;
    std::vector<IndexChange> m_pendingIndex;
    std::vector<std::string> m_vocabulary;
    std::int64_t m_vocabularyRevision = -1;
};

} // namespace sigma::store
