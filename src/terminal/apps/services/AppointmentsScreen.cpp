#include "terminal/apps/services/AppointmentsScreen.h"

#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/services/AppointmentDialog.h"
#include "terminal/apps/services/ServicesMessage.h"
#include "terminal/apps/services/ServicesSaleScreen.h"
#include "till/LocalTime.h"

#include <QBrush>
#include <QColor>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sigma::terminal {

namespace {

constexpr std::int64_t kMinuteUs = 60'000'000;

core::Date addDays(core::Date date, int days)
{
    return core::Date{std::chrono::sys_days(date) + std::chrono::days(days)};
}

/// What the screen loads on the worker: the day and the catalog's services for new bookings.
struct DayData {
    till::DayView day;
    std::vector<store::CatalogProduct> services;
};

QString hhmm(std::int64_t atUs)
{
    return QString::fromStdString(till::formatLocalDateTime(atUs).substr(11, 5));
}

} // namespace

AppointmentsScreen::AppointmentsScreen(MainWindow& window)
    : m_window(window), m_date(window.runtime().till().today()), m_dateLabel(new QLabel(this)),
      m_grid(new QTableWidget(this)), m_info(new QLabel(this)), m_message(new QLabel(this)),
      m_toSale(touchButton(tr("Оформить продажу"), "apptToSale", this, "primary")),
      m_move(touchButton(tr("Перенести"), "apptMove", this)),
      m_cancel(touchButton(tr("Отменить запись"), "apptCancel", this))
{
    auto* prev = touchButton(QStringLiteral("◀"), "apptPrev", this);
    auto* next = touchButton(QStringLiteral("▶"), "apptNext", this);
    auto* today = touchButton(tr("Сегодня"), "apptToday", this);
    auto* add = touchButton(tr("Новая запись"), "apptNew", this, "primary");
    prev->setMinimumWidth(64);
    next->setMinimumWidth(64);
    connect(prev, &QPushButton::clicked, this, [this] { setDate(addDays(m_date, -1)); });
    connect(next, &QPushButton::clicked, this, [this] { setDate(addDays(m_date, 1)); });
    connect(today, &QPushButton::clicked, this, [this] { setDate(m_window.runtime().till().today()); });
    connect(add, &QPushButton::clicked, this, [this] {
        const std::string master = m_day.columns.empty() ? std::string() : m_day.columns.front().master.employeeId;
        newAppointment(master, 10 * 60);
    });
    m_dateLabel->setObjectName(QStringLiteral("apptDate"));
    m_dateLabel->setProperty("role", QStringLiteral("title"));
    m_dateLabel->setAlignment(Qt::AlignCenter);
    auto* top = new QHBoxLayout;
    top->addWidget(prev);
    top->addWidget(m_dateLabel, 1);
    top->addWidget(next);
    top->addWidget(today);
    top->addWidget(add);

    m_grid->setObjectName(QStringLiteral("apptGrid"));
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setFocusPolicy(Qt::NoFocus);
    m_grid->setWordWrap(true);
    m_grid->verticalHeader()->setDefaultSectionSize(34);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->horizontalHeader()->setMinimumHeight(52);
    connect(m_grid, &QTableWidget::cellClicked, this, &AppointmentsScreen::cellTapped);

    m_info->setObjectName(QStringLiteral("apptInfo"));
    m_info->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("apptMessage"));
    m_message->setWordWrap(true);
    m_message->setProperty("role", QStringLiteral("status"));
    connect(m_toSale, &QPushButton::clicked, this, &AppointmentsScreen::toSale);
    connect(m_move, &QPushButton::clicked, this, &AppointmentsScreen::moveSelected);
    connect(m_cancel, &QPushButton::clicked, this, &AppointmentsScreen::cancelSelected);
    auto* actions = new QHBoxLayout;
    auto* texts = new QVBoxLayout;
    texts->addWidget(m_info);
    texts->addWidget(m_message);
    actions->addLayout(texts, 1);
    actions->addWidget(m_cancel);
    actions->addWidget(m_move);
    actions->addWidget(m_toSale);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(m_grid, 1);
    layout->addLayout(actions);
    updateActions();
}

