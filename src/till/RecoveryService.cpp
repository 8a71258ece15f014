#include "till/RecoveryService.h"

#include "devices/PaymentTerminal.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/TaskBuilder.h"
#include "till/CheckoutService.h"

namespace sigma::till {

core::Json RecoveryReport::toJson() const
{
    return {{"completed", completed},         {"failed", failed},
            {"stillPending", stillPending},   {"cardsReversed", cardsReversed},
            {"reversalsPending", reversalsPending}, {"notes", notes}};
}

RecoveryService::RecoveryService(TillContext& context) : m_context(context) {}

core::Result<RecoveryReport> RecoveryService::recoverAll()
{
    RecoveryReport report;
    SIGMA_ASSIGN_OR_RETURN(auto pending, m_context.receipts().pendingIds());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(auto status, reconcile(pending[i], report));
        if (status == "pending") {
            // The register cannot be asked now; the rest would fail the same way.
            report.stillPending += static_cast<int>(pending.size() - i - 1);
            break;
        }
    }
    SIGMA_ASSIGN_OR_RETURN(auto reversals, m_context.receipts().idsWithCardStatus("reversalPending"));
    for (const auto& id : reversals) {
        SIGMA_TRY(reverseApprovedCards(id, report));
    }
    return report;
}

core::Result<std::string> RecoveryService::reconcile(const std::string& receiptId, RecoveryReport& report)
{
    auto& receipts = m_context.receipts();
    SIGMA_ASSIGN_OR_RETURN(auto found, receipts.find(receiptId));
    if (!found) {
        return core::Error(1003, "no receipt " + receiptId);
    }
    store::ReceiptRecord receipt = *found;
    if (receipt.status != "pending") {
        return receipt.status;
    }

    auto& device = m_context.fiscal();
    auto status = device.execute(fiscal::TaskBuilder::simple(fiscal::TaskType::GetFnStatus));
    if (!status) {
        // Cannot ask: the receipt stays pending. Never guess.
        ++report.stillPending;
        report.notes.push_back(receiptId + ": register unreachable (" + status.error().message + ")");
        return std::string("pending");
    }
    const auto& fn = (*status)["fnStatus"];
    const auto last = fn.value("lastDocumentNumber", 0U);
    const std::string tag = CheckoutService::receiptTag(receiptId);

    std::optional<core::Json> match;
    for (std::uint32_t number = receipt.registerLastDocument + 1; number <= last; ++number) {
        auto document = device.execute(fiscal::TaskBuilder::fnDocument(number));
        if (!document) {
            if (document.error().code == fiscal::atol::kDocumentNotFound) {
                continue;
            }
            ++report.stillPending;
            report.notes.push_back(receiptId + ": cannot read document " + std::to_string(number) + " (" +
                                   document.error().message + ")");
            return std::string("pending");
        }
        const auto& doc = (*document)["documentTLV"];
        if (doc.value("additionalAttribute", std::string()) == tag) {
            match = doc;
            break;
        }
    }

    if (match) {
        // The register has it: complete the receipt with the register's numbers.
        core::Json params = {{"fiscalDocumentNumber", (*match)["fiscalDocumentNumber"]},
                             {"fiscalDocumentSign", (*match)["fiscalDocumentSign"]},
                             {"fiscalDocumentDateTime", (*match)["fiscalDocumentDateTime"]},
                             {"fiscalReceiptNumber", match->value("fiscalReceiptNumber", 0U)},
                             {"shiftNumber", match->value("shiftNumber", 0U)},
                             {"fnNumber", fn.value("fnNumber", std::string())},
                             {"total", match->contains("total") ? (*match)["total"] : core::Json(0)},
                             {"recovered", true}};
        const auto number = (*match)["fiscalDocumentNumber"].get<std::uint32_t>();
        if (auto expected = receipt.total.toDouble(); match->contains("total") &&
                                                      core::moneyFromJson((*match)["total"], "total").valueOr(core::Money()) != receipt.total) {
            report.notes.push_back(receiptId + ": the register's total differs from ours (" + std::to_string(expected) +
                                   ")");
        }
        SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
            SIGMA_TRY(receipts.markFiscalized(receiptId, number, params["fiscalDocumentSign"].get<std::string>(), params,
                                              m_context.nowUs()));
            receipt.status = "fiscalized";
            receipt.fiscalDocumentNumber = number;
            receipt.fiscalParams = params;
            SIGMA_ASSIGN_OR_RETURN(auto event,
                                   m_context.journal().append("receipt.fiscalized", receiptEventPayload(receipt)));
            (void)event;
            return core::ok();
        }));
        ++report.completed;
        return std::string("fiscalized");
    }

    // The register is reachable and positively has no such document: the receipt did not happen.
    const std::string reason = "the register has no document for this receipt (documents " +
                               std::to_string(receipt.registerLastDocument + 1) + ".." + std::to_string(last) +
                               " checked)";
    SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
        SIGMA_TRY(receipts.markFailed(receiptId, reason));
        SIGMA_ASSIGN_OR_RETURN(auto event, m_context.journal().append(
                                               "receipt.failed", {{"receiptId", receiptId}, {"reason", reason}}));
        (void)event;
        return core::ok();
    }));
    ++report.failed;
    SIGMA_TRY(reverseApprovedCards(receiptId, report));
    return std::string("failed");
}

core::Status RecoveryService::reverseApprovedCards(const std::string& receiptId, RecoveryReport& report)
{
    auto& receipts = m_context.receipts();
    SIGMA_ASSIGN_OR_RETURN(auto found, receipts.find(receiptId));
    if (!found || found->status != "failed") {
        return core::ok();
    }
    for (const auto& payment : found->payments) {
        if (payment.type != "electronically" || payment.cardOperationId.empty()) {
            continue;
        }
        const bool approved = payment.cardStatus == "approved" || payment.cardStatus == "reversalPending";
        // A crash during authorisation leaves no status here: ask the pin pad what it did.
        const bool unknown = payment.cardStatus.empty();
        if (!approved && !unknown) {
            continue;
        }
        devices::PaymentTerminal* terminal = m_context.payment();
        if (terminal == nullptr) {
            continue;
        }
        if (unknown) {
            auto status = terminal->status(payment.cardOperationId);
            if (!status) {
                continue; // never authorised (or the pin pad does not know it): nothing to give back
            }
            if (status->status != devices::CardAuthorization::Status::Approved) {
                continue;
            }
        }
        auto reversal = terminal->reverse(payment.cardOperationId);
        const bool done = reversal.ok() && reversal->status == devices::CardAuthorization::Status::Reversed;
        SIGMA_TRY(m_context.database().durableTransaction([&]() -> core::Status {
            SIGMA_TRY(receipts.updateCard(receiptId, payment.position, done ? "reversed" : "reversalPending", "", ""));
            if (done) {
                SIGMA_ASSIGN_OR_RETURN(auto event,
                                       m_context.journal().append("card.reversed", {{"receiptId", receiptId},
                                                                                    {"position", payment.position},
                                                                                    {"sum", payment.sum.kopecks()},
                                                                                    {"rrn", payment.rrn}}));
                (void)event;
            }
            return core::ok();
        }));
        ++(done ? report.cardsReversed : report.reversalsPending);
    }
    return core::ok();
}

} // namespace sigma::till
