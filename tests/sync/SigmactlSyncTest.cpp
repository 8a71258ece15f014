// `sigmactl register` and `sigmactl sync` as a technician runs them: the real binary on a real data
// directory (emulated register), against the real sigma-cloud binary on loopback (SQLite and
// PostgreSQL) that an operator administers with `sigma-cloud admin`.

#include "core/ErrorCodes.h"
#include "store/TerminalDatabase.h"
#include "support/Process.h"
#include "sync/CloudProcessFixture.h"
#include "sync/SyncStateRepository.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sigma::sync::test {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;

class SigmactlSync : public CloudProcessFixture {
protected:
    core::Json run(const std::vector<std::string>& args, int expectedExit = 0)
    {
        std::vector<std::string> all = {"--data-dir", m_terminal.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        const auto result = sigma::test::runProcess(kSigmactl, all, {}, {"SIGMA_TEST_CHEAP_HASHES=1"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << "\n" << result.out << result.err;
        m_output += result.out + result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    sigma::test::TempDir m_terminal{"sigma-cli-sync"};
    std::string m_output; ///< everything sigmactl printed, to prove the device key never shows
};

TEST_P(SigmactlSync, RegisterWaitSyncAndStatus)
{
    const auto init = run({"init", "--business", "trade", "--admin-pin", "1357"});
    const std::string serial = init["register"]["serial"].get<std::string>();
    ASSERT_FALSE(serial.empty());
    EXPECT_EQ(run({"sync", "status"})["state"], "notRegistered");

    const std::string phone = "+79161112233";
    const std::string email = "shop@example.test";
    const std::string pin = issuePin(serial);
    const std::string wrong = pin == "000000" ? "111111" : "000000";
    const auto refused =
        run({"register", "--cloud", url(""), "--phone", phone, "--email", email, "--seller", "S1", "--pin", wrong}, 1);
    EXPECT_EQ(refused["error"]["code"], core::errc::kRegistrationWrongPin);

    auto started =
        run({"register", "--cloud", url(""), "--phone", phone, "--email", email, "--seller", "S1", "--pin", pin});
    EXPECT_EQ(started["status"], "awaitingSms");
    EXPECT_EQ(started["businessType"], "trade");
    // The screen's sync engine reads config.json: registering moves its cloud URL there too.
    {
        std::ifstream config(m_terminal / "config.json");
        const auto json = nlohmann::json::parse(config);
        EXPECT_EQ(json["cloud"]["url"], url(""));
    }
    auto confirmed = run({"register", "--sms-code", sixDigits(lastSms(phone))});
    EXPECT_EQ(confirmed["status"], "awaitingPassword");
    // Not yet: the owner has not set the password.
    const auto early = run({"register", "--wait", "--timeout", "0"}, 1);
    EXPECT_EQ(early["error"]["code"], core::errc::kRegistrationPending);
    auto set = post("/api/v1/auth/set-password",
                    {{"token", tokenIn(mails().back(), "/set-password")}, {"password", "Correct-Horse-42"}});
    ASSERT_EQ(set.status, 200) << set.body;
    const auto active = run({"register", "--wait", "--timeout", "10", "--poll", "1"});
    EXPECT_EQ(active["status"], "active");
    EXPECT_FALSE(active["deviceId"].get<std::string>().empty());

    // The business type is now locked.
    const auto locked = run({"init", "--business", "food"}, 1);
    EXPECT_NE(locked["error"]["message"].get<std::string>().find("locked"), std::string::npos);

    const std::string cookie = login(email, "Correct-Horse-42");
    auto product = post("/api/v1/products", {{"name", "Хлеб"}, {"price", 4500}, {"vatRate", "vat10"}}, cookie);
    ASSERT_EQ(product.status, 201) << product.body;
    const auto now = run({"sync", "now"});
    EXPECT_EQ(now["state"], "idle");
    EXPECT_EQ(now["pulledChanges"], 1);
    EXPECT_EQ(now["unsentCount"], 0);
    const auto status = run({"sync", "status"});
    EXPECT_EQ(status["state"], "idle");
    EXPECT_TRUE(status["lastSuccessAtUs"].is_number_integer());
    EXPECT_TRUE(status["lastError"].is_null());

    revokeDevice(serial); // sigma-cloud admin revoke-device
    const auto revoked = run({"sync", "now"}, 1);
    EXPECT_EQ(revoked["error"]["code"], core::errc::kSyncDeviceRevoked);
    const auto after = run({"sync", "status"});
    EXPECT_EQ(after["state"], "revoked");
    EXPECT_EQ(after["lastError"]["code"], core::errc::kSyncDeviceRevoked);

    // The key is in terminal.db and nowhere in what sigmactl printed.
    auto database =
        store::TerminalDatabase::open(m_terminal / "terminal.db", store::TerminalDatabase::Access::Reader, "test");
    ASSERT_TRUE(database.ok());
    auto state = SyncStateRepository(**database).load();
    ASSERT_TRUE(state.ok());
    ASSERT_FALSE(state->deviceKey.empty());
    EXPECT_EQ(m_output.find(state->deviceKey), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, SigmactlSync, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::sync::test
