#pragma once

#include "devices/StableWeight.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace sigma::terminal {

class MainWindow;
class ServiceSections;
class SettingsForm;

/// The technician's service mode (Permission::ServiceMode only). Two pages of device settings,
/// each a driver choice and a form drawn from the driver's schema (no code per driver): the
/// fiscal register (DriverRegistry) and the scale (drivers/scale ScaleDrivers), the scale with a
/// live weight read-out and the stable-weight indication (devices::StableWeight, the rule a sale
/// uses). Beside them: device info and status, a test print, the journal check and the log.
class ServiceScreen : public QWidget {
    Q_OBJECT
public:
    explicit ServiceScreen(MainWindow& window);
    Q_INVOKABLE void activate();

    /// How often the scale is read while its page is shown.
    static constexpr int kScalePollMs = 200;

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void showPage(int page);
    void buildForm(const QString& driverId);
    void buildScaleForm(const QString& driverId);
    void save();
    void saveScale();
    void readScale();
    void scaleKey(bool tare);
    void deviceTask(const char* type, const QString& title);
    void verifyJournal();
    void showLog();

    MainWindow& m_window;
    QPushButton* m_fiscalTab;
    QPushButton* m_scaleTab;
    QStackedWidget* m_pages;
    QComboBox* m_driver;
    SettingsForm* m_form;
    QComboBox* m_scaleDriver;
    SettingsForm* m_scaleForm;
    QLabel* m_weight;
    QLabel* m_weightState;
    QTimer* m_scaleTimer;
    devices::StableWeight m_stable;
    bool m_scaleReading = false;
    QPlainTextEdit* m_output;
    ServiceSections* m_sections = nullptr;
};

} // namespace sigma::terminal
