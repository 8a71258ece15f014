#include "terminal/apps/trade/SaleScreen.h"

#include "core/ErrorCodes.h"
#include "core/VatRate.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/trade/PaymentDialog.h"
#include "terminal/apps/trade/WeighDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

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
    b->setFocusPolicy(Qt::NoFocus); // a tap must not steal the focus from the search field
    return b;
}

/// One line of text from the cashier; empty when cancelled. Numbers get the digits layout of the
/// on-screen keyboard.
QString ask(QWidget* parent, const QString& title, const QString& label, bool numeric, const QString& value = {})
{
    QInputDialog dialog(parent);
    dialog.setWindowTitle(title);
    dialog.setLabelText(label);
    dialog.setTextValue(value);
    dialog.setInputMode(QInputDialog::TextInput);
    dialog.setOkButtonText(QCoreApplication::translate("SaleScreen", "Готово"));
    dialog.setCancelButtonText(QCoreApplication::translate("SaleScreen", "Отмена"));
    dialog.setMinimumWidth(420);
    if (numeric) {
        dialog.setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    }
    if (dialog.exec() != QDialog::Accepted) {
        return {};
    }
    return dialog.textValue().trimmed();
}

} // namespace

SaleScreen::SaleScreen(MainWindow& window)
    : m_window(window), m_search(new QLineEdit(this)), m_searchTimer(new QTimer(this)),
      m_left(new QStackedWidget(this)), m_results(new QListWidget(this)), m_tilesPage(new QWidget(this)),
      m_categoryRow(new QHBoxLayout), m_tileGrid(new QGridLayout), m_cart(new QTableWidget(0, 3, this)),
      m_total(new QLabel(this)), m_vat(new QLabel(this)), m_info(new QLabel(this)),
      m_pay(button(tr("Оплатить"), "payButton", this, "primary"))
{
    m_search->setObjectName(QStringLiteral("saleSearch"));
    m_search->setPlaceholderText(tr("Поиск: название, код или штрихкод"));
    m_search->setMinimumHeight(56);
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchTimer->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        // A typed barcode or SKU confirmed with Enter: treated as a scan.
        const QString text = m_search->text().trimmed();
        if (!text.isEmpty()) {
            addScan(text);
        }
    });
    connect(m_searchTimer, &QTimer::timeout, this, &SaleScreen::runSearch);

    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setProperty("role", QStringLiteral("list"));
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_results->row(item);
        if (row < 0 || row >= static_cast<int>(m_resultIds.size())) {
            return;
        }
        auto product = m_window.runtime().lookup().byId(m_resultIds[static_cast<std::size_t>(row)]);
        if (!product.ok()) {
            problem(DeviceMessage::fromError(product.error()));
            return;
        }
        addProduct(*product);
        m_search->clear();
        m_left->setCurrentWidget(m_tilesPage);
    });

    auto* tilesLayout = new QVBoxLayout(m_tilesPage);
    tilesLayout->setContentsMargins(0, 0, 0, 0);
    auto* categoryHost = new QWidget(m_tilesPage);
    categoryHost->setLayout(m_categoryRow);
    m_categoryRow->setContentsMargins(0, 0, 0, 0);
    auto* categoryScroll = new QScrollArea(m_tilesPage);
    categoryScroll->setWidget(categoryHost);
    categoryScroll->setWidgetResizable(true);
    categoryScroll->setObjectName(QStringLiteral("categoryScroll"));
    categoryScroll->setFrameShape(QFrame::NoFrame);
    categoryScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // A thin bar when the categories do not fit: a cut-off button alone does not say "swipe".
    categoryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    categoryScroll->setFixedHeight(84);
    QScroller::grabGesture(categoryScroll->viewport(), QScroller::LeftMouseButtonGesture); // swipe, no bar
    auto* tileHost = new QWidget(m_tilesPage);
    tileHost->setObjectName(QStringLiteral("tileHost"));
    tileHost->setLayout(m_tileGrid);
    m_tileGrid->setSpacing(8);
    auto* tileScroll = new QScrollArea(m_tilesPage);
    tileScroll->setWidget(tileHost);
    tileScroll->setWidgetResizable(true);
    tileScroll->setFrameShape(QFrame::NoFrame);
    tileScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(tileScroll->viewport(), QScroller::LeftMouseButtonGesture);
    tilesLayout->addWidget(categoryScroll);
    tilesLayout->addWidget(tileScroll, 1);
    m_left->addWidget(m_tilesPage);
    m_left->addWidget(m_results);

    auto* left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(m_left, 1);
    auto* leftRow = new QHBoxLayout;
    leftRow->addWidget(button(tr("Свободная цена"), "freePrice", this));
    leftRow->addWidget(button(tr("Отложить чек"), "holdReceipt", this));
    leftRow->addWidget(button(tr("Отложенные"), "heldReceipts", this));
    left->addLayout(leftRow);

    m_cart->setObjectName(QStringLiteral("cart"));
    m_cart->setHorizontalHeaderLabels({tr("Товар"), tr("Кол-во"), tr("Сумма")});
    m_cart->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cart->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_cart->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_cart->verticalHeader()->setVisible(false);
    m_cart->verticalHeader()->setDefaultSectionSize(52);
    m_cart->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cart->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cart->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cart->setFocusPolicy(Qt::NoFocus);
    m_cart->setWordWrap(true);

    m_total->setObjectName(QStringLiteral("saleTotal"));
    m_total->setProperty("role", QStringLiteral("total"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_vat->setObjectName(QStringLiteral("saleVat"));
    m_vat->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_vat->setWordWrap(true);
    m_info->setObjectName(QStringLiteral("saleInfo"));
    m_info->setWordWrap(true);

    auto* lineRow = new QHBoxLayout;
    lineRow->addWidget(button(tr("Кол-во"), "lineQty", this));
    lineRow->addWidget(button(tr("Скидка"), "lineDiscount", this));
    lineRow->addWidget(button(tr("Удалить"), "lineRemove", this));
    lineRow->addWidget(button(tr("Скидка на чек"), "receiptDiscount", this));

    // Below the cart as little height as possible: one line for the count and VAT, the total
    // beside the pay button, so a 600-pixel screen still shows six or more cart lines.
    auto* infoRow = new QHBoxLayout;
    infoRow->addWidget(m_info);
    infoRow->addWidget(m_vat, 1);
    auto* payRow = new QHBoxLayout;
    payRow->addWidget(m_total, 1);
    m_pay->setMinimumHeight(72);
    m_pay->setMinimumWidth(180);
    payRow->addWidget(m_pay, 1);
    auto* right = new QVBoxLayout;
    right->setSpacing(6);
    right->addWidget(m_cart, 1);
    right->addLayout(lineRow);
    right->addLayout(infoRow);
    right->addLayout(payRow);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(12);
    layout->addLayout(left, 11);
    layout->addLayout(right, 10);

    const std::pair<const char*, void (SaleScreen::*)()> actions[] = {
        {"freePrice", &SaleScreen::freePrice},     {"holdReceipt", &SaleScreen::hold},
        {"heldReceipts", &SaleScreen::showHeld},   {"lineQty", &SaleScreen::editQuantity},
        {"lineDiscount", &SaleScreen::editLineDiscount}, {"lineRemove", &SaleScreen::removeLine},
        {"receiptDiscount", &SaleScreen::editReceiptDiscount},
    };
    for (const auto& [name, slot] : actions) {
        auto* b = findChild<QPushButton*>(QString::fromLatin1(name));
        connect(b, &QPushButton::clicked, this, slot);
    }
    connect(m_pay, &QPushButton::clicked, this, &SaleScreen::pay);
}

void SaleScreen::activate()
{
    loadCategories();
    refreshCart();
    m_search->setFocus();
}

void SaleScreen::resizeEvent(QResizeEvent* event)
{
    // Short screens (1024x600) get slightly lower cart rows: a row is read, not tapped with
    // precision, and six of them must fit.
    m_cart->verticalHeader()->setDefaultSectionSize(height() < 540 ? 42 : 52);
    QWidget::resizeEvent(event);
}

void SaleScreen::problem(const DeviceMessage& message)
{
    m_window.showProblem(message);
}

void SaleScreen::loadCategories()
{
    while (auto* item = m_categoryRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    auto categories = m_window.runtime().catalog().categories();
    if (!categories.ok()) {
        return;
    }
    int index = 0;
    auto addCategory = [this, &index](const QString& title, const QString& id) {
        auto* b = button(title, "", this);
        b->setObjectName(QStringLiteral("category_%1").arg(index++));
        b->setCheckable(true);
        b->setAutoExclusive(true);
        connect(b, &QPushButton::clicked, this, [this, id] { showCategory(id); });
        m_categoryRow->addWidget(b);
        return b;
    };
    QPushButton* first = nullptr;
    for (const auto& c : *categories) {
        if (!c.parentId.empty()) {
            continue; // the tiles show the top level; deeper levels are found by search
        }
        auto* b = addCategory(QString::fromStdString(c.name), QString::fromStdString(c.id));
        if (first == nullptr) {
            first = b;
        }
    }
    auto* none = addCategory(tr("Без категории"), QString());
    if (first == nullptr) {
        first = none;
    }
    m_categoryRow->addStretch(1);
    first->setChecked(true);
    showCategory(first == none ? QString() : QString::fromStdString((*categories)[0].id));
}

void SaleScreen::showCategory(const QString& categoryId)
{
    while (auto* item = m_tileGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    constexpr int kTiles = 24; // a screenful; the rest of a category is found by search
    auto products = m_window.runtime().catalog().listByCategory(categoryId.toStdString(), 0, kTiles);
    if (!products.ok()) {
        return;
    }
    const int columns = window()->width() < 1100 ? 2 : 3;
    int i = 0;
    for (const auto& p : *products) {
        // Long names go on two lines (a button does not wrap by itself) so tiles stay narrow
        // enough for three columns at 1280 px and two at 1024 px.
        QString name = QString::fromStdString(p.name);
        if (name.size() > 16) {
            const int middle = name.size() / 2;
            const int left = name.lastIndexOf(QLatin1Char(' '), middle);
            const int right = name.indexOf(QLatin1Char(' '), middle);
            const int at = left < 0 ? right : (right < 0 ? left : (middle - left <= right - middle ? left : right));
            if (at > 0) {
                name[at] = QLatin1Char('\n');
            }
        }
        auto* tile = new QPushButton(QStringLiteral("%1\n%2%3").arg(name, money(p.price),
                                                                   p.weighed ? tr(" / кг") : QString()),
                                     this);
        tile->setObjectName(QStringLiteral("tile_%1").arg(i));
        tile->setProperty("role", QStringLiteral("tile"));
        tile->setMinimumHeight(96);
        tile->setFocusPolicy(Qt::NoFocus);
        tile->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        const std::string id = p.id;
        connect(tile, &QPushButton::clicked, this, [this, id] {
            auto product = m_window.runtime().lookup().byId(id);
            if (product.ok()) {
                addProduct(*product);
            } else {
                problem(DeviceMessage::fromError(product.error()));
            }
        });
        m_tileGrid->addWidget(tile, i / columns, i % columns);
        ++i;
    }
    m_tileGrid->setRowStretch(i / columns + 1, 1);
    m_left->setCurrentWidget(m_tilesPage);
}

void SaleScreen::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_left->setCurrentWidget(m_tilesPage);
        return;
    }
    auto hits = m_window.runtime().lookup().search(text.toStdString(), 30);
    m_results->clear();
    m_resultIds.clear();
    if (!hits.ok()) {
        return;
    }
    for (const auto& hit : *hits) {
        m_resultIds.push_back(hit.product.id);
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(QString::fromStdString(hit.product.name),
                                                                        money(hit.product.price)));
        item->setSizeHint(QSize(0, 56));
        m_results->addItem(item);
    }
    if (hits->empty()) {
        m_results->addItem(tr("Ничего не найдено"));
    }
    m_left->setCurrentWidget(m_results);
}

