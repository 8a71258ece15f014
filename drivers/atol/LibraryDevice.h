#pragma once

#include "core/ExactJson.h"
#include "core/Result.h"
#include "drivers/atol/Fptr10Library.h"
#include "fiscal/FiscalDevice.h"

#include <memory>
#include <optional>
#include <string>

namespace sigma::drivers::atol {

/// A register reached through ATOL's driver library: each task goes in as LIBFPTR_PARAM_JSON_DATA,
/// libfptr_process_json() runs it, and the result comes back in the same parameter.
///
/// The connection is opened on the first task rather than at creation, so that a terminal starts
/// with its register switched off; it is closed again after an error that means the link is gone,
/// so the next task reconnects.
class LibraryDevice final : public fiscal::FiscalDevice {
public:
    /// Creates the driver instance and gives it `settings` (ATOL's settings JSON object).
    static core::Result<std::unique_ptr<LibraryDevice>> create(std::shared_ptr<const Fptr10Library> library,
                                                               const core::Json& settings);
    ~LibraryDevice() override;
    LibraryDevice(const LibraryDevice&) = delete;
    LibraryDevice& operator=(const LibraryDevice&) = delete;

    core::Result<core::Json> execute(const core::Json& task) override;
    std::string_view driverId() const override { return "atol"; }

private:
    explicit LibraryDevice(std::shared_ptr<const Fptr10Library> library);

    core::Result<core::Json> run(const core::Json& task);
    core::Status ensureOpen();
    /// The driver's last error as an Error (deviceError()).
    core::Error lastError() const;
    /// A string getter of the driver, with the grow-and-retry buffer protocol; nullopt when the
    /// getter itself failed (the driver's error then says why).
    template <typename Getter>
    core::Result<std::optional<std::wstring>> readString(Getter&& getter) const;

    // Declared first, destroyed last: the handle's code lives in the library.
    std::shared_ptr<const Fptr10Library> m_library;
    Fptr10Api::Handle m_handle = nullptr;
};

} // namespace sigma::drivers::atol
