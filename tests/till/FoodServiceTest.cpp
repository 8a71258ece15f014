// The food app's services against a real terminal.db, the virtual register and the emulated
// kitchen printer on a real TCP socket: hall, modifiers, orders, kitchen tickets, the print
// queue (unplugged and plugged back), splits, the shift rule and a full table service.

#include "till/HallService.h"
#include "till/KitchenService.h"
#include "till/ModifierService.h"
#include "till/OrderService.h"
#include "till/PrintQueue.h"

#include "core/ErrorCodes.h"
#include "core/Uuid.h"
#include "drivers/printer/EscPosNetworkPrinter.h"
#include "drivers/printer/PrinterEmulator.h"
#include "store/CatalogRepository.h"
#include "till/FoodErrors.h"
#include "till/TillFixture.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace sigma::till {
namespace {

using core::Money;
using core::Quantity;

class FoodTest : public test::TillFixture {
protected:
    void SetUp() override
    {
        TillFixture::SetUp();
        m_catalog = std::make_unique<store::CatalogRepository>(*m_database);
        m_lookup = std::make_unique<ProductLookup>(*m_catalog);
        ASSERT_TRUE(m_catalog->upsertCategory({m_drinks, "Напитки", "", 0, 0}).ok());
        ASSERT_TRUE(m_catalog->upsertCategory({m_hot, "Горячее", "", 0, 0}).ok());
        addProduct("K-1", "Капучино", 18000, m_drinks);
        addProduct("K-2", "Борщ", 35000, m_hot);
        addProduct("K-3", "Чай", 9990, m_drinks);
        addProduct("K-4", "Котлета", 33333, m_hot);
        m_hall = std::make_unique<HallService>(*m_context);
        m_orders = std::make_unique<OrderService>(*m_context, *m_lookup);
        m_kitchen = std::make_unique<KitchenService>(*m_context);
        m_modifiers = std::make_unique<ModifierService>(*m_context);
        for (int i = 1; i <= 4; ++i) {
            ASSERT_TRUE(m_hall->add(std::to_string(i), i, 0).ok());
        }
    }

    void addProduct(const std::string& sku, const std::string& name, std::int64_t kopecks, const std::string& category)
    {
        store::CatalogProduct p;
        p.id = m_context->newId();
        p.sku = sku;
        p.name = name;
        p.price = Money::fromKopecks(kopecks);
        p.categoryId = category;
        p.updatedAtUs = m_context->nowUs();
        ASSERT_TRUE(m_catalog->upsertProduct(p).ok());
        m_products[sku] = p.id;
    }

    ModifierGroup milk()
    {
        ModifierGroup g;
        g.name = "Молоко";
        g.required = true;
        g.minChoices = 1;
        g.maxChoices = 1;
        g.options = {{"обычное", Money::zero()}, {"овсяное", Money::fromKopecks(5000)}};
        auto saved = m_modifiers->save(g);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        EXPECT_TRUE(m_modifiers->attach(m_products["K-1"], saved->id).ok());
        return *saved;
    }

    Order open(const std::string& table, int guests = 2)
    {
        auto order = m_orders->open(table, guests, m_cashier);
        EXPECT_TRUE(order.ok()) << order.error().message;
        return order.ok() ? *order : Order{};
    }

    OrderLine add(const std::string& orderId, const std::string& sku, int pieces = 1,
                  std::vector<ModifierChoice> modifiers = {}, std::string comment = {})
    {
        NewOrderLine input;
        input.sku = sku;
        input.quantity = Quantity::pieces(pieces);
        input.modifiers = std::move(modifiers);
        input.comment = std::move(comment);
        auto line = m_orders->addLine(orderId, input);
        EXPECT_TRUE(line.ok()) << line.error().message;
        return line.ok() ? *line : OrderLine{};
    }

    PrintQueue queue()
    {
        return PrintQueue(*m_context, [](const KitchenPrinter& p) -> core::Result<std::unique_ptr<devices::Printer>> {
            return std::unique_ptr<devices::Printer>(
                std::make_unique<drivers::printer::EscPosNetworkPrinter>(
                    drivers::printer::NetworkPrinterSettings{p.host, p.port, 500, 1000}));
        });
    }

    KitchenPrinter addPrinter(const std::string& name, int port, bool isDefault)
    {
        KitchenPrinter p;
        p.name = name;
        p.host = "127.0.0.1";
        p.port = port;
        p.isDefault = isDefault;
        auto saved = m_kitchen->savePrinter(p);
        EXPECT_TRUE(saved.ok()) << saved.error().message;
        return *saved;
    }

    std::vector<std::string> journalTypes()
    {
        auto events = m_context->journal().after(0, 10000);
        std::vector<std::string> out;
        for (const auto& e : *events) {
            out.push_back(e.type);
        }
        return out;
    }

    std::string m_drinks = "00000000-0000-7000-8000-00000000d001";
    std::string m_hot = "00000000-0000-7000-8000-00000000d002";
    std::map<std::string, std::string> m_products;
    std::unique_ptr<store::CatalogRepository> m_catalog;
    std::unique_ptr<ProductLookup> m_lookup;
    std::unique_ptr<HallService> m_hall;
    std::unique_ptr<OrderService> m_orders;
    std::unique_ptr<KitchenService> m_kitchen;
    std::unique_ptr<ModifierService> m_modifiers;
};

TEST_F(FoodTest, HallMapEditsAndStates)
{
    auto taken = m_hall->add("1", 9, 9);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().code, food_errc::kTableNameTaken);
    auto cell = m_hall->add("Веранда", 1, 0);
    ASSERT_FALSE(cell.ok());
    EXPECT_EQ(cell.error().code, food_errc::kTableCellTaken);
    auto veranda = m_hall->add("Веранда", 5, 5, 6);
    ASSERT_TRUE(veranda.ok());
    ASSERT_TRUE(m_hall->move(veranda->id, 6, 5).ok());
    ASSERT_TRUE(m_hall->rename(veranda->id, "Веранда-1").ok());

