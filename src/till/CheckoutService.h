#pragma once

#include "core/Receipt.h"
#include "core/ReceiptTotals.h"
#include "fiscal/TaskBuilder.h"
#include "store/ReceiptRecord.h"
#include "till/TillContext.h"

#include <optional>
#include <string>
#include <vector>

namespace sigma::till {

/// Where a line came from and who did the work: stored with the line, not sent to the register.
struct LineOrigin {
    std::string productId;
    std::string sku;
    std::string barcode;
    std::string staffId;
    std::optional<int> originalPosition; ///< a return: the line of the original sale
};

struct CheckoutRequest {
    std::string uuid; ///< the idempotency key; empty = a new one
    core::Receipt receipt;
    std::vector<LineOrigin> origins; ///< one per line, or empty
    Cashier cashier;
    bool electronically = false;     ///< no paper receipt
    std::optional<std::string> originalReceiptId;
    std::string customerId;          ///< the customer the sale is made to (services); empty: anonymous
    std::string originalRrn;         ///< card refunds: the sale's RRN
    bool correction = false;
    fiscal::CorrectionBase correctionBase;
};

/// The outcome of a checkout: the stored receipt (fiscalized, failed or still pending) and, when
/// something needs the cashier's attention, the problem (e.g. "load paper and continue printing").
struct CheckoutResult {
    store::ReceiptRecord receipt;
    std::optional<core::Error> problem;

    [[nodiscard]] core::Json toJson() const;
};

/// The two-phase checkout of ARCHITECTURE.md:
///   1. the receipt is written 'pending' with its UUID and the register's last document number
///      (durable); card payments are authorised and the approval recorded durably;
///   2. the fiscal task is sent;
///   3. 'fiscalized' and the journal event are written in one durable commit.
/// Any failure after step 1 goes through RecoveryService, which asks the register what happened.
/// Idempotent by UUID: a repeated call returns the first result, never prints or charges twice.
class CheckoutService {
public:
    explicit CheckoutService(TillContext& context);

    core::Result<CheckoutResult> checkout(CheckoutRequest request);

    /// The 16 characters of tag 1192 that identify this receipt in the fiscal storage.
    static std::string receiptTag(const std::string& uuid);
    /// The operation id of a card payment of a receipt (the pin pad's idempotency key).
    static std::string cardOperationId(const std::string& receiptId, int position);

private:
    core::Status checkShift(std::string& shiftId);
    core::Result<store::ReceiptRecord> buildRecord(const CheckoutRequest& request, const core::ReceiptTotals& totals,
                                                   const std::string& shiftId, std::uint32_t lastDocument,
                                                   const core::Json& task);
    core::Status authorizeCards(store::ReceiptRecord& record, const CheckoutRequest& request);

    TillContext& m_context;
};

/// The journal payload of a fiscalized receipt (docs/sync-protocol.md).
core::Json receiptEventPayload(const store::ReceiptRecord& receipt);

} // namespace sigma::till
