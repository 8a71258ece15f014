#pragma once

#include "store/ReceiptRecord.h"
#include "store/TerminalDatabase.h"

#include <map>
#include <optional>
#include <vector>

namespace sigma::store {

/// Receipts, their lines and payments in terminal.db. Writes happen inside the caller's
/// transaction (TerminalDatabase::durableTransaction around a fiscal document).
class ReceiptRepository {
public:
    explicit ReceiptRepository(TerminalDatabase& database);

    core::Status insertPending(const ReceiptRecord& receipt);
    core::Status markFiscalized(const std::string& id, std::uint32_t documentNumber, const std::string& sign,
                                const core::Json& fiscalParams, std::int64_t atUs);
    core::Status markFailed(const std::string& id, const std::string& reason);
    core::Status updateCard(const std::string& receiptId, int position, const std::string& status,
                            const std::string& authCode, const std::string& rrn);

    core::Result<std::optional<ReceiptRecord>> find(const std::string& id);
    core::Result<std::optional<ReceiptRecord>> findByDocumentNumber(std::uint32_t number);
    core::Result<std::vector<std::string>> pendingIds();
    /// Receipts whose card payments still need a reversal (the pin pad was unreachable).
    core::Result<std::vector<std::string>> idsWithCardStatus(const std::string& status);
    /// Quantity (thousandths) already returned per original line position, counting fiscalized
    /// and pending returns (a pending return may still become real).
    core::Result<std::map<int, std::int64_t>> returnedQuantities(const std::string& originalId);
    core::Result<std::map<int, core::Money>> returnedAmounts(const std::string& originalId);
    /// Ids in creation order, for exports.
    core::Result<std::vector<std::string>> allIds(std::size_t limit, std::size_t offset);
    /// A customer's fiscalized receipts (returns included), the latest first: the visit history.
    core::Result<std::vector<std::string>> idsForCustomer(const std::string& customerId, std::size_t limit);
    /// Fiscalized receipts of one operation ("sell", ...) created in [fromUs, toUs), oldest first:
    /// the day's receipts a return is picked from.
    core::Result<std::vector<std::string>> fiscalizedIdsBetween(std::string_view operation, std::int64_t fromUs,
                                                                std::int64_t toUs);

private:
    core::Result<ReceiptRecord> load(const db::Row& row);

    TerminalDatabase& m_database;
};

} // namespace sigma::store
