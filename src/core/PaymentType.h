#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// How the buyer pays; `code` in the table is the FFD tag that carries the sum.
enum class PaymentType {
    Cash = 1,
    Electronically,
    Prepaid,
    Credit,
    Other,
};

inline constexpr EnumTable<PaymentType, 5> kPaymentTypes = {{
    {PaymentType::Cash, "cash", 1031, "Наличные"},
    {PaymentType::Electronically, "electronically", 1081, "Безналичные", "card"},
    {PaymentType::Prepaid, "prepaid", 1215, "Предоплата (аванс)"},
    {PaymentType::Credit, "credit", 1216, "Постоплата (кредит)"},
    {PaymentType::Other, "other", 1217, "Встречное предоставление"},
}};

/// Accepts ATOL's names and "card" for electronically.
Result<PaymentType> parsePaymentType(std::string_view name);
std::string_view paymentTypeName(PaymentType type);
/// The FFD tag of the sum paid this way (1031 cash, 1081 electronically, ...).
int paymentTypeTag(PaymentType type);

} // namespace sigma::core