    const auto order = open("2", 3);
    add(order.id, "K-2");
    m_clock.advance(std::chrono::minutes(25));
    auto map = m_hall->map();
    ASSERT_TRUE(map.ok());
    ASSERT_EQ(map->size(), 5u);
    const auto& two = (*map)[1];
    EXPECT_EQ(two.table.name, "2");
    EXPECT_EQ(two.state, TableState::Occupied);
    EXPECT_EQ(two.guests, 3);
    EXPECT_EQ(two.minutesOpen, 25);
    EXPECT_EQ(two.total, Money::fromKopecks(35000));
    EXPECT_EQ((*map)[0].state, TableState::Free);

    ASSERT_TRUE(m_orders->printPreBill(order.id).ok());
    EXPECT_EQ((*m_hall->map())[1].state, TableState::BillPrinted);
    EXPECT_NE(m_kkt->tape(std::nullopt)->find("ПРЕЧЕК"), std::string::npos);
    add(order.id, "K-3"); // a change makes the pre-bill stale
    EXPECT_EQ((*m_hall->map())[1].state, TableState::Occupied);

    auto busy = m_hall->remove(two.table.id);
    ASSERT_FALSE(busy.ok());
    EXPECT_EQ(busy.error().code, food_errc::kTableBusy);
    auto second = m_orders->open("2", 1, m_cashier);
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, food_errc::kTableBusy);
    ASSERT_TRUE(m_hall->remove(veranda->id).ok());
    EXPECT_EQ(m_hall->map()->size(), 4u);
}

TEST_F(FoodTest, ModifierChoicesAreValidated)
{
    const auto group = milk();
    ModifierGroup syrups;
    syrups.name = "Сироп";
    syrups.minChoices = 0;
    syrups.maxChoices = 2;
    syrups.options = {{"ваниль", Money::fromKopecks(3000)}, {"карамель", Money::fromKopecks(3000)},
                      {"кокос", Money::fromKopecks(4000)}};
    const auto syrup = *m_modifiers->save(syrups);
    ASSERT_TRUE(m_modifiers->attach(m_products["K-1"], syrup.id).ok());
    ModifierGroup toppings;
    toppings.name = "Топпинг";
    toppings.minChoices = 2;
    toppings.maxChoices = 3;
    toppings.options = {{"корица", Money::zero()}, {"какао", Money::zero()}, {"сахар", Money::zero()}};
    const auto topping = *m_modifiers->save(toppings);
    ASSERT_TRUE(m_modifiers->attach(m_products["K-1"], topping.id).ok());

    const auto order = open("1");
    const auto refusedWith = [&](std::vector<ModifierChoice> choices, int code) {
        NewOrderLine input;
        input.sku = "K-1";
        input.modifiers = std::move(choices);
        auto line = m_orders->addLine(order.id, input);
        ASSERT_FALSE(line.ok());
        EXPECT_EQ(line.error().code, code) << line.error().message;
    };
    refusedWith({}, food_errc::kModifierRequired);                                   // milk is required
    refusedWith({{group.id, "овсяное"}, {group.id, "обычное"}}, food_errc::kModifierTooMany); // max 1
    refusedWith({{group.id, "соевое"}}, food_errc::kUnknownModifier);                 // no such option
    refusedWith({{group.id, "7"}}, food_errc::kUnknownModifier);                      // no such index
    refusedWith({{group.id, "0"}, {"no-such-group", "x"}}, food_errc::kUnknownModifier);
    refusedWith({{group.id, "0"}, {syrup.id, "0"}, {syrup.id, "1"}, {syrup.id, "2"}}, food_errc::kModifierTooMany);
    refusedWith({{group.id, "0"}, {topping.id, "корица"}}, food_errc::kModifierTooFew); // chosen 1 of min 2
    refusedWith({{group.id, "0"}, {syrup.id, "ваниль"}, {syrup.id, "ваниль"}}, food_errc::kModifierTooMany);
    // Attached to the cappuccino only: the borscht offers no milk.
    NewOrderLine borscht;
    borscht.sku = "K-2";
    borscht.modifiers = {{group.id, "0"}};
    ASSERT_EQ(m_orders->addLine(order.id, borscht).error().code, food_errc::kUnknownModifier);

    // An optional group may be skipped; the deltas are added to the price exactly.
    const auto line = add(order.id, "K-1", 2, {{group.id, "овсяное"}, {syrup.id, "1"}, {syrup.id, "кокос"}}, "без сахара");
    EXPECT_EQ(line.unitPrice, Money::fromKopecks(18000 + 5000 + 3000 + 4000));
    ASSERT_EQ(line.modifiers.size(), 3u);
    EXPECT_EQ(line.modifiers[0].option, "овсяное");
    EXPECT_EQ(OrderService::receiptName(line), "Капучино, овсяное / карамель / кокос");
    const auto found = *m_orders->find(order.id);
    EXPECT_EQ(found.total, Money::fromKopecks(2 * 30000));
    EXPECT_EQ(found.lines[0].comment, "без сахара");

    // Groups that make no sense are refused.
    ModifierGroup bad = syrups;
    bad.id.clear();
    bad.maxChoices = 4;
    EXPECT_EQ(m_modifiers->save(bad).error().code, food_errc::kBadModifierGroup);
    bad.maxChoices = 1;
    bad.minChoices = 2;
    EXPECT_EQ(m_modifiers->save(bad).error().code, food_errc::kBadModifierGroup);
    bad.minChoices = 0;
    bad.required = true;
    EXPECT_EQ(m_modifiers->save(bad).error().code, food_errc::kBadModifierGroup);
}

