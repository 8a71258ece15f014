#pragma once

#include "core/ExactJson.h"

#include <cstdint>
#include <string>

namespace sigma::store {

/// One event of the journal, exactly as docs/sync-protocol.md defines the envelope.
struct JournalEvent {
    std::int64_t seq = 0;          ///< 1, 2, 3 ... per device, no gaps
    std::string uuid;              ///< the event's own UUID v7
    std::string type;              ///< "receipt.fiscalized", "shift.closed", ...
    std::int64_t occurredAtUs = 0; ///< UTC microseconds
    core::Json payload;            ///< integers only: money in kopecks, quantities in thousandths
    std::string prevHash;          ///< hash of seq - 1; 64 zeros for seq 1
    std::string hash;              ///< SHA-256 of the canonical form, lower-case hex

    [[nodiscard]] core::Json toJson() const;
    static core::Result<JournalEvent> fromJson(const core::Json& json);
};

/// The journal's hashing rules, shared by the terminal and the cloud.
class JournalHash {
public:
    static constexpr std::string_view kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// The exact bytes that are hashed: "sigma-journal-v1\n" + seq + "\n" + uuid + "\n" + type +
    /// "\n" + occurredAt + "\n" + prevHash + "\n" + canonical payload.
    static std::string canonicalForm(const JournalEvent& event);
    /// The payload as canonical JSON: keys sorted by their UTF-8 bytes, no whitespace, non-ASCII
    /// unescaped. Fails when the payload holds a floating-point number (money must be kopecks).
    static core::Result<std::string> canonicalPayload(const core::Json& payload);
    static core::Result<std::string> compute(const JournalEvent& event);
};

} // namespace sigma::store
