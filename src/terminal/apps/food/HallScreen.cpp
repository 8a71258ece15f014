#include "terminal/apps/food/HallScreen.h"

#include "terminal/DeviceMessage.h"
#include "terminal/Format.h"
#include "terminal/MainWindow.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/TouchWidgets.h"
#include "terminal/WorkerJob.h"
#include "terminal/apps/food/OrderScreen.h"
#include "terminal/apps/food/PrintPump.h"
#include "till/FoodErrors.h"
#include "till/OrderService.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sigma::terminal {

namespace {

// The three states in colours a waiter tells apart across the room (and in words on the tile).
QString tileStyle(till::TableState state, bool selected)
{
    QString colour = QStringLiteral("#e8f5e9; border: 2px solid #66bb6a");
    if (state == till::TableState::Occupied) {
        colour = QStringLiteral("#fff3e0; border: 2px solid #fb8c00");
    } else if (state == till::TableState::BillPrinted) {
        colour = QStringLiteral("#e3f2fd; border: 2px solid #1e88e5");
    }
    if (selected) {
        colour += QStringLiteral("; border: 4px solid #c62828");
    }
    // min-height here: the stylesheet's general button height would win over setMinimumSize and
    // squeeze four lines of text on a 600-pixel screen.
    return QStringLiteral("QPushButton { background: %1; border-radius: 10px; color: #212121; font-size: 17px; "
                          "min-height: 116px; }")
        .arg(colour);
}

} // namespace

HallScreen::HallScreen(MainWindow& window, PrintPump& pump)
    : m_window(window), m_pump(pump), m_grid(new QGridLayout), m_printers(new QLabel(this)), m_info(new QLabel(this)),
      m_edit(touchButton(tr("Изменить зал"), "hallEdit", this)), m_editRow(new QWidget(this)), m_timer(new QTimer(this))
{
    auto* title = new QLabel(tr("Зал"), this);
    title->setProperty("role", QStringLiteral("title"));
    m_printers->setObjectName(QStringLiteral("hallPrinters"));
    m_printers->setWordWrap(true);
    m_info->setObjectName(QStringLiteral("hallInfo"));
    m_info->setWordWrap(true);
    m_edit->setCheckable(true);
    auto* kitchen = touchButton(tr("Кухня"), "hallKitchen", this);
    connect(kitchen, &QPushButton::clicked, this, [this] { m_window.showScreen(QStringLiteral("kitchen")); });
    connect(m_edit, &QPushButton::clicked, this, [this](bool on) { setEditing(on); });

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_printers, 1);
    top->addWidget(kitchen);
    top->addWidget(m_edit);

    auto* rename = touchButton(tr("Переименовать"), "hallRename", m_editRow);
    auto* remove = touchButton(tr("Удалить стол"), "hallRemove", m_editRow);
    auto* hint = new QLabel(tr("Пустая клетка: новый стол. Выберите стол и нажмите клетку — он переедет."), m_editRow);
    hint->setWordWrap(true);
    auto* editRow = new QHBoxLayout(m_editRow);
    editRow->setContentsMargins(0, 0, 0, 0);
    editRow->addWidget(hint, 1);
    editRow->addWidget(rename);
    editRow->addWidget(remove);
    connect(rename, &QPushButton::clicked, this, &HallScreen::renameSelected);
    connect(remove, &QPushButton::clicked, this, &HallScreen::removeSelected);
    m_editRow->hide();

    auto* host = new QWidget(this);
    host->setObjectName(QStringLiteral("hallMap"));
    host->setLayout(m_grid);
    m_grid->setSpacing(10);
    auto* scroll = scrollArea(host, this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_editRow);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_info);

    m_printers->setText(m_pump.statusText());
    connect(&m_pump, &PrintPump::statusChanged, this, [this](const QString& text, bool problem) {
        m_printers->setText(text);
        m_printers->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
    });
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refresh();
        }
    });
    m_timer->start();
}

bool HallScreen::mayEdit() const
{
    const auto& session = m_window.runtime().session();
    return session && session->permissions.contains(till::Permission::ManageCatalog);
}

void HallScreen::activate()
{
    m_edit->setVisible(mayEdit());
    if (!mayEdit()) {
        setEditing(false);
    }
    m_info->clear();
    refresh();
    m_pump.pumpNow();
}

