#include "core/VatRate.h"

#include "core/ErrorCodes.h"
#include "core/Int128.h"

#include <cassert>
#include <cstdlib>

namespace sigma::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr Date kAlways{year(1970), month(1), day(1)};
constexpr Date kForever{year(9999), month(12), day(31)};
constexpr Date kLast20{year(2025), month(12), day(31)};
constexpr Date kFirst22{year(2026), month(1), day(1)};
// 5% and 7% became available to sellers on the simplified system on 2025-01-01.
constexpr Date kFirstUsnVat{year(2025), month(1), day(1)};

} // namespace

VatTable::VatTable(std::vector<VatRateInfo> rows) : m_rows(std::move(rows)) {}

const VatTable& VatTable::standard()
{
    static const VatTable table({
        {VatRate::None, "none", 6, 0, false, "Без НДС", kAlways, kForever},
        {VatRate::Vat0, "vat0", 5, 0, false, "НДС 0%", kAlways, kForever},
        {VatRate::Vat5, "vat5", 7, 5, false, "НДС 5%", kFirstUsnVat, kForever},
        {VatRate::Vat7, "vat7", 8, 7, false, "НДС 7%", kFirstUsnVat, kForever},
        {VatRate::Vat10, "vat10", 2, 10, false, "НДС 10%", kAlways, kForever},
        {VatRate::Vat20, "vat20", 1, 20, false, "НДС 20%", kAlways, kLast20},
        {VatRate::Vat22, "vat22", 11, 22, false, "НДС 22%", kFirst22, kForever},
        {VatRate::Vat105, "vat105", 9, 5, true, "НДС 5/105", kFirstUsnVat, kForever},
        {VatRate::Vat107, "vat107", 10, 7, true, "НДС 7/107", kFirstUsnVat, kForever},
        {VatRate::Vat110, "vat110", 4, 10, true, "НДС 10/110", kAlways, kForever},
        {VatRate::Vat120, "vat120", 3, 20, true, "НДС 20/120", kAlways, kLast20},
        {VatRate::Vat122, "vat122", 12, 22, true, "НДС 22/122", kFirst22, kForever},
    });
    return table;
}

const VatRateInfo& VatTable::info(VatRate rate) const
{
    for (const auto& row : m_rows) {
        if (row.rate == rate) {
            return row;
        }
    }
    assert(false && "VAT rate missing from the table");
    std::abort();
}

Result<VatRate> VatTable::fromAtolName(std::string_view name) const
{
    for (const auto& row : m_rows) {
        if (row.atolName == name) {
            return row.rate;
        }
    }
    std::string known;
    for (const auto& row : m_rows) {
        known += known.empty() ? "" : ", ";
        known += row.atolName;
    }
    return Error(errc::kUnknownVatRate,
                 "unknown VAT rate '" + std::string(name.substr(0, 40)) + "' (expected one of: " + known + ")");
}

Result<VatRate> VatTable::fromTag1199(int code) const
{
    for (const auto& row : m_rows) {
        if (row.tag1199 == code) {
            return row.rate;
        }
    }
    return Error(errc::kUnknownVatRate, "unknown VAT rate code " + std::to_string(code) + " (tag 1199)");
}

Status VatTable::checkValidOn(VatRate rate, Date date) const
{
    const auto& row = info(rate);
    if (date < row.validFrom || date > row.validUntil) {
        std::string validity = "from " + formatDate(row.validFrom);
        if (row.validUntil != kForever) {
            validity += " until " + formatDate(row.validUntil);
        }
        return Error(errc::kVatRateNotValidOnDate, "VAT rate " + std::string(row.atolName) + " is not valid on " +
                                                       formatDate(date) + " (valid " + validity + ")");
    }
    return ok();
}

VatRate VatTable::standardRateOn(Date date) const
{
    return date < kFirst22 ? VatRate::Vat20 : VatRate::Vat22;
}

Money VatTable::vatIncluded(VatRate rate, Money amount) const
{
    const int r = info(rate).percent;
    if (r == 0) {
        return Money::zero();
    }
    // 128-bit intermediate: amount × r cannot overflow for any int64 amount.
    const Int128 numerator = static_cast<Int128>(amount.kopecks()) * r;
    return Money::fromKopecks(static_cast<std::int64_t>(divideRoundHalfUp(numerator, 100 + r)));
}

} // namespace sigma::core
