#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace sigma::terminal {

class MainWindow;

/// Service mode → "Облако": the cloud URL (config.json cloud.url), the live sync status in words,
/// "Синхронизировать сейчас", and the way into the registration wizard while the terminal is not
/// activated. Reads the engine's status only; the engine runs on its own thread.
class CloudScreen : public QWidget {
    Q_OBJECT
public:
    explicit CloudScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void saveUrl();
    void refresh();

    MainWindow& m_window;
    QLineEdit* m_url;
    QLabel* m_state;
    QLabel* m_result;
    QPushButton* m_syncNow;
    QPushButton* m_register;
    QTimer* m_timer;
};

} // namespace sigma::terminal
