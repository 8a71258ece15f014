#include "drivers/scale/EmulatedScale.h"

#include "db/Migrations.h"
#include "db/Transaction.h"

#include <array>

namespace sigma::drivers::scale {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
-- One row: what lies on the scale and how it behaves (weights in grams, times in UTC µs).
CREATE TABLE scale_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    gross INTEGER NOT NULL DEFAULT 0,
    placed_at_us INTEGER NOT NULL DEFAULT 0,
    unstable_ms INTEGER NOT NULL DEFAULT 0,
    drift_g_per_s INTEGER NOT NULL DEFAULT 0,
    noise_g INTEGER NOT NULL DEFAULT 0,
    overload INTEGER NOT NULL DEFAULT 0 CHECK (overload IN (0, 1)),
    capacity INTEGER NOT NULL DEFAULT 15000,
    zero_offset INTEGER NOT NULL DEFAULT 0,
    tare INTEGER NOT NULL DEFAULT 0,
    fail_count INTEGER NOT NULL DEFAULT 0,
    read_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO scale_state (id) VALUES (1);
)sql";

constexpr std::array<db::Migration, 1> kMigrations = {{
    {1, "emulated scale", kSchemaV1},
}};

constexpr std::string_view kColumns = "gross, placed_at_us, unstable_ms, drift_g_per_s, noise_g, overload, capacity, "
                                      "zero_offset, tare, fail_count, read_count";

/// A value in [-amplitude, amplitude] from the read number (splitmix64): repeatable noise.
std::int64_t noiseOf(std::int64_t readNumber, std::int64_t amplitude)
{
    if (amplitude <= 0) {
        return 0;
    }
    auto z = static_cast<std::uint64_t>(readNumber) + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    const auto span = static_cast<std::uint64_t>(2 * amplitude + 1);
    return static_cast<std::int64_t>(z % span) - amplitude;
}

} // namespace

EmulatedScale::EmulatedScale(std::unique_ptr<db::SqliteConnection> connection, const core::Clock& clock)
    : m_db(std::move(connection)), m_clock(clock)
{
}

core::Result<std::unique_ptr<EmulatedScale>> EmulatedScale::open(const Options& options)
{
    if (options.clock == nullptr) {
        return core::Error(devices::scale_errc::kBadSettings, "the emulated scale needs a clock", "clock");
    }
    db::SqliteOptions sqlite;
    sqlite.synchronous = db::Synchronous::Normal; // a weight is not worth a disk flush
    sqlite.busyTimeoutMs = 5000;
    SIGMA_ASSIGN_OR_RETURN(auto connection, db::SqliteConnection::open(options.statePath, sqlite));
    SIGMA_TRY(db::migrate(*connection, kMigrations));
    return std::unique_ptr<EmulatedScale>(new EmulatedScale(std::move(connection), *options.clock));
}

std::int64_t EmulatedScale::nowUs() const
{
    return core::toUnixMicros(m_clock.now());
}

core::Result<EmulatedScaleState> EmulatedScale::state()
{
    SIGMA_ASSIGN_OR_RETURN(auto row,
                           m_db->queryOne("SELECT " + std::string(kColumns) + " FROM scale_state WHERE id = 1"));
    EmulatedScaleState s;
    if (row) {
        s.gross = core::Quantity::fromThousandths(row->int64(0));
        s.placedAtUs = row->int64(1);
        s.unstableMs = row->int64(2);
        s.driftGramsPerSecond = row->int64(3);
        s.noiseGrams = row->int64(4);
        s.overload = row->int64(5) != 0;
        s.capacity = core::Quantity::fromThousandths(row->int64(6));
        s.zeroOffset = core::Quantity::fromThousandths(row->int64(7));
        s.tare = core::Quantity::fromThousandths(row->int64(8));
        s.failCount = static_cast<int>(row->int64(9));
        s.readCount = row->int64(10);
    }
    return s;
}