void SaleScreen::addScan(const QString& code)
{
    QElapsedTimer timer;
    timer.start();
    auto added = m_window.runtime().sale().addByScan(code.toStdString());
    if (!added.ok() && added.error().code == core::errc::kBadQuantity) {
        // A weighed product scanned by its plain barcode: the weight from the scale or typed.
        auto lookup = m_window.runtime().lookup().byScan(code.toStdString());
        if (lookup.ok() && lookup->product.weighed) {
            addProduct(lookup->product);
            emit scanShown(true);
            return;
        }
    }
    if (!added.ok()) {
        problem(DeviceMessage::fromError(added.error()));
        emit scanShown(false);
        return;
    }
    m_search->clear();
    refreshCart();
    m_cart->selectRow(static_cast<int>(*added));
    m_lastScanMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    emit scanShown(true);
}

void SaleScreen::addProduct(const store::CatalogProduct& product)
{
    if (product.weighed) {
        // The weight from the scale when it is stable, or typed (WeighDialog); the line is added
        // when the dialog is accepted, so nothing blocks the event loop meanwhile.
        auto* dialog = new WeighDialog(m_window, QString::fromStdString(product.name), product.price, this);
        connect(dialog, &QDialog::finished, this, [this, dialog, product](int result) {
            dialog->deleteLater();
            if (result == QDialog::Accepted) {
                addLine(product, dialog->weight());
            }
            m_search->setFocus();
        });
        dialog->open();
        return;
    }
    addLine(product, std::nullopt);
}

