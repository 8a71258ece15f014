#include "terminal/apps/services/ServicesSaleScreen.h"

#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/services/CustomerDialog.h"
#include "terminal/apps/services/MasterPickerDialog.h"
#include "terminal/apps/services/ServicesMessage.h"
#include "terminal/apps/trade/PaymentDialog.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/MasterService.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace sigma::terminal {

namespace {

// This screen keeps its own button height rather than touchButton's default: its layout was
// measured with it.
QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role = "secondary")
{
    return touchButton(text, name, parent, role, 60);
}

/// What the screen needs besides the cart, read on the worker in one go.
struct SaleContext {
    std::vector<store::Master> masters;
    std::vector<store::CatalogCategory> categories;
    std::string customerName;
};

} // namespace

ServicesSaleScreen::ServicesSaleScreen(MainWindow& window)
    : m_window(window), m_search(new QLineEdit(this)), m_searchTimer(new QTimer(this)), m_categoryRow(new QHBoxLayout),
      m_tileGrid(new QGridLayout), m_tileHost(new QWidget(this)), m_customer(new QLabel(this)),
      m_appointment(new QLabel(this)), m_currentMaster(button(QString(), "salonCurrentMaster", this)),
      m_cart(new QTableWidget(0, 3, this)), m_total(new QLabel(this)), m_message(new QLabel(this)),
      m_pay(button(tr("Оплатить"), "salonPay", this, "primary"))
{
    m_search->setObjectName(QStringLiteral("salonSearch"));
    m_search->setPlaceholderText(tr("Поиск услуги"));
    m_search->setMinimumHeight(56);
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchTimer->start(); });
    connect(m_searchTimer, &QTimer::timeout, this, &ServicesSaleScreen::runSearch);

    auto* categoryHost = new QWidget(this);
    categoryHost->setLayout(m_categoryRow);
    m_categoryRow->setContentsMargins(0, 0, 0, 0);
    auto* categoryScroll = dragScrollArea(categoryHost, this, Qt::Horizontal);
    categoryScroll->setFixedHeight(76);
    m_tileHost->setObjectName(QStringLiteral("salonTiles"));
    m_tileHost->setLayout(m_tileGrid);
    m_tileGrid->setSpacing(8);
    auto* tileScroll = dragScrollArea(m_tileHost, this, Qt::Vertical);
    auto* left = new QVBoxLayout;
    left->addWidget(m_search);
    left->addWidget(categoryScroll);
    left->addWidget(tileScroll, 1);

    m_customer->setObjectName(QStringLiteral("salonCustomer"));
    m_customer->setWordWrap(true);
    m_customer->setProperty("role", QStringLiteral("title"));
    m_appointment->setObjectName(QStringLiteral("salonAppointment"));
    m_appointment->setWordWrap(true);
    auto* pickCustomer = button(tr("Клиент"), "salonCustomerPick", this);
    auto* card = button(tr("Карточка"), "salonCustomerCard", this);
    auto* noCustomer = button(tr("Без клиента"), "salonCustomerClear", this);
    connect(pickCustomer, &QPushButton::clicked, this, &ServicesSaleScreen::pickCustomer);
    connect(card, &QPushButton::clicked, this, &ServicesSaleScreen::openCard);
    connect(noCustomer, &QPushButton::clicked, this,
            [this] { change([&sale = m_window.runtime().sale()] { return sale.setCustomerId({}); }); });
    auto* customerRow = new QHBoxLayout;
    customerRow->addWidget(m_customer, 1);
    customerRow->addWidget(pickCustomer);
    customerRow->addWidget(card);
    customerRow->addWidget(noCustomer);

    m_cart->setObjectName(QStringLiteral("salonCart"));
    setUpLineTable(m_cart, {tr("Услуга"), tr("Мастер"), tr("Сумма")});
    m_cart->verticalHeader()->setDefaultSectionSize(52);
    m_cart->setWordWrap(true);
    // Tapping the master of a line is the quickest way to change it.
    connect(m_cart, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (column == 1) {
            pickMaster(row);
        }
    });

    auto* lineMaster = button(tr("Мастер строки"), "salonLineMaster", this);
    auto* remove = button(tr("Удалить"), "salonLineRemove", this);
    connect(lineMaster, &QPushButton::clicked, this, [this] {
        if (const int row = selectedLine(); row >= 0) {
            pickMaster(row);
        } else {
            m_message->setText(tr("Выберите строку, затем мастера"));
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (const int row = selectedLine(); row >= 0) {
            change([&sale = m_window.runtime().sale(), row] { return sale.remove(static_cast<std::size_t>(row)); });
        }
    });
    connect(m_currentMaster, &QPushButton::clicked, this, [this] { pickMaster(-1); });
    auto* lineRow = new QHBoxLayout;
    lineRow->addWidget(m_currentMaster, 2);
    lineRow->addWidget(lineMaster, 1);
    lineRow->addWidget(remove, 1);

    m_total->setObjectName(QStringLiteral("salonTotal"));
    m_total->setProperty("role", QStringLiteral("total"));
    m_total->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_message->setObjectName(QStringLiteral("salonMessage"));
    m_message->setWordWrap(true);
    m_message->setProperty("role", QStringLiteral("status"));
    m_pay->setMinimumHeight(72);
    connect(m_pay, &QPushButton::clicked, this, &ServicesSaleScreen::pay);
    auto* payRow = new QHBoxLayout;
    payRow->addWidget(m_total, 1);
    payRow->addWidget(m_pay, 1);

    auto* right = new QVBoxLayout;
    right->setSpacing(6);
    right->addLayout(customerRow);
    right->addWidget(m_appointment);
    right->addWidget(m_cart, 1);
    right->addLayout(lineRow);
    right->addWidget(m_message);
    right->addLayout(payRow);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(12);
    layout->addLayout(left, 5);
    layout->addLayout(right, 6);
    refreshCart();
}

