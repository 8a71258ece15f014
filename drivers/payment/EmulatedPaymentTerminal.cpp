#include "drivers/payment/EmulatedPaymentTerminal.h"

#include "core/ErrorCodes.h"
#include "crypto/OsRandom.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <thread>

namespace sigma::drivers::payment {
namespace {

using devices::CardAuthorization;
using Status = CardAuthorization::Status;

constexpr std::size_t kMaxOperationIdLength = 100;
constexpr std::string_view kMirTestBin = "220220";

void sleepMs(int ms)
{
    if (ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    }
}

core::Status checkOperationId(const std::string& operationId)
{
    if (operationId.empty() || operationId.size() > kMaxOperationIdLength) {
        return core::Error(core::errc::kInvalidArgument, "an operation id of 1 to 100 characters is required",
                           "operationId");
    }
    return core::ok();
}

core::Status checkAmount(core::Money amount)
{
    if (!amount.isPositive() || !amount.withinRegisterLimit()) {
        return core::Error(core::errc::kInvalidArgument,
                           "the amount must be positive and within the register limit, not " + amount.toString(),
                           "amount");
    }
    return core::ok();
}

core::Error timeoutError()
{
    return core::Error(core::errc::kPaymentTimeout,
                       "no answer from the payment terminal: the operation may have been performed; ask its status");
}

core::Error conflictError(const std::string& operationId)
{
    return core::Error(core::errc::kPaymentOperationConflict,
                       "operation " + operationId + " was already used for a different operation or amount",
                       "operationId");
}

core::Error unknownError(const std::string& operationId)
{
    return core::Error(core::errc::kPaymentOperationUnknown, "the payment terminal has no operation " + operationId,
                       "operationId");
}

/// A uniform value below `bound` (at most 256) from the random source.
unsigned randomBelow(core::RandomSource& random, unsigned bound)
{
    const unsigned limit = 256 - 256 % bound; // rejection keeps the digits uniform
    for (;;) {
        std::byte b{};
        random.fill(std::span(&b, 1));
        const auto value = static_cast<unsigned>(b);
        if (value < limit) {
            return value % bound;
        }
    }
}

} // namespace

EmulatedPaymentTerminal::EmulatedPaymentTerminal(std::unique_ptr<PinpadStore> store, const Options& options)
    : m_store(std::move(store)), m_clock(options.clock), m_random(options.random)
{
    if (m_random == nullptr) {
        m_ownRandom = std::make_unique<crypto::OsRandom>();
        m_random = m_ownRandom.get();
    }
}

EmulatedPaymentTerminal::~EmulatedPaymentTerminal() = default;

core::Result<std::unique_ptr<EmulatedPaymentTerminal>> EmulatedPaymentTerminal::open(const Options& options)
{
    if (options.clock == nullptr) {
        return core::Error(core::errc::kInvalidArgument, "the emulated payment terminal needs a clock", "clock");
    }
    SIGMA_ASSIGN_OR_RETURN(auto store, PinpadStore::open(options.statePath));
    return std::unique_ptr<EmulatedPaymentTerminal>(new EmulatedPaymentTerminal(std::move(store), options));
}

core::Result<CardAuthorization> EmulatedPaymentTerminal::authorize(const std::string& operationId, core::Money amount)
{
    SIGMA_TRY(checkOperationId(operationId));
    SIGMA_TRY(checkAmount(amount));
    SIGMA_ASSIGN_OR_RETURN(const LinkFaults link, takeLinkFaults());
    sleepMs(link.delayMs / 2);
    if (link.timeout) {
        SIGMA_TRY(recordTimedOut(operationId, PinpadOperationKind::Sale, amount, {}));
        return answer(link, timeoutError());
    }

    CardAuthorization result;
    const core::Status done = m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto existing, m_store->operation(operationId));
        PinpadOperation op;
        if (existing) {
            if (existing->kind != PinpadOperationKind::Sale || existing->amount != amount) {
                return conflictError(operationId);
            }
            // The idempotent retry: whatever the terminal did with this id is the answer again.
            if (existing->status != Status::TimedOut) {
                result = existing->authorization();
                return core::ok();
            }
            op.createdAtUs = existing->createdAtUs;
        }
        op.id = operationId;
        op.kind = PinpadOperationKind::Sale;
        op.amount = amount;
        SIGMA_TRY(perform(op));
        result = op.authorization();
        return core::ok();
    });
    if (!done.ok()) {
        return answer(link, done.error());
    }
    return answer(link, result);
}

