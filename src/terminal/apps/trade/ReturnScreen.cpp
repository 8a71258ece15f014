#include "terminal/apps/trade/ReturnScreen.h"

#include "core/Clock.h"
#include "core/ErrorCodes.h"
#include "core/VatRate.h"
#include "fiscal/ffd/ReceiptQr.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "till/TillErrors.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLocale>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace sigma::terminal {

namespace {

QString money(core::Money m)
{
    return Format::money(m);
}

QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role = "secondary")
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    b->setProperty("role", QString::fromLatin1(role));
    b->setMinimumHeight(64);
    b->setFocusPolicy(Qt::NoFocus);
    return b;
}

constexpr int kQuantityColumn = 2;

} // namespace

ReturnScreen::ReturnScreen(MainWindow& window)
    : m_window(window), m_number(new QLineEdit(this)), m_info(new QLabel(this)), m_dayLabel(new QLabel(this)),
      m_middle(new QStackedWidget(this)), m_dayList(new QListWidget(this)), m_lines(new QTableWidget(0, 4, this)),
      m_refund(button(tr("Оформить возврат"), "returnRefund", this, "primary"))
{
    m_number->setObjectName(QStringLiteral("returnDocNumber"));
    m_number->setPlaceholderText(tr("Номер ФД из чека или отсканируйте QR-код чека"));
    m_number->setInputMethodHints(Qt::ImhDigitsOnly);
    m_number->setMinimumHeight(56);
    auto* find = button(tr("Найти чек"), "returnFind", this);
    auto* free = button(tr("Возврат без чека"), "returnFreeForm", this);
    auto* qty = button(tr("Изменить кол-во"), "returnQty", this);
    m_info->setObjectName(QStringLiteral("returnInfo"));
    m_info->setWordWrap(true);
    m_lines->setObjectName(QStringLiteral("returnLines"));
    m_lines->setHorizontalHeaderLabels({tr("Товар"), tr("Продано"), tr("Вернуть"), tr("Сумма")});
    m_lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->verticalHeader()->setVisible(false);
    m_lines->verticalHeader()->setDefaultSectionSize(52);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lines->setFocusPolicy(Qt::NoFocus);

    auto* previous = button(QStringLiteral("◀"), "returnPrevDay", this);
    auto* next = button(QStringLiteral("▶"), "returnNextDay", this);
    auto* byDate = button(tr("Чеки за день"), "returnByDate", this);
    for (auto* arrow : {previous, next}) {
        arrow->setMinimumWidth(72);
        arrow->setToolTip(arrow == previous ? tr("Предыдущий день") : tr("Следующий день"));
    }
    m_dayLabel->setObjectName(QStringLiteral("returnDate"));
    m_dayLabel->setAlignment(Qt::AlignCenter);
    m_dayLabel->setMinimumWidth(150);
    m_dayList->setObjectName(QStringLiteral("returnDayList"));
    m_middle->addWidget(m_lines);
    m_middle->addWidget(m_dayList);

    auto* top = new QHBoxLayout;
    top->addWidget(m_number, 1);
    top->addWidget(find);
    top->addWidget(free);
    auto* dayRow = new QHBoxLayout;
    dayRow->addWidget(previous);
    dayRow->addWidget(m_dayLabel);
    dayRow->addWidget(next);
    dayRow->addWidget(byDate);
    dayRow->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(qty);
    bottom->addStretch(1);
    bottom->addWidget(m_refund);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addLayout(top);
    layout->addLayout(dayRow);
    layout->addWidget(m_info);
    layout->addWidget(m_middle, 1);
    layout->addLayout(bottom);

    connect(find, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const uint number = m_number->text().trimmed().toUInt(&ok);
        if (!ok || number == 0) {
            m_info->setText(tr("Введите номер фискального документа (ФД) из чека"));
            return;
        }
        findByNumber(number);
    });
    connect(m_number, &QLineEdit::returnPressed, find, &QPushButton::click);
    connect(qty, &QPushButton::clicked, this, &ReturnScreen::editQuantity);
    connect(m_refund, &QPushButton::clicked, this, &ReturnScreen::refund);
    connect(free, &QPushButton::clicked, this, &ReturnScreen::freeForm);
    connect(previous, &QPushButton::clicked, this, [this] { moveDay(-1); });
    connect(next, &QPushButton::clicked, this, [this] { moveDay(1); });
    connect(byDate, &QPushButton::clicked, this, &ReturnScreen::listDay);
    connect(m_dayList, &QListWidget::itemClicked, this, [this] {
        const int row = m_dayList->currentRow();
        if (row < 0 || row >= static_cast<int>(m_dayIds.size())) {
            return;
        }
        auto found = m_window.runtime().till().receipts().find(m_dayIds[static_cast<std::size_t>(row)]);
        if (!found.ok() || !*found) {
            m_info->setText(tr("Чек не найден"));
            return;
        }
        m_number->setText(QString::number((*found)->fiscalDocumentNumber.value_or(0)));
        showReceipt(**found);
    });
}

