// The same tasks give the same results through every way of reaching the virtual register: in
// process (the emulator driver), through sigma-kkt-emulator's web API (the atol driver's webServer
// transport) and through libfptr10.so (the atol driver's library transport).

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "drivers/atol/AtolDriver.h"
#include "drivers/emulator/EmulatorDriver.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/DriverRegistry.h"
#include "fiscal/atol/EmulatorProcess.h"
#include "fiscal/atol/ResultNormaliser.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <string>
#include <vector>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;

struct Step {
    std::string name;
    std::string task;
};

const std::string kSell = R"({"type": "sell", "taxationType": "osn",
    "operator": {"name": "Кассир Иванова", "vatin": "123456789047"},
    "clientInfo": {"emailOrPhone": "+79990000000"},
    "items": [
        {"type": "position", "name": "Молоко 3,2% 1 л", "price": 89.90, "quantity": 2, "amount": 179.80,
         "measurementUnit": "piece", "paymentMethod": "fullPayment", "paymentObject": "commodity",
         "tax": {"type": "vat10"}},
        {"type": "text", "text": "Спасибо за покупку!", "alignment": "center"},
        {"type": "position", "name": "Сыр «Российский»", "price": 654.00, "quantity": 0.350, "amount": 228.90,
         "measurementUnit": "kilogram", "tax": {"type": "vat22"}}
    ],
    "payments": [{"type": "electronically", "sum": 200.00}, {"type": "cash", "sum": 300}],
    "total": 408.70})";

const std::string kSellBadTax = R"({"type": "sell", "taxationType": "osn",
    "items": [{"type": "position", "name": "Хлеб", "price": 45.50, "quantity": 1, "amount": 45.50,
               "tax": {"type": "vat18"}}],
    "payments": [{"type": "cash", "sum": 45.50}]})";

const std::string kSellSimple = R"({"type": "sell", "taxationType": "osn",
    "items": [{"type": "position", "name": "Хлеб", "price": 45.50, "quantity": 1, "amount": 45.50,
               "tax": {"type": "vat22"}}],
    "payments": [{"type": "cash", "sum": 50}]})";

std::vector<Step> sequence()
{
    return {
        {"getDeviceStatus", R"({"type": "getDeviceStatus"})"},
        {"openShift", R"({"type": "openShift", "operator": {"name": "Кассир Иванова"}})"},
        {"sell: two positions, card + cash with change", kSell},
        {"getFnStatus", R"({"type": "getFnStatus"})"},
        {"getFnDocument 3", R"({"type": "getFnDocument", "fiscalDocumentNumber": 3, "withRawData": true})"},
        {"sell with a bad tax type", kSellBadTax},
        {"getShiftTotals", R"({"type": "getShiftTotals"})"},
        {"reportX", R"({"type": "reportX"})"},
        {"closeShift", R"({"type": "closeShift", "operator": {"name": "Кассир Иванова"}})"},
        {"sell after closeShift", kSellSimple},
        {"reportX with the shift closed", R"({"type": "reportX"})"},
        {"closeShift again", R"({"type": "closeShift"})"},
        {"getShiftStatus", R"({"type": "getShiftStatus"})"},
    };
}

class ThreePathsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        drivers::emulator::registerEmulatorDriver(m_registry);
        drivers::atol::registerAtolDriver(m_registry);
        m_context.dataDir = m_dir.path();
        m_context.clock = &m_clock;
    }

    std::unique_ptr<fiscal::FiscalDevice> create(const std::string& id, const core::Json& settings)
    {
        auto device = m_registry.create(id, settings, m_context);
        EXPECT_TRUE(device.ok()) << id << " " << settings.dump() << ": " << device.error().message;
        return device.ok() ? std::move(*device) : nullptr;
    }

    static std::vector<core::Json> runSequence(fiscal::FiscalDevice& device)
    {
        std::vector<core::Json> outcomes;
        for (const auto& step : sequence()) {
            auto task = core::parseJsonExact(step.task);
            EXPECT_TRUE(task.ok()) << step.name;
            outcomes.push_back(normaliseOutcome(device.execute(*task)));
        }
        return outcomes;
    }

    TempDir m_dir{"sigma-atol-paths"};
    core::SystemClock m_clock;
    fiscal::DriverRegistry m_registry;
    fiscal::DriverContext m_context;
};

