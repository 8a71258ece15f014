// PIN login, permissions, the persisted rate limit and staff management, on a real terminal.db.

#include "till/AuthService.h"

#include "core/ErrorCodes.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <chrono>

namespace sigma::test {
namespace {

using namespace std::chrono_literals;
using store::EmployeeRole;
using till::AuthService;
using till::Permission;
using till::Session;

constexpr crypto::Argon2Cost kCheap{1, 1024, 1};

class AuthServiceTest : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }

    void reopen(crypto::Argon2Cost cost = kCheap)
    {
        m_auth.reset();
        m_database.reset();
        auto database =
            store::TerminalDatabase::open(m_dir / "terminal.db", store::TerminalDatabase::Access::Writer, "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
        m_auth = std::make_unique<AuthService>(m_database->connection(), m_clock, m_random,
                                               AuthService::Options{cost, "terminal-1"});
    }

    /// An administrator who has already chosen their PIN.
    Session admin(const std::string& pin = "2580")
    {
        const auto boot = m_auth->bootstrapAdministrator("9517");
        EXPECT_TRUE(boot.ok()) << boot.error().message;
        auto first = m_auth->login("9517");
        EXPECT_TRUE(first.ok()) << first.error().message;
        auto changed = m_auth->changePin(*first, "9517", pin);
        EXPECT_TRUE(changed.ok()) << changed.error().message;
        return changed.ok() ? *changed : Session{};
    }

    store::Employee create(const Session& by, const std::string& name, EmployeeRole role, const std::string& pin,
                           bool mustChangePin = false)
    {
        auto employee = m_auth->createEmployee(by, {name, role, pin, "", mustChangePin});
        EXPECT_TRUE(employee.ok()) << employee.error().message;
        return employee.ok() ? *employee : store::Employee{};
    }

    int loginCode(const std::string& pin)
    {
        const auto session = m_auth->login(pin);
        return session.ok() ? 0 : session.error().code;
    }

    TempDir m_dir{"sigma-auth"};
    ManualClock m_clock;
    SeededRandom m_random{21};
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<AuthService> m_auth;
};

// --- bootstrap ----------------------------------------------------------------------------------

TEST_F(AuthServiceTest, BootstrapGeneratesASixDigitPinShownOnce)
{
    const auto boot = m_auth->bootstrapAdministrator(std::nullopt);
    ASSERT_TRUE(boot.ok()) << boot.error().message;
    ASSERT_TRUE(boot->generatedPin.has_value());
    const std::string pin = *boot->generatedPin;
    EXPECT_EQ(pin.size(), 6U);
    EXPECT_TRUE(AuthService::validatePin(pin).ok()) << pin;
    EXPECT_EQ(boot->employee.role, EmployeeRole::Administrator);
    EXPECT_TRUE(boot->employee.mustChangePin);
    EXPECT_TRUE(boot->employee.pinHash.empty()); // the caller never sees the hash either

    // Stored as an Argon2id hash only.
    auto row = m_database->connection().queryOne("SELECT pin_hash FROM employees");
    ASSERT_TRUE(row.ok() && row->has_value());
    const std::string stored = (*row)->text(0);
    EXPECT_TRUE(stored.starts_with("$argon2id$v=19$m=1024,t=1,p=1$")) << stored;
    EXPECT_EQ(stored.find(pin), std::string::npos);

    const auto session = m_auth->login(pin);
    ASSERT_TRUE(session.ok()) << session.error().message;
    EXPECT_TRUE(session->mustChangePin);
    EXPECT_EQ(session->employee.id, boot->employee.id);
}

TEST_F(AuthServiceTest, BootstrapOnlyOnceAndWithAGoodPin)
{
    EXPECT_EQ(m_auth->bootstrapAdministrator("1111").error().code, core::errc::kWeakPin);
    const auto boot = m_auth->bootstrapAdministrator("4826");
    ASSERT_TRUE(boot.ok());
    EXPECT_FALSE(boot->generatedPin.has_value());
    EXPECT_EQ(m_auth->bootstrapAdministrator("4827").error().code, core::errc::kStaffAlreadyInitialized);
    EXPECT_EQ(m_auth->bootstrapAdministrator(std::nullopt).error().code, core::errc::kStaffAlreadyInitialized);
}

// --- first login, PIN change, permissions ---------------------------------------------------------

TEST_F(AuthServiceTest, MustChangePinAllowsNothingElse)
{
    ASSERT_TRUE(m_auth->bootstrapAdministrator("9517").ok());
    const auto first = m_auth->login("9517");
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(first->mustChangePin);
    for (const auto& info : till::kPermissions) {
        const auto allowed = AuthService::require(*first, info.permission);
        ASSERT_FALSE(allowed.ok());
        EXPECT_EQ(allowed.error().code, core::errc::kPinChangeRequired);
    }

    const auto changed = m_auth->changePin(*first, "9517", "3141");
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_FALSE(changed->mustChangePin);
    EXPECT_TRUE(AuthService::require(*changed, Permission::ManageStaff).ok());

    EXPECT_EQ(loginCode("9517"), core::errc::kWrongPin);
    const auto again = m_auth->login("3141");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->mustChangePin);
    EXPECT_TRUE(again->employee.pinHash.empty());
}

