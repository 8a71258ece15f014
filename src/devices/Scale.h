#pragma once

#include "core/Quantity.h"
#include "core/Result.h"

#include <cstdint>
#include <string_view>

namespace sigma::devices {

/// Error codes of the scales, 2000-2049 (docs/errors.md, "stock and scales").
namespace scale_errc {
inline constexpr int kNoAnswer = 2000;    ///< the scale did not answer in time (off, unplugged, wrong port)
inline constexpr int kBadFrame = 2001;    ///< the scale's answer is malformed (framing, checksum, digits)
inline constexpr int kPortFailed = 2002;  ///< the serial port cannot be opened, set up, read or written
inline constexpr int kUnsupported = 2003; ///< the scale's protocol has no such command (remote zero/tare)
inline constexpr int kNotStable = 2004;   ///< no stable weight yet
inline constexpr int kOverload = 2005;    ///< above the scale's capacity
inline constexpr int kNoWeight = 2006;    ///< zero or negative weight: nothing to sell
inline constexpr int kBadSettings = 2007; ///< scale driver settings refused (unknown driver, bad value)
} // namespace scale_errc

/// One answer of the scale.
struct WeightReading {
    core::Quantity weight; ///< kilograms in thousandths (grams); net of zero and tare; negative below zero
    bool stable = false;   ///< the scale itself says the weight has settled
    bool overload = false; ///< above capacity: `weight` means nothing
    bool negative = false; ///< below zero (a tare larger than what lies on the platform)
    std::int64_t atUs = 0; ///< when it was read, UTC µs (the caller's clock)
};

/// A shop scale connected to the terminal (весы с интерфейсом, not a label printer).
///
/// read() asks for the current weight; it never waits for the weight to settle (that is the
/// caller's rule, devices::StableWeight). zero() and tare() act like the scale's keys; protocols
/// that cannot do that remotely answer scale_errc::kUnsupported. Errors carry codes 2000-2049.
/// Implementations are used from one thread at a time and never throw.
class Scale {
public:
    virtual ~Scale() = default;

    [[nodiscard]] virtual core::Result<WeightReading> read() = 0;
    [[nodiscard]] virtual core::Status zero() = 0;
    [[nodiscard]] virtual core::Status tare() = 0;
    /// The id of the driver behind this scale ("emulator", "casAp").
    [[nodiscard]] virtual std::string_view driverId() const = 0;
};

} // namespace sigma::devices
