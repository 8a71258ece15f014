#include "terminal/apps/trade/StockScreen.h"
#include "terminal/apps/trade/WeighDialog.h"

#include "core/ErrorCodes.h"
#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sigma::terminal {

namespace {

// This screen keeps its own button height rather than touchButton's default: its layout was
// measured with it.
QPushButton* button(const QString& text, const char* name, QWidget* parent, const char* role = "secondary")
{
    return touchButton(text, name, parent, role, 64);
}

QString kindTitle(store::StockDocumentKind kind)
{
    switch (kind) {
    case store::StockDocumentKind::Receiving: return QCoreApplication::translate("StockScreen", "Приход");
    case store::StockDocumentKind::WriteOff: return QCoreApplication::translate("StockScreen", "Списание");
    case store::StockDocumentKind::Inventory: return QCoreApplication::translate("StockScreen", "Инвентаризация");
    }
    return {};
}

QString documentTitle(const store::StockDocument& d)
{
    return QCoreApplication::translate("StockScreen", "%1 № %2 · %3")
        .arg(kindTitle(d.kind))
        .arg(d.number)
        .arg(d.status == store::StockDocumentStatus::Posted ? QCoreApplication::translate("StockScreen", "проведён")
                                                            : QCoreApplication::translate("StockScreen", "черновик"));
}

} // namespace

StockScreen::StockScreen(MainWindow& window)
    : m_window(window), m_note(new QLineEdit(this)), m_documents(new QListWidget(this)), m_header(new QLabel(this)), m_search(new QLineEdit(this)),
      m_searchTimer(new QTimer(this)), m_middle(new QStackedWidget(this)), m_results(new QListWidget(this)),
      m_lines(new QTableWidget(0, 3, this)), m_info(new QLabel(this)),
      m_post(button(tr("Провести"), "stockPost", this, "primary"))
{
    m_note->setObjectName(QStringLiteral("stockNote"));
    m_note->setPlaceholderText(tr("Поставщик или причина списания"));
    m_note->setMinimumHeight(56);
    auto* receiving = button(tr("Приход"), "stockNewReceiving", this);
    auto* writeOff = button(tr("Списание"), "stockNewWriteOff", this);
    auto* inventory = button(tr("Инвентаризация"), "stockNewInventory", this);
    const std::pair<QPushButton*, store::StockDocumentKind> kinds[] = {
        {receiving, store::StockDocumentKind::Receiving},
        {writeOff, store::StockDocumentKind::WriteOff},
        {inventory, store::StockDocumentKind::Inventory},
    };
    for (const auto& [b, kind] : kinds) {
        connect(b, &QPushButton::clicked, this, [this, kind] { create(static_cast<int>(kind)); });
    }
    m_documents->setObjectName(QStringLiteral("stockDocuments"));
    connect(m_documents, &QListWidget::itemClicked, this, [this] {
        const int row = m_documents->currentRow();
        if (row >= 0 && row < static_cast<int>(m_documentIds.size())) {
            open(m_documentIds[static_cast<std::size_t>(row)]);
        }
    });

    m_header->setObjectName(QStringLiteral("stockHeader"));
    m_header->setProperty("role", QStringLiteral("subtitle"));
    m_header->setWordWrap(true);
    m_search->setObjectName(QStringLiteral("stockSearch"));
    m_search->setPlaceholderText(tr("Отсканируйте товар или найдите его поиском"));
    m_search->setMinimumHeight(56);
    m_search->setClearButtonEnabled(true);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textEdited, this, [this] { m_searchTimer->start(); });
    connect(m_searchTimer, &QTimer::timeout, this, &StockScreen::runSearch);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QString text = m_search->text().trimmed();
        if (!text.isEmpty()) {
            addScan(text);
        }
    });
    m_results->setObjectName(QStringLiteral("stockResults"));
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_results->row(item);
        if (row < 0 || row >= static_cast<int>(m_resultIds.size())) {
            return;
        }
        auto product = m_window.runtime().lookup().byId(m_resultIds[static_cast<std::size_t>(row)]);
        if (!product.ok()) {
            say(DeviceMessage::fromError(product.error()).text());
            return;
        }
        m_search->clear();
        m_middle->setCurrentWidget(m_lines);
        addProduct(*product);
    });

    m_lines->setObjectName(QStringLiteral("stockLines"));
    setUpLineTable(m_lines, {tr("Товар"), tr("Кол-во"), tr("Цена закупки")});
    m_lines->verticalHeader()->setDefaultSectionSize(44);
    m_middle->addWidget(m_lines);
    m_middle->addWidget(m_results);
    m_info->setObjectName(QStringLiteral("stockInfo"));
    m_info->setWordWrap(true);

    auto* qty = button(tr("Кол-во"), "stockQty", this);
    auto* remove = button(tr("Удалить"), "stockRemove", this);
    connect(qty, &QPushButton::clicked, this, &StockScreen::editQuantity);
    connect(remove, &QPushButton::clicked, this, &StockScreen::removeLine);
    connect(m_post, &QPushButton::clicked, this, &StockScreen::post);

    auto* newTitle = new QLabel(tr("Новый документ"), this);
    newTitle->setProperty("role", QStringLiteral("subtitle"));
    auto* listTitle = new QLabel(tr("Документы"), this);
    listTitle->setProperty("role", QStringLiteral("subtitle"));
    auto* left = new QVBoxLayout;
    left->addWidget(newTitle);
    auto* kindsRow = new QHBoxLayout;
    kindsRow->addWidget(receiving);
    kindsRow->addWidget(writeOff);
    left->addLayout(kindsRow);
    left->addWidget(inventory);
    left->addWidget(m_note);
    left->addWidget(listTitle);
    left->addWidget(m_documents, 1);

    auto* actions = new QHBoxLayout;
    actions->addWidget(qty);
    actions->addWidget(remove);
    actions->addStretch(1);
    actions->addWidget(m_post);
    auto* right = new QVBoxLayout;
    right->addWidget(m_header);
    right->addWidget(m_search);
    right->addWidget(m_middle, 1);
    right->addWidget(m_info);
    right->addLayout(actions);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    layout->addLayout(left, 4);
    layout->addLayout(right, 6);
}