void AppointmentsScreen::activate()
{
    m_message->clear();
    reload();
}

void AppointmentsScreen::setDate(core::Date date)
{
    m_date = date;
    m_selected.clear();
    m_message->clear();
    reload();
}

void AppointmentsScreen::reload()
{
    const QDate day(static_cast<int>(m_date.year()), static_cast<int>(unsigned(m_date.month())),
                    static_cast<int>(unsigned(m_date.day())));
    m_dateLabel->setText(QLocale().toString(day, QStringLiteral("dddd, d MMMM yyyy")));
    const bool needServices = !m_loaded;
    runJob<DayData>(
        m_window, this,
        [&rt = m_window.runtime(), date = m_date, needServices]() -> core::Result<DayData> {
            DayData out;
            SIGMA_ASSIGN_OR_RETURN(out.day, till::AppointmentService(rt.till(), rt.lookup()).day(date));
            if (needServices) {
                SIGMA_ASSIGN_OR_RETURN(auto categories, rt.catalog().categories());
                for (const auto& c : categories) {
                    SIGMA_ASSIGN_OR_RETURN(auto products, rt.catalog().listByCategory(c.id, 0, 200));
                    for (auto& p : products) {
                        if (p.paymentObject == core::PaymentObject::Service) {
                            out.services.push_back(std::move(p));
                        }
                    }
                }
            }
            return out;
        },
        [this, needServices](core::Result<DayData>& loaded) {
            if (!loaded.ok()) {
                m_message->setText(ServicesMessage::text(loaded.error()));
                return;
            }
            m_day = std::move(loaded->day);
            if (needServices) {
                m_services = std::move(loaded->services);
                m_loaded = true;
            }
            draw();
            emit dayShown();
        });
}

int AppointmentsScreen::rowOf(int minuteOfDay) const
{
    const int row = (minuteOfDay - m_firstMin) / kSlotMin;
    return row >= 0 && row < m_grid->rowCount() ? row : -1;
}

