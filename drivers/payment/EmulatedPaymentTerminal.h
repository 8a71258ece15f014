#pragma once

#include "core/Clock.h"
#include "core/RandomSource.h"
#include "drivers/payment/PinpadStore.h"

#include <filesystem>
#include <memory>

#include "devices/PaymentTerminal.h"

namespace sigma::drivers::payment {

/// A virtual card terminal for the terminal app, the tests and demos. Every operation it performs
/// is kept in its own SQLite file (pinpad.db), so, like a real terminal and the bank behind it, it
/// still knows what it approved after the till's process was killed: recovery asks status().
///
/// Faults (PaymentFaults) are stored in the same file and consumed one per operation, so another
/// process can set them for a running terminal. Timeouts and lost answers stand for the link and
/// hit any payment, refund or reversal; declines stand for the bank and hit only a payment or
/// refund that is performed for the first time. Both kinds of timeout end in kPaymentTimeout, as
/// the caller cannot tell them apart; status() then says TimedOut (nothing happened) or the real
/// outcome (the answer was lost).
///
/// Cards are Mir test cards ("220220******1234"); auth codes are 6 characters, RRNs 12 digits
/// (year digit, day of the year, hour, then the terminal's 6-digit sequence number).
class EmulatedPaymentTerminal final : public devices::PaymentTerminal {
public:
    struct Options {
        std::filesystem::path statePath;      ///< pinpad.db, created when missing
        const core::Clock* clock = nullptr;   ///< required
        core::RandomSource* random = nullptr; ///< card numbers and auth codes; null: the OS source
    };

    static core::Result<std::unique_ptr<EmulatedPaymentTerminal>> open(const Options& options);
    ~EmulatedPaymentTerminal() override;

    core::Result<devices::CardAuthorization> authorize(const std::string& operationId, core::Money amount) override;
    core::Result<devices::CardAuthorization> refund(const std::string& operationId, core::Money amount,
                                                    const std::string& originalRrn) override;
    core::Result<devices::CardAuthorization> reverse(const std::string& operationId) override;
    core::Result<devices::CardAuthorization> status(const std::string& operationId) override;
    std::string_view driverId() const override { return "emulator"; }

    // --- the technician's and tests' controls ---
    core::Result<PaymentFaults> faults();
    core::Status setFaults(const PaymentFaults& faults);

    static constexpr std::string_view kDefaultDeclineReason = "Отказ банка-эмитента";

private:
    /// What the link does to one operation.
    struct LinkFaults {
        bool timeout = false;    ///< not performed, no answer
        bool loseAnswer = false; ///< performed, no answer
        int delayMs = 0;
    };

    EmulatedPaymentTerminal(std::unique_ptr<PinpadStore> store, const Options& options);

    /// Consumes this operation's timeout or lost-answer fault in a short transaction of its own,
    /// so a fault set by another process applies to exactly the next operation.
    core::Result<LinkFaults> takeLinkFaults();
    /// Records a payment or refund the terminal gave up on, unless the id is already known.
    core::Status recordTimedOut(const std::string& operationId, PinpadOperationKind kind, core::Money amount,
                                const std::string& originalRrn);
    /// Approves or (when a decline fault is pending) declines a new operation; fills `op`.
    core::Status perform(PinpadOperation& op);
    /// The answer after the operation: delayed, or lost.
    core::Result<devices::CardAuthorization> answer(const LinkFaults& link,
                                                    core::Result<devices::CardAuthorization> result);

    std::string newRrn(std::int64_t sequence) const;
    std::string newAuthCode();
    std::string newMaskedPan();
    std::int64_t nowUs() const;

    std::unique_ptr<PinpadStore> m_store;
    const core::Clock* m_clock;
    std::unique_ptr<core::RandomSource> m_ownRandom;
    core::RandomSource* m_random;
};

} // namespace sigma::drivers::payment
