#include "store/CatalogRepository.h"

#include "core/Barcode.h"
#include "core/ErrorCodes.h"
#include "core/ExactJson.h"
#include "core/Uuid.h"
#include "db/Transaction.h"
#include "store/CatalogText.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sigma::store {
namespace {

namespace errc = core::errc;

constexpr std::string_view kProductColumns = "seq, id, sku, name, price, unit, vat_rate, payment_object, weighed, plu, "
                                             "category_id, active, updated_at_us, image";
/// The page cache of a catalog write transaction, in KiB.
constexpr std::int64_t kTransactionCacheKiB = 64 * 1024;
/// Above this many products a bulk upsert merges the search index afterwards.
constexpr std::size_t kOptimizeAfter = 1000;
/// Typo variants are generated for at most this many words of a query, and for words no longer
/// than kMaxTypoWordLength: each word of n letters costs about 66 n index look-ups.
constexpr std::size_t kMaxTypoWords = 3;
constexpr std::size_t kMaxTypoWordLength = 24;

constexpr double kBarcodeScore = 5.0;
constexpr double kSkuScore = 4.0;
constexpr double kPluScore = 3.5;
constexpr double kNameBase = 2.0;
constexpr double kBarcodePrefixScore = 1.5;
constexpr double kLayoutBase = 1.0;
constexpr double kTypoBase = 0.0;

/// A PLU typed as a query has at most this many digits (the weight label's item code).
constexpr std::size_t kMaxPluDigits = 6;
constexpr std::size_t kMinBarcodePrefix = 4;
constexpr std::size_t kMaxBarcodePrefix = 12;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && isSpace(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isSpace(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

/// The first `maxBytes` bytes of `text`, cut back to a UTF-8 character boundary.
std::string_view truncateUtf8(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes) {
        return text;
    }
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return text.substr(0, end);
}

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t utf8Length(std::string_view text)
{
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// An FTS5 string token: the words are letters and digits only after normalisation, but quoting
/// (and doubling any quote) keeps the query a plain term whatever the word holds: NEAR, AND, -,
/// ^ and * typed by a cashier are never operators.
void appendFtsTerm(std::string& expression, std::string_view word, bool prefix)
{
    expression += '"';
    for (char c : word) {
        expression += c;
        if (c == '"') {
            expression += '"';
        }
    }
    expression += prefix ? "\"*" : "\"";
}

std::string ftsAllWords(const std::vector<std::string>& words, bool prefix)
{
    std::string expression;
    for (const auto& word : words) {
        if (!expression.empty()) {
            expression += " AND ";
        }
        appendFtsTerm(expression, word, prefix);
    }
    return expression;
}

bool hasWordStartingWith(const std::vector<std::string>& vocabulary, std::string_view prefix)
{
    const auto it = std::lower_bound(vocabulary.begin(), vocabulary.end(), prefix,
                                     [](const std::string& word, std::string_view p) { return word < p; });
    return it != vocabulary.end() && std::string_view(*it).substr(0, prefix.size()) == prefix;
}

/// Every word as a prefix, and each of the first few long words also as those of its one-edit
/// variants that start some word of the index: typically one or two of several hundred, so the
/// query stays as cheap as a plain one. Empty when no word could be expanded (the plain query ran
/// already) or some word can match nothing at all.
std::string ftsWithTypos(const std::vector<std::string>& words, const std::vector<std::string>& vocabulary)
{
    std::string expression;
    std::size_t expanded = 0;
    for (const auto& word : words) {
        if (!expression.empty()) {
            expression += " AND ";
        }
        const std::size_t length = utf8Length(word);
        if (expanded == kMaxTypoWords || length < kMinTypoWordLength || length > kMaxTypoWordLength) {
            appendFtsTerm(expression, word, true);
            continue;
        }
        std::vector<std::string> terms;
        if (hasWordStartingWith(vocabulary, word)) {
            terms.push_back(word);
        }
        for (auto& variant : oneEditVariants(word)) {
            if (hasWordStartingWith(vocabulary, variant)) {
                terms.push_back(std::move(variant));
            }
        }
        if (terms.empty()) {
            return {}; // the word is nothing like any word of the catalog
        }
        ++expanded;
        expression += '(';
        for (std::size_t i = 0; i < terms.size(); ++i) {
            if (i > 0) {
                expression += " OR ";
            }
            appendFtsTerm(expression, terms[i], true);
        }
        expression += ')';
    }
    return expanded > 0 ? expression : std::string();
}

std::vector<std::string> queryWords(std::string_view text)
{
    auto words = searchWords(normalizeSearchText(text));
    if (words.size() > CatalogRepository::kMaxQueryWords) {
        words.resize(CatalogRepository::kMaxQueryWords);
    }
    return words;
}

/// What the search index holds for a product: its name and SKU in normal form.
std::string searchTextOf(const CatalogProduct& product)
{
    std::string text = normalizeSearchText(product.name);
    const std::string sku = normalizeSearchText(product.sku);
    if (!sku.empty()) {
        text += text.empty() ? sku : " " + sku;
    }
    return text;
}

core::Error corruptRow(const std::string& id, const core::Error& cause)
{
    return core::Error(errc::kDbCorrupt, "catalog row of product " + id + " is unreadable: " + cause.message);
}

core::Result<CatalogProduct> productFromRow(const db::Row& row)
{
    CatalogProduct p;
    p.id = row.text(1);
    p.sku = row.text(2);
    p.name = row.text(3);
    p.price = core::Money::fromKopecks(row.int64(4));
    auto unit = core::measureUnitFromCode(static_cast<int>(row.int64(5)));
    if (!unit) {
        return corruptRow(p.id, unit.error());
    }
    p.unit = *unit;
    auto vat = core::VatTable::standard().fromAtolName(row.text(6));
    if (!vat) {
        return corruptRow(p.id, vat.error());
    }
    p.vat = *vat;
    auto object = core::parsePaymentObject(row.text(7));
    if (!object) {
        return corruptRow(p.id, object.error());
    }
    p.paymentObject = *object;
    p.weighed = row.int64(8) != 0;
    if (auto plu = row.optionalInt64(9)) {
        p.plu = static_cast<int>(*plu);
    }
    p.categoryId = row.optionalText(10).value_or("");
    p.active = row.int64(11) != 0;
    p.updatedAtUs = row.int64(12);
    p.image = row.optionalText(13);
    return p;
}

db::Param optionalText(const std::string& text)
{
    return text.empty() ? db::Param() : db::Param(text);
}

} // namespace

/// The products a search has found so far, each once with its best score.
class CatalogRepository::Candidates {
public:
    struct Entry {
        std::int64_t seq = 0;
        std::string text; ///< normalised name + SKU, for ties
        double score = 0.0;
        CatalogMatch match = CatalogMatch::Name;
    };

    void offer(std::int64_t seq, std::string text, double score, CatalogMatch match)
    {
        const auto [it, inserted] = m_index.try_emplace(seq, m_entries.size());
        if (inserted) {
            m_entries.push_back({seq, std::move(text), score, match});
        } else if (score > m_entries[it->second].score) {
            m_entries[it->second].score = score;
            m_entries[it->second].match = match;
        }
    }
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

    /// The best `limit`, best first; equal scores by name so the order is stable.
    std::vector<Entry> best(std::size_t limit)
    {
        const auto better = [](const Entry& a, const Entry& b) {
            if (a.score != b.score) {
                return a.score > b.score;
            }
            if (a.text != b.text) {
                return a.text < b.text;
            }
            return a.seq < b.seq;
        };
        const std::size_t n = std::min(limit, m_entries.size());
        std::partial_sort(m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(n), m_entries.end(),
                          better);
        return {m_entries.begin(), m_entries.begin() + static_cast<std::ptrdiff_t>(n)};
    }

private:
    std::vector<Entry> m_entries;
    std::unordered_map<std::int64_t, std::size_t> m_index;
};

std::string_view catalogMatchName(CatalogMatch match)
{
    switch (match) {
    case CatalogMatch::Barcode:
        return "barcode";
    case CatalogMatch::Sku:
        return "sku";
    case CatalogMatch::Plu:
        return "plu";
    case CatalogMatch::Name:
        return "name";
    case CatalogMatch::BarcodePrefix:
        return "barcodePrefix";
    case CatalogMatch::Layout:
        return "layout";
    case CatalogMatch::Typo:
        return "typo";
    }
    return "name";
}

CatalogRepository::CatalogRepository(TerminalDatabase& database) : m_database(database)
{
}

core::Status CatalogRepository::transaction(const std::function<core::Status()>& body)
{
    if (m_transactionDepth > 0) {
        return body(); // the enclosing call writes the index and commits
    }
    ++m_transactionDepth;
    struct Done {
        CatalogRepository& self;
        ~Done()
        {
            --self.m_transactionDepth;
            self.m_pendingIndex.clear(); // written, or rolled back with the transaction
        }
    } done{*this};

    auto& connection = m_database.connection();
    const auto run = [&]() -> core::Status {
        SIGMA_TRY(body());
        SIGMA_TRY(writePendingIndex());
        return connection.execute("UPDATE catalog_state SET revision = revision + 1 WHERE id = 1");
    };
    if (connection.inTransaction()) {
        return run();
    }
    // An import touches the products, barcode and index b-trees all over: with SQLite's default
    // 2 MiB page cache a large transaction spills dirty pages to the WAL and reads them back
    // (about a tenth of a 100,000-product import). Pages are allocated only as needed, and the
    // setting is put back afterwards.
    SIGMA_ASSIGN_OR_RETURN(auto cacheSize, connection.queryOne("PRAGMA cache_size"));
    const std::int64_t previous = cacheSize ? cacheSize->int64(0) : -2000;
    SIGMA_TRY(connection.execute("PRAGMA cache_size = " + std::to_string(-kTransactionCacheKiB)));
    const core::Status status = [&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(connection, db::TransactionMode::Immediate));
        SIGMA_TRY(run());
        return tx.commit();
    }();
    (void)connection.execute("PRAGMA cache_size = " + std::to_string(previous)); // only speed depends on it
    return status;
}

core::Status CatalogRepository::upsertCategory(const CatalogCategory& category)
{
    if (auto uuid = core::Uuid::parse(category.id); !uuid) {
        return uuid.error().inField("id");
    }
    if (trim(category.name).empty()) {
        return core::Error(errc::kBadProduct, "category name is empty", "name");
    }
    if (category.parentId == category.id) {
        return core::Error(errc::kBadProduct, "a category cannot be its own parent", "parentId");
    }
    auto status = m_database.connection().execute(
        "INSERT INTO categories (id, name, parent_id, sort, updated_at_us) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, sort = excluded.sort, "
        "updated_at_us = excluded.updated_at_us",
        {category.id, category.name, optionalText(category.parentId), category.sort, category.updatedAtUs});
    if (!status && status.error().code == errc::kDbConstraint) {
        return core::Error(errc::kUnknownCategory, "unknown parent category " + category.parentId, "parentId");
    }
    return status;
}

core::Result<std::vector<CatalogCategory>> CatalogRepository::categories()
{
    SIGMA_ASSIGN_OR_RETURN(
        auto rows, m_database.connection().query("SELECT id, name, parent_id, sort, updated_at_us FROM categories "
                                                 "ORDER BY parent_id IS NOT NULL, parent_id, sort, name"));
    std::vector<CatalogCategory> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
        out.push_back(
            {row.text(0), row.text(1), row.optionalText(2).value_or(""), static_cast<int>(row.int64(3)), row.int64(4)});
    }
    return out;
}

