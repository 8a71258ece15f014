#pragma once

#include "core/Money.h"
#include "core/Result.h"
#include "db/SqliteConnection.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "devices/PaymentTerminal.h"

namespace sigma::drivers::payment {

/// Faults the emulated terminal injects into its next operations. Stored in pinpad.db, so a
/// test or sigmactl in another process can set them for a running terminal.
struct PaymentFaults {
    int declineCount = 0;        ///< decline the next new payments and refunds ...
    std::string declineReason{}; ///< ... with this reason (empty: "Отказ банка-эмитента")
    int timeoutCount = 0;        ///< give no answer to the next operations, without performing them
    int loseAnswerCount = 0;     ///< perform the next operations, then give no answer
    int delayMs = 0;             ///< a slow terminal: every operation takes this long

    friend bool operator==(const PaymentFaults&, const PaymentFaults&) = default;
};

enum class PinpadOperationKind {
    Sale = 1,
    Refund,
};

/// One operation as the terminal remembers it.
struct PinpadOperation {
    std::string id;
    PinpadOperationKind kind = PinpadOperationKind::Sale;
    core::Money amount;
    devices::CardAuthorization::Status status = devices::CardAuthorization::Status::Declined;
    std::string authCode;
    std::string rrn;
    std::string maskedPan;
    std::string message;
    std::string originalRrn; ///< refunds: the payment refunded
    std::int64_t createdAtUs = 0;
    std::int64_t updatedAtUs = 0;

    [[nodiscard]] devices::CardAuthorization authorization() const
    {
        return {id, amount, status, authCode, rrn, maskedPan, message};
    }
};

/// pinpad.db: the emulated terminal's memory of every operation, its faults and its RRN sequence.
/// Written with synchronous=FULL: what the terminal approved survives a power cut, as a real
/// terminal's (and the bank's) record does.
class PinpadStore {
public:
    static core::Result<std::unique_ptr<PinpadStore>> open(const std::filesystem::path& path);

    /// Runs `body` in one IMMEDIATE transaction (other processes wait on the busy timeout).
    core::Status transaction(const std::function<core::Status()>& body);

    core::Result<PaymentFaults> loadFaults();
    core::Status saveFaults(const PaymentFaults& faults);

    core::Result<std::optional<PinpadOperation>> operation(const std::string& id);
    core::Result<std::optional<PinpadOperation>> operationByRrn(const std::string& rrn);
    /// Inserts or replaces the operation with this id.
    core::Status saveOperation(const PinpadOperation& operation);
    /// The sum of the approved refunds of the payment with this RRN.
    core::Result<core::Money> refundedTotal(const std::string& originalRrn);

    /// The next number of the terminal's running sequence (1, 2, ...), part of every RRN.
    core::Result<std::int64_t> nextSequence();

private:
    explicit PinpadStore(std::unique_ptr<db::SqliteConnection> connection);

    std::unique_ptr<db::SqliteConnection> m_db;
};

} // namespace sigma::drivers::payment