void AppointmentsScreen::draw()
{
    // The rows cover 08:00-21:00, widened to every master's working hours and every booking.
    const std::int64_t midnight = till::localMidnightUs(m_date);
    int first = 8 * 60;
    int last = 21 * 60;
    for (const auto& column : m_day.columns) {
        if (column.master.workFromMin) {
            first = std::min(first, *column.master.workFromMin);
            last = std::max(last, *column.master.workToMin);
        }
        for (const auto& a : column.appointments) {
            first = std::min(first, static_cast<int>((a.startsAtUs - midnight) / kMinuteUs));
            last = std::max(last, static_cast<int>((a.endsAtUs - midnight + kMinuteUs - 1) / kMinuteUs));
        }
    }
    first = std::max(0, first / kSlotMin * kSlotMin);
    last = std::min(24 * 60, (last + kSlotMin - 1) / kSlotMin * kSlotMin);
    m_firstMin = first;
    const int rows = (last - first) / kSlotMin;

    m_grid->clear();
    m_grid->clearSpans();
    m_grid->setRowCount(rows);
    m_grid->setColumnCount(static_cast<int>(m_day.columns.size()));
    QStringList times;
    for (int r = 0; r < rows; ++r) {
        times << QString::fromStdString(till::formatMinuteOfDay(first + r * kSlotMin));
    }
    m_grid->setVerticalHeaderLabels(times);
    QStringList headers;
    for (const auto& column : m_day.columns) {
        QString header = QString::fromStdString(column.master.name);
        QString second = QString::fromStdString(column.master.specialty);
        if (column.master.workFromMin && column.master.workToMin) {
            second += (second.isEmpty() ? QString() : QStringLiteral(", ")) +
                      QString::fromStdString(till::formatMinuteOfDay(*column.master.workFromMin)) +
                      QStringLiteral("–") + QString::fromStdString(till::formatMinuteOfDay(*column.master.workToMin));
        }
        if (!second.isEmpty()) {
            header += QStringLiteral("\n") + second;
        }
        headers << header;
    }
    m_grid->setHorizontalHeaderLabels(headers);

    const QColor offHours(0xe4, 0xe6, 0xea);
    for (int c = 0; c < static_cast<int>(m_day.columns.size()); ++c) {
        const auto& column = m_day.columns[static_cast<std::size_t>(c)];
        std::vector<bool> taken(static_cast<std::size_t>(rows), false);
        for (const auto& a : column.appointments) {
            const int startMin = static_cast<int>((a.startsAtUs - midnight) / kMinuteUs);
            const int endMin = static_cast<int>((a.endsAtUs - midnight + kMinuteUs - 1) / kMinuteUs);
            int row = std::max(0, (startMin - first) / kSlotMin);
            // Two bookings in one half hour (10:00-10:45, 10:45-11:30): the second starts a row
            // lower rather than hiding the first.
            while (row < rows && taken[static_cast<std::size_t>(row)]) {
                ++row;
            }
            if (row >= rows) {
                continue;
            }
            int span = std::max(1, (endMin - first + kSlotMin - 1) / kSlotMin - row);
            for (int s = 0; s < span; ++s) {
                if (row + s >= rows || taken[static_cast<std::size_t>(row + s)]) {
                    span = s;
                    break;
                }
            }
            span = std::max(span, 1);
            for (int s = 0; s < span; ++s) {
                taken[static_cast<std::size_t>(row + s)] = true;
            }
            auto* item = new QTableWidgetItem(describe(a));
            item->setData(Qt::UserRole, QString::fromStdString(a.id));
            item->setBackground(a.status == "done" ? QColor(0xcf, 0xee, 0xd5) : QColor(0xcc, 0xe0, 0xfb));
            item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            m_grid->setItem(row, c, item);
            if (span > 1) {
                m_grid->setSpan(row, c, span, 1);
            }
        }
        for (int r = 0; r < rows; ++r) {
            if (taken[static_cast<std::size_t>(r)] || m_grid->item(r, c) != nullptr) {
                continue;
            }
            auto* free = new QTableWidgetItem;
            const int at = first + r * kSlotMin;
            if (column.master.workFromMin && (at < *column.master.workFromMin || at >= *column.master.workToMin)) {
                free->setBackground(offHours);
                free->setToolTip(tr("Нерабочее время мастера"));
            }
            m_grid->setItem(r, c, free);
        }
    }
    if (selected() == nullptr) {
        m_selected.clear();
    }
    updateActions();
}

QString AppointmentsScreen::describe(const store::Appointment& a) const
{
    QString text = hhmm(a.startsAtUs) + QStringLiteral("–") + hhmm(a.endsAtUs);
    if (a.status == "done") {
        text += tr(" · оплачено");
    }
    if (a.customerId) {
        auto it = m_day.customerNames.find(*a.customerId);
        if (it != m_day.customerNames.end()) {
            text += QStringLiteral("\n") + QString::fromStdString(it->second);
        }
    }
    QStringList names;
    for (const auto& item : a.items) {
        names << QString::fromStdString(item.name);
    }
    if (!names.isEmpty()) {
        text += QStringLiteral("\n") + names.join(QStringLiteral(", "));
    }
    return text;
}

const store::Appointment* AppointmentsScreen::selected() const
{
    for (const auto& column : m_day.columns) {
        for (const auto& a : column.appointments) {
            if (a.id == m_selected) {
                return &a;
            }
        }
    }
    return nullptr;
}

void AppointmentsScreen::select(const std::string& id)
{
    m_selected = id;
    m_message->clear();
    updateActions();
}

void AppointmentsScreen::cellTapped(int row, int column)
{
    auto* item = m_grid->item(row, column);
    const QString id = item != nullptr ? item->data(Qt::UserRole).toString() : QString();
    if (!id.isEmpty()) {
        select(id.toStdString());
        return;
    }
    if (column < 0 || column >= static_cast<int>(m_day.columns.size())) {
        return;
    }
    m_selected.clear();
    updateActions();
    newAppointment(m_day.columns[static_cast<std::size_t>(column)].master.employeeId, m_firstMin + row * kSlotMin);
}

