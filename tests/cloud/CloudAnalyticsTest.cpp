// GET /api/v1/analytics (AnalyticsService): what counts as revenue, the shop's local days (a
// receipt at 23:30 and one at 00:30 Moscow time), the groupings, the filters, the period's
// validation, the role matrix and another tenant's ids.

#include "cloud/Permissions.h"
#include "crypto/PasswordHasher.h"

#include <chrono>

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

/// UTC microseconds of a Moscow (UTC+3) wall-clock time.
std::int64_t moscowUs(int year, unsigned month, unsigned day, int hour, int minute)
{
    const auto date =
        std::chrono::sys_days(std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day});
    const std::int64_t midnightUs = date.time_since_epoch().count() * 86'400'000'000LL;
    return midnightUs + (hour - 3) * 3'600'000'000LL + minute * 60'000'000LL;
}

core::Json line(int position, const std::string& productId, const std::string& name, std::int64_t quantity,
                std::int64_t amount, std::optional<std::string> staffId = std::nullopt)
{
    core::Json json{{"position", position}, {"productId", productId}, {"name", name},
                    {"quantity", quantity}, {"amount", amount},       {"unitPrice", amount * 1000 / quantity}};
    if (staffId) {
        json["staffId"] = *staffId;
    }
    return json;
}

core::Json receipt(const std::string& id, const std::string& operation, const std::string& cashierId,
                   std::int64_t createdAt, std::int64_t total, const core::Json& lines, const core::Json& payments,
                   std::int64_t change = 0)
{
    return {{"receiptId", id},        {"shiftId", "shift-1"}, {"operation", operation}, {"cashierId", cashierId},
            {"createdAt", createdAt}, {"total", total},       {"discountTotal", 0},     {"change", change},
            {"lines", lines},         {"payments", payments}};
}

