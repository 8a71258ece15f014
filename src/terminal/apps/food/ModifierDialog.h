#pragma once

#include "till/FoodTypes.h"
#include "till/ModifierService.h"

#include <QDialog>

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sigma::terminal {

/// The modifiers of one dish before it is added: each group with its options and price deltas
/// ("овсяное +50,00 ₽"), required or optional and how many may be chosen. The dialog checks
/// nothing itself: "Добавить" hands the choices to the order screen, which asks OrderService (and
/// so ModifierService's rule); a refusal comes back through showError() and the dialog stays.
class ModifierDialog : public QDialog {
    Q_OBJECT
public:
    ModifierDialog(const QString& dish, core::Money basePrice, std::vector<till::ModifierGroup> groups,
                   QWidget* parent = nullptr);

    [[nodiscard]] std::vector<till::ModifierChoice> choices() const;
    [[nodiscard]] QString comment() const;
    void showError(const QString& text);
    void setBusy(bool busy);

signals:
    /// "Добавить" was pressed with these choices.
    void chosen();

private:
    void updatePrice();

    std::vector<till::ModifierGroup> m_groups;
    core::Money m_base;
    std::vector<std::vector<QPushButton*>> m_options; ///< per group, per option
    QLabel* m_price;
    QLabel* m_error;
    QLineEdit* m_comment;
    QPushButton* m_add;
};

} // namespace sigma::terminal