void ServicesSaleScreen::activate()
{
    m_message->clear();
    load();
}

void ServicesSaleScreen::setAppointment(const std::string& id, const QString& label)
{
    m_appointmentId = id;
    m_appointmentLabel = label;
}

void ServicesSaleScreen::load()
{
    runJob<SaleContext>(
        m_window, this,
        [&rt = m_window.runtime()]() -> core::Result<SaleContext> {
            SaleContext out;
            SIGMA_ASSIGN_OR_RETURN(out.masters, till::MasterService(rt.till()).list());
            SIGMA_ASSIGN_OR_RETURN(out.categories, rt.catalog().categories());
            if (!rt.sale().customerId().empty()) {
                auto customer = till::CustomerService(rt.till()).get(rt.sale().customerId());
                if (customer.ok()) {
                    out.customerName = customer->name;
                }
            }
            return out;
        },
        [this](core::Result<SaleContext>& loaded) {
            if (!loaded.ok()) {
                fail(loaded.error());
                return;
            }
            m_masters = std::move(loaded->masters);
            m_categories = std::move(loaded->categories);
            m_customerName = QString::fromStdString(loaded->customerName);
            m_customerShown = m_window.runtime().sale().customerId();
            while (auto* item = m_categoryRow->takeAt(0)) {
                delete item->widget();
                delete item;
            }
            int i = 0;
            for (const auto& c : m_categories) {
                auto* b = button(QString::fromStdString(c.name), "", this, "category");
                b->setObjectName(QStringLiteral("salonCategory_%1").arg(i++));
                b->setCheckable(true);
                const std::string id = c.id;
                connect(b, &QPushButton::clicked, this, [this, id] { showCategory(id); });
                m_categoryRow->addWidget(b);
            }
            m_categoryRow->addStretch(1);
            if (m_category.empty() && !m_categories.empty()) {
                m_category = m_categories.front().id;
            }
            showCategory(m_category);
            refreshCart();
        });
}

void ServicesSaleScreen::showCategory(const std::string& categoryId)
{
    m_category = categoryId;
    for (int i = 0; i < static_cast<int>(m_categories.size()); ++i) {
        if (auto* b = findChild<QPushButton*>(QStringLiteral("salonCategory_%1").arg(i))) {
            b->setChecked(m_categories[static_cast<std::size_t>(i)].id == categoryId);
        }
    }
    runJob<std::vector<store::CatalogProduct>>(
        m_window, this,
        [&catalog = m_window.runtime().catalog(), categoryId] { return catalog.listByCategory(categoryId, 0, 60); },
        [this](core::Result<std::vector<store::CatalogProduct>>& products) {
            if (!products.ok()) {
                fail(products.error());
                return;
            }
            showTiles(*products);
        });
}

void ServicesSaleScreen::runSearch()
{
    const std::string text = m_search->text().trimmed().toStdString();
    if (text.empty()) {
        showCategory(m_category);
        return;
    }
    runJob<std::vector<store::CatalogProduct>>(
        m_window, this,
        [&lookup = m_window.runtime().lookup(), text]() -> core::Result<std::vector<store::CatalogProduct>> {
            SIGMA_ASSIGN_OR_RETURN(auto hits, lookup.search(text, 30));
            std::vector<store::CatalogProduct> out;
            for (auto& hit : hits) {
                out.push_back(std::move(hit.product));
            }
            return out;
        },
        [this](core::Result<std::vector<store::CatalogProduct>>& products) {
            if (!products.ok()) {
                fail(products.error());
                return;
            }
            showTiles(*products);
            if (products->empty()) {
                m_message->setText(tr("Ничего не найдено"));
            }
        });
}