void StockScreen::say(const QString& text)
{
    m_info->setText(text);
}

void StockScreen::activate()
{
    reloadList();
    if (m_open) {
        open(*m_open);
    } else {
        m_header->setText(tr("Выберите документ или создайте новый"));
        m_lines->setRowCount(0);
        m_post->setEnabled(false);
        say(QString());
    }
    m_search->setFocus();
}

void StockScreen::reloadList()
{
    m_documents->clear();
    m_documentIds.clear();
    auto documents = m_window.runtime().stock().list({}, {}, 50, 0);
    if (!documents.ok()) {
        say(DeviceMessage::fromError(documents.error()).text());
        return;
    }
    for (const auto& d : *documents) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(d.createdAtUs / 1000).toString(QStringLiteral("dd.MM HH:mm"));
        auto* item = new QListWidgetItem(tr("%1\n%2 · позиций: %3").arg(documentTitle(d), when).arg(d.lineCount));
        item->setSizeHint(QSize(0, 64));
        m_documents->addItem(item);
        m_documentIds.push_back(d.id);
    }
}

void StockScreen::create(int kind)
{
    auto& rt = m_window.runtime();
    if (!rt.session()) {
        return;
    }
    till::NewStockDocument header;
    header.kind = static_cast<store::StockDocumentKind>(kind);
    const std::string text = m_note->text().trimmed().toStdString();
    header.supplier = text;
    header.reason = text;
    auto created = rt.stock().create(*rt.session(), header);
    if (!created.ok()) {
        say(DeviceMessage::fromError(created.error()).text());
        return;
    }
    m_note->clear();
    reloadList();
    open(created->id);
    say(tr("Сканируйте товары или найдите их поиском, затем нажмите «Провести»."));
}

void StockScreen::open(const std::string& documentId)
{
    auto found = m_window.runtime().stock().find(documentId);
    if (!found.ok()) {
        m_open.reset();
        say(DeviceMessage::fromError(found.error()).text());
        return;
    }
    showDocument(*found);
}

void StockScreen::showDocument(const store::StockDocument& d)
{
    m_open = d.id;
    m_openIsDraft = d.status == store::StockDocumentStatus::Draft;
    QString header = documentTitle(d);
    if (!d.supplier.empty()) {
        header += tr(" · поставщик: %1").arg(QString::fromStdString(d.supplier));
    }
    if (!d.reason.empty()) {
        header += tr(" · причина: %1").arg(QString::fromStdString(d.reason));
    }
    m_header->setText(header);
    const bool receiving = d.kind == store::StockDocumentKind::Receiving;
    m_lines->setColumnHidden(2, !receiving);
    m_lines->horizontalHeaderItem(1)->setText(d.kind == store::StockDocumentKind::Inventory ? tr("Найдено")
                                                                                            : tr("Кол-во"));
    m_lines->setRowCount(static_cast<int>(d.lines.size()));
    for (std::size_t i = 0; i < d.lines.size(); ++i) {
        const auto& line = d.lines[i];
        const int row = static_cast<int>(i);
        auto* name = new QTableWidgetItem(QString::fromStdString(line.name));
        name->setData(Qt::UserRole, line.position);
        auto* qty = new QTableWidgetItem(Format::quantity(line.quantity));
        qty->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* cost = new QTableWidgetItem(line.cost ? Format::money(*line.cost) : QString());
        cost->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_lines->setItem(row, 0, name);
        m_lines->setItem(row, 1, qty);
        m_lines->setItem(row, 2, cost);
    }
    m_post->setEnabled(m_openIsDraft && !d.lines.empty());
    m_search->setEnabled(m_openIsDraft);
    if (!m_openIsDraft) {
        say(tr("Документ проведён и отправляется в облако; изменить его нельзя."));
    }
    m_middle->setCurrentWidget(m_lines);
}

