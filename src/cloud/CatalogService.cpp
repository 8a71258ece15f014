#include "cloud/CatalogService.h"

#include "cloud/CloudErrors.h"
#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"
#include "core/VatRate.h"
#include "db/Transaction.h"

#include <set>

namespace sigma::cloud {

namespace {

struct ProductInput {
    std::string name;
    std::optional<std::string> sku;
    std::int64_t price = 0;
    std::string vatRate;
    std::int64_t unit = 0;
    std::vector<std::string> barcodes;
};

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
        SIGMA_TRY(db.execute("INSERT INTO product_barcodes(account_id, barcode, product_id) VALUES ($1, $2, $3)",
                             {accountId, barcodes[i], productId}));
    }
    return core::ok();
}

} // namespace

core::Result<core::Json> CatalogService::listProducts(const Session& session)
{
    SIGMA_TRY(requirePermission(session, Permission::ViewCatalog));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto rows, db.query("SELECT id, name, sku, price, vat_rate, unit FROM products WHERE "
                                               "account_id = $1 ORDER BY name, id",
                                               {session.accountId}));
    core::Json list = core::Json::array();
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto codes, db.query("SELECT barcode FROM product_barcodes WHERE account_id = $1 AND "
                                                    "product_id = $2 ORDER BY barcode",
                                                    {session.accountId, row.text(0)}));
        ProductInput p{row.text(1), row.optionalText(2), row.int64(3), row.text(4), row.int64(5), {}};
        for (const auto& code : codes) {
            p.barcodes.push_back(code.text(0));
        }
        list.push_back(productJson(row.text(0), p));
    }
    return core::Json{{"products", list}};
}

core::Result<core::Json> CatalogService::createProduct(const Session& session, const core::Json& input)
{
    SIGMA_TRY(requirePermission(session, Permission::EditCatalog));
    SIGMA_ASSIGN_OR_RETURN(auto product, parseProduct(input));
    auto lock = m_context.database.lock();
    auto& db = m_context.database.connection();
    const std::string id = m_context.newId();
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(db, db::TransactionMode::Immediate));
    SIGMA_TRY(
        db.execute("INSERT INTO products(id, account_id, name, sku, price, vat_rate, unit, updated_at) VALUES ($1, "
                   "$2, $3, $4, $5, $6, $7, $8)",
                   {id, session.accountId, product.name, product.sku, product.price, product.vatRate, product.unit,
                    m_context.nowUs()}));
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
        db.execute("UPDATE products SET name = $3, sku = $4, price = $5, vat_rate = $6, unit = $7, updated_at = $8 "
                   "WHERE id = $1 AND account_id = $2",
                   {id, session.accountId, product.name, product.sku, product.price, product.vatRate, product.unit,
                    m_context.nowUs()}));
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