void SaleScreen::addLine(const store::CatalogProduct& product, std::optional<core::Quantity> quantity)
{
    auto added = m_window.runtime().sale().addProduct(product, quantity);
    if (!added.ok()) {
        problem(DeviceMessage::fromError(added.error()));
        return;
    }
    refreshCart();
    m_cart->selectRow(static_cast<int>(*added));
}

void SaleScreen::refreshCart()
{
    auto& sale = m_window.runtime().sale();
    const auto& lines = sale.lines();
    auto totals = sale.totals();
    m_cart->setRowCount(static_cast<int>(lines.size()));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i].line;
        const int row = static_cast<int>(i);
        QString name = QString::fromStdString(line.name);
        if (line.discount) {
            name += tr(" (скидка)");
        }
        auto* nameItem = new QTableWidgetItem(name);
        auto* qtyItem = new QTableWidgetItem(Format::quantity(line.quantity));
        qtyItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const core::Money amount = totals.ok() && i < totals->lines.size() ? totals->lines[i].amount
                                                                           : core::Money::zero();
        auto* amountItem = new QTableWidgetItem(money(amount));
        amountItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cart->setItem(row, 0, nameItem);
        m_cart->setItem(row, 1, qtyItem);
        m_cart->setItem(row, 2, amountItem);
    }
    if (!totals.ok() || lines.empty()) {
        m_total->setText(tr("Итого: %1").arg(money(core::Money::zero())));
        m_vat->clear();
        m_info->setText(lines.empty() ? tr("Отсканируйте товар или найдите его поиском") : QString());
        m_pay->setEnabled(false);
        return;
    }
    m_total->setText(tr("Итого: %1").arg(money(totals->total)));
    QStringList vat;
    for (const auto& v : totals->vat) {
        vat << QStringLiteral("%1: %2").arg(QString::fromStdString(std::string(core::VatTable::standard().info(v.rate).label)),
                                            money(v.vat));
    }
    if (!totals->discountTotal.isZero()) {
        vat.prepend(tr("Скидка: %1").arg(money(totals->discountTotal)));
    }
    m_vat->setText(vat.join(QStringLiteral(" · ")));
    m_info->setText(tr("Позиций: %1").arg(lines.size()));
    m_pay->setEnabled(true);
}

