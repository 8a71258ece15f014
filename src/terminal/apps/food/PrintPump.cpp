#include "terminal/apps/food/PrintPump.h"

#include "core/ErrorCodes.h"
#include "drivers/printer/EscPosNetworkPrinter.h"
#include "terminal/DeviceMessage.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QTimer>

#include <memory>

namespace sigma::terminal {

PrintPump::PrintPump(MainWindow& window, QObject* parent)
    : QObject(parent), m_window(window), m_timer(new QTimer(this))
{
    m_timer->setInterval(kIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] { pass(false); });
    m_timer->start();
}

till::PrintQueue::PrinterFactory PrintPump::factory()
{
    return [](const till::KitchenPrinter& printer) -> core::Result<std::unique_ptr<devices::Printer>> {
        drivers::printer::NetworkPrinterSettings settings;
        settings.host = printer.host;
        settings.port = printer.port;
        settings.connectTimeoutMs = 1000;
        settings.ioTimeoutMs = 2000;
        SIGMA_TRY(drivers::printer::EscPosNetworkPrinter::validate(settings));
        return std::unique_ptr<devices::Printer>(std::make_unique<drivers::printer::EscPosNetworkPrinter>(settings));
    };
}

void PrintPump::pumpNow()
{
    pass(false);
}

void PrintPump::retryNow()
{
    pass(true);
}

void PrintPump::pass(bool retry)
{
    auto& rt = m_window.runtime();
    // Only the food app has kitchen printers; a worker busy with the register is not queued behind.
    if (m_running || !rt.config().businessType || *rt.config().businessType != till::BusinessType::Food) {
        return;
    }
    m_running = true;
    struct Outcome {
        core::Result<till::PumpReport> report = core::Error(core::errc::kInternal, "not run");
        core::Result<std::vector<till::PrinterQueueStatus>> status = core::Error(core::errc::kInternal, "not run");
    };
    auto outcome = std::make_shared<Outcome>();
    till::TillContext& context = rt.till();
    m_window.runner().run(
        [outcome, &context, retry] {
            till::PrintQueue queue(context, factory());
            if (retry) {
                (void)queue.retryNow();
            }
            outcome->report = queue.pump();
            outcome->status = queue.status(false);
        },
        this,
        [this, outcome] {
            m_running = false;
            QStringList parts;
            bool problem = false;
            if (outcome->status.ok()) {
                for (const auto& s : *outcome->status) {
                    const QString name = QString::fromStdString(s.printer.name);
                    if (s.queued == 0) {
                        parts << tr("%1: готов").arg(name);
                    } else if (!s.lastError.empty()) {
                        problem = true;
                        parts << tr("%1: ждут печати %2 — нет связи или ошибка принтера").arg(name).arg(s.queued);
                    } else {
                        parts << tr("%1: в очереди %2").arg(name).arg(s.queued);
                    }
                }
            }
            const QString text = parts.isEmpty() ? tr("Кухонных принтеров нет: тикеты только на экране кухни")
                                                 : tr("Принтеры кухни — %1").arg(parts.join(QStringLiteral(" · ")));
            if (text != m_text || problem != m_problem) {
                m_text = text;
                m_problem = problem;
                emit statusChanged(m_text, m_problem);
            }
        });
}

} // namespace sigma::terminal
