#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace sigma::terminal {

/// An in-page confirmation for operations that cannot be undone (closing the FN archive, FN
/// replacement, re-registration, rollback): says the consequence and what the register prints,
/// then waits for "Подтвердить" or "Отмена". In the page rather than a modal box, so the touch
/// layout and the status bar stay as they are.
class ConfirmPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConfirmPanel(const QString& objectName, QWidget* parent = nullptr);

    void ask(const QString& consequence, std::function<void()> onConfirm);
    void dismiss();

private:
    QLabel* m_text;
    QPushButton* m_confirm;
    std::function<void()> m_onConfirm;
};

} // namespace sigma::terminal