TEST_F(FoodTest, SplitAmountAddsUpExactlyProperty)
{
    std::mt19937_64 random(20261204);
    for (int round = 0; round < 20000; ++round) {
        const auto amount = Money::fromKopecks(static_cast<std::int64_t>(random() % 10'000'000));
        const std::size_t n = 1 + random() % 12;
        std::vector<std::int64_t> weights(n);
        for (auto& w : weights) {
            w = static_cast<std::int64_t>(random() % 5000);
        }
        weights[random() % n] += 1; // at least one positive weight
        const auto shares = OrderService::splitAmount(amount, weights, random() % n);
        Money sum;
        for (std::size_t i = 0; i < n; ++i) {
            sum += shares[i];
            ASSERT_FALSE(shares[i].isNegative());
            if (weights[i] == 0) {
                ASSERT_TRUE(shares[i].isZero());
            }
        }
        ASSERT_EQ(sum, amount) << "round " << round;
    }
}

TEST_F(FoodTest, SplitsOfRandomOrdersAddUpToTheOrder)
{
    std::mt19937_64 random(42);
    const std::vector<std::string> skus = {"K-1", "K-2", "K-3", "K-4"};
    for (int round = 0; round < 40; ++round) {
        const auto order = open("3", 1);
        const int lines = 1 + static_cast<int>(random() % 6);
        for (int i = 0; i < lines; ++i) {
            add(order.id, skus[random() % skus.size()], 1 + static_cast<int>(random() % 4));
        }
        const auto full = *m_orders->find(order.id);
        Order split;
        if (round % 2 == 0) {
            const int parts = 2 + static_cast<int>(random() % 6);
            auto result = m_orders->splitEqually(order.id, parts);
            ASSERT_TRUE(result.ok()) << result.error().message;
            split = *result;
            ASSERT_EQ(split.parts.size(), static_cast<std::size_t>(parts));
            Money low = split.parts[0].amount;
            Money high = low;
            for (const auto& p : split.parts) {
                low = std::min(low, p.amount);
                high = std::max(high, p.amount);
            }
            EXPECT_LE((high - low).kopecks(), 1) << "equal parts differ by at most a kopeck";
        } else {
            // Every piece of every line goes to a random part.
            const int parts = 2 + static_cast<int>(random() % 3);
            std::vector<SplitPart> plan(static_cast<std::size_t>(parts));
            for (const auto& line : full.lines) {
                for (std::int64_t piece = 0; piece < line.quantity.thousandths() / 1000; ++piece) {
                    plan[random() % plan.size()].lines.push_back({line.position, Quantity::pieces(1)});
                }
            }
            for (std::size_t k = 0; k < plan.size(); ++k) {
                if (plan[k].lines.empty()) { // an empty part is refused: give it a piece from another
                    for (auto& other : plan) {
                        if (other.lines.size() > 1) {
                            plan[k].lines.push_back(other.lines.back());
                            other.lines.pop_back();
                            break;
                        }
                    }
                }
            }
            auto result = m_orders->splitByLines(order.id, plan);
            if (!result.ok()) {
                ASSERT_EQ(result.error().code, food_errc::kBadSplit) << result.error().message;
                ASSERT_TRUE(m_orders->cancel(order.id, "тест", m_cashier).ok());
                continue;
            }
            split = *result;
        }
        Money sum;
        std::map<int, Money> perLine;
        for (const auto& p : split.parts) {
            Money partSum;
            for (const auto& l : p.lines) {
                partSum += l.amount;
                perLine[l.position] += l.amount;
            }
            EXPECT_EQ(partSum, p.amount);
            sum += p.amount;
        }
        EXPECT_EQ(sum, full.total) << "round " << round;
        for (const auto& line : full.lines) {
            EXPECT_EQ(perLine[line.position], OrderService::lineAmount(line));
        }
        ASSERT_TRUE(m_orders->cancel(order.id, "тест", m_cashier).ok());
    }
    // A split that does not cover the order is refused.
    const auto order = open("3", 1);
    add(order.id, "K-1", 2);
    auto refused = m_orders->splitByLines(order.id, {{{{0, Quantity::pieces(1)}}}, {{{0, Quantity::pieces(2)}}}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, food_errc::kBadSplit);
    EXPECT_EQ(m_orders->splitEqually(order.id, 1).error().code, food_errc::kBadSplit);
}

TEST_F(FoodTest, KitchenTicketsCarryOnlyNewAndChangedLinesRoutedByCategory)
{
    drivers::printer::PrinterEmulator kitchenPrinter;
    drivers::printer::PrinterEmulator bar;
    ASSERT_TRUE(kitchenPrinter.start().ok());
    ASSERT_TRUE(bar.start().ok());
    const auto hot = addPrinter("Кухня", kitchenPrinter.port(), true);
    const auto drinks = addPrinter("Бар", bar.port(), false);
    ASSERT_TRUE(m_kitchen->route(m_drinks, drinks.id).ok());
    const auto group = milk();

    const auto order = open("1", 2);
    add(order.id, "K-1", 1, {{group.id, "овсяное"}});
    add(order.id, "K-2", 2, {}, "без сметаны");
    auto first = m_kitchen->send(order.id);
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_EQ(first->size(), 2u);
    const auto& coffeeTicket = (*first)[0].printerId == drinks.id ? (*first)[0] : (*first)[1];
    const auto& soupTicket = (*first)[0].printerId == hot.id ? (*first)[0] : (*first)[1];
    ASSERT_EQ(coffeeTicket.lines.size(), 1u);
    EXPECT_EQ(coffeeTicket.lines[0].name, "Капучино");
    EXPECT_EQ(coffeeTicket.lines[0].modifiers, std::vector<std::string>{"овсяное"});
    ASSERT_EQ(soupTicket.lines.size(), 1u);
    EXPECT_EQ(soupTicket.lines[0].kind, TicketLineKind::New);
    EXPECT_EQ(soupTicket.lines[0].quantity, Quantity::pieces(2));
    EXPECT_EQ(soupTicket.lines[0].comment, "без сметаны");

    // Nothing changed: nothing to send.
    EXPECT_EQ(m_kitchen->send(order.id).error().code, food_errc::kNothingToSend);

    // One more soup, one soup fewer elsewhere, the coffee removed, a new cutlet.
    ASSERT_TRUE(m_orders->setQuantity(order.id, 1, Quantity::pieces(3)).ok());
    ASSERT_TRUE(m_orders->removeLine(order.id, 0).ok());
    add(order.id, "K-4", 1);
    auto second = m_kitchen->send(order.id);
    ASSERT_TRUE(second.ok());
    ASSERT_EQ(second->size(), 2u);
    for (const auto& t : *second) {
        if (t.printerId == drinks.id) {
            ASSERT_EQ(t.lines.size(), 1u);
            EXPECT_EQ(t.lines[0].kind, TicketLineKind::Cancel);
            EXPECT_EQ(t.lines[0].quantity, Quantity::pieces(1));
        } else {
            ASSERT_EQ(t.lines.size(), 2u);
            EXPECT_EQ(t.lines[0].kind, TicketLineKind::More);
            EXPECT_EQ(t.lines[0].quantity, Quantity::pieces(1));
            EXPECT_EQ(t.lines[1].kind, TicketLineKind::New);
            EXPECT_EQ(t.lines[1].name, "Котлета");
        }
    }
    ASSERT_TRUE(m_orders->setQuantity(order.id, 1, Quantity::pieces(1)).ok());
    auto third = m_kitchen->send(order.id);
    ASSERT_TRUE(third.ok());
    ASSERT_EQ(third->size(), 1u);
    EXPECT_EQ((*third)[0].lines[0].kind, TicketLineKind::Less);
    EXPECT_EQ((*third)[0].lines[0].quantity, Quantity::pieces(2));

    // Printed through the queue: the hot kitchen got its four tickets' text, the bar its two.
    auto report = queue().pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 5);
    const auto hotTexts = kitchenPrinter.texts();
    ASSERT_EQ(hotTexts.size(), 3u);
    EXPECT_NE(hotTexts[0].find("2 x Борщ"), std::string::npos) << hotTexts[0];
    EXPECT_NE(hotTexts[0].find("! без сметаны"), std::string::npos);
    EXPECT_NE(hotTexts[1].find("ДОБАВИТЬ 1 x Борщ"), std::string::npos) << hotTexts[1];
    EXPECT_NE(hotTexts[2].find("УБРАТЬ 2 x Борщ"), std::string::npos) << hotTexts[2];
    const auto barTexts = bar.texts();
    ASSERT_EQ(barTexts.size(), 2u);
    EXPECT_NE(barTexts[0].find("+ овсяное"), std::string::npos) << barTexts[0];
    EXPECT_NE(barTexts[1].find("ОТМЕНА 1 x Капучино"), std::string::npos) << barTexts[1];

    // The kitchen screen: cards until marked ready.
    auto cards = m_kitchen->tickets();
    ASSERT_EQ(cards->size(), 5u);
    ASSERT_TRUE(m_kitchen->markReady(std::to_string((*cards)[0].number)).ok());
    EXPECT_EQ(m_kitchen->tickets()->size(), 4u);
    EXPECT_EQ(m_kitchen->tickets(true)->size(), 5u);
    EXPECT_EQ(m_kitchen->markReady("999").error().code, food_errc::kTicketNotFound);
}

