// Roles and permissions, the owner's audit log, the projections added in schema v2, the
// connection pool, and HTTPS.

#include "cloud/CloudErrors.h"
#include "cloud/Permissions.h"
#include "core/ErrorCodes.h"
#include "crypto/PasswordHasher.h"
#include "support/Process.h"

#include <barrier>
#include <set>
#include <thread>

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

class CloudAccessTest : public CloudFixture {
protected:
    std::int64_t count(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().message);
        return row.ok() && row->has_value() && !(*row)->isNull(0) ? (*row)->int64(0) : -1;
    }

    /// A cabinet user of `owner`'s account with another role, written straight into the table
    /// (CloudUsersTest goes through the invitation). Returns its session cookie.
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

    std::vector<std::string> auditActions(const std::string& cookie)
    {
        const auto page = json(send("GET", "/api/v1/audit?limit=200", {}, cookie));
        std::vector<std::string> actions;
        for (const auto& entry : page["entries"]) {
            actions.push_back(entry["action"].get<std::string>());
        }
        return actions;
    }
    static bool has(const std::vector<std::string>& list, const std::string& item)
    {
        return std::find(list.begin(), list.end(), item) != list.end();
    }
};

TEST(CloudPermissions, MatrixGivesEachRoleItsRights)
{
    using P = Permission;
    for (const char* role : {"owner", "administrator", "cashier", "technician"}) {
        EXPECT_TRUE(isKnownRole(role)) << role;
        EXPECT_TRUE(roleAllows(role, P::ViewAccount)) << role;
        EXPECT_TRUE(roleAllows(role, P::ViewCatalog)) << role;
    }
    EXPECT_TRUE(roleAllows("owner", P::ViewAudit));
    EXPECT_FALSE(roleAllows("administrator", P::ViewAudit));
    EXPECT_TRUE(roleAllows("administrator", P::EditCatalog));
    EXPECT_TRUE(roleAllows("administrator", P::EditStaff));
    EXPECT_TRUE(roleAllows("owner", P::ViewAnalytics));
    EXPECT_TRUE(roleAllows("administrator", P::ViewAnalytics));
    EXPECT_TRUE(roleAllows("owner", P::ManageUsers));
    EXPECT_TRUE(roleAllows("administrator", P::ManageUsers));
    for (const char* role : {"cashier", "technician"}) {
        for (P p : {P::EditCatalog, P::ViewStaff, P::EditStaff, P::ViewAudit, P::ViewAnalytics, P::ViewFinance,
                    P::ManageUsers}) {
            EXPECT_FALSE(roleAllows(role, p)) << role << " " << static_cast<int>(p);
        }
    }
    // /me tells the cabinet the same matrix by name.
    EXPECT_EQ(permissionNames("cashier"), (std::vector<std::string>{"viewAccount", "viewCatalog"}));
    EXPECT_EQ(permissionNames("administrator"),
              (std::vector<std::string>{"viewAccount", "viewCatalog", "editCatalog", "viewStaff", "editStaff",
                                        "viewAnalytics", "viewFinance", "manageUsers"}));
    EXPECT_EQ(permissionNames("owner").size(), 9U);
    EXPECT_TRUE(permissionNames("root").empty());
    EXPECT_FALSE(isKnownRole("root"));
    EXPECT_FALSE(roleAllows("root", P::ViewAccount));
    EXPECT_FALSE(roleAllows("", P::ViewAccount));
}