core::Status CatalogRepository::validate(const CatalogProduct& product)
{
    if (auto uuid = core::Uuid::parse(product.id); !uuid) {
        return uuid.error().inField("id");
    }
    const std::string_view name = trim(product.name);
    if (name.empty()) {
        return core::Error(errc::kBadProduct, "product name is empty", "name");
    }
    if (firstInvalidUtf8(product.name) != std::string_view::npos) {
        return core::Error(errc::kBadProduct, "product name is not valid UTF-8", "name");
    }
    if (utf8Length(product.name) > kMaxNameLength) {
        return core::Error(errc::kBadProduct,
                           "product name is longer than " + std::to_string(kMaxNameLength) + " characters (" +
                               std::to_string(utf8Length(product.name)) + ")",
                           "name");
    }
    if (std::any_of(product.name.begin(), product.name.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
        return core::Error(errc::kBadProduct, "product name holds control characters (a line break?)", "name");
    }
    if (product.price.isNegative()) {
        return core::Error(errc::kBadProduct, "price is negative", "price");
    }
    if (!product.price.withinRegisterLimit()) {
        return core::Error(errc::kMoneyOutOfRange, "price is beyond the register limit", "price");
    }
    if (product.weighed && !core::measureUnitAllowsFractions(product.unit)) {
        return core::Error(errc::kBadProduct,
                           "a product sold by weight needs a unit with fractions (kilogram), not " +
                               std::string(core::measureUnitName(product.unit)),
                           "unit");
    }
    if (product.plu && (*product.plu < 1 || *product.plu > 999'999)) {
        return core::Error(errc::kBadProduct, "PLU must be 1-999999, got " + std::to_string(*product.plu), "plu");
    }
    for (std::size_t i = 0; i < product.barcodes.size(); ++i) {
        if (auto parsed = core::parseBarcode(product.barcodes[i]); !parsed) {
            return parsed.error().inField("barcodes[" + std::to_string(i) + "]");
        }
    }
    return core::ok();
}

void CatalogRepository::indexAdd(std::int64_t seq, const std::string& searchText)
{
    m_pendingIndex.push_back({true, seq, searchText});
}

void CatalogRepository::indexRemove(std::int64_t seq, const std::string& searchText)
{
    m_pendingIndex.push_back({false, seq, searchText});
}

core::Status CatalogRepository::writePendingIndex()
{
    // Consecutive index statements and nothing else: FTS5 flushes the terms it holds in memory
    // into a new index segment whenever another statement opens a savepoint (an upsert, a
    // foreign key check), so writing the index row by row between the products and barcodes
    // made one segment per product and a 100,000-product import several times slower.
    auto& connection = m_database.connection();
    for (const auto& op : m_pendingIndex) {
        if (op.add) {
            SIGMA_TRY(connection.execute("INSERT INTO catalog_fts (rowid, search_text) VALUES ($1, $2)",
                                         {op.seq, op.searchText}));
        } else {
            // An external-content index forgets a row given exactly the text it indexed.
            SIGMA_TRY(connection.execute(
                "INSERT INTO catalog_fts (catalog_fts, rowid, search_text) VALUES ('delete', $1, $2)",
                {op.seq, op.searchText}));
        }
    }
    m_pendingIndex.clear();
    return core::ok();
}

core::Result<bool> CatalogRepository::writeProduct(const CatalogProduct& product)
{
    SIGMA_TRY(validate(product));
    auto& connection = m_database.connection();

    // One look-up answers both questions: does the product exist (and what did the index get
    // from it), and is its SKU taken.
    SIGMA_ASSIGN_OR_RETURN(auto owners, connection.query("SELECT id, name, seq, search_text, active FROM products "
                                                         "WHERE id = $1 OR (sku = $2 AND sku <> '')",
                                                         {product.id, product.sku}));
    std::optional<db::Row> old;
    for (const auto& row : owners) {
        if (row.text(0) == product.id) {
            old = row;
        } else {
            return core::Error(
                errc::kDuplicateSku,
                "SKU " + product.sku + " belongs to another product (" + row.text(1) + ", " + row.text(0) + ")", "sku");
        }
    }
    const std::string searchText = searchTextOf(product);
    const bool wasIndexed = old && old->int64(4) != 0;
    const bool textChanged = !old || old->text(3) != searchText;
    if (wasIndexed && (!product.active || textChanged)) {
        indexRemove(old->int64(2), old->text(3));
    }
    if (product.plu) {
        SIGMA_TRY(connection.execute("UPDATE products SET plu = NULL WHERE plu = $1 AND id <> $2",
                                     {*product.plu, product.id}));
    }
    auto written = connection.queryOne(
        "INSERT INTO products (id, sku, name, price, unit, vat_rate, payment_object, weighed, plu, category_id, "
        "active, updated_at_us, image, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
        "$14) "
        "ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, price = excluded.price, "
        "unit = excluded.unit, vat_rate = excluded.vat_rate, payment_object = excluded.payment_object, "
        "weighed = excluded.weighed, plu = excluded.plu, category_id = excluded.category_id, "
        "active = excluded.active, updated_at_us = excluded.updated_at_us, image = excluded.image, "
        "search_text = excluded.search_text RETURNING seq",
        {product.id, product.sku, product.name, product.price.kopecks(), core::measureUnitCode(product.unit),
         std::string(core::VatTable::standard().info(product.vat).atolName),
         std::string(core::paymentObjectName(product.paymentObject)), product.weighed, product.plu,
         optionalText(product.categoryId), product.active, product.updatedAtUs, product.image, searchText});
    if (!written) {
        if (written.error().code == errc::kDbConstraint && !product.categoryId.empty()) {
            SIGMA_ASSIGN_OR_RETURN(auto category,
                                   connection.queryOne("SELECT 1 FROM categories WHERE id = $1", {product.categoryId}));
            if (!category) {
                return core::Error(errc::kUnknownCategory, "unknown category " + product.categoryId, "categoryId");
            }
        }
        return written.error();
    }
    if (!*written) {
        return core::Error(errc::kDbError, "upsert of product " + product.id + " returned no row");
    }
    if (product.active && (!wasIndexed || textChanged)) {
        indexAdd((*written)->int64(0), searchText);
    }

    if (old) {
        SIGMA_TRY(connection.execute("DELETE FROM barcodes WHERE product_id = $1", {product.id}));
    }
    std::unordered_set<std::string> seen;
    std::int64_t position = 0;
    for (const auto& code : product.barcodes) {
        SIGMA_ASSIGN_OR_RETURN(auto parsed, core::parseBarcode(code));
        if (!seen.insert(parsed.lookupKey).second) {
            continue;
        }
        SIGMA_TRY(connection.execute("INSERT INTO barcodes (barcode, product_id, position) VALUES ($1, $2, $3) "
                                     "ON CONFLICT (barcode) DO UPDATE SET product_id = excluded.product_id, "
                                     "position = excluded.position",
                                     {parsed.lookupKey, product.id, position++}));
    }
    return !old;
}

core::Result<bool> CatalogRepository::upsertProduct(const CatalogProduct& product)
{
    bool inserted = false;
    SIGMA_TRY(transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(inserted, writeProduct(product));
        return core::ok();
    }));
    return inserted;
}