void ReturnScreen::moveDay(int days)
{
    const QDate today =
        QDateTime::fromMSecsSinceEpoch(core::toUnixMicros(m_window.runtime().clock().now()) / 1000).date();
    const QDate day = m_day.addDays(days);
    if (day > today) {
        return; // no sales in the future
    }
    m_day = day;
    m_dayLabel->setText(QLocale().toString(m_day, QLocale::ShortFormat));
    listDay();
}

void ReturnScreen::listDay()
{
    // The day in the shop's local time, as the buyer remembers it.
    const std::int64_t fromUs = QDateTime(m_day, QTime(0, 0)).toMSecsSinceEpoch() * 1000;
    const std::int64_t toUs = QDateTime(m_day.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() * 1000;
    auto& receipts = m_window.runtime().till().receipts();
    auto ids = receipts.fiscalizedIdsBetween("sell", fromUs, toUs);
    m_dayList->clear();
    m_dayIds.clear();
    m_originalId.reset();
    m_refund->setEnabled(false);
    if (!ids.ok()) {
        m_info->setText(DeviceMessage::fromError(ids.error()).text());
        return;
    }
    // Newest first: the buyer usually comes back soon after the purchase.
    for (auto it = ids->rbegin(); it != ids->rend(); ++it) {
        auto r = receipts.find(*it);
        if (!r.ok() || !*r) {
            continue;
        }
        const auto& receipt = **r;
        const QString when =
            QDateTime::fromMSecsSinceEpoch(receipt.createdAtUs / 1000).toString(QStringLiteral("HH:mm"));
        QString first = receipt.lines.empty() ? QString() : QString::fromStdString(receipt.lines.front().name);
        if (receipt.lines.size() > 1) {
            first += tr(" и ещё %1").arg(receipt.lines.size() - 1);
        }
        auto* item = new QListWidgetItem(tr("%1 · ФД № %2 · %3 · %4")
                                             .arg(when)
                                             .arg(receipt.fiscalDocumentNumber.value_or(0))
                                             .arg(money(receipt.total), first));
        item->setSizeHint(QSize(0, 56));
        m_dayList->addItem(item);
        m_dayIds.push_back(receipt.id);
    }
    m_info->setText(m_dayIds.empty() ? tr("За %1 продаж нет").arg(m_dayLabel->text())
                                     : tr("Продажи за %1: %2. Выберите чек.").arg(m_dayLabel->text()).arg(m_dayIds.size()));
    m_middle->setCurrentWidget(m_dayList);
}

void ReturnScreen::activate()
{
    m_originalId.reset();
    m_lines->setRowCount(0);
    m_refund->setEnabled(false);
    m_number->clear();
    m_day = QDateTime::fromMSecsSinceEpoch(core::toUnixMicros(m_window.runtime().clock().now()) / 1000).date();
    m_dayLabel->setText(QLocale().toString(m_day, QLocale::ShortFormat));
    m_dayList->clear();
    m_dayIds.clear();
    m_middle->setCurrentWidget(m_lines);
    m_info->setText(tr("Найдите чек продажи: номер ФД, QR-код с чека или день покупки."));
}

void ReturnScreen::scanReceiptQr(const QString& text)
{
    auto qr = fiscal::ffd::parseReceiptQr(text.toStdString());
    if (!qr.ok()) {
        m_info->setText(tr("Это не QR-код кассового чека. Отсканируйте QR-код внизу чека."));
        return;
    }
    m_number->setText(QString::number(qr->fiscalDocumentNumber));
    findByNumber(qr->fiscalDocumentNumber);
}

void ReturnScreen::findByNumber(std::uint32_t number)
{
    auto& rt = m_window.runtime();
    auto found = rt.till().receipts().findByDocumentNumber(number);
    if (!found.ok() || !*found || (*found)->operation != "sell") {
        m_info->setText(tr("Чек продажи № %1 не найден на этой кассе").arg(number));
        m_lines->setRowCount(0);
        m_refund->setEnabled(false);
        return;
    }
    showReceipt(**found);
}

void ReturnScreen::showReceipt(const store::ReceiptRecord& receipt)
{
    auto& rt = m_window.runtime();
    const auto number = receipt.fiscalDocumentNumber.value_or(0);
    m_middle->setCurrentWidget(m_lines);
    auto returned = rt.till().receipts().returnedQuantities(receipt.id);
    m_originalId = receipt.id;
    m_uuid = rt.newUuid();
    m_lines->setRowCount(static_cast<int>(receipt.lines.size()));
    for (std::size_t i = 0; i < receipt.lines.size(); ++i) {
        const auto& line = receipt.lines[i];
        std::int64_t already = 0;
        if (returned.ok()) {
            if (auto it = returned->find(line.position); it != returned->end()) {
                already = it->second;
            }
        }
        const auto left = core::Quantity::fromThousandths(line.quantity.thousandths() - already);
        const int row = static_cast<int>(i);
        auto* name = new QTableWidgetItem(QString::fromStdString(line.name));
        name->setData(Qt::UserRole, line.position);
        m_lines->setItem(row, 0, name);
        m_lines->setItem(row, 1, new QTableWidgetItem(Format::quantity(line.quantity)));
        auto* back = new QTableWidgetItem(Format::quantity(left));
        back->setData(Qt::UserRole, static_cast<qlonglong>(left.thousandths()));
        m_lines->setItem(row, kQuantityColumn, back);
        m_lines->setItem(row, 3, new QTableWidgetItem(money(line.amount)));
    }
    m_info->setText(tr("Чек ФД № %1 на %2. Отметьте количество к возврату.").arg(number).arg(money(receipt.total)));
    m_refund->setEnabled(true);
}

void ReturnScreen::editQuantity()
{
    const auto rows = m_lines->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const int row = rows.first().row();
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Вернуть"), m_lines->item(row, 0)->text(), QLineEdit::Normal,
                                               m_lines->item(row, kQuantityColumn)->text(), &ok,
                                               Qt::WindowFlags(), Qt::ImhFormattedNumbersOnly);
    if (!ok) {
        return;
    }
    auto q = core::Quantity::parse(text.trimmed().toStdString());
    if (!q.ok()) {
        return;
    }
    auto* item = m_lines->item(row, kQuantityColumn);
    item->setText(Format::quantity(*q));
    item->setData(Qt::UserRole, static_cast<qlonglong>(q->thousandths()));
}

