#pragma once

#include "core/Date.h"
#include "core/Money.h"

#include <span>
#include <string_view>
#include <vector>

namespace sigma::core {

/// VAT rate of a line (ставка НДС). The calculated rates (22/122 ...) apply to advances and
/// prepayments; the amount includes VAT either way, so the VAT formula is the same.
enum class VatRate {
    None = 1,
    Vat0,
    Vat5,
    Vat7,
    Vat10,
    Vat20,
    Vat22,
    Vat105,
    Vat107,
    Vat110,
    Vat120,
    Vat122,
};

/// One row of the VAT table: what the rate is called, how it is coded, and when it may be used.
struct VatRateInfo {
    VatRate rate;
    std::string_view atolName; ///< tax.type in ATOL JSON tasks
    int tag1199;               ///< FFD 1.2 VAT rate code
    int percent;               ///< r in amount × r / (100 + r); 0 for none and vat0
    bool calculated;           ///< r/(100+r) rates: 5/105, 7/107, 10/110, 20/120, 22/122
    std::string_view label;    ///< as printed: "НДС 22%"
    Date validFrom;            ///< first day the rate may be charged
    Date validUntil;           ///< last day (inclusive)
};

/// The VAT rate table as data. The built-in table (standard()) follows the law as of 2026:
/// 22% became the standard rate on 2026-01-01 and 20% remains for documents of earlier periods,
/// which is why every check takes the date whose rates apply (the original sale's date for a
/// return), not today's.
class VatTable {
public:
    explicit VatTable(std::vector<VatRateInfo> rows);

    static const VatTable& standard();

    [[nodiscard]] const VatRateInfo& info(VatRate rate) const;
    [[nodiscard]] Result<VatRate> fromAtolName(std::string_view name) const;
    [[nodiscard]] Result<VatRate> fromTag1199(int code) const;
    [[nodiscard]] std::span<const VatRateInfo> rows() const { return m_rows; }

    /// Ok when `rate` may be charged on `date`; otherwise names the rate and its validity.
    [[nodiscard]] Status checkValidOn(VatRate rate, Date date) const;
    /// The rate for ordinary goods on `date` (20% until 2025, 22% from 2026).
    [[nodiscard]] VatRate standardRateOn(Date date) const;

    /// VAT included in `amount`: round half up (amount × r / (100 + r)) to the kopeck.
    [[nodiscard]] Money vatIncluded(VatRate rate, Money amount) const;

private:
    std::vector<VatRateInfo> m_rows;
};

} // namespace sigma::core
