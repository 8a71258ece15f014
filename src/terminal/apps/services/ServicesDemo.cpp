#include "terminal/apps/services/ServicesDemo.h"

#include "core/ErrorCodes.h"
#include "terminal/DemoData.h"
#include "terminal/MainWindow.h"
#include "terminal/StatusBar.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/services/AppointmentsScreen.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"
#include "till/MasterService.h"

#include <QPushButton>

#include <optional>

namespace sigma::terminal {

namespace {

void click(MainWindow& window, const char* name)
{
    for (auto* b : window.findChildren<QPushButton*>(QString::fromLatin1(name))) {
        if (b->isVisible()) {
            b->click();
            return;
        }
    }
}

} // namespace

core::Status ServicesDemo::seed(TerminalRuntime& rt)
{
    auto& auth = rt.auth();
    SIGMA_ASSIGN_OR_RETURN(auto adminSession, DemoData::seedStaff(rt, "Техник Сервис"));

    struct Staff {
        const char* name;
        const char* pin;
        const char* specialty;
        std::optional<std::pair<int, int>> hours;
    };
    const Staff staff[] = {{"Ольга Смирнова", "4826", "Парикмахер", std::pair{10 * 60, 20 * 60}},
                           {"Дарья Волкова", "5937", "Мастер маникюра", std::nullopt}};
    till::Cashier by{adminSession.employee.id.toString(), adminSession.employee.name, {}};
    for (const auto& s : staff) {
        till::NewEmployee e;
        e.name = s.name;
        e.role = store::EmployeeRole::Cashier;
        e.pin = s.pin;
        e.mustChangePin = false;
        SIGMA_ASSIGN_OR_RETURN(auto employee, auth.createEmployee(adminSession, e));
        SIGMA_ASSIGN_OR_RETURN(
            auto master, till::MasterService(rt.till()).save({employee.id.toString(), s.specialty, s.hours, true}, by));
        (void)master;
    }

    struct Service {
        const char* sku;
        const char* name;
        std::int64_t kopecks;
        int category;
    };
    const Service services[] = {
        {kHairSku, "Стрижка женская", 150000, 0},
        {"S-CUTM", "Стрижка мужская", 90000, 0},
        {"S-KID", "Стрижка детская", 70000, 0},
        {"S-STYLE", "Укладка", 120000, 0},
        {"S-COLOR", "Окрашивание в один тон", 450000, 1},
        {"S-TONE", "Тонирование", 280000, 1},
        {kManicureSku, "Маникюр", 120000, 2},
        {"S-GEL", "Покрытие гель-лак", 150000, 2},
        {"S-PEDI", "Педикюр", 200000, 2},
    };
    SIGMA_ASSIGN_OR_RETURN(auto categoryIds, DemoData::addCategories(rt, {"Стрижки", "Окрашивание", "Ногти"}));
    for (const auto& s : services) {
        store::CatalogProduct p;
        p.id = rt.newUuid();
        p.sku = s.sku;
        p.name = s.name;
        p.price = core::Money::fromKopecks(s.kopecks);
        p.vat = core::VatRate::None;
        p.paymentObject = core::PaymentObject::Service;
        p.categoryId = categoryIds[static_cast<std::size_t>(s.category)];
        p.updatedAtUs = rt.till().nowUs();
        SIGMA_TRY(rt.catalog().upsertProduct(p));
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, auth.login(DemoData::kCashierPin));
    rt.session() = std::move(session);
    return core::ok();
}

core::Result<std::string> ServicesDemo::masterId(TerminalRuntime& rt, int index)
{
    SIGMA_ASSIGN_OR_RETURN(auto masters, till::MasterService(rt.till()).list());
    for (const auto& m : masters) {
        if ((index == 0 && m.specialty == "Парикмахер") || (index == 1 && m.specialty == "Мастер маникюра")) {
            return m.employeeId;
        }
    }
    return core::Error(core::errc::kInternal, "no demo master " + std::to_string(index));
}

core::Status ServicesDemo::prepareScreenshot(TerminalRuntime& rt)
{
    SIGMA_TRY(seed(rt));
    SIGMA_ASSIGN_OR_RETURN(auto shift, rt.shifts().open(rt.cashier()));
    (void)shift;
    SIGMA_ASSIGN_OR_RETURN(auto olga, masterId(rt, 0));
    SIGMA_ASSIGN_OR_RETURN(auto darya, masterId(rt, 1));
    till::CustomerService customers(rt.till());
    SIGMA_ASSIGN_OR_RETURN(auto maria, customers.create({"Мария Кузнецова", "+7 916 123-45-67", ""}, rt.cashier()));
    SIGMA_ASSIGN_OR_RETURN(auto elena, customers.create({"Елена Соколова", "8 (903) 765-43-21", ""}, rt.cashier()));

    // A visit already paid today, so the customer's card has a history.
    till::AppointmentService appointments(rt.till(), rt.lookup());
    const core::Date today = rt.till().today();
    const std::int64_t midnight = till::localMidnightUs(today);
    constexpr std::int64_t kMinuteUs = 60'000'000;
    auto book = [&](const std::string& master, int startMin, int minutes, std::vector<std::string> skus,
                    const std::string& customer) -> core::Result<store::Appointment> {
        till::NewAppointment a;
        a.staffId = master;
        a.customerId = customer;
        a.startsAtUs = midnight + startMin * kMinuteUs;
        a.durationMin = minutes;
        for (auto& sku : skus) {
            a.services.push_back({std::move(sku), {}, {}, core::VatRate::None, {}});
        }
        return appointments.create(a, rt.cashier());
    };
    SIGMA_ASSIGN_OR_RETURN(auto paid, book(olga, 10 * 60, 60, {kHairSku}, maria.id.toString()));
    SIGMA_ASSIGN_OR_RETURN(
        auto receipt,
        appointments.checkout(paid.id, {{core::PaymentType::Cash, core::Money::fromKopecks(150000)}}, rt.cashier()));
    (void)receipt;
    SIGMA_TRY(book(olga, 12 * 60, 90, {"S-COLOR"}, elena.id.toString()));
    SIGMA_TRY(book(olga, 15 * 60, 45, {"S-CUTM"}, ""));
    SIGMA_TRY(book(darya, 11 * 60, 60, {kManicureSku, "S-GEL"}, maria.id.toString()));
    SIGMA_TRY(book(darya, 14 * 60 + 30, 90, {"S-PEDI"}, elena.id.toString()));

    // A cart with two masters and a customer, as the sale screen shows it mid-visit.
    auto& sale = rt.sale();
    SIGMA_TRY(sale.setCurrentStaff(olga));
    SIGMA_TRY(sale.addBySku("S-STYLE"));
    SIGMA_TRY(sale.setCurrentStaff(darya));
    SIGMA_TRY(sale.addBySku(kManicureSku));
    SIGMA_TRY(sale.addBySku("S-GEL"));
    SIGMA_TRY(sale.setCustomerId(maria.id.toString()));
    return core::ok();
}

void ServicesDemo::show(MainWindow& window, TaskRunner& runner, const QString& screen)
{
    window.afterLogin();
    DemoData::settle(runner);
    if (screen == QStringLiteral("sale")) {
        window.showScreen(QStringLiteral("salon"));
    } else if (screen == QStringLiteral("customer-card")) {
        window.showScreen(QStringLiteral("salon"));
        DemoData::settle(runner);
        click(window, "salonCustomerCard");
    } else {
        window.showScreen(QStringLiteral("appointments"));
        if (screen == QStringLiteral("appointment-dialog")) {
            DemoData::settle(runner);
            click(window, "apptNew");
        }
    }
    DemoData::settle(runner, 600);
    // The status bar skips its database reads while the worker is busy (it was, all along here):
    // read once now that it is idle, as its next poll would.
    if (auto* bar = window.findChild<StatusBar*>()) {
        bar->refresh();
    }
    DemoData::settle(runner, 100);
}

} // namespace sigma::terminal
