#include "drivers/BuiltinDrivers.h"

#include "drivers/emulator/EmulatorDriver.h"
#if SIGMA_HAVE_ATOL_DRIVER
#include "drivers/atol/AtolDriver.h"
#endif

namespace sigma::drivers {

void registerBuiltinDrivers(fiscal::DriverRegistry& registry)
{
    emulator::registerEmulatorDriver(registry);
#if SIGMA_HAVE_ATOL_DRIVER
    atol::registerAtolDriver(registry);
#endif
}

} // namespace sigma::drivers
