#pragma once

#include <QWidget>

class QLabel;

namespace sigma::terminal {

class MainWindow;

/// First start: which app the terminal runs (Торговля / Услуги / Еда), stored in config.json and
/// fixed once the business type is locked (the cabinet's activation).
class AppChoiceScreen : public QWidget {
    Q_OBJECT
public:
    explicit AppChoiceScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void choose(int type);

    MainWindow& m_window;
    QLabel* m_note;
    QWidget* m_register = nullptr; ///< the registration wizard; hidden once activated
    QList<QWidget*> m_buttons;
};

} // namespace sigma::terminal
