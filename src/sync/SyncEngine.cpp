#include "sync/SyncEngine.h"

#include "core/ErrorCodes.h"
#include "store/Journal.h"
#include "sync/SyncStateRepository.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace sigma::sync {
namespace {

constexpr const char* kEventsPath = "/api/v1/device/events";

/// Journal::append needs a random source for UUIDs; the engine never appends, so this one is
/// never asked for bytes.
class NoRandom final : public core::RandomSource {
public:
    void fill(std::span<std::byte> out) override { std::memset(out.data(), 0, out.size()); }
};

core::Error badAnswer(const std::string& text)
{
    return core::Error(core::errc::kSyncBadAnswer, "Облако прислало неверный ответ: " + text);
}

} // namespace

std::string_view syncPhaseName(SyncPhase phase)
{
    switch (phase) {
    case SyncPhase::NotRegistered:
        return "notRegistered";
    case SyncPhase::Idle:
        return "idle";
    case SyncPhase::Syncing:
        return "syncing";
    case SyncPhase::Offline:
        return "offline";
    case SyncPhase::Failing:
        return "failing";
    case SyncPhase::Revoked:
        return "revoked";
    }
    return "unknown";
}

core::Json SyncStatus::toJson(std::int64_t nowUs) const
{
    core::Json out{{"state", syncPhaseName(phase)}, {"lastSeq", lastSeq},
                   {"ackedSeq", ackedSeq},          {"unsentCount", unsentCount},
                   {"changeCursor", changeCursor},  {"consecutiveFailures", consecutiveFailures}};
    out["lastSuccessAtUs"] = lastSuccessAtUs ? core::Json(*lastSuccessAtUs) : core::Json(nullptr);
    out["oldestUnsentAgeSec"] = oldestUnsentAtUs
                                    ? core::Json(std::max<std::int64_t>(0, (nowUs - *oldestUnsentAtUs) / 1'000'000))
                                    : core::Json(nullptr);
    if (lastErrorCode != 0) {
        out["lastError"] = {{"code", lastErrorCode}, {"message", lastError}};
    } else {
        out["lastError"] = nullptr;
    }
    if (nextAttemptAtUs) {
        out["nextAttemptInSec"] = std::max<std::int64_t>(0, (*nextAttemptAtUs - nowUs) / 1'000'000);
    }
    return out;
}

SyncEngine::SyncEngine(store::TerminalDatabase& database, SyncEngineOptions options, const core::Clock& clock,
                       core::RandomSource& random)
    : m_database(database), m_options(std::move(options)), m_clock(clock), m_random(random),
      m_client(m_options.client, clock), m_batchBytes(m_options.maxBatchBytes)
{
}

SyncEngine::~SyncEngine()
{
    stop();
}

std::chrono::milliseconds SyncEngine::backoff(int failures, std::chrono::milliseconds min,
                                              std::chrono::milliseconds max, std::chrono::milliseconds retryAfter,
                                              core::RandomSource& random)
{
    std::int64_t base = std::max<std::int64_t>(1, min.count());
    for (int i = 1; i < failures && base < max.count(); ++i) {
        base *= 2;
    }
    base = std::min<std::int64_t>(base, max.count());
    std::array<std::byte, 8> bytes{};
    random.fill(bytes);
    std::uint64_t r = 0;
    std::memcpy(&r, bytes.data(), sizeof r);
    // "Equal jitter": half fixed so retries never bunch at zero, half random so a shop's
    // terminals that lost the network together do not come back in step.
    const std::int64_t half = base / 2;
    const std::int64_t delay = base - half + static_cast<std::int64_t>(r % static_cast<std::uint64_t>(half + 1));
    return std::max(std::chrono::milliseconds(delay), retryAfter);
}

core::Status SyncEngine::refreshOutbox()
{
    NoRandom none;
    store::Journal journal(m_database, m_clock, none);
    SIGMA_ASSIGN_OR_RETURN(auto outbox, journal.outbox());
    std::lock_guard lock(m_statusMutex);
    m_status.lastSeq = outbox.lastSeq;
    m_status.ackedSeq = outbox.ackedSeq;
    m_status.unsentCount = outbox.unsentCount;
    m_status.oldestUnsentAtUs = outbox.oldestUnsentAtUs;
    return core::ok();
}

