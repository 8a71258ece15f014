#pragma once

#include "core/Result.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sigma::fiscal {

/// A firmware image whose package signature and hash were already verified (update::FirmwareUpdater).
struct FirmwareImage {
    std::string version;
    std::string_view bytes;
    std::array<std::uint8_t, 32> sha256{};
};

/// Implemented, besides FiscalDevice, by a driver whose DriverCapabilities::firmwareUpdate is true;
/// the app finds it with dynamic_cast. Flashing must be safe against a kill or power cut at any
/// moment: the image goes to the inactive slot and the register switches to it only when complete.
class FirmwareFlasher {
public:
    virtual ~FirmwareFlasher() = default;

    /// Called after each written part: bytes done of total.
    using FlashProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;

    /// The running firmware's version.
    [[nodiscard]] virtual core::Result<std::string> firmwareVersion() = 0;
    /// Writes and activates `image`; kFirmwareFlashRefused while a shift or a receipt is open.
    [[nodiscard]] virtual core::Status flashFirmware(const FirmwareImage& image, const FlashProgress& progress) = 0;
};

} // namespace sigma::fiscal
