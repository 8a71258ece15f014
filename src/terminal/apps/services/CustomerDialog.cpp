#include "terminal/apps/services/CustomerDialog.h"

#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/services/ServicesMessage.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sigma::terminal {

namespace {

QLineEdit* field(const char* name, const QString& placeholder, QWidget* parent)
{
    auto* f = new QLineEdit(parent);
    f->setObjectName(QString::fromLatin1(name));
    f->setPlaceholderText(placeholder);
    f->setMinimumHeight(52);
    return f;
}

/// "+79161234567" as people read it: "+7 916 123-45-67".
QString readablePhone(const std::string& phone)
{
    const QString p = QString::fromStdString(phone);
    if (p.size() != 12 || !p.startsWith(QStringLiteral("+7"))) {
        return p;
    }
    return QStringLiteral("+7 %1 %2-%3-%4").arg(p.mid(2, 3), p.mid(5, 3), p.mid(8, 2), p.mid(10, 2));
}

QString customerLine(const store::Customer& c)
{
    QString text = QString::fromStdString(c.name.empty() ? std::string("—") : c.name);
    if (c.phone) {
        text += QStringLiteral(" · ") + readablePhone(*c.phone);
    }
    return text;
}

QString statusWord(const std::string& status)
{
    if (status == "done") {
        return QCoreApplication::translate("sigma::terminal::CustomerDialog", "выполнена");
    }
    if (status == "cancelled") {
        return QCoreApplication::translate("sigma::terminal::CustomerDialog", "отменена");
    }
    return QCoreApplication::translate("sigma::terminal::CustomerDialog", "запланирована");
}

} // namespace