int SaleScreen::selectedLine() const
{
    const auto rows = m_cart->selectionModel()->selectedRows();
    if (!rows.isEmpty()) {
        return rows.first().row();
    }
    return m_cart->rowCount() - 1; // the last scanned line is what the cashier means
}

void SaleScreen::editQuantity()
{
    const int row = selectedLine();
    if (row < 0) {
        return;
    }
    const auto& line = m_window.runtime().sale().lines()[static_cast<std::size_t>(row)].line;
    const QString text = ask(this, tr("Количество"), QString::fromStdString(line.name), true,
                             Format::quantity(line.quantity));
    if (text.isEmpty()) {
        return;
    }
    auto q = core::Quantity::parse(text.toStdString());
    auto status = q.ok() ? m_window.runtime().sale().setQuantity(static_cast<std::size_t>(row), *q)
                         : core::Status(q.error());
    if (!status.ok()) {
        problem(DeviceMessage::fromError(status.error()));
    }
    refreshCart();
}

namespace {

/// "10%" or "10 %" is a percentage, anything else a sum in roubles.
core::Result<core::Discount> parseDiscount(const QString& text)
{
    QString t = text;
    t.remove(QLatin1Char(' '));
    if (t.endsWith(QLatin1Char('%'))) {
        t.chop(1);
        return core::Discount::parsePercent(t.toStdString());
    }
    SIGMA_ASSIGN_OR_RETURN(auto sum, core::Money::parse(t.toStdString()));
    return core::Discount::ofAmount(sum);
}

} // namespace