void ReturnScreen::refund()
{
    if (m_running || !m_originalId) {
        return;
    }
    std::vector<till::ReturnLine> lines;
    for (int row = 0; row < m_lines->rowCount(); ++row) {
        const auto thousandths = m_lines->item(row, kQuantityColumn)->data(Qt::UserRole).toLongLong();
        if (thousandths > 0) {
            lines.push_back({m_lines->item(row, 0)->data(Qt::UserRole).toInt(),
                             core::Quantity::fromThousandths(thousandths)});
        }
    }
    if (lines.empty()) {
        m_info->setText(tr("Нечего возвращать: укажите количество"));
        return;
    }
    m_running = true;
    m_refund->setEnabled(false);
    m_info->setText(tr("Возврат… (деньги вернутся тем же способом, что и при оплате)"));
    auto& rt = m_window.runtime();
    auto outcome = std::make_shared<core::Result<till::CheckoutResult>>(core::Error(core::errc::kInternal, "not run"));
    auto& returns = rt.returns();
    m_window.runner().run(
        [outcome, &returns, id = *m_originalId, lines, cashier = rt.cashier(), uuid = m_uuid] {
            *outcome = returns.returnByReceipt(id, lines, cashier, uuid);
        },
        this,
        [this, outcome] {
            m_running = false;
            m_window.statusBar()->refresh();
            if (!outcome->ok()) {
                m_refund->setEnabled(true);
                m_info->setText(DeviceMessage::fromError(outcome->error()).text());
                return;
            }
            const auto& r = (*outcome)->receipt;
            m_lines->setRowCount(0);
            m_originalId.reset();
            m_info->setText(tr("Возврат проведён: ФД № %1, сумма %2")
                                .arg(r.fiscalDocumentNumber.value_or(0))
                                .arg(money(r.total)));
        });
}

