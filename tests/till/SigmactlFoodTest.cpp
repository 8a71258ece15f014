// The food app through sigmactl: tables, an order with modifiers, the kitchen printer (the
// emulator on a real socket), a split bill paid through the emulated register, and errors.

#include "core/ExactJson.h"
#include "drivers/printer/PrinterEmulator.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;
const std::string kData = SIGMA_TEST_DATA_DIR;

class SigmactlFood : public ::testing::Test {
protected:
    core::Json run(const std::vector<std::string>& args, const std::string& input = {}, int expectedExit = 0)
    {
        std::vector<std::string> all = {"--data-dir", m_dir.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        const auto result = test::runProcess(kSigmactl, all, input, {"SIGMA_TEST_CHEAP_HASHES=1", "SIGMA_PIN=2468"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << " " << (args.size() > 1 ? args[1] : "")
                                                 << "\n" << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    void setUpCafe()
    {
        run({"init", "--business", "food", "--admin-pin", "1357"});
        run({"staff", "change-pin", "--pin", "1357", "--new-pin", "2468"});
        const auto import = run({"catalog", "import", kData + "/catalog/shop.csv"});
        ASSERT_EQ(import["imported"], 4) << import.dump();
        run({"shift", "open"});
    }

    test::TempDir m_dir{"sigma-food-cli"};
};

TEST_F(SigmactlFood, ATableFromOrderToFiscalizedReceipts)
{
    setUpCafe();
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());

    run({"table", "add", "1", "--x", "0", "--y", "0"});
    const auto hall = run({"table", "add", "Веранда", "--x", "1", "--y", "0", "--seats", "6"});
    ASSERT_EQ(hall["tables"].size(), 2u);
    const auto taken = run({"table", "add", "Веранда", "--x", "3", "--y", "3"}, {}, 1);
    EXPECT_EQ(taken["error"]["code"], 2151);

    const auto printers = run({"kitchen", "printer-add", "Кухня", "--host", "127.0.0.1", "--port",
                               std::to_string(printer.port()), "--default"});
    ASSERT_EQ(printers["printers"].size(), 1u);
    run({"kitchen", "route", "Молочные", "Кухня"});

    const auto group = run({"modifier", "save", "-"},
                           R"({"name": "Молоко", "required": true, "options": ["обычное", {"name": "овсяное", "priceDelta": "50.00"}]})");
    const std::string groupId = group["id"];
    run({"modifier", "attach", groupId, "--sku", "A-1"});

    const auto opened = run({"order", "open", "Веранда", "--guests", "3"});
    EXPECT_EQ(opened["status"], "open");
    const auto missing = run({"order", "add", "Веранда", "--sku", "A-1"}, {}, 1);
    EXPECT_EQ(missing["error"]["code"], 2156);
    run({"order", "add", "Веранда", "--sku", "A-1", "--quantity", "2", "--modifier", "Молоко=овсяное", "--comment",
         "горячее"});
    const auto order = run({"order", "add", "Веранда", "--sku", "A-2"});
    // 2 × (89.90 + 50.00) + 45.50 = 325.30
    EXPECT_EQ(core::moneyFromJson(order["total"], "total")->kopecks(), 32530);

    const auto sent = run({"kitchen", "send", "Веранда"});
    ASSERT_EQ(sent["tickets"].size(), 1u);
    EXPECT_EQ(sent["pump"]["printed"], 1);
    EXPECT_EQ(sent["tickets"][0]["print"]["state"], "printed");
    ASSERT_EQ(printer.texts().size(), 1u);
    EXPECT_NE(printer.texts()[0].find("2 x Молоко 3,2% 1 л"), std::string::npos) << printer.texts()[0];
    const auto again = run({"kitchen", "send", "Веранда"}, {}, 1);
    EXPECT_EQ(again["error"]["code"], 2171);

    const auto refused = run({"shift", "close", "--counted", "0"}, {}, 1);
    EXPECT_EQ(refused["error"]["code"], 2161);

    run({"order", "prebill", "Веранда"});
    EXPECT_EQ(run({"table", "list"})["tables"][1]["state"], "billPrinted");
    const auto split = run({"order", "split", "Веранда", "--lines", "[[0], [1]]"});
    ASSERT_EQ(split["parts"].size(), 2u);
    const auto pay1 = run({"order", "pay", "Веранда", "--cash", "500"});
    EXPECT_EQ(pay1["receipt"]["status"], "fiscalized");
    EXPECT_EQ(core::moneyFromJson(pay1["receipt"]["total"], "total")->kopecks(), 27980);
    const auto pay2 = run({"order", "pay", opened["id"].get<std::string>(), "--card", "45.50"});
    EXPECT_EQ(pay2["receipt"]["status"], "fiscalized");
    EXPECT_EQ(pay2["order"]["status"], "paid");
    EXPECT_EQ(run({"table", "list"})["tables"][1]["state"], "free");

    const auto tickets = run({"kitchen", "tickets"});
    ASSERT_EQ(tickets["tickets"].size(), 1u);
    run({"kitchen", "ready", std::to_string(tickets["tickets"][0]["number"].get<int>())});
    EXPECT_EQ(run({"kitchen", "tickets"})["tickets"].size(), 0u);
    const auto queue = run({"kitchen", "queue", "--probe"});
    EXPECT_EQ(queue["printers"][0]["queued"], 0);
    EXPECT_EQ(queue["printers"][0]["live"]["online"], true);

    run({"shift", "close", "--counted", "279.80"});
}

TEST_F(SigmactlFood, UnpluggedKitchenPrinterQueuesAndCancelNeedsAReason)
{
    setUpCafe();
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());
    const int port = printer.port();
    printer.stop();
    run({"table", "add", "5", "--x", "0", "--y", "0"});
    run({"kitchen", "printer-add", "Кухня", "--host", "127.0.0.1", "--port", std::to_string(port), "--default"});
    run({"order", "open", "5"});
    run({"order", "add", "5", "--sku", "A-2", "--quantity", "3"});
    const auto sent = run({"kitchen", "send", "5"});
    EXPECT_EQ(sent["pump"]["failed"], 1);
    EXPECT_EQ(sent["tickets"][0]["print"]["state"], "queued");
    ASSERT_TRUE(printer.start(port).ok());
    const auto queue = run({"kitchen", "queue", "--retry"});
    EXPECT_EQ(queue["pump"]["printed"], 1);
    EXPECT_EQ(printer.texts().size(), 1u);

    // Malformed split plans are refused with the field to blame.
    EXPECT_EQ(run({"order", "split", "5", "--lines", "{"}, {}, 1)["error"]["code"], 1002);
    EXPECT_EQ(run({"order", "split", "5", "--lines", "[[0], 1]"}, {}, 1)["error"]["code"], 2162);
    EXPECT_EQ(run({"order", "split", "5", "--lines", "[[{\"quantity\": 1}], [0]]"}, {}, 1)["error"]["code"], 2162);
    EXPECT_EQ(run({"order", "split", "5", "--lines", "[[0], [7]]"}, {}, 1)["error"]["code"], 2160); // no line 7
    EXPECT_EQ(run({"order", "split", "5", "--equal", "2", "--lines", "[[0]]"}, {}, 1)["error"]["code"], 1001);
    const auto noReason = run({"order", "cancel", "5", "--reason", ""}, {}, 1);
    EXPECT_EQ(noReason["error"]["code"], 2163);
    const auto cancelled = run({"order", "cancel", "5", "--reason", "ошибка официанта"});
    EXPECT_EQ(cancelled["status"], "cancelled");
    // The kitchen had the order: its cancel ticket, with the reason, is printed by the same command.
    const auto texts = printer.texts();
    ASSERT_EQ(texts.size(), 2u);
    EXPECT_NE(texts[1].find("ОТМЕНА ЗАКАЗА: ошибка официанта"), std::string::npos) << texts[1];
    EXPECT_NE(texts[1].find("ОТМЕНА 3 x"), std::string::npos) << texts[1];
    const auto closedOrder = run({"order", "add", "5", "--sku", "A-2"}, {}, 1);
    EXPECT_EQ(closedOrder["error"]["code"], 2154); // the table has no open order any more
    const auto unknown = run({"order", "show", "нет-такого"}, {}, 1);
    EXPECT_EQ(unknown["error"]["code"], 2150);
}

} // namespace
} // namespace sigma