void AppointmentsScreen::updateActions()
{
    const auto* a = selected();
    const bool scheduled = a != nullptr && a->status == "scheduled";
    m_toSale->setEnabled(scheduled && !a->items.empty());
    m_move->setEnabled(scheduled);
    m_cancel->setEnabled(scheduled);
    if (a == nullptr) {
        m_info->setText(tr("Нажмите на свободное время, чтобы записать клиента, или на запись, чтобы выбрать её."));
        return;
    }
    QString master;
    for (const auto& column : m_day.columns) {
        if (column.master.employeeId == a->staffId) {
            master = QString::fromStdString(column.master.name);
        }
    }
    QString text = describe(*a);
    text.replace(QLatin1Char('\n'), QStringLiteral(" · "));
    m_info->setText(tr("Выбрана запись: %1 · мастер %2").arg(text, master));
}

void AppointmentsScreen::newAppointment(const std::string& masterId, int startMin)
{
    std::vector<store::Master> masters;
    for (const auto& column : m_day.columns) {
        masters.push_back(column.master);
    }
    AppointmentDialog::Setup setup{m_date, std::move(masters), m_services, masterId, startMin, std::nullopt, {}};
    auto* dialog = new AppointmentDialog(m_window, std::move(setup), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AppointmentDialog::saved, this, [this](const QString& id) {
        m_selected = id.toStdString();
        m_message->setText(tr("Клиент записан"));
        reload();
    });
    dialog->open();
}

void AppointmentsScreen::moveSelected()
{
    const auto* a = selected();
    if (a == nullptr) {
        return;
    }
    std::vector<store::Master> masters;
    for (const auto& column : m_day.columns) {
        masters.push_back(column.master);
    }
    std::string customer;
    if (a->customerId) {
        auto it = m_day.customerNames.find(*a->customerId);
        customer = it != m_day.customerNames.end() ? it->second : std::string();
    }
    AppointmentDialog::Setup setup{m_date, std::move(masters), {}, a->staffId, 0, *a, customer};
    auto* dialog = new AppointmentDialog(m_window, std::move(setup), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AppointmentDialog::saved, this, [this] {
        m_message->setText(tr("Запись перенесена"));
        reload();
    });
    dialog->open();
}

void AppointmentsScreen::cancelSelected()
{
    const auto* a = selected();
    if (a == nullptr) {
        return;
    }
    auto* ask = new QInputDialog(this);
    ask->setObjectName(QStringLiteral("apptCancelReason"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Отмена записи"));
    ask->setLabelText(tr("Причина отмены (видна в журнале):"));
    ask->setOkButtonText(tr("Отменить запись"));
    ask->setCancelButtonText(tr("Не отменять"));
    ask->setMinimumWidth(460);
    connect(ask, &QInputDialog::textValueSelected, this, [this, id = a->id](const QString& reason) {
        runJob<store::Appointment>(
            m_window, this,
            [&rt = m_window.runtime(), id, reason = reason.trimmed().toStdString()] {
                return till::AppointmentService(rt.till(), rt.lookup()).cancel(id, reason, rt.cashier());
            },
            [this](core::Result<store::Appointment>& cancelled) {
                if (!cancelled.ok()) {
                    m_message->setText(ServicesMessage::text(cancelled.error()));
                    return;
                }
                m_selected.clear();
                m_message->setText(tr("Запись отменена"));
                reload();
            });
    });
    ask->open();
}

void AppointmentsScreen::toSale()
{
    const auto* a = selected();
    if (a == nullptr) {
        return;
    }
    QString label = describe(*a);
    label.replace(QLatin1Char('\n'), QStringLiteral(" · "));
    runJob<bool>(
        m_window, this,
        [&rt = m_window.runtime(), id = a->id]() -> core::Result<bool> {
            SIGMA_TRY(till::AppointmentService(rt.till(), rt.lookup()).toSale(id, rt.sale()));
            return true;
        },
        [this, id = a->id, label](core::Result<bool>& done) {
            if (!done.ok()) {
                m_message->setText(ServicesMessage::text(done.error()));
                return;
            }
            if (auto* sale = qobject_cast<ServicesSaleScreen*>(m_window.screen(QStringLiteral("salon")))) {
                sale->setAppointment(id, label);
            }
            m_window.showScreen(QStringLiteral("salon"));
        });
}

} // namespace sigma::terminal
