#pragma once

#include "store/CatalogRepository.h"
#include "store/EmployeeRepository.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"
#include "till/MasterService.h"
#include "till/TillFixture.h"

#include <cstdlib>
#include <ctime>

namespace sigma::test {

/// A salon on a real terminal.db and the emulated register: two masters (10:00-20:00 and no
/// hours), a cashier who is not a master, two catalog services. Local time is Moscow (UTC+3, no
/// daylight saving), set for the process so the test does not depend on the machine's zone.
class ServicesFixture : public TillFixture {
protected:
    void SetUp() override
    {
        setenv("TZ", "MSK-3", 1);
        tzset();
        TillFixture::SetUp();
        m_catalog = std::make_unique<store::CatalogRepository>(*m_database);
        m_lookup = std::make_unique<till::ProductLookup>(*m_catalog);
        m_olga = addEmployee("Ольга");
        m_ivan = addEmployee("Иван");
        m_cashierOnly = addEmployee("Кассир");
        m_cashier.employeeId = m_cashierOnly;
        ASSERT_TRUE(masters().save({m_olga, "Парикмахер", std::pair{10 * 60, 20 * 60}, true}, m_cashier).ok());
        ASSERT_TRUE(masters().save({m_ivan, "Барбер", std::nullopt, true}, m_cashier).ok());
        addService("CUT-1", "Стрижка женская", 150000);
        addService("COLOR-1", "Окрашивание", 450000);
    }

    std::string addEmployee(const std::string& name)
    {
        store::Employee e;
        e.id = core::Uuid::generateV7(m_clock, m_random);
        e.name = name;
        e.pinHash = "not-a-hash";
        store::EmployeeRepository employees(m_database->connection(), m_clock);
        auto saved = employees.insert(e);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return e.id.toString();
    }

    void addService(const std::string& sku, const std::string& name, std::int64_t kopecks)
    {
        store::CatalogProduct p;
        p.id = core::Uuid::generateV7(m_clock, m_random).toString();
        p.sku = sku;
        p.name = name;
        p.price = core::Money::fromKopecks(kopecks);
        p.vat = core::VatRate::None;
        p.paymentObject = core::PaymentObject::Service;
        auto added = m_catalog->upsertProduct(p);
        ASSERT_TRUE(added.ok()) << added.error().message;
    }

    /// Local Moscow time on 2026-12-10 (a day ahead of the fixture's clock).
    static std::int64_t at(int hour, int minute = 0, int day = 10)
    {
        char text[32];
        std::snprintf(text, sizeof text, "2026-12-%02dT%02d:%02d", day, hour, minute);
        return *till::parseLocalDateTime(text);
    }

    till::MasterService masters() { return till::MasterService(*m_context); }
    till::AppointmentService appointments() { return till::AppointmentService(*m_context, *m_lookup); }
    till::CustomerService customers() { return till::CustomerService(*m_context); }

    core::Result<store::Appointment> book(const std::string& staffId, std::int64_t start, int minutes,
                                          std::vector<std::string> skus = {}, std::string customerId = {})
    {
        till::NewAppointment a;
        a.staffId = staffId;
        a.startsAtUs = start;
        a.durationMin = minutes;
        a.customerId = std::move(customerId);
        for (auto& sku : skus) {
            a.services.push_back({std::move(sku), {}, {}, core::VatRate::None, {}});
        }
        return appointments().create(a, m_cashier);
    }

    std::vector<store::JournalEvent> events()
    {
        auto all = m_context->journal().after(0, 1000);
        EXPECT_TRUE(all.ok());
        return all.ok() ? *all : std::vector<store::JournalEvent>();
    }

    std::vector<store::JournalEvent> eventsOfType(const std::string& type)
    {
        std::vector<store::JournalEvent> out;
        for (auto& e : events()) {
            if (e.type == type) {
                out.push_back(e);
            }
        }
        return out;
    }

    std::unique_ptr<store::CatalogRepository> m_catalog;
    std::unique_ptr<till::ProductLookup> m_lookup;
    std::string m_olga;
    std::string m_ivan;
    std::string m_cashierOnly;
};

} // namespace sigma::test
