#pragma once

#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTimer;

namespace sigma::store {
struct CatalogProduct;
struct StockDocument;
}
namespace sigma::till {
struct StockLineInput;
}

namespace sigma::terminal {

class MainWindow;

/// Stock documents at the till (till::StockService): приход, списание, инвентаризация. Create one,
/// add lines by scanning or by search, correct quantities, post it. Posting is final: the
/// document is journaled for the cloud, which keeps the stock balance. Everything here needs
/// Permission::ManageCatalog, which the service checks again.
class StockScreen : public QWidget {
    Q_OBJECT
public:
    explicit StockScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    /// A scan from the scanner wedge: a line on the open draft.
    void addScan(const QString& code);

private:
    void create(int kind);
    void open(const std::string& documentId);
    void reloadList();
    void showDocument(const store::StockDocument& document);
    void runSearch();
    void addProduct(const store::CatalogProduct& product);
    void addLine(const store::CatalogProduct& product, const till::StockLineInput& input);
    void editQuantity();
    void removeLine();
    void post();
    [[nodiscard]] int selectedPosition() const;
    void say(const QString& text);

    MainWindow& m_window;
    QLineEdit* m_note;
    QListWidget* m_documents;
    QLabel* m_header;
    QLineEdit* m_search;
    QTimer* m_searchTimer;
    QStackedWidget* m_middle;
    QListWidget* m_results;
    QTableWidget* m_lines;
    QLabel* m_info;
    QPushButton* m_post;
    std::vector<std::string> m_documentIds;
    std::vector<std::string> m_resultIds;
    std::optional<std::string> m_open;
    bool m_openIsDraft = false;
};

} // namespace sigma::terminal