class CloudAnalyticsTest : public CloudFixture {
protected:
    /// A cabinet user of `owner`'s account with another role, signed in (as CloudAccessTest).
    std::string addUser(const Account& owner, const std::string& email, const std::string& role)
    {
        auto hash = crypto::PasswordHasher::hash("Other-Horse-43", m_config.argon2, m_random);
        EXPECT_TRUE(hash.ok());
        {
            auto lock = m_adminDb->lock();
            auto& db = m_adminDb->connection();
            auto account = db.queryOne("SELECT account_id FROM users WHERE email = $1", {owner.email});
            EXPECT_TRUE(account.ok() && account->has_value());
            EXPECT_TRUE(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, "
                                   "created_at) VALUES ($1, $2, NULL, $3, $4, $5, 1, 0)",
                                   {"user-" + role + "-" + email, (*account)->text(0), email, *hash, role})
                            .ok());
        }
        return login(email, "Other-Horse-43");
    }

    core::Json report(const Account& account, const std::string& query)
    {
        auto response = send("GET", "/api/v1/analytics?" + query, {}, account.cookie);
        EXPECT_EQ(response.status, 200) << response.body;
        return json(response);
    }

    /// Two days of a shop (10 and 11 November 2026, Moscow time) with every kind of receipt.
    void ringShop(const Account& account)
    {
        const core::Json cash = {{{"type", "cash"}, {"sum", 150000}}};
        auto events = chain(
            1, std::string(store::JournalHash::kGenesis),
            {{"shift.opened", {{"shiftId", "shift-1"}, {"cashierId", "c-1"}, {"cashierName", "Анна Иванова"}}},
             // The day before, one minute to midnight: outside the period.
             {"receipt.fiscalized",
              receipt("r-0", "sell", "c-1", moscowUs(2026, 11, 9, 23, 59), 7000,
                      core::Json::array({line(0, "p-tea", "Чай", 1000, 7000)}), {{{"type", "cash"}, {"sum", 7000}}})},
             // 10 Nov 10:00: 1500 ₽ cash for 1000 ₽ of goods, 500 ₽ change.
             {"receipt.fiscalized",
              receipt("r-1", "sell", "c-1", moscowUs(2026, 11, 10, 10, 0), 100000,
                      {line(0, "p-tea", "Чай", 2000, 60000), line(1, "p-cake", "Торт", 1000, 40000)}, cash, 50000)},
             // 10 Nov 23:30 local (20:30 UTC): still the 10th.
             {"receipt.fiscalized", receipt("r-2", "sell", "c-2", moscowUs(2026, 11, 10, 23, 30), 50000,
                                            core::Json::array({line(0, "p-cake", "Торт", 1250, 50000)}),
                                            {{{"type", "electronically"}, {"sum", 50000}}})},
             // 11 Nov 00:30 local (10 Nov 21:30 UTC): the 11th.
             {"receipt.fiscalized", receipt("r-3", "sell", "c-1", moscowUs(2026, 11, 11, 0, 30), 20000,
                                            core::Json::array({line(0, "p-coffee", "Кофе", 1000, 20000)}),
                                            {{{"type", "prepaid"}, {"sum", 20000}}})},
             // 11 Nov 12:00: one tea of r-1 returned in cash.
             {"receipt.fiscalized",
              receipt("r-4", "sellReturn", "c-2", moscowUs(2026, 11, 11, 12, 0), 30000,
                      core::Json::array({line(0, "p-tea", "Чай", 1000, 30000)}), {{{"type", "cash"}, {"sum", 30000}}})},
             // A correction of an unrecorded sale counts; a master did its line.
             {"receipt.fiscalized", receipt("r-5", "sellCorrection", "c-1", moscowUs(2026, 11, 11, 13, 0), 10000,
                                            core::Json::array({line(0, "p-cut", "Стрижка", 1000, 10000, "m-1")}),
                                            {{{"type", "cash"}, {"sum", 10000}}})},
             // The shop buying from a customer is not revenue.
             {"receipt.fiscalized", receipt("r-6", "buy", "c-1", moscowUs(2026, 11, 11, 14, 0), 99900,
                                            core::Json::array({line(0, "p-gold", "Лом", 1000, 99900)}),
                                            {{{"type", "cash"}, {"sum", 99900}}})},
             {"receipt.failed", {{"receiptId", "r-7"}, {"reason", "card declined"}}}});
        auto sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events));
        ASSERT_EQ(sent.status, 200) << sent.body;
    }
};

TEST(CloudAnalyticsPermissions, ManagersSeeAnalyticsCashiersAndTechniciansDoNot)
{
    EXPECT_TRUE(roleAllows("owner", Permission::ViewAnalytics));
    EXPECT_TRUE(roleAllows("administrator", Permission::ViewAnalytics));
    EXPECT_FALSE(roleAllows("cashier", Permission::ViewAnalytics));
    EXPECT_FALSE(roleAllows("technician", Permission::ViewAnalytics));
}