TEST_F(FoodTest, PrintQueueSurvivesAnUnpluggedPrinterWithoutLosingOrDuplicating)
{
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());
    const int port = printer.port();
    addPrinter("Кухня", port, true);
    printer.stop(); // unplugged

    std::vector<std::int64_t> numbers;
    for (const auto* table : {"1", "2", "3"}) {
        const auto order = open(table);
        add(order.id, "K-2");
        add(order.id, "K-4", 2);
        auto tickets = m_kitchen->send(order.id);
        ASSERT_TRUE(tickets.ok());
        numbers.push_back((*tickets)[0].number);
    }
    auto q = queue();
    auto report = q.pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 0);
    EXPECT_EQ(report->failed, 1); // the first ticket failed; the others wait behind it, in order
    EXPECT_EQ(report->waiting, 2);
    auto status = q.status(true);
    ASSERT_EQ(status->size(), 1u);
    EXPECT_EQ((*status)[0].queued, 3);
    EXPECT_NE((*status)[0].lastError.find("[2200]"), std::string::npos) << (*status)[0].lastError;
    EXPECT_FALSE((*status)[0].live.has_value()); // the probe cannot reach it either

    // Backing off: not due again yet, and each failure doubles the wait.
    report = q.pump();
    EXPECT_EQ(report->failed, 0);
    EXPECT_EQ(report->waiting, 3);
    m_clock.advance(std::chrono::seconds(1));
    report = q.pump();
    EXPECT_EQ(report->failed, 1);
    EXPECT_EQ(PrintQueue::backoffUs(2), 2'000'000);
    EXPECT_EQ(PrintQueue::backoffUs(30), 60'000'000);

    ASSERT_TRUE(printer.start(port).ok()); // plugged back in
    m_clock.advance(std::chrono::seconds(2));
    report = q.pump();
    EXPECT_EQ(report->printed, 3);
    EXPECT_EQ(q.pump()->printed, 0); // nothing left, nothing again

    const auto texts = printer.texts();
    ASSERT_EQ(texts.size(), 3u);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_NE(texts[i].find("№ " + std::to_string(numbers[i]) + "\n"), std::string::npos) << texts[i];
        EXPECT_EQ(texts[i].find("ПОВТОР"), std::string::npos);
    }
    status = q.status(true);
    EXPECT_EQ((*status)[0].queued, 0);
    ASSERT_TRUE((*status)[0].live.has_value());
    EXPECT_TRUE((*status)[0].live->online);
}