void ServicesSaleScreen::showTiles(const std::vector<store::CatalogProduct>& products)
{
    while (auto* item = m_tileGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // As many ~200-pixel tiles as the left side holds: a cut tile name is worse than a scroll.
    const int columns = std::max(2, m_tileHost->width() / 200);
    int i = 0;
    for (const auto& p : products) {
        auto* tile =
            new QPushButton(QString::fromStdString(p.name) + QStringLiteral("\n") + Format::money(p.price), m_tileHost);
        tile->setObjectName(QStringLiteral("svc_") + QString::fromStdString(p.sku));
        tile->setProperty("role", QStringLiteral("tile"));
        tile->setMinimumHeight(84);
        tile->setFocusPolicy(Qt::NoFocus);
        connect(tile, &QPushButton::clicked, this, [this, p] { addService(p); });
        m_tileGrid->addWidget(tile, i / columns, i % columns);
        ++i;
    }
    m_tileGrid->setRowStretch(i / columns + 1, 1);
}

void ServicesSaleScreen::addService(const store::CatalogProduct& product)
{
    auto& sale = m_window.runtime().sale();
    if (sale.currentStaff().empty()) {
        // Nobody chosen yet in this sale: the master comes first, then the line is added with them.
        auto* picker = new MasterPickerDialog(m_window, m_masters, {},
                                              tr("Кто делает «%1»?").arg(QString::fromStdString(product.name)), this);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &MasterPickerDialog::chosen, this, [this, product](const QString& id, const QString&) {
            change([&sale = m_window.runtime().sale(), product, staff = id.toStdString()]() -> core::Status {
                SIGMA_TRY(sale.setCurrentStaff(staff));
                SIGMA_ASSIGN_OR_RETURN(auto added, sale.addProduct(product, core::Quantity::pieces(1)));
                (void)added;
                return core::ok();
            });
        });
        picker->open();
        return;
    }
    change([&sale, product]() -> core::Status {
        SIGMA_ASSIGN_OR_RETURN(auto added, sale.addProduct(product, core::Quantity::pieces(1)));
        (void)added;
        return core::ok();
    });
}

void ServicesSaleScreen::pickMaster(int line)
{
    auto& sale = m_window.runtime().sale();
    std::string current = sale.currentStaff();
    QString title = tr("Мастер для следующих услуг");
    if (line >= 0 && line < static_cast<int>(sale.lines().size())) {
        const auto& cart = sale.lines()[static_cast<std::size_t>(line)];
        current = cart.origin.staffId;
        title = tr("Кто делает «%1»?").arg(QString::fromStdString(cart.line.name));
    }
    auto* picker = new MasterPickerDialog(m_window, m_masters, current, title, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &MasterPickerDialog::chosen, this, [this, line](const QString& id, const QString&) {
        change([&sale = m_window.runtime().sale(), line, staff = id.toStdString()] {
            return line >= 0 ? sale.setStaff(static_cast<std::size_t>(line), staff) : sale.setCurrentStaff(staff);
        });
    });
    picker->open();
}

void ServicesSaleScreen::pickCustomer()
{
    auto* dialog = new CustomerDialog(m_window, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CustomerDialog::chosen, this, [this](const QString& id, const QString& name) {
        m_customerName = name;
        m_customerShown = id.toStdString();
        change([&sale = m_window.runtime().sale(), id = id.toStdString()] { return sale.setCustomerId(id); });
    });
    dialog->open();
}

void ServicesSaleScreen::openCard()
{
    const std::string id = m_window.runtime().sale().customerId();
    if (id.empty()) {
        pickCustomer();
        return;
    }
    auto* dialog = new CustomerDialog(m_window, this, id);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CustomerDialog::chosen, this, [this](const QString& chosenId, const QString& name) {
        m_customerName = name;
        m_customerShown = chosenId.toStdString();
        change([&sale = m_window.runtime().sale(), chosenId = chosenId.toStdString()] {
            return sale.setCustomerId(chosenId);
        });
    });
    dialog->open();
}

void ServicesSaleScreen::change(std::function<core::Status()> work)
{
    m_message->clear();
    runJob<bool>(
        m_window, this,
        [work = std::move(work)]() -> core::Result<bool> {
            SIGMA_TRY(work());
            return true;
        },
        [this](core::Result<bool>& done) {
            if (!done.ok()) {
                fail(done.error());
            }
            refreshCart();
        });
}

