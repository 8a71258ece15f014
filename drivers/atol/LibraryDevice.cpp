#include "drivers/atol/LibraryDevice.h"

#include "drivers/atol/DeviceError.h"
#include "drivers/atol/WideText.h"
#include "fiscal/AtolErrors.h"

#include <cwchar>
#include <exception>
#include <vector>

namespace sigma::drivers::atol {

namespace {

namespace codes = fiscal::atol;

constexpr int kInitialBufferChars = 4096;
// A register's answer is kilobytes (a document's TLV as JSON at most); a driver that keeps asking
// for more than this is broken, and is not given the memory.
constexpr int kMaxBufferChars = 64 * 1024 * 1024;

} // namespace

LibraryDevice::LibraryDevice(std::shared_ptr<const Fptr10Library> library) : m_library(std::move(library)) {}

LibraryDevice::~LibraryDevice()
{
    if (m_handle != nullptr) {
        m_library->api().destroy(&m_handle); // also closes the connection
    }
}

core::Result<std::unique_ptr<LibraryDevice>> LibraryDevice::create(std::shared_ptr<const Fptr10Library> library,
                                                                   const core::Json& settings)
{
    std::unique_ptr<LibraryDevice> device(new LibraryDevice(std::move(library)));
    const Fptr10Api& api = device->m_library->api();
    if (api.create(&device->m_handle) != 0 || device->m_handle == nullptr) {
        device->m_handle = nullptr;
        return fiscal::atolError(codes::kDriverFailure, "libfptr_create failed in " + device->m_library->path());
    }
    SIGMA_ASSIGN_OR_RETURN(std::wstring wide, toWide(settings.dump()));
    if (api.setSettings(device->m_handle, wide.c_str()) != 0) {
        const core::Error error = device->lastError();
        return core::Error(error.code, error.message + " (in the driver settings)", "settings");
    }
    return device;
}

core::Result<core::Json> LibraryDevice::execute(const core::Json& task)
{
    try {
        return run(task);
    } catch (const std::exception& e) {
        // dump() of a task with invalid UTF-8, or memory: the device interface promises no throw.
        return fiscal::atolError(codes::kDriverFailure, e.what());
    }
}

core::Result<core::Json> LibraryDevice::run(const core::Json& task)
{
    const Fptr10Api& api = m_library->api();
    SIGMA_TRY(ensureOpen());

    auto wideTask = toWide(task.dump());
    if (!wideTask) {
        return fiscal::atolError(codes::kJsonInvalidValue, wideTask.error().message);
    }
    if (api.setParamStr(m_handle, Fptr10Api::kParamJsonData, wideTask->c_str()) != 0) {
        return lastError();
    }
    const int processed = api.processJson(m_handle);
    if (processed != 0 || api.errorCode(m_handle) != codes::kOk) {
        core::Error error = lastError();
        if (fiscal::isDeviceUnreachable(error)) {
            // Reconnect on the next task rather than keep talking into a dead link.
            api.close(m_handle);
        }
        return error;
    }

    SIGMA_ASSIGN_OR_RETURN(auto wideAnswer, readString([&](wchar_t* buffer, int size) {
        return api.getParamStr(m_handle, Fptr10Api::kParamJsonData, buffer, size);
    }));
    if (!wideAnswer) {
        return lastError();
    }
    auto answer = fromWide(*wideAnswer);
    if (!answer) {
        return fiscal::atolError(codes::kDriverFailure, "the driver's answer: " + answer.error().message);
    }
    if (answer->empty()) {
        return core::Json::object(); // tasks that only print answer nothing
    }
    auto json = core::parseJsonExact(*answer);
    if (!json) {
        return fiscal::atolError(codes::kDriverFailure, "the driver answered with malformed JSON: " + json.error().message);
    }
    return std::move(*json);
}

core::Status LibraryDevice::ensureOpen()
{
    const Fptr10Api& api = m_library->api();
    if (api.isOpened(m_handle) != 0) {
        return core::ok();
    }
    if (api.open(m_handle) == 0) {
        return core::ok();
    }
    // Whatever the driver's code, failing to open means the register could not be reached.
    const core::Error error = lastError();
    if (error.code == codes::kNoConnection) {
        return error;
    }
    return fiscal::atolError(codes::kNoConnection, error.message + " (driver code " + std::to_string(error.code) + ")");
}

template <typename Getter>
core::Result<std::optional<std::wstring>> LibraryDevice::readString(Getter&& getter) const
{
    std::vector<wchar_t> buffer(kInitialBufferChars);
    // The size needed can grow between two calls only if the value changes; a few rounds suffice.
    for (int attempt = 0; attempt < 4; ++attempt) {
        const int size = static_cast<int>(buffer.size());
        const int needed = getter(buffer.data(), size);
        if (needed < 0) {
            return std::optional<std::wstring>();
        }
        if (needed <= size) {
            // The size counts the terminator; stop at the first NUL in case a driver counts otherwise.
            const std::size_t limit = needed == 0 ? 0 : static_cast<std::size_t>(needed) - 1;
            return std::optional<std::wstring>(std::wstring(buffer.data(), wcsnlen(buffer.data(), limit)));
        }
        if (needed > kMaxBufferChars) {
            return fiscal::atolError(codes::kDriverFailure,
                                     "the driver asks for a buffer of " + std::to_string(needed) + " characters");
        }
        buffer.assign(static_cast<std::size_t>(needed), L'\0');
    }
    return fiscal::atolError(codes::kDriverFailure, "the driver's answer kept growing while it was read");
}

core::Error LibraryDevice::lastError() const
{
    const Fptr10Api& api = m_library->api();
    const int code = api.errorCode(m_handle);
    std::string description;
    auto wide = readString([&](wchar_t* buffer, int size) { return api.errorDescription(m_handle, buffer, size); });
    if (wide.ok() && wide->has_value()) {
        description = fromWide(**wide).valueOr(std::string("(the error description is not valid text)"));
    }
    return deviceError(code, description);
}

} // namespace sigma::drivers::atol
