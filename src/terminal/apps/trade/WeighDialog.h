#pragma once

#include "core/Money.h"
#include "core/Quantity.h"
#include "devices/StableWeight.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace sigma::terminal {

class MainWindow;

/// The weight of a weighed product for the sale: read from the configured scale (live weight,
/// the line's amount, and «Взять вес» only once devices::StableWeight calls it stable, the rule
/// the service screen shows), or typed by the cashier with 3 decimals when there is no scale or it
/// cannot weigh this. The weight is core::Quantity thousandths throughout, never a double.
class WeighDialog : public QDialog {
    Q_OBJECT
public:
    /// `name` and `pricePerKg` are the product's, for the title and the amount preview.
    WeighDialog(MainWindow& window, const QString& name, core::Money pricePerKg, QWidget* parent);

    /// The weight taken or typed; meaningful after accepted().
    [[nodiscard]] core::Quantity weight() const { return m_weight; }

    static constexpr int kPollMs = 200;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void readScale();
    void showReading(const core::Result<devices::WeightReading>& reading);
    void take();
    void typed();
    void setState(const QString& text, const QString& level);
    [[nodiscard]] QString amountText(core::Quantity weight) const;

    MainWindow& m_window;
    core::Money m_price;
    QLabel* m_weightLabel;
    QLabel* m_amount;
    QLabel* m_state;
    QLineEdit* m_typed;
    QPushButton* m_take;
    QTimer* m_timer;
    devices::StableWeight m_stable;
    std::optional<core::Quantity> m_stableWeight; ///< set only while the last verdict is Stable
    core::Quantity m_weight;
    bool m_reading = false;
};

} // namespace sigma::terminal
