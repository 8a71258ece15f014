#pragma once

#include "core/Clock.h"
#include "core/Money.h"
#include "core/Result.h"
#include "core/Uuid.h"
#include "db/Connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sigma::store {

/// A customer of the business: for receipts by SMS/e-mail, loyalty cards and bonus points.
struct Customer {
    core::Uuid id;
    std::string name;
    std::optional<std::string> phone; ///< "+7XXXXXXXXXX" once stored
    std::optional<std::string> email;
    std::optional<std::string> cardNumber; ///< loyalty card
    core::Money bonusBalance;              ///< bonus points in kopecks, never negative
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;
};

/// Customers in terminal.db.
///
/// Phones are stored normalised (core::normalizePhone), so "8 (999) 123-45-67" and
/// "+7 999 1234567" find the same customer. A phone and a card number belong to one customer at
/// most (kCustomerExists). Empty strings are stored as absent. Timestamps come from the injected
/// clock.
class CustomerRepository {
public:
    CustomerRepository(db::Connection& connection, const core::Clock& clock);

    /// Stores a new customer (the id must be set); returns it normalised, with its timestamps.
    /// kBadPhone, kInvalidArgument (e-mail, negative bonus), kCustomerExists.
    core::Result<Customer> insert(Customer customer);
    /// Replaces every field but the id and created_at; kNotFound when there is no such customer.
    core::Result<Customer> update(Customer customer);
    core::Status remove(const core::Uuid& id);

    core::Result<std::optional<Customer>> findById(const core::Uuid& id);
    /// The phone in any accepted format; kBadPhone when it is not a phone number.
    core::Result<std::optional<Customer>> findByPhone(std::string_view phone);
    core::Result<std::optional<Customer>> findByCard(std::string_view cardNumber);

    /// Customers whose phone contains `digits` (a fragment of the national number, at least 3
    /// digits), by name, at most `limit`.
    core::Result<std::vector<Customer>> searchByPhoneDigits(std::string_view digits, std::size_t limit);
    /// Customers whose name has a word starting with each word of `query` (compared in the
    /// catalog search's normal form: case, ё/е and punctuation do not matter), by name.
    core::Result<std::vector<Customer>> searchByName(std::string_view query, std::size_t limit);

    /// Adds `delta` (negative to redeem) to the bonus balance in one statement; kInsufficientBonus
    /// when the balance would go below zero, kNotFound for an unknown customer.
    core::Result<Customer> adjustBonus(const core::Uuid& id, core::Money delta);

private:
    /// Normalises and checks the fields, and that no other customer has the phone or card.
    core::Status prepare(Customer& customer);
    core::Result<std::optional<Customer>> findOne(std::string_view where, std::string_view value);
    /// Computes search_name for rows written before it existed (schema version 5).
    core::Status indexUnindexedNames();
    std::int64_t nowUs() const;

    db::Connection& m_db;
    const core::Clock& m_clock;
};

} // namespace sigma::store