core::Result<CatalogUpsertCounts> CatalogRepository::upsertProducts(std::span<const CatalogProduct> products)
{
    CatalogUpsertCounts counts;
    SIGMA_TRY(transaction([&]() -> core::Status {
        for (std::size_t i = 0; i < products.size(); ++i) {
            auto inserted = writeProduct(products[i]);
            if (!inserted) {
                return inserted.error().inField("products[" + std::to_string(i) + "]");
            }
            ++(*inserted ? counts.inserted : counts.updated);
        }
        return core::ok();
    }));
    if (products.size() >= kOptimizeAfter && !m_database.connection().inTransaction()) {
        SIGMA_TRY(optimizeSearchIndex());
    }
    return counts;
}

core::Status CatalogRepository::setActive(std::string_view id, bool active, std::int64_t atUs)
{
    return transaction([&]() -> core::Status {
        auto& connection = m_database.connection();
        SIGMA_ASSIGN_OR_RETURN(
            auto old, connection.queryOne("SELECT seq, search_text, active FROM products WHERE id = $1", {id}));
        if (!old) {
            return core::Error(errc::kProductNotFound, "no product with id " + std::string(id), "id");
        }
        SIGMA_TRY(connection.execute("UPDATE products SET active = $2, updated_at_us = $3 WHERE id = $1",
                                     {id, active, atUs}));
        const bool wasActive = old->int64(2) != 0;
        if (wasActive && !active) {
            indexRemove(old->int64(0), old->text(1));
        } else if (!wasActive && active) {
            indexAdd(old->int64(0), old->text(1));
        }
        return core::ok();
    });
}

