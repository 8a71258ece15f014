#pragma once

#include "core/ExactJson.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sigma::fiscal {
class OfdSettingsWriter;
}

namespace sigma::terminal {

class ConfirmPanel;
class MainWindow;
struct OfdSettings;

/// Service mode, "Регистрация ККТ": the register's lifecycle tasks, each behind a confirmation that
/// names the consequence and the report the register prints: re-registration with changed details
/// (the `registration` task with only the filled fields), FN replacement (`fnChange`) and closing
/// the FN archive (`closeArchive`); and the OFD connection settings (OfdSettings). The register
/// checks its own rules (no shift open, archive closed before a replacement); its refusals are
/// shown in words.
class LifecyclePage : public QWidget {
    Q_OBJECT
public:
    explicit LifecyclePage(MainWindow& window, QWidget* parent = nullptr);
    void activate();

private:
    QLineEdit* field(const char* name, const QString& placeholder);
    void runTask(core::Json task, const QString& title);
    void reRegister();
    /// The form's values, saved to the file; false (and the reason shown) when malformed.
    bool saveOfdForm(OfdSettings& settings, const QString& failure);
    void saveOfd();
    void writeOfd();
    void readDeviceOfd();
    fiscal::OfdSettingsWriter* ofdWriter();

    MainWindow& m_window;
    QLineEdit* m_orgName;
    QLineEdit* m_orgVatin;
    QLineEdit* m_orgAddress;
    QLineEdit* m_orgEmail;
    QLineEdit* m_regNumber;
    QLineEdit* m_ofdName;
    QLineEdit* m_ofdVatin;
    QLineEdit* m_ofdHost;
    QLineEdit* m_ofdPort;
    QLineEdit* m_ofdDns;
    QPushButton* m_ofdWrite;
    QLabel* m_ofdDevice;
    QLabel* m_result;
    ConfirmPanel* m_confirm;
    QList<QPushButton*> m_buttons;
};

} // namespace sigma::terminal
