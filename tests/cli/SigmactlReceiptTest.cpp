#include "core/ExactJson.h"
#include "support/Process.h"

#include <gtest/gtest.h>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;
const std::string kCarts = std::string(SIGMA_TEST_DATA_DIR) + "/carts/";

core::Json parseOut(const test::ProcessResult& r)
{
    auto doc = core::parseJsonExact(r.out);
    EXPECT_TRUE(doc.ok()) << "stdout is not JSON: " << r.out << "\nstderr: " << r.err;
    return doc.ok() ? *doc : core::Json();
}

TEST(SigmactlReceipt, ComputesACartFromAFile)
{
    const auto r = test::runProcess(kSigmactl, {"receipt", "compute", kCarts + "mixed.json"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    const auto out = parseOut(r);
    // 179.80 + 25.00 + 150.00 = 354.80; 5% = 17.74; total 337.06; change 662.94
    EXPECT_EQ(core::moneyFromJson(out["subtotal"], "subtotal")->kopecks(), 35480);
    EXPECT_EQ(core::moneyFromJson(out["total"], "total")->kopecks(), 33706);
    EXPECT_EQ(core::moneyFromJson(out["discount"], "discount")->kopecks(), 1774);
    EXPECT_EQ(core::moneyFromJson(out["change"], "change")->kopecks(), 66294);
    ASSERT_EQ(out["lines"].size(), 3u);
    std::int64_t sum = 0;
    for (const auto& line : out["lines"]) {
        sum += core::moneyFromJson(line["amount"], "amount")->kopecks();
    }
    EXPECT_EQ(sum, 33706);
    EXPECT_EQ(out["vat"].size(), 2u);
}

TEST(SigmactlReceipt, ReadsStandardInputAndGlobalOptionsAnywhere)
{
    const std::string cart = R"({"lines": [{"name": "x", "price": "10.00", "quantity": 3, "tax": "vat22"}]})";
    const auto before = test::runProcess(kSigmactl, {"--data-dir", "/tmp/unused", "receipt", "compute", "-"}, cart);
    const auto after = test::runProcess(kSigmactl, {"receipt", "compute", "-", "--data-dir", "/tmp/unused"}, cart);
    ASSERT_EQ(before.exitCode, 0) << before.out << before.err;
    ASSERT_EQ(after.exitCode, 0) << after.out << after.err;
    EXPECT_EQ(core::moneyFromJson(parseOut(before)["total"], "total")->kopecks(), 3000);
    EXPECT_EQ(parseOut(before), parseOut(after));
}

TEST(SigmactlReceipt, FailureIsJsonWithCodeAndExitOne)
{
    const auto r = test::runProcess(kSigmactl, {"receipt", "compute", "-"},
                                    R"({"lines": [{"name": "x", "price": "10.005", "tax": "vat22"}]})");
    EXPECT_EQ(r.exitCode, 1);
    const auto out = parseOut(r);
    ASSERT_TRUE(out.contains("error")) << r.out;
    EXPECT_EQ(out["error"]["code"], 1100);
    EXPECT_EQ(out["error"]["field"], "lines[0].price");
    EXPECT_NE(out["error"]["message"].get<std::string>().find("decimal"), std::string::npos);
}

TEST(SigmactlReceipt, MalformedJsonAndMissingFileAreErrorsNotCrashes)
{
    const auto bad = test::runProcess(kSigmactl, {"receipt", "compute", "-"}, "{\"lines\": [");
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(parseOut(bad)["error"]["code"], 1002);

    const auto missing = test::runProcess(kSigmactl, {"receipt", "compute", "/nonexistent/cart.json"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_EQ(parseOut(missing)["error"]["code"], 1004);

    const auto usage = test::runProcess(kSigmactl, {"receipt", "frobnicate"});
    EXPECT_EQ(usage.exitCode, 1);
    EXPECT_EQ(parseOut(usage)["error"]["code"], 1001);
}

TEST(SigmactlReceipt, RequirePaymentRefusesAnUnpaidCart)
{
    const std::string cart = R"({"lines": [{"name": "x", "price": 100, "tax": "vat22"}],
                                 "payments": [{"type": "card", "sum": 50}]})";
    const auto loose = test::runProcess(kSigmactl, {"receipt", "compute", "-"}, cart);
    ASSERT_EQ(loose.exitCode, 0);
    EXPECT_EQ(core::moneyFromJson(parseOut(loose)["due"], "due")->kopecks(), 5000);
    const auto strict = test::runProcess(kSigmactl, {"receipt", "compute", "--require-payment", "-"}, cart);
    EXPECT_EQ(strict.exitCode, 1);
    EXPECT_EQ(parseOut(strict)["error"]["code"], 1204);
}

TEST(SigmactlVat, ListsRatesValidOnADate)
{
    const auto r = test::runProcess(kSigmactl, {"vat", "rates", "--date", "2025-06-01"});
    ASSERT_EQ(r.exitCode, 0) << r.out;
    const auto out = parseOut(r);
    EXPECT_EQ(out["standard"], "vat20");
    EXPECT_EQ(out["rates"].size(), 12u);
    for (const auto& rate : out["rates"]) {
        if (rate["tax"] == "vat22") {
            EXPECT_FALSE(rate["validOnDate"].get<bool>());
            EXPECT_EQ(rate["tag1199"], 11);
        }
    }
}

} // namespace
} // namespace sigma
