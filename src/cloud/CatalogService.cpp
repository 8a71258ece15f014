#include "cloud/CatalogService.h"

#include "cloud/CloudErrors.h"
#include "cloud/Permissions.h"
#include "cloud/SearchKey.h"
#include "core/ErrorCodes.h"
#include "core/VatRate.h"
#include "db/Transaction.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

namespace sigma::cloud {

namespace {

using ProductInput = ProductRecord;

constexpr std::size_t kMaxCategoryLength = 128;

struct EmployeeInput {
    std::string name;
    std::string role;
    std::optional<std::string> pinHash;
};

core::Result<std::string> requiredString(const core::Json& input, const char* key, std::size_t maxLength = 256)
{
    const auto it = input.find(key);
    if (it == input.end() || !it->is_string() || it->get<std::string>().empty()) {
        return core::Error(core::errc::kInvalidArgument, std::string(key) + " is required (a string)", key);
    }
    if (it->get<std::string>().size() > maxLength) {
        return core::Error(core::errc::kInvalidArgument, std::string(key) + " is too long", key);
    }
    return it->get<std::string>();
}

core::Result<ProductInput> parseProduct(const core::Json& input)
{
    if (!input.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "a JSON object is expected", "body");
    }
    ProductInput product;
    SIGMA_ASSIGN_OR_RETURN(product.name, requiredString(input, "name"));
    if (const auto it = input.find("sku"); it != input.end() && !it->is_null()) {
        if (!it->is_string()) {
            return core::Error(core::errc::kInvalidArgument, "sku is a string", "sku");
        }
        product.sku = it->get<std::string>();
    }
    const auto price = input.find("price");
    if (price == input.end() || !price->is_number_integer() || price->get<std::int64_t>() < 0 ||
        price->get<std::int64_t>() > 9'999'999'999) {
        return core::Error(core::errc::kInvalidArgument, "price is whole kopecks, 0 to 9999999999", "price");
    }
    product.price = price->get<std::int64_t>();
    SIGMA_ASSIGN_OR_RETURN(product.vatRate, requiredString(input, "vatRate"));
    if (!core::VatTable::standard().fromAtolName(product.vatRate)) {
        return core::Error(core::errc::kInvalidArgument, "unknown VAT rate", "vatRate");
    }
    if (const auto it = input.find("unit"); it != input.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 255) {
            return core::Error(core::errc::kInvalidArgument, "unit is the tag 2108 code (0 = piece)", "unit");
        }
        product.unit = it->get<std::int64_t>();
    }
    if (const auto it = input.find("category"); it != input.end() && !it->is_null()) {
        if (!it->is_string() || it->get<std::string>().size() > kMaxCategoryLength) {
            return core::Error(core::errc::kInvalidArgument, "category is a string of at most 128 bytes", "category");
        }
        // Blank is "no category", so the cabinet can clear it by emptying the field.
        if (const auto name = it->get<std::string>(); name.find_first_not_of(' ') != std::string::npos) {
            product.category = name;
        }
    }
    if (const auto it = input.find("barcodes"); it != input.end()) {
        if (!it->is_array()) {
            return core::Error(core::errc::kInvalidArgument, "barcodes is an array of strings", "barcodes");
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < it->size(); ++i) {
            const auto& code = (*it)[i];
            if (!code.is_string() || code.get<std::string>().empty() || code.get<std::string>().size() > 64) {
                return core::Error(core::errc::kInvalidArgument, "a barcode is a non-empty string",
                                   "barcodes[" + std::to_string(i) + "]");
            }
            if (seen.insert(code.get<std::string>()).second) {
                product.barcodes.push_back(code.get<std::string>());
            }
        }
    }
    return product;
}

core::Result<EmployeeInput> parseEmployee(const core::Json& input)
{
    if (!input.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "a JSON object is expected", "body");
    }
    EmployeeInput employee;
    SIGMA_ASSIGN_OR_RETURN(employee.name, requiredString(input, "name"));
    SIGMA_ASSIGN_OR_RETURN(employee.role, requiredString(input, "role"));
    if (!isKnownRole(employee.role)) {
        return core::Error(core::errc::kInvalidArgument, "role is owner, administrator, cashier or technician", "role");
    }
    if (const auto it = input.find("pinHash"); it != input.end() && !it->is_null()) {
        if (!it->is_string() || it->get<std::string>().rfind("$argon2id$", 0) != 0) {
            return core::Error(core::errc::kInvalidArgument, "pinHash is an Argon2id PHC string", "pinHash");
        }
        employee.pinHash = it->get<std::string>();
    }
    return employee;
}

