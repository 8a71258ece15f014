#pragma once

#include "core/Error.h"

#include <string_view>

namespace sigma::drivers::atol {

/// The Error for a code and description reported by ATOL's driver or web server.
///
/// The description is kept as the device gave it when it already begins with our Russian text for
/// that code (the emulator's, and ATOL's own for the common codes), so the same failure reads the
/// same whichever path it came by; otherwise it is appended to ours ("Ошибка ККТ: ..."). The
/// driver's connection codes that fiscal/AtolErrors.h does not list (1: connection not open,
/// 4: port not available) become kNoConnection, and code 0 with a failure becomes kDriverFailure,
/// so recovery sees "unreachable" for every way of not reaching the register.
core::Error deviceError(int code, std::string_view description);

} // namespace sigma::drivers::atol
