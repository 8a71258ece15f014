#pragma once

#include "drivers/emulator/FnDocumentBuilder.h"
#include "drivers/emulator/KktState.h"
#include "drivers/emulator/KktStore.h"
#include "fiscal/AtolTask.h"

#include <string>
#include <vector>

namespace sigma::drivers::emulator {

/// Identity of a printed fiscal document (the bottom block of every check and report).
struct PrintedFiscalData {
    std::uint32_t documentNumber = 0;
    std::uint32_t fiscalSign = 0;
    std::string localDateTime; ///< "04.12.26 15:30"
};

/// What the virtual register prints, laid out like a real 54-FZ receipt and its reports.
class TapeLayouts {
public:
    static std::string receipt(const KktState& state, const FiscalReceipt& receipt,
                               const std::vector<fiscal::ReceiptItem>& items, const fiscal::Operator& op,
                               std::uint32_t shiftNumber, std::uint32_t receiptNumber, const PrintedFiscalData& fiscal,
                               const std::string& qrPayload);
    static std::string shiftReport(const KktState& state, const std::string& title, const fiscal::Operator& op,
                                   std::uint32_t shiftNumber, const std::vector<ShiftTotal>& totals,
                                   const PrintedFiscalData* fiscal);
    static std::string registrationReport(const KktState& state, const std::string& title, const fiscal::Operator& op,
                                          const PrintedFiscalData& fiscal);
    static std::string cashOperation(const KktState& state, const std::string& title, core::Money sum,
                                     const fiscal::Operator& op, const std::string& localDateTime);
    static std::string nonFiscal(const KktState& state, const std::vector<fiscal::ReceiptItem>& items);
};

} // namespace sigma::drivers::emulator
