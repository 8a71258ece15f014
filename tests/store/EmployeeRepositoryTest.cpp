#include "store/EmployeeRepository.h"

#include "core/ErrorCodes.h"
#include "store/StaffFixture.h"

namespace sigma::test {
namespace {

using namespace std::chrono_literals;
using store::Employee;
using store::EmployeeRepository;
using store::EmployeeRole;

class EmployeeRepositoryTest : public StaffFixture {
protected:
    Employee employee(const std::string& name, EmployeeRole role = EmployeeRole::Cashier)
    {
        Employee e;
        e.id = newId();
        e.name = name;
        e.role = role;
        e.pinHash = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA";
        return e;
    }

    EmployeeRepository repo() { return EmployeeRepository(connection(), m_clock); }
};

TEST_F(EmployeeRepositoryTest, InsertFindUpdate)
{
    Employee e = employee("Иванова А.", EmployeeRole::SeniorCashier);
    e.inn = "500100732259";
    const auto stored = repo().insert(e);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->createdAtUs, core::toUnixMicros(m_clock.now()));
    EXPECT_EQ(stored->updatedAtUs, stored->createdAtUs);

    const auto found = repo().findById(e.id);
    ASSERT_TRUE(found.ok() && found->has_value());
    const Employee& f = **found;
    EXPECT_EQ(f.name, "Иванова А.");
    EXPECT_EQ(f.role, EmployeeRole::SeniorCashier);
    EXPECT_EQ(f.pinHash, e.pinHash);
    EXPECT_TRUE(f.mustChangePin);
    EXPECT_TRUE(f.active);
    EXPECT_EQ(f.inn, "500100732259");

    m_clock.advance(1h);
    Employee changed = f;
    changed.name = "Иванова-Петрова А.";
    changed.role = EmployeeRole::Administrator;
    changed.mustChangePin = false;
    const auto updated = repo().update(changed);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->createdAtUs, stored->createdAtUs);
    EXPECT_EQ(updated->updatedAtUs, stored->createdAtUs + 3'600'000'000);
    const auto again = repo().findById(e.id);
    EXPECT_EQ((*again)->role, EmployeeRole::Administrator);
    EXPECT_FALSE((*again)->mustChangePin);
    EXPECT_EQ((*again)->updatedAtUs, updated->updatedAtUs);

    EXPECT_FALSE(repo().findById(newId())->has_value());
    Employee ghost = employee("Никто");
    EXPECT_EQ(repo().update(ghost).error().code, core::errc::kNotFound);
}

TEST_F(EmployeeRepositoryTest, RefusesANilIdAndADuplicate)
{
    Employee nil = employee("Без id");
    nil.id = core::Uuid();
    EXPECT_EQ(repo().insert(nil).error().code, core::errc::kInvalidArgument);
    const Employee e = employee("Дубль");
    ASSERT_TRUE(repo().insert(e).ok());
    EXPECT_EQ(repo().insert(e).error().code, core::errc::kDbConstraint);
}

TEST_F(EmployeeRepositoryTest, ActiveListAndCounts)
{
    for (const char* name : {"Борис", "Анна", "Виктор"}) {
        ASSERT_TRUE(repo().insert(employee(name)).ok());
    }
    const auto all = repo().listAll();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3U);
    EXPECT_EQ((*all)[0].name, "Анна");
    ASSERT_TRUE(repo().setActive((*all)[0].id, false).ok());
    EXPECT_EQ(repo().setActive(newId(), false).error().code, core::errc::kNotFound);

    const auto active = repo().listActive(10);
    ASSERT_TRUE(active.ok());
    ASSERT_EQ(active->size(), 2U);
    EXPECT_EQ((*active)[0].name, "Борис");
    EXPECT_EQ(repo().listActive(1)->size(), 1U);
    EXPECT_EQ(*repo().countAll(), 3);
    EXPECT_EQ(*repo().countActive(), 2);
}

TEST_F(EmployeeRepositoryTest, SchemaRefusesUnknownRoles)
{
    const auto status = connection().execute(
        "INSERT INTO employees (id, name, role, pin_hash, created_at_us, updated_at_us) VALUES ($1, $2, $3, $4, 0, 0)",
        {newId().toString(), "X", "boss", "h"});
    EXPECT_EQ(status.error().code, core::errc::kDbConstraint);
    EXPECT_EQ(store::parseEmployeeRole("boss").error().code, core::errc::kInvalidArgument);
    for (const auto role : {EmployeeRole::Owner, EmployeeRole::Administrator, EmployeeRole::SeniorCashier,
                            EmployeeRole::Cashier, EmployeeRole::Technician}) {
        EXPECT_EQ(*store::parseEmployeeRole(store::employeeRoleName(role)), role);
    }
}

TEST_F(EmployeeRepositoryTest, LoginFailuresPerTerminal)
{
    ASSERT_TRUE(repo().recordLoginFailure("t1", 100).ok());
    ASSERT_TRUE(repo().recordLoginFailure("t1", 200).ok());
    ASSERT_TRUE(repo().recordLoginFailure("t2", 300).ok());
    EXPECT_EQ(*repo().countLoginFailures("t1", 0), 2);
    EXPECT_EQ(*repo().countLoginFailures("t1", 100), 1); // strictly after
    EXPECT_EQ(*repo().countLoginFailures("t2", 0), 1);
    ASSERT_TRUE(repo().pruneLoginFailures("t1", 100).ok());
    EXPECT_EQ(*repo().countLoginFailures("t1", 0), 1);
    ASSERT_TRUE(repo().clearLoginFailures("t1").ok());
    EXPECT_EQ(*repo().countLoginFailures("t1", 0), 0);
    EXPECT_EQ(*repo().countLoginFailures("t2", 0), 1);

    EXPECT_EQ(repo().loginLockout("t1")->lockouts, 0);
    ASSERT_TRUE(repo().saveLoginLockout("t1", {5'000, 2}).ok());
    ASSERT_TRUE(repo().saveLoginLockout("t1", {9'000, 3}).ok());
    EXPECT_EQ(repo().loginLockout("t1")->lockedUntilUs, 9'000);
    EXPECT_EQ(repo().loginLockout("t1")->lockouts, 3);
    EXPECT_EQ(repo().loginLockout("t2")->lockedUntilUs, 0);
}

} // namespace
} // namespace sigma::test