CustomerDialog::CustomerDialog(MainWindow& window, QWidget* parent, const std::string& cardOf)
    : QDialog(parent), m_window(window), m_pages(new QStackedWidget(this)),
      m_query(field("customerSearch", tr("Телефон (от 3 цифр) или имя"), this)), m_results(new QListWidget(this)),
      m_message(new QLabel(this)), m_name(field("customerName", tr("Имя и фамилия"), this)),
      m_phone(field("customerPhone", QString(), this)),
      m_email(field("customerEmail", tr("E-mail (необязательно)"), this)), m_newMessage(new QLabel(this)),
      m_cardText(new QLabel(this)), m_visits(new QTableWidget(0, 3, this)), m_appointments(new QListWidget(this))
{
    setObjectName(QStringLiteral("customerDialog"));
    setWindowTitle(tr("Клиент"));
    setModal(true);

    // --- search ---
    auto* searchPage = new QWidget(this);
    m_results->setObjectName(QStringLiteral("customerResults"));
    m_results->setProperty("role", QStringLiteral("list"));
    m_message->setObjectName(QStringLiteral("customerMessage"));
    m_message->setWordWrap(true);
    m_message->setProperty("role", QStringLiteral("status"));
    auto* find = touchButton(tr("Найти"), "customerFind", searchPage, "primary");
    connect(find, &QPushButton::clicked, this, &CustomerDialog::search);
    connect(m_query, &QLineEdit::returnPressed, this, &CustomerDialog::search);
    auto* queryRow = new QHBoxLayout;
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(find);
    auto* add = touchButton(tr("Новый клиент"), "customerNew", searchPage);
    auto* card = touchButton(tr("Карточка"), "customerOpenCard", searchPage);
    auto* pick = touchButton(tr("Выбрать"), "customerChoose", searchPage, "primary");
    auto* cancel = touchButton(tr("Отмена"), "customerCancel", searchPage);
    connect(add, &QPushButton::clicked, this, [this] {
        m_newMessage->clear();
        // A query of digits is most likely the phone of the person at the counter.
        QString digits = m_query->text();
        digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
        if (digits.size() == 11 && (digits.startsWith(QLatin1Char('7')) || digits.startsWith(QLatin1Char('8')))) {
            digits = digits.mid(1);
        }
        if (digits.size() == 10) {
            m_phone->setText(digits);
        }
        m_pages->setCurrentIndex(1);
        m_name->setFocus();
    });
    connect(card, &QPushButton::clicked, this, [this] {
        if (const int row = selected(); row >= 0) {
            showCard(m_found[static_cast<std::size_t>(row)].first);
        }
    });
    connect(pick, &QPushButton::clicked, this, [this] {
        if (const int row = selected(); row >= 0) {
            choose(m_found[static_cast<std::size_t>(row)].first, m_found[static_cast<std::size_t>(row)].second);
        }
    });
    connect(m_results, &QListWidget::itemDoubleClicked, this, [this] {
        if (const int row = selected(); row >= 0) {
            choose(m_found[static_cast<std::size_t>(row)].first, m_found[static_cast<std::size_t>(row)].second);
        }
    });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto* searchButtons = new QHBoxLayout;
    searchButtons->addWidget(add);
    searchButtons->addWidget(card);
    searchButtons->addWidget(pick);
    searchButtons->addWidget(cancel);
    auto* searchLayout = new QVBoxLayout(searchPage);
    searchLayout->addLayout(queryRow);
    searchLayout->addWidget(m_results, 1);
    searchLayout->addWidget(m_message);
    searchLayout->addLayout(searchButtons);

    // --- new customer ---
    auto* newPage = new QWidget(this);
    // The +7 is printed, the ten digits are typed: the mask makes the Russian format obvious; the
    // number is still checked by CustomerService (the rule lives there, not here).
    m_phone->setInputMask(QStringLiteral("+7 (999) 999-99-99;_"));
    m_phone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    m_newMessage->setObjectName(QStringLiteral("customerNewMessage"));
    m_newMessage->setWordWrap(true);
    m_newMessage->setProperty("role", QStringLiteral("status"));
    auto* phoneLabel = new QLabel(tr("Телефон"), newPage);
    auto* save = touchButton(tr("Сохранить и выбрать"), "customerSave", newPage, "primary");
    auto* back = touchButton(tr("Назад"), "customerBack", newPage);
    connect(save, &QPushButton::clicked, this, &CustomerDialog::create);
    connect(back, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    auto* newButtons = new QHBoxLayout;
    newButtons->addWidget(back);
    newButtons->addWidget(save);
    auto* newLayout = new QVBoxLayout(newPage);
    newLayout->addWidget(new QLabel(tr("Новый клиент"), newPage));
    newLayout->addWidget(m_name);
    newLayout->addWidget(phoneLabel);
    newLayout->addWidget(m_phone);
    newLayout->addWidget(m_email);
    newLayout->addWidget(m_newMessage);
    newLayout->addStretch(1);
    newLayout->addLayout(newButtons);

    // --- the card ---
    auto* cardPage = new QWidget(this);
    m_cardText->setObjectName(QStringLiteral("customerCardText"));
    m_cardText->setProperty("role", QStringLiteral("title"));
    m_cardText->setWordWrap(true);
    m_visits->setObjectName(QStringLiteral("customerVisits"));
    m_visits->setHorizontalHeaderLabels({tr("Визит"), tr("Чек"), tr("Сумма")});
    m_visits->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_visits->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_visits->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_visits->verticalHeader()->setVisible(false);
    m_visits->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_visits->setSelectionMode(QAbstractItemView::NoSelection);
    m_visits->setFocusPolicy(Qt::NoFocus);
    m_appointments->setObjectName(QStringLiteral("customerAppointments"));
    m_appointments->setProperty("role", QStringLiteral("list"));
    m_appointments->setWordWrap(true);
    m_appointments->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* cardPick = touchButton(tr("Выбрать клиента"), "customerCardChoose", cardPage, "primary");
    auto* cardBack = touchButton(tr("К поиску"), "customerCardBack", cardPage);
    connect(cardPick, &QPushButton::clicked, this, [this] { choose(m_cardId, m_cardName); });
    connect(cardBack, &QPushButton::clicked, this, [this] { m_pages->setCurrentIndex(0); });
    auto* cardButtons = new QHBoxLayout;
    cardButtons->addWidget(cardBack);
    cardButtons->addWidget(cardPick);
    auto* lists = new QHBoxLayout;
    auto* visitsBox = new QVBoxLayout;
    visitsBox->addWidget(new QLabel(tr("Визиты (оплаченные чеки)"), cardPage));
    visitsBox->addWidget(m_visits, 1);
    auto* apptBox = new QVBoxLayout;
    apptBox->addWidget(new QLabel(tr("Записи"), cardPage));
    apptBox->addWidget(m_appointments, 1);
    lists->addLayout(visitsBox, 3);
    lists->addLayout(apptBox, 2);
    auto* cardLayout = new QVBoxLayout(cardPage);
    cardLayout->addWidget(m_cardText);
    cardLayout->addLayout(lists, 1);
    cardLayout->addLayout(cardButtons);

    m_pages->addWidget(searchPage);
    m_pages->addWidget(newPage);
    m_pages->addWidget(cardPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    if (!cardOf.empty()) {
        showCard(cardOf);
    }
}

void CustomerDialog::showEvent(QShowEvent* event)
{
    m_window.placeDialog(this, QSize(820, 600));
    QDialog::showEvent(event);
}

int CustomerDialog::selected() const
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= static_cast<int>(m_found.size())) {
        return -1;
    }
    return row;
}