TEST_F(AuthServiceTest, ChangePinChecksTheOldPinAndTheRules)
{
    const Session session = admin("2580");
    EXPECT_EQ(m_auth->changePin(session, "0000", "3141").error().code, core::errc::kWrongPin);
    EXPECT_EQ(m_auth->changePin(session, "2580", "2580").error().code, core::errc::kWeakPin);
    EXPECT_EQ(m_auth->changePin(session, "2580", "5678").error().code, core::errc::kWeakPin);
    (void)create(session, "Петрова", EmployeeRole::Cashier, "7391");
    EXPECT_EQ(m_auth->changePin(session, "2580", "7391").error().code, core::errc::kPinInUse);
    EXPECT_TRUE(m_auth->changePin(session, "2580", "31415").ok());
}

TEST_F(AuthServiceTest, RequireNamesTheMissingPermission)
{
    const Session boss = admin();
    (void)create(boss, "Иванова", EmployeeRole::Cashier, "7391");
    const auto cashier = m_auth->login("7391");
    ASSERT_TRUE(cashier.ok());
    EXPECT_EQ(cashier->employee.name, "Иванова");
    EXPECT_TRUE(AuthService::require(*cashier, Permission::Sell).ok());
    const auto denied = AuthService::require(*cashier, Permission::CashOut);
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, core::errc::kPermissionDenied);
    EXPECT_EQ(denied.error().field, "cashOut");
    EXPECT_NE(denied.error().message.find("cashOut"), std::string::npos);
    EXPECT_NE(denied.error().message.find("Выплата"), std::string::npos);
}

TEST_F(AuthServiceTest, RoleTableIsComplete)
{
    for (int value = 1; value <= 12; ++value) {
        const auto permission = static_cast<Permission>(value);
        EXPECT_EQ(till::permissionInfo(permission).permission, permission) << value;
        EXPECT_TRUE(till::roleHas(EmployeeRole::Owner, permission)) << value;
    }
    EXPECT_FALSE(till::roleHas(EmployeeRole::Administrator, Permission::ServiceMode));
    EXPECT_TRUE(till::roleHas(EmployeeRole::Administrator, Permission::ManageStaff));
    EXPECT_TRUE(till::roleHas(EmployeeRole::SeniorCashier, Permission::ReturnWithoutReceipt));
    EXPECT_FALSE(till::roleHas(EmployeeRole::SeniorCashier, Permission::ManageStaff));
    EXPECT_FALSE(till::roleHas(EmployeeRole::Cashier, Permission::ReturnWithoutReceipt));
    ASSERT_EQ(till::permissionsOf(EmployeeRole::Technician).size(), 1U);
    EXPECT_EQ(till::permissionsOf(EmployeeRole::Technician)[0], Permission::ServiceMode);
}

