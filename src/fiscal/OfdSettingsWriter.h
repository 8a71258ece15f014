#pragma once

#include "core/Result.h"
#include "fiscal/OfdConnection.h"

namespace sigma::fiscal {

/// Implemented, besides FiscalDevice, by a driver whose DriverCapabilities::ofdSettings is true;
/// the app finds it with dynamic_cast. A register accepts a new OFD address at any time (an open
/// shift included): documents already queued go to the new server.
class OfdSettingsWriter {
public:
    virtual ~OfdSettingsWriter() = default;

    /// What the register holds now; an empty host when it was never set.
    [[nodiscard]] virtual core::Result<OfdConnection> ofdConnection() = 0;
    /// OfdConnection::validate() (kInvalidArgument naming the field), then stored in the register.
    [[nodiscard]] virtual core::Status writeOfdConnection(const OfdConnection& connection) = 0;
};

} // namespace sigma::fiscal