core::Status EmulatedScale::setState(const EmulatedScaleState& s)
{
    return m_db->execute("UPDATE scale_state SET gross = $1, placed_at_us = $2, unstable_ms = $3, drift_g_per_s = $4, "
                         "noise_g = $5, overload = $6, capacity = $7, zero_offset = $8, tare = $9, fail_count = $10, "
                         "read_count = $11 WHERE id = 1",
                         {s.gross.thousandths(), s.placedAtUs, s.unstableMs, s.driftGramsPerSecond, s.noiseGrams,
                          s.overload, s.capacity.thousandths(), s.zeroOffset.thousandths(), s.tare.thousandths(),
                          s.failCount, s.readCount});
}

core::Status EmulatedScale::place(core::Quantity weight, std::int64_t unstableMs)
{
    return m_db->execute("UPDATE scale_state SET gross = $1, placed_at_us = $2, unstable_ms = $3 WHERE id = 1",
                         {weight.thousandths(), nowUs(), unstableMs});
}

EmulatedScale::Sensed EmulatedScale::sense(const EmulatedScaleState& s, std::int64_t now) const
{
    const std::int64_t elapsedUs = now > s.placedAtUs ? now - s.placedAtUs : 0;
    Sensed sensed;
    sensed.grams =
        s.gross.thousandths() + s.driftGramsPerSecond * elapsedUs / 1'000'000 + noiseOf(s.readCount, s.noiseGrams);
    sensed.stable = elapsedUs >= s.unstableMs * 1000;
    return sensed;
}

core::Result<devices::WeightReading> EmulatedScale::read()
{
    devices::WeightReading reading;
    bool failed = false;
    SIGMA_ASSIGN_OR_RETURN(auto tx, db::Transaction::begin(*m_db, db::TransactionMode::Immediate));
    SIGMA_ASSIGN_OR_RETURN(EmulatedScaleState s, state());
    const std::int64_t now = nowUs();
    if (s.failCount > 0) {
        --s.failCount;
        failed = true;
    } else {
        const Sensed sensed = sense(s, now);
        const std::int64_t net = sensed.grams - s.zeroOffset.thousandths() - s.tare.thousandths();
        reading.overload = s.overload || sensed.grams > s.capacity.thousandths();
        reading.weight = core::Quantity::fromThousandths(reading.overload ? 0 : net);
        reading.negative = !reading.overload && net < 0;
        reading.stable = !reading.overload && sensed.stable;
        reading.atUs = now;
        ++s.readCount;
    }
    SIGMA_TRY(setState(s));
    SIGMA_TRY(tx.commit());
    if (failed) {
        return core::Error(devices::scale_errc::kNoAnswer, "no answer from the emulated scale (injected fault)");
    }
    return reading;
}

core::Status EmulatedScale::zero()
{
    SIGMA_ASSIGN_OR_RETURN(EmulatedScaleState s, state());
    const Sensed sensed = sense(s, nowUs());
    if (!sensed.stable) {
        return core::Error(devices::scale_errc::kNotStable, "the weight moves: zero when it has settled");
    }
    if (sensed.grams > s.capacity.thousandths() / 50) {
        return core::Error(devices::scale_errc::kOverload,
                           "too much on the platform to zero it (more than 2% of capacity): take it off");
    }
    s.zeroOffset = core::Quantity::fromThousandths(sensed.grams);
    s.tare = core::Quantity();
    return setState(s);
}

core::Status EmulatedScale::tare()
{
    SIGMA_ASSIGN_OR_RETURN(EmulatedScaleState s, state());
    const Sensed sensed = sense(s, nowUs());
    if (!sensed.stable) {
        return core::Error(devices::scale_errc::kNotStable, "the weight moves: set the tare when it has settled");
    }
    const std::int64_t onPlatform = sensed.grams - s.zeroOffset.thousandths();
    if (onPlatform > s.capacity.thousandths()) {
        return core::Error(devices::scale_errc::kOverload, "the scale is overloaded");
    }
    s.tare = core::Quantity::fromThousandths(onPlatform > 0 ? onPlatform : 0);
    return setState(s);
}

} // namespace sigma::drivers::scale