TEST_F(AuthServiceTest, SeniorOverrideLeavesTheSessionAlone)
{
    const Session boss = admin();
    const auto senior = create(boss, "Старшая", EmployeeRole::SeniorCashier, "8642");
    (void)create(boss, "Кассир", EmployeeRole::Cashier, "7391");
    const auto cashier = m_auth->login("7391");
    ASSERT_TRUE(cashier.ok());
    ASSERT_FALSE(AuthService::require(*cashier, Permission::ReturnWithoutReceipt).ok());

    const auto approver = m_auth->authorizeOverride("8642", Permission::ReturnWithoutReceipt);
    ASSERT_TRUE(approver.ok()) << approver.error().message;
    EXPECT_EQ(approver->id, senior.id);
    EXPECT_TRUE(approver->pinHash.empty());
    EXPECT_FALSE(AuthService::require(*cashier, Permission::ReturnWithoutReceipt).ok()); // unchanged

    // A cashier cannot approve what a cashier may not do, nor a senior what a senior may not do.
    EXPECT_EQ(m_auth->authorizeOverride("7391", Permission::ReturnWithoutReceipt).error().code,
              core::errc::kPermissionDenied);
    EXPECT_EQ(m_auth->authorizeOverride("8642", Permission::ManageStaff).error().code, core::errc::kPermissionDenied);
    EXPECT_EQ(m_auth->authorizeOverride("0101", Permission::CashOut).error().code, core::errc::kWrongPin);
}

TEST_F(AuthServiceTest, OverrideByAnEmployeeWhoMustChangeThePinIsRefused)
{
    const Session boss = admin();
    (void)create(boss, "Новенькая", EmployeeRole::SeniorCashier, "8642", true);
    EXPECT_EQ(m_auth->authorizeOverride("8642", Permission::CashOut).error().code, core::errc::kPinChangeRequired);
}

// --- the rate limit ------------------------------------------------------------------------------

TEST_F(AuthServiceTest, FiveWrongPinsLockForOneMinute)
{
    (void)admin("2580");
    for (int i = 1; i <= 4; ++i) {
        const auto wrong = m_auth->login("1357");
        ASSERT_FALSE(wrong.ok());
        EXPECT_EQ(wrong.error().code, core::errc::kWrongPin) << i;
        EXPECT_NE(wrong.error().message.find(std::to_string(5 - i) + (i == 4 ? " try" : " tries")), std::string::npos)
            << wrong.error().message;
        EXPECT_EQ(wrong.error().message.find("1357"), std::string::npos); // never the PIN
        m_clock.advance(10s);
    }
    const auto fifth = m_auth->login("1357");
    ASSERT_FALSE(fifth.ok());
    EXPECT_EQ(fifth.error().code, core::errc::kLoginLocked);
    EXPECT_NE(fifth.error().message.find("1 min"), std::string::npos) << fifth.error().message;
    EXPECT_EQ(*m_auth->lockoutRemaining(), 60s);

    // Locked: even the right PIN is refused, without being checked.
    m_clock.advance(15s);
    const auto locked = m_auth->login("2580");
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().code, core::errc::kLoginLocked);
    EXPECT_NE(locked.error().message.find("45 s"), std::string::npos) << locked.error().message;

    m_clock.advance(45s);
    EXPECT_EQ(*m_auth->lockoutRemaining(), 0s);
    EXPECT_EQ(loginCode("2580"), 0);
}

TEST_F(AuthServiceTest, LockoutsGrowUpToFifteenMinutesAndAGoodPinResetsThem)
{
    (void)admin("2580");
    const std::chrono::seconds expected[] = {1min, 2min, 4min, 8min, 15min, 15min};
    for (const auto lock : expected) {
        for (int i = 0; i < 4; ++i) {
            ASSERT_EQ(loginCode("1357"), core::errc::kWrongPin);
        }
        ASSERT_EQ(loginCode("1357"), core::errc::kLoginLocked);
        EXPECT_EQ(*m_auth->lockoutRemaining(), lock);
        m_clock.advance(lock);
    }
    ASSERT_EQ(loginCode("2580"), 0);
    for (int i = 0; i < 5; ++i) {
        (void)loginCode("1357");
    }
    EXPECT_EQ(*m_auth->lockoutRemaining(), 1min);
}

TEST_F(AuthServiceTest, FailuresOutsideTheWindowDoNotCount)
{
    (void)admin("2580");
    for (int i = 0; i < 4; ++i) {
        ASSERT_EQ(loginCode("1357"), core::errc::kWrongPin);
    }
    m_clock.advance(5min + 1s);
    for (int i = 0; i < 4; ++i) {
        ASSERT_EQ(loginCode("1357"), core::errc::kWrongPin);
    }
    EXPECT_EQ(*m_auth->lockoutRemaining(), 0s);
}

