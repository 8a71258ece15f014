#include "terminal/apps/services/AppointmentDialog.h"

#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/services/CustomerDialog.h"
#include "terminal/apps/services/ServicesMessage.h"
#include "till/AppointmentService.h"
#include "till/LocalTime.h"

#include <QComboBox>
#include <QDate>
#include <QFont>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sigma::terminal {

namespace {

// This dialog keeps its own button height rather than touchButton's default: its layout was
// measured with it.
QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role = "secondary")
{
    return touchButton(text, name, parent, role, 52);
}

QComboBox* combo(const char* name, QWidget* parent)
{
    auto* c = new QComboBox(parent);
    c->setObjectName(QString::fromLatin1(name));
    c->setMinimumHeight(46);
    return c;
}

} // namespace

AppointmentDialog::AppointmentDialog(MainWindow& window, Setup setup, QWidget* parent)
    : QDialog(parent), m_window(window), m_setup(std::move(setup)), m_master(combo("apptMaster", this)),
      m_time(combo("apptTime", this)), m_duration(combo("apptDuration", this)), m_customer(new QLabel(this)),
      m_services(new QListWidget(this)), m_note(new QLineEdit(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("appointmentDialog"));
    const bool moving = m_setup.moving.has_value();
    setWindowTitle(moving ? tr("Перенос записи") : tr("Новая запись"));
    setModal(true);

    for (const auto& m : m_setup.masters) {
        if (!m.active) {
            continue;
        }
        QString text = QString::fromStdString(m.name);
        if (m.workFromMin && m.workToMin) {
            text += QStringLiteral(" (%1–%2)")
                        .arg(QString::fromStdString(till::formatMinuteOfDay(*m.workFromMin)),
                             QString::fromStdString(till::formatMinuteOfDay(*m.workToMin)));
        }
        m_master->addItem(text, QString::fromStdString(m.employeeId));
    }
    int startMin = m_setup.startMin;
    int durationMin = 60;
    std::string masterId = m_setup.masterId;
    if (moving) {
        const auto& a = *m_setup.moving;
        masterId = a.staffId;
        startMin = static_cast<int>((a.startsAtUs - till::localMidnightUs(m_setup.date)) / 60'000'000);
        durationMin = static_cast<int>((a.endsAtUs - a.startsAtUs) / 60'000'000);
    }
    if (const int i = m_master->findData(QString::fromStdString(masterId)); i >= 0) {
        m_master->setCurrentIndex(i);
    }
    for (int t = kFirstMinute; t < kLastMinute; t += kStepMin) {
        m_time->addItem(QString::fromStdString(till::formatMinuteOfDay(t)), t);
    }
    if (m_time->findData(startMin) < 0) {
        m_time->addItem(QString::fromStdString(till::formatMinuteOfDay(startMin)), startMin); // an odd booked time
    }
    m_time->setCurrentIndex(m_time->findData(startMin));
    for (int d = 15; d <= 240; d += 15) {
        m_duration->addItem(tr("%1 ч %2 мин").arg(d / 60).arg(d % 60, 2, 10, QLatin1Char('0')), d);
    }
    if (m_duration->findData(durationMin) < 0) {
        m_duration->addItem(tr("%1 мин").arg(durationMin), durationMin);
    }
    m_duration->setCurrentIndex(m_duration->findData(durationMin));

    m_customer->setObjectName(QStringLiteral("apptCustomer"));
    m_customer->setWordWrap(true);
    m_customer->setText(tr("Без клиента"));
    auto* customerButton = button(tr("Выбрать или создать клиента"), "apptCustomerPick", this);
    connect(customerButton, &QPushButton::clicked, this, &AppointmentDialog::pickCustomer);
    m_services->setObjectName(QStringLiteral("apptServices"));
    m_services->setProperty("role", QStringLiteral("list"));
    // Two columns of services: a 600-pixel screen still shows several without scrolling.
    m_services->setFlow(QListView::LeftToRight);
    m_services->setWrapping(true);
    m_services->setResizeMode(QListView::Adjust);
    m_services->setUniformItemSizes(true);
    for (const auto& s : m_setup.services) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 — %2").arg(QString::fromStdString(s.name), Format::money(s.price)), m_services);
        item->setData(Qt::UserRole, QString::fromStdString(s.sku));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setSizeHint(QSize(330, 44)); // a row a finger can hit
    }
    // A tap anywhere on the row ticks it: the check box alone is too small for a finger.
    connect(m_services, &QListWidget::itemClicked, this, [](QListWidgetItem* item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    m_note->setObjectName(QStringLiteral("apptNote"));
    m_note->setPlaceholderText(tr("Комментарий"));
    m_note->setMinimumHeight(46);
    customerButton->setText(tr("Выбрать / создать"));
    m_message->setObjectName(QStringLiteral("apptDialogMessage"));
    m_message->setWordWrap(true);
    m_message->setProperty("role", QStringLiteral("status"));

    auto* form = new QFormLayout;
    const QLocale locale;
    const QDate day(static_cast<int>(m_setup.date.year()), static_cast<int>(unsigned(m_setup.date.month())),
                    static_cast<int>(unsigned(m_setup.date.day())));
    auto* heading =
        new QLabel(moving ? tr("Перенос: %1")
                                .arg(QString::fromStdString(m_setup.movingCustomer.empty() ? std::string("—")
                                                                                           : m_setup.movingCustomer))
                          : tr("Новая запись на %1").arg(locale.toString(day, QStringLiteral("d MMMM, dddd"))),
                   this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);
    form->addRow(tr("Мастер"), m_master);
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(m_time, 1);
    timeRow->addWidget(m_duration, 1);
    form->addRow(tr("Время и длительность"), timeRow);
    auto* customerRow = new QHBoxLayout;
    customerRow->addWidget(m_customer, 1);
    customerRow->addWidget(customerButton);
    if (!moving) {
        form->addRow(tr("Клиент"), customerRow);
        form->addRow(tr("Комментарий"), m_note);
    }
    auto* save = button(moving ? tr("Перенести") : tr("Записать"), "apptSave", this, "primary");
    auto* cancel = button(tr("Отмена"), "apptDialogCancel", this);
    connect(save, &QPushButton::clicked, this, &AppointmentDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(cancel);
    buttons->addWidget(save);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(4);
    form->setVerticalSpacing(4);
    layout->addWidget(heading);
    layout->addLayout(form);
    if (moving) {
        m_customer->hide();
        customerButton->hide();
        m_services->hide();
        m_note->hide();
        layout->addStretch(1);
    } else {
        layout->addWidget(new QLabel(tr("Услуги (отметьте одну или несколько)"), this));
        layout->addWidget(m_services, 1);
    }
    layout->addWidget(m_message);
    layout->addLayout(buttons);
}

void AppointmentDialog::showEvent(QShowEvent* event)
{
    m_window.placeDialog(this, m_setup.moving ? QSize(620, 380) : QSize(760, 640));
    QDialog::showEvent(event);
}

void AppointmentDialog::pickCustomer()
{
    auto* dialog = new CustomerDialog(m_window, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CustomerDialog::chosen, this, [this](const QString& id, const QString& name) {
        m_customerId = id.toStdString();
        m_customer->setText(tr("Клиент: %1").arg(name));
    });
    dialog->open();
}

void AppointmentDialog::save()
{
    const std::string staffId = m_master->currentData().toString().toStdString();
    const std::int64_t startUs =
        till::localMidnightUs(m_setup.date) + std::int64_t{m_time->currentData().toInt()} * 60'000'000;
    const int durationMin = m_duration->currentData().toInt();
    m_message->setText(tr("Сохранение…"));
    auto& rt = m_window.runtime();
    std::function<core::Result<store::Appointment>()> work;
    if (m_setup.moving) {
        till::AppointmentMove move{startUs, staffId, durationMin};
        work = [&rt, id = m_setup.moving->id, move] {
            return till::AppointmentService(rt.till(), rt.lookup()).move(id, move, rt.cashier());
        };
    } else {
        till::NewAppointment a;
        a.staffId = staffId;
        a.customerId = m_customerId;
        a.startsAtUs = startUs;
        a.durationMin = durationMin;
        a.note = m_note->text().trimmed().toStdString();
        for (int i = 0; i < m_services->count(); ++i) {
            if (m_services->item(i)->checkState() == Qt::Checked) {
                a.services.push_back({m_services->item(i)->data(Qt::UserRole).toString().toStdString(),
                                      {},
                                      {},
                                      core::VatRate::None,
                                      {}});
            }
        }
        work = [&rt, a] { return till::AppointmentService(rt.till(), rt.lookup()).create(a, rt.cashier()); };
    }
    runJob<store::Appointment>(m_window, this, std::move(work), [this](core::Result<store::Appointment>& result) {
        if (!result.ok()) {
            m_message->setText(ServicesMessage::text(result.error()));
            return;
        }
        emit saved(QString::fromStdString(result->id));
        accept();
    });
}

} // namespace sigma::terminal
