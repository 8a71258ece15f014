#include "terminal/apps/food/FoodMessage.h"

#include "core/Result.h"
#include "devices/Printer.h"
#include "till/FoodErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sigma::terminal {

namespace {

// The context lupdate files these strings under (FoodMessage has no Q_OBJECT).
QString tr(const char* text)
{
    return QCoreApplication::translate("sigma::terminal::FoodMessage", text);
}

/// The first name the service quoted in its message ("Молоко" in `choose "Молоко"`): the group or
/// table the waiter has to look at.
QString quoted(const core::Error& error)
{
    static const QRegularExpression re(QStringLiteral("\"([^\"]+)\""));
    const auto match = re.match(QString::fromStdString(error.message));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

DeviceMessage FoodMessage::fromError(const core::Error& error)
{
    namespace fe = till::food_errc;
    namespace pe = devices::printer_errc;
    DeviceMessage m;
    m.code = error.code;
    const QString name = quoted(error);
    switch (error.code) {
    case fe::kTableNotFound:
        m.title = tr("Стол не найден");
        m.hint = tr("Выберите стол на схеме зала");
        break;
    case fe::kTableNameTaken:
        m.title = tr("Стол с таким названием уже есть");
        m.hint = tr("Дайте столу другое название");
        break;
    case fe::kTableCellTaken:
        m.title = tr("Это место на схеме занято другим столом");
        m.hint = tr("Выберите свободную клетку");
        break;
    case fe::kTableBusy:
        m.title = tr("За столом открыт заказ");
        m.hint = tr("Откройте его заказ, или сначала оплатите, перенесите или отмените его");
        break;
    case fe::kOrderNotFound:
        m.title = tr("Заказ не найден");
        m.hint = tr("Откройте стол на схеме зала ещё раз");
        break;
    case fe::kOrderNotOpen:
        m.title = tr("Заказ уже закрыт");
        m.hint = tr("Он оплачен, отменён или объединён с другим; вернитесь в зал");
        break;
    case fe::kModifierRequired:
        m.title = tr("Выберите «%1»").arg(name);
        m.hint = tr("Без этого выбора блюдо не добавить");
        break;
    case fe::kModifierTooFew:
        m.title = tr("В «%1» выбрано слишком мало").arg(name);
        m.hint = tr("Отметьте больше вариантов (сколько нужно — написано у группы)");
        break;
    case fe::kModifierTooMany:
        m.title = tr("В «%1» выбрано слишком много").arg(name);
        m.hint = tr("Снимите лишние отметки (сколько можно — написано у группы)");
        break;
    case fe::kUnknownModifier:
        m.title = tr("Такого варианта у блюда нет");
        m.hint = tr("Выберите из предложенных");
        break;
    case fe::kLineNotFound:
        m.title = tr("Позиция не найдена");
        m.hint = tr("Выберите позицию в заказе");
        break;
    case fe::kOpenOrdersBlockShift:
        m.title = tr("Смену нельзя закрыть: есть открытые заказы");
        m.hint = tr("Оплатите или отмените их (с причиной) в «Зале», либо перенесите на следующую смену. %1")
                     .arg(QString::fromStdString(error.message).section(QStringLiteral(": "), 1, 1)
                              .section(QStringLiteral(";"), 0, 0)
                              .replace(QStringLiteral("No. "), tr("№ ")));
        break;
    case fe::kBadSplit:
        m.title = tr("Так разделить счёт нельзя");
        m.hint = tr("Каждая часть должна быть не пустой, а все части вместе — весь заказ (от 2 до 20 частей)");
        break;
    case fe::kCancelReasonRequired:
        m.title = tr("Укажите причину");
        m.hint = tr("Причина попадёт в журнал");
        break;
    case fe::kTicketNotFound:
        m.title = tr("Тикет не найден");
        m.hint = tr("Обновите экран кухни");
        break;
    case fe::kPrinterNotFound:
        m.title = tr("Кухонный принтер не найден");
        m.hint = tr("Проверьте настройки принтеров");
        break;
    case fe::kBadGuests:
        m.title = tr("Гостей — от 1 до 99");
        m.hint = tr("Введите число гостей");
        break;
    case fe::kOrderEmpty:
        m.title = tr("В заказе ничего нет");
        m.hint = tr("Добавьте блюда, или отмените пустой заказ");
        break;
    case fe::kOrderPartlyPaid:
        m.title = tr("Часть счёта уже оплачена");
        m.hint = tr("Заказ больше не меняется: оплатите оставшиеся части");
        break;
    case fe::kNothingToSend:
        m.title = tr("Кухня уже получила все позиции");
        m.hint = tr("Отправлять нечего: добавьте блюда или измените количество");
        break;
    case pe::kUnreachable:
        m.title = tr("Нет связи с кухонным принтером");
        m.hint = tr("Проверьте, что принтер включён и в сети; тикеты ждут в очереди и напечатаются сами");
        m.action = DeviceAction::Retry;
        break;
    case pe::kUnconfirmed:
        m.title = tr("Принтер не подтвердил печать");
        m.hint = tr("Тикет напечатается ещё раз с пометкой ПОВТОР");
        m.action = DeviceAction::Retry;
        break;
    case pe::kPaperOut:
        m.title = tr("В кухонном принтере закончилась бумага");
        m.hint = tr("Заправьте бумагу; тикеты ждут в очереди");
        m.action = DeviceAction::Retry;
        break;
    case pe::kOffline:
        m.title = tr("Кухонный принтер не готов");
        m.hint = tr("Закройте крышку или проверьте принтер; тикеты ждут в очереди");
        m.action = DeviceAction::Retry;
        break;
    default:
        m.title = tr("Операция не выполнена");
        m.hint = QString::fromStdString(error.message);
        break;
    }
    return m;
}

} // namespace sigma::terminal
