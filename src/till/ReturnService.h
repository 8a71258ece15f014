#pragma once

#include "till/CheckoutService.h"

namespace sigma::till {

/// A line to give back from an original receipt.
struct ReturnLine {
    int originalPosition = 0;
    core::Quantity quantity;
};

/// Returns by original receipt (the quantity still returnable per line is enforced, the money goes
/// back to the original payment types, the original sale's VAT date applies) and free-form returns
/// (a senior's approval, an explicit original date).
class ReturnService {
public:
    explicit ReturnService(TillContext& context);

    core::Result<CheckoutResult> returnByReceipt(const std::string& originalId, const std::vector<ReturnLine>& lines,
                                                 const Cashier& cashier, const std::string& uuid = {});
    /// `receipt` carries the lines and payments and its vatDate = the original sale's date.
    /// `approvedBy` is the employee whose permission allowed it (checked by the caller).
    core::Result<CheckoutResult> freeForm(core::Receipt receipt, const Cashier& cashier, const std::string& approvedBy,
                                          const std::string& uuid = {});

private:
    TillContext& m_context;
};

} // namespace sigma::till
