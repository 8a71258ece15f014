#include "fiscal/AtolTask.h"

#include "core/MeasureUnit.h"
#include "fiscal/AtolErrors.h"

#include <array>
#include <utility>

namespace sigma::fiscal {
namespace {

using core::Json;
using core::Result;

constexpr std::array<std::pair<TaskType, std::string_view>, 25> kTaskNames = {{
    {TaskType::OpenShift, "openShift"},
    {TaskType::CloseShift, "closeShift"},
    {TaskType::ReportX, "reportX"},
    {TaskType::Sell, "sell"},
    {TaskType::SellReturn, "sellReturn"},
    {TaskType::Buy, "buy"},
    {TaskType::BuyReturn, "buyReturn"},
    {TaskType::SellCorrection, "sellCorrection"},
    {TaskType::BuyCorrection, "buyCorrection"},
    {TaskType::CashIn, "cashIn"},
    {TaskType::CashOut, "cashOut"},
    {TaskType::GetShiftStatus, "getShiftStatus"},
    {TaskType::GetDeviceStatus, "getDeviceStatus"},
    {TaskType::GetDeviceInfo, "getDeviceInfo"},
    {TaskType::GetFnInfo, "getFnInfo"},
    {TaskType::GetFnStatus, "getFnStatus"},
    {TaskType::GetShiftTotals, "getShiftTotals"},
    {TaskType::ReportOfdExchangeStatus, "reportOfdExchangeStatus"},
    {TaskType::ContinuePrint, "continuePrint"},
    {TaskType::PrintLastReceiptCopy, "printLastReceiptCopy"},
    {TaskType::NonFiscal, "nonFiscal"},
    {TaskType::GetFnDocument, "getFnDocument"},
    {TaskType::Registration, "registration"},
    {TaskType::FnChange, "fnChange"},
    {TaskType::CloseArchive, "closeArchive"},
}};

std::size_t utf8Length(std::string_view text)
{
    std::size_t count = 0;
    for (unsigned char c : text) {
        count += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

// Reads the fields of one JSON object, naming each failure by its path ("items[2].price").
class FieldReader {
public:
    FieldReader(const Json& object, std::string path) : m_object(object), m_path(std::move(path)) {}

    [[nodiscard]] std::string pathOf(std::string_view key) const
    {
        return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
    }
    [[nodiscard]] bool has(std::string_view key) const
    {
        return m_object.contains(key) && !m_object.at(std::string(key)).is_null();
    }
    [[nodiscard]] const Json& at(std::string_view key) const { return m_object.at(std::string(key)); }

    Result<std::optional<std::string>> optString(std::string_view key, std::size_t maxChars) const
    {
        if (!has(key)) {
            return std::optional<std::string>();
        }
        const Json& value = at(key);
        if (!value.is_string()) {
            return atolError(atol::kJsonInvalidValue, "expected a string", pathOf(key));
        }
        const auto& text = value.get_ref<const std::string&>();
        if (utf8Length(text) > maxChars) {
            return atolError(atol::kJsonInvalidValue, "longer than " + std::to_string(maxChars) + " characters",
                             pathOf(key));
        }
        return std::optional<std::string>(text);
    }

    Result<std::string> reqString(std::string_view key, std::size_t maxChars) const
    {
        if (!has(key)) {
            return atolError(atol::kJsonMissingField, "required", pathOf(key));
        }
        SIGMA_ASSIGN_OR_RETURN(auto text, optString(key, maxChars));
        return *text;
    }

    Result<std::optional<core::Money>> optMoney(std::string_view key) const
    {
        if (!has(key)) {
            return std::optional<core::Money>();
        }
        auto money = core::moneyFromJson(at(key), pathOf(key));
        if (!money) {
            return atolError(atol::kJsonInvalidValue, money.error().message, pathOf(key));
        }
        return std::optional<core::Money>(*money);
    }

    Result<core::Money> reqMoney(std::string_view key) const
    {
        if (!has(key)) {
            return atolError(atol::kJsonMissingField, "required", pathOf(key));
        }
        SIGMA_ASSIGN_OR_RETURN(auto money, optMoney(key));
        return *money;
    }

    Result<bool> optBool(std::string_view key, bool fallback) const
    {
        if (!has(key)) {
            return fallback;
        }
        if (!at(key).is_boolean()) {
            return atolError(atol::kJsonInvalidValue, "expected true or false", pathOf(key));
        }
        return at(key).get<bool>();
    }

    Result<Operator> optOperator() const
    {
        Operator op;
        if (!has("operator")) {
            return op;
        }
        if (!at("operator").is_object()) {
            return atolError(atol::kJsonInvalidValue, "expected an object", pathOf("operator"));
        }
        const FieldReader reader(at("operator"), pathOf("operator"));
        SIGMA_ASSIGN_OR_RETURN(auto name, reader.optString("name", 64));
        op.name = name.value_or("");
        // vatin is a string of digits; some clients send it as a number.
        if (reader.has("vatin") && reader.at("vatin").is_number_unsigned()) {
            op.vatin = std::to_string(reader.at("vatin").get<std::uint64_t>());
        } else {
            SIGMA_ASSIGN_OR_RETURN(auto vatin, reader.optString("vatin", 12));
            op.vatin = vatin.value_or("");
        }
        return op;
    }

private:
    const Json& m_object;
    std::string m_path;
};

Result<int> measurementUnitOf(const FieldReader& reader)
{
    if (!reader.has("measurementUnit")) {
        return 0;
    }
    const Json& unit = reader.at("measurementUnit");
    Result<core::MeasureUnit> parsed = core::Error();
    if (unit.is_number_integer()) {
        parsed = core::measureUnitFromCode(unit.get<int>());
    } else if (unit.is_string()) {
        parsed = core::parseMeasureUnit(unit.get<std::string>());
    } else {
        return atolError(atol::kJsonInvalidValue, "expected a unit name or tag 2108 code",
                         reader.pathOf("measurementUnit"));
    }
    if (!parsed) {
        return atolError(atol::kJsonInvalidValue, parsed.error().message, reader.pathOf("measurementUnit"));
    }
    return core::measureUnitCode(*parsed);
}

Result<PositionItem> parsePosition(const FieldReader& reader)
{
    PositionItem item;
    SIGMA_ASSIGN_OR_RETURN(item.name, reader.reqString("name", TaskLimits::kMaxNameChars));
    SIGMA_ASSIGN_OR_RETURN(item.price, reader.reqMoney("price"));
    if (!reader.has("quantity")) {
        return atolError(atol::kJsonMissingField, "required", reader.pathOf("quantity"));
    }
    auto quantity = core::quantityFromJson(reader.at("quantity"), reader.pathOf("quantity"));
    if (!quantity) {
        return atolError(atol::kJsonInvalidValue, quantity.error().message, reader.pathOf("quantity"));
    }
    item.quantity = *quantity;
    if (!item.quantity.isPositive()) {
        return atolError(atol::kJsonInvalidValue, "quantity must be above zero", reader.pathOf("quantity"));
    }
    if (item.price.isNegative()) {
        return atolError(atol::kJsonInvalidValue, "price must not be negative", reader.pathOf("price"));
    }
    SIGMA_ASSIGN_OR_RETURN(item.amount, reader.reqMoney("amount"));
    if (item.amount.isNegative()) {
        return atolError(atol::kJsonInvalidValue, "amount must not be negative", reader.pathOf("amount"));
    }
    SIGMA_ASSIGN_OR_RETURN(item.measurementUnit, measurementUnitOf(reader));
    SIGMA_ASSIGN_OR_RETURN(auto method, reader.optString("paymentMethod", 32));
    if (method) {
        auto parsed = core::parsePaymentMethod(*method);
        if (!parsed) {
            return atolError(atol::kJsonInvalidValue, parsed.error().message, reader.pathOf("paymentMethod"));
        }
        item.paymentMethod = *parsed;
    }
    SIGMA_ASSIGN_OR_RETURN(auto object, reader.optString("paymentObject", 40));
    if (object) {
        auto parsed = core::parsePaymentObject(*object);
        if (!parsed) {
            return atolError(atol::kJsonInvalidValue, parsed.error().message, reader.pathOf("paymentObject"));
        }
        item.paymentObject = *parsed;
    }
    if (!reader.has("tax") || !reader.at("tax").is_object()) {
        return atolError(atol::kJsonMissingField, "required object {\"type\": ...}", reader.pathOf("tax"));
    }
    const FieldReader tax(reader.at("tax"), reader.pathOf("tax"));
    SIGMA_ASSIGN_OR_RETURN(item.taxType, tax.reqString("type", 16));
    SIGMA_ASSIGN_OR_RETURN(item.taxSum, tax.optMoney("sum"));
    SIGMA_ASSIGN_OR_RETURN(item.markingCode, reader.optString("markingCode", 256));
    return item;
}

Result<ReceiptItem> parseItem(const Json& json, const std::string& path, bool fiscalAllowed)
{
    if (!json.is_object()) {
        return atolError(atol::kJsonInvalidValue, "an item must be an object", path);
    }
    const FieldReader reader(json, path);
    SIGMA_ASSIGN_OR_RETURN(std::string type, reader.reqString("type", 32));
    if (type == "position") {
        if (!fiscalAllowed) {
            return atolError(atol::kJsonInvalidValue, "positions are not allowed in a non-fiscal document",
                             reader.pathOf("type"));
        }
        SIGMA_ASSIGN_OR_RETURN(PositionItem item, parsePosition(reader));
        return ReceiptItem(std::move(item));
    }
    if (type == "text") {
        TextItem item;
        SIGMA_ASSIGN_OR_RETURN(auto text, reader.optString("text", TaskLimits::kMaxTextChars));
        item.text = text.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto alignment, reader.optString("alignment", 16));
        item.alignment = alignment.value_or("left");
        SIGMA_ASSIGN_OR_RETURN(item.doubleWidth, reader.optBool("doubleWidth", false));
        SIGMA_ASSIGN_OR_RETURN(item.doubleHeight, reader.optBool("doubleHeight", false));
        return ReceiptItem(std::move(item));
    }
    if (type == "barcode") {
        BarcodeItem item;
        SIGMA_ASSIGN_OR_RETURN(item.barcode, reader.reqString("barcode", TaskLimits::kMaxTextChars));
        SIGMA_ASSIGN_OR_RETURN(auto barcodeType, reader.optString("barcodeType", 32));
        item.barcodeType = barcodeType.value_or("QR");
        return ReceiptItem(std::move(item));
    }
    if (type == "pictureFromMemory" || type == "picture" || type == "pixels") {
        return ReceiptItem(PictureItem{});
    }
    // Item kinds we do not print (e.g. "userAttribute") are accepted and ignored, as a register
    // ignores what it does not implement.
    return ReceiptItem(PictureItem{});
}

Result<std::vector<ReceiptItem>> parseItems(const FieldReader& reader, bool fiscalAllowed, bool required)
{
    std::vector<ReceiptItem> items;
    if (!reader.has("items")) {
        if (required) {
            return atolError(atol::kJsonMissingField, "required", reader.pathOf("items"));
        }
        return items;
    }
    const Json& list = reader.at("items");
    if (!list.is_array()) {
        return atolError(atol::kJsonInvalidValue, "expected an array", reader.pathOf("items"));
    }
    if (list.size() > TaskLimits::kMaxItems) {
        return atolError(atol::kJsonInvalidValue, "more than " + std::to_string(TaskLimits::kMaxItems) + " items",
                         reader.pathOf("items"));
    }
    items.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        SIGMA_ASSIGN_OR_RETURN(ReceiptItem item,
                               parseItem(list[i], reader.pathOf("items") + "[" + std::to_string(i) + "]", fiscalAllowed));
        items.push_back(std::move(item));
    }
    return items;
}

Result<ReceiptTask> parseReceipt(const FieldReader& reader, TaskType type)
{
    ReceiptTask task;
    switch (type) {
    case TaskType::Sell:
    case TaskType::SellCorrection: task.operation = core::ReceiptOperation::Sale; break;
    case TaskType::SellReturn: task.operation = core::ReceiptOperation::SaleReturn; break;
    case TaskType::Buy:
    case TaskType::BuyCorrection: task.operation = core::ReceiptOperation::Purchase; break;
    default: task.operation = core::ReceiptOperation::PurchaseReturn; break;
    }
    SIGMA_ASSIGN_OR_RETURN(task.taxationType, reader.optString("taxationType", 32));
    SIGMA_ASSIGN_OR_RETURN(task.electronically, reader.optBool("electronically", false));
    SIGMA_ASSIGN_OR_RETURN(task.op, reader.optOperator());
    if (reader.has("clientInfo")) {
        if (!reader.at("clientInfo").is_object()) {
            return atolError(atol::kJsonInvalidValue, "expected an object", reader.pathOf("clientInfo"));
        }
        const FieldReader client(reader.at("clientInfo"), reader.pathOf("clientInfo"));
        SIGMA_ASSIGN_OR_RETURN(auto contact, client.optString("emailOrPhone", 64));
        task.clientContact = contact.value_or("");
    }
    SIGMA_ASSIGN_OR_RETURN(task.items, parseItems(reader, true, true));
    if (!reader.has("payments") || !reader.at("payments").is_array()) {
        return atolError(atol::kJsonMissingField, "required array", reader.pathOf("payments"));
    }
    const Json& payments = reader.at("payments");
    if (payments.size() > TaskLimits::kMaxPayments) {
        return atolError(atol::kJsonInvalidValue, "too many payments", reader.pathOf("payments"));
    }
    for (std::size_t i = 0; i < payments.size(); ++i) {
        const std::string path = reader.pathOf("payments") + "[" + std::to_string(i) + "]";
        if (!payments[i].is_object()) {
            return atolError(atol::kJsonInvalidValue, "a payment must be an object", path);
        }
        const FieldReader payment(payments[i], path);
        PaymentEntry entry;
        SIGMA_ASSIGN_OR_RETURN(std::string paymentType, payment.reqString("type", 32));
        auto parsedType = core::parsePaymentType(paymentType);
        if (!parsedType) {
            return atolError(atol::kJsonInvalidValue, parsedType.error().message, payment.pathOf("type"));
        }
        entry.type = *parsedType;
        SIGMA_ASSIGN_OR_RETURN(entry.sum, payment.reqMoney("sum"));
        if (entry.sum.isNegative()) {
            return atolError(atol::kJsonInvalidValue, "sum must not be negative", payment.pathOf("sum"));
        }
        task.payments.push_back(entry);
    }
    SIGMA_ASSIGN_OR_RETURN(task.total, reader.optMoney("total"));
    SIGMA_ASSIGN_OR_RETURN(auto attribute, reader.optString("additionalAttribute", 16));
    task.additionalAttribute = attribute.value_or("");
    if (type == TaskType::SellCorrection || type == TaskType::BuyCorrection) {
        SIGMA_ASSIGN_OR_RETURN(auto correctionType, reader.optString("correctionType", 16));
        task.correctionType = correctionType.value_or("self");
        if (task.correctionType != "self" && task.correctionType != "instruction") {
            return atolError(atol::kJsonInvalidValue, "expected \"self\" or \"instruction\"",
                             reader.pathOf("correctionType"));
        }
        SIGMA_ASSIGN_OR_RETURN(auto baseDate, reader.optString("correctionBaseDate", 32));
        task.correctionBaseDate = baseDate.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto baseNumber, reader.optString("correctionBaseNumber", 32));
        task.correctionBaseNumber = baseNumber.value_or("");
    }
    return task;
}

Result<RegistrationTask> parseRegistration(const FieldReader& reader)
{
    RegistrationTask task;
    SIGMA_ASSIGN_OR_RETURN(task.op, reader.optOperator());
    if (reader.has("organization")) {
        if (!reader.at("organization").is_object()) {
            return atolError(atol::kJsonInvalidValue, "expected an object", reader.pathOf("organization"));
        }
        const FieldReader org(reader.at("organization"), reader.pathOf("organization"));
        SIGMA_ASSIGN_OR_RETURN(auto name, org.optString("name", TaskLimits::kMaxFieldChars));
        task.organizationName = name.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto vatin, org.optString("vatin", 12));
        task.organizationVatin = vatin.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto address, org.optString("address", TaskLimits::kMaxFieldChars));
        task.organizationAddress = address.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto email, org.optString("email", 64));
        task.organizationEmail = email.value_or("");
        if (org.has("taxationTypes")) {
            if (!org.at("taxationTypes").is_array()) {
                return atolError(atol::kJsonInvalidValue, "expected an array", org.pathOf("taxationTypes"));
            }
            for (const auto& t : org.at("taxationTypes")) {
                if (!t.is_string()) {
                    return atolError(atol::kJsonInvalidValue, "expected strings", org.pathOf("taxationTypes"));
                }
                task.taxationTypes.push_back(t.get<std::string>());
            }
        }
    }
    if (reader.has("device")) {
        if (!reader.at("device").is_object()) {
            return atolError(atol::kJsonInvalidValue, "expected an object", reader.pathOf("device"));
        }
        const FieldReader device(reader.at("device"), reader.pathOf("device"));
        SIGMA_ASSIGN_OR_RETURN(auto regNumber, device.optString("registrationNumber", 20));
        task.registrationNumber = regNumber.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto fnsUrl, device.optString("fnsUrl", 64));
        task.fnsUrl = fnsUrl.value_or("");
    }
    if (reader.has("ofd")) {
        if (!reader.at("ofd").is_object()) {
            return atolError(atol::kJsonInvalidValue, "expected an object", reader.pathOf("ofd"));
        }
        const FieldReader ofd(reader.at("ofd"), reader.pathOf("ofd"));
        SIGMA_ASSIGN_OR_RETURN(auto name, ofd.optString("name", TaskLimits::kMaxFieldChars));
        task.ofdName = name.value_or("");
        SIGMA_ASSIGN_OR_RETURN(auto vatin, ofd.optString("vatin", 12));
        task.ofdVatin = vatin.value_or("");
    }
    return task;
}

} // namespace

