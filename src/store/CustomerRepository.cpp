#include "store/CustomerRepository.h"

#include "core/ErrorCodes.h"
#include "core/Phone.h"
#include "store/CatalogText.h"

namespace sigma::store {
namespace {

constexpr std::string_view kColumns =
    "id, name, phone, email, card_number, bonus_balance, created_at_us, updated_at_us";

constexpr std::size_t kMaxFieldLength = 200;

core::Result<Customer> customerFrom(const db::Row& row)
{
    Customer c;
    SIGMA_ASSIGN_OR_RETURN(c.id, core::Uuid::parse(row.text(0)));
    c.name = row.text(1);
    c.phone = row.optionalText(2);
    c.email = row.optionalText(3);
    c.cardNumber = row.optionalText(4);
    c.bonusBalance = core::Money::fromKopecks(row.int64(5));
    c.createdAtUs = row.int64(6);
    c.updatedAtUs = row.int64(7);
    return c;
}

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

/// Trims an optional text field; an empty one becomes absent.
void tidy(std::optional<std::string>& field)
{
    if (field) {
        *field = trimmed(*field);
        if (field->empty()) {
            field.reset();
        }
    }
}

} // namespace

CustomerRepository::CustomerRepository(db::Connection& connection, const core::Clock& clock)
    : m_db(connection), m_clock(clock)
{
}

core::Status CustomerRepository::prepare(Customer& c)
{
    if (c.id.isNil()) {
        return core::Error(core::errc::kInvalidArgument, "a customer needs an id", "id");
    }
    c.name = trimmed(c.name);
    tidy(c.phone);
    tidy(c.email);
    tidy(c.cardNumber);
    if (c.name.size() > kMaxFieldLength) {
        return core::Error(core::errc::kInvalidArgument, "the name is longer than 200 bytes", "name");
    }
    if (c.phone) {
        SIGMA_ASSIGN_OR_RETURN(c.phone, core::normalizePhone(*c.phone));
    }
    if (c.email) {
        const auto at = c.email->find('@');
        if (at == 0 || at == std::string::npos || at + 1 == c.email->size() || c.email->size() > kMaxFieldLength ||
            c.email->find_first_of(" \t") != std::string::npos) {
            return core::Error(core::errc::kInvalidArgument, "'" + *c.email + "' is not an e-mail address", "email");
        }
    }
    if (c.cardNumber && c.cardNumber->size() > kMaxFieldLength) {
        return core::Error(core::errc::kInvalidArgument, "the card number is longer than 200 bytes", "cardNumber");
    }
    if (c.bonusBalance.isNegative()) {
        return core::Error(core::errc::kInvalidArgument, "the bonus balance cannot be negative", "bonusBalance");
    }
    // Checked here for a clear message; the unique indexes still stop a race with another process.
    if (c.phone) {
        SIGMA_ASSIGN_OR_RETURN(auto other, findOne("phone", *c.phone));
        if (other && other->id != c.id) {
            return core::Error(core::errc::kCustomerExists, "another customer has the phone " + *c.phone, "phone");
        }
    }
    if (c.cardNumber) {
        SIGMA_ASSIGN_OR_RETURN(auto other, findOne("card_number", *c.cardNumber));
        if (other && other->id != c.id) {
            return core::Error(core::errc::kCustomerExists, "another customer has the card " + *c.cardNumber,
                               "cardNumber");
        }
    }
    return core::ok();
}

core::Result<Customer> CustomerRepository::insert(Customer c)
{
    SIGMA_TRY(prepare(c));
    c.createdAtUs = nowUs();
    c.updatedAtUs = c.createdAtUs;
    SIGMA_TRY(m_db.execute("INSERT INTO customers (" + std::string(kColumns) +
                               ", search_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                           {c.id.toString(), c.name, c.phone, c.email, c.cardNumber, c.bonusBalance.kopecks(),
                            c.createdAtUs, c.updatedAtUs, normalizeSearchText(c.name)}));
    return c;
}

core::Result<Customer> CustomerRepository::update(Customer c)
{
    SIGMA_TRY(prepare(c));
    c.updatedAtUs = nowUs();
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("UPDATE customers SET name = $2, phone = $3, email = $4, "
                                                   "card_number = $5, bonus_balance = $6, updated_at_us = $7, "
                                                   "search_name = $8 WHERE id = $1 RETURNING created_at_us",
                                                   {c.id.toString(), c.name, c.phone, c.email, c.cardNumber,
                                                    c.bonusBalance.kopecks(), c.updatedAtUs,
                                                    normalizeSearchText(c.name)}));
    if (!row) {
        return core::Error(core::errc::kNotFound, "no customer " + c.id.toString(), "id");
    }
    c.createdAtUs = row->int64(0);
    return c;
}