core::Json productJson(const std::string& id, const ProductInput& p)
{
    return core::Json{{"id", id},
                      {"name", p.name},
                      {"sku", p.sku ? core::Json(*p.sku) : core::Json(nullptr)},
                      {"price", p.price},
                      {"vatRate", p.vatRate},
                      {"unit", p.unit},
                      {"category", p.category ? core::Json(*p.category) : core::Json(nullptr)},
                      {"barcodes", p.barcodes}};
}

core::Json employeeJson(const std::string& id, const EmployeeInput& e)
{
    return core::Json{{"id", id},
                      {"name", e.name},
                      {"role", e.role},
                      {"pinHash", e.pinHash ? core::Json(*e.pinHash) : core::Json(nullptr)}};
}

/// Appends to the change log the devices pull, and to the owner's audit log (catalog and staff
/// changes are security-relevant: prices and PINs).
core::Status appendChange(db::Connection& db, const ServiceContext& context, const Session& session,
                          const std::string& entity, const std::string& entityId, const std::string& op,
                          const core::Json& payload)
{
    const std::string& accountId = session.accountId;
    SIGMA_TRY(
        appendAudit(db, context, accountId, "user:" + session.userId, entity + "." + op, core::Json{{"id", entityId}}));
    SIGMA_ASSIGN_OR_RETURN(auto last,
                           db.queryOne("SELECT MAX(seq) FROM change_log WHERE account_id = $1", {accountId}));
    const std::int64_t seq = (last && !last->isNull(0) ? last->int64(0) : 0) + 1;
    return db.execute("INSERT INTO change_log(account_id, seq, entity, entity_id, op, payload, created_at) VALUES ($1, "
                      "$2, $3, $4, $5, $6, $7)",
                      {accountId, seq, entity, entityId, op, payload.dump(), context.nowUs()});
}

core::Status writeBarcodes(db::Connection& db, const std::string& accountId, const std::string& productId,
                           const std::vector<std::string>& barcodes)
{
    SIGMA_TRY(
        db.execute("DELETE FROM product_barcodes WHERE account_id = $1 AND product_id = $2", {accountId, productId}));
    for (std::size_t i = 0; i < barcodes.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(auto other, db.queryOne("SELECT product_id FROM product_barcodes WHERE account_id = $1 "
                                                       "AND barcode = $2",
                                                       {accountId, barcodes[i]}));
        if (other) {
            return core::Error(errc::kConflict, "another product has this barcode",
                               "barcodes[" + std::to_string(i) + "]");
        }
        SIGMA_TRY(db.execute("INSERT INTO product_barcodes(account_id, barcode, product_id, barcode_key) VALUES ($1, "
                             "$2, $3, $2)",
                             {accountId, barcodes[i], productId}));
    }
    return core::ok();
}

} // namespace

namespace {

std::string toHex(std::string_view bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        out += kDigits[(static_cast<unsigned char>(c) >> 4) & 0xF];
        out += kDigits[static_cast<unsigned char>(c) & 0xF];
    }
    return out;
}

/// The keyset cursor: the last row's (name key, id), hex-encoded so it is one opaque URL-safe token.
std::string encodeCursor(std::string_view nameKey, std::string_view id)
{
    return toHex(nameKey) + "." + std::string(id);
}

core::Result<std::pair<std::string, std::string>> decodeCursor(std::string_view cursor)
{
    const core::Error bad(core::errc::kInvalidArgument, "cursor is the next of a previous page", "cursor");
    const auto dot = cursor.find('.');
    if (cursor.size() > 2048 || dot == std::string_view::npos || dot % 2 != 0 || dot + 1 >= cursor.size()) {
        return bad;
    }
    std::string key;
    for (std::size_t i = 0; i < dot; i += 2) {
        unsigned value = 0;
        if (auto [ptr, ec] = std::from_chars(cursor.data() + i, cursor.data() + i + 2, value, 16);
            ec != std::errc() || ptr != cursor.data() + i + 2 || value == 0) {
            return bad;
        }
        key += static_cast<char>(value);
    }
    return std::pair{key, std::string(cursor.substr(dot + 1))};
}

