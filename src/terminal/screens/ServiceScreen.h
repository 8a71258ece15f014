#pragma once

#include <QWidget>

#include <map>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace sigma::terminal {

class MainWindow;

/// The technician's service mode (Permission::ServiceMode only): the fiscal driver and a settings
/// form drawn from the driver's schema (DriverRegistry::describe, no code per driver), device
/// info and status, a test print, the journal check and the log.
class ServiceScreen : public QWidget {
    Q_OBJECT
public:
    explicit ServiceScreen(MainWindow& window);
    Q_INVOKABLE void activate();

private:
    void buildForm(const QString& driverId);
    void save();
    void deviceTask(const char* type, const QString& title);
    void verifyJournal();
    void showLog();

    MainWindow& m_window;
    QComboBox* m_driver;
    QFormLayout* m_form;
    QWidget* m_formHost;
    std::map<std::string, QWidget*> m_fields;
    QPlainTextEdit* m_output;
};

} // namespace sigma::terminal
