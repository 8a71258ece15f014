#pragma once

#include <QWidget>

class QLabel;

namespace sigma::terminal {

class MainWindow;
class PinPad;

/// The forced PIN change (a PIN set by someone else, e.g. the administrator's from `sigmactl
/// init`): current PIN, new PIN, the new PIN again, then AuthService::changePin.
class ChangePinScreen : public QWidget {
    Q_OBJECT
public:
    explicit ChangePinScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void submit(const QString& value);
    void showStep();

    MainWindow& m_window;
    QLabel* m_title;
    QLabel* m_message;
    PinPad* m_pad;
    int m_step = 0;
    QString m_old;
    QString m_new;
};

} // namespace sigma::terminal