core::Status CatalogRepository::deleteProduct(std::string_view id)
{
    return transaction([&]() -> core::Status {
        auto& connection = m_database.connection();
        SIGMA_ASSIGN_OR_RETURN(
            auto old, connection.queryOne("SELECT seq, search_text, active FROM products WHERE id = $1", {id}));
        if (!old) {
            return core::Error(errc::kProductNotFound, "no product with id " + std::string(id), "id");
        }
        if (old->int64(2) != 0) {
            indexRemove(old->int64(0), old->text(1));
        }
        return connection.execute("DELETE FROM products WHERE id = $1", {id}); // barcodes go by ON DELETE CASCADE
    });
}

core::Result<std::vector<CatalogProduct>> CatalogRepository::loadProducts(std::string_view whereClause,
                                                                          std::initializer_list<db::Param> params,
                                                                          std::vector<std::int64_t>* seqs)
{
    auto& connection = m_database.connection();
    const std::string sql = "SELECT " + std::string(kProductColumns) + " FROM products " + std::string(whereClause);
    SIGMA_ASSIGN_OR_RETURN(auto rows, connection.query(sql, params));
    std::vector<CatalogProduct> products;
    products.reserve(rows.size());
    core::Json ids = core::Json::array();
    std::unordered_map<std::string, std::size_t> byId;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto product, productFromRow(row));
        byId.emplace(product.id, products.size());
        ids.push_back(product.id);
        if (seqs != nullptr) {
            seqs->push_back(row.int64(0));
        }
        products.push_back(std::move(product));
    }
    if (products.empty()) {
        return products;
    }
    // All barcodes in one statement: the ids travel as one JSON array parameter.
    SIGMA_ASSIGN_OR_RETURN(auto barcodeRows, connection.query("SELECT product_id, barcode FROM barcodes "
                                                              "WHERE product_id IN (SELECT value FROM json_each($1)) "
                                                              "ORDER BY product_id, position",
                                                              {ids.dump()}));
    for (const auto& row : barcodeRows) {
        if (auto it = byId.find(row.text(0)); it != byId.end()) {
            products[it->second].barcodes.push_back(row.text(1));
        }
    }
    return products;
}

