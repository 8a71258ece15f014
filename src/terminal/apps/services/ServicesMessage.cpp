#include "terminal/apps/services/ServicesMessage.h"

#include "core/ErrorCodes.h"
#include "core/Result.h"
#include "terminal/DeviceMessage.h"
#include "till/TillErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace sigma::terminal {

namespace {

// The context lupdate files these strings under (ServicesMessage has no Q_OBJECT).
QString tr(const char* text)
{
    return QCoreApplication::translate("sigma::terminal::ServicesMessage", text);
}

/// The local times ("HH:MM") the service quoted in its message: the slot that is taken, or the
/// master's working hours and the slot asked for.
QStringList times(const core::Error& error)
{
    static const QRegularExpression re(QStringLiteral("(?:T|\\s|-|^)(\\d\\d:\\d\\d)"));
    QStringList out;
    auto it = re.globalMatch(QString::fromStdString(error.message));
    while (it.hasNext()) {
        out << it.next().captured(1);
    }
    return out;
}

} // namespace

QString ServicesMessage::text(const core::Error& error)
{
    namespace te = till::errc;
    const QStringList t = times(error);
    switch (error.code) {
    case te::kAppointmentOverlap:
        return t.size() >= 2 ? tr("Мастер уже занят с %1 до %2. Выберите другое время или мастера.").arg(t[0], t[1])
                             : tr("Мастер уже занят в это время. Выберите другое время или мастера.");
    case te::kOutsideWorkingHours:
        return t.size() >= 2 ? tr("Мастер работает с %1 до %2: запись не помещается в рабочее время.").arg(t[0], t[1])
                             : tr("Запись не помещается в рабочее время мастера.");
    case te::kAppointmentWrongState:
        return tr("Эту запись уже нельзя менять: она выполнена, отменена или оплачивается.");
    case te::kAppointmentNotFound:
        return tr("Запись не найдена — возможно, её удалили. Обновите день.");
    case te::kBadAppointmentTime:
        return tr("Время записи указано неверно.");
    case te::kNotAMaster:
        return tr("Этот сотрудник не мастер или не работает. Выберите другого мастера.");
    case te::kCancelReasonRequired:
        return tr("Укажите причину отмены.");
    case te::kAppointmentNoServices:
        return tr("В записи нет услуг — добавьте хотя бы одну.");
    case te::kCustomerNotFound:
        return tr("Клиент не найден.");
    case te::kCustomerQueryTooShort:
        return tr("Введите не меньше 3 цифр телефона или 2 букв имени.");
    case core::errc::kBadPhone:
        return tr("Телефон указан неверно: нужен российский номер +7 и ещё 10 цифр, например +7 (916) 123-45-67.");
    case core::errc::kCustomerExists:
        return tr("Клиент с этим телефоном уже есть — найдите его поиском.");
    case core::errc::kInvalidArgument:
        if (error.message.find("finish or hold") != std::string::npos) {
            return tr("Сначала завершите или отложите текущую продажу.");
        }
        break;
    default:
        break;
    }
    const auto message = DeviceMessage::fromError(error);
    return message.title + QStringLiteral("\n") + message.hint;
}

} // namespace sigma::terminal
