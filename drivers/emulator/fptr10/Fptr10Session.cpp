#include "drivers/emulator/fptr10/Fptr10Session.h"

#include "fiscal/AtolErrors.h"
#include "fiscal/AtolTask.h"

namespace sigma::drivers::emulator {

namespace atol = fiscal::atol;

namespace {

constexpr int kMinUtcOffsetMinutes = -720;
constexpr int kMaxUtcOffsetMinutes = 840;

// JSON text for the caller: strings that are not valid UTF-8 cannot come from a parsed task, but
// a dump must never throw across the C boundary, so they would become U+FFFD.
std::string toText(const core::Json& json)
{
    return json.dump(-1, ' ', false, core::Json::error_handler_t::replace);
}

} // namespace

Fptr10Session::Fptr10Session() : m_settings(core::Json::object())
{
    m_settings["StateFile"] = m_statePath.string();
    m_settings["UtcOffsetMinutes"] = m_utcOffsetMinutes;
    record(core::ok());
}

core::Status Fptr10Session::setSettings(const std::string& json)
{
    auto parsed = core::parseJsonExact(json);
    if (!parsed) {
        return fiscal::atolError(atol::kJsonSyntax, parsed.error().message);
    }
    if (!parsed->is_object()) {
        return fiscal::atolError(atol::kJsonInvalidValue, "the settings must be a JSON object");
    }
    std::filesystem::path statePath = m_statePath;
    int utcOffset = m_utcOffsetMinutes;
    if (const auto it = parsed->find("StateFile"); it != parsed->end()) {
        if (!it->is_string() || it->get_ref<const std::string&>().empty()) {
            return fiscal::atolError(atol::kJsonInvalidValue, "StateFile must be a non-empty path", "StateFile");
        }
        statePath = it->get<std::string>();
    }
    if (const auto it = parsed->find("UtcOffsetMinutes"); it != parsed->end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < kMinUtcOffsetMinutes ||
            it->get<std::int64_t>() > kMaxUtcOffsetMinutes) {
            return fiscal::atolError(atol::kJsonInvalidValue, "UtcOffsetMinutes must be an integer from -720 to 840",
                                     "UtcOffsetMinutes");
        }
        utcOffset = it->get<int>();
    }
    // ATOL's keys (Model, Port, IPAddress, ...) describe how to reach hardware: the emulator has
    // none to reach, so they are kept (get_settings shows them) and otherwise ignored.
    m_settings = std::move(*parsed);
    m_statePath = std::move(statePath);
    m_utcOffsetMinutes = utcOffset;
    m_settings["StateFile"] = m_statePath.string();
    m_settings["UtcOffsetMinutes"] = m_utcOffsetMinutes;
    return core::ok();
}

std::string Fptr10Session::settings() const
{
    return toText(m_settings);
}

core::Status Fptr10Session::open()
{
    if (m_kkt) {
        return core::ok();
    }
    VirtualKkt::Options options;
    options.statePath = m_statePath;
    options.clock = &m_clock;
    options.utcOffsetMinutes = m_utcOffsetMinutes;
    auto kkt = VirtualKkt::open(options);
    if (!kkt) {
        // VirtualKkt already says "no connection" for a state file it cannot open.
        return kkt.error().code == atol::kNoConnection ? kkt.error()
                                                       : fiscal::atolError(atol::kNoConnection, kkt.error().message);
    }
    m_kkt = std::move(*kkt);
    return core::ok();
}

void Fptr10Session::close()
{
    m_kkt.reset();
}

core::Status Fptr10Session::setParam(int paramId, std::string value)
{
    if (paramId != kParamJsonData) {
        return fiscal::atolError(atol::kJsonNotSupported,
                                 "parameter " + std::to_string(paramId) + " is not supported by the emulator; use "
                                 "LIBFPTR_PARAM_JSON_DATA (65645)");
    }
    m_jsonIn = std::move(value);
    return core::ok();
}

core::Result<std::string> Fptr10Session::param(int paramId) const
{
    if (paramId != kParamJsonData) {
        return fiscal::atolError(atol::kJsonNotSupported,
                                 "parameter " + std::to_string(paramId) + " is not supported by the emulator");
    }
    return m_jsonOut;
}

core::Result<core::Json> Fptr10Session::takeTask()
{
    std::optional<std::string> text = std::move(m_jsonIn);
    m_jsonIn.reset();
    if (!text) {
        return fiscal::atolError(atol::kJsonMissingField, "no task: set LIBFPTR_PARAM_JSON_DATA first");
    }
    auto json = core::parseJsonExact(*text);
    if (!json) {
        return fiscal::atolError(atol::kJsonSyntax, json.error().message);
    }
    return std::move(*json);
}

core::Status Fptr10Session::processJson()
{
    m_jsonOut.clear();
    if (!m_kkt) {
        m_jsonIn.reset();
        return fiscal::atolError(atol::kNoConnection, "the connection is not open (call libfptr_open first)");
    }
    SIGMA_ASSIGN_OR_RETURN(core::Json task, takeTask());
    SIGMA_ASSIGN_OR_RETURN(core::Json result, m_kkt->execute(task));
    m_jsonOut = toText(result);
    return core::ok();
}

core::Status Fptr10Session::validateJson()
{
    m_jsonOut.clear();
    SIGMA_ASSIGN_OR_RETURN(core::Json task, takeTask());
    SIGMA_ASSIGN_OR_RETURN(fiscal::Task parsed, fiscal::parseTask(task));
    (void)parsed;
    return core::ok();
}

void Fptr10Session::record(const core::Status& status)
{
    if (status.ok()) {
        m_errorCode = atol::kOk;
        m_errorDescription = std::string(fiscal::atolErrorDescription(atol::kOk));
        return;
    }
    // 0 would read as success to the caller, whatever the description says.
    m_errorCode = status.error().code == 0 ? atol::kDriverFailure : status.error().code;
    m_errorDescription = status.error().message;
}

} // namespace sigma::drivers::emulator
