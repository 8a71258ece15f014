#include "terminal/apps/food/OrderScreen.h"

#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/food/ModifierDialog.h"
#include "terminal/apps/food/PrintPump.h"
#include "terminal/apps/food/SplitDialog.h"
#include "terminal/apps/food/TablePickDialog.h"
#include "terminal/apps/trade/PaymentDialog.h"
#include "till/HallService.h"
#include "till/KitchenService.h"
#include "till/ModifierService.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QPointer>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <set>

namespace sigma::terminal {

namespace {

/// A one-field question that does not block: `answered` runs with the text when confirmed.
void ask(QWidget* parent, const char* name, const QString& title, const QString& label, const QString& value,
        bool numeric, std::function<void(const QString&)> answered)
{
    auto* dialog = new QInputDialog(parent);
    dialog->setObjectName(QString::fromLatin1(name));
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(value);
    dialog->setOkButtonText(QCoreApplication::translate("sigma::terminal::OrderScreen", "Готово"));
    dialog->setCancelButtonText(QCoreApplication::translate("sigma::terminal::OrderScreen", "Отмена"));
    dialog->setMinimumWidth(420);
    if (numeric) {
        dialog->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QInputDialog::textValueSelected, parent,
                     [answered = std::move(answered)](const QString& text) { answered(text.trimmed()); });
    dialog->open();
}

} // namespace

OrderScreen::OrderScreen(MainWindow& window, PrintPump& pump)
    : m_window(window), m_pump(pump), m_search(new QLineEdit(this)), m_searchTimer(new QTimer(this)),
      m_left(new QStackedWidget(this)), m_results(new QListWidget(this)), m_tilesPage(new QWidget(this)),
      m_categoryRow(new QHBoxLayout), m_tileGrid(new QGridLayout), m_title(new QLabel(this)),
      m_lines(new QTableWidget(0, 3, this)), m_parts(new QLabel(this)), m_total(new QLabel(this)),
      m_info(new QLabel(this)), m_printers(new QLabel(this)),
      m_pay(touchButton(tr("Оплатить"), "orderPay", this, "primary"))
{
    m_search->setObjectName(QStringLiteral("orderSearch"));
    m_search->setPlaceholderText(tr("Поиск блюда"));
    m_search->setMinimumHeight(52);
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchTimer->start(); });
    connect(m_searchTimer, &QTimer::timeout, this, &OrderScreen::runSearch);
    m_results->setObjectName(QStringLiteral("orderResults"));
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_results->row(item);
        if (row >= 0 && row < static_cast<int>(m_resultIds.size())) {
            addProduct(m_resultIds[static_cast<std::size_t>(row)]);
            m_search->clear();
            m_left->setCurrentWidget(m_tilesPage);
        }
    });

    auto* tilesLayout = new QVBoxLayout(m_tilesPage);
    tilesLayout->setContentsMargins(0, 0, 0, 0);
    auto* categoryHost = new QWidget(m_tilesPage);
    categoryHost->setLayout(m_categoryRow);
    m_categoryRow->setContentsMargins(0, 0, 0, 0);
    auto* categoryScroll = dragScrollArea(categoryHost, m_tilesPage, Qt::Horizontal);
    categoryScroll->setFixedHeight(76);
    auto* tileHost = new QWidget(m_tilesPage);
    tileHost->setLayout(m_tileGrid);
    m_tileGrid->setSpacing(8);
    auto* tileScroll = dragScrollArea(tileHost, m_tilesPage, Qt::Vertical);
    tilesLayout->addWidget(categoryScroll);
    tilesLayout->addWidget(tileScroll, 1);
    m_left->addWidget(m_tilesPage);
    m_left->addWidget(m_results);
    auto* left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(m_left, 1);

    m_title->setObjectName(QStringLiteral("orderTitle"));
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setWordWrap(true); // a long table name must not widen the screen
    m_lines->setObjectName(QStringLiteral("orderLines"));
    setUpLineTable(m_lines, {tr("Блюдо (● ещё не на кухне, ✓ отправлено)"), tr("Кол-во"), tr("Сумма")});
    m_lines->setWordWrap(true);
    m_parts->setObjectName(QStringLiteral("orderParts"));
    m_parts->setWordWrap(true);
    m_total->setObjectName(QStringLiteral("orderTotal"));
    m_total->setProperty("role", QStringLiteral("total"));
    m_info->setObjectName(QStringLiteral("orderInfo"));
    m_info->setWordWrap(true);
    m_printers->setObjectName(QStringLiteral("orderPrinters"));
    m_printers->setWordWrap(true);
    m_printers->setText(m_pump.statusText());
    connect(&m_pump, &PrintPump::statusChanged, this, [this](const QString& text, bool problem) {
        m_printers->setText(text);
        m_printers->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    });

    auto* back = touchButton(tr("◀ Зал"), "orderBack", this);
    connect(back, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("hall")); });
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(back);
    titleRow->addWidget(m_title, 1);
    auto* guests = touchButton(tr("Гости"), "orderGuests", this);
    titleRow->addWidget(guests);

    // Two rows of line and order actions under the dishes, three bill actions above the total:
    // the screen's minimum width stays under 1024 pixels (a wider page would widen the window).
    auto* lineRow = new QGridLayout;
    lineRow->addWidget(touchButton(tr("Кол-во"), "orderQty", this), 0, 0);
    lineRow->addWidget(touchButton(tr("Комментарий"), "orderComment", this), 0, 1);
    lineRow->addWidget(touchButton(tr("Удалить"), "orderRemove", this), 0, 2);
    lineRow->addWidget(touchButton(tr("Перенести"), "orderMove", this), 1, 0);
    lineRow->addWidget(touchButton(tr("Отменить заказ"), "orderCancel", this), 1, 1);
    lineRow->addWidget(touchButton(tr("Оставить\nна смену"), "orderCarry", this), 1, 2);
    auto* billRow = new QHBoxLayout;
    billRow->addWidget(touchButton(tr("На кухню"), "orderSend", this, "primary"));
    billRow->addWidget(touchButton(tr("Пречек"), "orderPreBill", this));
    billRow->addWidget(touchButton(tr("Разделить"), "orderSplit", this));
    auto* payRow = new QHBoxLayout;
    payRow->addWidget(m_total, 1);
    m_pay->setMinimumHeight(64);
    m_pay->setMinimumWidth(160);
    payRow->addWidget(m_pay, 1);

    // The line buttons and the printers' state sit under the dishes: the order's lines get the
    // right column's height (a 600-pixel screen still shows five or more of them).
    left->addLayout(lineRow);
    auto* right = new QVBoxLayout;
    right->setSpacing(6);
    right->addLayout(titleRow);
    right->addWidget(m_lines, 1);
    right->addWidget(m_parts);
    right->addWidget(m_info);
    right->addWidget(m_printers);
    right->addLayout(billRow);
    right->addLayout(payRow);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(12);
    layout->addLayout(left, 9);
    layout->addLayout(right, 11);

    const std::pair<const char*, void (OrderScreen::*)()> actions[] = {
        {"orderQty", &OrderScreen::editQuantity}, {"orderComment", &OrderScreen::editComment},
        {"orderRemove", &OrderScreen::removeLine}, {"orderGuests", &OrderScreen::editGuests},
        {"orderSend", &OrderScreen::sendToKitchen}, {"orderPreBill", &OrderScreen::preBill},
        {"orderSplit", &OrderScreen::split},        {"orderMove", &OrderScreen::moveOrder},
        {"orderCancel", &OrderScreen::cancelOrder}, {"orderPay", &OrderScreen::pay},
        {"orderCarry", &OrderScreen::carryOver},
    };
    for (const auto& [name, slot] : actions) {
        connect(findChild<QPushButton*>(QString::fromLatin1(name)), &QPushButton::clicked, this, slot);
    }
}

