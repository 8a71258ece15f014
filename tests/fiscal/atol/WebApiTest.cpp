// sigma-kkt-emulator's web API at the HTTP level, as a third-party client of ATOL's web server
// sees it, against the real binary.

#include "core/ExactJson.h"
#include "fiscal/AtolErrors.h"
#include "fiscal/atol/EmulatorProcess.h"
#include "net/HttpClient.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <thread>

namespace sigma::test {
namespace {

namespace atol = fiscal::atol;

class WebApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir("sigma-kkt-web");
        auto server = EmulatorProcess::start(s_dir->path() / "kkt.db");
        ASSERT_TRUE(server.ok()) << server.error().message;
        s_server = server->release();
    }

    static void TearDownTestSuite()
    {
        if (s_server != nullptr) {
            EXPECT_EQ(s_server->stop(SIGTERM), 0) << "graceful shutdown";
        }
        delete s_server;
        s_server = nullptr;
        delete s_dir;
        s_dir = nullptr;
    }

    void SetUp() override { ASSERT_NE(s_server, nullptr); }

    net::HttpResponse post(const std::string& body)
    {
        net::HttpClientRequest request;
        request.method = "POST";
        request.url = s_server->url() + "/api/v2/requests";
        request.headers.set("Content-Type", "application/json");
        request.body = body;
        auto response = m_http.send(request);
        EXPECT_TRUE(response.ok()) << response.error().message;
        return response.ok() ? *response : net::HttpResponse{};
    }

    net::HttpResponse get(const std::string& uuid)
    {
        net::HttpClientRequest request;
        request.url = s_server->url() + "/api/v2/requests/" + uuid;
        auto response = m_http.send(request);
        EXPECT_TRUE(response.ok()) << response.error().message;
        return response.ok() ? *response : net::HttpResponse{};
    }

    /// GET until no task is waiting or running; the `results` array.
    core::Json results(const std::string& uuid)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            const auto response = get(uuid);
            EXPECT_EQ(response.status, 200) << response.body;
            auto body = core::parseJsonExact(response.body);
            EXPECT_TRUE(body.ok()) << response.body;
            if (!body.ok() || response.status != 200) {
                return core::Json::array();
            }
            bool done = true;
            for (const auto& entry : (*body)["results"]) {
                const auto status = entry["status"].get<std::string>();
                done = done && status != "wait" && status != "inProgress";
            }
            if (done || std::chrono::steady_clock::now() > deadline) {
                return (*body)["results"];
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    static core::Json errorOf(const net::HttpResponse& response)
    {
        auto body = core::parseJsonExact(response.body);
        EXPECT_TRUE(body.ok()) << "an error answer must be JSON: " << response.body;
        EXPECT_EQ(response.headers.get("Content-Type").value_or(""), "application/json; charset=utf-8");
        return body.ok() && body->contains("error") ? (*body)["error"] : core::Json();
    }

    static std::string uuid(const std::string& suffix)
    {
        return "0190f1c2-0000-7000-8000-" + std::string(12 - suffix.size(), '0') + suffix;
    }

    static TempDir* s_dir;
    static EmulatorProcess* s_server;
    net::HttpClient m_http;
};

TempDir* WebApiTest::s_dir = nullptr;
EmulatorProcess* WebApiTest::s_server = nullptr;

TEST_F(WebApiTest, ABatchOfThreeTasksAnswersThreeResultsInOrder)
{
    const auto id = uuid("b1");
    const auto created = post(R"({"uuid": ")" + id + R"(", "request": [
        {"type": "getDeviceInfo"}, {"type": "getShiftStatus"}, {"type": "getDeviceStatus"}]})");
    EXPECT_EQ(created.status, 201) << created.body;

    const auto list = results(id);
    ASSERT_EQ(list.size(), 3u) << list.dump();
    const char* keys[] = {"deviceInfo", "shiftStatus", "deviceStatus"};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(list[i]["status"], "ready") << list[i].dump();
        EXPECT_EQ(list[i]["errorCode"], 0);
        EXPECT_EQ(list[i]["errorDescription"], "Ошибок нет");
        EXPECT_TRUE(list[i]["result"].contains(keys[i])) << i << ": " << list[i].dump();
    }
}

TEST_F(WebApiTest, ASingleTaskObjectIsARequestOfOneTask)
{
    const auto id = uuid("b2");
    EXPECT_EQ(post(R"({"uuid": ")" + id + R"(", "request": {"type": "getDeviceInfo"}})").status, 201);
    const auto list = results(id);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["result"]["deviceInfo"]["model"], 500);
}