TEST_P(CloudAnalyticsTest, CountsSalesMinusReturnsOnTheShopsLocalDays)
{
    const auto account = registerAccount("SN-AN1", "9994440001", "analytics@example.com");
    ringShop(account);

    const auto doc = report(account, "from=2026-11-10&to=2026-11-11");
    EXPECT_EQ(doc["from"], "2026-11-10");
    EXPECT_EQ(doc["to"], "2026-11-11");
    EXPECT_EQ(doc["utcOffsetMinutes"], 180);
    // Sales r-1, r-2, r-3, r-5; the return r-4; not r-0 (the 9th), r-6 (buy), r-7 (failed).
    const auto& totals = doc["totals"];
    EXPECT_EQ(totals["sales"], 180000);
    EXPECT_EQ(totals["receipts"], 4);
    EXPECT_EQ(totals["returns"], 30000);
    EXPECT_EQ(totals["returnCount"], 1);
    EXPECT_EQ(totals["revenue"], 150000);
    EXPECT_EQ(totals["averageReceipt"], 45000);

    // 23:30 on the 10th stays on the 10th; 00:30 on the 11th is the 11th.
    ASSERT_EQ(doc["byDay"].size(), 2U);
    EXPECT_EQ(doc["byDay"][0]["date"], "2026-11-10");
    EXPECT_EQ(doc["byDay"][0]["sales"], 150000);
    EXPECT_EQ(doc["byDay"][0]["receipts"], 2);
    EXPECT_EQ(doc["byDay"][1]["date"], "2026-11-11");
    EXPECT_EQ(doc["byDay"][1]["sales"], 30000);
    EXPECT_EQ(doc["byDay"][1]["receipts"], 2);
    EXPECT_EQ(doc["byDay"][1]["returns"], 30000);
    EXPECT_EQ(doc["byDay"][1]["revenue"], 0);
    const auto tenth = report(account, "from=2026-11-10&to=2026-11-10");
    EXPECT_EQ(tenth["totals"]["receipts"], 2);
    EXPECT_EQ(tenth["totals"]["revenue"], 150000);
    const auto eleventh = report(account, "from=2026-11-11&to=2026-11-11");
    EXPECT_EQ(eleventh["totals"]["receipts"], 2);
    EXPECT_EQ(eleventh["totals"]["revenue"], 0);
    const auto ninth = report(account, "from=2026-11-09&to=2026-11-09");
    EXPECT_EQ(ninth["totals"]["revenue"], 7000);

    // The payment split adds up to the revenue: cash 1500 - 500 change - 300 returned + 100.
    EXPECT_EQ(doc["byPayment"]["cash"], 150000 - 50000 - 30000 + 10000);
    EXPECT_EQ(doc["byPayment"]["card"], 50000);
    EXPECT_EQ(doc["byPayment"]["other"], 20000);

    // Per cashier, named by their shift; best first.
    ASSERT_EQ(doc["byEmployee"].size(), 2U);
    EXPECT_EQ(doc["byEmployee"][0]["employeeId"], "c-1");
    EXPECT_EQ(doc["byEmployee"][0]["name"], "Анна Иванова");
    EXPECT_EQ(doc["byEmployee"][0]["revenue"], 130000);
    EXPECT_EQ(doc["byEmployee"][0]["receipts"], 3);
    EXPECT_EQ(doc["byEmployee"][1]["employeeId"], "c-2");
    EXPECT_EQ(doc["byEmployee"][1]["name"], nullptr);
    EXPECT_EQ(doc["byEmployee"][1]["revenue"], 20000);
    EXPECT_EQ(doc["byEmployee"][1]["returns"], 30000);
    // Per master (services: staffId on the line).
    ASSERT_EQ(doc["byMaster"].size(), 1U);
    EXPECT_EQ(doc["byMaster"][0]["employeeId"], "m-1");
    EXPECT_EQ(doc["byMaster"][0]["revenue"], 10000);
    // Per terminal, named by its serial.
    ASSERT_EQ(doc["byDevice"].size(), 1U);
    EXPECT_EQ(doc["byDevice"][0]["deviceId"], account.device.id);
    EXPECT_EQ(doc["byDevice"][0]["name"], "SN-AN1");
    EXPECT_EQ(doc["byDevice"][0]["revenue"], 150000);

    // Products, net of the return: cake 900 ₽ (2.25 pcs), tea 300 ₽ (1 pc), coffee, haircut.
    const auto& byRevenue = doc["topProducts"]["byRevenue"];
    ASSERT_EQ(byRevenue.size(), 4U);
    EXPECT_EQ(byRevenue[0]["productId"], "p-cake");
    EXPECT_EQ(byRevenue[0]["revenue"], 90000);
    EXPECT_EQ(byRevenue[0]["quantity"], 2250);
    EXPECT_EQ(byRevenue[1]["productId"], "p-tea");
    EXPECT_EQ(byRevenue[1]["revenue"], 30000);
    EXPECT_EQ(byRevenue[1]["quantity"], 1000);
    EXPECT_EQ(doc["topProducts"]["byQuantity"][0]["name"], "Торт");

    // The filter lists: the terminal and the known employees.
    ASSERT_EQ(doc["devices"].size(), 1U);
    EXPECT_EQ(doc["devices"][0]["id"], account.device.id);
    EXPECT_EQ(doc["employees"].size(), 1U); // c-1 from the shift (c-2 and m-1 are in the groups only)
}