void ReturnScreen::freeForm()
{
    auto& rt = m_window.runtime();
    bool ok = false;
    const QString pin = QInputDialog::getText(this, tr("Возврат без чека"), tr("PIN старшего кассира"),
                                              QLineEdit::Password, {}, &ok, Qt::WindowFlags(), Qt::ImhDigitsOnly);
    if (!ok || pin.isEmpty()) {
        return;
    }
    auto approver = rt.auth().authorizeOverride(pin.toStdString(), till::Permission::ReturnWithoutReceipt);
    if (!approver.ok()) {
        m_info->setText(DeviceMessage::fromError(approver.error()).text());
        return;
    }
    const QString name = QInputDialog::getText(this, tr("Возврат без чека"), tr("Товар"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty()) {
        return;
    }
    const QString priceText = QInputDialog::getText(this, tr("Возврат без чека"), tr("Сумма, ₽"), QLineEdit::Normal,
                                                    {}, &ok, Qt::WindowFlags(), Qt::ImhFormattedNumbersOnly);
    auto price = core::Money::parse(priceText.trimmed().toStdString());
    if (!ok || !price.ok()) {
        return;
    }
    core::Receipt receipt;
    receipt.vatDate = rt.till().today();
    core::ReceiptLine line;
    line.name = name.trimmed().toStdString();
    line.unitPrice = *price;
    line.vat = core::VatTable::standard().standardRateOn(receipt.vatDate);
    receipt.lines.push_back(line);
    receipt.payments.push_back({core::PaymentType::Cash, *price});
    auto outcome = std::make_shared<core::Result<till::CheckoutResult>>(core::Error(core::errc::kInternal, "not run"));
    auto& returns = rt.returns();
    m_info->setText(tr("Возврат…"));
    m_window.runner().run(
        [outcome, &returns, receipt, cashier = rt.cashier(), by = approver->id.toString(), uuid = rt.newUuid()] {
            *outcome = returns.freeForm(receipt, cashier, by, uuid);
        },
        this,
        [this, outcome] {
            m_window.statusBar()->refresh();
            if (!outcome->ok()) {
                m_info->setText(DeviceMessage::fromError(outcome->error()).text());
                return;
            }
            m_info->setText(tr("Возврат без чека проведён: ФД № %1, сумма %2")
                                .arg((*outcome)->receipt.fiscalDocumentNumber.value_or(0))
                                .arg(money((*outcome)->receipt.total)));
        });
}

} // namespace sigma::terminal
