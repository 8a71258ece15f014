#pragma once

#include <QWidget>

#include <vector>

class QPushButton;
class QStackedWidget;

namespace sigma::terminal {

class DiagnosticsPage;
class FirmwarePage;
class LifecyclePage;
class MainWindow;
class UpdatesPage;

/// The sections of the service mode: the device settings page ServiceScreen draws itself, then
/// updates, diagnostics, register firmware and the register's lifecycle, one touch button each.
/// Each section is shown only to a session with Permission::ServiceMode (MainWindow refuses the
/// whole screen to anyone else; this is the second lock, for a screen reached some other way).
class ServiceSections : public QWidget {
    Q_OBJECT
public:
    ServiceSections(MainWindow& window, QWidget* devices, QWidget* parent);

    /// Refreshes the shown section (the screen was opened).
    void activate();
    void showSection(int index);

private:
    MainWindow& m_window;
    std::vector<QPushButton*> m_tabs;
    QStackedWidget* m_stack;
    UpdatesPage* m_updates;
    DiagnosticsPage* m_diagnostics;
    FirmwarePage* m_firmware;
    LifecyclePage* m_lifecycle;
};

} // namespace sigma::terminal