TEST_P(CloudAnalyticsTest, FiltersByTerminalAndEmployee)
{
    const auto account = registerAccount("SN-AN2", "9994440002", "filters@example.com");
    ringShop(account);

    const auto byDevice = report(account, "from=2026-11-10&to=2026-11-11&deviceId=" + account.device.id);
    EXPECT_EQ(byDevice["totals"]["revenue"], 150000);
    EXPECT_EQ(byDevice["deviceId"], account.device.id);
    // An empty filter is no filter (the page's «all»).
    EXPECT_EQ(report(account, "from=2026-11-10&to=2026-11-11&deviceId=&employeeId=")["totals"]["revenue"], 150000);

    const auto cashier = report(account, "from=2026-11-10&to=2026-11-11&employeeId=c-2");
    EXPECT_EQ(cashier["totals"]["sales"], 50000);
    EXPECT_EQ(cashier["totals"]["returns"], 30000);
    EXPECT_EQ(cashier["totals"]["receipts"], 1);
    ASSERT_EQ(cashier["byEmployee"].size(), 1U);
    EXPECT_EQ(cashier["byEmployee"][0]["employeeId"], "c-2");
    EXPECT_EQ(cashier["byPayment"]["card"], 50000);
    EXPECT_EQ(cashier["byPayment"]["cash"], -30000);

    // A master's filter keeps the receipts with their lines, whoever rang them.
    const auto master = report(account, "from=2026-11-10&to=2026-11-11&employeeId=m-1");
    EXPECT_EQ(master["totals"]["revenue"], 10000);
    EXPECT_EQ(master["byEmployee"][0]["employeeId"], "c-1");

    // An empty period: zeros and a day row for each day.
    const auto quiet = report(account, "from=2026-12-01&to=2026-12-31");
    EXPECT_EQ(quiet["totals"]["receipts"], 0);
    EXPECT_EQ(quiet["totals"]["averageReceipt"], 0);
    EXPECT_EQ(quiet["byDay"].size(), 31U);
    EXPECT_TRUE(quiet["byEmployee"].empty());
    EXPECT_TRUE(quiet["topProducts"]["byRevenue"].empty());
}

TEST_P(CloudAnalyticsTest, LookupsByAccountUseAnIndexNotAScan)
{
    if (GetParam() != "sqlite") {
        GTEST_SKIP() << "the plan is read with SQLite's EXPLAIN QUERY PLAN";
    }
    // The analytics' terminal list and its unknown-employee check (AnalyticsService.cpp): without
    // migration 8 both scanned a whole table on every call.
    const std::vector<std::pair<std::string, std::string>> queries = {
        {"SELECT id, serial FROM devices WHERE account_id = $1 ORDER BY serial, id", "devices_account"},
        {"SELECT 1 FROM receipts WHERE account_id = $1 AND cashier_id = $2", "receipts_cashier"},
    };
    auto lease = m_adminDb->lock();
    for (const auto& [sql, index] : queries) {
        auto plan = m_adminDb->connection().query("EXPLAIN QUERY PLAN " + sql,
                                                  sql.find("$2") != std::string::npos
                                                      ? std::vector<db::Param>{"acc", "emp"}
                                                      : std::vector<db::Param>{"acc"});
        ASSERT_TRUE(plan.ok()) << plan.error().message;
        std::string text;
        for (const auto& row : *plan) {
            text += row.text(3) + "\n";
        }
        EXPECT_NE(text.find(index), std::string::npos) << sql << "\n" << text;
    }
}