std::string trimmed(std::string_view s)
{
    const auto begin = s.find_first_not_of(" \t");
    const auto end = s.find_last_not_of(" \t");
    return begin == std::string_view::npos ? std::string() : std::string(s.substr(begin, end - begin + 1));
}

/// Barcodes of the given products, each product's sorted.
core::Result<std::map<std::string, std::vector<std::string>>>
barcodesOf(db::Connection& db, const std::string& accountId, const std::vector<std::string>& productIds)
{
    std::map<std::string, std::vector<std::string>> codes;
    if (productIds.empty()) {
        return codes;
    }
    std::string sql = "SELECT product_id, barcode FROM product_barcodes WHERE account_id = $1 AND product_id IN (";
    std::vector<db::Param> params{accountId};
    for (const auto& id : productIds) {
        sql += (params.size() > 1 ? ", $" : "$") + std::to_string(params.size() + 1);
        params.emplace_back(id);
    }
    // Sorted here: with an ORDER BY, SQLite reads the account's barcodes by the primary key
    // instead of the few products' by product_barcodes_product.
    sql += ")";
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query(sql, std::span<const db::Param>(params)));
    for (const auto& row : rows) {
        codes[row.text(0)].push_back(row.text(1));
    }
    for (auto& [id, list] : codes) {
        std::sort(list.begin(), list.end());
    }
    return codes;
}

ProductRecord productFromRow(const db::Row& row)
{
    ProductRecord p;
    p.id = row.text(0);
    p.name = row.text(1);
    p.sku = row.optionalText(2);
    p.price = row.int64(3);
    p.vatRate = row.text(4);
    p.unit = row.int64(5);
    p.category = row.optionalText(6);
    return p;
}

constexpr std::string_view kProductColumns = "id, name, sku, price, vat_rate, unit, category, name_key";

/// Multi-row INSERTs of `width` columns, `kRowsPerInsert` rows a statement: a round trip per row
/// is what makes a 100 000-line import slow on PostgreSQL, and more rows a statement make SQLite's
/// parameter lookup (quadratic in their number) the cost instead.
class BatchInsert {
public:
    static constexpr std::size_t kRowsPerInsert = 25;

    BatchInsert(db::Connection& db, std::string prefix, std::size_t width)
        : m_db(db), m_prefix(std::move(prefix)), m_width(width)
    {
    }

    core::Status add(std::vector<db::Param> row)
    {
        for (auto& value : row) {
            m_params.push_back(std::move(value));
        }
        return m_params.size() >= kRowsPerInsert * m_width ? flush() : core::ok();
    }

    core::Status flush()
    {
        if (m_params.empty()) {
            return core::ok();
        }
        std::string sql = m_prefix + " VALUES ";
        for (std::size_t row = 0; row < m_params.size() / m_width; ++row) {
            sql += row > 0 ? ", (" : "(";
            for (std::size_t col = 0; col < m_width; ++col) {
                sql += (col > 0 ? ", $" : "$") + std::to_string(row * m_width + col + 1);
            }
            sql += ")";
        }
        auto status = m_db.execute(sql, std::span<const db::Param>(m_params));
        m_params.clear();
        return status;
    }

private:
    db::Connection& m_db;
    std::string m_prefix;
    std::size_t m_width;
    std::vector<db::Param> m_params;
};

} // namespace