void OrderScreen::setOrder(const std::string& orderId)
{
    if (orderId != m_orderId) {
        m_orderId = orderId;
        m_order = {};
        m_info->clear();
        draw();
    }
}

void OrderScreen::activate()
{
    loadCategories();
    refresh();
}

void OrderScreen::say(const QString& text)
{
    m_info->setStyleSheet(QString());
    m_info->setText(text);
}

void OrderScreen::sayError(const core::Error& error)
{
    m_info->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_info->setText(DeviceMessage::fromError(error).text());
}

void OrderScreen::refresh()
{
    if (m_orderId.empty()) {
        return;
    }
    auto& rt = m_window.runtime();
    runJob<till::Order>(
        m_window, this,
        [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId] {
            return till::OrderService(context, lookup).find(id);
        },
        [this](core::Result<till::Order>& order) {
            if (!order.ok()) {
                sayError(order.error());
                return;
            }
            if (order->id == m_orderId) {
                m_order = std::move(*order);
                draw();
            }
        });
}

void OrderScreen::draw()
{
    const auto& o = m_order;
    m_title->setText(o.id.empty() ? QString()
                                  : tr("Стол %1 · заказ № %2 · гостей %3")
                                        .arg(QString::fromStdString(o.tableName))
                                        .arg(o.number)
                                        .arg(o.guests));
    m_rowPositions.clear();
    m_lines->setRowCount(0);
    for (const auto& line : o.lines) {
        if (line.removed() && line.sentQuantity.thousandths() == 0) {
            continue; // never reached the kitchen: nothing to show
        }
        QString name = QString::fromStdString(line.name);
        QStringList extra;
        for (const auto& m : line.modifiers) {
            extra << QString::fromStdString(m.option);
        }
        if (!line.comment.empty()) {
            extra << QStringLiteral("«%1»").arg(QString::fromStdString(line.comment));
        }
        if (!extra.isEmpty()) {
            name += QStringLiteral("\n  ") + extra.join(QStringLiteral(", "));
        }
        if (line.removed()) {
            name += tr("\n  отменено (кухня предупреждена)");
        } else if (line.sentQuantity == line.quantity) {
            name = QStringLiteral("✓ ") + name;
        } else {
            name = QStringLiteral("● ") + name; // not sent to the kitchen yet
        }
        const int row = m_lines->rowCount();
        m_lines->insertRow(row);
        m_lines->setItem(row, 0, new QTableWidgetItem(name));
        auto* qty = new QTableWidgetItem(Format::quantity(line.quantity));
        qty->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, 1, qty);
        auto* amount = new QTableWidgetItem(Format::money(till::OrderService::lineAmount(line)));
        amount->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, 2, amount);
        m_rowPositions.push_back(line.position);
    }
    m_lines->resizeRowsToContents();

    QStringList parts;
    const till::BillPart* due = nullptr;
    for (const auto& p : o.parts) {
        parts << tr("Чек %1: %2%3").arg(p.part).arg(Format::money(p.amount), p.paid ? tr(" — оплачен") : QString());
        if (!p.paid && due == nullptr) {
            due = &p;
        }
    }
    m_parts->setVisible(o.parts.size() > 1);
    m_parts->setText(parts.join(QStringLiteral(" · ")));
    m_total->setText(tr("Итого: %1").arg(Format::money(o.total)));
    const bool open = !o.id.empty() && o.status == till::OrderStatus::Open;
    m_pay->setEnabled(open && o.total.isPositive());
    if (due != nullptr && o.parts.size() > 1) {
        m_pay->setText(tr("Оплатить чек %1 — %2").arg(due->part).arg(Format::money(due->amount)));
    } else {
        m_pay->setText(tr("Оплатить"));
    }
    emit orderShown();
}

