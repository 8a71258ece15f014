#pragma once

#include "core/EnumTable.h"

namespace sigma::core {

/// Payment method of a line (признак способа расчёта), tag 1214.
enum class PaymentMethod {
    FullPrepayment = 1,
    Prepayment,
    Advance,
    FullPayment,
    PartialPayment,
    Credit,
    CreditPayment,
};

inline constexpr EnumTable<PaymentMethod, 7> kPaymentMethods = {{
    {PaymentMethod::FullPrepayment, "fullPrepayment", 1, "Предоплата 100%"},
    {PaymentMethod::Prepayment, "prepayment", 2, "Предоплата"},
    {PaymentMethod::Advance, "advance", 3, "Аванс"},
    {PaymentMethod::FullPayment, "fullPayment", 4, "Полный расчёт"},
    {PaymentMethod::PartialPayment, "partialPayment", 5, "Частичный расчёт и кредит"},
    {PaymentMethod::Credit, "credit", 6, "Передача в кредит"},
    {PaymentMethod::CreditPayment, "creditPayment", 7, "Оплата кредита"},
}};

Result<PaymentMethod> parsePaymentMethod(std::string_view name);
std::string_view paymentMethodName(PaymentMethod method);
int paymentMethodCode(PaymentMethod method);

} // namespace sigma::core
