#pragma once

#include "core/Date.h"
#include "store/CatalogRepository.h"
#include "till/AppointmentService.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sigma::terminal {

class MainWindow;

/// The salon's day: a column per master, a row per half hour, each appointment a card spanning its
/// slot (scheduled blue, done green, outside a master's working hours grey). ◀ date ▶ to move
/// between days. A tap on a free slot books it (AppointmentDialog); a tap on a card selects it for
/// «Оформить продажу» (the appointment's services, masters and customer become the sale, one
/// tap), «Перенести» (another slot or master) or «Отменить» (with a reason). The day is
/// till::AppointmentService::day() on the worker.
class AppointmentsScreen : public QWidget {
    Q_OBJECT
public:
    explicit AppointmentsScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    void setDate(core::Date date);
    [[nodiscard]] core::Date date() const { return m_date; }
    /// The appointment whose card is selected, empty when none.
    [[nodiscard]] const std::string& selectedId() const { return m_selected; }
    /// Selects an appointment's card (as a tap does).
    void select(const std::string& id);
    /// The grid cell of a master's column at a time (tests tap it); -1 when not shown.
    [[nodiscard]] int rowOf(int minuteOfDay) const;

    static constexpr int kSlotMin = 30;

signals:
    /// The day was drawn (tests wait on it).
    void dayShown();

private:
    void reload();
    void draw();
    void cellTapped(int row, int column);
    void newAppointment(const std::string& masterId, int startMin);
    void moveSelected();
    void cancelSelected();
    void toSale();
    void updateActions();
    [[nodiscard]] const store::Appointment* selected() const;
    [[nodiscard]] QString describe(const store::Appointment& a) const;

    MainWindow& m_window;
    core::Date m_date;
    QLabel* m_dateLabel;
    QTableWidget* m_grid;
    QLabel* m_info;
    QLabel* m_message;
    QPushButton* m_toSale;
    QPushButton* m_move;
    QPushButton* m_cancel;
    till::DayView m_day;
    std::vector<store::CatalogProduct> m_services;
    std::string m_selected;
    int m_firstMin = 8 * 60;
    bool m_loaded = false;
};

} // namespace sigma::terminal