std::string_view taskTypeName(TaskType type)
{
    for (const auto& [value, name] : kTaskNames) {
        if (value == type) {
            return name;
        }
    }
    return "unknown";
}

core::Result<TaskType> taskTypeFromName(std::string_view name)
{
    for (const auto& [value, known] : kTaskNames) {
        if (known == name) {
            return value;
        }
    }
    return atolError(atol::kJsonUnknownTask, "'" + std::string(name.substr(0, 40)) + "'", "type");
}

core::Result<Task> parseTask(const core::Json& json)
{
    if (!json.is_object()) {
        return atolError(atol::kJsonInvalidValue, "a task must be a JSON object");
    }
    const FieldReader reader(json, "");
    SIGMA_ASSIGN_OR_RETURN(std::string typeName, reader.reqString("type", 64));
    SIGMA_ASSIGN_OR_RETURN(TaskType type, taskTypeFromName(typeName));

    Task task;
    task.type = type;
    switch (type) {
    case TaskType::Sell:
    case TaskType::SellReturn:
    case TaskType::Buy:
    case TaskType::BuyReturn:
    case TaskType::SellCorrection:
    case TaskType::BuyCorrection: {
        SIGMA_ASSIGN_OR_RETURN(ReceiptTask receipt, parseReceipt(reader, type));
        task.body = std::move(receipt);
        break;
    }
    case TaskType::CashIn:
    case TaskType::CashOut: {
        CashTask cash;
        SIGMA_ASSIGN_OR_RETURN(cash.sum, reader.reqMoney("cashSum"));
        if (!cash.sum.isPositive()) {
            return atolError(atol::kJsonInvalidValue, "cashSum must be above zero", "cashSum");
        }
        SIGMA_ASSIGN_OR_RETURN(cash.op, reader.optOperator());
        task.body = cash;
        break;
    }
    case TaskType::NonFiscal: {
        NonFiscalTask nonFiscal;
        SIGMA_ASSIGN_OR_RETURN(nonFiscal.items, parseItems(reader, false, true));
        task.body = std::move(nonFiscal);
        break;
    }
    case TaskType::GetFnDocument: {
        FnDocumentTask document;
        if (!reader.has("fiscalDocumentNumber")) {
            return atolError(atol::kJsonMissingField, "required", "fiscalDocumentNumber");
        }
        const Json& number = reader.at("fiscalDocumentNumber");
        if (!number.is_number_integer() || number.get<std::int64_t>() <= 0 ||
            number.get<std::int64_t>() > 0xFFFFFFFFLL) {
            return atolError(atol::kJsonInvalidValue, "expected a document number from 1", "fiscalDocumentNumber");
        }
        document.fiscalDocumentNumber = static_cast<std::uint32_t>(number.get<std::int64_t>());
        SIGMA_ASSIGN_OR_RETURN(document.withRawData, reader.optBool("withRawData", false));
        task.body = document;
        break;
    }
    case TaskType::Registration: {
        SIGMA_ASSIGN_OR_RETURN(RegistrationTask registration, parseRegistration(reader));
        task.body = std::move(registration);
        break;
    }
    default: {
        SimpleTask simple;
        SIGMA_ASSIGN_OR_RETURN(simple.op, reader.optOperator());
        task.body = std::move(simple);
        break;
    }
    }
    return task;
}

core::Result<Task> parseTaskText(std::string_view text)
{
    auto json = core::parseJsonExact(text);
    if (!json) {
        return atolError(atol::kJsonSyntax, json.error().message);
    }
    return parseTask(*json);
}

} // namespace sigma::fiscal
