#include "core/ReceiptJson.h"

#include "core/ErrorCodes.h"

namespace sigma::core {
namespace {

template <typename T>
Result<T> withField(Result<T> result, const std::string& field)
{
    if (!result) {
        Error e = result.error();
        e.field = field;
        return e;
    }
    return result;
}

Result<ReceiptLine> lineFromJson(const Json& item, const std::string& path, const VatTable& vatTable)
{
    if (!item.is_object()) {
        return Error(errc::kInvalidArgument, "a line must be an object", path);
    }
    ReceiptLine line;
    if (!item.contains("name")) {
        return Error(errc::kEmptyLineName, "line has no name", path + ".name");
    }
    SIGMA_ASSIGN_OR_RETURN(line.name, stringFromJson(item["name"], path + ".name"));
    if (item.contains("sku")) {
        SIGMA_ASSIGN_OR_RETURN(line.productRef, stringFromJson(item["sku"], path + ".sku"));
    }
    if (!item.contains("price")) {
        return Error(errc::kBadMoney, "line has no price", path + ".price");
    }
    SIGMA_ASSIGN_OR_RETURN(line.unitPrice, moneyFromJson(item["price"], path + ".price"));
    if (item.contains("quantity")) {
        SIGMA_ASSIGN_OR_RETURN(line.quantity, quantityFromJson(item["quantity"], path + ".quantity"));
    }
    if (item.contains("unit")) {
        const Json& unit = item["unit"];
        if (unit.is_number_integer()) {
            SIGMA_ASSIGN_OR_RETURN(line.unit, withField(measureUnitFromCode(unit.get<int>()), path + ".unit"));
        } else {
            SIGMA_ASSIGN_OR_RETURN(std::string name, stringFromJson(unit, path + ".unit"));
            SIGMA_ASSIGN_OR_RETURN(line.unit, withField(parseMeasureUnit(name), path + ".unit"));
        }
    }
    if (item.contains("tax")) {
        SIGMA_ASSIGN_OR_RETURN(std::string tax, stringFromJson(item["tax"], path + ".tax"));
        SIGMA_ASSIGN_OR_RETURN(line.vat, withField(vatTable.fromAtolName(tax), path + ".tax"));
    } else {
        return Error(errc::kUnknownVatRate, "line has no VAT rate ('tax')", path + ".tax");
    }
    if (item.contains("paymentMethod")) {
        SIGMA_ASSIGN_OR_RETURN(std::string method, stringFromJson(item["paymentMethod"], path + ".paymentMethod"));
        SIGMA_ASSIGN_OR_RETURN(line.paymentMethod, withField(parsePaymentMethod(method), path + ".paymentMethod"));
    }
    if (item.contains("paymentObject")) {
        SIGMA_ASSIGN_OR_RETURN(std::string object, stringFromJson(item["paymentObject"], path + ".paymentObject"));
        SIGMA_ASSIGN_OR_RETURN(line.paymentObject, withField(parsePaymentObject(object), path + ".paymentObject"));
    }
    if (item.contains("discount")) {
        SIGMA_ASSIGN_OR_RETURN(line.discount, discountFromJson(item["discount"], path + ".discount"));
    }
    if (item.contains("markingCode")) {
        SIGMA_ASSIGN_OR_RETURN(line.markingCode, stringFromJson(item["markingCode"], path + ".markingCode"));
    }
    return line;
}

} // namespace

Result<Discount> discountFromJson(const Json& value, const std::string& field)
{
    if (!value.is_object()) {
        return Error(errc::kInvalidArgument, "discount must be {\"percent\": N} or {\"sum\": N}", field);
    }
    if (value.contains("percent") == value.contains("sum")) {
        return Error(errc::kInvalidArgument, "discount needs exactly one of \"percent\" and \"sum\"", field);
    }
    if (value.contains("sum")) {
        SIGMA_ASSIGN_OR_RETURN(Money sum, moneyFromJson(value["sum"], field + ".sum"));
        if (sum.isNegative()) {
            return Error(errc::kBadMoney, "discount must not be negative", field + ".sum");
        }
        return Discount::ofAmount(sum);
    }
    const Json& percent = value["percent"];
    std::string text;
    if (percent.is_number_integer()) {
        text = std::to_string(percent.get<std::int64_t>());
    } else if (percent.is_string()) {
        text = percent.get<std::string>();
    } else if (percent.is_number_float()) {
        text = percent.dump();
    } else {
        return Error(errc::kBadPercent, "percent must be a number", field + ".percent");
    }
    return withField(Discount::parsePercent(text), field + ".percent");
}

Result<Receipt> receiptFromJson(const Json& cart, Date today, const VatTable& vatTable)
{
    if (!cart.is_object()) {
        return Error(errc::kInvalidArgument, "a receipt must be a JSON object");
    }
    Receipt receipt;
    receipt.vatDate = today;
    if (cart.contains("operation")) {
        SIGMA_ASSIGN_OR_RETURN(std::string op, stringFromJson(cart["operation"], "operation"));
        SIGMA_ASSIGN_OR_RETURN(receipt.operation, withField(parseReceiptOperation(op), "operation"));
    }
    if (cart.contains("taxationType")) {
        SIGMA_ASSIGN_OR_RETURN(std::string tax, stringFromJson(cart["taxationType"], "taxationType"));
        SIGMA_ASSIGN_OR_RETURN(receipt.taxSystem, withField(parseTaxSystem(tax), "taxationType"));
    }
    if (cart.contains("date")) {
        SIGMA_ASSIGN_OR_RETURN(std::string date, stringFromJson(cart["date"], "date"));
        SIGMA_ASSIGN_OR_RETURN(receipt.vatDate, withField(parseDate(date), "date"));
    }
    if (!cart.contains("lines") || !cart["lines"].is_array()) {
        return Error(errc::kEmptyReceipt, "receipt needs a \"lines\" array", "lines");
    }
    const Json& lines = cart["lines"];
    if (lines.size() > 10'000) { // refuse early, before building huge vectors
        return Error(errc::kTooManyLines, "too many lines", "lines");
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(ReceiptLine line, lineFromJson(lines[i], "lines[" + std::to_string(i) + "]", vatTable));
        receipt.lines.push_back(std::move(line));
    }
    if (cart.contains("discount") && !cart["discount"].is_null()) {
        SIGMA_ASSIGN_OR_RETURN(receipt.discount, discountFromJson(cart["discount"], "discount"));
    }
    if (cart.contains("payments")) {
        const Json& payments = cart["payments"];
        if (!payments.is_array()) {
            return Error(errc::kInvalidArgument, "payments must be an array", "payments");
        }
        for (std::size_t i = 0; i < payments.size(); ++i) {
            const std::string path = "payments[" + std::to_string(i) + "]";
            if (!payments[i].is_object()) {
                return Error(errc::kInvalidArgument, "a payment must be an object", path);
            }
            Payment payment;
            const Json& p = payments[i];
            SIGMA_ASSIGN_OR_RETURN(std::string type,
                                   stringFromJson(p.contains("type") ? p["type"] : Json("cash"), path + ".type"));
            SIGMA_ASSIGN_OR_RETURN(payment.type, withField(parsePaymentType(type), path + ".type"));
            if (!p.contains("sum")) {
                return Error(errc::kBadMoney, "payment has no sum", path + ".sum");
            }
            SIGMA_ASSIGN_OR_RETURN(payment.sum, moneyFromJson(p["sum"], path + ".sum"));
            receipt.payments.push_back(payment);
        }
    }
    if (cart.contains("customer")) {
        const Json& customer = cart["customer"];
        if (!customer.is_object() || !customer.contains("emailOrPhone")) {
            return Error(errc::kInvalidArgument, "customer must be {\"emailOrPhone\": \"...\"}", "customer");
        }
        SIGMA_ASSIGN_OR_RETURN(receipt.customerContact,
                               stringFromJson(customer["emailOrPhone"], "customer.emailOrPhone"));
    }
    return receipt;
}

Json totalsToJson(const Receipt& receipt, const ReceiptTotals& totals, const VatTable& vatTable)
{
    Json lines = Json::array();
    for (std::size_t i = 0; i < totals.lines.size(); ++i) {
        const LineTotals& out = totals.lines[i];
        const ReceiptLine& in = receipt.lines[i];
        Json line = {
            {"name", in.name},
            {"price", out.price.toDouble()},
            {"quantity", in.quantity.toDouble()},
            {"unit", measureUnitName(in.unit)},
            {"amount", out.amount.toDouble()},
            {"discount", (out.lineDiscount + out.receiptDiscount).toDouble()},
            {"tax", vatTable.info(out.vatRate).atolName},
            {"vatSum", out.vat.toDouble()},
        };
        if (!in.productRef.empty()) {
            line["sku"] = in.productRef;
        }
        lines.push_back(std::move(line));
    }
    Json vat = Json::array();
    for (const VatTotal& v : totals.vat) {
        vat.push_back({{"tax", vatTable.info(v.rate).atolName}, {"sum", v.vat.toDouble()}, {"base", v.base.toDouble()}});
    }
    Json payments = Json::array();
    for (const Payment& p : receipt.payments) {
        payments.push_back({{"type", paymentTypeName(p.type)}, {"sum", p.sum.toDouble()}});
    }
    Json out = {
        {"operation", receiptOperationName(receipt.operation)},
        {"date", formatDate(receipt.vatDate)},
        {"subtotal", totals.subtotal.toDouble()},
        {"discount", totals.discountTotal.toDouble()},
        {"total", totals.total.toDouble()},
        {"change", totals.change.toDouble()},
        {"due", totals.due.toDouble()},
        {"vat", std::move(vat)},
        {"lines", std::move(lines)},
        {"payments", std::move(payments)},
    };
    if (!receipt.customerContact.empty()) {
        out["customer"] = {{"emailOrPhone", receipt.customerContact}};
    }
    return out;
}

} // namespace sigma::core