TEST_F(FoodTest, ATicketThatMayHavePrintedIsPrintedAgainMarkedAsARepeat)
{
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());
    addPrinter("Кухня", printer.port(), true);
    const auto order = open("1");
    add(order.id, "K-2");
    const auto ticket = (*m_kitchen->send(order.id))[0];
    printer.dropAfterNextDocuments(1); // printed, but the answer is lost
    auto q = queue();
    EXPECT_EQ(q.pump()->failed, 1);
    auto stored = *m_kitchen->ticket(ticket.id);
    EXPECT_TRUE(stored.inDoubt);
    EXPECT_EQ(stored.printState, "queued");
    m_clock.advance(std::chrono::seconds(1));
    EXPECT_EQ(q.pump()->printed, 1);
    const auto texts = printer.texts();
    ASSERT_EQ(texts.size(), 2u); // at least once: the documented rule
    EXPECT_EQ(texts[0].find("ПОВТОР"), std::string::npos);
    EXPECT_NE(texts[1].find("№ " + std::to_string(ticket.number) + "\nПОВТОР"), std::string::npos) << texts[1];
}

TEST(KitchenTicketLayout, WrapsToThePaperWidth)
{
    KitchenTicket ticket;
    ticket.number = 12;
    ticket.tableName = "5";
    ticket.orderNumber = 3;
    ticket.guests = 2;
    TicketLine line;
    line.kind = TicketLineKind::New;
    line.name = "Салат с тёплой говядиной и овощами гриль по-домашнему";
    line.quantity = Quantity::pieces(2);
    line.comment = "без лука";
    ticket.lines.push_back(line);
    const auto doc = PrintQueue::layout(ticket, false, 32);
    std::vector<std::string> texts;
    for (const auto& l : doc.lines) {
        std::size_t chars = 0;
        for (const char c : l.text) {
            chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        EXPECT_LE(chars, l.large ? 16u : 32u) << l.text;
        texts.push_back(l.text);
    }
    const std::vector<std::string> expected = {"КУХНЯ",
                                               "№ 12",
                                               "Стол 5  Заказ №3  Гостей 2",
                                               std::string(32, '-'),
                                               "2 x Салат с тёплой говядиной и",
                                               "   овощами гриль по-домашнему",
                                               "   ! без лука",
                                               std::string(32, '-')};
    EXPECT_EQ(texts, expected);
    EXPECT_TRUE(doc.lines[1].large);
    EXPECT_EQ(PrintQueue::layout(ticket, true, 32).lines[2].text, "ПОВТОР");
}

TEST_F(FoodTest, ShiftCannotCloseWhileOrdersAreOpen)
{
    openShift();
    const auto first = open("1");
    add(first.id, "K-2");
    const auto second = open("2");
    add(second.id, "K-3");
    ShiftService shifts(*m_context);
    auto refused = shifts.close(m_cashier, Money::zero());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, food_errc::kOpenOrdersBlockShift);
    EXPECT_NE(refused.error().message.find("No. 1 (1)"), std::string::npos) << refused.error().message;

    // Moving is not enough (the order is still open); cancelling needs a reason.
    ASSERT_TRUE(m_orders->move(first.id, "4").ok());
    EXPECT_EQ(shifts.close(m_cashier, Money::zero()).error().code, food_errc::kOpenOrdersBlockShift);
    EXPECT_EQ(m_orders->cancel(first.id, "", m_cashier).error().code, food_errc::kCancelReasonRequired);
    ASSERT_TRUE(m_orders->cancel(first.id, "гость ушёл", m_cashier).ok());
    EXPECT_EQ(shifts.close(m_cashier, Money::zero()).error().code, food_errc::kOpenOrdersBlockShift);
    // A table staying past the close is carried over with a reason; the next close asks again.
    EXPECT_EQ(m_orders->carryOver(second.id, "", m_cashier).error().code, food_errc::kCancelReasonRequired);
    ASSERT_TRUE(m_orders->carryOver(second.id, "банкет до утра", m_cashier).ok());
    auto closed = shifts.close(m_cashier, Money::zero());
    ASSERT_TRUE(closed.ok()) << closed.error().message;
    openShift();
    EXPECT_EQ(shifts.close(m_cashier, Money::zero()).error().code, food_errc::kOpenOrdersBlockShift);
    OrderPayment cash;
    cash.payments = {{core::PaymentType::Cash, Money::fromKopecks(9990)}};
    auto paid = m_orders->pay(second.id, cash, m_cashier);
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    closed = shifts.close(m_cashier, Money::fromKopecks(9990));
    ASSERT_TRUE(closed.ok()) << closed.error().message;

    // The reasons are in the journal.
    auto events = m_context->journal().after(0, 10000);
    bool cancelled = false;
    bool carried = false;
    for (const auto& e : *events) {
        if (e.type == "food.order" && e.payload["status"] == "cancelled") {
            cancelled = e.payload["cancelReason"].get<std::string>().find("гость ушёл") != std::string::npos;
        }
        if (e.type == "food.order" && e.payload["carryReason"] != "") {
            carried = e.payload["carryReason"].get<std::string>().find("банкет до утра") != std::string::npos;
        }
    }
    EXPECT_TRUE(cancelled);
    EXPECT_TRUE(carried);
}

