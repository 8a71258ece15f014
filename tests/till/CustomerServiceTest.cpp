// Customers at the counter: created with a valid phone, found by a phone fragment or a name,
// shown with their visits.

#include "core/ErrorCodes.h"
#include "till/ReturnService.h"
#include "till/ServicesFixture.h"
#include "till/TillErrors.h"

namespace sigma::test {
namespace {

class CustomerServiceTest : public ServicesFixture {
protected:
    std::vector<std::string> namesFound(std::string_view query)
    {
        auto found = customers().find(query);
        EXPECT_TRUE(found.ok()) << query << ": " << (found.ok() ? "" : found.error().message);
        std::vector<std::string> names;
        if (found.ok()) {
            for (const auto& c : *found) {
                names.push_back(c.name);
            }
        }
        return names;
    }
};

TEST_F(CustomerServiceTest, APhoneIsRequiredAndValidated)
{
    for (const char* phone : {"", "   ", "12345", "+7 999 123-45-6", "+7 999 123-45-678", "+1 212 555 0100",
                              "8 (999) 123-45-6x", "телефон", "+7 099 123-45-67", "8999123456"}) {
        auto refused = customers().create({"Анна", phone, ""}, m_cashier);
        ASSERT_FALSE(refused.ok()) << phone;
        EXPECT_EQ(refused.error().code, core::errc::kBadPhone) << phone;
        EXPECT_EQ(refused.error().field, "phone") << phone;
    }
    auto bad = customers().create({"Анна", "+79991234567", "not-an-email"}, m_cashier);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, core::errc::kInvalidArgument);
    EXPECT_TRUE(eventsOfType("customer.saved").empty());

    auto created = customers().create({"  Анна Петрова ", "8 (999) 123-45-67", "anna@example.ru"}, m_cashier);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_EQ(created->phone, "+79991234567");
    EXPECT_EQ(created->name, "Анна Петрова");
    // The same number in another format is the same customer.
    auto twice = customers().create({"Другая", "+7 999 1234567", ""}, m_cashier);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, core::errc::kCustomerExists);

    const auto saved = eventsOfType("customer.saved");
    ASSERT_EQ(saved.size(), 1u);
    EXPECT_EQ(saved[0].payload["customerId"], created->id.toString());
    EXPECT_EQ(saved[0].payload["phone"], "+79991234567");
    EXPECT_EQ(saved[0].payload["email"], "anna@example.ru");
}

TEST_F(CustomerServiceTest, FoundByPhoneFragmentOrNameWords)
{
    ASSERT_TRUE(customers().create({"Анна Петрова", "+79991234567", ""}, m_cashier).ok());
    ASSERT_TRUE(customers().create({"Пётр Иванов", "+79161230000", ""}, m_cashier).ok());
    ASSERT_TRUE(customers().create({"Алёна Петровская-Смирнова", "+79035554567", ""}, m_cashier).ok());

    EXPECT_EQ(namesFound("4567"), (std::vector<std::string>{"Алёна Петровская-Смирнова", "Анна Петрова"}));
    EXPECT_EQ(namesFound("123"), (std::vector<std::string>{"Анна Петрова", "Пётр Иванов"}));
    EXPECT_EQ(namesFound("999 123"), (std::vector<std::string>{"Анна Петрова"}));
    EXPECT_EQ(namesFound("+7 916"), (std::vector<std::string>{"Пётр Иванов"}));
    // A whole number in any format finds exactly it.
    EXPECT_EQ(namesFound("8 (903) 555-45-67"), (std::vector<std::string>{"Алёна Петровская-Смирнова"}));
    EXPECT_TRUE(namesFound("+7 900 000-00-00").empty());
    // The country code's 7 is not a digit of the number: "+7 99" is a two-digit fragment.
    EXPECT_EQ(customers().find("+7 99").error().code, till::errc::kCustomerQueryTooShort);

    // Names: word starts, any case, ё = е, punctuation ignored.
    EXPECT_EQ(namesFound("петр"),
              (std::vector<std::string>{"Алёна Петровская-Смирнова", "Анна Петрова", "Пётр Иванов"}));
    EXPECT_EQ(namesFound("ПЕТРОВА"), (std::vector<std::string>{"Анна Петрова"}));
    EXPECT_EQ(namesFound("ален смир"), (std::vector<std::string>{"Алёна Петровская-Смирнова"}));
    EXPECT_EQ(namesFound("ан пет"), (std::vector<std::string>{"Анна Петрова"}));
    EXPECT_TRUE(namesFound("нна").empty()); // the middle of a word is not a start

    for (const char* tooShort : {"", "  ", "а", "12", "+7", "-", "%"}) {
        auto refused = customers().find(tooShort);
        ASSERT_FALSE(refused.ok()) << tooShort;
        EXPECT_EQ(refused.error().code, till::errc::kCustomerQueryTooShort) << tooShort;
    }
}

