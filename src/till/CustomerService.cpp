#include "till/CustomerService.h"

#include "core/ErrorCodes.h"
#include "core/Phone.h"
#include "core/Uuid.h"
#include "store/CatalogText.h"
#include "till/LocalTime.h"
#include "till/TillErrors.h"

namespace sigma::till {
namespace {

constexpr std::size_t kMinPhoneDigits = 3;

bool isPhoneQuery(std::string_view query)
{
    for (char c : query) {
        if ((c < '0' || c > '9') && c != '+' && c != '(' && c != ')' && c != '-' && c != ' ' && c != '.') {
            return false;
        }
    }
    return true;
}

std::string digitsOf(std::string_view text)
{
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    return digits;
}

/// Letters (code points) in a normalised query, so "ab" and "аб" both count as two.
std::size_t codePoints(std::string_view text)
{
    std::size_t count = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80 && c != ' ') {
            ++count;
        }
    }
    return count;
}

} // namespace

CustomerService::CustomerService(TillContext& context) : m_context(context)
{
}

core::Result<std::vector<store::Customer>> CustomerService::find(std::string_view query, std::size_t limit)
{
    store::CustomerRepository customers(m_context.database().connection(), m_context.clock());
    const std::string digits = digitsOf(query);
    if (isPhoneQuery(query) && !digits.empty()) {
        if (digits.size() < kMinPhoneDigits) {
            return core::Error(errc::kCustomerQueryTooShort, "type at least 3 digits of the phone", "query");
        }
        std::string fragment = digits;
        if (digits.size() >= 11) {
            // A whole number in any format: the national part of its normal form.
            SIGMA_ASSIGN_OR_RETURN(auto normalized, core::normalizePhone(query));
            fragment = normalized.substr(2);
        } else if (query.find('+') != std::string_view::npos && digits.front() == '7') {
            fragment = digits.substr(1); // "+7 999": the country code is not part of the fragment
        }
        if (fragment.size() < kMinPhoneDigits) {
            return core::Error(errc::kCustomerQueryTooShort, "type at least 3 digits of the phone", "query");
        }
        return customers.searchByPhoneDigits(fragment, limit);
    }
    const std::string normalized = store::normalizeSearchText(query);
    if (codePoints(normalized) < 2) {
        return core::Error(errc::kCustomerQueryTooShort, "type at least 2 letters of the name or 3 digits of the phone",
                           "query");
    }
    return customers.searchByName(normalized, limit);
}

core::Result<store::Customer> CustomerService::create(const NewCustomer& input, const Cashier& by)
{
    if (input.phone.find_first_not_of(" \t") == std::string::npos) {
        return core::Error(core::errc::kBadPhone, "a new customer needs a phone number", "phone");
    }
    store::Customer customer;
    customer.id = core::Uuid::generateV7(m_context.clock(), m_context.random());
    customer.name = input.name;
    customer.phone = input.phone;
    if (!input.email.empty()) {
        customer.email = input.email;
    }
    store::Customer saved;
    SIGMA_TRY(m_context.database().transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(
            saved, store::CustomerRepository(m_context.database().connection(), m_context.clock()).insert(customer));
        core::Json payload = {{"customerId", saved.id.toString()}, {"name", saved.name}, {"savedBy", by.employeeId}};
        if (saved.phone) {
            payload["phone"] = *saved.phone;
        }
        if (saved.email) {
            payload["email"] = *saved.email;
        }
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append("customer.saved", std::move(payload)));
        (void)event;
        return core::ok();
    }));
    return saved;
}

core::Result<store::Customer> CustomerService::get(const std::string& id)
{
    auto uuid = core::Uuid::parse(id);
    if (!uuid) {
        return core::Error(errc::kCustomerNotFound, "no customer " + id, "customerId");
    }
    SIGMA_ASSIGN_OR_RETURN(
        auto found, store::CustomerRepository(m_context.database().connection(), m_context.clock()).findById(*uuid));
    if (!found) {
        return core::Error(errc::kCustomerNotFound, "no customer " + id, "customerId");
    }
    return *found;
}

core::Result<CustomerCard> CustomerService::card(const std::string& id, std::size_t visitLimit)
{
    CustomerCard card;
    SIGMA_ASSIGN_OR_RETURN(card.customer, get(id));
    const std::string canonical = card.customer.id.toString();
    SIGMA_ASSIGN_OR_RETURN(auto ids, m_context.receipts().idsForCustomer(canonical, visitLimit));
    for (const auto& receiptId : ids) {
        SIGMA_ASSIGN_OR_RETURN(auto receipt, m_context.receipts().find(receiptId));
        if (receipt) {
            card.visits.push_back(std::move(*receipt));
        }
    }
    SIGMA_ASSIGN_OR_RETURN(
        card.appointments,
        store::AppointmentRepository(m_context.database().connection()).forCustomer(canonical, visitLimit));
    return card;
}

core::Json customerJson(const store::Customer& c)
{
    core::Json out = {{"id", c.id.toString()}, {"name", c.name}, {"bonusBalance", c.bonusBalance.toDouble()}};
    out["phone"] = c.phone ? core::Json(*c.phone) : core::Json();
    if (c.email) {
        out["email"] = *c.email;
    }
    if (c.cardNumber) {
        out["cardNumber"] = *c.cardNumber;
    }
    return out;
}

core::Json CustomerCard::toJson() const
{
    core::Json visitsJson = core::Json::array();
    for (const auto& r : visits) {
        core::Json lines = core::Json::array();
        for (const auto& l : r.lines) {
            core::Json line = {{"name", l.name}, {"amount", l.amount.toDouble()}};
            line["staffId"] = l.staffId ? core::Json(*l.staffId) : core::Json();
            lines.push_back(std::move(line));
        }
        visitsJson.push_back({{"receiptId", r.id},
                              {"operation", r.operation},
                              {"at", formatLocalDateTime(r.createdAtUs)},
                              {"total", r.total.toDouble()},
                              {"lines", std::move(lines)}});
    }
    core::Json appointmentsJson = core::Json::array();
    for (const auto& a : appointments) {
        core::Json services = core::Json::array();
        for (const auto& item : a.items) {
            services.push_back(item.name);
        }
        appointmentsJson.push_back({{"id", a.id},
                                    {"staffId", a.staffId},
                                    {"start", formatLocalDateTime(a.startsAtUs)},
                                    {"end", formatLocalDateTime(a.endsAtUs)},
                                    {"status", a.status},
                                    {"services", std::move(services)}});
    }
    core::Json out = customerJson(customer);
    out["visits"] = std::move(visitsJson);
    out["appointments"] = std::move(appointmentsJson);
    return out;
}

} // namespace sigma::till
