// The till through sigmactl, as a technician or a script runs it: the real binary on a real data
// directory with the emulated register and pin pad.

#include "core/ExactJson.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;
const std::string kData = SIGMA_TEST_DATA_DIR;

class SigmactlTill : public ::testing::Test {
protected:
    core::Json run(const std::vector<std::string>& args, const std::string& input = {}, int expectedExit = 0)
    {
        std::vector<std::string> all = {"--data-dir", m_dir.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        const auto result = test::runProcess(kSigmactl, all, input, {"SIGMA_TEST_CHEAP_HASHES=1"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << "\n" << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    void setUpShop()
    {
        const auto init = run({"init", "--business", "trade", "--admin-pin", "1357"});
        EXPECT_EQ(init["businessType"], "trade");
        EXPECT_FALSE(init["administrator"].contains("pin")); // given, so not printed
        // The set-up PIN must be changed before anything else.
        const auto refused = run({"shift", "open", "--pin", "1357"}, {}, 1);
        EXPECT_NE(refused["error"]["message"].get<std::string>().find("PIN"), std::string::npos);
        run({"staff", "change-pin", "--pin", "1357", "--new-pin", "2468"});
        const auto import = run({"catalog", "import", kData + "/catalog/shop.csv"});
        EXPECT_EQ(import["imported"], 4) << import.dump();
        run({"shift", "open", "--pin", "2468"});
    }

    test::TempDir m_dir{"sigma-cli"};
};

TEST_F(SigmactlTill, AShopDay)
{
    setUpShop();
    run({"cash", "in", "5000", "--pin", "2468", "--reason", "размен"});

    // A sale by barcode, by SKU, a weight label and a free-price line, paid cash and card.
    const auto sale = run({"sale", "-"}, R"({"pin": "2468", "lines": [
        {"barcode": "4601234567893", "quantity": 2},
        {"sku": "A-4"},
        {"barcode": "2100123003501"},
        {"name": "Пакет", "price": "5.00", "tax": "vat22"}],
        "discount": {"percent": 5},
        "payments": [{"type": "card", "sum": 1000}, {"type": "cash", "sum": "1000.00"}],
        "customer": {"emailOrPhone": "+79990000000"}})");
    ASSERT_EQ(sale["status"], "fiscalized") << sale.dump(2);
    EXPECT_EQ(sale["lines"].size(), 4u);
    EXPECT_EQ(core::quantityFromJson(sale["lines"][2]["quantity"], "q")->thousandths(), 350);
    // 179.80 + 1299.00 + 70.00 (0.350 × 199.99 = 69.9965) + 5.00 = 1553.80; −5% = 1476.11
    EXPECT_EQ(core::moneyFromJson(sale["total"], "total")->kopecks(), 147611);
    EXPECT_EQ(core::moneyFromJson(sale["change"], "change")->kopecks(), 200000 - 147611);
    EXPECT_GT(sale["fiscalParams"]["fiscalDocumentNumber"].get<int>(), 0);
    const std::string saleId = sale["uuid"];

    // The same uuid again does nothing new.
    const auto again = run({"sale", "-"}, R"({"pin": "2468", "uuid": ")" + saleId +
                                              R"(", "lines": [{"sku": "A-2"}], "payments": [{"type": "cash", "sum": 100}]})");
    EXPECT_EQ(again["fiscalParams"]["fiscalDocumentNumber"], sale["fiscalParams"]["fiscalDocumentNumber"]);

    // Hold and resume.
    const auto held = run({"hold", "-", "--label", "забыл кошелёк"},
                          R"({"pin": "2468", "lines": [{"sku": "A-2", "quantity": 3}]})");
    const auto list = run({"resume"});
    ASSERT_EQ(list["held"].size(), 1u);
    const auto resumed = run({"resume", held["id"]});
    EXPECT_EQ(core::moneyFromJson(resumed["total"], "total")->kopecks(), 13650);
    EXPECT_EQ(run({"resume"})["held"].size(), 0u);

