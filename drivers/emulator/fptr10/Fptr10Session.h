#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/Result.h"
#include "drivers/emulator/VirtualKkt.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace sigma::drivers::emulator {

/// What one `libfptr_handle` of libfptr10.so is: settings, the register's "connection" (a
/// VirtualKkt over the state file, with the system clock), the JSON parameter in and out, and the
/// last call's error. The C functions in fptr10.cpp translate wchar_t and catch exceptions; this
/// class is the behaviour, in UTF-8 and Result.
///
/// Like ATOL's driver: every call sets the last error (0 on success); input parameters are
/// cleared after each process/validate call; output parameters are cleared when a call starts.
class Fptr10Session {
public:
    static constexpr int kParamJsonData = 65645;

    Fptr10Session();

    [[nodiscard]] core::Status setSettings(const std::string& json);
    [[nodiscard]] std::string settings() const;

    [[nodiscard]] core::Status open();
    void close();
    [[nodiscard]] bool isOpened() const { return m_kkt != nullptr; }

    [[nodiscard]] core::Status setParam(int paramId, std::string value);
    [[nodiscard]] core::Result<std::string> param(int paramId) const;

    [[nodiscard]] core::Status processJson();
    [[nodiscard]] core::Status validateJson();

    /// Records the outcome of a call as the last error (0 and "Ошибок нет" for success).
    void record(const core::Status& status);
    [[nodiscard]] int errorCode() const { return m_errorCode; }
    [[nodiscard]] const std::string& errorDescription() const { return m_errorDescription; }

private:
    core::Result<core::Json> takeTask();

    core::Json m_settings;
    std::filesystem::path m_statePath{"kkt.db"};
    int m_utcOffsetMinutes = 180;

    core::SystemClock m_clock; // a driver instance is its own executable-like root: the real clock
    std::unique_ptr<VirtualKkt> m_kkt;

    std::optional<std::string> m_jsonIn;
    std::string m_jsonOut;

    int m_errorCode = 0;
    std::string m_errorDescription;
};

} // namespace sigma::drivers::emulator
