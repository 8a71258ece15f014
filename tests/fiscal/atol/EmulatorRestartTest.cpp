// sigma-kkt-emulator keeps the register in its state file: killed without warning (SIGKILL) and
// started again on the same file, it continues the counters where the last committed task left
// them, and no task is half-done.

#include "core/Clock.h"
#include "core/ExactJson.h"
#include "drivers/atol/AtolDriver.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/DriverRegistry.h"
#include "fiscal/atol/EmulatorProcess.h"
#include "net/HttpClient.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <csignal>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;

const char* const kSell = R"({"type": "sell", "taxationType": "osn",
    "items": [{"type": "position", "name": "Хлеб", "price": 45.50, "quantity": 1, "amount": 45.50,
               "tax": {"type": "vat22"}}],
    "payments": [{"type": "cash", "sum": 45.50}]})";

class EmulatorRestartTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        drivers::atol::registerAtolDriver(m_registry);
        m_context.clock = &m_clock;
    }

    std::unique_ptr<fiscal::FiscalDevice> webDevice(const EmulatorProcess& server)
    {
        auto device = m_registry.create(
            "atol", {{"transport", "webServer"}, {"url", server.url()}, {"pollIntervalMs", 10}, {"timeoutMs", 20000}},
            m_context);
        EXPECT_TRUE(device.ok()) << device.error().message;
        return device.ok() ? std::move(*device) : nullptr;
    }

    static core::Result<core::Json> run(fiscal::FiscalDevice& device, const std::string& task)
    {
        return device.execute(*core::parseJsonExact(task));
    }

    TempDir m_dir{"sigma-kkt-restart"};
    core::SystemClock m_clock;
    fiscal::DriverRegistry m_registry;
    fiscal::DriverContext m_context;
};

TEST_F(EmulatorRestartTest, CountersContinueAfterSigkill)
{
    const auto state = m_dir / "kkt.db";
    auto first = EmulatorProcess::start(state);
    ASSERT_TRUE(first.ok()) << first.error().message;
    auto device = webDevice(**first);
    ASSERT_TRUE(device);
    ASSERT_TRUE(run(*device, R"({"type": "openShift"})").ok());
    auto sold = run(*device, kSell);
    ASSERT_TRUE(sold.ok()) << sold.error().message;
    EXPECT_EQ((*sold)["fiscalParams"]["fiscalDocumentNumber"], 3);

    // A batch the server is busy with when it dies: some of it committed, the rest never ran.
    {
        core::Json batch = core::Json::array();
        for (int i = 0; i < 20; ++i) {
            batch.push_back(*core::parseJsonExact(kSell));
        }
        net::HttpClient http;
        net::HttpClientRequest post;
        post.method = "POST";
        post.url = (*first)->url() + "/api/v2/requests";
        post.body = core::Json{{"uuid", "batch-before-the-kill"}, {"request", batch}}.dump();
        auto posted = http.send(post);
        ASSERT_TRUE(posted.ok()) << posted.error().message;
        EXPECT_EQ(posted->status, 201);
    }
    EXPECT_EQ((*first)->stop(SIGKILL), 128 + SIGKILL);

    // The server is gone: the driver says so in the way recovery understands.
    const auto unreachable = run(*device, kSell);
    ASSERT_FALSE(unreachable.ok());
    EXPECT_EQ(unreachable.error().code, atol::kNoConnection) << unreachable.error().message;
    EXPECT_TRUE(fiscal::isDeviceUnreachable(unreachable.error()));

    auto second = EmulatorProcess::start(state);
    ASSERT_TRUE(second.ok()) << second.error().message;
    device = webDevice(**second);
    ASSERT_TRUE(device);
    const auto status = run(*device, R"({"type": "getFnStatus"})");
    ASSERT_TRUE(status.ok()) << status.error().message;
    const auto last = (*status)["fnStatus"]["lastDocumentNumber"].get<int>();
    EXPECT_GE(last, 3);
    EXPECT_LE(last, 23);
    EXPECT_EQ((*status)["fnStatus"]["shiftState"], "opened");
    // Every committed document is a whole receipt: documents 1 and 2 are the registration and the
    // shift opening, the rest are receipts, numbered without gaps.
    EXPECT_EQ((*status)["fnStatus"]["receiptNumber"].get<int>(), last - 2);

    const auto next = run(*device, kSell);
    ASSERT_TRUE(next.ok()) << next.error().message;
    EXPECT_EQ((*next)["fiscalParams"]["fiscalDocumentNumber"].get<int>(), last + 1);
    EXPECT_EQ((*next)["fiscalParams"]["fiscalReceiptNumber"].get<int>(), last - 1);
    EXPECT_EQ((*next)["fiscalParams"]["shiftNumber"], 1);

    device.reset(); // its idle keep-alive connection would hold the graceful stop until a timeout
    EXPECT_EQ((*second)->stop(SIGTERM), 0);
}

} // namespace
} // namespace sigma::test