core::Result<core::Json> CatalogService::listProducts(const Session& session, const ProductQuery& query)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewCatalog));
    if (query.limit < 1 || query.limit > kMaxPageLimit) {
        return core::Error(core::errc::kInvalidArgument, "limit is an integer 1..500", "limit");
    }
    const std::string q = trimmed(query.q);
    if (q.size() > 256) {
        return core::Error(core::errc::kInvalidArgument, "q is at most 256 bytes", "q");
    }
    if (query.category && query.category->size() > kMaxCategoryLength) {
        return core::Error(core::errc::kInvalidArgument, "category is at most 128 bytes", "category");
    }
    std::optional<std::pair<std::string, std::string>> after;
    if (!query.cursor.empty()) {
        SIGMA_ASSIGN_OR_RETURN(after, decodeCursor(query.cursor));
    }

    // With a search, the three index range scans (name, SKU, barcode prefixes) are united first
    // and joined to the products by id, so the planner starts from the few matches instead of
    // walking the catalog in name order testing each product.
    std::vector<db::Param> params{session.accountId};
    auto next = [&](db::Param value) {
        params.push_back(std::move(value));
        return "$" + std::to_string(params.size());
    };
    std::string sql = "SELECT " + std::string(kProductColumns) + " FROM products";
    if (!q.empty()) {
        const std::string key = searchKey(q);
        const std::string from = next(key);
        const std::string to = next(prefixUpperBound(key));
        const std::string codeFrom = next(q);
        const std::string codeTo = next(prefixUpperBound(q));
        sql += " JOIN (SELECT id AS match_id FROM products WHERE account_id = $1 AND name_key >= " + from +
               " AND name_key < " + to + " UNION SELECT id FROM products WHERE account_id = $1 AND sku_key >= " + from +
               " AND sku_key < " + to +
               " UNION SELECT product_id FROM product_barcodes WHERE account_id = $1 AND barcode_key >= " + codeFrom +
               " AND barcode_key < " + codeTo + ") matches ON matches.match_id = products.id";
    }
    sql += " WHERE account_id = $1";
    if (query.category) {
        const std::string category = trimmed(*query.category);
        sql += category.empty() ? " AND category IS NULL" : " AND category = " + next(category);
    }
    if (after) {
        const std::string key = next(after->first);
        // The first condition is the index range the page starts from (PostgreSQL does not derive
        // one from the OR alone and would read the catalog from its first row); the OR breaks ties.
        sql += " AND name_key >= " + key + " AND (name_key > " + key + " OR id > " + next(after->second) + ")";
    }
    sql += " ORDER BY name_key, id LIMIT " + next(query.limit + 1);

    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query(sql, std::span<const db::Param>(params)));
    const bool more = static_cast<std::int64_t>(rows.size()) > query.limit;
    if (more) {
        rows.pop_back();
    }
    std::vector<std::string> ids;
    for (const auto& row : rows) {
        ids.push_back(row.text(0));
    }
    SIGMA_ASSIGN_OR_RETURN(auto codes, barcodesOf(db, session.accountId, ids));
    core::Json list = core::Json::array();
    for (const auto& row : rows) {
        ProductRecord p = productFromRow(row);
        p.barcodes = std::move(codes[p.id]);
        list.push_back(productJson(p.id, p));
    }
    return core::Json{
        {"products", list},
        {"next", more ? core::Json(encodeCursor(rows.back().text(7), rows.back().text(0))) : core::Json(nullptr)}};
}

core::Result<core::Json> CatalogService::listCategories(const Session& session)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewCatalog));
    auto lock = m_context.database.lock();
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database.connection().query(
                                          "SELECT category, COUNT(*) FROM products WHERE account_id = $1 GROUP BY "
                                          "category",
                                          {session.accountId}));
    std::vector<std::pair<std::string, std::pair<std::string, std::int64_t>>> sorted;
    std::int64_t without = 0;
    for (const auto& row : rows) {
        if (row.isNull(0)) {
            without = row.int64(1);
        } else {
            sorted.push_back({searchKey(row.text(0)), {row.text(0), row.int64(1)}});
        }
    }
    // Sorted here: the backends' text orders differ (PostgreSQL follows its locale).
    std::sort(sorted.begin(), sorted.end());
    core::Json list = core::Json::array();
    for (const auto& [key, entry] : sorted) {
        list.push_back({{"name", entry.first}, {"count", entry.second}});
    }
    return core::Json{{"categories", list}, {"uncategorized", without}};
}

core::Result<std::string> CatalogService::exportProducts(const Session& session)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewCatalog));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT " + std::string(kProductColumns) +
                                                   " FROM products WHERE account_id = $1 ORDER BY name_key, id",
                                               {session.accountId}));
    SIGMA_ASSIGN_OR_RETURN(auto codes, db.query("SELECT product_id, barcode FROM product_barcodes WHERE account_id = "
                                                "$1 ORDER BY product_id, barcode",
                                                {session.accountId}));
    std::map<std::string, std::vector<std::string>> byProduct;
    for (const auto& row : codes) {
        byProduct[row.text(0)].push_back(row.text(1));
    }
    std::string csv = ProductCsv::header();
    csv.reserve(rows.size() * 96);
    for (const auto& row : rows) {
        ProductRecord p = productFromRow(row);
        p.barcodes = std::move(byProduct[p.id]);
        csv += ProductCsv::line(p);
    }
    return csv;
}