core::Status SyncEngine::push(SyncReport& report)
{
    NoRandom none;
    store::Journal journal(m_database, m_clock, none);
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto outbox, journal.outbox());
        report.ackedSeq = outbox.ackedSeq;
        if (outbox.unsentCount <= 0) {
            return core::ok();
        }
        SIGMA_ASSIGN_OR_RETURN(auto events, journal.after(outbox.ackedSeq, m_options.maxBatchEvents));
        if (events.empty()) {
            return core::ok();
        }
        std::string body = "{\"events\":[";
        std::int64_t lastSent = 0;
        std::int64_t count = 0;
        for (const auto& event : events) {
            std::string text = event.toJson().dump();
            if (count > 0 && body.size() + text.size() + 2 > m_batchBytes) {
                break;
            }
            if (count > 0) {
                body += ',';
            }
            body += text;
            lastSent = event.seq;
            ++count;
        }
        body += "]}";
        ++report.requests;
        auto reply = m_client.sendSigned("POST", kEventsPath, body);
        if (!reply) {
            if (m_client.lastStatus() == 413 && count > 1) {
                m_batchBytes = std::max<std::size_t>(1, body.size() / 2); // the cloud's limit is lower
                continue;
            }
            return reply.error();
        }
        const auto& answer = reply->body;
        if (!answer.is_object() || !answer.contains("ackedSeq") || !answer["ackedSeq"].is_number_integer()) {
            return badAnswer("нет номера подтверждённого события (ackedSeq)");
        }
        const auto acked = answer["ackedSeq"].get<std::int64_t>();
        if (acked > lastSent) {
            return badAnswer("облако подтвердило событие " + std::to_string(acked) + ", а отправлено до " +
                             std::to_string(lastSent));
        }
        if (acked <= outbox.ackedSeq) {
            // Backwards or no progress although the batch continued the chain: refusing to move
            // on keeps the outbox intact until someone looks at the cloud.
            return badAnswer("облако не приняло ни одного события (ackedSeq " + std::to_string(acked) +
                             ", ранее подтверждено " + std::to_string(outbox.ackedSeq) + ")");
        }
        SIGMA_TRY(journal.acknowledge(acked));
        report.pushedEvents += acked - outbox.ackedSeq;
        report.ackedSeq = acked;
        SIGMA_TRY(refreshOutbox());
    }
}

core::Status SyncEngine::pull(SyncReport& report)
{
    SyncStateRepository states(m_database);
    for (;;) {
        SIGMA_ASSIGN_OR_RETURN(auto state, states.load());
        const std::int64_t cursor = state.changeCursor;
        ++report.requests;
        SIGMA_ASSIGN_OR_RETURN(
            auto reply, m_client.sendSigned("GET", "/api/v1/device/changes?cursor=" + std::to_string(cursor), ""));
        SIGMA_TRY(ChangeApplier::validatePage(reply.body, cursor));
        const auto& page = reply.body;
        const std::int64_t next = page["cursor"].get<std::int64_t>();
        AppliedChanges applied;
        SIGMA_TRY(m_database.transaction([&]() -> core::Status {
            ChangeApplier applier(m_database, m_clock);
            SIGMA_ASSIGN_OR_RETURN(applied, applier.apply(page["changes"]));
            return states.saveCursor(next);
        }));
        report.pulledChanges += static_cast<std::int64_t>(page["changes"].size());
        report.changeCursor = next;
        for (auto& refused : applied.refused) {
            report.refusedChanges.push_back(std::move(refused));
        }
        {
            std::lock_guard lock(m_statusMutex);
            m_status.changeCursor = next;
        }
        if (!page["more"].get<bool>()) {
            return core::ok();
        }
    }
}

core::Result<SyncReport> SyncEngine::round()
{
    SyncStateRepository states(m_database);
    SIGMA_ASSIGN_OR_RETURN(auto state, states.load());
    SIGMA_TRY(refreshOutbox());
    if (!state.activated()) {
        return core::Error(core::errc::kSyncNotRegistered,
                           "Терминал не зарегистрирован в облаке: данные копятся на терминале");
    }
    m_client.setBaseUrl(m_options.client.baseUrl.empty() ? state.cloudUrl : m_options.client.baseUrl);
    m_client.setCredentials(DeviceCredentials{state.deviceId, state.deviceKey});
    {
        std::lock_guard lock(m_statusMutex);
        m_status.phase = SyncPhase::Syncing;
        m_status.changeCursor = state.changeCursor;
    }
    SyncReport report;
    SIGMA_TRY(push(report));
    if (m_options.pull) {
        SIGMA_TRY(pull(report));
    }
    const std::int64_t now = core::toUnixMicros(m_clock.now());
    SIGMA_TRY(states.saveLastSuccess(now));
    SIGMA_TRY(refreshOutbox());
    std::lock_guard lock(m_statusMutex);
    m_status.phase = SyncPhase::Idle;
    m_status.lastSuccessAtUs = now;
    m_status.lastErrorCode = 0;
    m_status.lastError.clear();
    m_status.consecutiveFailures = 0;
    m_status.nextAttemptAtUs.reset();
    return report;
}

