#pragma once

#include <QString>

namespace sigma::core {
struct Error;
}

namespace sigma::terminal {

/// The services app's refusals in the administrator's words: overlapping bookings with the slot
/// that is taken, working hours, phone numbers, customers. Anything else goes to DeviceMessage.
class ServicesMessage {
public:
    /// One or two lines for a label in a screen or dialog.
    static QString text(const core::Error& error);
};

} // namespace sigma::terminal
