#include "terminal/apps/food/KitchenScreen.h"

#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/food/PrintPump.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace sigma::terminal {

namespace {

QString kindText(till::TicketLineKind kind)
{
    switch (kind) {
    case till::TicketLineKind::New:
        return {};
    case till::TicketLineKind::More:
        return QCoreApplication::translate("sigma::terminal::KitchenScreen", "ЕЩЁ ");
    case till::TicketLineKind::Less:
        return QCoreApplication::translate("sigma::terminal::KitchenScreen", "МЕНЬШЕ ");
    case till::TicketLineKind::Cancel:
        return QCoreApplication::translate("sigma::terminal::KitchenScreen", "ОТМЕНА ");
    case till::TicketLineKind::Changed:
        return QCoreApplication::translate("sigma::terminal::KitchenScreen", "ИЗМЕНЕНО: ");
    case till::TicketLineKind::Moved:
        return QCoreApplication::translate("sigma::terminal::KitchenScreen", "ПЕРЕНОС ");
    }
    return {};
}

} // namespace

KitchenScreen::KitchenScreen(MainWindow& window, PrintPump& pump)
    : m_window(window), m_pump(pump), m_cards(new QGridLayout), m_printers(new QLabel(this)), m_info(new QLabel(this)),
      m_timer(new QTimer(this))
{
    auto* title = new QLabel(tr("Кухня"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_printers->setObjectName(QStringLiteral("kitchenPrinters"));
    m_printers->setWordWrap(true);
    m_printers->setText(m_pump.statusText());
    connect(&m_pump, &PrintPump::statusChanged, this, [this](const QString& text, bool problem) {
        m_printers->setText(text);
        m_printers->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    });
    m_info->setObjectName(QStringLiteral("kitchenInfo"));
    m_info->setWordWrap(true);
    auto* retry = touchButton(tr("Повторить печать"), "kitchenRetry", this);
    connect(retry, &QPushButton::clicked, this, [this] { m_pump.retryNow(); });
    auto* hall = touchButton(tr("Зал"), "kitchenHall", this);
    connect(hall, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("hall")); });
    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_printers, 1);
    top->addWidget(retry);
    top->addWidget(hall);

    auto* host = new QWidget(this);
    host->setObjectName(QStringLiteral("kitchenCards"));
    host->setLayout(m_cards);
    m_cards->setSpacing(10);
    auto* scroll = scrollArea(host, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_info);
    layout->addWidget(scroll, 1);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    m_timer->start();
}

void KitchenScreen::activate()
{
    m_info->clear();
    refresh();
}

void KitchenScreen::refresh()
{
    if (m_loading) {
        return;
    }
    m_loading = true;
    runJob<std::vector<till::KitchenTicket>>(
        m_window, this, [&context = m_window.runtime().till()] { return till::KitchenService(context).tickets(); },
        [this](core::Result<std::vector<till::KitchenTicket>>& tickets) {
            m_loading = false;
            if (!tickets.ok()) {
                m_info->setText(DeviceMessage::fromError(tickets.error()).text());
                return;
            }
            draw(*tickets);
        });
}

void KitchenScreen::draw(const std::vector<till::KitchenTicket>& tickets)
{
    while (auto* item = m_cards->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int columns = width() < 1100 ? 3 : 4;
    int i = 0;
    const auto nowUs = m_window.runtime().till().nowUs();
    for (const auto& t : tickets) {
        auto* card = new QFrame(this);
        card->setObjectName(QStringLiteral("ticket_%1").arg(t.number));
        card->setFrameShape(QFrame::StyledPanel);
        card->setStyleSheet(QStringLiteral("QFrame#ticket_%1 { background: #fffde7; border: 2px solid #fbc02d; "
                                           "border-radius: 8px; }")
                                .arg(t.number));
        auto* head = new QLabel(tr("№ %1 · стол %2\n%3 · %4 мин назад")
                                    .arg(t.number)
                                    .arg(QString::fromStdString(t.tableName),
                                         QDateTime::fromMSecsSinceEpoch(t.createdAtUs / 1000).toString(QStringLiteral("HH:mm")))
                                    .arg((nowUs - t.createdAtUs) / 60'000'000),
                                card);
        head->setStyleSheet(QStringLiteral("font-weight: bold;"));
        QStringList lines;
        if (!t.note.empty()) {
            // A cancelled or moved order: the cook must read this before any line.
            lines << QString::fromStdString(t.note);
        }
        for (const auto& l : t.lines) {
            QString text = QStringLiteral("%1%2 × %3").arg(kindText(l.kind), QString::fromStdString(l.name),
                                                           Format::quantity(l.quantity));
            for (const auto& m : l.modifiers) {
                text += QStringLiteral("\n   + ") + QString::fromStdString(m);
            }
            if (!l.comment.empty()) {
                text += QStringLiteral("\n   «%1»").arg(QString::fromStdString(l.comment));
            }
            lines << text;
        }
        auto* body = new QLabel(lines.join(QLatin1Char('\n')), card);
        body->setObjectName(QStringLiteral("ticketText_%1").arg(t.number));
        body->setWordWrap(true);
        QString printed = t.printerName.empty() ? tr("только экран")
                          : t.printState == "printed" ? tr("напечатан: %1").arg(QString::fromStdString(t.printerName))
                                                      : tr("ждёт печати: %1").arg(QString::fromStdString(t.printerName));
        auto* state = new QLabel(printed, card);
        auto* ready = new QPushButton(tr("Готово"), card);
        ready->setObjectName(QStringLiteral("ready_%1").arg(t.number));
        ready->setProperty("role", QStringLiteral("primary"));
        ready->setMinimumHeight(56);
        ready->setFocusPolicy(Qt::NoFocus);
        connect(ready, &QPushButton::clicked, this, [this, id = t.id] { markReady(id); });
        auto* layout = new QVBoxLayout(card);
        layout->addWidget(head);
        layout->addWidget(body, 1);
        layout->addWidget(state);
        layout->addWidget(ready);
        card->setMinimumWidth(220);
        m_cards->addWidget(card, i / columns, i % columns, Qt::AlignTop);
        ++i;
    }
    m_cards->setRowStretch(i / columns + 1, 1);
    if (tickets.empty()) {
        m_info->setText(tr("Все заказы готовы"));
    } else {
        m_info->clear();
    }
    emit ticketsShown(static_cast<int>(tickets.size()));
}

void KitchenScreen::markReady(const std::string& ticketId)
{
    runJob<till::KitchenTicket>(
        m_window, this,
        [&context = m_window.runtime().till(), ticketId] { return till::KitchenService(context).markReady(ticketId); },
        [this](core::Result<till::KitchenTicket>& ticket) {
            if (!ticket.ok()) {
                m_info->setText(DeviceMessage::fromError(ticket.error()).text());
            }
            refresh();
        });
}

} // namespace sigma::terminal
