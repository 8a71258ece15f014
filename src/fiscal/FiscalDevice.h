#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"

#include <string_view>

namespace sigma::fiscal {

/// A fiscal register as the rest of the system sees it: something that executes one ATOL JSON
/// task (FISCAL.md) and answers with the result JSON, or with an Error whose code is the ATOL
/// error code (fiscal/AtolErrors.h).
///
/// The task level is the contract on purpose: ATOL's driver, its web server and our emulator all
/// speak it, so integrators' tasks run unchanged and the same tests cover every path.
/// Implementations are used from one thread at a time.
class FiscalDevice {
public:
    virtual ~FiscalDevice() = default;

    /// Executes one task such as {"type": "sell", ...}. Never throws.
    [[nodiscard]] virtual core::Result<core::Json> execute(const core::Json& task) = 0;

    /// The registry id of the driver behind this device ("emulator", "atol", ...).
    [[nodiscard]] virtual std::string_view driverId() const = 0;
};

} // namespace sigma::fiscal
