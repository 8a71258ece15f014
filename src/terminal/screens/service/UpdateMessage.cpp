#include "terminal/screens/service/UpdateMessage.h"

#include "core/ErrorCodes.h"
#include "core/Result.h"

#include <QCoreApplication>

namespace sigma::terminal {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sigma::terminal::UpdateMessage", text);
}

} // namespace

DeviceMessage UpdateMessage::fromError(const core::Error& error)
{
    namespace errc = core::errc;
    DeviceMessage m;
    m.code = error.code;
    m.action = DeviceAction::None;
    switch (error.code) {
    case errc::kPackageMalformed:
        m.title = tr("Файл не является пакетом обновления");
        m.hint = tr("Выберите другой файл; ничего не изменено");
        break;
    case errc::kPackageSignatureMissing:
        m.title = tr("Пакет не подписан");
        m.hint = tr("Устанавливаются только подписанные пакеты; ничего не изменено");
        break;
    case errc::kPackageBadSignature:
        m.title = tr("Подпись пакета неверна или сделана чужим ключом");
        m.hint = tr("Пакет изменён или подделан; ничего не изменено. Возьмите пакет из официального источника");
        break;
    case errc::kPackageFileMismatch:
        m.title = tr("Содержимое пакета изменено или повреждено");
        m.hint = tr("Файл в пакете не совпадает с подписанным описанием; ничего не изменено. Скачайте пакет заново");
        break;
    case errc::kPackageUnsafePath:
    case errc::kPackageLinkEntry:
        m.title = tr("Пакет содержит опасные файлы");
        m.hint = tr("Пакет отклонён; ничего не изменено");
        break;
    case errc::kPackageTooLarge:
        m.title = tr("Пакет слишком большой");
        m.hint = tr("Пакет отклонён; ничего не изменено");
        break;
    case errc::kUpdateDowngrade:
        m.title = tr("Версия пакета не новее установленной");
        m.hint = tr("Откат на старую версию — кнопкой «Откатить»");
        break;
    case errc::kUpdateTooOld:
        m.title = tr("Установленная версия слишком старая для этого пакета");
        m.hint = tr("Сначала установите промежуточное обновление");
        break;
    case errc::kUpdateWrongComponent:
        m.title = tr("Пакет предназначен для другого устройства");
        m.hint = tr("Программа терминала и прошивка ККТ обновляются в разных разделах");
        break;
    case errc::kUpdateNoSpace:
        m.title = tr("Недостаточно места на диске");
        m.hint = tr("Освободите место (старые журналы, загрузки) и повторите");
        break;
    case errc::kUpdateAlreadyInstalled:
        m.title = tr("Эта версия уже установлена");
        m.hint = tr("Обновление не требуется");
        break;
    case errc::kUpdateNoPrevious:
        m.title = tr("Нет предыдущей версии для отката");
        m.hint = tr("Откат возможен после установки обновления");
        break;
    case errc::kUpdateNotInstalled:
        m.title = tr("Программа не установлена в каталог обновлений");
        m.hint = tr("Обновление возможно только на терминале, установленном из пакета");
        break;
    case errc::kUpdateHealthFailed:
        m.title = tr("Новая версия не прошла проверку при запуске");
        m.hint = tr("Терминал вернётся к предыдущей версии");
        break;
    case errc::kFirmwareFlashRefused:
        m.title = tr("ККТ не прошивается при открытой смене или открытом чеке");
        m.hint = tr("Закройте чек и смену (Z-отчёт), затем повторите");
        break;
    case errc::kFirmwareUnsupported:
        m.title = tr("Прошивка ККТ выполняется утилитой производителя");
        m.hint = tr("Этот драйвер не прошивает ККТ");
        break;
    case errc::kUpdateDownloadFailed:
        m.title = tr("Загрузка обновления прервалась");
        m.hint = tr("Проверьте связь и повторите: загрузка продолжится с места обрыва");
        break;
    case errc::kUpdateTrustChainBroken:
        m.title = tr("Хранилище ключей обновлений повреждено");
        m.hint = tr("Обновления не устанавливаются; вызовите поддержку");
        break;
    default:
        m.title = tr("Ошибка обновления");
        m.hint = tr("Ничего не изменено; повторите или вызовите поддержку");
        break;
    }
    return m;
}

} // namespace sigma::terminal
