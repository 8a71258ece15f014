#include "update/InstallState.h"

#include "core/ErrorCodes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sigma::update {
namespace {

std::optional<std::string> optionalString(const core::Json& json, const char* key)
{
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

} // namespace

core::Result<InstallState> InstallState::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return InstallState{};
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto json = core::parseJsonExact(text.str());
    if (!json || !json->is_object()) {
        return core::Error(core::errc::kIo, file.filename().string() + " is damaged: " +
                                                (json ? std::string("not an object") : json.error().message));
    }
    InstallState state;
    state.previous = optionalString(*json, "previous");
    state.pending = optionalString(*json, "pending");
    state.lastFailure = optionalString(*json, "lastFailure").value_or("");
    if (const auto it = json->find("failedStarts"); it != json->end() && it->is_number_integer()) {
        state.failedStarts = it->get<int>();
    }
    if (const auto it = json->find("lastRollback"); it != json->end() && it->is_object()) {
        state.lastRollback = *it;
    }
    if (const auto it = json->find("history"); it != json->end() && it->is_array()) {
        state.history = *it;
    }
    return state;
}

core::Json InstallState::toJson() const
{
    core::Json json = {{"failedStarts", failedStarts}, {"lastFailure", lastFailure}, {"history", history},
                       {"lastRollback", lastRollback}};
    json["previous"] = previous ? core::Json(*previous) : core::Json();
    json["pending"] = pending ? core::Json(*pending) : core::Json();
    return json;
}

void InstallState::record(core::Json event)
{
    history.push_back(std::move(event));
    while (history.size() > kMaxHistory) {
        history.erase(history.begin());
    }
}

core::Status InstallState::save(const std::filesystem::path& file) const
{
    const std::string text = toJson().dump(2) + "\n";
    const std::filesystem::path temporary = file.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return core::Error(core::errc::kIo, "cannot write " + temporary.string() + ": " + std::strerror(errno));
    }
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    const bool synced = written && ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temporary.c_str(), file.c_str()) != 0) {
        return core::Error(core::errc::kIo, "cannot write " + file.string() + ": " + std::strerror(errno));
    }
    return core::ok();
}

} // namespace sigma::update
