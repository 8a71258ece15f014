#pragma once

#include "core/Clock.h"
#include "core/Quantity.h"
#include "db/SqliteConnection.h"

#include <cstdint>
#include <filesystem>
#include <memory>

#include "devices/Scale.h"

namespace sigma::drivers::scale {

/// What lies on the emulated scale and how the scale behaves. Stored in the emulator's state file,
/// so a test or another process (sigmactl, a demo script) can put "apples on the scale" while the
/// terminal reads it.
struct EmulatedScaleState {
    core::Quantity gross;                 ///< on the platform, kg in thousandths
    std::int64_t placedAtUs = 0;          ///< when it was put there: the unstable period and drift start
    std::int64_t unstableMs = 0;          ///< readings are flagged unstable this long after placing
    std::int64_t driftGramsPerSecond = 0; ///< the weight creeps (a leaking bag, a hand on the platform)
    std::int64_t noiseGrams = 0;          ///< each reading is off by up to ± this much
    bool overload = false;                ///< report overload whatever lies there
    core::Quantity capacity = core::Quantity::pieces(15); ///< above it: overload
    core::Quantity zeroOffset;                            ///< set by zero()
    core::Quantity tare;                                  ///< set by tare()
    int failCount = 0;                                    ///< the next reads get no answer (a cable pulled)
    std::int64_t readCount = 0;                           ///< reads so far (the noise sequence)

    friend bool operator==(const EmulatedScaleState&, const EmulatedScaleState&) = default;
};

/// A virtual scale for the terminal app, the tests and demos, over its own small SQLite file
/// (scale.db). Every read() reloads the state, so a change made by another process shows on the
/// next reading. Noise is a fixed pseudo-random sequence of the read count: a run is repeatable.
class EmulatedScale final : public devices::Scale {
public:
    struct Options {
        std::filesystem::path statePath;    ///< scale.db, created when missing
        const core::Clock* clock = nullptr; ///< required
    };

    static core::Result<std::unique_ptr<EmulatedScale>> open(const Options& options);

    core::Result<devices::WeightReading> read() override;
    /// Zeroes an empty-ish platform, as the ZERO key: refused while the weight moves or above 2%
    /// of capacity (a real scale's zero range).
    core::Status zero() override;
    /// Takes what lies on the platform as the tare (the TARE key); a second tare with nothing on
    /// it clears the tare.
    core::Status tare() override;
    std::string_view driverId() const override { return "emulator"; }

    // --- the technician's and tests' controls ---
    core::Result<EmulatedScaleState> state();
    core::Status setState(const EmulatedScaleState& state);
    /// Puts `weight` on the platform now, unstable for `unstableMs`; drift and noise are kept.
    core::Status place(core::Quantity weight, std::int64_t unstableMs = 0);

private:
    EmulatedScale(std::unique_ptr<db::SqliteConnection> connection, const core::Clock& clock);

    /// The gross weight the scale senses now (drift and noise applied) and whether it is settled.
    struct Sensed {
        std::int64_t grams = 0;
        bool stable = false;
    };
    [[nodiscard]] Sensed sense(const EmulatedScaleState& state, std::int64_t nowUs) const;
    std::int64_t nowUs() const;

    std::unique_ptr<db::SqliteConnection> m_db;
    const core::Clock& m_clock;
};

} // namespace sigma::drivers::scale
