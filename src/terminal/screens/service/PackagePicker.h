#pragma once

#include <QStringList>
#include <QWidget>

#include <filesystem>

class QListWidget;

namespace sigma::terminal {

/// A touch-sized list of package files (*.tar.gz) found under a few roots: the USB sticks the
/// system mounts under /media, the terminal's data directory and the update downloads. A list
/// rather than a file dialog: a technician picks a file, never browses the whole system.
class PackagePicker : public QWidget {
    Q_OBJECT
public:
    PackagePicker(const QString& objectName, QWidget* parent = nullptr);

    void setRoots(const QStringList& roots);
    void refresh();
    /// The chosen file, empty when none.
    [[nodiscard]] std::filesystem::path selected() const;
    /// Chooses `file` in the list (after a download); false when it is not listed.
    bool select(const std::filesystem::path& file);

    /// How deep under a root files are looked for (/media/<user>/<stick>/updates/...).
    static constexpr int kMaxDepth = 4;

private:
    QStringList m_roots;
    QListWidget* m_list;
};

} // namespace sigma::terminal
