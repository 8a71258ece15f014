// Name and code look-ups for the small fiscal enumerations; the tables themselves are in the headers.

#include "core/ErrorCodes.h"
#include "core/MeasureUnit.h"
#include "core/PaymentMethod.h"
#include "core/PaymentObject.h"
#include "core/PaymentType.h"
#include "core/ReceiptOperation.h"
#include "core/TaxSystem.h"

#include <charconv>

namespace sigma::core {

Result<TaxSystem> parseTaxSystem(std::string_view name)
{
    return enumFromName(kTaxSystems, name, errc::kUnknownTaxSystem, "taxation type");
}
std::string_view taxSystemName(TaxSystem system)
{
    return enumEntry(kTaxSystems, system).name;
}
int taxSystemBit(TaxSystem system)
{
    return enumEntry(kTaxSystems, system).code;
}

Result<PaymentType> parsePaymentType(std::string_view name)
{
    return enumFromName(kPaymentTypes, name, errc::kUnknownPaymentType, "payment type");
}
std::string_view paymentTypeName(PaymentType type)
{
    return enumEntry(kPaymentTypes, type).name;
}
int paymentTypeTag(PaymentType type)
{
    return enumEntry(kPaymentTypes, type).code;
}

Result<PaymentMethod> parsePaymentMethod(std::string_view name)
{
    return enumFromName(kPaymentMethods, name, errc::kUnknownPaymentMethod, "payment method");
}
std::string_view paymentMethodName(PaymentMethod method)
{
    return enumEntry(kPaymentMethods, method).name;
}
int paymentMethodCode(PaymentMethod method)
{
    return enumEntry(kPaymentMethods, method).code;
}

Result<PaymentObject> parsePaymentObject(std::string_view name)
{
    return enumFromName(kPaymentObjects, name, errc::kUnknownPaymentObject, "payment object");
}
std::string_view paymentObjectName(PaymentObject object)
{
    return enumEntry(kPaymentObjects, object).name;
}
int paymentObjectCode(PaymentObject object)
{
    return enumEntry(kPaymentObjects, object).code;
}

Result<MeasureUnit> parseMeasureUnit(std::string_view nameOrCode)
{
    int code = 0;
    const auto* end = nameOrCode.data() + nameOrCode.size();
    if (!nameOrCode.empty()) {
        if (auto [ptr, ec] = std::from_chars(nameOrCode.data(), end, code); ec == std::errc() && ptr == end) {
            return measureUnitFromCode(code);
        }
    }
    return enumFromName(kMeasureUnits, nameOrCode, errc::kUnknownMeasureUnit, "measurement unit");
}
Result<MeasureUnit> measureUnitFromCode(int code)
{
    return enumFromCode(kMeasureUnits, code, errc::kUnknownMeasureUnit, "measurement unit (tag 2108)");
}
std::string_view measureUnitName(MeasureUnit unit)
{
    return enumEntry(kMeasureUnits, unit).name;
}
int measureUnitCode(MeasureUnit unit)
{
    return enumEntry(kMeasureUnits, unit).code;
}
bool measureUnitAllowsFractions(MeasureUnit unit)
{
    return unit != MeasureUnit::Piece;
}

Result<ReceiptOperation> parseReceiptOperation(std::string_view name)
{
    return enumFromName(kReceiptOperations, name, errc::kInvalidArgument, "receipt operation");
}
std::string_view receiptOperationName(ReceiptOperation operation)
{
    return enumEntry(kReceiptOperations, operation).name;
}
int receiptOperationCode(ReceiptOperation operation)
{
    return enumEntry(kReceiptOperations, operation).code;
}
bool isReturn(ReceiptOperation operation)
{
    return operation == ReceiptOperation::SaleReturn || operation == ReceiptOperation::PurchaseReturn;
}

} // namespace sigma::core
