#pragma once

#include "core/ExactJson.h"
#include "core/Money.h"

#include <cstdint>
#include <string>

namespace sigma::fiscal {

/// What the register says about a fiscal document it made (the `fiscalParams` of a result).
struct FiscalParams {
    std::uint32_t fiscalDocumentNumber = 0; ///< ФД, tag 1040
    std::string fiscalDocumentSign;         ///< ФП as printed, tag 1077
    std::string fiscalDocumentDateTime;     ///< ISO 8601 with the register's offset
    std::uint32_t fiscalReceiptNumber = 0;  ///< receipt number in the shift
    std::uint32_t shiftNumber = 0;
    std::string fnNumber;
    std::string registrationNumber;
    core::Money total;
    std::string fnsUrl;

    friend bool operator==(const FiscalParams&, const FiscalParams&) = default;
};

/// Reads `fiscalParams` from a task result; the fields that identify the document (number, sign,
/// date-time, FN number) are required.
core::Result<FiscalParams> parseFiscalParams(const core::Json& result);
core::Json toJson(const FiscalParams& params);

} // namespace sigma::fiscal