TEST_F(AuthServiceTest, LockoutsADayApartStartAgainFromOneMinute)
{
    (void)admin("2580");
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 5; ++i) {
            (void)loginCode("1357");
        }
        EXPECT_EQ(*m_auth->lockoutRemaining(), 1min) << round;
        m_clock.advance(25h);
    }
}

TEST_F(AuthServiceTest, LockoutSurvivesARestart)
{
    (void)admin("2580");
    for (int i = 0; i < 5; ++i) {
        (void)loginCode("0102");
    }
    reopen();
    EXPECT_EQ(loginCode("2580"), core::errc::kLoginLocked);
    EXPECT_EQ(*m_auth->lockoutRemaining(), 1min);

    // The count of failures survives too: 3 before the restart, 2 after make a lockout.
    m_clock.advance(1min);
    ASSERT_EQ(loginCode("2580"), 0);
    for (int i = 0; i < 3; ++i) {
        (void)loginCode("0102");
    }
    reopen();
    EXPECT_EQ(loginCode("0102"), core::errc::kWrongPin);
    EXPECT_EQ(loginCode("0102"), core::errc::kLoginLocked);
}

TEST_F(AuthServiceTest, EveryPinCheckCountsTowardsTheLimit)
{
    const Session session = admin("2580");
    (void)loginCode("1357");
    (void)m_auth->authorizeOverride("1357", Permission::CashOut);
    (void)m_auth->changePin(session, "1357", "8642");
    (void)loginCode("");
    const auto fifth = m_auth->authorizeOverride("1357", Permission::CashOut);
    EXPECT_EQ(fifth.error().code, core::errc::kLoginLocked);
    EXPECT_EQ(m_auth->changePin(session, "2580", "8642").error().code, core::errc::kLoginLocked);
}

TEST_F(AuthServiceTest, TerminalsAreLimitedSeparately)
{
    (void)admin("2580");
    for (int i = 0; i < 5; ++i) {
        (void)loginCode("1357");
    }
    AuthService other(m_database->connection(), m_clock, m_random, AuthService::Options{kCheap, "terminal-2"});
    EXPECT_TRUE(other.login("2580").ok());
    EXPECT_EQ(loginCode("2580"), core::errc::kLoginLocked);
}

// --- staff management -----------------------------------------------------------------------------

TEST_F(AuthServiceTest, CreateEmployeeChecksWhoAndWhat)
{
    const Session boss = admin("2580");
    EXPECT_EQ(m_auth->createEmployee(boss, {"Владелец", EmployeeRole::Owner, "7391", "", true}).error().code,
              core::errc::kPermissionDenied); // only an owner makes owners
    EXPECT_EQ(m_auth->createEmployee(boss, {"  ", EmployeeRole::Cashier, "7391", "", true}).error().field, "name");
    EXPECT_EQ(m_auth->createEmployee(boss, {"Ким", EmployeeRole::Cashier, "1234", "", true}).error().code,
              core::errc::kWeakPin);
    EXPECT_EQ(m_auth->createEmployee(boss, {"Ким", EmployeeRole::Cashier, "2580", "", true}).error().code,
              core::errc::kPinInUse);
    EXPECT_EQ(m_auth->createEmployee(boss, {"Ким", EmployeeRole::Cashier, "7391", "500100732258", true}).error().code,
              core::errc::kBadInn);

    const auto created = m_auth->createEmployee(boss, {" Ким ", EmployeeRole::Cashier, "7391", "500100732259", true});
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_EQ(created->name, "Ким");
    EXPECT_EQ(created->inn, "500100732259");
    EXPECT_EQ(created->id.version(), 7);
    EXPECT_TRUE(created->pinHash.empty());

    const auto cashier = m_auth->login("7391");
    ASSERT_TRUE(cashier.ok());
    EXPECT_TRUE(cashier->mustChangePin);
    const auto changed = m_auth->changePin(*cashier, "7391", "3719");
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(m_auth->createEmployee(*changed, {"Ли", EmployeeRole::Cashier, "4682", "", true}).error().code,
              core::errc::kPermissionDenied);
}

