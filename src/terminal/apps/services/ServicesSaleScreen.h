#pragma once

#include "store/CatalogRepository.h"
#include "store/MasterRepository.h"

#include <QWidget>

#include <functional>
#include <map>
#include <string>
#include <vector>

class QGridLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace sigma::core {
struct Error;
}

namespace sigma::terminal {

class MainWindow;

/// The services app's sale: service tiles by category and search, each line with the master who
/// does it (chosen per line; new lines get the last chosen, as till::SaleSession keeps it), the
/// customer on the sale with their card, and payment through the trade app's PaymentDialog. An
/// appointment opened as a sale (AppointmentsScreen) arrives here with its lines and customer.
/// The cart is the runtime's till::SaleSession; every change is a call on the worker thread.
class ServicesSaleScreen : public QWidget {
    Q_OBJECT
public:
    explicit ServicesSaleScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    /// The sale now being rung is this appointment's (its receipt UUID is linked to it).
    void setAppointment(const std::string& id, const QString& label);

    static constexpr int kSearchDebounceMs = 150;

private:
    void load();
    void showCategory(const std::string& categoryId);
    void showTiles(const std::vector<store::CatalogProduct>& products);
    void runSearch();
    void addService(const store::CatalogProduct& product);
    void pickMaster(int line);
    void pickCustomer();
    void openCard();
    void pay();
    void refreshCart();
    void fail(const core::Error& error);
    /// Runs a SaleSession change on the worker, then redraws the cart.
    void change(std::function<core::Status()> work);
    [[nodiscard]] int selectedLine() const;
    [[nodiscard]] QString masterName(const std::string& id) const;

    MainWindow& m_window;
    QLineEdit* m_search;
    QTimer* m_searchTimer;
    QHBoxLayout* m_categoryRow;
    QGridLayout* m_tileGrid;
    QWidget* m_tileHost;
    QLabel* m_customer;
    QLabel* m_appointment;
    QPushButton* m_currentMaster;
    QTableWidget* m_cart;
    QLabel* m_total;
    QLabel* m_message;
    QPushButton* m_pay;
    std::vector<store::Master> m_masters;
    std::vector<store::CatalogCategory> m_categories;
    std::string m_category;
    QString m_customerName;
    std::string m_customerShown; ///< the customer id m_customerName belongs to
    std::string m_appointmentId;
    QString m_appointmentLabel;
};

} // namespace sigma::terminal
