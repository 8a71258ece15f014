#include "store/CustomerRepository.h"

#include "core/ErrorCodes.h"
#include "store/StaffFixture.h"

namespace sigma::test {
namespace {

using namespace std::chrono_literals;
using store::Customer;
using store::CustomerRepository;

class CustomerRepositoryTest : public StaffFixture {
protected:
    Customer customer(const std::string& name, std::optional<std::string> phone = std::nullopt,
                      std::optional<std::string> card = std::nullopt)
    {
        Customer c;
        c.id = newId();
        c.name = name;
        c.phone = std::move(phone);
        c.cardNumber = std::move(card);
        return c;
    }

    CustomerRepository repo() { return CustomerRepository(connection(), m_clock); }
};

TEST_F(CustomerRepositoryTest, StoresNormalisedAndFindsByAnyPhoneFormat)
{
    Customer c = customer("  Смирнов Олег ", "8 (999) 123-45-67", " 7700123 ");
    c.email = " oleg@example.ru ";
    c.bonusBalance = core::Money::fromKopecks(150'00);
    const auto stored = repo().insert(c);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->name, "Смирнов Олег");
    EXPECT_EQ(stored->phone, "+79991234567");
    EXPECT_EQ(stored->email, "oleg@example.ru");
    EXPECT_EQ(stored->cardNumber, "7700123");

    for (const char* phone : {"+7 999 1234567", "89991234567", "+79991234567", "999 123 45 67"}) {
        const auto found = repo().findByPhone(phone);
        ASSERT_TRUE(found.ok()) << phone;
        ASSERT_TRUE(found->has_value()) << phone;
        EXPECT_EQ((*found)->id, c.id);
        EXPECT_EQ((*found)->bonusBalance, core::Money::fromKopecks(150'00));
    }
    EXPECT_FALSE(repo().findByPhone("+7 999 000 00 00")->has_value());
    EXPECT_EQ(repo().findByPhone("12345").error().code, core::errc::kBadPhone);

    const auto byCard = repo().findByCard(" 7700123");
    ASSERT_TRUE(byCard.ok() && byCard->has_value());
    EXPECT_EQ((*byCard)->id, c.id);
    EXPECT_FALSE(repo().findByCard("0000")->has_value());
    EXPECT_FALSE(repo().findByCard("")->has_value());

    const auto byId = repo().findById(c.id);
    ASSERT_TRUE(byId.ok() && byId->has_value());
    EXPECT_EQ((*byId)->createdAtUs, core::toUnixMicros(m_clock.now()));
}

TEST_F(CustomerRepositoryTest, OptionalFieldsMayBeAbsent)
{
    Customer c = customer("Без телефона", std::string("   "));
    c.email = "";
    const auto stored = repo().insert(c);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_FALSE(stored->phone.has_value());
    EXPECT_FALSE(stored->email.has_value());
    // Several customers without a phone or card do not clash.
    ASSERT_TRUE(repo().insert(customer("Ещё один")).ok());
    const auto found = repo().findById(c.id);
    EXPECT_FALSE((*found)->phone.has_value());
    EXPECT_FALSE((*found)->cardNumber.has_value());
}

TEST_F(CustomerRepositoryTest, RefusesBadInputAndDuplicates)
{
    EXPECT_EQ(repo().insert(customer("X", "+1 415 555 2671")).error().code, core::errc::kBadPhone);
    Customer badMail = customer("X");
    badMail.email = "not-an-address";
    EXPECT_EQ(repo().insert(badMail).error().field, "email");
    Customer negative = customer("X");
    negative.bonusBalance = core::Money::fromKopecks(-1);
    EXPECT_EQ(repo().insert(negative).error().field, "bonusBalance");
    Customer nil = customer("X");
    nil.id = core::Uuid();
    EXPECT_EQ(repo().insert(nil).error().code, core::errc::kInvalidArgument);

    ASSERT_TRUE(repo().insert(customer("Первый", "+79990000001", "CARD-1")).ok());
    const auto samePhone = repo().insert(customer("Второй", "8 999 000-00-01"));
    ASSERT_FALSE(samePhone.ok());
    EXPECT_EQ(samePhone.error().code, core::errc::kCustomerExists);
    EXPECT_EQ(samePhone.error().field, "phone");
    const auto sameCard = repo().insert(customer("Третий", std::nullopt, "CARD-1"));
    EXPECT_EQ(sameCard.error().field, "cardNumber");
}

TEST_F(CustomerRepositoryTest, UpdateAndRemove)
{
    const Customer c = *repo().insert(customer("Анна", "+79990000001"));
    const Customer other = *repo().insert(customer("Борис", "+79990000002"));
    m_clock.advance(1min);

    Customer changed = c;
    changed.phone = "8 (999) 000-00-03";
    changed.cardNumber = "CARD-9";
    const auto updated = repo().update(changed);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->phone, "+79990000003");
    EXPECT_EQ(updated->createdAtUs, c.createdAtUs);
    EXPECT_EQ(updated->updatedAtUs, c.createdAtUs + 60'000'000);
    EXPECT_FALSE(repo().findByPhone("+79990000001")->has_value());
    // Keeping one's own phone is no conflict; taking someone else's is.
    EXPECT_TRUE(repo().update(*updated).ok());
    Customer thief = other;
    thief.phone = "+79990000003";
    EXPECT_EQ(repo().update(thief).error().code, core::errc::kCustomerExists);

    Customer ghost = customer("Призрак");
    EXPECT_EQ(repo().update(ghost).error().code, core::errc::kNotFound);

    ASSERT_TRUE(repo().remove(c.id).ok());
    EXPECT_FALSE(repo().findById(c.id)->has_value());
    EXPECT_EQ(repo().remove(c.id).error().code, core::errc::kNotFound);
}

TEST_F(CustomerRepositoryTest, BonusNeverGoesNegative)
{
    const Customer c = *repo().insert(customer("Анна"));
    const auto earned = repo().adjustBonus(c.id, core::Money::fromKopecks(500));
    ASSERT_TRUE(earned.ok()) << earned.error().message;
    EXPECT_EQ(earned->bonusBalance, core::Money::fromKopecks(500));
    const auto spent = repo().adjustBonus(c.id, core::Money::fromKopecks(-200));
    ASSERT_TRUE(spent.ok());
    EXPECT_EQ(spent->bonusBalance, core::Money::fromKopecks(300));
    const auto tooMuch = repo().adjustBonus(c.id, core::Money::fromKopecks(-301));
    ASSERT_FALSE(tooMuch.ok());
    EXPECT_EQ(tooMuch.error().code, core::errc::kInsufficientBonus);
    EXPECT_EQ((*repo().findById(c.id))->bonusBalance, core::Money::fromKopecks(300));
    EXPECT_EQ(repo().adjustBonus(newId(), core::Money::fromKopecks(1)).error().code, core::errc::kNotFound);
}

} // namespace
} // namespace sigma::test