core::Result<ImportReport> CatalogService::importProducts(const Session& session, std::string_view csv)
{
    SIGMA_TRY(requirePermission(session, Permission::EditCatalog));
    ProductCsv::Parsed parsed = ProductCsv::parse(csv);
    ImportReport report;
    report.lines = static_cast<std::int64_t>(parsed.products.size());
    if (!parsed.problems.empty()) {
        report.problems = std::move(parsed.problems);
        return report;
    }
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));

    // The account's catalog as it is, keyed by SKU (any case) and by barcode.
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT " + std::string(kProductColumns) +
                                                   " FROM products WHERE account_id = $1 AND sku IS NOT NULL",
                                               {session.accountId}));
    std::map<std::string, ProductRecord> bySku;
    std::set<std::string> ambiguous;
    for (const auto& row : rows) {
        ProductRecord p = productFromRow(row);
        const std::string key = searchKey(*p.sku);
        if (!bySku.emplace(key, std::move(p)).second) {
            ambiguous.insert(key);
        }
    }
    SIGMA_ASSIGN_OR_RETURN(auto codeRows, db.query("SELECT barcode, product_id FROM product_barcodes WHERE account_id "
                                                   "= $1 ORDER BY product_id, barcode",
                                                   {session.accountId}));
    std::map<std::string, std::string> owner; // barcode -> product id
    std::map<std::string, std::vector<std::string>> codesOf;
    std::map<std::string, std::string> nameOf;
    for (const auto& row : codeRows) {
        owner[row.text(0)] = row.text(1);
        codesOf[row.text(1)].push_back(row.text(0));
    }
    for (const auto& [key, p] : bySku) {
        nameOf[p.id] = p.name;
    }

    // Give every line its product id (and, for a column the file lacks, the product's value), then
    // free the barcodes of the products the file replaces, so two may swap codes in one import.
    for (auto& line : parsed.products) {
        const std::string key = searchKey(*line.product.sku);
        if (ambiguous.contains(key)) {
            report.problems.push_back(
                {line.line, "", "ambiguous_sku", "several products of the catalog have the SKU " + *line.product.sku});
            continue;
        }
        const auto it = bySku.find(key);
        if (it == bySku.end()) {
            continue;
        }
        line.product.id = it->second.id;
        if (!parsed.hasUnit) {
            line.product.unit = it->second.unit;
        }
        if (!parsed.hasCategory) {
            line.product.category = it->second.category;
        }
        if (!parsed.hasBarcodes) {
            line.product.barcodes = codesOf[line.product.id];
        }
    }
    for (const auto& line : parsed.products) {
        if (!line.product.id.empty()) {
            for (const auto& code : codesOf[line.product.id]) {
                owner.erase(code);
            }
        }
    }
    for (auto& line : parsed.products) {
        if (line.product.id.empty()) {
            line.product.id = m_context.newId();
        }
        for (const auto& code : line.product.barcodes) {
            const auto [it, fresh] = owner.emplace(code, line.product.id);
            if (!fresh && it->second != line.product.id) {
                const auto name = nameOf.find(it->second);
                report.problems.push_back({line.line, "", "duplicate_barcode",
                                           "barcode " + code + " belongs to another product" +
                                               (name != nameOf.end() ? " (" + name->second + ")" : std::string())});
            }
        }
    }
    if (!report.problems.empty()) {
        return report; // the transaction rolls back untouched
    }

    SIGMA_ASSIGN_OR_RETURN(auto last,
                           db.queryOne("SELECT MAX(seq) FROM change_log WHERE account_id = $1", {session.accountId}));
    std::int64_t seq = last && !last->isNull(0) ? last->int64(0) : 0;
    const std::int64_t now = m_context.nowUs();
    BatchInsert newProducts(db,
                            "INSERT INTO products(id, account_id, name, sku, price, vat_rate, unit, updated_at, "
                            "category, name_key, sku_key)",
                            11);
    BatchInsert newCodes(db, "INSERT INTO product_barcodes(account_id, barcode, product_id, barcode_key)", 4);
    BatchInsert changes(db, "INSERT INTO change_log(account_id, seq, entity, entity_id, op, payload, created_at)", 7);
    std::vector<std::string> replacedCodesOf;
    for (const auto& line : parsed.products) {
        const ProductRecord& p = line.product;
        const auto existing = bySku.find(searchKey(*p.sku));
        const bool isNew = existing == bySku.end();
        if (!isNew) {
            ProductRecord before = existing->second;
            before.barcodes = codesOf[before.id];
            ProductRecord after = p;
            std::sort(after.barcodes.begin(), after.barcodes.end());
            if (before == after) {
                ++report.unchanged;
                continue;
            }
            SIGMA_TRY(db.execute("UPDATE products SET name = $3, sku = $4, price = $5, vat_rate = $6, unit = $7, "
                                 "updated_at = $8, category = $9, name_key = $10, sku_key = $11 WHERE id = $1 AND "
                                 "account_id = $2",
                                 {p.id, session.accountId, p.name, p.sku, p.price, p.vatRate, p.unit, now, p.category,
                                  searchKey(p.name), searchKey(*p.sku)}));
            if (before.barcodes != after.barcodes) {
                replacedCodesOf.push_back(p.id);
            }
            ++report.updated;
        } else {
            SIGMA_TRY(newProducts.add({p.id, session.accountId, p.name, p.sku, p.price, p.vatRate, p.unit, now,
                                       p.category, searchKey(p.name), searchKey(*p.sku)}));
            ++report.created;
        }
        SIGMA_TRY(changes.add({session.accountId, ++seq, std::string("product"), p.id, std::string("upsert"),
                               productJson(p.id, p).dump(), now}));
    }
    SIGMA_TRY(newProducts.flush());
    // Barcodes move between products only after every product's old set is gone (the primary key
    // is the account and the code).
    for (const auto& id : replacedCodesOf) {
        SIGMA_TRY(db.execute("DELETE FROM product_barcodes WHERE account_id = $1 AND product_id = $2",
                             {session.accountId, id}));
    }
    const std::set<std::string> replaced(replacedCodesOf.begin(), replacedCodesOf.end());
    for (const auto& line : parsed.products) {
        const bool isNew = !bySku.contains(searchKey(*line.product.sku));
        if (isNew || replaced.contains(line.product.id)) {
            for (const auto& code : line.product.barcodes) {
                SIGMA_TRY(newCodes.add({session.accountId, code, line.product.id, code}));
            }
        }
    }
    SIGMA_TRY(newCodes.flush());
    SIGMA_TRY(changes.flush());
    SIGMA_TRY(
        appendAudit(db, m_context, session.accountId, "user:" + session.userId, "product.import",
                    core::Json{{"lines", report.lines}, {"created", report.created}, {"updated", report.updated}}));
    SIGMA_TRY(tx.commit());
    return report;
}

