#pragma once

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "core/RandomSource.h"
#include "core/Result.h"
#include "store/TerminalDatabase.h"
#include "sync/ChangeApplier.h"
#include "sync/CloudClient.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace sigma::sync {

struct SyncEngineOptions {
    CloudClientOptions client;              ///< baseUrl empty: the URL stored at registration
    std::size_t maxBatchEvents = 500;       ///< the cloud takes at most 1000
    std::size_t maxBatchBytes = 512 * 1024; ///< halved on 413 down to one event per request
    std::chrono::milliseconds minBackoff{1000};
    std::chrono::milliseconds maxBackoff{5 * 60 * 1000};
    std::chrono::milliseconds idleInterval{30 * 1000}; ///< between rounds when all is well
    bool pull = true;
};

enum class SyncPhase {
    NotRegistered = 1, ///< no credentials yet
    Idle,              ///< everything sent, the last round succeeded
    Syncing,           ///< a round is running
    Offline,           ///< the cloud cannot be reached: retrying with backoff
    Failing,           ///< the cloud answers but refuses (or answers nonsense): retrying with backoff
    Revoked,           ///< the cloud revoked this terminal: sales go on, nothing is sent
};

[[nodiscard]] std::string_view syncPhaseName(SyncPhase phase);

/// What the GUI and `sigmactl sync status` show.
struct SyncStatus {
    SyncPhase phase = SyncPhase::NotRegistered;
    std::optional<std::int64_t> lastSuccessAtUs;
    std::int64_t lastSeq = 0;
    std::int64_t ackedSeq = 0;
    std::int64_t unsentCount = 0;
    std::optional<std::int64_t> oldestUnsentAtUs;
    std::int64_t changeCursor = 0;
    int lastErrorCode = 0;
    std::string lastError; ///< plain Russian words, empty after a successful round
    int consecutiveFailures = 0;
    std::optional<std::int64_t> nextAttemptAtUs;

    /// For sigmactl and logs; ages are computed against `nowUs`.
    [[nodiscard]] core::Json toJson(std::int64_t nowUs) const;
};

/// What one round did.
struct SyncReport {
    std::int64_t pushedEvents = 0;
    std::int64_t requests = 0;
    std::int64_t ackedSeq = 0;
    std::int64_t pulledChanges = 0;
    std::int64_t changeCursor = 0;
    std::vector<std::string> refusedChanges;
};

/// Pushes the journal outbox to the cloud and pulls the change feed (docs/sync-protocol.md).
///
/// Push: events above outbox_state.acked_seq, in order, in batches bounded by count and bytes;
/// the outbox advances only to the `ackedSeq` the cloud answered, and only when that number is
/// possible (not beyond what was sent, not backwards), so a cut or a lie at any byte loses and
/// doubles nothing. Pull: pages of changes after the stored cursor, each page and its cursor in
/// one transaction.
///
/// Threading: the engine owns `database` (a TerminalDatabase::Access::Companion connection in the
/// terminal, so the cashier's writer connection never waits on the network). start() runs rounds
/// on its own thread with exponential backoff and jitter after failures, honouring Retry-After;
/// status() may be called from any thread. syncOnce() runs one round on the caller's thread
/// (sigmactl), and must not be used while the thread runs.
class SyncEngine {
public:
    SyncEngine(store::TerminalDatabase& database, SyncEngineOptions options, const core::Clock& clock,
               core::RandomSource& random);
    ~SyncEngine();
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    /// One round: push everything, then pull every page.
    core::Result<SyncReport> syncOnce();

    void start();
    void stop();
    /// Asks the thread for a round now (after a sale, or "sync now" in the GUI).
    void wake();

    [[nodiscard]] SyncStatus status() const;
    /// The status as terminal.db records it (outbox, last success, last error of any process's
    /// engine), for `sigmactl sync status` without a network round.
    [[nodiscard]] static core::Result<SyncStatus> storedStatus(store::TerminalDatabase& database,
                                                               const core::Clock& clock);
    /// Rounds finished by the thread (for tests and the benchmark).
    [[nodiscard]] std::int64_t roundsCompleted() const { return m_rounds.load(); }

    /// The delay before retry number `failures` (1, 2, ...): min * 2^(failures-1) capped at max,
    /// then a uniform random share of 50-100 % of it, never under `retryAfter`.
    [[nodiscard]] static std::chrono::milliseconds backoff(int failures, std::chrono::milliseconds min,
                                                           std::chrono::milliseconds max,
                                                           std::chrono::milliseconds retryAfter,
                                                           core::RandomSource& random);

private:
    core::Result<SyncReport> round();
    core::Status push(SyncReport& report);
    core::Status pull(SyncReport& report);
    core::Status refreshOutbox();
    void recordFailure(const core::Error& error);
    void run();

    store::TerminalDatabase& m_database;
    SyncEngineOptions m_options;
    const core::Clock& m_clock;
    core::RandomSource& m_random;
    CloudClient m_client;
    std::size_t m_batchBytes;

    mutable std::mutex m_statusMutex;
    SyncStatus m_status; // guarded by m_statusMutex

    std::mutex m_wakeMutex;
    std::condition_variable m_wakeCv;
    bool m_wakeRequested = false; // guarded by m_wakeMutex
    bool m_stopping = false;      // guarded by m_wakeMutex
    std::atomic<std::int64_t> m_rounds{0};
    std::thread m_thread;
};

} // namespace sigma::sync
