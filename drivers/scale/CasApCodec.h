#pragma once

#include "core/Quantity.h"
#include "core/Result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace sigma::drivers::scale {

/// One weight frame of the CAS AP/ER protocol (docs/devices.md).
struct CasWeightFrame {
    core::Quantity weight; ///< kilograms in thousandths; negative when the sign is '-'
    bool stable = false;   ///< status 'S' (else 'U')
    bool overload = false; ///< status 'F', or a weight field without digits ("OL")
};

/// The CAS AP/ER serial protocol as pure functions over bytes: no port, no clock.
///
/// The terminal sends ENQ; the scale answers ACK (ready) or NAK; the terminal sends DC1; the scale
/// answers one 15-byte frame:
/// SOH STX STA SIGN W1..W6 U1 U2 BCC ETX EOT, where STA is 'S' (stable) or 'U' (unstable), SIGN is
/// ' ' or '-', W1..W6 is the weight in kilograms as "dd.ddd" (ASCII digits and one dot), U1 U2 is
/// "kg", and BCC is the XOR of STA..U2.
class CasApCodec {
public:
    static constexpr std::uint8_t kSoh = 0x01;
    static constexpr std::uint8_t kStx = 0x02;
    static constexpr std::uint8_t kEtx = 0x03;
    static constexpr std::uint8_t kEot = 0x04;
    static constexpr std::uint8_t kEnq = 0x05;
    static constexpr std::uint8_t kAck = 0x06;
    static constexpr std::uint8_t kNak = 0x15;
    static constexpr std::uint8_t kDc1 = 0x11;
    static constexpr std::size_t kFrameSize = 15;
    /// The largest weight the 6-character field holds: 99.999 kg.
    static constexpr std::int64_t kMaxThousandths = 99'999;

    /// XOR of the bytes: the frame's block check character.
    [[nodiscard]] static std::uint8_t bcc(std::span<const std::uint8_t> bytes);

    /// A weight frame as the scale sends it (tests and the emulated serial scale play the scale).
    /// Weights beyond ±99.999 kg are sent as overload.
    [[nodiscard]] static std::vector<std::uint8_t> encodeWeightFrame(const CasWeightFrame& frame);

    /// Decodes exactly one frame. kBadFrame (2001) for anything else, naming the byte.
    [[nodiscard]] static core::Result<CasWeightFrame> decodeWeightFrame(std::span<const std::uint8_t> bytes);
};

} // namespace sigma::drivers::scale