TEST_F(FoodTest, AReceiptWaitingForTheRegisterFreezesTheOrder)
{
    openShift();
    const auto order = open("1");
    add(order.id, "K-2");
    // The cable is pulled right after checkout asked the register's status: the receipt is
    // written pending and the task never arrives.
    struct PullAfterStatus final : fiscal::FiscalDevice {
        test::UnpluggableDevice& device;
        explicit PullAfterStatus(test::UnpluggableDevice& d) : device(d) {}
        core::Result<core::Json> execute(const core::Json& task) override
        {
            auto result = device.execute(task);
            if (task["type"] == "getFnStatus") {
                device.unplug();
            }
            return result;
        }
        std::string_view driverId() const override { return "test"; }
    } pulling(*m_device);
    TillContext context(*m_database, pulling, m_payment.get(), m_clock, m_random);
    OrderService orders(context, *m_lookup);
    OrderPayment cash;
    cash.payments = {{core::PaymentType::Cash, Money::fromKopecks(35000)}};
    auto paid = orders.pay(order.id, cash, m_cashier);
    ASSERT_TRUE(paid.ok()) << paid.error().message;
    EXPECT_EQ(paid->checkout.receipt.status, "pending");
    EXPECT_EQ(paid->order.status, OrderStatus::Open);
    // The money may be taken: the order must not change under it.
    NewOrderLine more;
    more.sku = "K-3";
    EXPECT_EQ(m_orders->addLine(order.id, more).error().code, food_errc::kOrderPartlyPaid);
    EXPECT_EQ(m_orders->cancel(order.id, "передумали", m_cashier).error().code, food_errc::kOrderPartlyPaid);

    // Recovery finds the register has no such document: the receipt failed, and paying again
    // makes a new receipt for the part.
    m_device->plugIn();
    ASSERT_EQ(RecoveryService(*m_context).recoverAll()->failed, 1);
    auto again = m_orders->pay(order.id, cash, m_cashier);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_NE(again->checkout.receipt.id, paid->checkout.receipt.id);
    EXPECT_EQ(again->checkout.receipt.status, "fiscalized");
    EXPECT_EQ(again->order.status, OrderStatus::Paid);
}

TEST_F(FoodTest, MoveAndMergeBetweenTables)
{
    const auto a = open("1", 2);
    add(a.id, "K-2");
    const auto b = open("2", 3);
    add(b.id, "K-3", 2);
    ASSERT_TRUE(m_kitchen->send(b.id).ok());
    EXPECT_EQ(m_orders->move(a.id, "2").error().code, food_errc::kTableBusy);
    auto moved = m_orders->move(a.id, "3");
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->tableName, "3");
    auto merged = m_orders->merge(b.id, a.id);
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    EXPECT_EQ(merged->guests, 5);
    ASSERT_EQ(merged->lines.size(), 2u);
    EXPECT_EQ(merged->lines[1].name, "Чай");
    EXPECT_EQ(merged->lines[1].sentQuantity, Quantity::pieces(2)); // the kitchen keeps what it had
    EXPECT_EQ(merged->total, Money::fromKopecks(35000 + 2 * 9990));
    EXPECT_EQ(m_orders->find(b.id)->status, OrderStatus::Merged);
    EXPECT_EQ(m_orders->onTable("2").error().code, food_errc::kOrderNotFound);
    auto sent = m_kitchen->send(a.id); // only the borscht is new to the kitchen
    ASSERT_TRUE(sent.ok());
    ASSERT_EQ((*sent)[0].lines.size(), 1u);
    EXPECT_EQ((*sent)[0].lines[0].name, "Борщ");
}

TEST_F(FoodTest, ACommentChangedAfterSendingReachesTheKitchenOnceAsAChangedLine)
{
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());
    addPrinter("Кухня", printer.port(), true);
    const auto order = open("1", 2);
    add(order.id, "K-2", 2);
    add(order.id, "K-4", 1);
    ASSERT_TRUE(m_kitchen->send(order.id).ok());

    ASSERT_TRUE(m_orders->setComment(order.id, 0, "без сметаны").ok());
    auto changed = m_kitchen->send(order.id);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    ASSERT_EQ(changed->size(), 1u);
    ASSERT_EQ((*changed)[0].lines.size(), 1u);
    EXPECT_EQ((*changed)[0].lines[0].kind, TicketLineKind::Changed);
    EXPECT_EQ((*changed)[0].lines[0].name, "Борщ");
    EXPECT_EQ((*changed)[0].lines[0].quantity, Quantity::pieces(2)); // what the kitchen has, made the new way
    EXPECT_EQ((*changed)[0].lines[0].comment, "без сметаны");
    // Once: the next send has nothing.
    EXPECT_EQ(m_kitchen->send(order.id).error().code, food_errc::kNothingToSend);

    // A comment and a quantity changed together: the change for what it has, and the extra.
    ASSERT_TRUE(m_orders->setComment(order.id, 1, "прожарка сильная").ok());
    ASSERT_TRUE(m_orders->setQuantity(order.id, 1, Quantity::pieces(2)).ok());
    auto both = m_kitchen->send(order.id);
    ASSERT_TRUE(both.ok());
    ASSERT_EQ((*both)[0].lines.size(), 2u);
    EXPECT_EQ((*both)[0].lines[0].kind, TicketLineKind::Changed);
    EXPECT_EQ((*both)[0].lines[0].quantity, Quantity::pieces(1));
    EXPECT_EQ((*both)[0].lines[1].kind, TicketLineKind::More);
    EXPECT_EQ((*both)[0].lines[1].quantity, Quantity::pieces(1));

    // A comment on a line never sent is just part of the new line.
    add(order.id, "K-2", 1);
    ASSERT_TRUE(m_orders->setComment(order.id, 2, "без хлеба").ok());
    auto fresh = m_kitchen->send(order.id);
    ASSERT_TRUE(fresh.ok());
    ASSERT_EQ((*fresh)[0].lines.size(), 1u);
    EXPECT_EQ((*fresh)[0].lines[0].kind, TicketLineKind::New);
    EXPECT_EQ((*fresh)[0].lines[0].comment, "без хлеба");

    auto report = queue().pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 4);
    const auto texts = printer.texts();
    ASSERT_EQ(texts.size(), 4u);
    EXPECT_NE(texts[1].find("ИЗМЕНЕНО: 2 x Борщ"), std::string::npos) << texts[1];
    EXPECT_NE(texts[1].find("! без сметаны"), std::string::npos) << texts[1];
    EXPECT_EQ(texts[1].find("Котлета"), std::string::npos) << texts[1];
    EXPECT_NE(texts[2].find("ИЗМЕНЕНО: 1 x Котлета"), std::string::npos) << texts[2];
    EXPECT_NE(texts[2].find("ДОБАВИТЬ 1 x Котлета"), std::string::npos) << texts[2];
    EXPECT_EQ(texts[3].find("ИЗМЕНЕНО"), std::string::npos) << texts[3];
}

