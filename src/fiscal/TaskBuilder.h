#pragma once

#include "core/ExactJson.h"
#include "core/Receipt.h"
#include "core/ReceiptTotals.h"
#include "fiscal/AtolTask.h"

namespace sigma::fiscal {

/// The base of a correction receipt (tags 1173, 1178, 1179).
struct CorrectionBase {
    std::string type = "self"; ///< "self" or "instruction"
    std::string date;          ///< YYYY.MM.DD as ATOL expects
    std::string number;        ///< the tax service's instruction number, if any
};

/// Builds ATOL JSON tasks from domain objects. The calculated line amount is authoritative and
/// the price is amount / quantity (ReceiptTotals), so what the register stores matches what the
/// terminal showed to the kopeck.
class TaskBuilder {
public:
    /// sell / sellReturn / buy / buyReturn from a computed receipt.
    /// `receiptTag` (at most 16 characters) goes to tag 1192 so recovery can recognise the
    /// document in the fiscal storage as this receipt (see receiptTagOf()).
    static core::Json receipt(const core::Receipt& receipt, const core::ReceiptTotals& totals, const Operator& op,
                              bool electronically = false, const std::string& receiptTag = {});
    /// sellCorrection / buyCorrection (for sale and purchase operations).
    static core::Json correction(const core::Receipt& receipt, const core::ReceiptTotals& totals, const Operator& op,
                                 const CorrectionBase& base);
    /// openShift, closeShift, reportX and every other task that carries only an operator.
    static core::Json simple(TaskType type, const Operator& op = {});
    static core::Json cash(TaskType type, core::Money sum, const Operator& op);
    static core::Json fnDocument(std::uint32_t fiscalDocumentNumber, bool withRawData = false);
    /// A free-text document (kitchen ticket, pre-bill).
    static core::Json nonFiscal(const std::vector<std::string>& lines);
};

} // namespace sigma::fiscal
