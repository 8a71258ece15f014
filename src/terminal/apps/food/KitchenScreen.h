#pragma once

#include "till/KitchenService.h"

#include <QWidget>

#include <vector>

class QGridLayout;
class QLabel;
class QTimer;

namespace sigma::terminal {

class MainWindow;
class PrintPump;

/// The kitchen screen mode: the tickets not yet ready as cards, oldest first (table, time, what
/// to make, add, take off or cancel, with modifiers and comments), "Готово" on each; the printers'
/// state and "Повторить печать" on top. KitchenService does the work on the worker thread.
class KitchenScreen : public QWidget {
    Q_OBJECT
public:
    KitchenScreen(MainWindow& window, PrintPump& pump);
    Q_INVOKABLE void activate();
    void refresh();

    static constexpr int kRefreshMs = 5000;

signals:
    void ticketsShown(int count);

private:
    void draw(const std::vector<till::KitchenTicket>& tickets);
    void markReady(const std::string& ticketId);

    MainWindow& m_window;
    PrintPump& m_pump;
    QGridLayout* m_cards;
    QLabel* m_printers;
    QLabel* m_info;
    QTimer* m_timer;
    bool m_loading = false;
};

} // namespace sigma::terminal
