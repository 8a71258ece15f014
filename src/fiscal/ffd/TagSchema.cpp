#include "fiscal/ffd/TagSchema.h"

#include "fiscal/ffd/Tags.h"

#include <algorithm>

namespace sigma::fiscal::ffd {
namespace {

using enum TlvType;

// The types follow the FFD 1.2 tables (order of the FNS, ММВ-7-20/229@ and its amendments):
// "целое" counters as VLN, sums in kopecks as VLN, "Unixtime" as UnixTime, "байт" codes and
// bit masks as Byte. The tags a document nests (STLV) are the ones that matter for decoding;
// a wrong leaf type here only changes how a value is printed, and this table is the one place
// to correct it.
std::vector<TagInfo> ffdEntries()
{
    return {
        {tag::kRegistrationReport, Stlv, "registrationReport", "Отчёт о регистрации", "Registration report"},
        {tag::kOpenShiftReport, Stlv, "openShiftReport", "Отчёт об открытии смены", "Shift opening report"},
        {tag::kReceipt, Stlv, "receipt", "Кассовый чек", "Receipt"},
        {tag::kBso, Stlv, "bso", "Бланк строгой отчётности", "Strict reporting form"},
        {tag::kCloseShiftReport, Stlv, "closeShiftReport", "Отчёт о закрытии смены", "Shift closing report"},
        {tag::kCloseArchiveReport, Stlv, "closeArchiveReport", "Отчёт о закрытии фискального накопителя",
         "Fiscal storage closing report"},
        {tag::kReRegistrationReport, Stlv, "reRegistrationReport", "Отчёт об изменении параметров регистрации",
         "Re-registration report"},
        {tag::kCurrentStateReport, Stlv, "currentStateReport", "Отчёт о текущем состоянии расчётов",
         "Current settlement state report"},
        {tag::kCorrectionReceipt, Stlv, "correctionReceipt", "Кассовый чек коррекции", "Correction receipt"},
        {tag::kCorrectionBso, Stlv, "correctionBso", "Бланк строгой отчётности коррекции", "Correction BSO"},
        {tag::kDocumentName, String, "documentName", "наименование документа", "document name"},
        {tag::kBuyerContact, String, "buyerContact", "телефон или электронный адрес покупателя",
         "buyer phone or e-mail"},
        {tag::kSettlementAddress, String, "settlementAddress", "адрес расчётов", "settlement address"},
        {tag::kDateTime, UnixTime, "dateTime", "дата, время", "date and time"},
        {tag::kKktSerialNumber, String, "kktSerialNumber", "заводской номер ККТ", "register serial number"},
        {tag::kOfdInn, String, "ofdInn", "ИНН ОФД", "OFD INN"},
        {tag::kUserInn, String, "userInn", "ИНН пользователя", "user INN"},
        {tag::kTotal, Vln, "total", "сумма расчёта, указанного в чеке (БСО)", "receipt total"},
        {tag::kCashier, String, "cashier", "кассир", "cashier"},
        {tag::kQuantity, Fvln, "quantity", "количество предмета расчёта", "quantity"},
        {tag::kItemName, String, "itemName", "наименование предмета расчёта", "item name"},
        {tag::kCashTotal, Vln, "cashTotal", "сумма по чеку (БСО) наличными", "paid in cash"},
        {tag::kRegistrationNumber, String, "registrationNumber", "регистрационный номер ККТ",
         "register registration number"},
        {tag::kShiftNumber, Vln, "shiftNumber", "номер смены", "shift number"},
        {tag::kFiscalDocumentNumber, Vln, "fiscalDocumentNumber", "номер ФД", "fiscal document number"},
        {tag::kFnNumber, String, "fnNumber", "номер ФН", "fiscal storage number"},
        {tag::kReceiptNumber, Vln, "receiptNumber", "номер чека за смену", "receipt number in shift"},
        {tag::kItemTotal, Vln, "itemTotal", "стоимость предмета расчёта с учётом скидок и наценок",
         "line cost after discounts"},
        {tag::kOfdName, String, "ofdName", "наименование ОФД", "OFD name"},
        {tag::kUserName, String, "userName", "наименование пользователя", "user name"},
        {tag::kOperation, Byte, "operation", "признак расчёта", "operation type"},
        {tag::kTaxSystem, Byte, "taxSystem", "применяемая система налогообложения", "taxation system"},
        {tag::kEncryption, Byte, "encryption", "признак шифрования", "encryption flag"},
        {tag::kAgentFlags, Byte, "agentFlags", "признак агента", "agent flags"},
        {tag::kItem, Stlv, "item", "предмет расчёта", "line item"},
        {tag::kFnsSite, String, "fnsSite", "адрес сайта ФНС", "FNS website"},
        {tag::kTaxSystems, Byte, "taxSystems", "системы налогообложения", "taxation systems"},
        {tag::kFiscalSign, Bytes, "fiscalSign", "фискальный признак документа", "fiscal sign"},
        {tag::kPrice, Vln, "price", "цена за единицу предмета расчёта с учётом скидок и наценок",
         "unit price after discounts"},
        {tag::kElectronicTotal, Vln, "electronicTotal", "сумма по чеку (БСО) безналичными", "paid electronically"},
        {tag::kAdditionalUserAttribute, Stlv, "additionalUserAttribute", "дополнительный реквизит пользователя",
         "additional user attribute"},
        {tag::kAdditionalUserAttributeName, String, "additionalUserAttributeName",
         "наименование дополнительного реквизита пользователя", "additional user attribute name"},
        {tag::kAdditionalUserAttributeValue, String, "additionalUserAttributeValue",
         "значение дополнительного реквизита пользователя", "additional user attribute value"},
        {tag::kUnsentDocuments, Vln, "unsentDocuments", "количество непереданных ФД", "documents not sent to OFD"},
        {tag::kFirstUnsentDateTime, UnixTime, "firstUnsentDateTime", "дата первого из непереданных ФД",
         "date of the first unsent document"},
        // 1102 carries the standard rate's VAT; whether 22% receipts (2026) reuse it or got a new
        // tag is *unconfirmed* here, so its key still says 20.
        {tag::kVat20Total, Vln, "vat20Total", "сумма НДС чека по ставке 20%", "receipt VAT at 20%"},
        {tag::kVat10Total, Vln, "vat10Total", "сумма НДС чека по ставке 10%", "receipt VAT at 10%"},
        {tag::kVat0Total, Vln, "vat0Total", "сумма расчёта по чеку с НДС по ставке 0%", "receipt sum at 0% VAT"},
        {tag::kNoVatTotal, Vln, "noVatTotal", "сумма расчёта по чеку без НДС", "receipt sum without VAT"},
        {tag::kVat120Total, Vln, "vat120Total", "сумма НДС чека по расч. ставке 20/120", "receipt VAT at 20/120"},
        {tag::kVat110Total, Vln, "vat110Total", "сумма НДС чека по расч. ставке 10/110", "receipt VAT at 10/110"},
        {tag::kFirstUnsentNumber, Vln, "firstUnsentNumber", "номер первого непереданного документа",
         "number of the first unsent document"},
        {tag::kReceiptsInShift, Vln, "receiptsInShift", "количество кассовых чеков (БСО) за смену",
         "receipts in the shift"},
        {tag::kProductCode, Bytes, "productCode", "код товара (ФФД 1.05)", "product code (FFD 1.05)"},
        {tag::kProductCode12, Stlv, "productCode12", "код товара (ФФД 1.2)", "product code (FFD 1.2)"},
        {tag::kSupplierPhone, String, "supplierPhone", "телефон поставщика", "supplier phone"},
        {tag::kCorrectionType, Byte, "correctionType", "тип коррекции", "correction type"},
        {tag::kCorrectionBasis, Stlv, "correctionBasis", "основание для коррекции", "correction basis"},
        {tag::kCorrectionDescription, String, "correctionDescription", "описание коррекции", "correction description"},
        {tag::kCorrectionDate, UnixTime, "correctionDate", "дата совершения корректируемого расчёта",
         "date of the corrected settlement"},
        {tag::kCorrectionOrderNumber, String, "correctionOrderNumber", "номер предписания налогового органа",
         "tax authority order number"},
        {tag::kSettlementPlace, String, "settlementPlace", "место расчётов", "settlement place"},
        {tag::kAdditionalItemAttribute, String, "additionalItemAttribute", "дополнительный реквизит предмета расчёта",
         "additional item attribute"},
        {tag::kAdditionalReceiptAttribute, String, "additionalReceiptAttribute", "дополнительный реквизит чека (БСО)",
         "additional receipt attribute"},
        {tag::kUnitName, String, "unitName", "единица измерения предмета расчёта", "unit name"},
        {tag::kVatRate, Byte, "vatRate", "ставка НДС", "VAT rate code"},
        {tag::kItemVat, Vln, "itemVat", "сумма НДС за предмет расчёта", "line VAT"},
        {tag::kCashierInn, String, "cashierInn", "ИНН кассира", "cashier INN"},
        {tag::kFfdVersion, Byte, "ffdVersion", "номер версии ФФД", "FFD version"},
        {tag::kPaymentObject, Byte, "paymentObject", "признак предмета расчёта", "payment object"},
        {tag::kPaymentMethod, Byte, "paymentMethod", "признак способа расчёта", "payment method"},
        {tag::kPrepaidTotal, Vln, "prepaidTotal", "сумма по чеку (БСО) предоплатой (зачётом аванса)",
         "paid by prepayment"},
        {tag::kCreditTotal, Vln, "creditTotal", "сумма по чеку (БСО) постоплатой (в кредит)", "paid on credit"},
        {tag::kOtherTotal, Vln, "otherTotal", "сумма по чеку (БСО) встречным предоставлением",
         "paid by other consideration"},
        {tag::kAgentType, Byte, "agentType", "признак агента по предмету расчёта", "item agent type"},
        {tag::kAgentData, Stlv, "agentData", "данные агента", "agent data"},
        {tag::kSupplierData, Stlv, "supplierData", "данные поставщика", "supplier data"},
        {tag::kSupplierName, String, "supplierName", "наименование поставщика", "supplier name"},
        {tag::kSupplierInn, String, "supplierInn", "ИНН поставщика", "supplier INN"},
        {tag::kBuyerName, String, "buyerName", "покупатель (клиент)", "buyer name"},
        {tag::kBuyerInn, String, "buyerInn", "ИНН покупателя (клиента)", "buyer INN"},
        {tag::kBuyerInfo, Stlv, "buyerInfo", "сведения о покупателе (клиенте)", "buyer information"},
        {tag::kIndustryItemAttribute, Stlv, "industryItemAttribute", "отраслевой реквизит предмета расчёта",
         "industry item attribute"},
        {tag::kIndustryReceiptAttribute, Stlv, "industryReceiptAttribute", "отраслевой реквизит чека",
         "industry receipt attribute"},
        {tag::kOperationalAttribute, Stlv, "operationalAttribute", "операционный реквизит чека",
         "operational receipt attribute"},
        {tag::kFractionalQuantity, Stlv, "fractionalQuantity", "дробное количество маркированного товара",
         "fractional quantity of a marked item"},
        {tag::kFraction, String, "fraction", "дробная часть", "fraction"},
        {tag::kNumerator, Vln, "numerator", "числитель", "numerator"},
        {tag::kDenominator, Vln, "denominator", "знаменатель", "denominator"},
        {tag::kMarkingCode, String, "markingCode", "код маркировки", "marking code"},
        {tag::kMeasureUnit, Byte, "measureUnit", "мера количества предмета расчёта", "measure unit code"},
    };
}

} // namespace

const TagSchema& TagSchema::ffd()
{
    static const TagSchema schema(ffdEntries());
    return schema;
}

TagSchema::TagSchema(std::vector<TagInfo> entries) : m_entries(std::move(entries))
{
    // Stable sort, then keep the last of equal tags, so a later entry overrides an earlier one.
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const TagInfo& a, const TagInfo& b) { return a.tag < b.tag; });
    std::vector<TagInfo> unique;
    unique.reserve(m_entries.size());
    for (const auto& entry : m_entries) {
        if (!unique.empty() && unique.back().tag == entry.tag) {
            unique.back() = entry;
        } else {
            unique.push_back(entry);
        }
    }
    m_entries = std::move(unique);
}

const TagInfo* TagSchema::find(std::uint16_t tag) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), tag,
                               [](const TagInfo& entry, std::uint16_t value) { return entry.tag < value; });
    if (it == m_entries.end() || it->tag != tag) {
        return nullptr;
    }
    return &*it;
}

TlvType TagSchema::typeOf(std::uint16_t tag) const
{
    const TagInfo* info = find(tag);
    return info != nullptr ? info->type : TlvType::Bytes;
}

} // namespace sigma::fiscal::ffd