core::Result<std::optional<CatalogProduct>> CatalogRepository::loadOne(std::string_view whereClause,
                                                                       std::initializer_list<db::Param> params)
{
    SIGMA_ASSIGN_OR_RETURN(auto products, loadProducts(whereClause, params));
    if (products.empty()) {
        return std::optional<CatalogProduct>();
    }
    return std::optional<CatalogProduct>(std::move(products.front()));
}

core::Result<std::optional<CatalogProduct>> CatalogRepository::findById(std::string_view id)
{
    return loadOne("WHERE id = $1", {id});
}

core::Result<std::optional<CatalogProduct>> CatalogRepository::findBySku(std::string_view sku)
{
    if (sku.empty()) {
        return std::optional<CatalogProduct>();
    }
    return loadOne("WHERE sku = $1 AND sku <> ''", {sku});
}

core::Result<std::optional<CatalogProduct>> CatalogRepository::findByBarcode(std::string_view lookupKey)
{
    return loadOne("WHERE id = (SELECT product_id FROM barcodes WHERE barcode = $1)", {lookupKey});
}

core::Result<std::optional<CatalogProduct>> CatalogRepository::findByPlu(int plu)
{
    return loadOne("WHERE plu = $1", {plu});
}

core::Result<std::vector<CatalogProduct>> CatalogRepository::listByCategory(std::string_view categoryId, int offset,
                                                                            int limit)
{
    const db::Param category = categoryId.empty() ? db::Param() : db::Param(categoryId);
    return loadProducts("WHERE category_id IS $1 AND active = 1 ORDER BY name, seq LIMIT $2 OFFSET $3",
                        {category, std::clamp(limit, 0, kMaxSearchLimit), std::max(offset, 0)});
}

