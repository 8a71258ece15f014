#include "drivers/scale/SerialScale.h"

#include "drivers/scale/CasApCodec.h"
#include "mock/ManualClock.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <termios.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace sigma {
namespace {

using drivers::scale::CasApCodec;
using drivers::scale::CasWeightFrame;
using drivers::scale::SerialScale;

/// The scale's side of a pseudo-terminal: answers ENQ and DC1 the way a CAS AP scale does, with
/// what the test scripts (NAKs first, silence, garbage before the frame, a corrupted frame).
class PtyScale {
public:
    PtyScale()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY);
        EXPECT_GE(m_master, 0);
        EXPECT_EQ(::grantpt(m_master), 0);
        EXPECT_EQ(::unlockpt(m_master), 0);
        m_slavePath = ::ptsname(m_master);
        m_thread = std::thread([this] { serve(); });
    }
    ~PtyScale()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_master);
    }
    PtyScale(const PtyScale&) = delete;
    PtyScale& operator=(const PtyScale&) = delete;

    [[nodiscard]] const std::string& slavePath() const { return m_slavePath; }

    std::atomic<std::int64_t> grams{0};
    std::atomic<bool> stable{true};
    std::atomic<bool> overload{false};
    std::atomic<int> naks{0};        ///< answer NAK to this many ENQs first
    std::atomic<bool> silent{false}; ///< answer nothing
    std::atomic<bool> noiseFirst{false};
    std::atomic<bool> corrupt{false};
    std::atomic<int> enquiries{0};

private:
    void serve()
    {
        while (!m_stop) {
            pollfd pfd{m_master, POLLIN, 0};
            if (::poll(&pfd, 1, 20) <= 0) {
                continue;
            }
            if ((pfd.revents & POLLIN) == 0) {
                // POLLHUP while no one has the slave side open: wait for the driver to open it.
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
                continue;
            }
            std::uint8_t byte = 0;
            if (::read(m_master, &byte, 1) != 1 || silent) {
                continue;
            }
            if (byte == CasApCodec::kEnq) {
                ++enquiries;
                const std::uint8_t answer = naks > 0 ? CasApCodec::kNak : CasApCodec::kAck;
                if (naks > 0) {
                    --naks;
                }
                send({answer});
            } else if (byte == CasApCodec::kDc1) {
                auto frame = CasApCodec::encodeWeightFrame(
                    {core::Quantity::fromThousandths(grams.load()), stable.load(), overload.load()});
                if (corrupt) {
                    frame[7] = static_cast<std::uint8_t>(frame[7] ^ 0x01);
                }
                if (noiseFirst) {
                    frame.insert(frame.begin(), {0x00, 0x7F, 'x'});
                }
                send(frame);
            }
        }
    }

    void send(const std::vector<std::uint8_t>& bytes)
    {
        ASSERT_EQ(::write(m_master, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }

    int m_master = -1;
    std::string m_slavePath;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

class SerialScaleTest : public ::testing::Test {
protected:
    std::unique_ptr<SerialScale> open(int timeoutMs = 300)
    {
        SerialScale::Options options;
        options.path = m_scale.slavePath();
        options.serial.baudRate = 9600;
        options.serial.parity = drivers::scale::SerialParity::Even;
        options.timeoutMs = timeoutMs;
        options.clock = &m_clock;
        auto scale = SerialScale::open(options);
        EXPECT_TRUE(scale.ok()) << scale.error().message;
        return scale.ok() ? std::move(*scale) : nullptr;
    }

    PtyScale m_scale;
    test::ManualClock m_clock;
};

TEST_F(SerialScaleTest, ReadsAStableWeight)
{
    auto scale = open();
    ASSERT_TRUE(scale);
    m_scale.grams = 1234;
    auto reading = scale->read();
    ASSERT_TRUE(reading.ok()) << reading.error().message;
    EXPECT_EQ(reading->weight.thousandths(), 1234);
    EXPECT_TRUE(reading->stable);
    EXPECT_FALSE(reading->overload);
    EXPECT_EQ(reading->atUs, core::toUnixMicros(m_clock.now()));
    EXPECT_EQ(scale->driverId(), "casAp");
}

TEST_F(SerialScaleTest, UnstableNegativeAndOverload)
{
    auto scale = open();
    m_scale.grams = -40;
    m_scale.stable = false;
    auto negative = scale->read();
    ASSERT_TRUE(negative.ok()) << negative.error().message;
    EXPECT_TRUE(negative->negative);
    EXPECT_FALSE(negative->stable);
    m_scale.overload = true;
    EXPECT_TRUE(scale->read()->overload);
}

TEST_F(SerialScaleTest, AsksAgainAfterNakAndSkipsNoiseBeforeTheFrame)
{
    auto scale = open();
    m_scale.grams = 350;
    m_scale.naks = 2;
    m_scale.noiseFirst = true;
    auto reading = scale->read();
    ASSERT_TRUE(reading.ok()) << reading.error().message;
    EXPECT_EQ(reading->weight.thousandths(), 350);
    EXPECT_EQ(m_scale.enquiries.load(), 3);
}

TEST_F(SerialScaleTest, SilenceCorruptionAndNoRemoteKeys)
{
    auto scale = open(150);
    m_scale.silent = true;
    auto silent = scale->read();
    ASSERT_FALSE(silent.ok());
    EXPECT_EQ(silent.error().code, devices::scale_errc::kNoAnswer);
    m_scale.silent = false;
    m_scale.corrupt = true;
    auto corrupt = scale->read();
    ASSERT_FALSE(corrupt.ok());
    EXPECT_EQ(corrupt.error().code, devices::scale_errc::kBadFrame);
    m_scale.corrupt = false;
    m_scale.grams = 10;
    EXPECT_TRUE(scale->read().ok()); // a late answer of the failed exchange does not shift the next
    EXPECT_EQ(scale->zero().error().code, devices::scale_errc::kUnsupported);
    EXPECT_EQ(scale->tare().error().code, devices::scale_errc::kUnsupported);
}

TEST(SerialScaleOpen, RefusesBadSettingsAndMissingPorts)
{
    test::ManualClock clock;
    SerialScale::Options options;
    options.clock = &clock;
    options.path = "/nonexistent/tty";
    auto missing = SerialScale::open(options);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, devices::scale_errc::kPortFailed);
    options.serial.baudRate = 1234;
    auto badBaud = SerialScale::open(options);
    ASSERT_FALSE(badBaud.ok());
    EXPECT_EQ(badBaud.error().code, devices::scale_errc::kBadSettings);
    options.path = "/dev/null"; // not a tty
    options.serial.baudRate = 9600;
    auto notTty = SerialScale::open(options);
    ASSERT_FALSE(notTty.ok());
    EXPECT_EQ(notTty.error().code, devices::scale_errc::kPortFailed);
}

} // namespace
} // namespace sigma