void StockScreen::addScan(const QString& code)
{
    auto& rt = m_window.runtime();
    if (!m_open || !m_openIsDraft || !rt.session()) {
        say(tr("Сначала создайте документ: «Приход», «Списание» или «Инвентаризация»."));
        return;
    }
    auto added = rt.stock().addByScan(*rt.session(), *m_open, code.toStdString());
    if (!added.ok() && added.error().code == core::errc::kBadQuantity) {
        // A weighed product by its plain barcode: weighed on the scale (or typed).
        auto lookup = rt.lookup().byScan(code.toStdString());
        if (lookup.ok()) {
            m_search->clear();
            addProduct(lookup->product);
            return;
        }
    }
    m_search->clear();
    if (!added.ok()) {
        say(DeviceMessage::fromError(added.error()).text());
        return;
    }
    open(*m_open);
    say(tr("%1: %2").arg(QString::fromStdString(added->name), Format::quantity(added->quantity)));
    reloadList();
}

void StockScreen::addProduct(const store::CatalogProduct& product)
{
    auto& rt = m_window.runtime();
    if (!m_open || !m_openIsDraft || !rt.session()) {
        say(tr("Сначала создайте документ: «Приход», «Списание» или «Инвентаризация»."));
        return;
    }
    if (product.weighed) {
        // Weighed goods on the scale, as at the sale screen: the stable weight, or typed.
        auto* dialog = new WeighDialog(m_window, QString::fromStdString(product.name), product.price, this);
        connect(dialog, &QDialog::finished, this, [this, dialog, product](int result) {
            dialog->deleteLater();
            if (result == QDialog::Accepted) {
                till::StockLineInput input;
                input.quantity = dialog->weight();
                addLine(product, input);
            }
        });
        dialog->open();
        return;
    }
    addLine(product, {});
}

void StockScreen::addLine(const store::CatalogProduct& product, const till::StockLineInput& input)
{
    auto& rt = m_window.runtime();
    if (!m_open || !m_openIsDraft || !rt.session()) {
        return; // the document was closed while the weight was taken
    }
    auto added = rt.stock().addProduct(*rt.session(), *m_open, product, input);
    if (!added.ok()) {
        say(DeviceMessage::fromError(added.error()).text());
        return;
    }
    open(*m_open);
    say(tr("%1: %2").arg(QString::fromStdString(added->name), Format::quantity(added->quantity)));
    reloadList();
}

void StockScreen::runSearch()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_middle->setCurrentWidget(m_lines);
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
                                                                        QString::fromStdString(hit.product.sku)));
        item->setSizeHint(QSize(0, 56));
        m_results->addItem(item);
    }
    if (hits->empty()) {
        m_results->addItem(tr("Ничего не найдено"));
    }
    m_middle->setCurrentWidget(m_results);
}

int StockScreen::selectedPosition() const
{
    const auto rows = m_lines->selectionModel()->selectedRows();
    const int row = rows.isEmpty() ? m_lines->rowCount() - 1 : rows.first().row();
    if (row < 0) {
        return -1;
    }
    return m_lines->item(row, 0)->data(Qt::UserRole).toInt();
}

void StockScreen::editQuantity()
{
    auto& rt = m_window.runtime();
    const int position = selectedPosition();
    if (!m_open || !m_openIsDraft || position < 0 || !rt.session()) {
        return;
    }
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Количество"), tr("Новое количество"), QLineEdit::Normal, {},
                                               &ok, Qt::WindowFlags(), Qt::ImhFormattedNumbersOnly);
    if (!ok || text.trimmed().isEmpty()) {
        return;
    }
    auto q = core::Quantity::parse(text.trimmed().toStdString());
    auto status = q.ok() ? rt.stock().setQuantity(*rt.session(), *m_open, position, *q) : core::Status(q.error());
    if (!status.ok()) {
        say(DeviceMessage::fromError(status.error()).text());
        return;
    }
    open(*m_open);
}

void StockScreen::removeLine()
{
    auto& rt = m_window.runtime();
    const int position = selectedPosition();
    if (!m_open || !m_openIsDraft || position < 0 || !rt.session()) {
        return;
    }
    if (auto status = rt.stock().removeLine(*rt.session(), *m_open, position); !status.ok()) {
        say(DeviceMessage::fromError(status.error()).text());
        return;
    }
    open(*m_open);
    reloadList();
}

void StockScreen::post()
{
    auto& rt = m_window.runtime();
    if (!m_open || !m_openIsDraft || !rt.session()) {
        return;
    }
    auto posted = rt.stock().post(*rt.session(), *m_open);
    if (!posted.ok()) {
        say(DeviceMessage::fromError(posted.error()).text());
        return;
    }
    showDocument(*posted);
    reloadList();
    m_window.statusBar()->refresh(); // the journal has one more event to send
    say(tr("%1 проведён: позиций %2. Документ уйдёт в облако при синхронизации.")
            .arg(documentTitle(*posted).section(QStringLiteral(" · "), 0, 0))
            .arg(posted->lines.size()));
}

} // namespace sigma::terminal
