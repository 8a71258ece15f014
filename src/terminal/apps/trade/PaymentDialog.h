#pragma once

#include "till/CheckoutService.h"

#include <QDialog>

#include <functional>
#include <string>
#include <vector>

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

/// What the dialog charges when it is not the sale's cart (a food order's bill part): the amount
/// and the checkout, run on the worker thread with the payments the buyer chose. The checkout's
/// idempotency is the target's (OrderService keeps one receipt UUID per bill part).
struct PaymentTarget {
    core::Money total;
    std::function<core::Result<till::CheckoutResult>(std::vector<core::Payment> payments, bool electronically,
                                                     const std::string& contact)>
        checkout;
};

/// Payment of the current cart: cash with quick amounts and change, card through the payment
/// terminal, or mixed; an electronic receipt by phone or e-mail; the result with its fiscal number.
///
/// A double tap can never ring or charge twice: the checkout UUID is made once when the dialog
/// opens and reused by every tap until an outcome (CheckoutService is idempotent by it), and the
/// pay buttons are disabled while a checkout runs on the worker. A card that was declined or gave
/// no answer in time ends that checkout (CheckoutService marks it failed and reverses anything the
/// bank approved), so "Повторить" or another method starts a new one with a new UUID.
class PaymentDialog : public QDialog {
    Q_OBJECT
public:
    PaymentDialog(MainWindow& window, QWidget* parent = nullptr);
    /// Pays `target` instead of the sale's cart (the same screens, words and double-tap rule).
    PaymentDialog(MainWindow& window, PaymentTarget target, QWidget* parent = nullptr);

    [[nodiscard]] const std::string& checkoutUuid() const { return m_uuid; }

private:
    enum class Method { Cash = 1, Card, Mixed };

    void pay(Method method);
    void updateChange();
    void setBusy(bool busy, const QString& text);
    void continuePrint();
    void showEvent(QShowEvent* event) override;
    [[nodiscard]] core::Money total() const;

    MainWindow& m_window;
    PaymentTarget m_target;
    std::string m_uuid;
    QStackedWidget* m_pages;
    QLabel* m_total;
    QLineEdit* m_given;
    QLabel* m_change;
    QLineEdit* m_contact;
    QCheckBox* m_paperless;
    QLabel* m_status;
    QPushButton* m_retry;
    Method m_lastMethod = Method::Cash;
    QList<QPushButton*> m_payButtons;
    QLabel* m_result;
    QPushButton* m_continuePrint;
    bool m_running = false;
};

} // namespace sigma::terminal
