#include "terminal/StatusBar.h"

#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/sync/SyncStatusText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>

#include <memory>

namespace sigma::terminal {

namespace {

void setLevel(QLabel* label, const char* level)
{
    // The stylesheet colours [level="warn"] and [level="error"]; re-polish to apply it.
    label->setProperty("level", QString::fromLatin1(level));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

QString ageText(std::int64_t ageUs)
{
    const std::int64_t minutes = ageUs / 60'000'000;
    if (minutes < 60) {
        return QCoreApplication::translate("StatusBar", "%1 мин").arg(minutes);
    }
    if (minutes < 48 * 60) {
        return QCoreApplication::translate("StatusBar", "%1 ч %2 мин").arg(minutes / 60).arg(minutes % 60);
    }
    return QCoreApplication::translate("StatusBar", "%1 дн").arg(minutes / (24 * 60));
}

} // namespace

StatusBar::StatusBar(TerminalRuntime& runtime, TaskRunner& runner, QWidget* parent)
    : QWidget(parent), m_runtime(runtime), m_runner(runner), m_cashier(new QLabel(this)), m_shift(new QLabel(this)),
      m_device(new QLabel(this)), m_sync(new QLabel(this)), m_clock(new QLabel(this)), m_poll(new QTimer(this)),
      m_clockTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("statusBar"));
    setAttribute(Qt::WA_StyledBackground, true);
    m_cashier->setObjectName(QStringLiteral("statusCashier"));
    m_shift->setObjectName(QStringLiteral("statusShift"));
    m_device->setObjectName(QStringLiteral("statusDevice"));
    m_sync->setObjectName(QStringLiteral("statusSync"));
    m_clock->setObjectName(QStringLiteral("statusClock"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 4);
    layout->setSpacing(16);
    for (auto* l : {m_cashier, m_shift, m_device, m_sync}) {
        l->setProperty("role", QStringLiteral("status"));
        // Long states are cut at the edge rather than widening the window beyond a 1024 px screen.
        l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        layout->addWidget(l, l == m_cashier || l == m_shift ? 2 : 3);
    }
    m_clock->setProperty("role", QStringLiteral("status"));
    layout->addWidget(m_clock);
    setMinimumHeight(40);

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &StatusBar::refresh);
    m_poll->start();
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &StatusBar::tickClock);
    m_clockTimer->start();
    tickClock();
    m_device->setText(tr("ККТ: …"));
}

void StatusBar::refresh()
{
    if (!m_runner.busy()) {
        refreshLocal();
    }
    refreshDevice();
}

void StatusBar::tickClock()
{
    m_clock->setText(QDateTime::currentDateTime().toString(QStringLiteral("dd.MM HH:mm")));
}