TEST_F(AuthServiceTest, DeactivateAndResetPin)
{
    const Session boss = admin("2580");
    const auto cashier = create(boss, "Кассир", EmployeeRole::Cashier, "7391");
    EXPECT_EQ(m_auth->deactivateEmployee(boss, boss.employee.id).error().code, core::errc::kPermissionDenied);
    ASSERT_TRUE(m_auth->deactivateEmployee(boss, cashier.id).ok());
    EXPECT_EQ(loginCode("7391"), core::errc::kWrongPin);

    // A PIN of someone gone may be given to someone new; resetting brings the old one back with
    // a new PIN, which must differ from every active one.
    (void)create(boss, "Новый", EmployeeRole::Cashier, "7391");
    EXPECT_EQ(m_auth->resetPin(boss, cashier.id, "7391").error().code, core::errc::kPinInUse);
    const auto reset = m_auth->resetPin(boss, cashier.id, "6482");
    ASSERT_TRUE(reset.ok()) << reset.error().message;
    EXPECT_TRUE(reset->active);
    EXPECT_TRUE(reset->mustChangePin);
    const auto back = m_auth->login("6482");
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->employee.id, cashier.id);
    EXPECT_TRUE(back->mustChangePin);
}

TEST_F(AuthServiceTest, LoginWorkIsBounded)
{
    const Session boss = admin("2580");
    // Fill the terminal past the limit directly in the table (one hash for all, to be quick).
    store::EmployeeRepository employees(m_database->connection(), m_clock);
    const auto hash = crypto::PasswordHasher::hash("4682", kCheap, m_random);
    ASSERT_TRUE(hash.ok());
    for (std::size_t i = 0; i < AuthService::kMaxActiveEmployees; ++i) {
        store::Employee e;
        e.id = core::Uuid::generateV7(m_clock, m_random);
        e.name = "Я" + std::to_string(1000 + i); // sorts after the administrator
        e.pinHash = *hash;
        e.mustChangePin = false;
        ASSERT_TRUE(employees.insert(e).ok());
    }
    EXPECT_EQ(m_auth->createEmployee(boss, {"Ещё", EmployeeRole::Cashier, "7391", "", true}).error().code,
              core::errc::kTooManyEmployees);
    EXPECT_EQ(loginCode("2580"), 0); // among the first kMaxActiveEmployees by name
    EXPECT_EQ(loginCode("9999"), core::errc::kTooManyEmployees);
}

TEST_F(AuthServiceTest, LoginRehashesWhenTheCostChanged)
{
    (void)admin("2580");
    const crypto::Argon2Cost stronger{2, 2048, 1};
    reopen(stronger);
    ASSERT_EQ(loginCode("2580"), 0);
    auto row = m_database->connection().queryOne("SELECT pin_hash FROM employees");
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_TRUE((*row)->text(0).starts_with("$argon2id$v=19$m=2048,t=2,p=1$")) << (*row)->text(0);
    EXPECT_EQ(loginCode("2580"), 0);
}

TEST(AuthRules, PinRules)
{
    for (const char* weak : {"", "123", "123456789", "12a4", "12 34", "0000", "99999999", "1234", "4321", "0123",
                             "7890", "0987", "123456", "654321", "34567890"}) {
        const auto status = AuthService::validatePin(weak);
        ASSERT_FALSE(status.ok()) << weak;
        EXPECT_EQ(status.error().code, core::errc::kWeakPin) << weak;
    }
    for (const char* good : {"1357", "2580", "4826", "12345679", "1212", "0001", "97531"}) {
        EXPECT_TRUE(AuthService::validatePin(good).ok()) << good;
    }
}

TEST(AuthRules, InnRules)
{
    EXPECT_TRUE(AuthService::validateInn("").ok());
    EXPECT_TRUE(AuthService::validateInn("500100732259").ok());
    EXPECT_TRUE(AuthService::validateInn("770708389324").ok());
    for (const char* bad :
         {"50010073225", "5001007322590", "500100732258", "500100732249", "50010073225a", "7707083893"}) {
        const auto status = AuthService::validateInn(bad);
        ASSERT_FALSE(status.ok()) << bad;
        EXPECT_EQ(status.error().code, core::errc::kBadInn);
    }
}

} // namespace
} // namespace sigma::test
