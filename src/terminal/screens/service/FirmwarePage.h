#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace sigma::fiscal {
class FirmwareFlasher;
}

namespace sigma::terminal {

class ConfirmPanel;
class MainWindow;
class PackagePicker;
class StageProgress;

/// Service mode, "Прошивка ККТ". When the configured driver declares the capability
/// (DriverCapabilities::firmwareUpdate) and the device implements fiscal::FirmwareFlasher: a signed
/// kkt-firmware package from a USB stick, flashed by update::FirmwareUpdater with its stages on a
/// progress bar; the register itself refuses while a shift or a receipt is open, and the screen
/// says so in words. Otherwise: "flashing is done with the vendor's tool" and the current version.
class FirmwarePage : public QWidget {
    Q_OBJECT
public:
    explicit FirmwarePage(MainWindow& window, QWidget* parent = nullptr);
    void activate();

private:
    fiscal::FirmwareFlasher* flasher();
    void readVersion();
    void flash();

    MainWindow& m_window;
    QLabel* m_version;
    QLabel* m_capability;
    PackagePicker* m_picker;
    StageProgress* m_progress;
    QLabel* m_result;
    ConfirmPanel* m_confirm;
    QPushButton* m_flash;
};

} // namespace sigma::terminal
