#include "store/JournalEvent.h"

#include "core/ErrorCodes.h"
#include "crypto/Hex.h"
#include "crypto/Sha256.h"

namespace sigma::store {
namespace {

core::Status checkNoFloats(const core::Json& value, const std::string& path)
{
    if (value.is_number_float()) {
        return core::Error(core::errc::kInvalidArgument,
                           "journal payloads carry integers only (kopecks, thousandths); found a decimal", path);
    }
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            SIGMA_TRY(checkNoFloats(child, path.empty() ? key : path + "." + key));
        }
    } else if (value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
            SIGMA_TRY(checkNoFloats(value[i], path + "[" + std::to_string(i) + "]"));
        }
    }
    return core::ok();
}

} // namespace

core::Json JournalEvent::toJson() const
{
    return {{"seq", seq},       {"uuid", uuid},         {"type", type},
            {"occurredAt", occurredAtUs}, {"payload", payload}, {"prevHash", prevHash},
            {"hash", hash}};
}

core::Result<JournalEvent> JournalEvent::fromJson(const core::Json& json)
{
    if (!json.is_object()) {
        return core::Error(core::errc::kInvalidArgument, "an event must be an object");
    }
    JournalEvent event;
    auto integer = [&](const char* key, std::int64_t& out) -> core::Status {
        if (!json.contains(key) || !json[key].is_number_integer()) {
            return core::Error(core::errc::kInvalidArgument, "must be an integer", key);
        }
        out = json[key].get<std::int64_t>();
        return core::ok();
    };
    SIGMA_TRY(integer("seq", event.seq));
    SIGMA_TRY(integer("occurredAt", event.occurredAtUs));
    for (auto [key, out] : {std::pair{"uuid", &event.uuid}, std::pair{"type", &event.type},
                            std::pair{"prevHash", &event.prevHash}, std::pair{"hash", &event.hash}}) {
        if (!json.contains(key) || !json[key].is_string()) {
            return core::Error(core::errc::kInvalidArgument, "must be a string", key);
        }
        *out = json[key].get<std::string>();
    }
    if (!json.contains("payload") || !json["payload"].is_object()) {
        return core::Error(core::errc::kInvalidArgument, "must be an object", "payload");
    }
    event.payload = json["payload"];
    return event;
}

core::Result<std::string> JournalHash::canonicalPayload(const core::Json& payload)
{
    SIGMA_TRY(checkNoFloats(payload, "payload"));
    // nlohmann's objects are std::map<std::string, ...>: dump() writes keys in byte order.
    return payload.dump(-1, ' ', false, core::Json::error_handler_t::strict);
}

std::string JournalHash::canonicalForm(const JournalEvent& event)
{
    auto payload = canonicalPayload(event.payload);
    return "sigma-journal-v1\n" + std::to_string(event.seq) + "\n" + event.uuid + "\n" + event.type + "\n" +
           std::to_string(event.occurredAtUs) + "\n" + event.prevHash + "\n" + (payload ? *payload : std::string());
}

core::Result<std::string> JournalHash::compute(const JournalEvent& event)
{
    SIGMA_ASSIGN_OR_RETURN(auto payload, canonicalPayload(event.payload));
    (void)payload;
    const auto digest = crypto::sha256(canonicalForm(event));
    return crypto::toHex(digest);
}

} // namespace sigma::store
