// sigmactl fiscal: the contract integrators script against.

#include "core/ExactJson.h"
#include "drivers/emulator/Tape.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;

class SigmactlFiscal : public ::testing::Test {
protected:
    test::ProcessResult raw(std::vector<std::string> args, const std::string& input = {})
    {
        args.insert(args.begin(), {"--data-dir", m_dir.path().string()});
        return test::runProcess(kSigmactl, args, input);
    }
    core::Json run(const std::vector<std::string>& args, const std::string& input = {}, int exitCode = 0)
    {
        const auto result = raw(args, input);
        EXPECT_EQ(result.exitCode, exitCode) << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    test::TempDir m_dir{"sigma-cli-fiscal"};
};

TEST_F(SigmactlFiscal, TasksTapeArchiveAndFaults)
{
    const auto opened = run({"fiscal", "task", "-"}, R"({"type": "openShift", "operator": {"name": "Иванова"}})");
    EXPECT_EQ(opened["fiscalParams"]["shiftNumber"], 1);
    const std::string sell = R"({"type": "sell", "items": [{"type": "position", "name": "Хлеб", "price": 45.5,
        "quantity": 2, "amount": 91, "tax": {"type": "vat10"}}], "payments": [{"type": "cash", "sum": 100}]})";
    const auto sold = run({"fiscal", "task", "-"}, sell);
    const auto number = sold["fiscalParams"]["fiscalDocumentNumber"].get<int>();

    const auto tape = run({"fiscal", "tape", "--number", std::to_string(number)});
    EXPECT_NE(tape["text"].get<std::string>().find("ИТОГ"), std::string::npos);
    const auto archive = run({"fiscal", "archive", "--from", std::to_string(number), "--to", std::to_string(number)});
    ASSERT_EQ(archive["documents"].size(), 1u);
    EXPECT_EQ(archive["documents"][0]["type"], "receipt");
    EXPECT_TRUE(archive["documents"][0]["signValid"].get<bool>());

    // A register error: exit 1 and the ATOL code.
    run({"fiscal", "fault", "--paper", "off"});
    const auto noPaper = run({"fiscal", "task", "-"}, sell, 1);
    EXPECT_EQ(noPaper["error"]["code"], 44);
    EXPECT_EQ(noPaper["error"]["message"], "Нет бумаги");
    run({"fiscal", "fault", "--clear"});

    // An injected failure, then a lost answer.
    run({"fiscal", "fault", "--fail", "2", "--count", "1"});
    EXPECT_EQ(run({"fiscal", "task", "-"}, sell, 1)["error"]["code"], 2);
    run({"fiscal", "task", "-"}, sell);

    // 32-character tape for 57 mm paper.
    run({"fiscal", "fault", "--line-width", "32"});
    const auto narrow = run({"fiscal", "task", "-"}, sell);
    const auto text =
        run({"fiscal", "tape", "--number", std::to_string(narrow["fiscalParams"]["fiscalDocumentNumber"].get<int>())})
            ["text"]
                .get<std::string>();
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        if (line.rfind("QR: ", 0) != 0) {
            EXPECT_LE(drivers::emulator::Tape::charCount(line), 32u) << line;
        }
        start = end + 1;
    }
    EXPECT_EQ(run({"fiscal", "fault", "--line-width", "40"}, {}, 1)["error"]["field"], "lineWidth");
}

TEST_F(SigmactlFiscal, BadTasksAreJsonErrors)
{
    EXPECT_EQ(run({"fiscal", "task", "-"}, "{\"type\": ", 1)["error"]["code"], 501);
    EXPECT_EQ(run({"fiscal", "task", "-"}, R"({"type": "teleport"})", 1)["error"]["code"], 502);
    EXPECT_EQ(run({"fiscal", "task", "-"}, R"({"type": "sell", "items": []})", 1)["error"]["code"], 503);
    const auto drivers = run({"fiscal", "drivers"});
    std::vector<std::string> ids;
    for (const auto& d : drivers["drivers"]) {
        ids.push_back(d["id"]);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"emulator", "atol"}));
    // A driver that is not installed says so.
    const auto missing = run({"fiscal", "task", "--driver", "atol", "--settings",
                              R"({"transport": "library", "libraryPath": "/nonexistent/libfptr10.so"})", "-"},
                             R"({"type": "getDeviceStatus"})", 1);
    EXPECT_EQ(missing["error"]["code"], 530);
}

} // namespace
} // namespace sigma