TEST_F(FoodTest, CancellingASentOrderQueuesACancelTicketWithTheReasonToEachStation)
{
    drivers::printer::PrinterEmulator kitchenPrinter;
    drivers::printer::PrinterEmulator bar;
    ASSERT_TRUE(kitchenPrinter.start().ok());
    ASSERT_TRUE(bar.start().ok());
    const auto hot = addPrinter("Кухня", kitchenPrinter.port(), true);
    const auto drinks = addPrinter("Бар", bar.port(), false);
    ASSERT_TRUE(m_kitchen->route(m_drinks, drinks.id).ok());
    const auto order = open("1", 2);
    add(order.id, "K-2", 2);
    add(order.id, "K-3", 1);
    add(order.id, "K-3", 3);
    ASSERT_TRUE(m_kitchen->send(order.id).ok());
    // One tea is cancelled and sent as such; the other tea removed and not sent yet.
    ASSERT_TRUE(m_orders->removeLine(order.id, 1).ok());
    ASSERT_TRUE(m_kitchen->send(order.id).ok());
    ASSERT_TRUE(m_orders->removeLine(order.id, 2).ok());
    add(order.id, "K-4", 1); // never sent: the kitchen knows nothing to cancel
    // The routes change in between: cancels still go where the lines went.
    ASSERT_TRUE(m_kitchen->route(m_drinks, hot.id).ok());
    ASSERT_EQ(m_kitchen->tickets(true)->size(), 3u);

    auto cancelled = m_orders->cancel(order.id, "гость ушёл", m_cashier);
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
    EXPECT_EQ(cancelled->status, OrderStatus::Cancelled);
    auto all = m_kitchen->tickets(true);
    ASSERT_EQ(all->size(), 5u); // queued right away, no send needed
    for (std::size_t i = 3; i < 5; ++i) {
        const auto& t = (*all)[i];
        EXPECT_EQ(t.note, "ОТМЕНА ЗАКАЗА: гость ушёл");
        EXPECT_EQ(t.printState, "queued");
        ASSERT_EQ(t.lines.size(), 1u);
        EXPECT_EQ(t.lines[0].kind, TicketLineKind::Cancel);
        if (t.printerId == drinks.id) {
            EXPECT_EQ(t.lines[0].quantity, Quantity::pieces(3));
        } else {
            EXPECT_EQ(t.printerId, hot.id);
            EXPECT_EQ(t.lines[0].name, "Борщ");
            EXPECT_EQ(t.lines[0].quantity, Quantity::pieces(2));
        }
    }
    auto report = queue().pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 5);
    const auto hotTexts = kitchenPrinter.texts();
    ASSERT_EQ(hotTexts.size(), 2u);
    EXPECT_NE(hotTexts[1].find("ОТМЕНА ЗАКАЗА: гость ушёл"), std::string::npos) << hotTexts[1];
    EXPECT_NE(hotTexts[1].find("ОТМЕНА 2 x Борщ"), std::string::npos) << hotTexts[1];
    EXPECT_EQ(hotTexts[1].find("Котлета"), std::string::npos) << hotTexts[1];
    const auto barTexts = bar.texts();
    ASSERT_EQ(barTexts.size(), 3u);
    EXPECT_NE(barTexts[2].find("ОТМЕНА ЗАКАЗА: гость ушёл"), std::string::npos) << barTexts[2];
    EXPECT_NE(barTexts[2].find("ОТМЕНА 3 x Чай"), std::string::npos) << barTexts[2];
    EXPECT_EQ(barTexts[2].find("1 x Чай"), std::string::npos) << barTexts[2]; // cancelled before: not again
    EXPECT_EQ(m_kitchen->send(order.id).error().code, food_errc::kOrderNotOpen);
}

TEST_F(FoodTest, CancellingAnOrderNeverSentQueuesNoTicket)
{
    drivers::printer::PrinterEmulator printer;
    ASSERT_TRUE(printer.start().ok());
    addPrinter("Кухня", printer.port(), true);
    const auto order = open("1", 2);
    add(order.id, "K-2", 2);
    ASSERT_TRUE(m_orders->cancel(order.id, "ошибся столом", m_cashier).ok());
    EXPECT_TRUE(m_kitchen->tickets(true)->empty());
    auto report = queue().pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 0);
    EXPECT_TRUE(printer.texts().empty());
}