void OrderScreen::loadCategories()
{
    while (auto* item = m_categoryRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto categories = m_window.runtime().catalog().categories();
    if (!categories.ok()) {
        return;
    }
    QPushButton* first = nullptr;
    QString firstId;
    int index = 0;
    for (const auto& c : *categories) {
        if (!c.parentId.empty()) {
            continue;
        }
        auto* b = touchButton(QString::fromStdString(c.name), "", this);
        b->setObjectName(QStringLiteral("foodCategory_%1").arg(index++));
        b->setCheckable(true);
        b->setAutoExclusive(true);
        const QString id = QString::fromStdString(c.id);
        connect(b, &QPushButton::clicked, this, [this, id] { showCategory(id); });
        m_categoryRow->addWidget(b);
        if (first == nullptr) {
            first = b;
            firstId = id;
        }
    }
    m_categoryRow->addStretch(1);
    if (first != nullptr) {
        first->setChecked(true);
    }
    showCategory(firstId);
}

void OrderScreen::showCategory(const QString& categoryId)
{
    while (auto* item = m_tileGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto products = m_window.runtime().catalog().listByCategory(categoryId.toStdString(), 0, 30);
    if (!products.ok()) {
        return;
    }
    const int columns = window()->width() < 1100 ? 2 : 3;
    int i = 0;
    for (const auto& p : *products) {
        auto* tile = new QPushButton(QStringLiteral("%1\n%2").arg(QString::fromStdString(p.name), Format::money(p.price)),
                                     this);
        tile->setObjectName(QStringLiteral("dish_") + QString::fromStdString(p.sku));
        tile->setProperty("role", QStringLiteral("tile"));
        tile->setMinimumHeight(84);
        tile->setFocusPolicy(Qt::NoFocus);
        tile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        connect(tile, &QPushButton::clicked, this, [this, id = p.id] { addProduct(id); });
        m_tileGrid->addWidget(tile, i / columns, i % columns);
        ++i;
    }
    m_tileGrid->setRowStretch(i / columns + 1, 1);
    m_left->setCurrentWidget(m_tilesPage);
}

void OrderScreen::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_left->setCurrentWidget(m_tilesPage);
        return;
    }
    auto hits = m_window.runtime().lookup().search(text.toStdString(), 30);
    m_results->clear();
    m_resultIds.clear();
    if (hits.ok()) {
        for (const auto& hit : *hits) {
            m_resultIds.push_back(hit.product.id);
            auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(hit.product.name),
                                                                            Format::money(hit.product.price)));
            item->setSizeHint(QSize(0, 56));
            m_results->addItem(item);
        }
    }
    if (m_resultIds.empty()) {
        m_results->addItem(tr("Ничего не найдено"));
    }
    m_left->setCurrentWidget(m_results);
}