TEST_P(CloudAnalyticsTest, MalformedQueriesAnswer400NamingTheParameter)
{
    const auto account = registerAccount("SN-AN3", "9994440003", "bad@example.com");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "from"},
        {"to=2026-11-10", "from"},
        {"from=2026-11-10", "to"},
        {"from=2026-13-01&to=2026-12-01", "from"},
        {"from=2026-02-29&to=2026-03-01", "from"}, // 2026 is not a leap year
        {"from=2026-1-01&to=2026-01-02", "from"},
        {"from=10.11.2026&to=2026-11-10", "from"},
        {"from=2026-11-10&to=2026-11-31", "to"},
        {"from=2026-11-10&to=tomorrow", "to"},
        {"from=2026-11-10&to=2026-11-09", "to"},
        {"from=2025-01-01&to=2026-01-02", "to"}, // 367 days
        {"from=2026-11-10&to=2026-11-10&deviceId=" + std::string(200, 'x'), "deviceId"},
        {"from=2026-11-10&to=2026-11-10&employeeId=" + std::string(200, 'x'), "employeeId"},
    };
    for (const auto& [query, field] : cases) {
        SCOPED_TRACE(query);
        auto response = send("GET", "/api/v1/analytics?" + query, {}, account.cookie);
        EXPECT_EQ(response.status, 400) << response.body;
        EXPECT_EQ(errorCode(response), "invalid_argument");
        EXPECT_EQ(errorField(response), field);
    }
    // The edges that are fine: a leap day, exactly 366 days.
    EXPECT_EQ(send("GET", "/api/v1/analytics?from=2028-02-29&to=2028-02-29", {}, account.cookie).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/analytics?from=2025-01-01&to=2026-01-01", {}, account.cookie).status, 200);
    // No session: 401.
    EXPECT_EQ(send("GET", "/api/v1/analytics?from=2026-11-10&to=2026-11-10").status, 401);
}

TEST_P(CloudAnalyticsTest, AccountsSeeOnlyTheirOwnSales)
{
    const auto a = registerAccount("SN-AN4", "9994440004", "a-an@example.com");
    const auto b = registerAccount("SN-AN5", "9994440005", "b-an@example.com");
    ringShop(a);

    const auto mine = report(b, "from=2026-11-10&to=2026-11-11");
    EXPECT_EQ(mine["totals"]["receipts"], 0);
    EXPECT_EQ(mine["totals"]["revenue"], 0);
    ASSERT_EQ(mine["devices"].size(), 1U);
    EXPECT_EQ(mine["devices"][0]["id"], b.device.id);
    EXPECT_TRUE(mine["employees"].empty());
    // A's terminal and A's cashier through B's session: unknown.
    auto device = send("GET", "/api/v1/analytics?from=2026-11-10&to=2026-11-11&deviceId=" + a.device.id, {}, b.cookie);
    EXPECT_EQ(device.status, 404);
    EXPECT_EQ(errorField(device), "deviceId");
    for (const char* employee : {"c-1", "c-2", "m-1"}) {
        auto response = send(
            "GET", std::string("/api/v1/analytics?from=2026-11-10&to=2026-11-11&employeeId=") + employee, {}, b.cookie);
        EXPECT_EQ(response.status, 404) << employee;
        EXPECT_EQ(errorField(response), "employeeId");
    }
    // And they are known to A.
    EXPECT_EQ(report(a, "from=2026-11-10&to=2026-11-11&employeeId=c-2")["totals"]["receipts"], 1);
}

TEST_P(CloudAnalyticsTest, OwnerAndAdministratorOnly)
{
    const auto owner = registerAccount("SN-AN6", "9994440006", "roles-an@example.com");
    ringShop(owner);
    const std::string path = "/api/v1/analytics?from=2026-11-10&to=2026-11-11";
    for (const std::string role : {"cashier", "technician"}) {
        SCOPED_TRACE(role);
        const auto cookie = addUser(owner, role + "-an@example.com", role);
        auto response = send("GET", path, {}, cookie);
        EXPECT_EQ(response.status, 403);
        EXPECT_EQ(errorCode(response), "forbidden");
    }
    const auto admin = addUser(owner, "admin-an@example.com", "administrator");
    auto response = send("GET", path, {}, admin);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(json(response)["totals"]["revenue"], 150000);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudAnalyticsTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
