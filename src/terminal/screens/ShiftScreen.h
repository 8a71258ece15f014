#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sigma::terminal {

class MainWindow;

/// Shift open, X report, close with a blind cash count (the expected cash and over/short appear
/// only after the count is entered), cash in / cash out. Every button is one ShiftService call
/// on the worker (each prints a register document).
class ShiftScreen : public QWidget {
    Q_OBJECT
public:
    explicit ShiftScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void runShift(std::function<QString()> work);
    void showCount(bool visible);

    MainWindow& m_window;
    QLabel* m_state;
    QLabel* m_result;
    QPushButton* m_open;
    QPushButton* m_x;
    QPushButton* m_close;
    QWidget* m_countPanel;
    QLineEdit* m_counted;
    QLineEdit* m_cashAmount;
    QLineEdit* m_cashReason;
    QList<QPushButton*> m_actions;
    bool m_running = false;
};

} // namespace sigma::terminal