void OrderScreen::addProduct(const std::string& productId)
{
    if (m_orderId.empty() || m_busy) {
        return;
    }
    struct Dish {
        store::CatalogProduct product;
        std::vector<till::ModifierGroup> groups;
    };
    auto& rt = m_window.runtime();
    m_busy = true;
    runJob<Dish>(
        m_window, this,
        [&context = rt.till(), &lookup = rt.lookup(), productId]() -> core::Result<Dish> {
            SIGMA_ASSIGN_OR_RETURN(auto product, lookup.byId(productId));
            SIGMA_ASSIGN_OR_RETURN(auto groups, till::ModifierService(context).groupsOf(productId));
            return Dish{std::move(product), std::move(groups)};
        },
        [this](core::Result<Dish>& dish) {
            m_busy = false;
            if (!dish.ok()) {
                sayError(dish.error());
                return;
            }
            till::NewOrderLine line;
            line.productId = dish->product.id;
            if (dish->groups.empty()) {
                addLine(std::move(line), nullptr);
                return;
            }
            auto* dialog = new ModifierDialog(QString::fromStdString(dish->product.name), dish->product.price,
                                              dish->groups, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &ModifierDialog::chosen, this, [this, dialog, line]() mutable {
                line.modifiers = dialog->choices();
                line.comment = dialog->comment().toStdString();
                addLine(line, dialog);
            });
            m_window.placeDialog(dialog, QSize(760, 620));
            dialog->open();
        });
}

void OrderScreen::addLine(till::NewOrderLine line, ModifierDialog* dialog)
{
    if (dialog != nullptr) {
        dialog->setBusy(true);
    }
    auto& rt = m_window.runtime();
    QPointer<ModifierDialog> guard(dialog);
    runJob<till::OrderLine>(
        m_window, this,
        [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, line = std::move(line)] {
            return till::OrderService(context, lookup).addLine(id, line);
        },
        [this, guard, dialog](core::Result<till::OrderLine>& added) {
            if (guard) {
                guard->setBusy(false);
            }
            if (!added.ok()) {
                if (guard) {
                    guard->showError(DeviceMessage::fromError(added.error()).text()); // the dialog stays open
                } else {
                    sayError(added.error());
                }
                return;
            }
            if (dialog != nullptr && guard) {
                guard->accept();
            }
            say(tr("Добавлено: %1").arg(QString::fromStdString(till::OrderService::receiptName(*added))));
            refresh();
        });
}

int OrderScreen::selectedPosition() const
{
    const auto rows = m_lines->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? static_cast<int>(m_rowPositions.size()) - 1 : rows.first().row();
    return row < 0 ? 0 : m_rowPositions[static_cast<std::size_t>(row)];
}

void OrderScreen::change(std::function<core::Status()> work, const QString& done)
{
    runJob<void>(m_window, this, std::move(work), [this, done](core::Status& status) {
        if (status.ok()) {
            say(done);
        } else {
            sayError(status.error());
        }
        refresh();
    });
}

void OrderScreen::editQuantity()
{
    const int position = selectedPosition();
    if (position == 0) {
        return;
    }
    ask(this, "quantityInput", tr("Количество"), tr("Сколько порций"), QString(), true,
        [this, position](const QString& text) {
            auto quantity = core::Quantity::parse(text.toStdString());
            if (!quantity.ok()) {
                sayError(quantity.error());
                return;
            }
            auto& rt = m_window.runtime();
            change([&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, position, q = *quantity] {
                return till::OrderService(context, lookup).setQuantity(id, position, q);
            }, tr("Количество изменено"));
        });
}

