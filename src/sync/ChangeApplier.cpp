#include "sync/ChangeApplier.h"

#include "core/ErrorCodes.h"
#include "core/MeasureUnit.h"
#include "core/Money.h"
#include "core/Uuid.h"
#include "core/VatRate.h"

namespace sigma::sync {
namespace {

core::Error badAnswer(const std::string& what, const std::string& field)
{
    return core::Error(core::errc::kSyncBadAnswer, "Облако прислало неверные изменения: " + what, field);
}

bool isString(const core::Json& object, const char* key)
{
    return object.contains(key) && object[key].is_string();
}

/// Checks one item of the feed; the entity-specific data is checked when it is applied.
core::Status validateChange(const core::Json& change, const std::string& field)
{
    if (!change.is_object() || !change.contains("seq") || !change["seq"].is_number_integer() ||
        !isString(change, "entity") || !isString(change, "id") || !isString(change, "op")) {
        return badAnswer("нужны seq, entity, id и op", field);
    }
    const auto op = change["op"].get<std::string>();
    if (op != "upsert" && op != "delete") {
        return badAnswer("неизвестная операция " + op, field + ".op");
    }
    if (op == "upsert" && (!change.contains("data") || !change["data"].is_object())) {
        return badAnswer("нет данных для записи", field + ".data");
    }
    return core::ok();
}

} // namespace

ChangeApplier::ChangeApplier(store::TerminalDatabase& database, const core::Clock& clock)
    : m_database(database), m_catalog(database), m_employees(database.connection(), clock), m_clock(clock)
{
}

core::Status ChangeApplier::validatePage(const core::Json& page, std::int64_t after)
{
    if (!page.is_object() || !page.contains("changes") || !page["changes"].is_array()) {
        return badAnswer("нет списка changes", "changes");
    }
    if (!page.contains("cursor") || !page["cursor"].is_number_integer()) {
        return badAnswer("нет курсора", "cursor");
    }
    const auto cursor = page["cursor"].get<std::int64_t>();
    if (cursor < after) {
        return badAnswer("курсор ушёл назад (" + std::to_string(cursor) + " < " + std::to_string(after) + ")",
                         "cursor");
    }
    if (!page.contains("more") || !page["more"].is_boolean()) {
        return badAnswer("нет признака more", "more");
    }
    if (page["more"].get<bool>() && cursor == after) {
        return badAnswer("more без продвижения курсора", "cursor");
    }
    const auto& changes = page["changes"];
    std::int64_t previous = after;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string field = "changes[" + std::to_string(i) + "]";
        SIGMA_TRY(validateChange(changes[i], field));
        const auto seq = changes[i]["seq"].get<std::int64_t>();
        if (seq <= previous || seq > cursor) {
            return badAnswer("номер изменения вне порядка", field + ".seq");
        }
        previous = seq;
    }
    return core::ok();
}

core::Result<AppliedChanges> ChangeApplier::apply(const core::Json& changes)
{
    AppliedChanges applied;
    auto& db = m_database.connection();
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& change = changes[i];
        const std::string entity = change["entity"].get<std::string>();
        const std::string id = change["id"].get<std::string>();
        const bool remove = change["op"].get<std::string>() == "delete";
        const core::Json data = remove ? core::Json::object() : change["data"];
        if (entity != "product" && entity != "employee") {
            ++applied.ignored; // a newer cloud's entity: not ours to refuse
            continue;
        }
        // A savepoint per item: a refused item leaves nothing half-written in the page's transaction.
        SIGMA_TRY(db.execute("SAVEPOINT sync_change"));
        const core::Status status =
            entity == "product" ? applyProduct(id, remove, data) : applyEmployee(id, remove, data);
        if (status) {
            SIGMA_TRY(db.execute("RELEASE sync_change"));
            ++(entity == "product" ? applied.products : applied.employees);
            continue;
        }
        SIGMA_TRY(db.execute("ROLLBACK TO sync_change"));
        SIGMA_TRY(db.execute("RELEASE sync_change"));
        if (status.error().code == core::errc::kSyncBadAnswer) {
            return status.error().inField("changes[" + std::to_string(i) + "]");
        }
        applied.refused.push_back(entity + " " + id + ": " + status.error().message);
    }
    return applied;
}

