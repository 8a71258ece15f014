#include "drivers/atol/DeviceError.h"

#include "fiscal/AtolErrors.h"

#include <string>

namespace sigma::drivers::atol {

namespace {

// libfptr10's LIBFPTR_ERROR_CONNECTION_DISABLED and LIBFPTR_ERROR_PORT_NOT_AVAILABLE.
constexpr int kConnectionDisabled = 1;
constexpr int kPortNotAvailable = 4;

} // namespace

core::Error deviceError(int code, std::string_view description)
{
    namespace codes = fiscal::atol;
    const std::string text(description);
    if (code == kConnectionDisabled || code == kPortNotAvailable) {
        return fiscal::atolError(codes::kNoConnection, text + " (driver code " + std::to_string(code) + ")");
    }
    if (code == codes::kOk) {
        return fiscal::atolError(codes::kDriverFailure,
                                 "the driver reported a failure without an error code" + (text.empty() ? "" : ": " + text));
    }
    if (text.empty()) {
        return fiscal::atolError(code);
    }
    if (text.starts_with(fiscal::atolErrorDescription(code))) {
        return core::Error(code, text);
    }
    return fiscal::atolError(code, text);
}

} // namespace sigma::drivers::atol