core::Status CatalogService::backfillSearchKeys(db::Connection& db)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT id, name, sku FROM products WHERE name_key IS NULL"));
    if (rows.empty()) {
        return core::ok();
    }
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    for (const auto& row : rows) {
        const auto sku = row.optionalText(2);
        SIGMA_TRY(
            db.execute("UPDATE products SET name_key = $2, sku_key = $3 WHERE id = $1",
                       {row.text(0), searchKey(row.text(1)), sku ? std::optional(searchKey(*sku)) : std::nullopt}));
    }
    return tx.commit();
}

core::Result<core::Json> CatalogService::createProduct(const Session& session, const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::EditCatalog));
    SIGMA_ASSIGN_OR_RETURN(auto product, parseProduct(input));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::string id = m_context.newId();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(db.execute("INSERT INTO products(id, account_id, name, sku, price, vat_rate, unit, updated_at, category, "
                         "name_key, sku_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                         {id, session.accountId, product.name, product.sku, product.price, product.vatRate,
                          product.unit, m_context.nowUs(), product.category, searchKey(product.name),
                          product.sku ? std::optional(searchKey(*product.sku)) : std::nullopt}));
    SIGMA_TRY(writeBarcodes(db, session.accountId, id, product.barcodes));
    const core::Json json = productJson(id, product);
    SIGMA_TRY(appendChange(db, m_context, session, "product", id, "upsert", json));
    SIGMA_TRY(tx.commit());
    return json;
}

