#pragma once

#include "core/Quantity.h"

#include <QWidget>

#include <optional>
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
struct DeviceMessage;

/// The trade app's sale screen: search with live results, quick tiles by category, scans from the
/// scanner wedge, the cart with quantity and discount editing, the receipt discount, totals with
/// VAT, held receipts and the way to payment. The cart is till::SaleSession; this only shows it.
class SaleScreen : public QWidget {
    Q_OBJECT
public:
    explicit SaleScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    /// A scan from the scanner wedge (or a typed code confirmed with Enter in the search field).
    void addScan(const QString& code);
    /// Redraws the cart and totals from the session.
    void refreshCart();

    /// Milliseconds from the last scan's arrival to its line being drawn (for --measure-scan).
    [[nodiscard]] double lastScanToLineMs() const { return m_lastScanMs; }

    static constexpr int kSearchDebounceMs = 150;

signals:
    /// The cart was redrawn after a scan (tests and the scan-latency measurement wait on it).
    void scanShown(bool ok);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void runSearch();
    void showCategory(const QString& categoryId);
    void loadCategories();
    void addProduct(const store::CatalogProduct& product);
    void addLine(const store::CatalogProduct& product, std::optional<core::Quantity> quantity);
    void editQuantity();
    void editLineDiscount();
    void editReceiptDiscount();
    void removeLine();
    void freePrice();
    void hold();
    void showHeld();
    void pay();
    [[nodiscard]] int selectedLine() const;
    void problem(const DeviceMessage& message);

    MainWindow& m_window;
    QLineEdit* m_search;
    QTimer* m_searchTimer;
    QStackedWidget* m_left;
    QListWidget* m_results;
    QWidget* m_tilesPage;
    QHBoxLayout* m_categoryRow;
    QGridLayout* m_tileGrid;
    QTableWidget* m_cart;
    QLabel* m_total;
    QLabel* m_vat;
    QLabel* m_info;
    QPushButton* m_pay;
    std::vector<std::string> m_resultIds;
    double m_lastScanMs = 0;
};

} // namespace sigma::terminal
