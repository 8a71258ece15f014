// The cabinet's «Финансы» (FinanceService): shifts with the register's figures and over/short,
// receipts with their payments, fiscal numbers and the sale a return returns, cash operations;
// keyset pages that stay put while receipts arrive; the shop's local days; 400 naming each
// malformed parameter (a forged cursor too); another account's ids answer 404; the roles.

#include "cloud/Permissions.h"
#include "crypto/PasswordHasher.h"

#include <set>

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

using namespace std::chrono;

/// UTC µs of a Moscow wall-clock time (UTC+3).
std::int64_t msk(year_month_day day, int hour, int minute = 0)
{
    const auto utc = sys_days(day) + hours(hour - 3) + minutes(minute);
    return duration_cast<microseconds>(utc.time_since_epoch()).count();
}

constexpr year_month_day kDay{year(2026), month(12), std::chrono::day(1)};

class CloudFinanceTest : public CloudFixture {
protected:
    /// Pushes the events after the device's last one. Each happens at its payload's time
    /// (createdAt, openedAt, closedAt); one without (cash in/out) a minute after the one before.
    void push(const Account& account, const std::vector<std::pair<std::string, core::Json>>& items)
    {
        auto& last = m_last[account.device.id];
        if (last.hash.empty()) {
            last.hash = std::string(store::JournalHash::kGenesis);
        }
        std::vector<store::JournalEvent> events;
        for (const auto& [type, payload] : items) {
            store::JournalEvent event;
            event.seq = ++last.seq;
            char uuid[40];
            std::snprintf(uuid, sizeof uuid, "0193a4c2-5b1e-7d3f-9a2b-%012lld", static_cast<long long>(event.seq));
            event.uuid = uuid;
            event.type = type;
            last.at += 60'000'000;
            for (const char* key : {"createdAt", "openedAt", "closedAt"}) {
                if (payload.contains(key)) {
                    last.at = payload[key].get<std::int64_t>();
                }
            }
            event.occurredAtUs = last.at;
            event.payload = payload;
            event.prevHash = last.hash;
            event.hash = store::JournalHash::compute(event).value();
            last.hash = event.hash;
            events.push_back(event);
        }
        auto sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events));
        ASSERT_EQ(sent.status, 200) << sent.body;
    }

    net::HttpResponse get(const std::string& path, const std::string& cookie) { return send("GET", path, {}, cookie); }

    static core::Json sale(const std::string& id, const std::string& shiftId, std::int64_t createdAt,
                           std::int64_t total, const core::Json& payments, std::int64_t change = 0)
    {
        return {{"receiptId", id},
                {"shiftId", shiftId},
                {"operation", "sell"},
                {"cashierId", "emp-1"},
                {"createdAt", createdAt},
                {"total", total},
                {"discountTotal", 0},
                {"change", change},
                {"lines",
                 {{{"position", 0},
                   {"name", "Хлеб"},
                   {"quantity", 2000},
                   {"unitPrice", total / 2},
                   {"amount", total},
                   {"vatRate", "vat10"},
                   {"vatSum", total / 11}}}},
                {"payments", payments},
                {"fiscal",
                 {{"fiscalDocumentNumber", 100 + createdAt % 97},
                  {"fiscalDocumentSign", "3826124851"},
                  {"fnNumber", "7380440700000001"},
                  {"shiftNumber", 12}}}};
    }

    /// One closed shift and one open, on one terminal: the shop's working day.
    void ringDay(const Account& account)
    {
        const core::Json cash = {{{"type", "cash"}, {"sum", 20000}}};
        const core::Json card = {{{"type", "electronically"},
                                  {"sum", 35000},
                                  {"card", {{"status", "approved"}, {"authCode", "A1B2C3"}, {"rrn", "612345678901"}}}}};
        auto withContact = sale("r-card", "sh-1", msk(kDay, 11), 35000, card);
        withContact["customerContact"] = "+79990001122";
        core::Json refund = sale("r-ret", "sh-1", msk(kDay, 12), 15000, {{{"type", "cash"}, {"sum", 15000}}});
        refund["operation"] = "sellReturn";
        refund["originalReceiptId"] = "r-cash";
        push(account, {{"shift.opened",
                        {{"shiftId", "sh-1"},
                         {"number", 12},
                         {"openedAt", msk(kDay, 9)},
                         {"cashierId", "emp-1"},
                         {"cashierName", "Ирина"}}},
                       {"cash.in",
                        {{"operationId", "op-1"},
                         {"shiftId", "sh-1"},
                         {"sum", 500000},
                         {"reason", "Размен"},
                         {"cashierId", "emp-1"}}},
                       // Paid 200 ₽ in cash for 150 ₽: 50 ₽ change.
                       {"receipt.fiscalized", sale("r-cash", "sh-1", msk(kDay, 10), 15000, cash, 5000)},
                       {"receipt.fiscalized", withContact},
                       {"receipt.fiscalized", refund},
                       {"cash.out",
                        {{"operationId", "op-2"},
                         {"shiftId", "sh-1"},
                         {"sum", 100000},
                         {"reason", "Инкассация"},
                         {"cashierId", "emp-1"}}},
                       {"shift.closed",
                        {{"shiftId", "sh-1"},
                         {"number", 12},
                         {"closedAt", msk(kDay, 21)},
                         {"cashierId", "emp-1"},
                         {"expectedCash", 400000},
                         {"countedCash", 399000},
                         {"overShort", -1000},
                         {"figures",
                          {{"salesCount", 2},
                           {"sales", 50000},
                           {"returnsCount", 1},
                           {"returns", 15000},
                           {"cashSales", 15000},
                           {"cashReturns", 15000},
                           {"nonCashSales", 35000},
                           {"nonCashReturns", 0},
                           {"cashIn", 500000},
                           {"cashOut", 100000},
                           {"expectedCash", 400000},
                           {"pendingCount", 0}}},
                         {"fiscal", {{"fiscalDocumentNumber", 140}, {"fiscalDocumentSign", "1122334455"}}}}},
                       {"shift.opened",
                        {{"shiftId", "sh-2"},
                         {"number", 13},
                         {"openedAt", msk(kDay, 21, 30)},
                         {"cashierId", "emp-2"},
                         {"cashierName", "Олег"}}},
                       {"receipt.fiscalized",
                        sale("r-late", "sh-2", msk(kDay, 22), 7000, {{{"type", "cash"}, {"sum", 7000}}})}});
    }

    struct Chain {
        std::int64_t seq = 0;
        std::string hash;
        std::int64_t at = 0;
    };
    std::map<std::string, Chain> m_last;
};

