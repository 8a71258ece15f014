#pragma once

#include "store/AppointmentRepository.h"
#include "store/CustomerRepository.h"
#include "store/ReceiptRecord.h"
#include "till/TillContext.h"

#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// A customer created at the counter.
struct NewCustomer {
    std::string name;
    std::string phone; ///< required, any format core::normalizePhone accepts
    std::string email; ///< optional
};

/// The customer's card: who they are and their visits.
struct CustomerCard {
    store::Customer customer;
    std::vector<store::ReceiptRecord> visits;     ///< fiscalized receipts, the latest first
    std::vector<store::Appointment> appointments; ///< the latest first, cancelled ones included

    [[nodiscard]] core::Json toJson() const;
};

/// Customers at the counter of a salon: found by a phone fragment or a name, created on the spot
/// (a valid Russian phone is required: it is how a salon finds people again), shown with their
/// visit history. Creation is journaled (`customer.saved`) so the cloud has the same customers.
class CustomerService {
public:
    explicit CustomerService(TillContext& context);

    /// A query of digits (with + ( ) - and spaces) looks up phones containing them (at least 3
    /// digits; a full number in any format finds exactly that number); anything else matches the
    /// starts of the words of names (at least 2 letters). kCustomerQueryTooShort otherwise.
    core::Result<std::vector<store::Customer>> find(std::string_view query, std::size_t limit = 20);
    /// kBadPhone for a malformed or missing phone, kCustomerExists when the phone is taken.
    core::Result<store::Customer> create(const NewCustomer& customer, const Cashier& by);
    /// kCustomerNotFound for an unknown id.
    core::Result<store::Customer> get(const std::string& id);
    core::Result<CustomerCard> card(const std::string& id, std::size_t visitLimit = 50);

private:
    TillContext& m_context;
};

/// The customer as JSON for sigmactl and the screens.
core::Json customerJson(const store::Customer& customer);

} // namespace sigma::till
