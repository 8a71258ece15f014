#pragma once

#include "core/Error.h"

#include <cstdint>
#include <optional>

#include "devices/Scale.h"

namespace sigma::devices {

/// When a weight may go on a receipt or a stock document: the rule behind "Вес стабилен".
///
/// Readings are fed in as they come. A weight is reported once `readings` consecutive readings,
/// each flagged stable by the scale, lie within `toleranceGrams` of one another (so each is within
/// ±`toleranceGrams` of the latest) and span at least `windowMs`. A reading that leaves the band starts a new run, so a
/// hand resting on the platform never produces a weight. Overload, negative and zero readings end the run and are
/// reported as such: a zero weight is no sale, and a negative one means the tare is wrong.
/// Pure logic: no clock (times come with the readings), no I/O.
class StableWeight {
public:
    struct Rule {
        int readings = 3;
        std::int64_t toleranceGrams = 2;
        std::int64_t windowMs = 300;
    };

    enum class State {
        Settling = 1, ///< not yet: the run is too short or the weight still moves
        Stable,       ///< `weight` may be used
        Empty,        ///< zero on the platform
        Negative,     ///< below zero
        Overload,     ///< above capacity
    };

    struct Verdict {
        State state = State::Settling;
        core::Quantity weight; ///< the latest reading's weight (Stable: the weight to use)
    };

    StableWeight() = default;
    explicit StableWeight(Rule rule) : m_rule(rule) {}

    Verdict feed(const WeightReading& reading)
    {
        if (reading.overload) {
            reset();
            return {State::Overload, reading.weight};
        }
        if (reading.negative || reading.weight.thousandths() < 0) {
            reset();
            return {State::Negative, reading.weight};
        }
        if (reading.weight.thousandths() == 0) {
            reset();
            return {State::Empty, reading.weight};
        }
        if (!reading.stable) {
            reset();
            return {State::Settling, reading.weight};
        }
        const std::int64_t grams = reading.weight.thousandths();
        if (m_count > 0 && (grams - m_minGrams > m_rule.toleranceGrams || m_maxGrams - grams > m_rule.toleranceGrams)) {
            // Out of the band around the latest weight: the run starts again from this reading.
            reset();
        }
        if (m_count == 0) {
            m_firstAtUs = reading.atUs;
            m_minGrams = grams;
            m_maxGrams = grams;
        }
        ++m_count;
        m_minGrams = grams < m_minGrams ? grams : m_minGrams;
        m_maxGrams = grams > m_maxGrams ? grams : m_maxGrams;
        const bool longEnough = reading.atUs - m_firstAtUs >= m_rule.windowMs * 1000;
        if (m_count >= m_rule.readings && longEnough) {
            return {State::Stable, reading.weight};
        }
        return {State::Settling, reading.weight};
    }

    void reset()
    {
        m_count = 0;
        m_firstAtUs = 0;
        m_minGrams = 0;
        m_maxGrams = 0;
    }

    [[nodiscard]] const Rule& rule() const { return m_rule; }

    /// The error a caller that needs a weight now gives for a verdict that is not Stable.
    [[nodiscard]] static core::Error errorFor(const Verdict& verdict)
    {
        switch (verdict.state) {
        case State::Overload:
            return {scale_errc::kOverload, "the scale is overloaded: take the goods off"};
        case State::Negative:
            return {scale_errc::kNoWeight, "the weight is below zero: zero the scale or remove the tare"};
        case State::Empty:
            return {scale_errc::kNoWeight, "nothing on the scale"};
        case State::Settling:
        case State::Stable:
            break;
        }
        return {scale_errc::kNotStable, "the weight has not settled yet"};
    }

private:
    Rule m_rule;
    int m_count = 0;
    std::int64_t m_firstAtUs = 0;
    std::int64_t m_minGrams = 0;
    std::int64_t m_maxGrams = 0;
};

} // namespace sigma::devices