TEST(CloudPermissions, FinanceIsForOwnersAndAdministrators)
{
    EXPECT_TRUE(roleAllows("owner", Permission::ViewFinance));
    EXPECT_TRUE(roleAllows("administrator", Permission::ViewFinance));
    EXPECT_FALSE(roleAllows("cashier", Permission::ViewFinance));
    EXPECT_FALSE(roleAllows("technician", Permission::ViewFinance));
    EXPECT_FALSE(roleAllows("", Permission::ViewFinance));
}

TEST_P(CloudFinanceTest, ShiftsShowTheRegistersFiguresAndOverShort)
{
    const auto a = registerAccount("SN-F1", "9993340001", "fin@example.com");
    ringDay(a);

    auto list = get("/api/v1/shifts?from=2026-12-01&to=2026-12-01", a.cookie);
    ASSERT_EQ(list.status, 200) << list.body;
    const auto items = json(list)["items"];
    ASSERT_EQ(items.size(), 2U);
    EXPECT_TRUE(json(list)["next"].is_null());
    // Newest first: the open shift.
    EXPECT_EQ(items[0]["id"], "sh-2");
    EXPECT_EQ(items[0]["open"], true);
    EXPECT_EQ(items[0]["figuresSource"], "receipts");
    EXPECT_EQ(items[0]["figures"]["sales"], 7000);
    EXPECT_EQ(items[0]["figures"]["cashSales"], 7000);
    EXPECT_TRUE(items[0]["overShort"].is_null());
    EXPECT_EQ(items[0]["cashierName"], "Олег");
    const auto& closed = items[1];
    EXPECT_EQ(closed["id"], "sh-1");
    EXPECT_EQ(closed["open"], false);
    EXPECT_EQ(closed["number"], 12);
    EXPECT_EQ(closed["terminal"], "SN-F1");
    EXPECT_EQ(closed["openedAt"], msk(kDay, 9));
    EXPECT_EQ(closed["closedAt"], msk(kDay, 21));
    EXPECT_EQ(closed["figuresSource"], "register");
    EXPECT_EQ(closed["figures"]["sales"], 50000);
    EXPECT_EQ(closed["figures"]["returns"], 15000);
    EXPECT_EQ(closed["figures"]["nonCashSales"], 35000);
    EXPECT_EQ(closed["expectedCash"], 400000);
    EXPECT_EQ(closed["countedCash"], 399000);
    EXPECT_EQ(closed["overShort"], -1000);

    auto detail = get("/api/v1/shifts/sh-1", a.cookie);
    ASSERT_EQ(detail.status, 200) << detail.body;
    const auto shift = json(detail);
    EXPECT_EQ(shift["registerFigures"]["pendingCount"], 0);
    EXPECT_EQ(shift["zReport"]["fiscalDocumentNumber"], 140);
    EXPECT_EQ(shift["closedBy"], "emp-1");
    // The receipts the cloud holds agree with what the register printed (cash net of change).
    for (const char* key : {"salesCount", "sales", "returnsCount", "returns", "cashSales", "cashReturns",
                            "nonCashSales", "nonCashReturns", "cashIn", "cashOut"}) {
        EXPECT_EQ(shift["fromReceipts"][key], shift["registerFigures"][key]) << key;
    }
    ASSERT_EQ(shift["cashOperations"].size(), 2U);
    EXPECT_EQ(shift["cashOperations"][0]["kind"], "in");
    EXPECT_EQ(shift["cashOperations"][0]["reason"], "Размен");
    EXPECT_EQ(shift["cashOperations"][1]["kind"], "out");
    EXPECT_EQ(shift["cashOperations"][1]["sum"], 100000);

    auto ofShift = get("/api/v1/receipts?shiftId=sh-1", a.cookie);
    ASSERT_EQ(ofShift.status, 200) << ofShift.body;
    std::vector<std::string> ids;
    const auto shiftReceipts = json(ofShift);
    for (const auto& r : shiftReceipts["items"]) {
        ids.push_back(r["id"]);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"r-ret", "r-card", "r-cash"}));
    EXPECT_EQ(get("/api/v1/shifts/nope", a.cookie).status, 404);
}

