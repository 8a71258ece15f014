#pragma once

#include "core/Money.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sigma::fiscal::ffd {

/// The content of the QR code printed on every receipt:
/// `t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1`.
struct ReceiptQr {
    // The register's local date and time of the document (tag 1012).
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    std::optional<int> second;              ///< printed ("T153045") only when present
    core::Money total;                      ///< tag 1020
    std::string fnNumber;                   ///< tag 1041, 16 digits
    std::uint32_t fiscalDocumentNumber = 0; ///< tag 1040
    std::uint32_t fiscalSign = 0;           ///< tag 1077, printed form
    int operationType = 0;                  ///< tag 1054: 1 sale, 2 sale return, 3 purchase, 4 purchase return

    friend bool operator==(const ReceiptQr&, const ReceiptQr&) = default;
};

/// The QR text, fields in the usual order t, s, fn, i, fp, n; `s` with two decimals. Expects a
/// value parseReceiptQr() would accept (build what the register reported, not user input).
std::string buildReceiptQr(const ReceiptQr& qr);

/// Parses a scanned QR text: fields in any order, time with or without seconds, `s` with up to
/// two decimals. Refuses (kBadReceiptQr, field = the key) a missing or repeated field, an empty
/// one, a malformed number or date, an FN number that is not 16 digits, an operation type
/// outside 1-4. Unknown keys are ignored, so a future field does not break scanning.
core::Result<ReceiptQr> parseReceiptQr(std::string_view text);

} // namespace sigma::fiscal::ffd
