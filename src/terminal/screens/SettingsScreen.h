#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace sigma::terminal {

class MainWindow;

/// Settings every employee may change at the till: the UI language (Russian or English), applied
/// at once and kept in config.json. Device settings stay in the technician's service mode.
class SettingsScreen : public QWidget {
    Q_OBJECT
public:
    explicit SettingsScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    MainWindow& m_window;
    QPushButton* m_russian;
    QPushButton* m_english;
    QLabel* m_message;
};

} // namespace sigma::terminal
