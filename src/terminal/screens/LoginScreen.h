#pragma once

#include <QWidget>

class QLabel;

namespace sigma::terminal {

class MainWindow;
class PinPad;

/// Cashier login by PIN (AuthService::login on the worker: Argon2 takes tens of ms). Shows the
/// lockout and how long it lasts after too many wrong PINs.
class LoginScreen : public QWidget {
    Q_OBJECT
public:
    explicit LoginScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void submit(const QString& pin);

    MainWindow& m_window;
    QLabel* m_message;
    PinPad* m_pad;
    bool m_running = false;
};

} // namespace sigma::terminal