TEST(CloudRetry, BusyTransactionsRunAgainThenGiveUp)
{
    int calls = 0;
    auto flaky = retryBusy([&]() -> core::Result<int> {
        ++calls;
        if (calls < 3) {
            return core::Error(core::errc::kDbBusy, "could not serialize access");
        }
        return 42;
    });
    ASSERT_TRUE(flaky.ok());
    EXPECT_EQ(*flaky, 42);
    EXPECT_EQ(calls, 3);

    calls = 0;
    auto busy = retryBusy([&]() -> core::Status {
        ++calls;
        return core::Error(core::errc::kDbBusy, "deadlock detected");
    });
    EXPECT_FALSE(busy.ok());
    EXPECT_EQ(calls, 5);
    // Other errors are not retried.
    calls = 0;
    auto other = retryBusy([&]() -> core::Status {
        ++calls;
        return core::Error(core::errc::kDbConstraint, "unique");
    });
    EXPECT_FALSE(other.ok());
    EXPECT_EQ(calls, 1);
    // What the client sees when the retries ran out.
    EXPECT_EQ(httpStatusFor(errc::kBusy), 503);
    EXPECT_EQ(errorName(errc::kBusy), "busy");
}

TEST_P(CloudAccessTest, LowerRolesGetForbidden)
{
    const auto owner = registerAccount("SN-R1", "9993330001", "owner@example.com");
    auto product = post("/api/v1/products", {{"name", "Чай"}, {"price", 100}, {"vatRate", "vat22"}}, owner.cookie);
    ASSERT_EQ(product.status, 201);
    const auto productId = json(product)["id"].get<std::string>();
    auto employee = post("/api/v1/employees", {{"name", "Кассир"}, {"role", "cashier"}}, owner.cookie);
    ASSERT_EQ(employee.status, 201);
    const auto employeeId = json(employee)["id"].get<std::string>();
    const auto productBody = core::Json{{"name", "x"}, {"price", 1}, {"vatRate", "vat22"}};
    const auto employeeBody = core::Json{{"name", "x"}, {"role", "cashier"}};
    const auto ownerId = json(send("GET", "/api/v1/me", {}, owner.cookie))["user"]["id"].get<std::string>();

    for (const std::string role : {"cashier", "technician"}) {
        SCOPED_TRACE(role);
        const auto cookie = addUser(owner, role + "@example.com", role);
        ASSERT_FALSE(cookie.empty());
        auto me = send("GET", "/api/v1/me", {}, cookie);
        EXPECT_EQ(me.status, 200);
        EXPECT_EQ(json(me)["user"]["role"], role);
        EXPECT_EQ(send("GET", "/api/v1/products", {}, cookie).status, 200);
        for (const auto& response :
             {post("/api/v1/products", productBody, cookie),
              send("PUT", "/api/v1/products/" + productId, productBody.dump(), cookie),
              send("DELETE", "/api/v1/products/" + productId, {}, cookie), send("GET", "/api/v1/employees", {}, cookie),
              post("/api/v1/employees", employeeBody, cookie),
              send("PUT", "/api/v1/employees/" + employeeId, employeeBody.dump(), cookie),
              send("DELETE", "/api/v1/employees/" + employeeId, {}, cookie), send("GET", "/api/v1/audit", {}, cookie),
              send("GET", "/api/v1/analytics?from=2026-11-01&to=2026-11-30", {}, cookie),
              send("GET", "/api/v1/users", {}, cookie),
              post("/api/v1/users", {{"name", "x"}, {"email", "x-" + role + "@example.com"}, {"role", "cashier"}},
                   cookie),
              send("PUT", "/api/v1/users/" + ownerId, R"({"name": "x"})", cookie),
              post("/api/v1/users/" + ownerId + "/disable", core::Json::object(), cookie),
              post("/api/v1/users/" + ownerId + "/enable", core::Json::object(), cookie),
              post("/api/v1/users/" + ownerId + "/invite", core::Json::object(), cookie)}) {
            EXPECT_EQ(response.status, 403) << response.body;
            EXPECT_EQ(errorCode(response), "forbidden");
        }
    }
    // Nothing changed.
    EXPECT_EQ(count("SELECT COUNT(*) FROM products WHERE id = $1 AND name = 'Чай'", {productId}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM employees WHERE id = $1 AND name = 'Кассир'", {employeeId}), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE email LIKE 'x-%'"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM users WHERE id = $1 AND status = 'active' AND name IS NULL", {ownerId}), 1);

    // An administrator manages the catalog and staff but does not read the owner's audit log.
    const auto admin = addUser(owner, "admin@example.com", "administrator");
    EXPECT_EQ(post("/api/v1/products", productBody, admin).status, 201);
    EXPECT_EQ(send("PUT", "/api/v1/employees/" + employeeId, employeeBody.dump(), admin).status, 200);
    EXPECT_EQ(send("GET", "/api/v1/audit", {}, admin).status, 403);
    EXPECT_EQ(send("GET", "/api/v1/audit", {}, owner.cookie).status, 200);
}

TEST_P(CloudAccessTest, AuditLogRecordsSecurityActionsForTheOwner)
{
    const auto a = registerAccount("SN-AU1", "9993330011", "audit-a@example.com");
    const auto b = registerAccount("SN-AU2", "9993330012", "audit-b@example.com");
    // A failed sign-in, a catalog and a staff change, a device event conflict.
    auto wrong = post("/api/v1/auth/login", {{"login", a.email}, {"password", "Wrong-Horse-00"}});
    EXPECT_EQ(wrong.status, 401);
    auto product = post("/api/v1/products", {{"name", "Кофе"}, {"price", 100}, {"vatRate", "vat22"}}, a.cookie);
    ASSERT_EQ(product.status, 201);
    ASSERT_EQ(post("/api/v1/employees", {{"name", "Ира"}, {"role", "cashier"}}, a.cookie).status, 201);
    ASSERT_EQ(send("DELETE", "/api/v1/products/" + json(product)["id"].get<std::string>(), {}, a.cookie).status, 204);
    auto events =
        chain(1, std::string(store::JournalHash::kGenesis), {{"cash.in", {{"operationId", "o1"}, {"sum", 1}}}});
    ASSERT_EQ(deviceSend(a.device, "POST", "/api/v1/device/events", eventsBody(events)).status, 200);
    auto forged = events;
    forged[0].payload["sum"] = 2;
    forged[0].hash = store::JournalHash::compute(forged[0]).value();
    EXPECT_EQ(deviceSend(a.device, "POST", "/api/v1/device/events", eventsBody(forged)).status, 409);

    const auto actions = auditActions(a.cookie);
    for (const char* expected : {"account.activated", "password.set", "device.activated", "login.ok", "login.failed",
                                 "product.upsert", "product.delete", "employee.upsert", "events.conflict"}) {
        EXPECT_TRUE(has(actions, expected)) << expected;
    }
    // The password is never in the log.
    EXPECT_EQ(send("GET", "/api/v1/audit?limit=200", {}, a.cookie).body.find("Wrong-Horse-00"), std::string::npos);
    // Tenant-scoped: B sees only its own entries.
    const auto bPage = json(send("GET", "/api/v1/audit?limit=200", {}, b.cookie));
    for (const auto& entry : bPage["entries"]) {
        EXPECT_NE(entry["action"], "product.upsert");
        EXPECT_NE(entry["action"], "events.conflict");
    }

    // Pages of 2, newest first, walk the whole log exactly once.
    std::vector<std::string> walked;
    std::set<std::string> ids;
    std::string before;
    for (int guard = 0; guard < 100; ++guard) {
        auto page = send("GET", "/api/v1/audit?limit=2" + (before.empty() ? "" : "&before=" + before), {}, a.cookie);
        ASSERT_EQ(page.status, 200) << page.body;
        const auto body = json(page);
        EXPECT_LE(body["entries"].size(), 2U);
        for (const auto& entry : body["entries"]) {
            walked.push_back(entry["action"].get<std::string>());
            EXPECT_TRUE(ids.insert(entry["id"].get<std::string>()).second) << "entry seen twice";
        }
        if (body["next"].is_null()) {
            break;
        }
        before = body["next"].get<std::string>();
    }
    EXPECT_EQ(walked, actions);
    // Another account's entry as the cursor, and malformed limits.
    const auto bFirst = bPage["entries"][0]["id"].get<std::string>();
    EXPECT_EQ(send("GET", "/api/v1/audit?before=" + bFirst, {}, a.cookie).status, 404);
    for (const char* limit : {"0", "201", "abc", "-1", "5x"}) {
        auto bad = send("GET", std::string("/api/v1/audit?limit=") + limit, {}, a.cookie);
        EXPECT_EQ(bad.status, 400) << limit;
        EXPECT_EQ(errorField(bad), "limit") << limit;
    }
    EXPECT_EQ(send("GET", "/api/v1/audit").status, 401);
}

TEST_P(CloudAccessTest, StockDocumentsCardReversalsAndFailuresAreProjected)
{
    const auto account = registerAccount("SN-P1", "9993330021", "proj@example.com");
    const core::Json receiving = {{"documentId", "doc-1"},
                                  {"kind", "receiving"},
                                  {"number", 3},
                                  {"createdAt", 1796378400000000},
                                  {"postedAt", 1796378460000000},
                                  {"employeeId", "e1"},
                                  {"postedBy", "e1"},
                                  {"supplier", "ООО Поставщик"},
                                  {"totalCost", 15000},
                                  {"lines",
                                   {{{"position", 0},
                                     {"productId", "p1"},
                                     {"sku", "A1"},
                                     {"name", "Чай"},
                                     {"unit", 0},
                                     {"quantity", 5000},
                                     {"cost", 2000},
                                     {"amount", 10000}},
                                    {{"position", 2},
                                     {"productId", "p2"},
                                     {"sku", "A2"},
                                     {"name", "Кофе"},
                                     {"unit", 0},
                                     {"quantity", 1000},
                                     {"cost", 5000},
                                     {"amount", 5000}}}}};
    const core::Json inventory = {{"documentId", "doc-2"},
                                  {"kind", "inventory"},
                                  {"number", 1},
                                  {"postedAt", 1796378500000000},
                                  {"lines", {{{"position", 0}, {"productId", "p1"}, {"countedQuantity", 4000}}}}};
    auto events = chain(1, std::string(store::JournalHash::kGenesis),
                        {{"stock.document", receiving},
                         {"stock.document", inventory},
                         {"receipt.failed", {{"receiptId", "r-9"}, {"reason", "нет связи"}, {"code", 2}}},
                         {"card.reversed", {{"receiptId", "r-9"}, {"position", 1}, {"sum", 7000}, {"rrn", "123"}}}});
    auto sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events));
    ASSERT_EQ(sent.status, 200) << sent.body;
    // A retry of the whole batch projects nothing twice.
    sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events),
                      std::to_string(std::stoll(nowSeconds()) + 1));
    ASSERT_EQ(sent.status, 200) << sent.body;

    EXPECT_EQ(count("SELECT COUNT(*) FROM stock_documents"), 2);
    EXPECT_EQ(count("SELECT total_cost FROM stock_documents WHERE document_id = 'doc-1' AND kind = 'receiving' AND "
                    "number = 3 AND device_id = $1",
                    {account.device.id}),
              15000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stock_movements WHERE document_id = 'doc-1'"), 2);
    EXPECT_EQ(count("SELECT quantity FROM stock_movements WHERE document_id = 'doc-1' AND position = 2"), 1000);
    EXPECT_EQ(count("SELECT posted_at FROM stock_movements WHERE document_id = 'doc-1' AND position = 0"),
              1796378460000000);
    EXPECT_EQ(count("SELECT counted_quantity FROM stock_movements WHERE document_id = 'doc-2' AND kind = "
                    "'inventory'"),
              4000);
    EXPECT_EQ(count("SELECT failure_code FROM receipts WHERE receipt_id = 'r-9' AND status = 'failed'"), 2);
    EXPECT_EQ(count("SELECT sum FROM card_reversals WHERE receipt_id = 'r-9' AND position = 1 AND rrn = '123'"), 7000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM card_reversals"), 1);

    // A batch whose chain breaks halfway projects nothing of it (one transaction).
    auto more =
        chain(5, events.back().hash,
              {{"stock.document", {{"documentId", "doc-3"}, {"kind", "writeOff"}, {"lines", core::Json::array()}}},
               {"cash.in", {{"operationId", "o"}, {"sum", 1}}}});
    more[1].prevHash = std::string(64, 'a');
    more[1].hash = store::JournalHash::compute(more[1]).value();
    EXPECT_EQ(deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(more)).status, 409);
    EXPECT_EQ(count("SELECT COUNT(*) FROM stock_documents WHERE document_id = 'doc-3'"), 0);
}