core::Result<std::int64_t> CatalogRepository::productCount()
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_database.connection().queryOne("SELECT count(*) FROM products"));
    return row ? row->int64(0) : 0;
}

core::Status CatalogRepository::optimizeSearchIndex()
{
    return m_database.connection().execute("INSERT INTO catalog_fts (catalog_fts) VALUES ('optimize')");
}

core::Status CatalogRepository::rebuildSearchIndex()
{
    // The index's content is the view of active products, so 'rebuild' recreates it exactly.
    return transaction([&]() -> core::Status {
        return m_database.connection().execute("INSERT INTO catalog_fts (catalog_fts) VALUES ('rebuild')");
    });
}

core::Status CatalogRepository::addExactHits(std::string_view sql, const db::Param& key, CatalogMatch match,
                                             double score, Candidates& found)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(sql, {key}));
    for (const auto& row : rows) {
        found.offer(row.int64(0), row.text(1), score, match);
    }
    return core::ok();
}

core::Result<std::size_t> CatalogRepository::addCandidates(std::string_view matchExpression, CatalogMatch match,
                                                           double base, const std::vector<std::string>& rankWords,
                                                           int limit, Candidates& found)
{
    // Candidates in index order, capped, then ranked here: FTS5's own ORDER BY rank would score
    // every match first (tens of milliseconds for a one-letter query over 100,000 names).
    SIGMA_ASSIGN_OR_RETURN(auto rows,
                           m_database.connection().query("SELECT p.seq, p.search_text FROM catalog_fts "
                                                         "JOIN products p ON p.seq = catalog_fts.rowid "
                                                         "WHERE catalog_fts MATCH $1 AND p.active = 1 LIMIT $2",
                                                         {matchExpression, limit}));
    const bool allowTypos = match == CatalogMatch::Typo;
    for (const auto& row : rows) {
        const std::string& text = row.text(1);
        found.offer(row.int64(0), text, base + matchQuality(rankWords, text, allowTypos), match);
    }
    return rows.size();
}

