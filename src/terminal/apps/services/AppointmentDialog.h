#pragma once

#include "core/Date.h"
#include "store/AppointmentRepository.h"
#include "store/CatalogRepository.h"
#include "store/MasterRepository.h"

#include <QDialog>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace sigma::terminal {

class MainWindow;

/// A new appointment (customer, services, master, time, duration) or a move of an existing one to
/// another slot or master. Saving is till::AppointmentService::create / move on the worker; a
/// refusal (the master is busy, outside the working hours) stays in the dialog in words, so the
/// administrator picks another time without starting over. Opened with open(); saved() after a
/// successful save.
class AppointmentDialog : public QDialog {
    Q_OBJECT
public:
    struct Setup {
        core::Date date;
        std::vector<store::Master> masters;
        std::vector<store::CatalogProduct> services; ///< the catalog's services to choose from
        std::string masterId;                        ///< preselected
        int startMin = 10 * 60;                      ///< preselected, minutes after local midnight
        std::optional<store::Appointment> moving;    ///< set: a move of this appointment
        std::string movingCustomer;                  ///< the moving appointment's customer, for the title
    };

    AppointmentDialog(MainWindow& window, Setup setup, QWidget* parent);

    static constexpr int kFirstMinute = 7 * 60;
    static constexpr int kLastMinute = 22 * 60;
    static constexpr int kStepMin = 15;

signals:
    void saved(const QString& appointmentId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void pickCustomer();
    void save();

    MainWindow& m_window;
    Setup m_setup;
    QComboBox* m_master;
    QComboBox* m_time;
    QComboBox* m_duration;
    QLabel* m_customer;
    QListWidget* m_services;
    QLineEdit* m_note;
    QLabel* m_message;
    std::string m_customerId;
};

} // namespace sigma::terminal