TEST_P(CloudAccessTest, ConcurrentBatchesOfOneDeviceStoreEachEventOnce)
{
    const auto account = registerAccount("SN-C1", "9993330031", "conc@example.com");
    std::vector<std::pair<std::string, core::Json>> items;
    for (int i = 0; i < 20; ++i) {
        items.push_back({"cash.in", {{"operationId", "op-" + std::to_string(i)}, {"sum", i + 1}}});
    }
    const auto body = eventsBody(chain(1, std::string(store::JournalHash::kGenesis), items));
    const auto port = m_server->port();
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    const std::int64_t base = std::stoll(nowSeconds());
    for (int t = 0; t < 6; ++t) {
        threads.emplace_back([&, t] {
            net::HttpClient client;
            net::HttpClientRequest request;
            request.method = "POST";
            request.url = "http://127.0.0.1:" + std::to_string(port) + "/api/v1/device/events";
            request.body = body;
            const std::string ts = std::to_string(base - t); // distinct signatures
            request.headers.set("Content-Type", "application/json");
            request.headers.set("X-Sigma-Device", account.device.id);
            request.headers.set("X-Sigma-Timestamp", ts);
            request.headers.set("X-Sigma-Signature",
                                signDeviceRequest(account.device.key, "POST", "/api/v1/device/events", ts, body));
            auto response = client.send(request);
            if (response.ok() && response->status == 200 && json(*response)["ackedSeq"] == 20) {
                ++ok;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(ok.load(), 6);
    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events WHERE device_id = $1", {account.device.id}), 20);
    EXPECT_EQ(count("SELECT COUNT(*) FROM cash_operations"), 20);
    EXPECT_EQ(count("SELECT SUM(sum) FROM cash_operations"), 210);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudAccessTest, ::testing::ValuesIn(backends()), backendName);

/// The pool hands different connections to threads at once, and the same one to a nested lease.
TEST(CloudDatabasePool, LeasesRunInParallelAndNest)
{
    sigma::test::TempDir dir("sigma-cloud-pool");
    auto database = CloudDatabase::open(defaultDatabaseUrl(dir.path()), 2);
    ASSERT_TRUE(database.ok()) << database.error().message;
    auto& pool = **database;
    EXPECT_EQ(pool.size(), 2U);
    db::Connection* outer = nullptr;
    {
        auto lease = pool.lock();
        outer = &pool.connection();
        auto nested = pool.lock(); // with a plain mutex this would deadlock
        EXPECT_EQ(&pool.connection(), outer);
    }
    // Two threads each hold a lease at the same time: with one connection behind a lock the
    // barrier would never be passed.
    std::barrier both(2);
    std::vector<db::Connection*> seen(2, nullptr);
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i) {
        threads.emplace_back([&, i] {
            auto lease = pool.lock();
            seen[i] = &pool.connection();
            auto read = pool.connection().queryOne("SELECT COUNT(*) FROM accounts");
            EXPECT_TRUE(read.ok());
            both.arrive_and_wait();
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_NE(seen[0], seen[1]);
    // WAL: readers do not block the writer.
    auto lease = pool.lock();
    auto mode = pool.connection().queryOne("PRAGMA journal_mode");
    ASSERT_TRUE(mode.ok() && mode->has_value());
    EXPECT_EQ((*mode)->text(0), "wal");
}

/// HTTPS with a certificate made for this run: a client that trusts it gets answers, one that
/// does not is refused, and a broken key pair keeps the server from starting.
class CloudTlsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const auto openssl = sigma::test::runProcess(
            "/usr/bin/openssl",
            {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
             (m_dir.path() / "key.pem").string(), "-out", (m_dir.path() / "cert.pem").string(), "-days", "1", "-subj",
             "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"});
        ASSERT_EQ(openssl.exitCode, 0) << openssl.err;
        const auto other = sigma::test::runProcess("/usr/bin/openssl", {"genpkey", "-algorithm", "EC", "-pkeyopt",
                                                                        "ec_paramgen_curve:P-256", "-out",
                                                                        (m_dir.path() / "other-key.pem").string()});
        ASSERT_EQ(other.exitCode, 0) << other.err;
        m_config.dataDir = m_dir.path();
        m_config.port = 0;
        m_config.publicUrl = "https://127.0.0.1";
        m_config.argon2 = crypto::Argon2Cost{1, 8, 1};
        m_config.accessLog = false;
        m_config.tlsCertFile = m_dir.path() / "cert.pem";
        m_config.tlsKeyFile = m_dir.path() / "key.pem";
    }

    std::unique_ptr<CloudServer> makeServer()
    {
        auto database = CloudDatabase::open(defaultDatabaseUrl(m_dir.path()));
        EXPECT_TRUE(database.ok());
        return std::make_unique<CloudServer>(m_config, std::move(database).value(), m_clock, m_random);
    }

    sigma::test::TempDir m_dir{"sigma-cloud-tls"};
    CloudConfig m_config;
    OffsetClock m_clock;
    crypto::OsRandom m_random;
};

TEST_F(CloudTlsTest, TrustedClientsTalkOthersAreRefused)
{
    auto server = makeServer();
    ASSERT_TRUE(server->start().ok());
    const std::string base = "https://127.0.0.1:" + std::to_string(server->port());
    net::HttpClient client;
    net::HttpClientRequest request;
    request.url = base + "/api/v1/me";
    request.caBundlePath = (m_dir.path() / "cert.pem").string();
    for (int i = 0; i < 3; ++i) { // keep-alive over one TLS connection
        auto trusted = client.send(request);
        ASSERT_TRUE(trusted.ok()) << trusted.error().message;
        EXPECT_EQ(trusted->status, 401);
        EXPECT_NE(trusted->body.find("unauthorized"), std::string::npos) << trusted->body;
    }
    request.url = base + "/api/v1/nothing-here";
    auto missing = client.send(request);
    ASSERT_TRUE(missing.ok());
    EXPECT_EQ(missing->status, 404);

    // Verification on, our CA not given: the system store does not know it.
    net::HttpClient stranger;
    net::HttpClientRequest untrusted;
    untrusted.url = base + "/api/v1/me";
    auto refused = stranger.send(untrusted);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kTlsFailure) << refused.error().message;
    // Plain HTTP to the TLS port gets no HTTP answer.
    net::HttpClientRequest plain;
    plain.url = "http://127.0.0.1:" + std::to_string(server->port()) + "/api/v1/me";
    plain.totalTimeoutMs = 5000;
    auto answer = net::HttpClient().send(plain);
    EXPECT_TRUE(!answer.ok() || answer->status == 400) << (answer.ok() ? answer->body : answer.error().message);
    // The server still serves trusted clients after the failed handshakes.
    request.url = base + "/api/v1/me";
    auto after = net::HttpClient().send(request);
    ASSERT_TRUE(after.ok()) << after.error().message;
    EXPECT_EQ(after->status, 401);
    server->stop();
}

TEST_F(CloudTlsTest, BadKeyOrCertificateKeepsTheServerDown)
{
    m_config.tlsKeyFile = m_dir.path() / "other-key.pem";
    auto mismatched = makeServer()->start();
    ASSERT_FALSE(mismatched.ok());
    EXPECT_EQ(mismatched.error().code, core::errc::kTlsFailure);
    EXPECT_EQ(mismatched.error().field, "tlsPrivateKeyFile");

    m_config.tlsKeyFile = m_dir.path() / "key.pem";
    m_config.tlsCertFile = m_dir.path() / "missing.pem";
    auto missing = makeServer()->start();
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().field, "tlsCertificateFile");

    std::ofstream(m_dir.path() / "garbage.pem") << "-----BEGIN CERTIFICATE-----\nnot base64\n";
    m_config.tlsCertFile = m_dir.path() / "garbage.pem";
    EXPECT_FALSE(makeServer()->start().ok());
}

/// The server speaks TLS 1.2 and up only: a client offering nothing older than 1.1 gets the
/// protocol_version alert (70) from the server. The client's own floor is lowered
/// (SECLEVEL=0), so the refusal comes from the server, and the same client with TLS 1.2 connects.
TEST_F(CloudTlsTest, ClientsOfferingOnlyTls11OrOlderAreRefused)
{
    auto server = makeServer();
    ASSERT_TRUE(server->start().ok());
    const std::string address = "127.0.0.1:" + std::to_string(server->port());
    const std::string ca = (m_dir.path() / "cert.pem").string();
    auto connect = [&](const std::string& version) {
        return sigma::test::runProcess("/usr/bin/openssl", {"s_client", "-connect", address, version, "-cipher",
                                                            "DEFAULT@SECLEVEL=0", "-CAfile", ca});
    };
    for (const std::string version : {"-tls1_1", "-tls1"}) {
        const auto old = connect(version);
        EXPECT_NE(old.exitCode, 0) << version << "\n" << old.out << old.err;
        EXPECT_NE(old.err.find("alert protocol version"), std::string::npos) << version << "\n" << old.err;
        EXPECT_NE(old.out.find("Cipher is (NONE)"), std::string::npos) << version << "\n" << old.out;
    }
    const auto modern = connect("-tls1_2");
    EXPECT_EQ(modern.exitCode, 0) << modern.out << modern.err;
    EXPECT_NE(modern.out.find("Protocol  : TLSv1.2"), std::string::npos) << modern.out;
    EXPECT_NE(modern.out.find("New, TLSv1.2, Cipher is "), std::string::npos) << modern.out;
    EXPECT_NE(modern.out.find("Verify return code: 0 (ok)"), std::string::npos) << modern.out;
    server->stop();
}

/// The body limit holds over TLS: 413 with the JSON error above it, a normal answer at it, and
/// the server keeps serving afterwards.
TEST_F(CloudTlsTest, BodiesOverTheLimitGet413OverTls)
{
    m_config.maxBodyBytes = 2048;
    auto server = makeServer();
    ASSERT_TRUE(server->start().ok());
    net::HttpClientRequest request;
    request.method = "POST";
    request.url = "https://127.0.0.1:" + std::to_string(server->port()) + "/api/v1/auth/login";
    request.caBundlePath = (m_dir.path() / "cert.pem").string();
    request.headers.set("Content-Type", "application/json");
    request.headers.set("Origin", m_config.publicUrl);
    auto body = [](std::size_t size) {
        const std::string head = R"({"login": "a@example.com", "password": ")";
        return head + std::string(size - head.size() - 2, 'x') + "\"}";
    };
    request.body = body(2049);
    auto tooLarge = net::HttpClient().send(request);
    ASSERT_TRUE(tooLarge.ok()) << tooLarge.error().message;
    EXPECT_EQ(tooLarge->status, 413) << tooLarge->body;
    EXPECT_NE(tooLarge->body.find("payload_too_large"), std::string::npos) << tooLarge->body;

    request.body = body(2048);
    auto atLimit = net::HttpClient().send(request);
    ASSERT_TRUE(atLimit.ok()) << atLimit.error().message;
    EXPECT_EQ(atLimit->status, 401) << atLimit->body; // read and answered: no such login

    request.body = body(64 * 1024);
    auto muchLarger = net::HttpClient().send(request);
    ASSERT_TRUE(muchLarger.ok()) << muchLarger.error().message;
    EXPECT_EQ(muchLarger->status, 413) << muchLarger->body;
    server->stop();
}

} // namespace
} // namespace sigma::cloud::test
