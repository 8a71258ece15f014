#pragma once

#include "core/Clock.h"
#include "core/RandomSource.h"
#include "core/Result.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sigma::core {

/// A 128-bit identifier. New ones are version 7 (RFC 9562): a millisecond Unix timestamp first,
/// so receipts and events sort by creation time in indexes, then 74 random bits.
class Uuid {
public:
    Uuid() = default; ///< the nil UUID

    static Uuid generateV7(const Clock& clock, RandomSource& random);
    /// Parses the canonical 36-character form, either case.
    static Result<Uuid> parse(std::string_view text);
    static Uuid fromBytes(const std::array<std::uint8_t, 16>& bytes);

    [[nodiscard]] bool isNil() const;
    [[nodiscard]] int version() const { return m_bytes[6] >> 4; }
    /// Milliseconds since the Unix epoch of a v7 UUID.
    [[nodiscard]] std::int64_t timestampMs() const;
    [[nodiscard]] const std::array<std::uint8_t, 16>& bytes() const { return m_bytes; }
    /// Lower-case canonical form "0190a1b2-...".
    [[nodiscard]] std::string toString() const;

    friend auto operator<=>(const Uuid&, const Uuid&) = default;

private:
    std::array<std::uint8_t, 16> m_bytes{};
};

} // namespace sigma::core
