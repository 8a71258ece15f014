#pragma once

#include <QWidget>

#include <map>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace sigma::terminal {

class ScannerWedge;
class StatusBar;
class TaskRunner;
class TerminalRuntime;
struct DeviceMessage;

/// The one window: a navigation row, a message bar for device problems, a stack of screens and
/// the status bar. Screens are named ("login", "sale", ...) so tests and `--screenshot` can reach
/// them.
class MainWindow : public QWidget {
    Q_OBJECT
public:
    MainWindow(TerminalRuntime& runtime, TaskRunner& runner, ScannerWedge& wedge, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Registers the stylesheet, icons and translations compiled into this static library.
    static void initResources();

    TerminalRuntime& runtime() { return m_runtime; }
    TaskRunner& runner() { return m_runner; }
    ScannerWedge& wedge() { return m_wedge; }
    StatusBar* statusBar() { return m_status; }

    /// First start (no app chosen) → app choice; otherwise the login screen.
    void start();
    void showScreen(const QString& name);
    [[nodiscard]] QString currentScreen() const;
    QWidget* screen(const QString& name) const;

    /// After a successful login: the forced PIN change, or the app's main screen.
    void afterLogin();
    /// The food app (hall, orders, kitchen) instead of the sale screen.
    [[nodiscard]] bool isFood() const;
    /// Locks the till: back to the PIN pad, the cart stays.
    void lock();
    /// Shows a problem with its way out; ContinuePrint is handled here (it is a register task).
    void showProblem(const DeviceMessage& message);
    void clearProblem();

    /// Switches the UI language now ("ru" or "en"), stores it in config.json and redraws every
    /// screen in it (the screens are built again; the cart and the session live in the runtime, so
    /// nothing a cashier did is lost). Returns false when config.json could not be written (the
    /// language is switched all the same).
    bool setLanguage(const QString& code);

    /// The area between the navigation row and the status bar, in global coordinates: dialogs are
    /// placed inside it so the status bar stays visible.
    [[nodiscard]] QRect contentArea() const;
    /// Fits a dialog into contentArea() (at most `preferred`) and centres it there.
    void placeDialog(QWidget* dialog, QSize preferred) const;

signals:
    void screenChanged(const QString& name);
    /// The screens were built again in another language.
    void languageChanged(const QString& code);

private:
    void buildUi();
    void addScreen(const QString& name, QWidget* widget);
    void continuePrint();
    void updateNavigation();

    TerminalRuntime& m_runtime;
    TaskRunner& m_runner;
    ScannerWedge& m_wedge;
    QWidget* m_nav = nullptr;
    std::map<QString, QPushButton*> m_navButtons;
    QWidget* m_messageBar = nullptr;
    QLabel* m_messageText = nullptr;
    QPushButton* m_messageAction = nullptr;
    QStackedWidget* m_stack = nullptr;
    StatusBar* m_status = nullptr;
    std::map<QString, QWidget*> m_screens;
    int m_messageActionKind = 0;
};

} // namespace sigma::terminal
