#pragma once

#include <QDialog>

#include <string>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace sigma::core {
class Money;
}

namespace sigma::terminal {

class MainWindow;

/// Payment of the current cart: cash with quick amounts and change, card through the payment
/// terminal, or mixed; an electronic receipt by phone or e-mail; the result with its fiscal number.
///
/// A double tap can never ring or charge twice: the checkout UUID is made once when the dialog
/// opens and reused by every retry (CheckoutService is idempotent by it), and the pay buttons are
/// disabled while a checkout runs on the worker. Only an outcome that is known to have ended (a
/// declined card, a refused input) lets the next attempt take a new UUID.
class PaymentDialog : public QDialog {
    Q_OBJECT
public:
    PaymentDialog(MainWindow& window, QWidget* parent = nullptr);

    [[nodiscard]] const std::string& checkoutUuid() const { return m_uuid; }

private:
    enum class Method { Cash = 1, Card, Mixed };

    void pay(Method method);
    void updateChange();
    void setBusy(bool busy, const QString& text);
    void continuePrint();
    [[nodiscard]] core::Money total() const;

    MainWindow& m_window;
    std::string m_uuid;
    QStackedWidget* m_pages;
    QLabel* m_total;
    QLineEdit* m_given;
    QLabel* m_change;
    QLineEdit* m_contact;
    QCheckBox* m_paperless;
    QLabel* m_status;
    QList<QPushButton*> m_payButtons;
    QLabel* m_result;
    QPushButton* m_continuePrint;
    bool m_running = false;
};

} // namespace sigma::terminal
