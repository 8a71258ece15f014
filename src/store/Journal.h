#pragma once

#include "core/Clock.h"
#include "core/RandomSource.h"
#include "store/JournalEvent.h"
#include "store/TerminalDatabase.h"

#include <optional>
#include <vector>

namespace sigma::store {

/// The outbox: what the cloud has not acknowledged yet.
struct OutboxStatus {
    std::int64_t lastSeq = 0;
    std::int64_t ackedSeq = 0;
    std::int64_t unsentCount = 0;
    std::optional<std::int64_t> oldestUnsentAtUs;
    std::optional<std::int64_t> lastAckAtUs;
};

struct JournalVerification {
    bool ok = true;
    std::int64_t checked = 0;
    std::int64_t firstBadSeq = 0;
    std::string problem;
};

/// The append-only, hash-chained event journal of terminal.db. append() writes inside the caller's
/// transaction, so an event and the change it records commit together or not at all.
class Journal {
public:
    Journal(TerminalDatabase& database, const core::Clock& clock, core::RandomSource& random);

    core::Result<JournalEvent> append(std::string_view type, core::Json payload);
    core::Result<std::vector<JournalEvent>> after(std::int64_t seq, std::size_t limit);
    core::Result<JournalVerification> verify();
    core::Result<OutboxStatus> outbox();
    /// Marks everything up to `seq` as acknowledged by the cloud (never moves backwards).
    core::Status acknowledge(std::int64_t seq);

private:
    TerminalDatabase& m_database;
    const core::Clock& m_clock;
    core::RandomSource& m_random;
};

} // namespace sigma::store
