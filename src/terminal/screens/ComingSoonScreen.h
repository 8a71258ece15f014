#pragma once

#include <QWidget>

namespace sigma::terminal {

class MainWindow;

/// Услуги and Еда are chosen but not built yet: a friendly page, and a way back while the choice
/// is not locked.
class ComingSoonScreen : public QWidget {
    Q_OBJECT
public:
    explicit ComingSoonScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    MainWindow& m_window;
    QWidget* m_back;
};

} // namespace sigma::terminal