core::Result<const std::vector<std::string>*> CatalogRepository::vocabulary()
{
    auto& connection = m_database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto revision, connection.queryOne("SELECT revision FROM catalog_state WHERE id = 1"));
    const std::int64_t current = revision ? revision->int64(0) : 0;
    if (current == m_vocabularyRevision) {
        return &m_vocabulary;
    }
    // fts5vocab lists the index's terms in order; a temp table, so it works on a read-only
    // connection too. Terms with digits (SKUs, sizes) sort before 'a' and get no typo variants.
    SIGMA_TRY(connection.executeScript("CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_vocabulary "
                                       "USING fts5vocab(main, catalog_fts, row)"));
    SIGMA_ASSIGN_OR_RETURN(auto rows, connection.query("SELECT term FROM temp.catalog_vocabulary WHERE term >= 'a'"));
    m_vocabulary.clear();
    m_vocabulary.reserve(rows.size());
    for (const auto& row : rows) {
        m_vocabulary.push_back(row.text(0));
    }
    std::sort(m_vocabulary.begin(), m_vocabulary.end());
    m_vocabularyRevision = current;
    return &m_vocabulary;
}

core::Result<std::vector<CatalogSearchHit>> CatalogRepository::search(std::string_view text, int limit)
{
    const auto wanted = static_cast<std::size_t>(std::clamp(limit, 1, kMaxSearchLimit));
    const std::string_view query = trim(truncateUtf8(text, kMaxQueryBytes));
    if (query.empty()) {
        return std::vector<CatalogSearchHit>();
    }
    Candidates found;

    // Codes first: a scanned or typed barcode, SKU or PLU is exactly one product.
    if (auto parsed = core::parseBarcode(query); parsed.ok()) {
        SIGMA_TRY(addExactHits("SELECT p.seq, p.search_text FROM barcodes b JOIN products p ON p.id = b.product_id "
                               "WHERE b.barcode = $1 AND p.active = 1",
                               parsed->lookupKey, CatalogMatch::Barcode, kBarcodeScore, found));
    }
    SIGMA_TRY(addExactHits("SELECT seq, search_text FROM products WHERE sku = $1 AND sku <> '' AND active = 1", query,
                           CatalogMatch::Sku, kSkuScore, found));
    if (allDigits(query) && query.size() <= kMaxPluDigits) {
        SIGMA_TRY(addExactHits("SELECT seq, search_text FROM products WHERE plu = $1 AND active = 1",
                               std::stoi(std::string(query)), CatalogMatch::Plu, kPluScore, found));
    }

    // Words: exact words first so that they are among the candidates even when the prefix
    // query matches more than the candidate limit.
    const std::vector<std::string> words = queryWords(query);
    if (!words.empty()) {
        SIGMA_ASSIGN_OR_RETURN(auto prefixed, addCandidates(ftsAllWords(words, true), CatalogMatch::Name, kNameBase,
                                                            words, kCandidateLimit, found));
        if (prefixed == static_cast<std::size_t>(kCandidateLimit)) {
            // More prefix matches than candidates: make sure the whole-word matches, the best
            // ones, are among them.
            SIGMA_TRY(
                addCandidates(ftsAllWords(words, false), CatalogMatch::Name, kNameBase, words, kCandidateLimit, found));
        }
    }
    if (allDigits(query) && query.size() >= kMinBarcodePrefix && query.size() <= kMaxBarcodePrefix) {
        // The barcode index is ordered: a range scan finds codes that start with the digits.
        std::string upper(query);
        upper.back() = static_cast<char>(upper.back() + 1);
        SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query(
                                              "SELECT p.seq, p.search_text FROM barcodes b "
                                              "JOIN products p ON p.id = b.product_id "
                                              "WHERE b.barcode >= $1 AND b.barcode < $2 AND p.active = 1 LIMIT $3",
                                              {query, upper, static_cast<std::int64_t>(wanted)}));
        for (const auto& row : rows) {
            found.offer(row.int64(0), row.text(1), kBarcodePrefixScore, CatalogMatch::BarcodePrefix);
        }
    }

    // Fallbacks, only while the list is not full: they cost more and find less certain matches.
    if (found.size() < wanted) {
        for (const std::string& converted : {latinLayoutToCyrillic(query), cyrillicLayoutToLatin(query)}) {
            const std::vector<std::string> convertedWords = queryWords(converted);
            if (convertedWords.empty() || convertedWords == words) {
                continue;
            }
            SIGMA_TRY(addCandidates(ftsAllWords(convertedWords, true), CatalogMatch::Layout, kLayoutBase,
                                    convertedWords, kCandidateLimit, found));
        }
    }
    if (found.size() < wanted && !words.empty()) {
        SIGMA_ASSIGN_OR_RETURN(const auto* known, vocabulary());
        if (const std::string expression = ftsWithTypos(words, *known); !expression.empty()) {
            SIGMA_TRY(addCandidates(expression, CatalogMatch::Typo, kTypoBase, words, kTypoCandidateLimit, found));
        }
    }

    const auto best = found.best(wanted);
    if (best.empty()) {
        return std::vector<CatalogSearchHit>();
    }
    core::Json seqs = core::Json::array();
    for (const auto& entry : best) {
        seqs.push_back(entry.seq);
    }
    std::vector<std::int64_t> loadedSeqs;
    SIGMA_ASSIGN_OR_RETURN(auto products,
                           loadProducts("WHERE seq IN (SELECT value FROM json_each($1))", {seqs.dump()}, &loadedSeqs));
    std::unordered_map<std::int64_t, CatalogProduct*> bySeq;
    for (std::size_t i = 0; i < products.size(); ++i) {
        bySeq.emplace(loadedSeqs[i], &products[i]);
    }
    std::vector<CatalogSearchHit> hits;
    hits.reserve(best.size());
    for (const auto& entry : best) {
        if (auto it = bySeq.find(entry.seq); it != bySeq.end()) {
            hits.push_back({std::move(*it->second), entry.score, entry.match});
        }
    }
    return hits;
}

} // namespace sigma::store