void HallScreen::setEditing(bool editing)
{
    m_editing = editing && mayEdit();
    m_edit->setChecked(m_editing);
    m_editRow->setVisible(m_editing);
    m_selected.reset();
    draw();
}

void HallScreen::refresh()
{
    if (m_loading) {
        return;
    }
    m_loading = true;
    till::TillContext& context = m_window.runtime().till();
    runJob<std::vector<till::HallTableView>>(
        m_window, this, [&context] { return till::HallService(context).map(); },
        [this](core::Result<std::vector<till::HallTableView>>& map) {
            m_loading = false;
            if (!map.ok()) {
                m_info->setText(DeviceMessage::fromError(map.error()).text());
                return;
            }
            m_tables = std::move(*map);
            draw();
        });
}

void HallScreen::draw()
{
    while (auto* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int columns = 4;
    int rows = 3;
    for (const auto& view : m_tables) {
        columns = std::max(columns, view.table.x + 1);
        rows = std::max(rows, view.table.y + 1);
    }
    if (m_editing) {
        columns = std::min(columns + 1, till::HallService::kMaxGrid);
        rows = std::min(rows + 1, till::HallService::kMaxGrid);
    }
    std::vector<bool> taken(static_cast<std::size_t>(columns * rows), false);
    for (const auto& view : m_tables) {
        const auto& t = view.table;
        taken[static_cast<std::size_t>(t.y * columns + t.x)] = true;
        QString details;
        switch (view.state) {
        case till::TableState::Free:
            details = tr("свободен\nмест: %1").arg(t.seats);
            break;
        case till::TableState::Occupied:
        case till::TableState::BillPrinted:
            details = view.state == till::TableState::BillPrinted ? tr("счёт напечатан") : tr("занят");
            details += tr("\nгостей %1 · %2 мин\n%3").arg(view.guests).arg(view.minutesOpen).arg(Format::money(view.total));
            break;
        }
        // The table's name large, what is going on at it below: a waiter finds "7" across the room.
        // The labels let the taps through to the button; the button's accessible text is all of it.
        auto* tile = new QPushButton(this);
        tile->setAccessibleName(QString::fromStdString(t.name) + QLatin1Char('\n') + details);
        auto* name = new QLabel(QString::fromStdString(t.name), tile);
        name->setObjectName(QStringLiteral("tableName"));
        name->setStyleSheet(QStringLiteral("font-size: 28px; font-weight: bold; color: #212121; background: transparent; border: none;"));
        auto* info = new QLabel(details, tile);
        info->setObjectName(QStringLiteral("tableDetails"));
        info->setStyleSheet(QStringLiteral("font-size: 15px; color: #212121; background: transparent; border: none;"));
        for (auto* label : {name, info}) {
            label->setAlignment(Qt::AlignCenter);
            label->setAttribute(Qt::WA_TransparentForMouseEvents);
        }
        auto* tileLayout = new QVBoxLayout(tile);
        tileLayout->setContentsMargins(6, 4, 6, 4);
        tileLayout->setSpacing(0);
        tileLayout->addStretch(1);
        tileLayout->addWidget(name);
        tileLayout->addWidget(info);
        tileLayout->addStretch(1);
        tile->setObjectName(QStringLiteral("table_") + QString::fromStdString(t.name));
        tile->setProperty("tableState", QString::fromLatin1(till::HallService::stateName(view.state).data()));
        tile->setMinimumSize(150, 120);
        tile->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        tile->setFocusPolicy(Qt::NoFocus);
        tile->setStyleSheet(tileStyle(view.state, m_selected && *m_selected == t.id));
        connect(tile, &QPushButton::clicked, this, [this, view] { tapTable(view); });
        m_grid->addWidget(tile, t.y, t.x);
    }
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) {
            if (taken[static_cast<std::size_t>(y * columns + x)]) {
                continue;
            }
            if (!m_editing) {
                auto* spacer = new QWidget(this);
                spacer->setMinimumSize(150, 120);
                m_grid->addWidget(spacer, y, x);
                continue;
            }
            auto* cell = new QPushButton(QStringLiteral("+"), this);
            cell->setObjectName(QStringLiteral("cell_%1_%2").arg(x).arg(y));
            cell->setMinimumSize(150, 120);
            cell->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
            cell->setFocusPolicy(Qt::NoFocus);
            cell->setStyleSheet(QStringLiteral("QPushButton { border: 2px dashed #9e9e9e; border-radius: 10px; "
                                               "color: #9e9e9e; font-size: 28px; background: transparent; min-height: 116px; }"));
            connect(cell, &QPushButton::clicked, this, [this, x, y] { tapCell(x, y); });
            m_grid->addWidget(cell, y, x);
        }
    }
    if (m_tables.empty() && !m_editing) {
        m_info->setText(mayEdit() ? tr("Столов ещё нет: нажмите «Изменить зал» и добавьте их")
                                  : tr("Столов ещё нет: их добавляет администратор"));
    }
    emit mapShown();
}