core::Result<CardAuthorization> EmulatedPaymentTerminal::refund(const std::string& operationId, core::Money amount,
                                                                const std::string& originalRrn)
{
    SIGMA_TRY(checkOperationId(operationId));
    SIGMA_TRY(checkAmount(amount));
    if (originalRrn.empty()) {
        return core::Error(core::errc::kInvalidArgument, "the RRN of the payment to refund is required", "originalRrn");
    }
    SIGMA_ASSIGN_OR_RETURN(const LinkFaults link, takeLinkFaults());
    sleepMs(link.delayMs / 2);
    if (link.timeout) {
        SIGMA_TRY(recordTimedOut(operationId, PinpadOperationKind::Refund, amount, originalRrn));
        return answer(link, timeoutError());
    }

    CardAuthorization result;
    const core::Status done = m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto existing, m_store->operation(operationId));
        PinpadOperation op;
        if (existing) {
            if (existing->kind != PinpadOperationKind::Refund || existing->amount != amount ||
                existing->originalRrn != originalRrn) {
                return conflictError(operationId);
            }
            if (existing->status != Status::TimedOut) {
                result = existing->authorization();
                return core::ok();
            }
            op.createdAtUs = existing->createdAtUs;
        }
        SIGMA_ASSIGN_OR_RETURN(auto original, m_store->operationByRrn(originalRrn));
        if (!original || original->kind != PinpadOperationKind::Sale || original->status != Status::Approved) {
            return core::Error(core::errc::kPaymentOriginalNotFound,
                               "no approved payment with RRN " + originalRrn + " on this terminal", "originalRrn");
        }
        SIGMA_ASSIGN_OR_RETURN(const core::Money refunded, m_store->refundedTotal(originalRrn));
        if (refunded + amount > original->amount) {
            return core::Error(core::errc::kPaymentRefundExceedsOriginal,
                               "refunds of " + (refunded + amount).toString() + " would exceed the payment of " +
                                   original->amount.toString(),
                               "amount");
        }
        op.id = operationId;
        op.kind = PinpadOperationKind::Refund;
        op.amount = amount;
        op.originalRrn = originalRrn;
        op.maskedPan = original->maskedPan; // the money goes back to the card that paid
        SIGMA_TRY(perform(op));
        result = op.authorization();
        return core::ok();
    });
    if (!done.ok()) {
        return answer(link, done.error());
    }
    return answer(link, result);
}

core::Result<CardAuthorization> EmulatedPaymentTerminal::reverse(const std::string& operationId)
{
    SIGMA_TRY(checkOperationId(operationId));
    SIGMA_ASSIGN_OR_RETURN(const LinkFaults link, takeLinkFaults());
    sleepMs(link.delayMs / 2);
    if (link.timeout) {
        return answer(link, timeoutError());
    }

    CardAuthorization result;
    const core::Status done = m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto op, m_store->operation(operationId));
        if (!op) {
            return unknownError(operationId);
        }
        if (op->status == Status::Reversed) {
            result = op->authorization();
            return core::ok();
        }
        if (op->kind == PinpadOperationKind::Refund) {
            return core::Error(core::errc::kPaymentNotReversible, "a refund cannot be reversed", "operationId");
        }
        if (op->status != Status::Approved) {
            return core::Error(core::errc::kPaymentNotReversible,
                               "operation " + operationId + " was not approved (" +
                                   std::string(devices::cardStatusName(op->status)) + "): nothing to reverse",
                               "operationId");
        }
        SIGMA_ASSIGN_OR_RETURN(const core::Money refunded, m_store->refundedTotal(op->rrn));
        if (refunded.isPositive()) {
            return core::Error(core::errc::kPaymentNotReversible,
                               "payment " + operationId + " has refunds of " + refunded.toString() +
                                   "; refund the rest instead",
                               "operationId");
        }
        op->status = Status::Reversed;
        op->message = "Операция отменена";
        op->updatedAtUs = nowUs();
        SIGMA_TRY(m_store->saveOperation(*op));
        result = op->authorization();
        return core::ok();
    });
    if (!done.ok()) {
        return answer(link, done.error());
    }
    return answer(link, result);
}

core::Result<CardAuthorization> EmulatedPaymentTerminal::status(const std::string& operationId)
{
    SIGMA_TRY(checkOperationId(operationId));
    // Status requests are only slowed down, never faulted: recovery must be able to ask.
    SIGMA_ASSIGN_OR_RETURN(const PaymentFaults faults, m_store->loadFaults());
    sleepMs(faults.delayMs);
    SIGMA_ASSIGN_OR_RETURN(auto op, m_store->operation(operationId));
    if (!op) {
        return unknownError(operationId);
    }
    return op->authorization();
}

core::Result<PaymentFaults> EmulatedPaymentTerminal::faults()
{
    return m_store->loadFaults();
}

