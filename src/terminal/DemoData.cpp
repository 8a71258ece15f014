#include "terminal/DemoData.h"

#include "core/Uuid.h"
#include "drivers/scale/EmulatedScale.h"
#include "drivers/scale/ScaleDrivers.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"

#include <QApplication>
#include <QElapsedTimer>

#include <cstdio>

namespace sigma::terminal {

std::string DemoData::ean13(long long number)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "46%010lld", (number < 0 ? -number : number) % 10'000'000'000LL);
    int sum = 0;
    for (int i = 0; i < 12; ++i) {
        sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    std::string code(digits, 12);
    code.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
    return code;
}

core::Result<till::Session> DemoData::seedStaff(TerminalRuntime& rt, const char* technicianName)
{
    auto& auth = rt.auth();
    // The set-up PIN must be changed at the first login, as on a real terminal.
    SIGMA_ASSIGN_OR_RETURN(auto admin, auth.bootstrapAdministrator(std::string("7391")));
    (void)admin;
    SIGMA_ASSIGN_OR_RETURN(auto firstLogin, auth.login("7391"));
    SIGMA_ASSIGN_OR_RETURN(auto adminSession, auth.changePin(firstLogin, "7391", kAdminPin));
    till::NewEmployee cashier;
    cashier.name = "Иванова Анна";
    cashier.role = store::EmployeeRole::SeniorCashier;
    cashier.pin = kCashierPin;
    cashier.mustChangePin = false;
    SIGMA_TRY(auth.createEmployee(adminSession, cashier));
    if (technicianName != nullptr) {
        till::NewEmployee technician;
        technician.name = technicianName;
        technician.role = store::EmployeeRole::Technician;
        technician.pin = kTechnicianPin;
        technician.mustChangePin = false;
        SIGMA_TRY(auth.createEmployee(adminSession, technician));
    }
    return adminSession;
}

core::Result<std::vector<std::string>> DemoData::addCategories(TerminalRuntime& rt,
                                                               std::initializer_list<const char*> names)
{
    std::vector<std::string> ids;
    int sort = 0;
    for (const char* name : names) {
        store::CatalogCategory category;
        category.id = rt.newUuid();
        category.name = name;
        category.sort = sort++;
        SIGMA_TRY(rt.catalog().upsertCategory(category));
        ids.push_back(category.id);
    }
    return ids;
}

core::Status DemoData::seed(TerminalRuntime& rt, int products)
{
    auto& auth = rt.auth();
    SIGMA_TRY(seedStaff(rt, "Петров Техник"));
    SIGMA_ASSIGN_OR_RETURN(auto categoryIds,
                           addCategories(rt, {"Молочные продукты", "Хлеб", "Напитки", "Овощи и фрукты", "Бакалея"}));
    struct Named {
        const char* name;
        std::int64_t kopecks;
        int category;
        bool weighed;
    };
    const Named named[] = {
        {"Молоко 3,2% 1 л", 8990, 0, false},        {"Кефир 2,5% 900 г", 9450, 0, false},
        {"Сметана 20% 300 г", 11900, 0, false},     {"Творог 5% 200 г", 12990, 0, false},
        {"Сыр Российский", 89900, 0, true},         {"Хлеб Бородинский", 6490, 1, false},
        {"Батон нарезной", 5290, 1, false},         {"Багет французский", 7990, 1, false},
        {"Вода питьевая 1,5 л", 4990, 2, false},    {"Сок яблочный 1 л", 13990, 2, false},
        {"Чай чёрный 100 пак.", 24900, 2, false},   {"Кофе молотый 250 г", 45900, 2, false},
        {"Яблоки Гала", 15990, 3, true},            {"Бананы", 12990, 3, true},
        {"Картофель", 4990, 3, true},               {"Огурцы", 19990, 3, true},
        {"Гречка 900 г", 11990, 4, false},          {"Рис круглозёрный 900 г", 10990, 4, false},
        {"Сахар 1 кг", 8990, 4, false},             {"Макароны спагетти 450 г", 8990, 4, false},
    };
    std::vector<store::CatalogProduct> batch;
    long long n = 1;
    int plu = 1;
    auto make = [&](const std::string& name, std::int64_t kopecks, int category, bool weighed) {
        store::CatalogProduct p;
        p.id = rt.newUuid();
        p.sku = "SKU-" + std::to_string(n);
        p.name = name;
        p.price = core::Money::fromKopecks(kopecks);
        p.weighed = weighed;
        if (weighed) {
            p.unit = core::MeasureUnit::Kilogram;
            p.plu = plu++;
        }
        p.categoryId = categoryIds[static_cast<std::size_t>(category)];
        p.barcodes.push_back(ean13(n));
        ++n;
        batch.push_back(std::move(p));
    };
    for (const auto& p : named) {
        make(p.name, p.kopecks, p.category, p.weighed);
    }
    for (int i = 0; i < products; ++i) {
        make("Товар " + std::to_string(i + 1), 1000 + (i * 37) % 90000, i % 5, false);
    }
    SIGMA_TRY(rt.catalog().upsertProducts(batch));

    SIGMA_ASSIGN_OR_RETURN(auto session, auth.login(kCashierPin));
    rt.session() = std::move(session);
    return core::ok();
}

core::Status DemoData::fillCart(TerminalRuntime& rt)
{
    SIGMA_ASSIGN_OR_RETURN(auto shift, rt.shifts().open(rt.cashier()));
    (void)shift;
    SIGMA_TRY(rt.sale().addByScan(ean13(1)));
    SIGMA_TRY(rt.sale().addByScan(ean13(6)));
    SIGMA_TRY(rt.sale().addByScan(ean13(10)));
    SIGMA_ASSIGN_OR_RETURN(auto cheese, rt.lookup().byScan(ean13(5)));
    SIGMA_TRY(rt.sale().addProduct(cheese.product, core::Quantity::fromThousandths(450)));
    return core::ok();
}

core::Status DemoData::sellAndStock(TerminalRuntime& rt)
{
    const long long baskets[][3] = {{2, 7, 17}, {9, 1, 0}, {12, 0, 0}};
    for (const auto& basket : baskets) {
        rt.sale().clear();
        for (long long item : basket) {
            if (item != 0) {
                SIGMA_TRY(rt.sale().addByScan(ean13(item)));
            }
        }
        SIGMA_ASSIGN_OR_RETURN(auto totals, rt.sale().totals());
        auto request = rt.sale().checkoutRequest({{core::PaymentType::Cash, totals.total}}, rt.cashier(), rt.newUuid());
        SIGMA_ASSIGN_OR_RETURN(auto done, rt.checkout().checkout(std::move(request)));
        (void)done;
    }
    rt.sale().clear();
    SIGMA_TRY(rt.sale().addByScan(ean13(1)));

    SIGMA_ASSIGN_OR_RETURN(auto admin, rt.auth().login(kAdminPin));
    till::NewStockDocument header;
    header.kind = store::StockDocumentKind::Receiving;
    header.supplier = "ООО «Молочный двор»";
    SIGMA_ASSIGN_OR_RETURN(auto document, rt.stock().create(admin, header));
    const std::pair<long long, std::int64_t> lines[] = {{1, 6200}, {2, 6900}, {3, 8400}};
    for (const auto& [item, cost] : lines) {
        till::StockLineInput input;
        input.quantity = core::Quantity::pieces(12);
        input.cost = core::Money::fromKopecks(cost);
        SIGMA_TRY(rt.stock().addByScan(admin, document.id, ean13(item), input));
    }
    till::StockLineInput cheese;
    cheese.quantity = core::Quantity::fromThousandths(4350);
    cheese.cost = core::Money::fromKopecks(61000);
    SIGMA_TRY(rt.stock().addByScan(admin, document.id, ean13(5), cheese));
    return core::ok();
}

void DemoData::settle(TaskRunner& runner, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QApplication::processEvents();
        runner.waitForIdle();
    }
    QApplication::processEvents();
}

core::Status DemoData::connectScale(TerminalRuntime& rt)
{
    SIGMA_ASSIGN_OR_RETURN(auto settings, drivers::scale::ScaleDrivers::resolveSettings("emulator", core::Json::object()));
    rt.config().scaleDriver = "emulator";
    rt.config().scaleSettings = settings;
    SIGMA_TRY(rt.reopenScale());
    drivers::scale::EmulatedScale::Options options;
    options.statePath = rt.dir().root() / settings.value("statePath", std::string("scale.db"));
    options.clock = &rt.clock();
    SIGMA_ASSIGN_OR_RETURN(auto scale, drivers::scale::EmulatedScale::open(options));
    return scale->place(core::Quantity::fromThousandths(352));
}

} // namespace sigma::terminal