void HallScreen::tapTable(const till::HallTableView& view)
{
    if (m_editing) {
        m_selected = view.table.id;
        m_info->setText(tr("Выбран стол %1: нажмите пустую клетку, чтобы переставить его")
                            .arg(QString::fromStdString(view.table.name)));
        draw();
        return;
    }
    openOrder(view.table.id);
}

void HallScreen::openOrder(const std::string& tableId)
{
    auto& rt = m_window.runtime();
    till::TillContext& context = rt.till();
    till::ProductLookup& lookup = rt.lookup();
    const till::Cashier waiter = rt.cashier();
    m_info->setText(tr("Открываю заказ…"));
    runJob<till::Order>(
        m_window, this,
        [&context, &lookup, tableId, waiter]() -> core::Result<till::Order> {
            till::OrderService orders(context, lookup);
            auto existing = orders.onTable(tableId);
            if (existing.ok() || existing.error().code != till::food_errc::kOrderNotFound) {
                return existing;
            }
            return orders.open(tableId, 1, waiter);
        },
        [this](core::Result<till::Order>& order) {
            if (!order.ok()) {
                m_info->setText(DeviceMessage::fromError(order.error()).text());
                return;
            }
            m_info->clear();
            auto* screen = static_cast<OrderScreen*>(m_window.screen(QStringLiteral("order")));
            screen->setOrder(order->id);
            m_window.showScreen(QStringLiteral("order"));
        });
}

void HallScreen::tapCell(int x, int y)
{
    till::TillContext& context = m_window.runtime().till();
    std::function<core::Result<till::HallTable>()> work;
    if (m_selected) {
        work = [&context, id = *m_selected, x, y] { return till::HallService(context).move(id, x, y); };
    } else {
        // The next free number: what a waiter calls a table anyway.
        int number = 1;
        while (std::any_of(m_tables.begin(), m_tables.end(), [number](const till::HallTableView& v) {
            return v.table.name == std::to_string(number);
        })) {
            ++number;
        }
        work = [&context, number, x, y] { return till::HallService(context).add(std::to_string(number), x, y); };
    }
    runJob<till::HallTable>(m_window, this, std::move(work), [this](core::Result<till::HallTable>& table) {
        m_selected.reset();
        m_info->setText(table.ok() ? tr("Стол %1 на месте").arg(QString::fromStdString(table->name))
                                   : DeviceMessage::fromError(table.error()).text());
        refresh();
    });
}

void HallScreen::renameSelected()
{
    if (!m_selected) {
        m_info->setText(tr("Сначала выберите стол"));
        return;
    }
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("tableNameInput"));
    dialog->setWindowTitle(tr("Название стола"));
    dialog->setLabelText(tr("Новое название (до 32 символов)"));
    dialog->setOkButtonText(tr("Готово"));
    dialog->setCancelButtonText(tr("Отмена"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id = *m_selected](const QString& name) {
        till::TillContext& context = m_window.runtime().till();
        runJob<till::HallTable>(
            m_window, this,
            [&context, id, name = name.trimmed().toStdString()] { return till::HallService(context).rename(id, name); },
            [this](core::Result<till::HallTable>& table) {
                if (!table.ok()) {
                    m_info->setText(DeviceMessage::fromError(table.error()).text());
                }
                refresh();
            });
    });
    dialog->open();
}

void HallScreen::removeSelected()
{
    if (!m_selected) {
        m_info->setText(tr("Сначала выберите стол"));
        return;
    }
    till::TillContext& context = m_window.runtime().till();
    runJob<void>(
        m_window, this, [&context, id = *m_selected] { return till::HallService(context).remove(id); },
        [this](core::Status& status) {
            m_selected.reset();
            m_info->setText(status.ok() ? tr("Стол удалён") : DeviceMessage::fromError(status.error()).text());
            refresh();
        });
}

} // namespace sigma::terminal