TEST_F(ThreePathsTest, SameTasksGiveTheSameResultsInProcessOverTheWebAndThroughTheLibrary)
{
    auto server = EmulatorProcess::start(m_dir / "web.db");
    ASSERT_TRUE(server.ok()) << server.error().message;

    auto inProcess = create("emulator", {{"stateFile", (m_dir / "in-process.db").string()}});
    auto web = create("atol", {{"transport", "webServer"}, {"url", (*server)->url()}, {"pollIntervalMs", 20}});
    auto library = create("atol", {{"transport", "library"},
                                   {"libraryPath", SIGMA_FPTR10_PATH},
                                   {"librarySettings", core::Json{{"StateFile", (m_dir / "library.db").string()}}.dump()}});
    ASSERT_TRUE(inProcess && web && library);
    EXPECT_EQ(inProcess->driverId(), "emulator");
    EXPECT_EQ(web->driverId(), "atol");
    EXPECT_EQ(library->driverId(), "atol");

    const auto expected = runSequence(*inProcess);
    const auto overWeb = runSequence(*web);
    const auto throughLibrary = runSequence(*library);
    const auto steps = sequence();
    ASSERT_EQ(overWeb.size(), steps.size());
    ASSERT_EQ(throughLibrary.size(), steps.size());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        EXPECT_EQ(overWeb[i].dump(2), expected[i].dump(2)) << "web server path, step " << i << ": " << steps[i].name;
        EXPECT_EQ(throughLibrary[i].dump(2), expected[i].dump(2))
            << "libfptr10.so path, step " << i << ": " << steps[i].name;
    }

    // The sequence did what it says, so equality above is about real results.
    const auto& sell = expected[2];
    ASSERT_TRUE(sell["ok"].get<bool>()) << sell.dump();
    EXPECT_EQ(sell["result"]["fiscalParams"]["fiscalDocumentNumber"], 3);
    EXPECT_EQ(sell["result"]["fiscalParams"]["fiscalReceiptNumber"], 1);
    EXPECT_EQ(sell["result"]["fiscalParams"]["total"], "408.7");
    EXPECT_EQ(sell["result"]["change"], "91.3");
    EXPECT_FALSE(expected[4]["result"]["documentTLV"]["tags"].empty());
    EXPECT_EQ(expected[5]["code"], atol::kInvalidTaxType);
    EXPECT_EQ(expected[5]["message"], "Неверный тип налога: 'vat18'");
    EXPECT_TRUE(expected[8]["ok"].get<bool>());
    EXPECT_EQ(expected[9]["code"], atol::kShiftClosed);
    EXPECT_EQ(expected[11]["code"], atol::kShiftClosed);
    EXPECT_EQ(expected[12]["result"]["shiftStatus"]["state"], "closed");

    // Graceful shutdown, after the driver's keep-alive connection is gone (an idle connection
    // holds HttpServer::stop() until its stopTimeoutMs).
    web.reset();
    EXPECT_EQ((*server)->stop(SIGTERM), 0);
}

TEST(ResultNormaliserTest, RemovesOnlyWhatLegitimatelyDiffers)
{
    const auto a = core::Json::parse(R"({"fiscalParams": {"fiscalDocumentNumber": 3, "fiscalDocumentSign": "1",
        "fiscalDocumentDateTime": "x", "fnNumber": "1", "total": 408.7, "qr": "t=1"},
        "documentTLV": {"tags": [{"tag": 1012, "value": 1}, {"tag": 1020, "value": 40870}]}})");
    auto b = a;
    b["fiscalParams"]["fiscalDocumentSign"] = "2";
    b["fiscalParams"]["fiscalDocumentDateTime"] = "y";
    b["fiscalParams"]["total"] = "408.7"; // as parseJsonExact reads it back
    b["documentTLV"]["tags"][0]["value"] = 2;
    EXPECT_EQ(normaliseResult(a), normaliseResult(b));

    // A different document number or total is a different result.
    auto c = a;
    c["fiscalParams"]["fiscalDocumentNumber"] = 4;
    EXPECT_NE(normaliseResult(a), normaliseResult(c));
    auto d = a;
    d["documentTLV"]["tags"][1]["value"] = 40871;
    EXPECT_NE(normaliseResult(a), normaliseResult(d));
}

} // namespace
} // namespace sigma::test
