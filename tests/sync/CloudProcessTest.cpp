// The harness the end-to-end suites stand on: the sigma-cloud child process must come up on its
// own port, say why when it cannot, never outlive its owner, and its outbox readers must survive
// lines they cannot parse.

#include "support/CloudProcess.h"

#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>
#include <fstream>

namespace sigma::sync::test {
namespace {

using sigma::test::CloudProcess;

bool alive(pid_t pid)
{
    return ::kill(pid, 0) == 0 || errno != ESRCH;
}

TEST(CloudProcess, StartsOnItsOwnPortAndIsGoneWithItsOwner)
{
    sigma::test::TempDir dir("sigma-cloud-proc");
    pid_t pid = -1;
    {
        CloudProcess first(SIGMA_CLOUD_PATH, dir / "a", "", "http://cabinet.test");
        CloudProcess second(SIGMA_CLOUD_PATH, dir / "b", "", "http://cabinet.test");
        ASSERT_EQ(first.start(), "");
        ASSERT_EQ(second.start(), "");
        EXPECT_NE(first.port(), 0);
        EXPECT_NE(first.port(), second.port());
        EXPECT_NE(first.log().find("listening on"), std::string::npos);
        pid = first.pid();
        EXPECT_TRUE(alive(pid));
        EXPECT_EQ(second.stop(), 0); // SIGTERM: a graceful exit
        EXPECT_FALSE(second.running());
        ASSERT_EQ(second.start(), ""); // again, on the same data directory
    }
    EXPECT_FALSE(alive(pid)); // the destructor stopped and reaped it
}

TEST(CloudProcess, AServerThatCannotStartSaysWhy)
{
    sigma::test::TempDir dir("sigma-cloud-proc");
    CloudProcess cloud(SIGMA_CLOUD_PATH, dir.path(), "nosuchscheme://nowhere", "http://cabinet.test");
    const auto why = cloud.start();
    EXPECT_NE(why.find("exited with"), std::string::npos) << why;
    EXPECT_NE(why.find("sigma-cloud:"), std::string::npos) << why; // the server's own message
    EXPECT_FALSE(cloud.running());
}

TEST(CloudProcess, OutboxReadersSkipWhatTheyCannotParse)
{
    sigma::test::TempDir dir("sigma-cloud-proc");
    std::filesystem::create_directories(dir / "outbox" / "mail");
    std::ofstream(dir / "outbox" / "sms.jsonl") << "not json\n"
                                                << "{\"to\": \"+79160000000\", \"text\": \"Код 123456\"}\n"
                                                << "{\"to\": \"+79160000000\", \"text\": 42}\n"
                                                << "[\"to\", \"+79160000000\"]\n"
                                                << "{\"to\": \"+79160000000\", \"text\": \"Код 654321\"\n"
                                                << "{\"to\": \"+79161111111\", \"text\": \"чужой\"}\n";
    std::ofstream(dir / "outbox" / "mail" / "2-1.eml") << "second";
    std::ofstream(dir / "outbox" / "mail" / "1-1.eml") << "first";
    std::ofstream(dir / "outbox" / "mail" / "notes.txt") << "not a mail";
    CloudProcess cloud(SIGMA_CLOUD_PATH, dir.path(), "", "http://cabinet.test");
    EXPECT_EQ(cloud.lastSms("+79160000000"), "Код 123456");
    EXPECT_EQ(cloud.lastSms("+79169999999"), "");
    EXPECT_EQ(cloud.mails(), (std::vector<std::string>{"first", "second"}));
    EXPECT_EQ(CloudProcess(SIGMA_CLOUD_PATH, dir / "none", "", "").mails(), std::vector<std::string>{});
}

} // namespace
} // namespace sigma::sync::test
