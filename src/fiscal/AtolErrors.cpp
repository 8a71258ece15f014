#include "fiscal/AtolErrors.h"

namespace sigma::fiscal {

std::string_view atolErrorDescription(int code)
{
    switch (code) {
    case atol::kOk: return "Ошибок нет";
    case atol::kNoConnection: return "Нет связи";
    case atol::kPortBusy: return "Порт занят";
    case atol::kNoPaper: return "Нет бумаги";
    case atol::kCoverOpen: return "Открыта крышка";
    case atol::kNotFullyPaid: return "Чек оплачен не полностью";
    case atol::kShiftExpired: return "Смена превысила 24 часа";
    case atol::kShiftClosed: return "Смена закрыта - операция невозможна";
    case atol::kReceiptOpen: return "Чек открыт - операция невозможна";
    case atol::kShiftOpen: return "Смена открыта - операция невозможна";
    case atol::kFnWrongState: return "Неверное состояние ФН";
    case atol::kFnExpired: return "Срок эксплуатации ФН истёк";
    case atol::kFnArchiveFull: return "Архив ФН переполнен";
    case atol::kFnUnsentDocuments: return "В ФН есть неотправленные ФД";
    case atol::kOfdWaitExceeded: return "Превышено время ожидания ответа ОФД (30 дней)";
    case atol::kFnShiftExpired: return "Смена в ФН превысила 24 часа";
    case atol::kInvalidTaxationType: return "Неверная система налогообложения";
    case atol::kInvalidTaxType: return "Неверный тип налога";
    case atol::kJsonSyntax: return "Ошибка разбора JSON";
    case atol::kJsonUnknownTask: return "Неизвестный тип задания";
    case atol::kJsonMissingField: return "Не указано обязательное поле";
    case atol::kJsonInvalidValue: return "Неверное значение поля";
    case atol::kJsonNotSupported: return "Задание не поддерживается устройством";
    case atol::kAmountMismatch: return "Сумма позиции не соответствует цене и количеству";
    case atol::kDocumentNotFound: return "Документ не найден в ФН";
    case atol::kWebRequestNotFound: return "Задание не найдено";
    case atol::kWebRequestDuplicate: return "Задание с таким UUID уже существует";
    case atol::kDriverNotInstalled: return "Драйвер ККТ не установлен";
    case atol::kDriverFailure: return "Ошибка драйвера ККТ";
    default: return "Ошибка ККТ";
    }
}

core::Error atolError(int code, const std::string& detail, std::string field)
{
    std::string message(atolErrorDescription(code));
    if (!detail.empty()) {
        message += ": " + detail;
    }
    return core::Error(code, std::move(message), std::move(field));
}

bool isDeviceUnreachable(const core::Error& error)
{
    return error.code == atol::kNoConnection || error.code == atol::kPortBusy || error.code == atol::kDriverFailure;
}

} // namespace sigma::fiscal