core::Result<core::Json> CatalogService::updateProduct(const Session& session, const std::string& id,
                                                       const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::EditCatalog));
    SIGMA_ASSIGN_OR_RETURN(auto product, parseProduct(input));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(
        db.execute("UPDATE products SET name = $3, sku = $4, price = $5, vat_rate = $6, unit = $7, updated_at = $8, "
                   "category = $9, name_key = $10, sku_key = $11 WHERE id = $1 AND account_id = $2",
                   {id, session.accountId, product.name, product.sku, product.price, product.vatRate, product.unit,
                    m_context.nowUs(), product.category, searchKey(product.name),
                    product.sku ? std::optional(searchKey(*product.sku)) : std::nullopt}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kNotFound, "no such product");
    }
    SIGMA_TRY(writeBarcodes(db, session.accountId, id, product.barcodes));
    const core::Json json = productJson(id, product);
    SIGMA_TRY(appendChange(db, m_context, session, "product", id, "upsert", json));
    SIGMA_TRY(tx.commit());
    return json;
}

core::Status CatalogService::deleteProduct(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::EditCatalog));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(
        db.execute("DELETE FROM product_barcodes WHERE account_id = $1 AND product_id = $2", {session.accountId, id}));
    SIGMA_TRY(db.execute("DELETE FROM products WHERE id = $1 AND account_id = $2", {id, session.accountId}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kNotFound, "no such product");
    }
    SIGMA_TRY(appendChange(db, m_context, session, "product", id, "delete", core::Json{{"id", id}}));
    return tx.commit();
}

core::Result<core::Json> CatalogService::listEmployees(const Session& session)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewStaff));
    auto lock = m_context.database.lock();
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_context.database.connection().query(
                                          "SELECT id, name, role, pin_hash FROM employees WHERE account_id = $1 ORDER "
                                          "BY name, id",
                                          {session.accountId}));
    core::Json list = core::Json::array();
    for (const auto& row : rows) {
        list.push_back(employeeJson(row.text(0), EmployeeInput{row.text(1), row.text(2), row.optionalText(3)}));
    }
    return core::Json{{"employees", list}};
}

core::Result<core::Json> CatalogService::createEmployee(const Session& session, const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::EditStaff));
    SIGMA_ASSIGN_OR_RETURN(auto employee, parseEmployee(input));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::string id = m_context.newId();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(db.execute("INSERT INTO employees(id, account_id, name, role, pin_hash, updated_at) VALUES ($1, $2, $3, "
                         "$4, $5, $6)",
                         {id, session.accountId, employee.name, employee.role, employee.pinHash, m_context.nowUs()}));
    const core::Json json = employeeJson(id, employee);
    SIGMA_TRY(appendChange(db, m_context, session, "employee", id, "upsert", json));
    SIGMA_TRY(tx.commit());
    return json;
}

core::Result<core::Json> CatalogService::updateEmployee(const Session& session, const std::string& id,
                                                        const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::EditStaff));
    SIGMA_ASSIGN_OR_RETURN(auto employee, parseEmployee(input));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(db.execute("UPDATE employees SET name = $3, role = $4, pin_hash = $5, updated_at = $6 WHERE id = $1 AND "
                         "account_id = $2",
                         {id, session.accountId, employee.name, employee.role, employee.pinHash, m_context.nowUs()}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kNotFound, "no such employee");
    }
    const core::Json json = employeeJson(id, employee);
    SIGMA_TRY(appendChange(db, m_context, session, "employee", id, "upsert", json));
    SIGMA_TRY(tx.commit());
    return json;
}

core::Status CatalogService::deleteEmployee(const Session& session, const std::string& id)
{
    SIGMA_TRY(requirePermission(session, Permission::EditStaff));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(db.execute("DELETE FROM employees WHERE id = $1 AND account_id = $2", {id, session.accountId}));
    if (db.changes() != 1) {
        return core::Error(core::errc::kNotFound, "no such employee");
    }
    SIGMA_TRY(appendChange(db, m_context, session, "employee", id, "delete", core::Json{{"id", id}}));
    return tx.commit();
}

} // namespace sigma::cloud
