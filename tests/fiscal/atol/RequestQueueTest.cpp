// The web API's request table on its own, with a device that finishes a task only when the test
// lets it: the table's bound, the statuses a client sees, and what a stop does to accepted tasks.

#include "drivers/emulator/server/RequestQueue.h"
#include "fiscal/AtolErrors.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;
using drivers::emulator::RequestQueue;

/// Answers {"echo": task} once the gate is open; counts what it executed.
class GatedDevice final : public fiscal::FiscalDevice {
public:
    core::Result<core::Json> execute(const core::Json& task) override
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_open; });
        ++m_executed;
        if (task.contains("fail")) {
            return fiscal::atolError(atol::kNoPaper);
        }
        return core::Json{{"echo", task}};
    }
    std::string_view driverId() const override { return "gated"; }

    void open()
    {
        const std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    int executed()
    {
        const std::lock_guard lock(m_mutex);
        return m_executed;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_open = false;
    int m_executed = 0;
};

std::string statusOf(const RequestQueue& queue, const std::string& uuid, std::size_t task = 0)
{
    auto results = queue.results(uuid);
    return results.ok() ? (*results)["results"][task]["status"].get<std::string>() : "missing";
}

/// Waits until task `task` of `uuid` has `status` (or 10 s pass).
bool waitFor(const RequestQueue& queue, const std::string& uuid, const std::string& status, std::size_t task = 0)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (statusOf(queue, uuid, task) != status) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

std::vector<core::Json> tasks(int count)
{
    std::vector<core::Json> out;
    for (int i = 0; i < count; ++i) {
        out.push_back({{"type", "getDeviceStatus"}, {"n", i}});
    }
    return out;
}

TEST(RequestQueueTest, ClientsSeeWaitInProgressAndReady)
{
    GatedDevice device;
    RequestQueue queue(device);
    ASSERT_TRUE(queue.submit("a", tasks(2)).ok());
    ASSERT_TRUE(waitFor(queue, "a", "inProgress", 0));
    EXPECT_EQ(statusOf(queue, "a", 1), "wait");
    const auto waiting = queue.results("a");
    EXPECT_TRUE((*waiting)["results"][0]["result"].is_null());
    EXPECT_EQ((*waiting)["results"][0]["errorCode"], 0);

    device.open();
    ASSERT_TRUE(waitFor(queue, "a", "ready", 1));
    const auto done = queue.results("a");
    EXPECT_EQ((*done)["results"][1]["result"]["echo"]["n"], 1);
    EXPECT_EQ((*done)["results"][1]["errorDescription"], "Ошибок нет");
}

TEST(RequestQueueTest, AFailedTaskInterruptsTheRestOfItsRequestOnly)
{
    GatedDevice device;
    device.open();
    RequestQueue queue(device);
    ASSERT_TRUE(queue.submit("a", {core::Json{{"fail", true}}, core::Json{{"n", 1}}}).ok());
    ASSERT_TRUE(queue.submit("b", tasks(1)).ok());
    ASSERT_TRUE(waitFor(queue, "b", "ready"));
    const auto a = queue.results("a");
    EXPECT_EQ((*a)["results"][0]["status"], "error");
    EXPECT_EQ((*a)["results"][0]["errorCode"], atol::kNoPaper);
    EXPECT_EQ((*a)["results"][0]["errorDescription"], "Нет бумаги");
    EXPECT_EQ((*a)["results"][1]["status"], "interrupted");
    EXPECT_EQ(device.executed(), 2); // the failed task and request b, not the interrupted one
}

TEST(RequestQueueTest, ForgetsTheOldestFinishedRequestBeyondTheBound)
{
    GatedDevice device;
    device.open();
    RequestQueue queue(device, 3);
    for (const char* uuid : {"a", "b", "c"}) {
        ASSERT_TRUE(queue.submit(uuid, tasks(1)).ok());
    }
    ASSERT_TRUE(waitFor(queue, "c", "ready"));
    EXPECT_EQ(queue.submit("b", tasks(1)).error().code, atol::kWebRequestDuplicate);
    ASSERT_TRUE(queue.submit("d", tasks(1)).ok());
    EXPECT_EQ(queue.results("a").error().code, atol::kWebRequestNotFound);
    EXPECT_TRUE(queue.results("b").ok());
    ASSERT_TRUE(queue.submit("a", tasks(1)).ok()) << "a forgotten uuid may be used again";
    EXPECT_EQ(queue.results("b").error().code, atol::kWebRequestNotFound);
}

TEST(RequestQueueTest, NeverDropsARequestThatHasNotRun)
{
    GatedDevice device;
    RequestQueue queue(device, 2);
    ASSERT_TRUE(queue.submit("a", tasks(1)).ok());
    ASSERT_TRUE(queue.submit("b", tasks(1)).ok());
    const auto full = queue.submit("c", tasks(1));
    ASSERT_FALSE(full.ok());
    EXPECT_EQ(full.error().code, atol::kPortBusy);
    EXPECT_EQ(statusOf(queue, "b"), "wait");

    device.open();
    ASSERT_TRUE(waitFor(queue, "b", "ready"));
    EXPECT_TRUE(queue.submit("c", tasks(1)).ok());
}

TEST(RequestQueueTest, StopRunsWhatWasAcceptedAndRefusesMore)
{
    GatedDevice device;
    RequestQueue queue(device);
    ASSERT_TRUE(queue.submit("a", tasks(3)).ok());
    ASSERT_TRUE(queue.submit("b", tasks(2)).ok());
    std::thread opener([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        device.open();
    });
    queue.stop();
    opener.join();
    EXPECT_EQ(device.executed(), 5);
    EXPECT_EQ(statusOf(queue, "b", 1), "ready");
    EXPECT_EQ(queue.submit("c", tasks(1)).error().code, atol::kPortBusy);
    queue.stop(); // idempotent
}

} // namespace
} // namespace sigma::test