TEST_F(CustomerServiceTest, CustomersFromBeforeTheSearchColumnAreFoundToo)
{
    // A row written the way schema version 3 wrote it: no search_name.
    ASSERT_TRUE(m_database->connection()
                    .execute("INSERT INTO customers (id, name, phone, created_at_us, updated_at_us) VALUES "
                             "('01939a4c-0000-7000-8000-0000000000aa', 'Ёлкина Ольга', '+79990001122', 1, 1)")
                    .ok());
    EXPECT_EQ(namesFound("елкина"), (std::vector<std::string>{"Ёлкина Ольга"}));
    // Renamed by a release that does not know the search column: found by the new name only.
    ASSERT_TRUE(m_database->connection()
                    .execute("UPDATE customers SET name = 'Иголкина Ольга' WHERE phone = '+79990001122'")
                    .ok());
    EXPECT_EQ(namesFound("иголк"), (std::vector<std::string>{"Иголкина Ольга"}));
    EXPECT_TRUE(namesFound("елкина").empty());
}

TEST_F(CustomerServiceTest, TheCardShowsVisitsAndAppointments)
{
    openShift();
    auto anna = customers().create({"Анна", "+79991234567", ""}, m_cashier);
    auto other = customers().create({"Борис", "+79997654321", ""}, m_cashier);
    ASSERT_TRUE(anna.ok() && other.ok());
    auto a = book(m_olga, at(12), 60, {"CUT-1"}, anna->id.toString());
    ASSERT_TRUE(a.ok());
    auto paid =
        appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(150000)}}, m_cashier);
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    // A walk-in sale to Anna, and one to somebody else.
    for (const auto& customer : {*anna, *other}) {
        till::SaleSession sale(*m_context, *m_lookup);
        ASSERT_TRUE(sale.setCurrentStaff(m_ivan).ok());
        ASSERT_TRUE(sale.addBySku("COLOR-1").ok());
        ASSERT_TRUE(sale.setCustomerId(customer.id.toString()).ok());
        m_clock.advance(std::chrono::minutes(5));
        ASSERT_TRUE(till::CheckoutService(*m_context)
                        .checkout(sale.checkoutRequest({{core::PaymentType::Cash, core::Money::fromKopecks(450000)}},
                                                       m_cashier))
                        .ok());
    }
    auto upcoming = book(m_ivan, at(12, 0, 20), 60, {}, anna->id.toString());
    ASSERT_TRUE(upcoming.ok());

    auto card = customers().card(anna->id.toString());
    ASSERT_TRUE(card.ok()) << card.error().message;
    ASSERT_EQ(card->visits.size(), 2u);
    EXPECT_EQ(card->visits[0].total.kopecks(), 450000); // the latest first
    EXPECT_EQ(card->visits[1].id, paid->receipt.id);
    EXPECT_EQ(card->visits[1].lines[0].staffId, m_olga);
    ASSERT_EQ(card->appointments.size(), 2u);
    EXPECT_EQ(card->appointments[0].id, upcoming->id);
    EXPECT_EQ(card->appointments[1].status, "done");
    const auto json = card->toJson();
    EXPECT_EQ(json["visits"][1]["lines"][0]["staffId"], m_olga);
    EXPECT_EQ(json["phone"], "+79991234567");

    // A return of the visit is on the card too, with its master (revenue per employee goes down).
    m_clock.advance(std::chrono::minutes(5));
    auto returned =
        till::ReturnService(*m_context).returnByReceipt(paid->receipt.id, {{0, core::Quantity::pieces(1)}}, m_cashier);
    ASSERT_TRUE(returned.ok()) << returned.error().message;
    EXPECT_EQ(returned->receipt.customerId, anna->id.toString());
    auto after = customers().card(anna->id.toString());
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->visits.size(), 3u);
    EXPECT_EQ(after->visits[0].operation, "sellReturn");
    EXPECT_EQ(after->visits[0].lines[0].staffId, m_olga);

    auto missing = customers().card("01939a4c-0000-7000-8000-000000000000");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, till::errc::kCustomerNotFound);
    EXPECT_EQ(customers().card("garbage").error().code, till::errc::kCustomerNotFound);

    // An unknown customer cannot be booked.
    auto ghost = book(m_olga, at(15), 60, {}, "01939a4c-0000-7000-8000-000000000000");
    ASSERT_FALSE(ghost.ok());
    EXPECT_EQ(ghost.error().code, till::errc::kCustomerNotFound);
}

} // namespace
} // namespace sigma::test