TEST_P(CloudFinanceTest, ReceiptsFilterAndShowPaymentsFiscalNumbersAndTheirSale)
{
    const auto a = registerAccount("SN-F2", "9993340002", "fin2@example.com");
    ringDay(a);
    const auto ids = [&](const std::string& query) {
        std::vector<std::string> out;
        auto response = get("/api/v1/receipts?from=2026-12-01&to=2026-12-01" + query, a.cookie);
        EXPECT_EQ(response.status, 200) << response.body;
        const auto body = json(response);
        for (const auto& r : body["items"]) {
            out.push_back(r["id"]);
        }
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(ids(""), (V{"r-late", "r-ret", "r-card", "r-cash"}));
    EXPECT_EQ(ids("&operation=sellReturn"), (V{"r-ret"}));
    EXPECT_EQ(ids("&operation=sell&payment=cash"), (V{"r-late", "r-cash"}));
    EXPECT_EQ(ids("&payment=card"), (V{"r-card"}));
    EXPECT_EQ(ids("&deviceId=" + a.device.id + "&shiftId=sh-2"), (V{"r-late"}));

    auto cashSale = json(get("/api/v1/receipts/r-cash", a.cookie));
    EXPECT_EQ(cashSale["total"], 15000);
    EXPECT_EQ(cashSale["cash"], 15000); // 200 ₽ handed over, 50 ₽ change
    EXPECT_EQ(cashSale["change"], 5000);
    EXPECT_EQ(cashSale["shiftNumber"], 12);
    ASSERT_EQ(cashSale["returns"].size(), 1U);
    EXPECT_EQ(cashSale["returns"][0]["id"], "r-ret");

    auto card = get("/api/v1/receipts/r-card", a.cookie);
    ASSERT_EQ(card.status, 200) << card.body;
    const auto r = json(card);
    EXPECT_EQ(r["operation"], "sell");
    EXPECT_EQ(r["card"], 35000);
    EXPECT_EQ(r["cash"], 0);
    EXPECT_EQ(r["customerContact"], "+79990001122");
    ASSERT_EQ(r["lines"].size(), 1U);
    EXPECT_EQ(r["lines"][0]["name"], "Хлеб");
    EXPECT_EQ(r["lines"][0]["quantity"], 2000);
    EXPECT_EQ(r["lines"][0]["amount"], 35000);
    ASSERT_EQ(r["payments"].size(), 1U);
    EXPECT_EQ(r["payments"][0]["type"], "electronically");
    EXPECT_EQ(r["payments"][0]["card"]["authCode"], "A1B2C3");
    EXPECT_EQ(r["payments"][0]["card"]["rrn"], "612345678901");
    EXPECT_EQ(r["payments"][0]["card"]["status"], "approved");
    EXPECT_EQ(r["fiscal"]["fiscalDocumentSign"], "3826124851");
    EXPECT_EQ(r["fiscal"]["fnNumber"], "7380440700000001");
    EXPECT_EQ(r["fiscal"]["shiftNumber"], 12);
    EXPECT_TRUE(r["original"].is_null());

    auto refund = json(get("/api/v1/receipts/r-ret", a.cookie));
    EXPECT_EQ(refund["operation"], "sellReturn");
    EXPECT_EQ(refund["originalReceiptId"], "r-cash");
    EXPECT_EQ(refund["original"]["id"], "r-cash");
    EXPECT_EQ(refund["original"]["total"], 15000);

    auto cash = get("/api/v1/cash-operations?from=2026-12-01&to=2026-12-01", a.cookie);
    ASSERT_EQ(cash.status, 200) << cash.body;
    const auto ops = json(cash)["items"];
    ASSERT_EQ(ops.size(), 2U);
    EXPECT_EQ(ops[0]["id"], "op-2");
    EXPECT_EQ(ops[0]["kind"], "out");
    EXPECT_EQ(ops[0]["reason"], "Инкассация");
    EXPECT_EQ(ops[0]["shiftNumber"], 12);
    // No employee of that id in the cabinet: the name the shift was opened with.
    EXPECT_EQ(ops[0]["cashierName"], "Ирина");
    EXPECT_EQ(r["cashierName"], "Ирина");
    EXPECT_EQ(ops[1]["sum"], 500000);
    EXPECT_EQ(get("/api/v1/receipts/nope", a.cookie).status, 404);
}

TEST_P(CloudFinanceTest, DaysAreTheShopsLocalDays)
{
    const auto a = registerAccount("SN-F3", "9993340003", "fin3@example.com");
    const core::Json cash = {{{"type", "cash"}, {"sum", 100}}};
    // 23:59 Moscow on the 1st is 20:59 UTC; 00:01 on the 2nd is 21:01 UTC of the 1st.
    push(a, {{"receipt.fiscalized", sale("r-night", "sh-9", msk(kDay, 23, 59), 100, cash)},
             {"receipt.fiscalized", sale("r-morning", "sh-9", msk(kDay, 24, 1), 100, cash)}});
    const auto only = [&](const std::string& day) {
        auto items = json(get("/api/v1/receipts?from=" + day + "&to=" + day, a.cookie))["items"];
        return items.size() == 1 ? items[0]["id"].get<std::string>() : std::to_string(items.size()) + " receipts";
    };
    EXPECT_EQ(only("2026-12-01"), "r-night");
    EXPECT_EQ(only("2026-12-02"), "r-morning");
    EXPECT_EQ(json(get("/api/v1/receipts?from=2026-12-01&to=2026-12-02", a.cookie))["items"].size(), 2U);
}

TEST_P(CloudFinanceTest, PagesAreKeysetAndStayPutWhileReceiptsArrive)
{
    const auto a = registerAccount("SN-F4", "9993340004", "fin4@example.com");
    const core::Json cash = {{{"type", "cash"}, {"sum", 100}}};
    std::vector<std::pair<std::string, core::Json>> items;
    // Seven receipts, three of them at the same microsecond: the id breaks the tie.
    for (int i = 0; i < 7; ++i) {
        items.push_back(
            {"receipt.fiscalized", sale("r-" + std::to_string(i), "sh", msk(kDay, 10, i < 3 ? 0 : i), 100, cash)});
    }
    push(a, items);
    const std::string base = "/api/v1/receipts?from=2026-12-01&to=2026-12-01&limit=3";
    auto first = json(get(base, a.cookie));
    ASSERT_EQ(first["items"].size(), 3U);
    ASSERT_TRUE(first["next"].is_string());
    // A newer receipt arrives between the pages: it is not on them, nothing is repeated or lost.
    push(a, {{"receipt.fiscalized", sale("r-new", "sh", msk(kDay, 11), 100, cash)}});
    std::vector<std::string> seen;
    for (const auto& r : first["items"]) {
        seen.push_back(r["id"]);
    }
    core::Json next = first["next"];
    while (next.is_string()) {
        auto page = get(base + "&cursor=" + next.get<std::string>(), a.cookie);
        ASSERT_EQ(page.status, 200) << page.body;
        const auto body = json(page);
        for (const auto& r : body["items"]) {
            seen.push_back(r["id"]);
        }
        next = body["next"];
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"r-6", "r-5", "r-4", "r-3", "r-2", "r-1", "r-0"}));
    // The cursor belongs to its list and filters.
    const auto cursor = first["next"].get<std::string>();
    auto other = get("/api/v1/receipts?from=2026-12-01&to=2026-12-02&limit=3&cursor=" + cursor, a.cookie);
    EXPECT_EQ(other.status, 400);
    EXPECT_EQ(errorField(other), "cursor");
    EXPECT_EQ(get("/api/v1/cash-operations?from=2026-12-01&to=2026-12-01&limit=3&cursor=" + cursor, a.cookie).status,
              400);
}

