#pragma once

#include <QWidget>

#include <optional>
#include <string>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace sigma::terminal {

class MainWindow;

/// Returns: find the original receipt by its fiscal document number or by scanning the QR code
/// printed on it, choose lines and quantities, refund (ReturnService, which enforces what is still
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
    void refund();
    void freeForm();
    void editQuantity();

    MainWindow& m_window;
    QLineEdit* m_number;
    QLabel* m_info;
    QTableWidget* m_lines;
    QPushButton* m_refund;
    std::optional<std::string> m_originalId;
    std::string m_uuid;
    bool m_running = false;
};

} // namespace sigma::terminal
