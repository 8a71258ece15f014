#include "terminal/DeviceMessage.h"

#include "core/ErrorCodes.h"
#include "core/Result.h"
#include "fiscal/AtolErrors.h"
#include "terminal/apps/food/FoodMessage.h"
#include "terminal/screens/service/UpdateMessage.h"
#include "till/TillErrors.h"

#include <QCoreApplication>

namespace sigma::terminal {

namespace {

// lupdate files these strings under the enclosing class's qualified name, so that is the context
// looked up at run time too (DeviceMessage has no Q_OBJECT: it is a plain value).
QString tr(const char* text)
{
    return QCoreApplication::translate("sigma::terminal::DeviceMessage", text);
}

} // namespace

DeviceMessage DeviceMessage::fromError(const core::Error& error)
{
    namespace atol = fiscal::atol;
    namespace errc = core::errc;
    DeviceMessage m;
    m.code = error.code;
    switch (error.code) {
    case atol::kNoPaper:
        m.title = tr("Закончилась бумага");
        m.hint = tr("Заправьте бумагу и нажмите «Продолжить печать»");
        m.action = DeviceAction::ContinuePrint;
        break;
    case atol::kCoverOpen:
        m.title = tr("Открыта крышка принтера");
        m.hint = tr("Закройте крышку и нажмите «Продолжить печать»");
        m.action = DeviceAction::ContinuePrint;
        break;
    case atol::kNoConnection:
    case atol::kPortBusy:
        m.title = tr("Нет связи с кассой");
        m.hint = tr("Проверьте, что касса включена и кабель подключён, затем повторите");
        m.action = DeviceAction::Retry;
        break;
    case atol::kShiftExpired:
    case atol::kFnShiftExpired:
        m.title = tr("Смена длится больше 24 часов");
        m.hint = tr("Закройте смену (Z-отчёт) и откройте новую");
        m.action = DeviceAction::CloseShift;
        break;
    case atol::kShiftOpen: // service tasks (registration, closing the FN archive) need a closed shift
        m.title = tr("Смена открыта: операция возможна только при закрытой смене");
        m.hint = tr("Закройте смену (Z-отчёт) на экране «Смена» и повторите");
        break;
    case atol::kShiftClosed:
        m.title = tr("Смена не открыта");
        m.hint = tr("Откройте смену на экране «Смена»");
        m.action = DeviceAction::OpenShift;
        break;
    case atol::kFnUnsentDocuments:
    case atol::kOfdWaitExceeded:
        m.title = tr("Документы не переданы в ОФД 30 дней");
        m.hint = tr("Подключите кассу к интернету; касса заблокирована до передачи документов");
        m.action = DeviceAction::CallTechnician;
        break;
    case atol::kFnExpired:
    case atol::kFnArchiveFull:
    case atol::kFnWrongState:
        m.title = tr("Фискальный накопитель требует замены");
        m.hint = tr("Вызовите техника");
        m.action = DeviceAction::CallTechnician;
        break;
    case errc::kPaymentTimeout:
        m.title = tr("Терминал оплаты не ответил");
        m.hint = tr("Повторите оплату картой или выберите другой способ");
        m.action = DeviceAction::Retry;
        break;
    case errc::kPaymentConnectionLost:
        m.title = tr("Нет связи с терминалом оплаты");
        m.hint = tr("Проверьте терминал и повторите или примите наличные");
        m.action = DeviceAction::OtherPayment;
        break;
    case till::errc::kNoOpenShift:
        m.title = tr("Смена не открыта");
        m.hint = tr("Откройте смену на экране «Смена»");
        m.action = DeviceAction::OpenShift;
        break;
    case till::errc::kShiftExpired:
        m.title = tr("Смена длится больше 24 часов");
        m.hint = tr("Закройте смену (Z-отчёт) и откройте новую");
        m.action = DeviceAction::CloseShift;
        break;
    case till::errc::kShiftAlreadyOpen:
        m.title = tr("Смена уже открыта");
        m.hint = tr("Можно продавать");
        break;
    case till::errc::kCardDeclined:
        m.title = tr("Оплата картой отклонена");
        m.hint = tr("Попросите другую карту или примите наличные");
        m.action = DeviceAction::OtherPayment;
        break;
    case till::errc::kCardFailed:
    case till::errc::kNoPaymentTerminal:
        m.title = tr("Терминал оплаты недоступен");
        m.hint = tr("Повторите или выберите другой способ оплаты");
        m.action = DeviceAction::OtherPayment;
        break;
    case till::errc::kReceiptPending:
    case till::errc::kPendingReceipts:
        m.title = tr("Есть незавершённый чек");
        m.hint = tr("Касса проверит его сама, когда будет на связи; повторите через минуту");
        m.action = DeviceAction::Retry;
        break;
    case till::errc::kReceiptNotFound:
        m.title = tr("Чек не найден");
        m.hint = tr("Проверьте номер документа или отсканируйте QR-код чека");
        break;
    case till::errc::kReturnExceedsSale:
    case till::errc::kNotReturnable:
        m.title = tr("Столько вернуть нельзя");
        m.hint = tr("Количество больше, чем осталось к возврату по этому чеку");
        break;
    case till::errc::kSeniorApprovalRequired:
        m.title = tr("Нужно подтверждение старшего");
        m.hint = tr("Попросите старшего кассира ввести PIN");
        break;
    case till::errc::kUnknownProduct:
        m.title = tr("Товар не найден");
        m.hint = tr("Проверьте штрихкод или найдите товар поиском");
        break;
    case errc::kWrongPin:
        m.title = tr("Неверный PIN");
        m.hint = tr("Введите PIN ещё раз");
        break;
    case errc::kLoginLocked:
        m.title = tr("Вход временно заблокирован");
        m.hint = tr("Слишком много неверных PIN. Подождите и попробуйте снова");
        break;
    case errc::kPermissionDenied:
        m.title = tr("Недостаточно прав");
        m.hint = tr("Позовите старшего кассира или администратора");
        break;
    case errc::kWeakPin:
        m.title = tr("Слишком простой PIN");
        m.hint = tr("4–8 цифр, не одинаковые и не подряд (не 1111, не 1234)");
        break;
    case errc::kPinInUse:
        m.title = tr("Такой PIN уже занят");
        m.hint = tr("Выберите другой PIN");
        break;
    case errc::kNotFullyPaid:
        m.title = tr("Сумма оплаты меньше суммы чека");
        m.hint = tr("Введите полученную сумму или добавьте оплату картой");
        break;
    case errc::kNonCashOverpayment:
        m.title = tr("Оплата картой больше суммы чека");
        m.hint = tr("Уменьшите сумму по карте");
        break;
    case errc::kEmptyReceipt:
        m.title = tr("Чек пуст");
        m.hint = tr("Добавьте товар");
        break;
    case errc::kFractionalPieces:
        m.title = tr("Штучный товар — только целое количество");
        m.hint = tr("Введите целое число");
        break;
    // The cloud, reached by the service screens (updates) and the registration: the network
    // first, then what the cloud answered about this terminal.
    case errc::kConnectionFailed:
    case errc::kNetworkTimeout:
    case errc::kHostNotFound:
    case errc::kTransferFailed:
    case errc::kSyncNoConnection:
        m.title = tr("Нет связи с сервером");
        m.hint = tr("Проверьте подключение к интернету и адрес облака, затем повторите");
        m.action = DeviceAction::Retry;
        break;
    case errc::kTlsFailure:
        m.title = tr("Не удалось установить защищённое соединение с сервером");
        m.hint = tr("Проверьте дату и время терминала и адрес облака; если не поможет, вызовите поддержку");
        break;
    case errc::kSyncNotRegistered:
        m.title = tr("Терминал не зарегистрирован в облаке");
        m.hint = tr("Зарегистрируйте терминал (телефон владельца и PIN активации), затем повторите");
        break;
    case errc::kSyncAuthFailed:
        m.title = tr("Облако не узнало этот терминал");
        m.hint = tr("Зарегистрируйте терминал заново или вызовите поддержку");
        break;
    case errc::kSyncDeviceRevoked:
        m.title = tr("Владелец отключил терминал от облака");
        m.hint = tr("Продажи продолжаются; для связи с облаком зарегистрируйте терминал заново");
        break;
    case errc::kSyncServerError:
    case errc::kSyncBadAnswer:
        m.title = tr("Облако временно не отвечает");
        m.hint = tr("Повторите через несколько минут; если не пройдёт, вызовите поддержку");
        m.action = DeviceAction::Retry;
        break;
    case errc::kSyncRateLimited:
        m.title = tr("Слишком много запросов к облаку");
        m.hint = tr("Подождите минуту и повторите");
        break;
    default:
        if (UpdateMessage::handles(error.code)) {
            return UpdateMessage::fromError(error); // update packages, install, register firmware
        }
        if (FoodMessage::handles(error.code)) {
            return FoodMessage::fromError(error); // the food app's tables, orders and kitchen printers
        }
        if (error.code >= 1600 && error.code < 1700) {
            m.title = tr("Товар не найден");
            m.hint = tr("Проверьте штрихкод или найдите товар поиском");
        } else if (error.code > 0 && error.code < 1000) {
            m.title = tr("Ошибка кассы");
            m.hint = tr("Повторите операцию; если ошибка повторится, вызовите техника");
            m.action = DeviceAction::Retry;
        } else {
            m.title = tr("Операция не выполнена");
            m.hint = QString::fromStdString(error.message);
        }
        break;
    }
    return m;
}

QString DeviceMessage::text() const
{
    return QStringLiteral("%1\n%2\n(%3)").arg(title, hint, tr("код %1").arg(code));
}

QString DeviceMessage::actionLabel() const
{
    switch (action) {
    case DeviceAction::ContinuePrint:
        return tr("Продолжить печать");
    case DeviceAction::Retry:
        return tr("Повторить");
    case DeviceAction::OtherPayment:
        return tr("Другой способ оплаты");
    case DeviceAction::OpenShift:
        return tr("Открыть смену");
    case DeviceAction::CloseShift:
        return tr("Закрыть смену");
    case DeviceAction::CallTechnician:
    case DeviceAction::None:
        break;
    }
    return {};
}

} // namespace sigma::terminal