TEST_P(CloudFinanceTest, MalformedParametersAreNamed)
{
    const auto a = registerAccount("SN-F5", "9993340005", "fin5@example.com");
    ringDay(a);
    const auto cursor = json(get("/api/v1/shifts?from=2026-12-01&to=2026-12-01&limit=1", a.cookie))["next"];
    ASSERT_TRUE(cursor.is_string());
    std::string forged = cursor.get<std::string>();
    forged[2] = forged[2] == '3' ? '4' : '3'; // another time, the check left as it was
    const std::string day = "from=2026-12-01&to=2026-12-01";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"/api/v1/shifts", "from"},
        {"/api/v1/shifts?from=2026-12-01", "to"},
        {"/api/v1/shifts?from=2026-13-01&to=2026-12-01", "from"},
        {"/api/v1/shifts?from=2026-12-01&to=1.12.2026", "to"},
        {"/api/v1/shifts?from=2026-12-02&to=2026-12-01", "to"},
        {"/api/v1/shifts?from=2000-01-01&to=2026-12-01", "to"},
        {"/api/v1/shifts?" + day + "&limit=0", "limit"},
        {"/api/v1/shifts?" + day + "&limit=201", "limit"},
        {"/api/v1/shifts?" + day + "&limit=ten", "limit"},
        {"/api/v1/shifts?" + day + "&deviceId=a%27b", "deviceId"},
        {"/api/v1/shifts?" + day + "&limit=1&cursor=" + forged, "cursor"},
        {"/api/v1/shifts?" + day + "&cursor=zz.00", "cursor"},
        {"/api/v1/shifts?" + day + "&cursor=nodot", "cursor"},
        {"/api/v1/receipts", "from"},
        {"/api/v1/receipts?" + day + "&operation=buy", "operation"},
        {"/api/v1/receipts?" + day + "&payment=bonus", "payment"},
        {"/api/v1/receipts?" + day + "&shiftId=", "shiftId"},
        {"/api/v1/receipts?" + day + "&limit=-1", "limit"},
        {"/api/v1/receipts?" + day + "&cursor=" + cursor.get<std::string>(), "cursor"},
        {"/api/v1/cash-operations?to=2026-12-01", "from"},
        {"/api/v1/cash-operations?" + day + "&deviceId=" + std::string(65, 'a'), "deviceId"},
        {"/api/v1/cash-operations?" + day + "&cursor=" + forged, "cursor"},
    };
    for (const auto& [path, field] : cases) {
        auto response = get(path, a.cookie);
        EXPECT_EQ(response.status, 400) << path << " " << response.body;
        EXPECT_EQ(errorCode(response), "invalid_argument") << path;
        EXPECT_EQ(errorField(response), field) << path;
    }
}