void OrderScreen::removeLine()
{
    const int position = selectedPosition();
    if (position == 0) {
        return;
    }
    auto& rt = m_window.runtime();
    change([&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, position] {
        return till::OrderService(context, lookup).removeLine(id, position);
    }, tr("Позиция удалена; если кухня её уже получила, при отправке уйдёт отмена"));
}

void OrderScreen::editComment()
{
    const int position = selectedPosition();
    if (position == 0) {
        return;
    }
    QString current;
    for (const auto& line : m_order.lines) {
        if (line.position == position) {
            current = QString::fromStdString(line.comment);
        }
    }
    ask(this, "commentInput", tr("Комментарий"), tr("Для кухни, например «без лука»"), current, false,
        [this, position](const QString& text) {
            auto& rt = m_window.runtime();
            change([&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, position, c = text.toStdString()] {
                return till::OrderService(context, lookup).setComment(id, position, c);
            }, tr("Комментарий сохранён"));
        });
}

void OrderScreen::editGuests()
{
    if (m_orderId.empty()) {
        return;
    }
    ask(this, "guestsInput", tr("Гости"), tr("Сколько гостей за столом"), QString::number(m_order.guests), true,
        [this](const QString& text) {
            bool number = false;
            const int guests = text.toInt(&number);
            auto& rt = m_window.runtime();
            change([&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, guests = number ? guests : 0] {
                return till::OrderService(context, lookup).setGuests(id, guests);
            }, tr("Гостей: %1").arg(text));
        });
}

void OrderScreen::sendToKitchen()
{
    if (m_orderId.empty()) {
        return;
    }
    auto& rt = m_window.runtime();
    say(tr("Отправляю на кухню…"));
    runJob<std::vector<till::KitchenTicket>>(
        m_window, this, [&context = rt.till(), id = m_orderId] { return till::KitchenService(context).send(id); },
        [this](core::Result<std::vector<till::KitchenTicket>>& tickets) {
            if (!tickets.ok()) {
                sayError(tickets.error());
                refresh();
                return;
            }
            QStringList where;
            for (const auto& t : *tickets) {
                where << tr("№ %1 → %2").arg(t.number).arg(
                    t.printerName.empty() ? tr("экран кухни") : QString::fromStdString(t.printerName));
            }
            say(tr("На кухню отправлено тикетов: %1 (%2). Печать идёт из очереди, её состояние — ниже.")
                    .arg(tickets->size())
                    .arg(where.join(QStringLiteral(", "))));
            m_pump.pumpNow();
            refresh();
        });
}

void OrderScreen::preBill()
{
    if (m_orderId.empty()) {
        return;
    }
    auto& rt = m_window.runtime();
    say(tr("Печать пречека…"));
    runJob<till::Order>(
        m_window, this,
        [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId] {
            return till::OrderService(context, lookup).printPreBill(id);
        },
        [this](core::Result<till::Order>& order) {
            if (!order.ok()) {
                sayError(order.error());
            } else {
                say(tr("Пречек напечатан: %1").arg(Format::money(order->total)));
            }
            refresh();
        });
}

void OrderScreen::split()
{
    if (m_orderId.empty() || m_order.lines.empty()) {
        return;
    }
    auto* dialog = new SplitDialog(m_order, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto& rt = m_window.runtime();
        const int equal = dialog->equalParts();
        auto parts = dialog->parts();
        runJob<till::Order>(
            m_window, this,
            [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, equal, parts] {
                till::OrderService orders(context, lookup);
                return equal > 0 ? orders.splitEqually(id, equal) : orders.splitByLines(id, parts);
            },
            [this](core::Result<till::Order>& order) {
                if (!order.ok()) {
                    sayError(order.error());
                } else {
                    say(tr("Счёт разделён, чеков: %1").arg(order->parts.size()));
                }
                refresh();
            });
    });
    m_window.placeDialog(dialog, QSize(760, 620));
    dialog->open();
}

