#pragma once

#include "till/TillContext.h"

namespace sigma::till {

struct RecoveryReport {
    int completed = 0;    ///< pending receipts the register had: now fiscalized
    int failed = 0;       ///< the register positively has no such document
    int stillPending = 0; ///< the register could not be asked
    int cardsReversed = 0;
    int reversalsPending = 0;
    std::vector<std::string> notes;

    [[nodiscard]] core::Json toJson() const;
};

/// Reconciles pending receipts with the register after a crash, power loss or a lost answer
/// (ARCHITECTURE.md): reads getFnStatus and getFnDocument for every document after the number
/// recorded with the receipt and finds its own by tag 1192. Completed with the register's numbers
/// when found; marked failed only when the reachable register positively has no such document,
/// and then an approved card payment is reversed; left pending while the register is unreachable.
/// It never sends a receipt again.
class RecoveryService {
public:
    explicit RecoveryService(TillContext& context);

    /// Every pending receipt, then card reversals that could not be done before.
    core::Result<RecoveryReport> recoverAll();
    /// One receipt; returns its status afterwards.
    core::Result<std::string> reconcile(const std::string& receiptId, RecoveryReport& report);

    /// Reverses every approved card payment of a failed receipt; when the pin pad cannot be
    /// reached the payment is marked reversalPending and retried by recoverAll().
    core::Status reverseApprovedCards(const std::string& receiptId, RecoveryReport& report);

private:

    TillContext& m_context;
};

} // namespace sigma::till
