#pragma once

#include "terminal/DeviceMessage.h"

namespace sigma::core {
struct Error;
}

namespace sigma::terminal {

/// The update and firmware errors (core/ErrorCodes.h, 2400-2449: packages, install, rollback,
/// register firmware) in the technician's words. DeviceMessage::fromError hands these codes here,
/// so the service screens and any other caller say the same.
class UpdateMessage {
public:
    [[nodiscard]] static bool handles(int code) { return code >= 2400 && code < 2450; }
    static DeviceMessage fromError(const core::Error& error);
};

} // namespace sigma::terminal