void ServicesSaleScreen::pay()
{
    auto& rt = m_window.runtime();
    if (rt.sale().empty()) {
        m_message->setText(tr("Добавьте услугу"));
        return;
    }
    auto totals = rt.sale().totals();
    if (!totals.ok()) {
        fail(totals.error());
        return;
    }
    auto paid = std::make_shared<bool>(false);
    PaymentTarget target;
    target.total = totals->total;
    // The sale's own receipt UUID (linked to the appointment when there is one), so the receipt
    // that closes the visit is the one the appointment waits for. A failed attempt ends that
    // receipt; the next one gets a new UUID and the appointment is linked to it again.
    target.checkout =
        [&rt, paid, appointment = m_appointmentId](std::vector<core::Payment> payments, bool electronically,
                                                   const std::string& contact) -> core::Result<till::CheckoutResult> {
        auto& sale = rt.sale();
        if (sale.receiptId().empty()) {
            sale.setReceiptId(rt.till().newId());
        }
        sale.setCustomer(contact);
        auto request = sale.checkoutRequest(std::move(payments), rt.cashier());
        request.electronically = electronically;
        auto result = rt.checkout().checkout(std::move(request));
        till::AppointmentService appointments(rt.till(), rt.lookup());
        (void)appointments.settle();
        if (!result.ok() || result->receipt.status == "failed") {
            const std::string next = rt.till().newId();
            if (!appointment.empty()) {
                till::SaleSession relink(rt.till(), rt.lookup());
                (void)appointments.toSale(appointment, relink, next);
            }
            sale.setReceiptId(next);
            return result;
        }
        *paid = true;
        sale.clear();
        return result;
    };
    auto* dialog = new PaymentDialog(m_window, std::move(target), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, paid] {
        if (*paid) {
            m_appointmentId.clear();
            m_appointmentLabel.clear();
            m_customerName.clear();
            m_customerShown.clear();
        }
        refreshCart();
    });
    dialog->open();
}

int ServicesSaleScreen::selectedLine() const
{
    const auto rows = m_cart->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString ServicesSaleScreen::masterName(const std::string& id) const
{
    if (id.empty()) {
        return tr("— выбрать —");
    }
    for (const auto& m : m_masters) {
        if (m.employeeId == id) {
            return QString::fromStdString(m.name);
        }
    }
    return tr("(не мастер)");
}

void ServicesSaleScreen::refreshCart()
{
    auto& sale = m_window.runtime().sale();
    const int selected = selectedLine();
    const auto& lines = sale.lines();
    auto totals = sale.totals();
    m_cart->setRowCount(static_cast<int>(lines.size()));
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int row = static_cast<int>(i);
        m_cart->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(lines[i].line.name)));
        auto* master = new QTableWidgetItem(masterName(lines[i].origin.staffId));
        master->setToolTip(tr("Нажмите, чтобы сменить мастера"));
        m_cart->setItem(row, 1, master);
        const core::Money amount =
            totals.ok() && i < totals->lines.size() ? totals->lines[i].amount : lines[i].line.unitPrice;
        auto* sum = new QTableWidgetItem(Format::money(amount));
        sum->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_cart->setItem(row, 2, sum);
    }
    if (selected >= 0 && selected < m_cart->rowCount()) {
        m_cart->selectRow(selected);
    }
    m_total->setText(tr("Итого: %1").arg(Format::money(totals.ok() ? totals->total : core::Money::zero())));
    m_pay->setEnabled(!lines.empty());
    m_currentMaster->setText(tr("Мастер для новых услуг:\n%1").arg(masterName(sale.currentStaff())));
    if (sale.customerId().empty()) {
        m_customer->setText(tr("Клиент не выбран"));
    } else {
        m_customer->setText(tr("Клиент: %1")
                                .arg(m_customerShown == sale.customerId() && !m_customerName.isEmpty() ? m_customerName
                                                                                                       : tr("выбран")));
    }
    if (sale.empty() && sale.receiptId().empty()) {
        m_appointmentId.clear();
        m_appointmentLabel.clear();
    }
    m_appointment->setText(m_appointmentId.empty() ? QString() : tr("По записи: %1").arg(m_appointmentLabel));
    m_appointment->setVisible(!m_appointmentId.empty());
}

void ServicesSaleScreen::fail(const core::Error& error)
{
    m_message->setText(ServicesMessage::text(error));
}

} // namespace sigma::terminal