core::Status CustomerRepository::remove(const core::Uuid& id)
{
    SIGMA_TRY(m_db.execute("DELETE FROM customers WHERE id = $1", {id.toString()}));
    if (m_db.changes() == 0) {
        return core::Error(core::errc::kNotFound, "no customer " + id.toString(), "id");
    }
    return core::ok();
}

core::Result<std::optional<Customer>> CustomerRepository::findById(const core::Uuid& id)
{
    return findOne("id", id.toString());
}

core::Result<std::optional<Customer>> CustomerRepository::findByPhone(std::string_view phone)
{
    SIGMA_ASSIGN_OR_RETURN(const std::string normalized, core::normalizePhone(phone));
    return findOne("phone", normalized);
}

core::Result<std::optional<Customer>> CustomerRepository::findByCard(std::string_view cardNumber)
{
    const std::string card = trimmed(cardNumber);
    if (card.empty()) {
        return std::optional<Customer>();
    }
    return findOne("card_number", card);
}

core::Result<Customer> CustomerRepository::adjustBonus(const core::Uuid& id, core::Money delta)
{
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("UPDATE customers SET bonus_balance = bonus_balance + $2, "
                                                   "updated_at_us = $3 WHERE id = $1 AND bonus_balance + $2 >= 0 "
                                                   "RETURNING " +
                                                       std::string(kColumns),
                                                   {id.toString(), delta.kopecks(), nowUs()}));
    if (row) {
        return customerFrom(*row);
    }
    SIGMA_ASSIGN_OR_RETURN(auto existing, findById(id));
    if (!existing) {
        return core::Error(core::errc::kNotFound, "no customer " + id.toString(), "id");
    }
    return core::Error(
        core::errc::kInsufficientBonus,
        "the bonus balance " + existing->bonusBalance.toString() + " is less than " + (-delta).toString(), "bonus");
}

core::Result<std::optional<Customer>> CustomerRepository::findOne(std::string_view where, std::string_view value)
{
    // `where` is one of this file's column names, never input.
    SIGMA_ASSIGN_OR_RETURN(auto row, m_db.queryOne("SELECT " + std::string(kColumns) + " FROM customers WHERE " +
                                                       std::string(where) + " = $1",
                                                   {value}));
    if (!row) {
        return std::optional<Customer>();
    }
    SIGMA_ASSIGN_OR_RETURN(auto customer, customerFrom(*row));
    return std::optional<Customer>(std::move(customer));
}

core::Result<std::vector<Customer>> CustomerRepository::searchByPhoneDigits(std::string_view digits,
                                                                           std::size_t limit)
{
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return core::Error(core::errc::kInvalidArgument, "a phone fragment is digits only", "phone");
        }
    }
    // instr() rather than LIKE: the digits are data, never a pattern.
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_db.query("SELECT " + std::string(kColumns) +
                                                     " FROM customers WHERE phone IS NOT NULL AND "
                                                     "instr(substr(phone, 3), $1) > 0 ORDER BY name, id LIMIT $2",
                                                 {digits, static_cast<std::int64_t>(limit)}));
    std::vector<Customer> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto customer, customerFrom(row));
        out.push_back(std::move(customer));
    }
    return out;
}

core::Status CustomerRepository::indexUnindexedNames()
{
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto rows,
                               m_db.query("SELECT id, name FROM customers WHERE search_name IS NULL LIMIT 500"));
        if (rows.empty()) {
            return core::ok();
        }
        for (const auto& row : rows) {
            SIGMA_TRY(m_db.execute("UPDATE customers SET search_name = $2 WHERE id = $1",
                                   {row.text(0), normalizeSearchText(row.text(1))}));
        }
    }
}

core::Result<std::vector<Customer>> CustomerRepository::searchByName(std::string_view query, std::size_t limit)
{
    const auto words = searchWords(normalizeSearchText(query));
    if (words.empty()) {
        return std::vector<Customer>();
    }
    SIGMA_TRY(indexUnindexedNames());
    // Word starts: ' ' || search_name contains ' ' || word. instr() keeps the query out of any
    // pattern syntax. A salon's customer list is thousands of rows, so a scan is fine.
    std::string sql = "SELECT " + std::string(kColumns) + " FROM customers WHERE 1 = 1";
    std::vector<db::Param> params;
    for (const auto& word : words) {
        params.emplace_back(" " + word);
        sql += " AND instr(' ' || search_name, $" + std::to_string(params.size()) + ") > 0";
    }
    params.emplace_back(static_cast<std::int64_t>(limit));
    sql += " ORDER BY name, id LIMIT $" + std::to_string(params.size());
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_db.query(sql, std::span<const db::Param>(params)));
    std::vector<Customer> out;
    for (const auto& row : rows) {
        SIGMA_ASSIGN_OR_RETURN(auto customer, customerFrom(row));
        out.push_back(std::move(customer));
    }
    return out;
}

std::int64_t CustomerRepository::nowUs() const
{
    return core::toUnixMicros(m_clock.now());
}

} // namespace sigma::store
