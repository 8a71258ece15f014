// A fiscal document is either completely in the archive or absent, also when the register's
// process is killed at any moment: a child rings receipts in a loop and is SIGKILLed at random
// times; after each kill the archive and the counters must agree.

#include "drivers/emulator/VirtualKkt.h"

#include "core/ExactJson.h"
#include "fiscal/ffd/TlvCodec.h"
#include "mock/ManualClock.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <csignal>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace sigma::test {
namespace {

using drivers::emulator::VirtualKkt;

std::unique_ptr<VirtualKkt> openKkt(const std::filesystem::path& path, const core::Clock& clock)
{
    VirtualKkt::Options options;
    options.statePath = path;
    options.clock = &clock;
    auto kkt = VirtualKkt::open(options);
    return kkt.ok() ? std::move(*kkt) : nullptr;
}

[[noreturn]] void ringForever(const std::filesystem::path& path)
{
    core::SystemClock clock;
    auto kkt = openKkt(path, clock);
    if (!kkt) {
        _exit(3);
    }
    (void)kkt->execute(core::Json{{"type", "openShift"}});
    const auto sell = *core::parseJsonExact(R"({"type": "sell", "items": [{"type": "position", "name": "Товар",
        "price": 12.34, "quantity": 2, "amount": 24.68, "tax": {"type": "vat22"}}],
        "payments": [{"type": "cash", "sum": 30}]})");
    for (;;) {
        (void)kkt->execute(sell);
    }
}

TEST(KktCrash, KilledRegisterKeepsWholeDocumentsOnly)
{
    TempDir dir("sigma-kkt-crash");
    const auto path = dir / "kkt.db";
    std::mt19937 rng(7);
    constexpr int kKills = 25;
    std::uint32_t previousLast = 0;
    for (int round = 0; round < kKills; ++round) {
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            ringForever(path);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 120)(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);

        core::SystemClock clock;
        auto kkt = openKkt(path, clock);
        ASSERT_NE(kkt, nullptr) << "round " << round;
        const auto state = kkt->state();
        ASSERT_TRUE(state.ok());
        EXPECT_GE(state->lastDocumentNumber, previousLast);
        previousLast = state->lastDocumentNumber;
        const auto archive = kkt->archive(1, state->lastDocumentNumber + 10);
        ASSERT_TRUE(archive.ok());
        const auto& documents = (*archive)["documents"];
        ASSERT_EQ(documents.size(), state->lastDocumentNumber) << "round " << round;
        std::uint32_t receiptsInShift = 0;
        for (std::size_t i = 0; i < documents.size(); ++i) {
            ASSERT_EQ(documents[i]["number"], i + 1);
            ASSERT_TRUE(documents[i]["signValid"].get<bool>()) << documents[i].dump();
            ASSERT_TRUE(documents[i].contains("tags")) << "document does not decode";
            if (documents[i]["type"] == "receipt" &&
                documents[i]["shiftNumber"].get<std::uint32_t>() == state->shiftNumber) {
                ++receiptsInShift;
            }
        }
        EXPECT_EQ(receiptsInShift, state->receiptNumber) << "round " << round;
        // 24.68 per receipt, all paid in cash, change from 30.00: the drawer must match the archive.
        EXPECT_EQ(state->cashInDrawer.kopecks(), 2468LL * receiptsInShift) << "round " << round;
        // Every fiscal document has its printout.
        for (const auto& document : documents) {
            if (document["type"] == "receipt") {
                EXPECT_TRUE(kkt->tape(document["number"].get<std::uint32_t>()).ok());
            }
        }
    }
    EXPECT_GT(previousLast, 2u) << "the child never got to ring a receipt";
}

} // namespace
} // namespace sigma::test