void StatusBar::refreshLocal()
{
    const auto& session = m_runtime.session();
    m_cashier->setText(session ? QString::fromStdString(session->employee.name) : tr("Вход не выполнен"));

    const std::int64_t now = m_runtime.till().nowUs();
    auto shift = m_runtime.till().shifts().current();
    if (!shift.ok()) {
        m_shift->setText(tr("Смена: ?"));
        setLevel(m_shift, "warn");
    } else if (!*shift) {
        m_shift->setText(tr("Смена закрыта"));
        setLevel(m_shift, "info");
    } else {
        const std::int64_t age = now - (*shift)->openedAtUs;
        m_shift->setText(tr("Смена %1 · %2").arg((*shift)->number).arg(ageText(age)));
        const bool over = age >= till::TillContext::kShiftLimitUs;
        const bool warn = age >= static_cast<std::int64_t>(kShiftWarnHours) * 3600 * 1'000'000;
        setLevel(m_shift, over ? "error" : (warn ? "warn" : "ok"));
        if (over) {
            m_shift->setText(tr("Смена %1 > 24 ч: закройте").arg((*shift)->number));
        }
    }

    auto outbox = m_runtime.till().journal().outbox();
    if (outbox.ok() && m_runtime.syncController().running()) {
        // The engine's state and last error, with the outbox as this connection sees it now (the
        // engine counts only at its rounds). Unsent events while all is well: a round now.
        auto status = m_runtime.syncController().status();
        if (status.phase == sync::SyncPhase::NotRegistered) {
            status.phase = sync::SyncPhase::Syncing; // started, its first round not finished yet
        }
        status.unsentCount = outbox->unsentCount;
        status.oldestUnsentAtUs = outbox->oldestUnsentAtUs;
        if (status.unsentCount > 0 && status.phase == sync::SyncPhase::Idle) {
            m_runtime.syncController().wake();
        }
        const auto line = syncStatusShort(status, now);
        m_sync->setText(line.text);
        m_sync->setToolTip(line.detail);
        setLevel(m_sync, line.level);
    } else if (!outbox.ok()) {
        m_sync->setText(tr("Облако: ?"));
        setLevel(m_sync, "warn");
    } else if (outbox->unsentCount == 0 || !outbox->oldestUnsentAtUs) {
        m_sync->setText(tr("Облако: всё отправлено"));
        setLevel(m_sync, "ok");
    } else {
        const std::int64_t age = now - *outbox->oldestUnsentAtUs;
        m_sync->setText(tr("Облако: %1 не отпр., %2").arg(outbox->unsentCount).arg(ageText(age)));
        setLevel(m_sync, age > 24LL * 3600 * 1'000'000 ? "warn" : "info");
    }
}

void StatusBar::refreshDevice()
{
    if (m_deviceQueryRunning) {
        return;
    }
    m_deviceQueryRunning = true;
    auto device = std::make_shared<core::Result<core::Json>>(core::Json());
    auto fn = std::make_shared<core::Result<core::Json>>(core::Json());
    fiscal::FiscalDevice& fiscal = m_runtime.fiscal();
    m_runner.run(
        [device, fn, &fiscal] {
            *device = fiscal.execute(core::Json{{"type", "getDeviceStatus"}});
            if (device->ok()) {
                *fn = fiscal.execute(core::Json{{"type", "getFnStatus"}});
            }
        },
        this,
        [this, device, fn] {
            m_deviceQueryRunning = false;
            if (!device->ok()) {
                m_device->setText(tr("ККТ: нет связи"));
                setLevel(m_device, "error");
                return;
            }
            const core::Json& d = (*device)->contains("deviceStatus") ? (**device)["deviceStatus"] : **device;
            QStringList problems;
            const char* level = "ok";
            if (!d.value("paperPresent", true)) {
                problems << tr("нет бумаги");
                level = "error";
            }
            if (d.value("coverOpened", false)) {
                problems << tr("открыта крышка");
                level = "error";
            }
            if (d.value("blocked", false)) {
                problems << tr("заблокирована");
                level = "error";
            }
            emit printInterrupted(d.value("printInterrupted", false));
            QString ofd = tr("ОФД: ок");
            if (fn->ok() && (*fn)->contains("fnStatus")) {
                const core::Json& queue = (**fn)["fnStatus"].value("ofdQueue", core::Json::object());
                const auto unsent = queue.value("notSentCount", 0);
                if (unsent > 0) {
                    const auto days = queue.value("ageDays", 0);
                    const auto left = queue.value("daysLeft", 30);
                    ofd = tr("ОФД: %1 док., %2 дн. (блок через %3)").arg(unsent).arg(days).arg(left);
                    if (days >= kOfdWarnDays && std::string_view(level) == "ok") {
                        level = "warn";
                    }
                } else {
                    ofd = tr("ОФД: ок");
                }
            }
            m_device->setText(problems.isEmpty() ? tr("ККТ готова · %1").arg(ofd)
                                                 : tr("ККТ: %1 · %2").arg(problems.join(QStringLiteral(", ")), ofd));
            setLevel(m_device, level);
        },
        false);
}

} // namespace sigma::terminal