TEST_P(CloudFinanceTest, AccountsNeverSeeEachOthersMoney)
{
    const auto a = registerAccount("SN-F6", "9993340006", "fin6@example.com");
    const auto b = registerAccount("SN-F7", "9993340007", "fin7@example.com");
    ringDay(a);
    const std::string day = "from=2026-12-01&to=2026-12-01";
    for (const auto& path : {"/api/v1/shifts/sh-1", "/api/v1/receipts/r-card", "/api/v1/receipts/r-ret"}) {
        auto response = get(path, b.cookie);
        EXPECT_EQ(response.status, 404) << path;
        EXPECT_EQ(response.body.find("Хлеб"), std::string::npos);
        EXPECT_EQ(get(path, a.cookie).status, 200) << path;
    }
    for (const auto& path :
         {"/api/v1/shifts?" + day, "/api/v1/receipts?" + day, "/api/v1/cash-operations?" + day,
          std::string("/api/v1/receipts?shiftId=sh-1"), "/api/v1/shifts?" + day + "&deviceId=" + a.device.id,
          "/api/v1/receipts?" + day + "&deviceId=" + a.device.id}) {
        auto response = get(path, b.cookie);
        EXPECT_EQ(response.status, 200) << path;
        EXPECT_TRUE(json(response)["items"].empty()) << path << " " << response.body;
        EXPECT_FALSE(json(get(path, a.cookie))["items"].empty()) << path;
    }
    // A's cursor does not lead B into A's list either: the rows stay behind the account filter.
    const auto cursor = json(get("/api/v1/receipts?" + day + "&limit=1", a.cookie))["next"].get<std::string>();
    auto response = get("/api/v1/receipts?" + day + "&limit=1&cursor=" + cursor, b.cookie);
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(json(response)["items"].empty());
}

