#pragma once

#include <QString>

namespace sigma::core {
struct Error;
}

namespace sigma::terminal {

/// What a cashier can do about a problem: the button the message offers.
enum class DeviceAction {
    None = 1,       ///< nothing to press: the hint says what to do
    ContinuePrint,  ///< the register's continuePrint task
    Retry,          ///< the same operation again (same UUID: never twice)
    OtherPayment,   ///< choose another payment method
    OpenShift,      ///< go to the shift screen
    CloseShift,     ///< the 24-hour limit: close the shift
    CallTechnician, ///< nothing the cashier can fix
};

/// A problem in plain Russian: what happened, what to do, and the way out. The code stays at the
/// end in small print for the technician, never alone.
struct DeviceMessage {
    QString title;
    QString hint;
    DeviceAction action = DeviceAction::None;
    int code = 0;

    /// The one mapping from ATOL register codes (fiscal/AtolErrors.h) and our codes
    /// (core/ErrorCodes.h) to the cashier's words.
    static DeviceMessage fromError(const core::Error& error);
    /// title + hint + "(код N)" on separate lines, for a label.
    [[nodiscard]] QString text() const;
    /// The caption of the way-out button, empty for None.
    [[nodiscard]] QString actionLabel() const;
};

} // namespace sigma::terminal
