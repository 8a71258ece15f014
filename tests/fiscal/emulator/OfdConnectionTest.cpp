// The emulator as a fiscal::OfdSettingsWriter: the OFD connection the technician writes is kept in
// kkt.db, reported by getDeviceInfo, and malformed values are refused naming the field.
#include "core/ErrorCodes.h"
#include "drivers/emulator/EmulatorDriver.h"
#include "fiscal/DriverRegistry.h"
#include "fiscal/OfdSettingsWriter.h"
#include "fiscal/emulator/KktFixture.h"

#include <gtest/gtest.h>

namespace sigma::test {
namespace {

class OfdConnectionTest : public KktFixture {
protected:
    fiscal::OfdSettingsWriter& writer() { return *m_kkt; }
};

TEST_F(OfdConnectionTest, WrittenSettingsAreReadBackAndReportedByDeviceInfo)
{
    auto initial = writer().ofdConnection();
    ASSERT_TRUE(initial.ok()) << initial.error().message;
    EXPECT_TRUE(initial->host.empty()); // never written

    const fiscal::OfdConnection wanted{"connect.ofd.example", 7777, "8.8.8.8"};
    ASSERT_TRUE(writer().writeOfdConnection(wanted).ok());
    auto held = writer().ofdConnection();
    ASSERT_TRUE(held.ok());
    EXPECT_EQ(*held, wanted);

    const auto info = run(R"({"type": "getDeviceInfo"})")["deviceInfo"]["ofdConnection"];
    EXPECT_EQ(info["host"], "connect.ofd.example");
    EXPECT_EQ(info["port"], 7777);
    EXPECT_EQ(info["dns"], "8.8.8.8");
}

TEST_F(OfdConnectionTest, AcceptedWithAShiftOpenLikeARealRegister)
{
    openShift();
    const fiscal::OfdConnection wanted{"10.0.0.5", 21101, ""};
    ASSERT_TRUE(writer().writeOfdConnection(wanted).ok());
    EXPECT_EQ(*writer().ofdConnection(), wanted);
    EXPECT_TRUE(m_kkt->state()->shiftOpen);
}

TEST_F(OfdConnectionTest, SurvivesReopeningTheStateFile)
{
    const fiscal::OfdConnection wanted{"ofd.example.ru", 21101, "77.88.8.8"};
    ASSERT_TRUE(writer().writeOfdConnection(wanted).ok());
    reopen();
    auto held = writer().ofdConnection();
    ASSERT_TRUE(held.ok());
    EXPECT_EQ(*held, wanted);
}

TEST_F(OfdConnectionTest, MalformedValuesAreRefusedNamingTheFieldAndChangeNothing)
{
    const fiscal::OfdConnection good{"connect.ofd.example", 7777, ""};
    ASSERT_TRUE(writer().writeOfdConnection(good).ok());
    const std::pair<fiscal::OfdConnection, std::string> cases[] = {
        {{"", 7777, ""}, "ofd.host"},
        {{"bad host", 7777, ""}, "ofd.host"},
        {{"../etc", 7777, ""}, "ofd.host"},
        {{"-ofd.ru", 7777, ""}, "ofd.host"},
        {{std::string(254, 'a'), 7777, ""}, "ofd.host"},
        {{"ofd.ru", 0, ""}, "ofd.port"},
        {{"ofd.ru", -1, ""}, "ofd.port"},
        {{"ofd.ru", 65536, ""}, "ofd.port"},
        {{"ofd.ru", 21101, "8.8.8"}, "ofd.dns"},
        {{"ofd.ru", 21101, "dns.example"}, "ofd.dns"},
        {{"ofd.ru", 21101, "256.1.1.1"}, "ofd.dns"},
    };
    for (const auto& [bad, field] : cases) {
        const auto written = writer().writeOfdConnection(bad);
        ASSERT_FALSE(written.ok()) << bad.host << ":" << bad.port << " " << bad.dns;
        EXPECT_EQ(written.error().code, core::errc::kInvalidArgument);
        EXPECT_EQ(written.error().message.rfind(field, 0), 0u) << written.error().message;
    }
    EXPECT_EQ(*writer().ofdConnection(), good);
}

TEST(OfdConnectionCapabilityTest, TheEmulatorDeclaresAndImplementsIt)
{
    fiscal::DriverRegistry registry;
    drivers::emulator::registerEmulatorDriver(registry);
    ASSERT_NE(registry.find("emulator"), nullptr);
    EXPECT_TRUE(registry.find("emulator")->capabilities.ofdSettings);
    EXPECT_EQ((*registry.describe("emulator"))["capabilities"]["ofdSettings"], true);
}

} // namespace
} // namespace sigma::test
