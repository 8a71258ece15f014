#pragma once

#include "terminal/DeviceMessage.h"

namespace sigma::core {
struct Error;
}

namespace sigma::terminal {

/// The food app's errors (till/FoodErrors.h, 2150-2199, and the kitchen printers', 2200-2249) in
/// the waiter's words with the way out. DeviceMessage::fromError hands these codes here, so every
/// screen (the shift screen's refusal to close included) says the same.
class FoodMessage {
public:
    [[nodiscard]] static bool handles(int code) { return code >= 2150 && code < 2250; }
    static DeviceMessage fromError(const core::Error& error);
};

} // namespace sigma::terminal
