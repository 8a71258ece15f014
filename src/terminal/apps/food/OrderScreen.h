#pragma once

#include "till/FoodTypes.h"
#include "till/OrderService.h"

#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace sigma::store {
struct CatalogProduct;
}

namespace sigma::terminal {

class MainWindow;
class ModifierDialog;
class PrintPump;
struct DeviceMessage;

/// One table's order: dishes from category tiles or search (as on the trade sale screen), the
/// modifier dialog, a comment per line, guests, "На кухню" with what was queued and the printers'
/// state, the pre-bill, splitting the bill, moving or merging to another table, paying each part
/// through the trade app's PaymentDialog, and cancelling with a reason. Every action is an
/// OrderService / KitchenService call on the worker thread; this screen only shows the order.
class OrderScreen : public QWidget {
    Q_OBJECT
public:
    OrderScreen(MainWindow& window, PrintPump& pump);
    Q_INVOKABLE void activate();

    /// The order this screen shows (set by the hall before it switches here).
    void setOrder(const std::string& orderId);
    [[nodiscard]] const till::Order& order() const { return m_order; }
    /// Reloads the order (on the worker) and redraws it.
    void refresh();

    /// Adds a dish as a tap on its tile does (the modifier dialog first when it has groups).
    void addProduct(const std::string& productId);

signals:
    /// The order was drawn after a reload (tests wait on it).
    void orderShown();

private:
    void draw();
    void loadCategories();
    void showCategory(const QString& categoryId);
    void runSearch();
    void addLine(till::NewOrderLine line, ModifierDialog* dialog);
    void editQuantity();
    void removeLine();
    void editComment();
    void editGuests();
    void sendToKitchen();
    void preBill();
    void split();
    void moveOrder();
    void pay();
    void cancelOrder();
    void carryOver();
    /// The position of the selected line (the last one when none is): 0 when the order is empty.
    [[nodiscard]] int selectedPosition() const;
    void say(const QString& text);
    void sayError(const core::Error& error);
    /// Runs an OrderService change on the worker, then reloads the order and says `done`.
    void change(std::function<core::Status()> work, const QString& done);

    MainWindow& m_window;
    PrintPump& m_pump;
    std::string m_orderId;
    till::Order m_order;
    QLineEdit* m_search;
    QTimer* m_searchTimer;
    QStackedWidget* m_left;
    QListWidget* m_results;
    QWidget* m_tilesPage;
    QHBoxLayout* m_categoryRow;
    QGridLayout* m_tileGrid;
    QLabel* m_title;
    QTableWidget* m_lines;
    QLabel* m_parts;
    QLabel* m_total;
    QLabel* m_info;
    QLabel* m_printers;
    QPushButton* m_pay;
    std::vector<std::string> m_resultIds;
    std::vector<int> m_rowPositions; ///< the order line's position for each drawn row
    bool m_busy = false;
};

} // namespace sigma::terminal