TEST_F(WebApiTest, ATaskErrorIsAResultAndInterruptsTheRestOfTheRequest)
{
    const auto id = uuid("b3");
    EXPECT_EQ(post(R"({"uuid": ")" + id + R"(", "request": [
        {"type": "sell", "items": [{"type": "position", "name": "x", "price": 1, "quantity": 1, "amount": 1,
         "tax": {"type": "vat22"}}], "payments": [{"type": "cash", "sum": 1}]},
        {"type": "getDeviceStatus"}]})")
                  .status,
              201);
    const auto list = results(id);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0]["status"], "error");
    EXPECT_EQ(list[0]["errorCode"], atol::kShiftClosed);
    EXPECT_EQ(list[0]["errorDescription"], "Смена закрыта - операция невозможна");
    EXPECT_TRUE(list[0]["result"].is_null());
    EXPECT_EQ(list[1]["status"], "interrupted");
    EXPECT_NE(list[1]["errorCode"], 0);
}

TEST_F(WebApiTest, ADuplicateUuidIsAConflictAndLeavesTheFirstRequestAlone)
{
    const auto id = uuid("b4");
    EXPECT_EQ(post(R"({"uuid": ")" + id + R"(", "request": [{"type": "getShiftStatus"}]})").status, 201);
    const auto again = post(R"({"uuid": ")" + id + R"(", "request": [{"type": "openShift"}]})");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(errorOf(again)["code"], "duplicate_uuid");

    const auto list = results(id);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_TRUE(list[0]["result"].contains("shiftStatus"));
}

TEST_F(WebApiTest, AnUnknownUuidIsNotFound)
{
    const auto response = get(uuid("404"));
    EXPECT_EQ(response.status, 404);
    EXPECT_EQ(errorOf(response)["code"], "not_found");
}

TEST_F(WebApiTest, AMalformedBodyIsABadRequestWithAJsonError)
{
    const auto malformed = post(R"({"uuid": "x", "request": [)");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(errorOf(malformed)["code"], "malformed_json");
    EXPECT_FALSE(errorOf(malformed)["message"].get<std::string>().empty());

    for (const char* body : {R"([1, 2])", R"({"request": [{"type": "getDeviceInfo"}]})",
                             R"({"uuid": 5, "request": [{"type": "getDeviceInfo"}]})",
                             R"({"uuid": "a/b", "request": [{"type": "getDeviceInfo"}]})",
                             R"({"uuid": "", "request": [{"type": "getDeviceInfo"}]})", R"({"uuid": "c1"})",
                             R"({"uuid": "c2", "request": []})", R"({"uuid": "c3", "request": "openShift"})"}) {
        const auto response = post(body);
        EXPECT_EQ(response.status, 400) << body;
        EXPECT_FALSE(errorOf(response)["code"].get<std::string>().empty()) << body;
    }
    // None of those was accepted under its uuid.
    EXPECT_EQ(get("c1").status, 404);
    EXPECT_EQ(get("c2").status, 404);
}

TEST_F(WebApiTest, WhateverATaskHoldsTheRegisterJudgesIt)
{
    const auto id = uuid("b5");
    EXPECT_EQ(post(R"({"uuid": ")" + id + R"(", "request": [42]})").status, 201);
    const auto list = results(id);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["status"], "error");
    EXPECT_EQ(list[0]["errorCode"], atol::kJsonInvalidValue);
}

TEST_F(WebApiTest, OtherMethodsAndPathsAreRefused)
{
    net::HttpClientRequest request;
    request.method = "DELETE";
    request.url = s_server->url() + "/api/v2/requests/x";
    auto response = m_http.send(request);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 405);
    request.method = "GET";
    request.url = s_server->url() + "/api/v1/whatever";
    response = m_http.send(request);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 404);
}

TEST(KktEmulatorCommandLineTest, RefusesABadListenAddress)
{
    TempDir dir("sigma-kkt-cli");
    for (const char* listen : {"16732", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:x"}) {
        const auto result = runProcess(SIGMA_KKT_EMULATOR_PATH, {"--listen", listen, "--state", (dir / "k.db").string()});
        EXPECT_NE(result.exitCode, 0) << listen;
        EXPECT_NE(result.err.find("HOST:PORT"), std::string::npos) << listen << ": " << result.err;
    }
    const auto badOffset = runProcess(SIGMA_KKT_EMULATOR_PATH, {"--utc-offset-minutes", "9999"});
    EXPECT_NE(badOffset.exitCode, 0);
    const auto help = runProcess(SIGMA_KKT_EMULATOR_PATH, {"--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--state"), std::string::npos);
}

} // namespace
} // namespace sigma::test
