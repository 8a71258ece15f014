#pragma once

#include "core/Money.h"
#include "core/Result.h"

#include <string>
#include <string_view>

namespace sigma::devices {

/// What the payment terminal answered about one operation (a payment, a refund or a reversal).
struct CardAuthorization {
    enum class Status {
        Approved = 1, ///< the money moved (a payment charged, a refund credited)
        Declined,     ///< the bank or the terminal refused; nothing moved
        TimedOut,     ///< the terminal gave up before performing it; nothing moved
        Reversed,     ///< an approved payment that was cancelled afterwards
    };

    std::string operationId; ///< our UUID for the operation: its idempotency key
    core::Money amount;
    Status status = Status::Declined;
    std::string authCode;  ///< 6 characters, from the issuer; empty unless it was approved
    std::string rrn;       ///< retrieval reference number, 12 digits; empty unless it was approved
    std::string maskedPan; ///< "220220******1234"
    std::string message; ///< in Russian, for the cashier ("Одобрено", "Недостаточно средств")
};

/// The machine spelling of a status: "approved", "declined", "timedOut", "reversed".
inline std::string_view cardStatusName(CardAuthorization::Status status)
{
    switch (status) {
    case CardAuthorization::Status::Approved:
        return "approved";
    case CardAuthorization::Status::Declined:
        return "declined";
    case CardAuthorization::Status::TimedOut:
        return "timedOut";
    case CardAuthorization::Status::Reversed:
        return "reversed";
    }
    return "declined";
}

/// A card payment terminal (пин-пад) as the till sees it.
///
/// Every operation carries the caller's operation id (a UUID), so a retry after a lost answer is
/// harmless: an operation id the terminal has already performed gives back the recorded result and
/// never charges twice. A decline is an answer, not an error (status Declined with the reason in
/// `message`). An Error (codes 1700-1799, core/ErrorCodes.h) means the terminal could not say what
/// happened: after kPaymentTimeout the operation may have been performed, so the caller asks
/// status() and reverses an approval it cannot use. Implementations are used from one thread at a
/// time and never throw.
class PaymentTerminal {
public:
    virtual ~PaymentTerminal() = default;

    /// Charges `amount` (positive) to the card the customer presents.
    [[nodiscard]] virtual core::Result<CardAuthorization> authorize(const std::string& operationId,
                                                                    core::Money amount) = 0;

    /// Returns `amount` to the card of an earlier payment, identified by its RRN. `operationId` is
    /// the refund's own id.
    [[nodiscard]] virtual core::Result<CardAuthorization> refund(const std::string& operationId, core::Money amount,
                                                                 const std::string& originalRrn) = 0;

    /// Cancels the approved payment `operationId` (e.g. the receipt could not be printed). Reversing
    /// an already reversed payment answers the same again.
    [[nodiscard]] virtual core::Result<CardAuthorization> reverse(const std::string& operationId) = 0;

    /// What happened to an operation, for recovery after a crash or a lost answer;
    /// kPaymentOperationUnknown when it never reached the terminal.
    [[nodiscard]] virtual core::Result<CardAuthorization> status(const std::string& operationId) = 0;

    /// The registry id of the driver behind this terminal ("emulator", ...).
    [[nodiscard]] virtual std::string_view driverId() const = 0;
};

} // namespace sigma::devices