TEST_F(FoodTest, MergeTellsTheStationsOnceAndRepeatsNoLine)
{
    drivers::printer::PrinterEmulator kitchenPrinter;
    drivers::printer::PrinterEmulator bar;
    ASSERT_TRUE(kitchenPrinter.start().ok());
    ASSERT_TRUE(bar.start().ok());
    addPrinter("Кухня", kitchenPrinter.port(), true);
    const auto drinks = addPrinter("Бар", bar.port(), false);
    ASSERT_TRUE(m_kitchen->route(m_drinks, drinks.id).ok());
    const auto a = open("1", 2);
    add(a.id, "K-2", 1);
    ASSERT_TRUE(m_kitchen->send(a.id).ok());
    const auto b = open("2", 2);
    add(b.id, "K-3", 2);
    ASSERT_TRUE(m_kitchen->send(b.id).ok());
    add(b.id, "K-4", 1); // not sent before the merge: goes with the target's next send

    auto merged = m_orders->merge(b.id, a.id);
    ASSERT_TRUE(merged.ok()) << merged.error().message;
    auto all = m_kitchen->tickets(true);
    ASSERT_EQ(all->size(), 3u); // one note, to the bar only (the kitchen had nothing of table 2)
    const auto& note = (*all)[2];
    EXPECT_EQ(note.printerId, drinks.id);
    EXPECT_EQ(note.tableName, "2");
    EXPECT_EQ(note.note, "ПЕРЕНЕСЁН НА СТОЛ 1, ЗАКАЗ №" + std::to_string(a.number));
    ASSERT_EQ(note.lines.size(), 1u);
    EXPECT_EQ(note.lines[0].kind, TicketLineKind::Moved);

    auto sent = m_kitchen->send(a.id);
    ASSERT_TRUE(sent.ok());
    ASSERT_EQ(sent->size(), 1u);
    ASSERT_EQ((*sent)[0].lines.size(), 1u);
    EXPECT_EQ((*sent)[0].lines[0].name, "Котлета");
    EXPECT_EQ(m_kitchen->send(a.id).error().code, food_errc::kNothingToSend);

    auto report = queue().pump();
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->printed, 4);
    const auto barTexts = bar.texts();
    ASSERT_EQ(barTexts.size(), 2u);
    EXPECT_NE(barTexts[1].find("ПЕРЕНЕСЁН НА СТОЛ 1"), std::string::npos) << barTexts[1];
    EXPECT_NE(barTexts[1].find("ПЕРЕНОС 2 x Чай"), std::string::npos) << barTexts[1];
    const auto hotTexts = kitchenPrinter.texts();
    ASSERT_EQ(hotTexts.size(), 2u);
    EXPECT_EQ(hotTexts[1].find("Чай"), std::string::npos) << hotTexts[1];
    EXPECT_EQ(hotTexts[1].find("Борщ"), std::string::npos) << hotTexts[1];
    EXPECT_NE(hotTexts[1].find("1 x Котлета"), std::string::npos) << hotTexts[1];

    // Moving the merged order: each station that cooks for it hears once, under the old table.
    ASSERT_TRUE(m_orders->move(a.id, "3").ok());
    auto notes = m_kitchen->tickets(true);
    ASSERT_EQ(notes->size(), 6u);
    for (std::size_t i = 4; i < 6; ++i) {
        EXPECT_EQ((*notes)[i].note, "ПЕРЕНЕСЁН НА СТОЛ 3");
        EXPECT_EQ((*notes)[i].tableName, "1");
        EXPECT_EQ((*notes)[i].lines.size(), (*notes)[i].printerId == drinks.id ? 1u : 2u);
    }
}

TEST_F(FoodTest, FullTableServiceEndsInFiscalizedReceipts)
{
    openShift();
    const auto group = milk();
    const auto order = open("4", 2);
    add(order.id, "K-1", 2, {{group.id, "овсяное"}});
    add(order.id, "K-4", 1);
    add(order.id, "K-3", 1);
    ASSERT_TRUE(m_kitchen->send(order.id).ok());
    ASSERT_TRUE(m_orders->printPreBill(order.id).ok());
    const auto tape = *m_kkt->tape(std::nullopt);
    EXPECT_NE(tape.find("ИТОГО: "), std::string::npos) << tape;
    auto split = m_orders->splitEqually(order.id, 3);
    ASSERT_TRUE(split.ok()) << split.error().message;
    const Money total = split->total;
    EXPECT_EQ(total, Money::fromKopecks(2 * 23000 + 33333 + 9990));

    // Part 1 in cash with change, part 2 by card, part 3 cash.
    OrderPayment first;
    first.payments = {{core::PaymentType::Cash, Money::fromKopecks(50000)}};
    auto paid1 = m_orders->pay(order.id, first, m_cashier);
    ASSERT_TRUE(paid1.ok()) << paid1.error().message;
    EXPECT_EQ(paid1->checkout.receipt.status, "fiscalized");
    EXPECT_EQ(paid1->order.status, OrderStatus::Open);
    // A change to a partly paid order is refused.
    NewOrderLine more;
    more.sku = "K-3";
    EXPECT_EQ(m_orders->addLine(order.id, more).error().code, food_errc::kOrderPartlyPaid);

    OrderPayment second;
    second.payments = {{core::PaymentType::Electronically, split->parts[1].amount}};
    auto paid2 = m_orders->pay(order.id, second, m_cashier);
    ASSERT_TRUE(paid2.ok()) << paid2.error().message;
    EXPECT_EQ(paid2->checkout.receipt.status, "fiscalized");
    // Paying part 2 again returns the same receipt (its UUID is fixed): never charged twice.
    OrderPayment again = second;
    again.part = 2;
    auto repeated = m_orders->pay(order.id, again, m_cashier);
    ASSERT_TRUE(repeated.ok()) << repeated.error().message;
    EXPECT_EQ(repeated->checkout.receipt.id, paid2->checkout.receipt.id);

    OrderPayment third;
    third.payments = {{core::PaymentType::Cash, split->parts[2].amount}};
    auto paid3 = m_orders->pay(order.id, third, m_cashier);
    ASSERT_TRUE(paid3.ok()) << paid3.error().message;
    EXPECT_EQ(paid3->order.status, OrderStatus::Paid);

    Money fiscalized;
    for (const auto* r : {&paid1->checkout.receipt, &paid2->checkout.receipt, &paid3->checkout.receipt}) {
        EXPECT_EQ(r->status, "fiscalized");
        EXPECT_TRUE(r->fiscalDocumentNumber.has_value());
        fiscalized += r->total;
    }
    EXPECT_EQ(fiscalized, total);
    EXPECT_EQ(paid1->checkout.receipt.lines[0].name, "Капучино, овсяное");
    EXPECT_EQ((*m_hall->map())[3].state, TableState::Free);
    EXPECT_TRUE(OrderService::checkShiftCanClose(*m_context).ok());

    const auto types = journalTypes();
    EXPECT_EQ(std::count(types.begin(), types.end(), "receipt.fiscalized"), 3);
    EXPECT_GE(std::count(types.begin(), types.end(), "food.ticket"), 1);
    EXPECT_EQ(m_orders->pay(order.id, third, m_cashier).error().code, food_errc::kOrderNotOpen);
    auto verified = m_context->journal().verify();
    ASSERT_TRUE(verified.ok());
    EXPECT_TRUE(verified->ok);
}

} // namespace
} // namespace sigma::till