void SaleScreen::editLineDiscount()
{
    const int row = selectedLine();
    if (row < 0) {
        return;
    }
    const QString text = ask(this, tr("Скидка на позицию"), tr("Сумма в рублях или процент (например 10%)"), false);
    if (text.isEmpty()) {
        return;
    }
    auto discount = parseDiscount(text);
    auto status = discount.ok()
                      ? m_window.runtime().sale().setLineDiscount(static_cast<std::size_t>(row), *discount)
                      : core::Status(discount.error());
    if (!status.ok()) {
        problem(DeviceMessage::fromError(status.error()));
    }
    refreshCart();
}

void SaleScreen::editReceiptDiscount()
{
    if (m_window.runtime().sale().empty()) {
        return;
    }
    const QString text = ask(this, tr("Скидка на чек"), tr("Сумма в рублях или процент (например 5%)"), false);
    if (text.isEmpty()) {
        return;
    }
    auto discount = parseDiscount(text);
    auto status = discount.ok() ? m_window.runtime().sale().setDiscount(*discount) : core::Status(discount.error());
    if (!status.ok()) {
        problem(DeviceMessage::fromError(status.error()));
    }
    refreshCart();
}

void SaleScreen::removeLine()
{
    const int row = selectedLine();
    if (row < 0) {
        return;
    }
    auto status = m_window.runtime().sale().remove(static_cast<std::size_t>(row));
    if (!status.ok()) {
        problem(DeviceMessage::fromError(status.error()));
    }
    refreshCart();
}

void SaleScreen::freePrice()
{
    const QString name = ask(this, tr("Товар по свободной цене"), tr("Название"), false, tr("Товар"));
    if (name.isEmpty()) {
        return;
    }
    const QString priceText = ask(this, tr("Товар по свободной цене"), tr("Цена, ₽"), true);
    auto price = core::Money::parse(priceText.toStdString());
    if (!price.ok()) {
        problem(DeviceMessage::fromError(price.error()));
        return;
    }
    auto& rt = m_window.runtime();
    const auto vat = core::VatTable::standard().standardRateOn(rt.till().today());
    auto added = rt.sale().addFreePrice(name.toStdString(), *price, vat);
    if (!added.ok()) {
        problem(DeviceMessage::fromError(added.error()));
    }
    refreshCart();
}

void SaleScreen::hold()
{
    auto& rt = m_window.runtime();
    if (rt.sale().empty()) {
        return;
    }
    auto held = rt.sale().hold(rt.cashier());
    if (!held.ok()) {
        problem(DeviceMessage::fromError(held.error()));
    }
    refreshCart();
}

void SaleScreen::showHeld()
{
    auto& rt = m_window.runtime();
    auto held = rt.sale().held();
    if (!held.ok()) {
        problem(DeviceMessage::fromError(held.error()));
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("heldDialog"));
    dialog.setWindowTitle(tr("Отложенные чеки"));
    auto* list = new QListWidget(&dialog);
    for (const auto& h : *held) {
        const auto when = QDateTime::fromMSecsSinceEpoch(h.createdAtUs / 1000).toString(QStringLiteral("HH:mm"));
        auto* item = new QListWidgetItem(tr("%1 · позиций: %2 %3").arg(when).arg(h.lineCount).arg(
            QString::fromStdString(h.label)));
        item->setSizeHint(QSize(0, 56));
        list->addItem(item);
    }
    if (held->empty()) {
        list->addItem(tr("Отложенных чеков нет"));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog.resize(520, 420);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(list, &QListWidget::itemClicked, &dialog, [&dialog, list] {
        dialog.done(QDialog::Accepted + 1 + list->currentRow());
    });
    const int result = dialog.exec();
    const int index = result - QDialog::Accepted - 1;
    if (index < 0 || index >= static_cast<int>(held->size())) {
        return;
    }
    if (!rt.sale().empty()) {
        if (auto parked = rt.sale().hold(rt.cashier()); !parked.ok()) {
            problem(DeviceMessage::fromError(parked.error()));
            return;
        }
    }
    if (auto resumed = rt.sale().resume((*held)[static_cast<std::size_t>(index)].id); !resumed.ok()) {
        problem(DeviceMessage::fromError(resumed.error()));
    }
    refreshCart();
}

void SaleScreen::pay()
{
    if (m_window.runtime().sale().empty()) {
        return;
    }
    auto* dialog = new PaymentDialog(m_window, this);
    connect(dialog, &PaymentDialog::finished, this, [this, dialog] {
        refreshCart();
        m_window.statusBar()->refresh();
        dialog->deleteLater();
        m_search->setFocus();
    });
    dialog->open();
}

} // namespace sigma::terminal
