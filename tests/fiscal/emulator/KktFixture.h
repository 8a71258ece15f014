#pragma once

#include "core/ExactJson.h"
#include "drivers/emulator/VirtualKkt.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma::test {

/// A virtual register in a temporary kkt.db with a manual clock.
class KktFixture : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }

    void reopen()
    {
        m_kkt.reset();
        drivers::emulator::VirtualKkt::Options options;
        options.statePath = m_dir / "kkt.db";
        options.clock = &m_clock;
        auto kkt = drivers::emulator::VirtualKkt::open(options);
        ASSERT_TRUE(kkt.ok()) << kkt.error().message;
        m_kkt = std::move(*kkt);
    }

    core::Json run(const std::string& taskJson)
    {
        auto task = core::parseJsonExact(taskJson);
        EXPECT_TRUE(task.ok()) << taskJson;
        auto result = m_kkt->execute(*task);
        EXPECT_TRUE(result.ok()) << taskJson << "\n-> " << result.error().code << " " << result.error().message;
        return result.ok() ? *result : core::Json();
    }

    core::Error fail(const std::string& taskJson)
    {
        auto task = core::parseJsonExact(taskJson);
        EXPECT_TRUE(task.ok()) << taskJson;
        auto result = m_kkt->execute(*task);
        EXPECT_FALSE(result.ok()) << taskJson << "\n-> " << (result.ok() ? result->dump() : "");
        return result.ok() ? core::Error() : result.error();
    }

    std::uint32_t lastDocument() { return m_kkt->state()->lastDocumentNumber; }

    void openShift() { run(R"({"type": "openShift", "operator": {"name": "Кассир Иванова"}})"); }

    static std::string sell(const std::string& price = "100.00", const std::string& payment = "cash",
                            const std::string& extra = "")
    {
        return R"({"type": "sell", "taxationType": "osn", "operator": {"name": "Кассир Иванова"},)" + extra +
               R"("items": [{"type": "position", "name": "Товар", "price": )" + price +
               R"(, "quantity": 1, "amount": )" + price + R"(, "tax": {"type": "vat22"}}],
                 "payments": [{"type": ")" + payment + R"(", "sum": )" + price + "}]}";
    }

    TempDir m_dir{"sigma-kkt"};
    ManualClock m_clock{core::Clock::TimePoint(std::chrono::seconds(1'796'374'800))}; // 2026-12-04 09:00 UTC
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
};

} // namespace sigma::test