    // Return one milk: it goes back to the card first.
    const auto refund = run({"return", "-"}, R"({"pin": "2468", "original": ")" + saleId +
                                                 R"(", "lines": [{"position": 0, "quantity": 1}]})");
    ASSERT_EQ(refund["status"], "fiscalized") << refund.dump(2);
    EXPECT_EQ(refund["payments"][0]["type"], "electronically");
    // More milk than was sold is refused.
    const auto tooMuch = run({"return", "-"}, R"({"pin": "2468", "original": ")" + saleId +
                                                  R"(", "lines": [{"position": 0, "quantity": 2}]})",
                             1);
    EXPECT_EQ(tooMuch["error"]["code"], 1806);

    const auto x = run({"shift", "x", "--pin", "2468"});
    const auto expected = x["figures"]["expectedCash"].get<std::int64_t>();
    const auto closed = run({"shift", "close", "--pin", "2468", "--counted", "5000"});
    EXPECT_EQ(core::moneyFromJson(closed["overShort"], "overShort")->kopecks(), 500000 - expected);

    const auto verify = run({"journal", "verify"});
    EXPECT_TRUE(verify["ok"].get<bool>());
    const auto exported = run({"journal", "export"});
    EXPECT_EQ(exported["receipts"].size(), 2u);
    std::vector<std::string> types;
    for (const auto& event : exported["events"]) {
        types.push_back(event["type"]);
    }
    EXPECT_EQ(types, (std::vector<std::string>{"shift.opened", "cash.in", "receipt.fiscalized", "receipt.fiscalized",
                                               "shift.closed"}));
}

TEST_F(SigmactlTill, BadInputIsAClearErrorAndStoresNothing)
{
    setUpShop();
    const auto unknown = run({"sale", "-"}, R"({"pin": "2468", "lines": [{"barcode": "4600000000022"}],
        "payments": [{"type": "cash", "sum": 100}]})",
                             1);
    EXPECT_EQ(unknown["error"]["field"], "lines[0]");
    const auto badCheck = run({"sale", "-"}, R"({"pin": "2468", "lines": [{"barcode": "4601234567890"}],
        "payments": [{"type": "cash", "sum": 100}]})",
                              1);
    EXPECT_NE(badCheck["error"]["message"].get<std::string>().find("check digit"), std::string::npos);
    const auto zero = run({"sale", "-"}, R"({"pin": "2468", "lines": [{"sku": "A-1", "quantity": 0}],
        "payments": [{"type": "cash", "sum": 100}]})",
                          1);
    EXPECT_EQ(zero["error"]["field"], "lines[0].quantity");
    const auto wrongPin = run({"sale", "-"}, R"({"pin": "9999", "lines": [{"sku": "A-1"}],
        "payments": [{"type": "cash", "sum": 100}]})",
                              1);
    EXPECT_FALSE(wrongPin["error"]["message"].get<std::string>().empty());
    const auto declined = run({"sale", "-"}, R"({"pin": "2468", "lines": [{"sku": "A-1"}],
        "payments": [{"type": "cash", "sum": 10}]})",
                              1);
    EXPECT_EQ(declined["error"]["code"], 1204);
    EXPECT_EQ(run({"journal", "export"})["receipts"].size(), 0u);
}

TEST_F(SigmactlTill, OneWriterAtATime)
{
    setUpShop();
    // Another process (the terminal) holds the data directory: sigmactl says so and writes nothing.
    const auto lockPath = (m_dir.path() / "terminal.db.lock").string();
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    const pid_t holder = fork();
    ASSERT_GE(holder, 0);
    if (holder == 0) {
        const int fd = open(lockPath.c_str(), O_RDWR | O_CREAT, 0600);
        if (fd < 0 || flock(fd, LOCK_EX) != 0) {
            _exit(2);
        }
        (void)!write(ready[1], "x", 1);
        pause();
        _exit(0);
    }
    char byte = 0;
    ASSERT_EQ(read(ready[0], &byte, 1), 1);
    const auto busy = run({"shift", "x", "--pin", "2468"}, {}, 1);
    kill(holder, SIGKILL);
    waitpid(holder, nullptr, 0);
    close(ready[0]);
    close(ready[1]);
    EXPECT_EQ(busy["error"]["code"], 1301);
    EXPECT_NE(busy["error"]["message"].get<std::string>().find("in use"), std::string::npos);
    run({"shift", "x", "--pin", "2468"}); // free again
}

} // namespace
} // namespace sigma
