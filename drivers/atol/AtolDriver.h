#pragma once

#include "fiscal/DriverRegistry.h"

namespace sigma::drivers::atol {

/// Registers the "atol" driver: a real ATOL register, reached either through ATOL's driver
/// library libfptr10.so (`transport` "library", loaded with dlopen from `libraryPath`) or through
/// ATOL's web server (`transport` "webServer", at `url`). Both speak ATOL's JSON tasks, so the
/// device behaves the same either way; so does the emulator behind either.
///
/// Settings: transport, libraryPath, librarySettings (a JSON object merged over the generated
/// settings, for keys the form does not have), ATOL's connection settings (Model, Port,
/// IPAddress, IPPort, ComFile, BaudRate, UsbDevicePath) and, for the web server, url,
/// pollIntervalMs, timeoutMs. Firmware is flashed with ATOL's own tool, not by this driver.
void registerAtolDriver(fiscal::DriverRegistry& registry);

} // namespace sigma::drivers::atol
