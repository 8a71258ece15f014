#pragma once

#include "fiscal/DriverRegistry.h"

namespace sigma::drivers::emulator {

/// Registers the "emulator" driver: the virtual register in `<dataDir>/kkt.db` (or the
/// `stateFile` setting), running in the caller's process.
void registerEmulatorDriver(fiscal::DriverRegistry& registry);

} // namespace sigma::drivers::emulator