void SyncEngine::recordFailure(const core::Error& error)
{
    std::lock_guard lock(m_statusMutex);
    switch (error.code) {
    case core::errc::kSyncNotRegistered:
        m_status.phase = SyncPhase::NotRegistered;
        break;
    case core::errc::kSyncDeviceRevoked:
        m_status.phase = SyncPhase::Revoked;
        break;
    case core::errc::kSyncNoConnection:
        m_status.phase = SyncPhase::Offline;
        break;
    default:
        m_status.phase = SyncPhase::Failing;
        break;
    }
    m_status.lastErrorCode = error.code;
    m_status.lastError = error.message;
    ++m_status.consecutiveFailures;
}

core::Result<SyncReport> SyncEngine::syncOnce()
{
    auto result = round();
    if (!result) {
        recordFailure(result.error());
        // Kept for other processes (sigmactl sync status); a failure to record it changes nothing.
        (void)SyncStateRepository(m_database)
            .saveLastError(result.error().code, result.error().message, core::toUnixMicros(m_clock.now()));
    }
    if (auto state = SyncStateRepository(m_database).load(); state) {
        std::lock_guard lock(m_statusMutex);
        m_status.lastSuccessAtUs = state->lastSuccessAtUs;
    }
    return result;
}

core::Result<SyncStatus> SyncEngine::storedStatus(store::TerminalDatabase& database, const core::Clock& clock)
{
    NoRandom none;
    store::Journal journal(database, clock, none);
    SIGMA_ASSIGN_OR_RETURN(auto outbox, journal.outbox());
    SIGMA_ASSIGN_OR_RETURN(auto state, SyncStateRepository(database).load());
    SyncStatus status;
    status.lastSeq = outbox.lastSeq;
    status.ackedSeq = outbox.ackedSeq;
    status.unsentCount = outbox.unsentCount;
    status.oldestUnsentAtUs = outbox.oldestUnsentAtUs;
    status.changeCursor = state.changeCursor;
    status.lastSuccessAtUs = state.lastSuccessAtUs;
    status.lastErrorCode = state.lastErrorCode;
    status.lastError = state.lastError;
    if (!state.activated()) {
        status.phase = SyncPhase::NotRegistered;
    } else if (state.lastErrorCode == core::errc::kSyncDeviceRevoked) {
        status.phase = SyncPhase::Revoked;
    } else if (state.lastErrorCode == core::errc::kSyncNoConnection) {
        status.phase = SyncPhase::Offline;
    } else if (state.lastErrorCode != 0) {
        status.phase = SyncPhase::Failing;
    } else {
        status.phase = SyncPhase::Idle;
    }
    return status;
}

void SyncEngine::start()
{
    std::lock_guard lock(m_wakeMutex);
    if (m_thread.joinable()) {
        return;
    }
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void SyncEngine::stop()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_stopping = true;
    }
    m_wakeCv.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

void SyncEngine::wake()
{
    {
        std::lock_guard lock(m_wakeMutex);
        m_wakeRequested = true;
    }
    m_wakeCv.notify_all();
}

SyncStatus SyncEngine::status() const
{
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

void SyncEngine::run()
{
    for (;;) {
        {
            std::lock_guard lock(m_wakeMutex);
            if (m_stopping) {
                return;
            }
            m_wakeRequested = false;
        }
        auto result = syncOnce();
        std::chrono::milliseconds delay = m_options.idleInterval;
        if (!result) {
            const auto failures = status().consecutiveFailures;
            delay = backoff(failures, m_options.minBackoff, m_options.maxBackoff,
                            std::chrono::seconds(m_client.retryAfterSec()), m_random);
            if (result.error().code == core::errc::kSyncNotRegistered) {
                delay = m_options.idleInterval; // registration wakes the engine
            }
            std::lock_guard lock(m_statusMutex);
            m_status.nextAttemptAtUs = core::toUnixMicros(m_clock.now()) +
                                       std::chrono::duration_cast<std::chrono::microseconds>(delay).count();
        }
        ++m_rounds; // after the status is complete: a reader who saw the count sees the plan too
        std::unique_lock lock(m_wakeMutex);
        m_wakeCv.wait_for(lock, delay, [this] { return m_stopping || m_wakeRequested; });
        if (m_stopping) {
            return;
        }
    }
}

} // namespace sigma::sync
