#pragma once

#include "till/HallService.h"

#include <QWidget>

#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;
class QTimer;

namespace sigma::terminal {

class MainWindow;
class PrintPump;

/// The food app's hall map: the tables on their grid cells, each free / occupied / bill printed
/// with its guests, minutes open and total. A tap opens the table's order (a new one on a free
/// table). In edit mode (for roles that manage the catalog, as HallService's callers require) a
/// tap on an empty cell adds a table there, or moves the selected one; rename and remove act on
/// the selected table. The kitchen printers' state is shown on top.
class HallScreen : public QWidget {
    Q_OBJECT
public:
    HallScreen(MainWindow& window, PrintPump& pump);
    Q_INVOKABLE void activate();

    /// Reloads the map from HallService (on the worker).
    void refresh();
    [[nodiscard]] bool editing() const { return m_editing; }

    static constexpr int kRefreshMs = 30000; ///< minutes open move on by themselves

signals:
    /// The map was drawn (tests wait on it).
    void mapShown();

private:
    void draw();
    void tapTable(const till::HallTableView& view);
    void tapCell(int x, int y);
    void setEditing(bool editing);
    void renameSelected();
    void removeSelected();
    void openOrder(const std::string& tableId);
    [[nodiscard]] bool mayEdit() const;

    MainWindow& m_window;
    PrintPump& m_pump;
    QGridLayout* m_grid;
    QLabel* m_printers;
    QLabel* m_info;
    QPushButton* m_edit;
    QWidget* m_editRow;
    QTimer* m_timer;
    std::vector<till::HallTableView> m_tables;
    std::optional<std::string> m_selected; ///< edit mode: the table a tap on a cell moves
    bool m_editing = false;
    bool m_loading = false;
};

} // namespace sigma::terminal
