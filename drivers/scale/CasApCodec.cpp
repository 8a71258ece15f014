#include "drivers/scale/CasApCodec.h"

#include <string>

#include "devices/Scale.h"

namespace sigma::drivers::scale {
namespace {

constexpr std::size_t kStatusAt = 2;
constexpr std::size_t kSignAt = 3;
constexpr std::size_t kWeightAt = 4;
constexpr std::size_t kWeightSize = 6;
constexpr std::size_t kUnitAt = 10;
constexpr std::size_t kBccAt = 12;
constexpr std::size_t kEtxAt = 13;
constexpr std::size_t kEotAt = 14;

core::Error badFrame(const std::string& what, std::size_t at)
{
    return core::Error(devices::scale_errc::kBadFrame,
                       "malformed scale frame: " + what + " at byte " + std::to_string(at));
}

} // namespace

std::uint8_t CasApCodec::bcc(std::span<const std::uint8_t> bytes)
{
    std::uint8_t x = 0;
    for (const std::uint8_t b : bytes) {
        x = static_cast<std::uint8_t>(x ^ b);
    }
    return x;
}

std::vector<std::uint8_t> CasApCodec::encodeWeightFrame(const CasWeightFrame& frame)
{
    std::vector<std::uint8_t> out(kFrameSize, 0);
    out[0] = kSoh;
    out[1] = kStx;
    const std::int64_t value = frame.weight.thousandths();
    const std::int64_t magnitude = value < 0 ? -value : value;
    const bool overload = frame.overload || magnitude > kMaxThousandths;
    out[kStatusAt] = overload ? 'F' : (frame.stable ? 'S' : 'U');
    out[kSignAt] = value < 0 && !overload ? '-' : ' ';
    if (overload) {
        const std::string field = "    OL";
        for (std::size_t i = 0; i < kWeightSize; ++i) {
            out[kWeightAt + i] = static_cast<std::uint8_t>(field[i]);
        }
    } else {
        // "dd.ddd": two digits of kilograms, the dot, three of grams.
        const auto digit = [](std::int64_t d) { return static_cast<std::uint8_t>('0' + d); };
        out[kWeightAt + 0] = digit(magnitude / 10'000 % 10);
        out[kWeightAt + 1] = digit(magnitude / 1000 % 10);
        out[kWeightAt + 2] = '.';
        out[kWeightAt + 3] = digit(magnitude / 100 % 10);
        out[kWeightAt + 4] = digit(magnitude / 10 % 10);
        out[kWeightAt + 5] = digit(magnitude % 10);
    }
    out[kUnitAt] = 'k';
    out[kUnitAt + 1] = 'g';
    out[kBccAt] = bcc(std::span(out).subspan(kStatusAt, kBccAt - kStatusAt));
    out[kEtxAt] = kEtx;
    out[kEotAt] = kEot;
    return out;
}

core::Result<CasWeightFrame> CasApCodec::decodeWeightFrame(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != kFrameSize) {
        return badFrame(std::to_string(bytes.size()) + " bytes instead of " + std::to_string(kFrameSize),
                        bytes.size() < kFrameSize ? bytes.size() : kFrameSize);
    }
    if (bytes[0] != kSoh) {
        return badFrame("no SOH", 0);
    }
    if (bytes[1] != kStx) {
        return badFrame("no STX", 1);
    }
    if (bytes[kEtxAt] != kEtx) {
        return badFrame("no ETX", kEtxAt);
    }
    if (bytes[kEotAt] != kEot) {
        return badFrame("no EOT", kEotAt);
    }
    // The checksum first: a corrupted byte anywhere in the data must not be read as a weight.
    if (bcc(bytes.subspan(kStatusAt, kBccAt - kStatusAt)) != bytes[kBccAt]) {
        return badFrame("checksum mismatch", kBccAt);
    }
    CasWeightFrame frame;
    const std::uint8_t status = bytes[kStatusAt];
    if (status != 'S' && status != 'U' && status != 'F') {
        return badFrame("unknown status", kStatusAt);
    }
    if (bytes[kUnitAt] != 'k' || bytes[kUnitAt + 1] != 'g') {
        return badFrame("unit is not kg", kUnitAt);
    }
    const std::uint8_t sign = bytes[kSignAt];
    if (sign != ' ' && sign != '-') {
        return badFrame("bad sign", kSignAt);
    }
    std::int64_t value = 0;
    int digits = 0;
    int decimals = -1; // digits after the dot; -1 before it
    bool sawOther = false;
    for (std::size_t i = 0; i < kWeightSize; ++i) {
        const std::uint8_t c = bytes[kWeightAt + i];
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            ++digits;
            if (decimals >= 0) {
                ++decimals;
            }
        } else if (c == '.' && decimals < 0) {
            decimals = 0;
        } else if (c == ' ' && digits == 0 && decimals < 0) {
            continue; // leading blanks
        } else {
            sawOther = true;
        }
    }
    if (status == 'F' || (digits == 0 && sawOther)) {
        frame.overload = true;
        frame.stable = false;
        return frame;
    }
    // Exactly three decimals: the field is "dd.ddd", so the weight never exceeds 99.999 kg.
    if (sawOther || digits == 0 || decimals != 3) {
        return badFrame("weight is not a number", kWeightAt);
    }
    frame.weight = core::Quantity::fromThousandths(sign == '-' ? -value : value);
    frame.stable = status == 'S';
    return frame;
}

} // namespace sigma::drivers::scale