void CustomerDialog::search()
{
    const std::string query = m_query->text().trimmed().toStdString();
    m_message->setText(tr("Поиск…"));
    runJob<std::vector<store::Customer>>(
        m_window, this,
        [&context = m_window.runtime().till(), query] { return till::CustomerService(context).find(query); },
        [this](core::Result<std::vector<store::Customer>>& found) {
            m_results->clear();
            m_found.clear();
            if (!found.ok()) {
                m_message->setText(ServicesMessage::text(found.error()));
                return;
            }
            for (const auto& c : *found) {
                m_results->addItem(customerLine(c));
                m_found.emplace_back(c.id.toString(), QString::fromStdString(c.name));
            }
            if (!m_found.empty()) {
                m_results->setCurrentRow(0);
            }
            m_message->setText(m_found.empty() ? tr("Никого не нашли. Создайте нового клиента.")
                                               : tr("Найдено: %1").arg(m_found.size()));
        });
}

void CustomerDialog::create()
{
    // With a mask, text() keeps the separators and drops the unfilled places, so an incomplete
    // number reaches the service as it is and is refused there in words.
    const QString digits = m_phone->text().remove(QRegularExpression(QStringLiteral("[^0-9]")));
    till::NewCustomer customer{m_name->text().trimmed().toStdString(),
                               digits.size() <= 1 ? std::string() : m_phone->text().toStdString(),
                               m_email->text().trimmed().toStdString()};
    m_newMessage->setText(tr("Сохранение…"));
    runJob<store::Customer>(
        m_window, this,
        [&rt = m_window.runtime(), customer] {
            return till::CustomerService(rt.till()).create(customer, rt.cashier());
        },
        [this](core::Result<store::Customer>& created) {
            if (!created.ok()) {
                m_newMessage->setText(ServicesMessage::text(created.error()));
                return;
            }
            choose(created->id.toString(), QString::fromStdString(created->name));
        });
}

void CustomerDialog::showCard(const std::string& id)
{
    m_cardId = id;
    m_pages->setCurrentIndex(2);
    m_cardText->setText(tr("Загрузка…"));
    runJob<till::CustomerCard>(
        m_window, this, [&context = m_window.runtime().till(), id] { return till::CustomerService(context).card(id); },
        [this](core::Result<till::CustomerCard>& card) {
            m_visits->setRowCount(0);
            m_appointments->clear();
            if (!card.ok()) {
                m_cardText->setText(ServicesMessage::text(card.error()));
                return;
            }
            const auto& c = card->customer;
            m_cardName = QString::fromStdString(c.name);
            core::Money spent = core::Money::zero();
            for (const auto& v : card->visits) {
                spent = core::Money::fromKopecks(spent.kopecks() + v.total.kopecks());
            }
            QString head = customerLine(c);
            if (c.email && !c.email->empty()) {
                head += QStringLiteral(" · ") + QString::fromStdString(*c.email);
            }
            m_cardText->setText(head + QStringLiteral("\n") +
                                tr("Визитов: %1 на сумму %2").arg(card->visits.size()).arg(Format::money(spent)));
            for (const auto& v : card->visits) {
                const int row = m_visits->rowCount();
                m_visits->insertRow(row);
                const auto when = QDateTime::fromMSecsSinceEpoch(v.createdAtUs / 1000).toLocalTime();
                m_visits->setItem(row, 0, new QTableWidgetItem(when.toString(QStringLiteral("dd.MM.yyyy HH:mm"))));
                m_visits->setItem(row, 1,
                                  new QTableWidgetItem(v.fiscalDocumentNumber
                                                           ? tr("ФД № %1").arg(*v.fiscalDocumentNumber)
                                                           : QStringLiteral("—")));
                m_visits->setItem(row, 2, new QTableWidgetItem(Format::money(v.total)));
            }
            for (const auto& a : card->appointments) {
                const QString local = QString::fromStdString(till::formatLocalDateTime(a.startsAtUs));
                const QString when = QDateTime::fromString(local, QStringLiteral("yyyy-MM-ddTHH:mm"))
                                         .toString(QStringLiteral("dd.MM HH:mm"));
                QStringList names;
                for (const auto& item : a.items) {
                    names << QString::fromStdString(item.name);
                }
                m_appointments->addItem(
                    QStringLiteral("%1 · %2\n%3").arg(when, statusWord(a.status), names.join(QStringLiteral(", "))));
            }
        });
}

void CustomerDialog::choose(const std::string& id, const QString& name)
{
    if (id.empty()) {
        return;
    }
    emit chosen(QString::fromStdString(id), name);
    accept();
}

} // namespace sigma::terminal
