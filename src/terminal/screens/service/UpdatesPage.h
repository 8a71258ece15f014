#pragma once

#include "update/UpdateClient.h"

#include <QWidget>

#include <filesystem>
#include <optional>

class QLabel;
class QPushButton;

namespace sigma::terminal {

class ConfirmPanel;
class MainWindow;
class PackagePicker;
class StageProgress;

/// Service mode, "Обновления": the installed version, a package from the cloud (check, download)
/// or from a file on a USB stick, its release notes shown before it is applied, the install with
/// its stages on a progress bar, and the rollback. Every step calls update::Installer /
/// UpdateClient on the worker; a refusal (forged, damaged, older package) is shown in words and
/// nothing is written, because the installer verifies everything before its first write.
class UpdatesPage : public QWidget {
    Q_OBJECT
public:
    explicit UpdatesPage(MainWindow& window, QWidget* parent = nullptr);
    void activate();

private:
    void refreshStatus();
    void checkCloud();
    void download();
    void verify(bool thenApply);
    void apply(const std::filesystem::path& package);
    void rollback();
    void setBusy(bool busy);
    void showError(const QString& title, const core::Error& error);

    MainWindow& m_window;
    QLabel* m_status;
    PackagePicker* m_picker;
    QLabel* m_notes;
    StageProgress* m_progress;
    QLabel* m_result;
    ConfirmPanel* m_confirm;
    QPushButton* m_cloud;
    QPushButton* m_download;
    QPushButton* m_verify;
    QPushButton* m_apply;
    QPushButton* m_rollback;
    std::optional<update::UpdateOffer> m_offer;
    bool m_busy = false;
};

} // namespace sigma::terminal
