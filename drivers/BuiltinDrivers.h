#pragma once

#include "fiscal/DriverRegistry.h"

namespace sigma::drivers {

/// Registers every fiscal driver this build ships: the emulator and the ATOL driver. The
/// executables call this once on the registry they own.
void registerBuiltinDrivers(fiscal::DriverRegistry& registry);

} // namespace sigma::drivers