TEST_P(CloudFinanceTest, CashiersAndTechniciansMayNotSeeFinance)
{
    const auto owner = registerAccount("SN-F8", "9993340008", "fin8@example.com");
    ringDay(owner);
    const std::vector<std::string> paths = {"/api/v1/shifts?from=2026-12-01&to=2026-12-01", "/api/v1/shifts/sh-1",
                                            "/api/v1/receipts?from=2026-12-01&to=2026-12-01", "/api/v1/receipts/r-card",
                                            "/api/v1/cash-operations?from=2026-12-01&to=2026-12-01"};
    const auto hash = crypto::PasswordHasher::hash("Other-Horse-43", m_config.argon2, m_random);
    ASSERT_TRUE(hash.ok());
    for (const std::string role : {"cashier", "technician", "administrator"}) {
        SCOPED_TRACE(role);
        {
            auto lock = m_adminDb->lock();
            auto& db = m_adminDb->connection();
            auto account = db.queryOne("SELECT account_id FROM users WHERE email = $1", {owner.email});
            ASSERT_TRUE(account.ok() && account->has_value());
            ASSERT_TRUE(db.execute("INSERT INTO users(id, account_id, phone, email, password_hash, role, active, "
                                   "created_at) VALUES ($1, $2, NULL, $3, $4, $5, 1, 0)",
                                   {"user-" + role, (*account)->text(0), role + "@fin.example", *hash, role})
                            .ok());
        }
        const auto cookie = login(role + "@fin.example", "Other-Horse-43");
        for (const auto& path : paths) {
            auto response = get(path, cookie);
            EXPECT_EQ(response.status, role == "administrator" ? 200 : 403) << path;
        }
    }
    for (const auto& path : paths) {
        EXPECT_EQ(get(path, owner.cookie).status, 200) << path;
        EXPECT_EQ(get(path, "").status, 401) << path;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudFinanceTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
