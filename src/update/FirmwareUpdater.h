#pragma once

#include "core/Result.h"
#include "fiscal/FirmwareFlasher.h"
#include "update/Progress.h"
#include "update/TrustStore.h"
#include "update/Version.h"

#include <filesystem>

namespace sigma::update {

struct FirmwareResult {
    std::string previousVersion;
    std::string version;
    std::string keyId;
};

/// Flashes a `kkt-firmware` package into a register whose driver can (fiscal::FirmwareFlasher).
/// The package holds exactly one file, firmware.bin; its signature, hash and version order are
/// checked before the register is touched. For a driver without the capability (a real ATOL
/// register) the caller shows kFirmwareUnsupported: flashing is done with ATOL's own tool.
class FirmwareUpdater {
public:
    static constexpr std::size_t kMaxImageBytes = 64 * 1024 * 1024;

    static core::Result<FirmwareResult> flash(const std::filesystem::path& package, const TrustStore& trust,
                                              fiscal::FirmwareFlasher& register_, bool allowDowngrade,
                                              const ProgressCallback& progress = {});
};

} // namespace sigma::update
