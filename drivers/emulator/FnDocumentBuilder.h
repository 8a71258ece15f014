#pragma once

#include "core/Money.h"
#include "core/Result.h"
#include "core/Quantity.h"
#include "core/VatRate.h"
#include "drivers/emulator/KktState.h"
#include "drivers/emulator/KktStore.h"
#include "fiscal/AtolTask.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sigma::drivers::emulator {

/// A receipt line as the register fiscalizes it, after the register's own checks.
struct FiscalLine {
    std::string name;
    core::Money price;
    core::Quantity quantity;
    core::Money amount;
    int measurementUnit = 0;
    core::VatRate vatRate = core::VatRate::Vat22;
    core::Money vatSum;
    int paymentMethod = 4;
    int paymentObject = 1;
    std::string markingCode;
};

/// Everything the register computed for one receipt or correction.
struct FiscalReceipt {
    int operation = 1;     ///< tag 1054
    int taxationBit = 1;   ///< tag 1055
    bool correction = false;
    std::vector<FiscalLine> lines;
    core::Money total;
    core::Money cash;
    core::Money electronically;
    core::Money prepaid;
    core::Money credit;
    core::Money other;
    core::Money change;
    std::string clientContact;
    std::string additionalAttribute;
    std::string correctionType;
    std::string correctionBaseDate;
    std::string correctionBaseNumber;
};

/// An encoded fiscal document and its emulated fiscal sign.
struct SignedDocument {
    std::vector<std::uint8_t> tlv;
    std::uint32_t fiscalSign = 0; ///< printed form (bytes 2..5 of tag 1077, big-endian)
};

/// Builds the FFD 1.2 TLV of each fiscal document the virtual fiscal storage makes, and signs it.
///
/// The fiscal sign (tag 1077) is an HMAC-SHA256 over the document's TLV, keyed with the emulator's
/// own key, cut to 6 bytes. It is NOT a real fiscal storage signature (that needs the FN's secret
/// key and cannot be reproduced); it only makes tampering with the archive detectable.
class FnDocumentBuilder {
public:
    FnDocumentBuilder(const KktState& state, std::uint32_t number, std::int64_t localUnixSeconds,
                      const fiscal::Operator& op);

    core::Result<SignedDocument> registration(bool reRegistration, int reasonCode);
    core::Result<SignedDocument> openShift(std::uint32_t shiftNumber);
    core::Result<SignedDocument> closeShift(std::uint32_t shiftNumber, std::uint32_t receipts, const KktStore::OfdQueue& queue);
    core::Result<SignedDocument> receipt(const FiscalReceipt& receipt, std::uint32_t shiftNumber, std::uint32_t receiptNumber);
    core::Result<SignedDocument> closeArchive();

    /// Checks a stored document's sign against the key: the archive has not been edited.
    static bool verify(const KktState& state, const std::vector<std::uint8_t>& tlv, std::uint32_t fiscalSign);

private:
    const KktState& m_state;
    std::uint32_t m_number;
    std::int64_t m_localSeconds;
    fiscal::Operator m_operator;
};

} // namespace sigma::drivers::emulator