core::Status ChangeApplier::applyProduct(const std::string& id, bool remove, const core::Json& data)
{
    SIGMA_ASSIGN_OR_RETURN(auto existing, m_catalog.findById(id));
    const std::int64_t now = core::toUnixMicros(m_clock.now());
    if (remove) {
        return existing ? m_catalog.setActive(id, false, now) : core::ok();
    }
    if (!isString(data, "name") || !data.contains("price") || !data["price"].is_number_integer() ||
        data["price"].get<std::int64_t>() < 0 || !isString(data, "vatRate")) {
        return badAnswer("у товара нужны name, price (копейки) и vatRate", "data");
    }
    if (data.contains("sku") && !data["sku"].is_null() && !data["sku"].is_string()) {
        return badAnswer("sku товара — строка", "data.sku");
    }
    if (data.contains("unit") && !data["unit"].is_number_integer()) {
        return badAnswer("unit товара — код тега 2108", "data.unit");
    }
    if (data.contains("barcodes") && !data["barcodes"].is_array()) {
        return badAnswer("barcodes товара — список строк", "data.barcodes");
    }
    store::CatalogProduct product = existing ? *existing : store::CatalogProduct{};
    product.id = id;
    product.name = data["name"].get<std::string>();
    product.sku = data.contains("sku") && data["sku"].is_string() ? data["sku"].get<std::string>() : std::string();
    product.price = core::Money::fromKopecks(data["price"].get<std::int64_t>());
    SIGMA_ASSIGN_OR_RETURN(product.vat, core::VatTable::standard().fromAtolName(data["vatRate"].get<std::string>()));
    if (data.contains("unit")) {
        SIGMA_ASSIGN_OR_RETURN(product.unit, core::measureUnitFromCode(data["unit"].get<int>()));
    }
    product.barcodes.clear();
    if (data.contains("barcodes")) {
        for (const auto& code : data["barcodes"]) {
            if (!code.is_string()) {
                return badAnswer("штрихкод — строка", "data.barcodes");
            }
            product.barcodes.push_back(code.get<std::string>());
        }
    }
    product.active = true;
    product.updatedAtUs = now;
    SIGMA_TRY(m_catalog.upsertProduct(product));
    return core::ok();
}

core::Status ChangeApplier::applyEmployee(const std::string& id, bool remove, const core::Json& data)
{
    SIGMA_ASSIGN_OR_RETURN(auto uuid, core::Uuid::parse(id));
    SIGMA_ASSIGN_OR_RETURN(auto existing, m_employees.findById(uuid));
    if (remove) {
        return existing ? m_employees.setActive(uuid, false) : core::ok();
    }
    if (!isString(data, "name") || !isString(data, "role")) {
        return badAnswer("у сотрудника нужны name и role", "data");
    }
    if (data.contains("pinHash") && !data["pinHash"].is_null() && !data["pinHash"].is_string()) {
        return badAnswer("pinHash сотрудника — строка", "data.pinHash");
    }
    store::Employee employee = existing ? *existing : store::Employee{};
    employee.id = uuid;
    employee.name = data["name"].get<std::string>();
    SIGMA_ASSIGN_OR_RETURN(employee.role, store::parseEmployeeRole(data["role"].get<std::string>()));
    if (data.contains("pinHash") && data["pinHash"].is_string()) {
        employee.pinHash = data["pinHash"].get<std::string>();
        employee.mustChangePin = false; // the owner set it in the cabinet
    }
    employee.active = true;
    if (existing) {
        SIGMA_TRY(m_employees.update(employee));
    } else {
        SIGMA_TRY(m_employees.insert(employee));
    }
    return core::ok();
}

} // namespace sigma::sync
