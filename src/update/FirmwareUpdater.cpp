#include "update/FirmwareUpdater.h"

#include "core/ErrorCodes.h"
#include "update/PackageReader.h"

namespace sigma::update {

core::Result<FirmwareResult> FirmwareUpdater::flash(const std::filesystem::path& package, const TrustStore& trust,
                                                    fiscal::FirmwareFlasher& register_, bool allowDowngrade,
                                                    const ProgressCallback& progress)
{
    SIGMA_ASSIGN_OR_RETURN(const auto verified, PackageReader::verify(package, trust, progress));
    const Manifest& manifest = verified.manifest;
    if (manifest.component != Component::KktFirmware) {
        return core::Error(core::errc::kUpdateWrongComponent,
                           "this is a " + std::string(componentName(manifest.component)) + " package, not kkt-firmware",
                           "component");
    }
    if (manifest.files.size() != 1 || manifest.files.front().path != "firmware.bin") {
        return core::Error(core::errc::kPackageMalformed, "a kkt-firmware package holds exactly one file, firmware.bin");
    }
    SIGMA_ASSIGN_OR_RETURN(const std::string runningText, register_.firmwareVersion());
    // Registers report their own version spellings; only a MAJOR.MINOR.PATCH one can be compared.
    if (const auto running = Version::parse(runningText); running && !allowDowngrade) {
        if (manifest.version <= *running) {
            return core::Error(core::errc::kUpdateDowngrade, "the register runs firmware " + runningText +
                                                                 ", the package has " + manifest.version.toString());
        }
        if (*running < manifest.minVersion) {
            return core::Error(core::errc::kUpdateTooOld, "the firmware upgrades from " + manifest.minVersion.toString() +
                                                              " on; the register runs " + runningText);
        }
    }
    SIGMA_ASSIGN_OR_RETURN(const std::string image,
                           PackageReader::readFile(package, trust, verified, "firmware.bin", kMaxImageBytes));
    fiscal::FirmwareImage firmware;
    firmware.version = manifest.version.toString();
    firmware.bytes = image;
    firmware.sha256 = manifest.files.front().sha256;
    SIGMA_TRY(register_.flashFirmware(firmware, [&](std::uint64_t done, std::uint64_t total) {
        if (progress) {
            progress(Progress{Stage::Flash, done, total, "firmware.bin"});
        }
    }));
    if (progress) {
        progress(Progress{Stage::Done, 1, 1, firmware.version});
    }
    return FirmwareResult{runningText, firmware.version, verified.keyId};
}

} // namespace sigma::update
