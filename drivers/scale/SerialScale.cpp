#include "drivers/scale/SerialScale.h"

#include "drivers/scale/CasApCodec.h"

#include <array>
#include <chrono>
#include <vector>

namespace sigma::drivers::scale {
namespace {

using SteadyClock = std::chrono::steady_clock;

int msLeft(SteadyClock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

} // namespace

SerialScale::SerialScale(SerialPort port, const Options& options) : m_port(std::move(port)), m_options(options)
{
}

core::Result<std::unique_ptr<SerialScale>> SerialScale::open(const Options& options)
{
    if (options.clock == nullptr) {
        return core::Error(devices::scale_errc::kBadSettings, "the serial scale needs a clock", "clock");
    }
    if (options.path.empty()) {
        return core::Error(devices::scale_errc::kBadSettings, "the scale's serial port is not set", "port");
    }
    SIGMA_ASSIGN_OR_RETURN(auto port, SerialPort::open(options.path, options.serial));
    return std::unique_ptr<SerialScale>(new SerialScale(std::move(port), options));
}

core::Error SerialScale::noAnswer(const std::string& what) const
{
    return core::Error(devices::scale_errc::kNoAnswer, "no " + what + " from the scale on " + m_port.path() +
                                                           " within " + std::to_string(m_options.timeoutMs) +
                                                           " ms: is it on and connected?");
}

core::Result<bool> SerialScale::waitForAcknowledge()
{
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(m_options.timeoutMs);
    std::array<std::uint8_t, 1> byte{};
    for (;;) {
        const int left = msLeft(deadline);
        if (left == 0) {
            return noAnswer("ACK");
        }
        SIGMA_ASSIGN_OR_RETURN(const std::size_t n, m_port.readSome(byte, left));
        if (n == 0) {
            continue;
        }
        if (byte[0] == CasApCodec::kAck) {
            return true;
        }
        if (byte[0] == CasApCodec::kNak) {
            return false;
        }
    }
}

core::Result<devices::WeightReading> SerialScale::read()
{
    m_port.discardInput();
    bool ready = false;
    for (int attempt = 0; attempt <= m_options.nakRetries && !ready; ++attempt) {
        const std::array<std::uint8_t, 1> enq{CasApCodec::kEnq};
        SIGMA_TRY(m_port.write(enq));
        SIGMA_ASSIGN_OR_RETURN(ready, waitForAcknowledge());
    }
    if (!ready) {
        return core::Error(devices::scale_errc::kNoAnswer, "the scale keeps answering NAK (not ready)");
    }
    const std::array<std::uint8_t, 1> dc1{CasApCodec::kDc1};
    SIGMA_TRY(m_port.write(dc1));

    std::vector<std::uint8_t> frame;
    frame.reserve(CasApCodec::kFrameSize);
    const auto deadline = SteadyClock::now() + std::chrono::milliseconds(m_options.timeoutMs);
    std::array<std::uint8_t, 64> buffer{};
    while (frame.size() < CasApCodec::kFrameSize) {
        const int left = msLeft(deadline);
        if (left == 0) {
            return noAnswer(frame.empty() ? "weight frame" : "complete weight frame");
        }
        SIGMA_ASSIGN_OR_RETURN(const std::size_t n, m_port.readSome(buffer, left));
        for (std::size_t i = 0; i < n && frame.size() < CasApCodec::kFrameSize; ++i) {
            if (frame.empty() && buffer[i] != CasApCodec::kSoh) {
                continue; // noise before the frame
            }
            frame.push_back(buffer[i]);
        }
    }
    SIGMA_ASSIGN_OR_RETURN(const CasWeightFrame decoded, CasApCodec::decodeWeightFrame(frame));
    devices::WeightReading reading;
    reading.weight = decoded.weight;
    reading.stable = decoded.stable;
    reading.overload = decoded.overload;
    reading.negative = decoded.weight.thousandths() < 0;
    reading.atUs = core::toUnixMicros(m_options.clock->now());
    return reading;
}

core::Status SerialScale::zero()
{
    return core::Error(devices::scale_errc::kUnsupported,
                       "the CAS AP protocol cannot zero the scale remotely: press the scale's ZERO key");
}

core::Status SerialScale::tare()
{
    return core::Error(devices::scale_errc::kUnsupported,
                       "the CAS AP protocol cannot set the tare remotely: press the scale's TARE key");
}

} // namespace sigma::drivers::scale