void OrderScreen::moveOrder()
{
    if (m_orderId.empty()) {
        return;
    }
    runJob<std::vector<till::HallTableView>>(
        m_window, this, [&context = m_window.runtime().till()] { return till::HallService(context).map(); },
        [this](core::Result<std::vector<till::HallTableView>>& map) {
            if (!map.ok()) {
                sayError(map.error());
                return;
            }
            auto* dialog = new TablePickDialog(*map, m_order.tableId, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::accepted, this, [this, dialog] {
                const till::HallTableView target = dialog->target();
                auto& rt = m_window.runtime();
                runJob<till::Order>(
                    m_window, this,
                    [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, target] {
                        till::OrderService orders(context, lookup);
                        if (target.state == till::TableState::Free) {
                            return orders.move(id, target.table.id);
                        }
                        return orders.merge(id, target.orderId);
                    },
                    [this](core::Result<till::Order>& order) {
                        if (!order.ok()) {
                            sayError(order.error());
                            return;
                        }
                        // After a merge the order shown is the one that took the lines.
                        m_orderId = order->id;
                        say(tr("Заказ теперь за столом %1").arg(QString::fromStdString(order->tableName)));
                        refresh();
                    });
            });
            m_window.placeDialog(dialog, QSize(720, 480));
            dialog->open();
        });
}

void OrderScreen::pay()
{
    if (m_orderId.empty() || m_order.status != till::OrderStatus::Open) {
        return;
    }
    PaymentTarget target;
    target.total = m_order.total;
    std::optional<int> part;
    for (const auto& p : m_order.parts) {
        if (!p.paid) {
            target.total = p.amount;
            part = p.part;
            break;
        }
    }
    auto& rt = m_window.runtime();
    target.checkout = [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, part, cashier = rt.cashier()](
                          std::vector<core::Payment> payments, bool electronically,
                          const std::string& contact) -> core::Result<till::CheckoutResult> {
        till::OrderPayment payment;
        payment.part = part;
        payment.payments = std::move(payments);
        payment.electronically = electronically;
        payment.customerContact = contact;
        SIGMA_ASSIGN_OR_RETURN(auto paid, till::OrderService(context, lookup).pay(id, payment, cashier));
        return paid.checkout;
    };
    auto* dialog = new PaymentDialog(m_window, std::move(target), this);
    connect(dialog, &PaymentDialog::finished, this, [this, dialog] {
        dialog->deleteLater();
        m_window.statusBar()->refresh();
        auto& runtime = m_window.runtime();
        runJob<till::Order>(
            m_window, this,
            [&context = runtime.till(), &lookup = runtime.lookup(), id = m_orderId] {
                return till::OrderService(context, lookup).find(id);
            },
            [this](core::Result<till::Order>& order) {
                if (!order.ok()) {
                    sayError(order.error());
                    return;
                }
                m_order = std::move(*order);
                draw();
                if (m_order.status == till::OrderStatus::Paid) {
                    m_window.showScreen(QStringLiteral("hall")); // the table is free again
                }
            });
    });
    dialog->open();
}

void OrderScreen::cancelOrder()
{
    if (m_orderId.empty()) {
        return;
    }
    ask(this, "cancelReason", tr("Отменить заказ"), tr("Причина (попадёт в журнал)"), QString(), false,
        [this](const QString& reason) {
            auto& rt = m_window.runtime();
            runJob<till::Order>(
                m_window, this,
                [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, r = reason.toStdString(),
                 cashier = rt.cashier()] { return till::OrderService(context, lookup).cancel(id, r, cashier); },
                [this](core::Result<till::Order>& order) {
                    if (!order.ok()) {
                        sayError(order.error());
                        return;
                    }
                    m_window.showScreen(QStringLiteral("hall"));
                });
        });
}

void OrderScreen::carryOver()
{
    if (m_orderId.empty()) {
        return;
    }
    // The way out of "the shift cannot close while orders are open" for a table that stays.
    ask(this, "carryReason", tr("Оставить заказ открытым"),
        tr("Заказ останется открытым после закрытия смены. Причина (попадёт в журнал)"), QString(), false,
        [this](const QString& reason) {
            auto& rt = m_window.runtime();
            runJob<till::Order>(
                m_window, this,
                [&context = rt.till(), &lookup = rt.lookup(), id = m_orderId, r = reason.toStdString(),
                 cashier = rt.cashier()] { return till::OrderService(context, lookup).carryOver(id, r, cashier); },
                [this](core::Result<till::Order>& order) {
                    if (!order.ok()) {
                        sayError(order.error());
                        return;
                    }
                    say(tr("Заказ останется открытым: смену можно закрыть"));
                    refresh();
                });
        });
}

} // namespace sigma::terminal
