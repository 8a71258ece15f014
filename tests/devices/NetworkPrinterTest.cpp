// The ESC/POS network driver against the emulated kitchen printer over a real TCP socket:
// printing, status, no paper, unplugged, and the connection dropped before the confirmation.

#include "drivers/printer/EscPosNetworkPrinter.h"
#include "drivers/printer/PrinterEmulator.h"

#include <gtest/gtest.h>

namespace sigma::drivers::printer {
namespace {

class NetworkPrinterTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_emulator.start().ok()); }

    EscPosNetworkPrinter printer(int port = 0)
    {
        return EscPosNetworkPrinter({"127.0.0.1", port == 0 ? m_emulator.port() : port, 1000, 1000});
    }

    static devices::PrintDocument ticket(const std::string& text)
    {
        devices::PrintDocument doc;
        doc.lines.push_back({text, false, false, devices::PrintAlign::Left});
        return doc;
    }

    PrinterEmulator m_emulator;
};

TEST_F(NetworkPrinterTest, PrintsAndTheEmulatorRecordsTheBytes)
{
    auto p = printer();
    ASSERT_TRUE(p.print(ticket("Борщ")).ok());
    ASSERT_TRUE(p.print(ticket("Чай")).ok());
    const auto documents = m_emulator.documents();
    ASSERT_EQ(documents.size(), 2u);
    EXPECT_EQ(documents[0], EscPos::encode(ticket("Борщ"))); // exactly the encoder's bytes, status queries aside
    EXPECT_EQ(m_emulator.texts(), (std::vector<std::string>{"Борщ\n", "Чай\n"}));
}

TEST_F(NetworkPrinterTest, ReportsStatus)
{
    auto p = printer();
    auto status = p.status();
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(status->online);
    EXPECT_FALSE(status->paperOut);

    m_emulator.setStatus({true, true, true, false});
    status = p.status();
    ASSERT_TRUE(status.ok());
    EXPECT_TRUE(status->paperOut);
    // Nothing is sent to a printer without paper.
    auto refused = p.print(ticket("Суп"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, devices::printer_errc::kPaperOut);
    m_emulator.setStatus({true, false, false, true});
    refused = p.print(ticket("Суп"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, devices::printer_errc::kOffline);
    EXPECT_TRUE(m_emulator.documents().empty());
}

TEST_F(NetworkPrinterTest, UnpluggedIsUnreachableAndPluggedBackWorks)
{
    const int port = m_emulator.port();
    m_emulator.stop();
    auto p = printer(port);
    auto refused = p.print(ticket("Салат"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, devices::printer_errc::kUnreachable);
    ASSERT_TRUE(m_emulator.start(port).ok());
    EXPECT_TRUE(p.print(ticket("Салат")).ok());
    EXPECT_EQ(m_emulator.texts(), (std::vector<std::string>{"Салат\n"}));
}

TEST_F(NetworkPrinterTest, DroppedBeforeConfirmationIsUnconfirmed)
{
    m_emulator.dropAfterNextDocuments(1);
    auto p = printer();
    auto result = p.print(ticket("Пицца"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, devices::printer_errc::kUnconfirmed);
    EXPECT_EQ(m_emulator.documents().size(), 1u); // it did print: the caller cannot know
}

TEST_F(NetworkPrinterTest, SettingsAreChecked)
{
    for (const auto& bad : {NetworkPrinterSettings{"", 9100}, NetworkPrinterSettings{"10.0.0.5", 0},
                            NetworkPrinterSettings{"10.0.0.5", 70000}, NetworkPrinterSettings{"10.0.0.5", 9100, 0}}) {
        auto status = EscPosNetworkPrinter::validate(bad);
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, devices::printer_errc::kBadSettings);
    }
}

} // namespace
} // namespace sigma::drivers::printer