core::Status EmulatedPaymentTerminal::setFaults(const PaymentFaults& faults)
{
    if (faults.declineCount < 0 || faults.timeoutCount < 0 || faults.loseAnswerCount < 0 || faults.delayMs < 0) {
        return core::Error(core::errc::kInvalidArgument, "fault counts and the delay cannot be negative");
    }
    return m_store->transaction([&] { return m_store->saveFaults(faults); });
}

core::Result<EmulatedPaymentTerminal::LinkFaults> EmulatedPaymentTerminal::takeLinkFaults()
{
    LinkFaults link;
    SIGMA_TRY(m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(PaymentFaults faults, m_store->loadFaults());
        link.delayMs = faults.delayMs;
        if (faults.timeoutCount > 0) {
            link.timeout = true;
            --faults.timeoutCount;
        } else if (faults.loseAnswerCount > 0) {
            link.loseAnswer = true;
            --faults.loseAnswerCount;
        } else {
            return core::ok();
        }
        return m_store->saveFaults(faults);
    }));
    return link;
}

core::Status EmulatedPaymentTerminal::recordTimedOut(const std::string& operationId, PinpadOperationKind kind,
                                                     core::Money amount, const std::string& originalRrn)
{
    return m_store->transaction([&]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto existing, m_store->operation(operationId));
        if (existing) {
            return core::ok(); // a retry of a known operation: its record stands
        }
        PinpadOperation op;
        op.id = operationId;
        op.kind = kind;
        op.amount = amount;
        op.status = Status::TimedOut;
        op.originalRrn = originalRrn;
        op.message = "Время ожидания истекло, операция не проведена";
        op.createdAtUs = nowUs();
        op.updatedAtUs = op.createdAtUs;
        return m_store->saveOperation(op);
    });
}

core::Status EmulatedPaymentTerminal::perform(PinpadOperation& op)
{
    const std::int64_t now = nowUs();
    if (op.createdAtUs == 0) {
        op.createdAtUs = now;
    }
    op.updatedAtUs = now;
    if (op.maskedPan.empty()) {
        op.maskedPan = newMaskedPan();
    }
    SIGMA_ASSIGN_OR_RETURN(PaymentFaults faults, m_store->loadFaults());
    if (faults.declineCount > 0) {
        --faults.declineCount;
        SIGMA_TRY(m_store->saveFaults(faults));
        op.status = Status::Declined;
        op.authCode.clear();
        op.rrn.clear();
        op.message = faults.declineReason.empty() ? std::string(kDefaultDeclineReason) : faults.declineReason;
    } else {
        SIGMA_ASSIGN_OR_RETURN(const std::int64_t sequence, m_store->nextSequence());
        op.status = Status::Approved;
        op.rrn = newRrn(sequence);
        op.authCode = newAuthCode();
        op.message = op.kind == PinpadOperationKind::Refund ? "Возврат одобрен" : "Одобрено";
    }
    return m_store->saveOperation(op);
}

core::Result<CardAuthorization> EmulatedPaymentTerminal::answer(const LinkFaults& link,
                                                                core::Result<CardAuthorization> result)
{
    sleepMs(link.delayMs - link.delayMs / 2);
    if (link.loseAnswer) {
        return timeoutError();
    }
    return result;
}

std::string EmulatedPaymentTerminal::newRrn(std::int64_t sequence) const
{
    using namespace std::chrono;
    const auto now = m_clock->now();
    const auto day = floor<days>(now);
    const year_month_day date(day);
    const auto dayOfYear = (day - sys_days(date.year() / January / 1)).count() + 1;
    const auto hour = duration_cast<hours>(now - day).count();
    char text[32];
    std::snprintf(text, sizeof text, "%01d%03d%02d%06lld", static_cast<int>(date.year()) % 10,
                  static_cast<int>(dayOfYear), static_cast<int>(hour), static_cast<long long>(sequence % 1'000'000));
    return text;
}

std::string EmulatedPaymentTerminal::newAuthCode()
{
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string code;
    for (int i = 0; i < 6; ++i) {
        code += kAlphabet[randomBelow(*m_random, static_cast<unsigned>(kAlphabet.size()))];
    }
    return code;
}

std::string EmulatedPaymentTerminal::newMaskedPan()
{
    std::string pan(kMirTestBin);
    pan += "******";
    for (int i = 0; i < 4; ++i) {
        pan += static_cast<char>('0' + randomBelow(*m_random, 10));
    }
    return pan;
}

std::int64_t EmulatedPaymentTerminal::nowUs() const
{
    return core::toUnixMicros(m_clock->now());
}

} // namespace sigma::drivers::payment
