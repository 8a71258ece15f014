#pragma once

#include "core/Clock.h"
#include "drivers/scale/SerialPort.h"

#include <memory>
#include <string>

#include "devices/Scale.h"

namespace sigma::drivers::scale {

/// A CAS AP/ER-protocol scale on a serial port (drivers/scale/CasApCodec.h, docs/devices.md).
///
/// Every read() is one exchange: ENQ, wait for ACK (a NAK means "not ready": ask again, a few
/// times), DC1, one weight frame. Bytes that arrive before the frame's SOH are skipped, so line
/// noise or a late answer to an earlier request does not shift the frame. The protocol has no
/// remote zero or tare: zero() and tare() answer kUnsupported and the cashier uses the keys.
class SerialScale final : public devices::Scale {
public:
    struct Options {
        std::string path; ///< /dev/ttyS0, /dev/ttyUSB0, ...
        SerialSettings serial;
        int timeoutMs = 500;                ///< per answer
        int nakRetries = 3;                 ///< ENQ again after a NAK this many times
        const core::Clock* clock = nullptr; ///< required: stamps the readings
    };

    static core::Result<std::unique_ptr<SerialScale>> open(const Options& options);

    core::Result<devices::WeightReading> read() override;
    core::Status zero() override;
    core::Status tare() override;
    std::string_view driverId() const override { return "casAp"; }

private:
    SerialScale(SerialPort port, const Options& options);

    /// Waits for ACK or NAK; other bytes are skipped. True for ACK.
    core::Result<bool> waitForAcknowledge();
    core::Error noAnswer(const std::string& what) const;

    SerialPort m_port;
    Options m_options;
};

} // namespace sigma::drivers::scale
