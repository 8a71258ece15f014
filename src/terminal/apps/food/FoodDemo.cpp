#include "terminal/apps/food/FoodDemo.h"

#include "drivers/printer/PrinterEmulator.h"
#include "terminal/DemoData.h"
#include "terminal/MainWindow.h"
#include "terminal/TaskRunner.h"
#include "terminal/TerminalRuntime.h"
#include "terminal/apps/food/HallScreen.h"
#include "terminal/apps/food/OrderScreen.h"
#include "till/HallService.h"
#include "till/KitchenService.h"
#include "till/ModifierService.h"
#include "till/OrderService.h"

#include <QPushButton>

#include <map>
#include <memory>

namespace sigma::terminal {

namespace {

void click(MainWindow& window, const char* name)
{
    if (auto* b = window.findChild<QPushButton*>(QString::fromLatin1(name))) {
        b->click();
    }
}

} // namespace

core::Status FoodDemo::seed(TerminalRuntime& rt)
{
    auto& auth = rt.auth();
    SIGMA_TRY(DemoData::seedStaff(rt, nullptr)); // the waiter is DemoData's cashier

    struct Dish {
        const char* sku;
        const char* name;
        std::int64_t kopecks;
        int category;
    };
    const Dish menu[] = {
        {"F-1", "Капучино", 18000, 0},       {"F-2", "Латте", 20000, 0},
        {"F-3", "Американо", 15000, 0},      {"F-4", "Раф", 24000, 0},
        {"F-5", "Борщ", 35000, 1},           {"F-6", "Паста карбонара", 52000, 1},
        {"F-7", "Котлета с пюре", 45000, 1}, {"F-8", "Цезарь с курицей", 42000, 2},
        {"F-9", "Греческий салат", 36000, 2}, {"F-10", "Чизкейк", 29000, 3},
        {"F-11", "Медовик", 27000, 3},
    };
    SIGMA_ASSIGN_OR_RETURN(auto categoryIds, DemoData::addCategories(rt, {"Кофе", "Горячее", "Салаты", "Десерты"}));
    std::map<std::string, std::string> ids;
    for (const auto& d : menu) {
        store::CatalogProduct p;
        p.id = rt.newUuid();
        p.sku = d.sku;
        p.name = d.name;
        p.price = core::Money::fromKopecks(d.kopecks);
        p.categoryId = categoryIds[static_cast<std::size_t>(d.category)];
        p.paymentObject = core::PaymentObject::Commodity;
        p.updatedAtUs = rt.till().nowUs();
        SIGMA_TRY(rt.catalog().upsertProduct(p));
        ids[d.sku] = p.id;
    }

    till::ModifierService modifiers(rt.till());
    till::ModifierGroup milk;
    milk.name = "Молоко";
    milk.required = true;
    milk.minChoices = 1;
    milk.maxChoices = 1;
    milk.options = {{"обычное", core::Money::zero()},
                    {"овсяное", core::Money::fromKopecks(5000)},
                    {"безлактозное", core::Money::fromKopecks(4000)}};
    SIGMA_ASSIGN_OR_RETURN(auto milkGroup, modifiers.save(milk));
    till::ModifierGroup syrup;
    syrup.name = "Сироп";
    syrup.required = false;
    syrup.minChoices = 0;
    syrup.maxChoices = 2;
    syrup.options = {{"ваниль", core::Money::fromKopecks(3000)},
                     {"карамель", core::Money::fromKopecks(3000)},
                     {"лесной орех", core::Money::fromKopecks(3000)}};
    SIGMA_ASSIGN_OR_RETURN(auto syrupGroup, modifiers.save(syrup));
    for (const char* sku : {"F-1", "F-2", "F-4"}) {
        SIGMA_TRY(modifiers.attach(ids[sku], milkGroup.id));
        SIGMA_TRY(modifiers.attach(ids[sku], syrupGroup.id));
    }
    till::ModifierGroup doneness;
    doneness.name = "Гарнир";
    doneness.required = false;
    doneness.minChoices = 0;
    doneness.maxChoices = 1;
    doneness.options = {{"пюре", core::Money::zero()}, {"рис", core::Money::zero()},
                        {"овощи гриль", core::Money::fromKopecks(8000)}};
    SIGMA_ASSIGN_OR_RETURN(auto side, modifiers.save(doneness));
    SIGMA_TRY(modifiers.attach(ids["F-7"], side.id));

    till::HallService hall(rt.till());
    for (int i = 0; i < 8; ++i) {
        SIGMA_TRY(hall.add(std::to_string(i + 1), i % 4, i / 4, i < 4 ? 2 : 4));
    }
    SIGMA_ASSIGN_OR_RETURN(auto session, auth.login(DemoData::kCashierPin));
    rt.session() = std::move(session);
    return core::ok();
}

core::Status FoodDemo::addPrinter(TerminalRuntime& rt, int port)
{
    till::KitchenPrinter printer;
    printer.name = "Горячий цех";
    printer.host = "127.0.0.1";
    printer.port = port;
    printer.isDefault = true;
    SIGMA_ASSIGN_OR_RETURN(auto saved, till::KitchenService(rt.till()).savePrinter(printer));
    (void)saved;
    return core::ok();
}

core::Status FoodDemo::serveTables(TerminalRuntime& rt)
{
    SIGMA_ASSIGN_OR_RETURN(auto shift, rt.shifts().open(rt.cashier()));
    (void)shift;
    till::OrderService orders(rt.till(), rt.lookup());
    till::KitchenService kitchen(rt.till());
    auto add = [&](const std::string& orderId, const char* sku, int pieces, std::vector<till::ModifierChoice> mods,
                   const char* comment) -> core::Status {
        till::NewOrderLine line;
        line.sku = sku;
        line.quantity = core::Quantity::pieces(pieces);
        line.modifiers = std::move(mods);
        line.comment = comment;
        SIGMA_ASSIGN_OR_RETURN(auto added, orders.addLine(orderId, line));
        (void)added;
        return core::ok();
    };
    SIGMA_ASSIGN_OR_RETURN(auto groups, till::ModifierService(rt.till()).list());
    std::string milk;
    for (const auto& g : groups) {
        if (g.name == "Молоко") {
            milk = g.id;
        }
    }

    SIGMA_ASSIGN_OR_RETURN(auto two, orders.open("2", 3, rt.cashier()));
    SIGMA_TRY(add(two.id, "F-5", 2, {}, ""));
    SIGMA_TRY(add(two.id, "F-1", 1, {{milk, "овсяное"}}, ""));
    SIGMA_TRY(add(two.id, "F-8", 1, {}, "без сухариков"));
    SIGMA_ASSIGN_OR_RETURN(auto sentTwo, kitchen.send(two.id));
    (void)sentTwo;
    SIGMA_TRY(add(two.id, "F-10", 2, {}, ""));

    SIGMA_ASSIGN_OR_RETURN(auto five, orders.open("5", 2, rt.cashier()));
    SIGMA_TRY(add(five.id, "F-6", 1, {}, ""));
    SIGMA_TRY(add(five.id, "F-3", 2, {}, ""));
    SIGMA_ASSIGN_OR_RETURN(auto sentFive, kitchen.send(five.id));
    (void)sentFive;
    SIGMA_TRY(orders.printPreBill(five.id));

    SIGMA_ASSIGN_OR_RETURN(auto seven, orders.open("7", 4, rt.cashier()));
    SIGMA_TRY(add(seven.id, "F-7", 2, {}, "пюре без масла"));
    SIGMA_TRY(add(seven.id, "F-9", 1, {}, ""));
    SIGMA_ASSIGN_OR_RETURN(auto sentSeven, kitchen.send(seven.id));
    (void)sentSeven;
    return core::ok();
}

core::Status FoodDemo::prepareScreenshot(TerminalRuntime& rt)
{
    // A real TCP kitchen printer in this process, so the hall shows a printer that answers.
    static auto emulator = std::make_unique<drivers::printer::PrinterEmulator>();
    SIGMA_TRY(emulator->start(0));
    rt.config().businessType = till::BusinessType::Food;
    SIGMA_TRY(seed(rt));
    SIGMA_TRY(addPrinter(rt, emulator->port()));
    return serveTables(rt);
}

void FoodDemo::show(MainWindow& window, TaskRunner& runner, const QString& screen)
{
    auto& rt = window.runtime();
    if (screen == QStringLiteral("hall-edit")) {
        auto admin = rt.auth().login(DemoData::kAdminPin);
        if (admin.ok()) {
            rt.session() = std::move(*admin);
        }
    }
    window.showScreen(QStringLiteral("hall"));
    DemoData::settle(runner, 3500); // the print pump's first pass reaches the printer
    if (screen == QStringLiteral("hall")) {
        return;
    }
    if (screen == QStringLiteral("hall-edit")) {
        click(window, "hallEdit");
        DemoData::settle(runner);
        click(window, "table_3");
        DemoData::settle(runner);
        return;
    }
    if (screen == QStringLiteral("kitchen")) {
        window.showScreen(QStringLiteral("kitchen"));
        DemoData::settle(runner);
        return;
    }
    click(window, "table_2");
    DemoData::settle(runner);
    if (screen == QStringLiteral("modifiers")) {
        click(window, "dish_F-1");
        DemoData::settle(runner);
    } else if (screen == QStringLiteral("split")) {
        click(window, "orderSplit");
        DemoData::settle(runner);
    }
}

} // namespace sigma::terminal
