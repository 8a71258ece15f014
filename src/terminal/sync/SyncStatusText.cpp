#include "terminal/sync/SyncStatusText.h"

#include <QCoreApplication>
#include <QDateTime>

namespace sigma::terminal {
namespace {

QString age(std::int64_t ageUs)
{
    const std::int64_t minutes = std::max<std::int64_t>(0, ageUs) / 60'000'000;
    if (minutes < 60) {
        return QCoreApplication::translate("SyncStatus", "%1 мин").arg(minutes);
    }
    if (minutes < 48 * 60) {
        return QCoreApplication::translate("SyncStatus", "%1 ч %2 мин").arg(minutes / 60).arg(minutes % 60);
    }
    return QCoreApplication::translate("SyncStatus", "%1 дн").arg(minutes / (24 * 60));
}

/// "N не отпр., age" or "всё отправлено".
QString backlog(const sync::SyncStatus& status, std::int64_t tillNowUs)
{
    if (status.unsentCount == 0 || !status.oldestUnsentAtUs) {
        return QCoreApplication::translate("SyncStatus", "всё отправлено");
    }
    return QCoreApplication::translate("SyncStatus", "%1 не отпр., %2").arg(status.unsentCount).arg(age(tillNowUs - *status.oldestUnsentAtUs));
}

SyncStatusLine syncStatusLevel(const sync::SyncStatus& status, std::int64_t tillNowUs);

SyncStatusLine make(const QString& text, const char* level)
{
    SyncStatusLine line;
    line.text = text;
    line.level = level;
    return line;
}

} // namespace

SyncStatusLine syncStatusShort(const sync::SyncStatus& status, std::int64_t tillNowUs)
{
    SyncStatusLine line = syncStatusLevel(status, tillNowUs);
    // The last error in words on a touch (tooltip) and in service mode: the strip stays short.
    line.detail = QString::fromStdString(status.lastError);
    return line;
}

namespace {
SyncStatusLine syncStatusLevel(const sync::SyncStatus& status, std::int64_t tillNowUs)
{
    const bool stale = status.oldestUnsentAtUs && tillNowUs - *status.oldestUnsentAtUs > 24LL * 3600 * 1'000'000;
    switch (status.phase) {
    case sync::SyncPhase::NotRegistered: return make(QCoreApplication::translate("SyncStatus", "Облако: не зарегистрирован"), "info");
    case sync::SyncPhase::Revoked: return make(QCoreApplication::translate("SyncStatus", "Облако: отозван, %1").arg(backlog(status, tillNowUs)), "error");
    case sync::SyncPhase::Offline: return make(QCoreApplication::translate("SyncStatus", "Облако: нет связи, %1").arg(backlog(status, tillNowUs)), "warn");
    case sync::SyncPhase::Failing: return make(QCoreApplication::translate("SyncStatus", "Облако: ошибка, %1").arg(backlog(status, tillNowUs)), "warn");
    case sync::SyncPhase::Syncing: return make(QCoreApplication::translate("SyncStatus", "Облако: отправка, %1").arg(backlog(status, tillNowUs)), "info");
    case sync::SyncPhase::Idle: break;
    }
    if (status.unsentCount == 0) {
        return make(QCoreApplication::translate("SyncStatus", "Облако: всё отправлено"), "ok");
    }
    return make(QCoreApplication::translate("SyncStatus", "Облако: %1").arg(backlog(status, tillNowUs)), stale ? "warn" : "info");
}
} // namespace

QString syncStatusLong(const sync::SyncStatus& status, std::int64_t tillNowUs)
{
    QString state;
    switch (status.phase) {
    case sync::SyncPhase::NotRegistered: state = QCoreApplication::translate("SyncStatus", "не зарегистрирован"); break;
    case sync::SyncPhase::Idle: state = QCoreApplication::translate("SyncStatus", "на связи"); break;
    case sync::SyncPhase::Syncing: state = QCoreApplication::translate("SyncStatus", "идёт обмен"); break;
    case sync::SyncPhase::Offline: state = QCoreApplication::translate("SyncStatus", "нет связи, повторяем"); break;
    case sync::SyncPhase::Failing: state = QCoreApplication::translate("SyncStatus", "облако отказывает, повторяем"); break;
    case sync::SyncPhase::Revoked: state = QCoreApplication::translate("SyncStatus", "доступ отозван облаком: продажи идут, чеки не отправляются"); break;
    }
    QString text = QCoreApplication::translate("SyncStatus", "Состояние: %1.\nНе отправлено: %2.").arg(state, backlog(status, tillNowUs));
    if (status.lastSuccessAtUs) {
        text += QLatin1Char('\n') +
                QCoreApplication::translate("SyncStatus", "Последний успешный обмен: %1.")
                    .arg(QDateTime::fromMSecsSinceEpoch(*status.lastSuccessAtUs / 1000).toString(QStringLiteral("dd.MM HH:mm:ss")));
    }
    if (!status.lastError.empty()) {
        text += QLatin1Char('\n') + QCoreApplication::translate("SyncStatus", "Последняя ошибка: %1").arg(QString::fromStdString(status.lastError));
    }
    return text;
}

} // namespace sigma::terminal
