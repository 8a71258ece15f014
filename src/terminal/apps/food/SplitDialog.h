#pragma once

#include "till/FoodTypes.h"
#include "till/OrderService.h"

#include <QDialog>

#include <vector>

class QLabel;
class QSpinBox;
class QTableWidget;

namespace sigma::terminal {

/// Splitting the bill: equally into N receipts, or by lines (each line goes to the part a tap on
/// it picks). The sums of the parts are OrderService's to compute (to the kopeck); the dialog only
/// says what the guests asked for. Accepted: read equalParts() (0 for a split by lines) or parts().
class SplitDialog : public QDialog {
    Q_OBJECT
public:
    SplitDialog(const till::Order& order, QWidget* parent = nullptr);

    [[nodiscard]] int equalParts() const { return m_equal; }
    [[nodiscard]] std::vector<till::SplitPart> parts() const;

private:
    void updateLines();

    std::vector<till::OrderLine> m_lines; ///< the order's lines still on it
    std::vector<int> m_partOf;            ///< per line: its part, 1-based
    QSpinBox* m_count;
    QTableWidget* m_table;
    int m_equal = 0;
};

} // namespace sigma::terminal
