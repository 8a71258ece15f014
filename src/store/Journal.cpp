#include "store/Journal.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"

namespace sigma::store {
namespace {

JournalEvent eventFrom(const db::Row& row)
{
    JournalEvent event;
    event.seq = row.int64(0);
    event.uuid = row.text(1);
    event.type = row.text(2);
    event.occurredAtUs = row.int64(3);
    auto payload = core::parseJsonExact(row.text(4));
    event.payload = payload ? *payload : core::Json::object();
    event.prevHash = row.text(5);
    event.hash = row.text(6);
    return event;
}

constexpr std::string_view kColumns = "seq, uuid, type, occurred_at_us, payload, prev_hash, hash";

} // namespace

Journal::Journal(TerminalDatabase& database, const core::Clock& clock, core::RandomSource& random)
    : m_database(database), m_clock(clock), m_random(random)
{
}

core::Result<JournalEvent> Journal::append(std::string_view type, core::Json payload)
{
    auto& db = m_database.connection();
    SIGMA_ASSIGN_OR_RETURN(auto last, db.queryOne("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1"));
    JournalEvent event;
    event.seq = last ? last->int64(0) + 1 : 1;
    event.prevHash = last ? last->text(1) : std::string(JournalHash::kGenesis);
    event.uuid = core::Uuid::generateV7(m_clock, m_random).toString();
    event.type = type;
    event.occurredAtUs = core::toUnixMicros(m_clock.now());
    event.payload = std::move(payload);
    SIGMA_ASSIGN_OR_RETURN(std::string canonical, JournalHash::canonicalPayload(event.payload));
    SIGMA_ASSIGN_OR_RETURN(event.hash, JournalHash::compute(event));
    SIGMA_TRY(db.execute("INSERT INTO journal (" + std::string(kColumns) + ") VALUES ($1, $2, $3, $4, $5, $6, $7)",
                         {event.seq, event.uuid, event.type, event.occurredAtUs, canonical, event.prevHash,
                          event.hash}));
    return event;
}

core::Result<std::vector<JournalEvent>> Journal::after(std::int64_t seq, std::size_t limit)
{
    SIGMA_ASSIGN_OR_RETURN(auto rows, m_database.connection().query("SELECT " + std::string(kColumns) +
                                                                        " FROM journal WHERE seq > $1 ORDER BY seq "
                                                                        "LIMIT $2",
                                                                    {seq, static_cast<std::int64_t>(limit)}));
    std::vector<JournalEvent> events;
    events.reserve(rows.size());
    for (const auto& row : rows) {
        events.push_back(eventFrom(row));
    }
    return events;
}

core::Result<JournalVerification> Journal::verify()
{
    JournalVerification report;
    std::string previous(JournalHash::kGenesis);
    std::int64_t expectedSeq = 1;
    constexpr std::size_t kPage = 2000;
    std::int64_t cursor = 0;
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto page, after(cursor, kPage));
        for (const auto& event : page) {
            std::string problem;
            if (event.seq != expectedSeq) {
                problem = "sequence gap: expected " + std::to_string(expectedSeq);
            } else if (event.prevHash != previous) {
                problem = "prevHash does not match the previous event's hash";
            } else if (auto hash = JournalHash::compute(event); !hash || *hash != event.hash) {
                problem = "hash does not match the event's content";
            }
            if (!problem.empty()) {
                report.ok = false;
                report.firstBadSeq = event.seq;
                report.problem = problem;
                return report;
            }
            previous = event.hash;
            ++expectedSeq;
            ++report.checked;
            cursor = event.seq;
        }
        if (page.size() < kPage) {
            break;
        }
    }
    return report;
}

core::Result<OutboxStatus> Journal::outbox()
{
    auto& db = m_database.connection();
    OutboxStatus status;
    SIGMA_ASSIGN_OR_RETURN(auto state, db.queryOne("SELECT acked_seq, acked_at_us FROM outbox_state WHERE id = 1"));
    if (state) {
        status.ackedSeq = state->int64(0);
        status.lastAckAtUs = state->optionalInt64(1);
    }
    SIGMA_ASSIGN_OR_RETURN(auto last, db.queryOne("SELECT COALESCE(MAX(seq), 0) FROM journal"));
    status.lastSeq = last ? last->int64(0) : 0;
    status.unsentCount = status.lastSeq - status.ackedSeq;
    if (status.unsentCount > 0) {
        SIGMA_ASSIGN_OR_RETURN(auto oldest,
                               db.queryOne("SELECT occurred_at_us FROM journal WHERE seq = $1", {status.ackedSeq + 1}));
        if (oldest) {
            status.oldestUnsentAtUs = oldest->int64(0);
        }
    }
    return status;
}

core::Status Journal::acknowledge(std::int64_t seq)
{
    return m_database.connection().execute(
        "UPDATE outbox_state SET acked_seq = MAX(acked_seq, MIN($1, (SELECT COALESCE(MAX(seq), 0) FROM journal))), "
        "acked_at_us = $2 WHERE id = 1",
        {seq, core::toUnixMicros(m_clock.now())});
}

} // namespace sigma::store
