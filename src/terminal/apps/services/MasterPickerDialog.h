#pragma once

#include "store/MasterRepository.h"

#include <QDialog>

#include <string>
#include <vector>

namespace sigma::terminal {

class MainWindow;

/// The master who does a line (or the lines added next): one large button per active master with
/// the specialty, the current one marked. Opened with open(); chosen() says who was tapped.
class MasterPickerDialog : public QDialog {
    Q_OBJECT
public:
    MasterPickerDialog(MainWindow& window, const std::vector<store::Master>& masters, const std::string& current,
                       const QString& title, QWidget* parent);

signals:
    void chosen(const QString& employeeId, const QString& name);

protected:
    void showEvent(QShowEvent* event) override;

private:
    MainWindow& m_window;
};

} // namespace sigma::terminal
