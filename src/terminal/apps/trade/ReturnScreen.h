#pragma once

#include <QDate>
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

namespace sigma::store {
struct ReceiptRecord;
}

namespace sigma::terminal {

class MainWindow;

/// Returns: find the original receipt by its fiscal document number, by scanning the QR code
/// printed on it, or in the list of a day's sales (the buyer lost the receipt but knows the day),
/// choose lines and quantities, refund (ReturnService, which enforces what is still
/// returnable). A return without a receipt needs a senior's PIN (AuthService::authorizeOverride).
class ReturnScreen : public QWidget {
    Q_OBJECT
public:
    explicit ReturnScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    /// A scan on this screen: the receipt's QR code (t=...&s=...&fn=...&i=...).
    void scanReceiptQr(const QString& text);

private:
    void findByNumber(std::uint32_t number);
    void showReceipt(const store::ReceiptRecord& receipt);
    /// The sales of m_day, newest first, to pick one.
    void listDay();
    void moveDay(int days);
    void refund();
    void freeForm();
    void editQuantity();

    MainWindow& m_window;
    QLineEdit* m_number;
    QLabel* m_info;
    QLabel* m_dayLabel;
    QStackedWidget* m_middle;
    QListWidget* m_dayList;
    QTableWidget* m_lines;
    QPushButton* m_refund;
    QDate m_day;
    std::vector<std::string> m_dayIds;
    std::optional<std::string> m_originalId;
    std::string m_uuid;
    bool m_running = false;
};

} // namespace sigma::terminal
