// Appointments against a real terminal.db and the emulated register: booking rules, the day
// view, and the way from an appointment to a fiscalized receipt.

#include "core/ErrorCodes.h"
#include "till/ServicesFixture.h"
#include "till/TillErrors.h"

namespace sigma::test {
namespace {

using namespace std::chrono_literals;

class AppointmentServiceTest : public ServicesFixture {};

/// A register link that dies at the receipt task: after delivering it (the register has the
/// document, the terminal never hears about it) or before (the register has nothing).
class AnswerLosingDevice final : public fiscal::FiscalDevice {
public:
    explicit AnswerLosingDevice(fiscal::FiscalDevice& inner, bool deliver = true) : m_inner(inner), m_deliver(deliver)
    {
    }

    core::Result<core::Json> execute(const core::Json& task) override
    {
        if (m_dead) {
            return fiscal::atolError(fiscal::atol::kNoConnection, "link down");
        }
        if (task.value("type", std::string()) == "sell") {
            if (m_deliver) {
                (void)m_inner.execute(task);
            }
            m_dead = true;
            return fiscal::atolError(fiscal::atol::kNoConnection, "link down");
        }
        return m_inner.execute(task);
    }
    std::string_view driverId() const override { return m_inner.driverId(); }

private:
    fiscal::FiscalDevice& m_inner;
    bool m_deliver;
    bool m_dead = false;
};

TEST_F(AppointmentServiceTest, OverlappingSlotsOfOneMasterAreRefusedTouchingOnesAreNot)
{
    auto first = book(m_olga, at(11), 60);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->endsAtUs - first->startsAtUs, 3600LL * 1'000'000);

    // Every way of overlapping 11:00-12:00 is refused.
    for (auto [start, minutes] : {std::pair{at(10, 30), 60}, std::pair{at(11, 30), 60}, std::pair{at(11, 15), 15},
                                  std::pair{at(10, 30), 120}, std::pair{at(11), 60}}) {
        auto clash = book(m_olga, start, minutes);
        ASSERT_FALSE(clash.ok()) << till::formatLocalDateTime(start);
        EXPECT_EQ(clash.error().code, till::errc::kAppointmentOverlap);
        EXPECT_NE(clash.error().message.find("11:00-12:00"), std::string::npos) << clash.error().message;
    }
    // Slots are half-open: ending at 11:00 or starting at 12:00 only touches.
    EXPECT_TRUE(book(m_olga, at(10), 60).ok());
    EXPECT_TRUE(book(m_olga, at(12), 30).ok());
    // Another master is free at the same time.
    EXPECT_TRUE(book(m_ivan, at(11), 60).ok());
    EXPECT_EQ(eventsOfType("appointment.created").size(), 4u);
}

TEST_F(AppointmentServiceTest, WorkingHoursAndTimeRules)
{
    // Olga works 10:00-20:00.
    auto early = book(m_olga, at(9, 30), 60);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, till::errc::kOutsideWorkingHours);
    auto late = book(m_olga, at(19, 30), 60);
    ASSERT_FALSE(late.ok());
    EXPECT_EQ(late.error().code, till::errc::kOutsideWorkingHours);
    EXPECT_TRUE(book(m_olga, at(19), 60).ok()); // ends exactly at 20:00
    // Ivan has no hours: any time.
    EXPECT_TRUE(book(m_ivan, at(7), 30).ok());

    for (int minutes : {0, 3, 7, -60, 12 * 60 + 5}) {
        auto bad = book(m_ivan, at(12), minutes);
        ASSERT_FALSE(bad.ok()) << minutes;
        EXPECT_EQ(bad.error().code, till::errc::kBadAppointmentTime) << minutes;
    }
    auto offMinute = book(m_ivan, at(13) + 30'000'000, 30);
    ASSERT_FALSE(offMinute.ok());
    EXPECT_EQ(offMinute.error().code, till::errc::kBadAppointmentTime);

    // Only active masters take appointments.
    auto notMaster = book(m_cashierOnly, at(12), 30);
    ASSERT_FALSE(notMaster.ok());
    EXPECT_EQ(notMaster.error().code, till::errc::kNotAMaster);
    auto garbage = book("not-an-id", at(12), 30);
    ASSERT_FALSE(garbage.ok());
    EXPECT_EQ(garbage.error().code, till::errc::kNotAMaster);
    ASSERT_TRUE(masters().save({m_ivan, "Барбер", std::nullopt, false}, m_cashier).ok());
    auto inactive = book(m_ivan, at(15), 30);
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().code, till::errc::kNotAMaster);
}

TEST_F(AppointmentServiceTest, MalformedLocalTimesAreRefused)
{
    for (const char* text :
         {"", "2026-12-10", "2026-12-10T10", "2026-12-10T25:00", "2026-12-10T10:60", "2026-02-30T10:00",
          "2026-12-10T1O:00", "2026-12-10X10:00", "2026-12-10T10:00:00", " 2026-12-10T10:00"}) {
        auto parsed = till::parseLocalDateTime(text);
        ASSERT_FALSE(parsed.ok()) << text;
        EXPECT_EQ(parsed.error().code, till::errc::kBadAppointmentTime) << text;
    }
    ASSERT_TRUE(till::parseLocalDateTime("2026-12-10 10:00").ok());
    // Moscow is UTC+3: 10:00 local is 07:00 UTC.
    EXPECT_EQ(*till::parseLocalDateTime("2026-12-10T10:00"), 1'796'886'000LL * 1'000'000);
    EXPECT_EQ(till::formatLocalDateTime(1'796'886'000LL * 1'000'000), "2026-12-10T10:00");

    for (const char* hours :
         {"", "10:00", "10-20", "20:00-10:00", "10:00-10:00", "10:00-24:01", "9:00-18:00", "10:00–20:00"}) {
        auto parsed = till::MasterService::parseWorkingHours(hours);
        ASSERT_FALSE(parsed.ok()) << hours;
        EXPECT_EQ(parsed.error().code, till::errc::kBadWorkingHours) << hours;
    }
    EXPECT_EQ(*till::MasterService::parseWorkingHours("09:30-24:00"), (std::pair{570, 1440}));
}

TEST_F(AppointmentServiceTest, MoveOntoAnOccupiedSlotIsRefusedAndChangesNothing)
{
    auto a = book(m_olga, at(11), 60);
    auto b = book(m_olga, at(13), 60);
    ASSERT_TRUE(a.ok() && b.ok());

    auto clash = appointments().move(b->id, {at(11, 30), std::nullopt, std::nullopt}, m_cashier);
    ASSERT_FALSE(clash.ok());
    EXPECT_EQ(clash.error().code, till::errc::kAppointmentOverlap);
    auto stored = appointments().get(b->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->startsAtUs, at(13));
    EXPECT_TRUE(eventsOfType("appointment.moved").empty());

    // Onto Ivan at the same time: free, and the services move with it.
    auto toIvan = appointments().move(b->id, {at(11, 30), m_ivan, 90}, m_cashier);
    ASSERT_TRUE(toIvan.ok()) << toIvan.error().message;
    EXPECT_EQ(toIvan->staffId, m_ivan);
    EXPECT_EQ(toIvan->endsAtUs, at(13));
    // Back to its own slot, touching a's end: allowed; moving onto itself does not clash.
    auto back = appointments().move(b->id, {at(12), m_olga, 60}, m_cashier);
    ASSERT_TRUE(back.ok()) << back.error().message;
    ASSERT_TRUE(appointments().move(b->id, {at(12, 15), std::nullopt, std::nullopt}, m_cashier).ok());

    const auto moved = eventsOfType("appointment.moved");
    ASSERT_EQ(moved.size(), 3u);
    EXPECT_EQ(moved[0].payload["previousStaffId"], m_olga);
    EXPECT_EQ(moved[0].payload["staffId"], m_ivan);
    EXPECT_EQ(moved[0].payload["previousStartsAt"], at(13));
    EXPECT_EQ(moved[0].payload["startsAt"], at(11, 30));
    EXPECT_EQ(moved[0].payload["endsAt"], at(13));

    auto missing = appointments().move("01939a4c-0000-7000-8000-000000000000", {at(15), {}, {}}, m_cashier);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, till::errc::kAppointmentNotFound);
}

TEST_F(AppointmentServiceTest, CancelNeedsAReasonAndFreesTheSlot)
{
    auto a = book(m_olga, at(11), 60);
    ASSERT_TRUE(a.ok());
    for (const char* reason : {"", "   \t"}) {
        auto refused = appointments().cancel(a->id, reason, m_cashier);
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, till::errc::kCancelReasonRequired);
    }
    auto cancelled = appointments().cancel(a->id, "  клиент заболел ", m_cashier);
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
    EXPECT_EQ(cancelled->status, "cancelled");
    EXPECT_EQ(cancelled->cancelReason, "клиент заболел");
    const auto events = eventsOfType("appointment.cancelled");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].payload["reason"], "клиент заболел");
    EXPECT_EQ(events[0].payload["cancelledBy"], m_cashierOnly);

    // The slot is free again; a cancelled appointment can be neither moved nor cancelled again.
    EXPECT_TRUE(book(m_olga, at(11), 60).ok());
    auto again = appointments().cancel(a->id, "ещё раз", m_cashier);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, till::errc::kAppointmentWrongState);
    auto move = appointments().move(a->id, {at(15), {}, {}}, m_cashier);
    ASSERT_FALSE(move.ok());
    EXPECT_EQ(move.error().code, till::errc::kAppointmentWrongState);
    EXPECT_TRUE(m_context->journal().verify()->ok);
}

TEST_F(AppointmentServiceTest, CustomerServicesAndNoteCanBeChangedWhileScheduled)
{
    auto a = book(m_olga, at(11), 60, {"CUT-1"});
    ASSERT_TRUE(a.ok());
    auto anna = customers().create({"Анна", "+79991234567", ""}, m_cashier);
    ASSERT_TRUE(anna.ok());

    till::AppointmentEdit edit;
    edit.customerId = anna->id.toString();
    edit.services =
        std::vector<till::ServiceRequest>{{"COLOR-1", {}, {}, core::VatRate::None, m_ivan},
                                          {{}, "Укладка", core::Money::fromKopecks(80000), core::VatRate::None, {}}};
    edit.note = "аллергия на аммиак";
    auto edited = appointments().edit(a->id, edit, m_cashier);
    ASSERT_TRUE(edited.ok()) << edited.error().message;
    auto stored = appointments().get(a->id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->customerId, anna->id.toString());
    ASSERT_EQ(stored->items.size(), 2u);
    EXPECT_EQ(stored->items[0].sku, "COLOR-1");
    EXPECT_EQ(stored->items[0].staffId, m_ivan);
    EXPECT_EQ(stored->items[1].staffId, m_olga);
    EXPECT_EQ(stored->items[1].price.kopecks(), 80000);
    EXPECT_EQ(stored->note, "аллергия на аммиак");
    EXPECT_EQ(stored->startsAtUs, at(11)); // the slot is untouched
    const auto updated = eventsOfType("appointment.updated");
    ASSERT_EQ(updated.size(), 1u);
    EXPECT_EQ(updated[0].payload["customerId"], anna->id.toString());
    EXPECT_EQ(updated[0].payload["services"][1]["price"], 80000);

    // Only what is given changes; an empty customer id detaches the customer.
    till::AppointmentEdit detach;
    detach.customerId = "";
    ASSERT_TRUE(appointments().edit(a->id, detach, m_cashier).ok());
    EXPECT_FALSE(appointments().get(a->id)->customerId);
    EXPECT_EQ(appointments().get(a->id)->items.size(), 2u);

    till::AppointmentEdit bad;
    bad.customerId = "01939a4c-0000-7000-8000-000000000000";
    EXPECT_EQ(appointments().edit(a->id, bad, m_cashier).error().code, till::errc::kCustomerNotFound);
    till::AppointmentEdit badService;
    badService.services = std::vector<till::ServiceRequest>{{"NOPE", {}, {}, core::VatRate::None, {}}};
    auto refused = appointments().edit(a->id, badService, m_cashier);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::errc::kProductNotFound);
    EXPECT_EQ(refused.error().field, "services[0].sku");
    badService.services = std::vector<till::ServiceRequest>{{"CUT-1", {}, {}, core::VatRate::None, m_cashierOnly}};
    EXPECT_EQ(appointments().edit(a->id, badService, m_cashier).error().code, till::errc::kNotAMaster);
    EXPECT_EQ(eventsOfType("appointment.updated").size(), 2u);

    ASSERT_TRUE(appointments().cancel(a->id, "передумала", m_cashier).ok());
    EXPECT_EQ(appointments().edit(a->id, edit, m_cashier).error().code, till::errc::kAppointmentWrongState);
}

TEST_F(AppointmentServiceTest, DayViewHasAColumnPerMasterWithFreeSlots)
{
    auto customer = customers().create({"Анна Петрова", "+7 999 111-22-33", ""}, m_cashier);
    ASSERT_TRUE(customer.ok());
    ASSERT_TRUE(book(m_olga, at(12), 60, {"CUT-1"}, customer->id.toString()).ok());
    ASSERT_TRUE(book(m_olga, at(10), 30).ok());
    auto cancelled = book(m_olga, at(15), 60);
    ASSERT_TRUE(cancelled.ok());
    ASSERT_TRUE(appointments().cancel(cancelled->id, "перенос", m_cashier).ok());
    ASSERT_TRUE(book(m_ivan, at(12), 60, {}, {}).ok());
    ASSERT_TRUE(book(m_ivan, at(9), 30, {}, {}).ok());
    ASSERT_TRUE(book(m_olga, at(12, 0, 11), 60).ok()); // the next day: not in the view

    auto view = appointments().day(core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(10)});
    ASSERT_TRUE(view.ok()) << view.error().message;
    ASSERT_EQ(view->columns.size(), 2u);
    // Columns by name: Иван, Ольга.
    EXPECT_EQ(view->columns[0].master.employeeId, m_ivan);
    EXPECT_EQ(view->columns[1].master.employeeId, m_olga);
    ASSERT_EQ(view->columns[1].appointments.size(), 2u); // the cancelled one is hidden
    EXPECT_EQ(view->columns[1].appointments[0].startsAtUs, at(10));
    const auto json = view->toJson();
    EXPECT_EQ(json["date"], "2026-12-10");
    EXPECT_EQ(json["columns"][1]["free"], core::Json::parse(R"(["10:30-12:00", "13:00-20:00"])"));
    EXPECT_EQ(json["columns"][0]["free"], core::Json::parse(R"(["00:00-09:00", "09:30-12:00", "13:00-24:00"])"));
    EXPECT_EQ(json["columns"][1]["appointments"][1]["customerName"], "Анна Петрова");
    EXPECT_EQ(json["columns"][1]["appointments"][1]["services"][0]["name"], "Стрижка женская");

    auto all =
        appointments().day(core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(10)}, true);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->columns[1].appointments.size(), 3u);
    // The cancelled slot stays free.
    EXPECT_EQ(all->toJson()["columns"][1]["free"], json["columns"][1]["free"]);

    // A master who stops taking appointments keeps the column while booked that day.
    ASSERT_TRUE(masters().save({m_ivan, "Барбер", std::nullopt, false}, m_cashier).ok());
    auto after = appointments().day(core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(10)});
    ASSERT_TRUE(after.ok());
    ASSERT_EQ(after->columns.size(), 2u);
    EXPECT_EQ(after->columns[1].master.employeeId, m_ivan);
    EXPECT_FALSE(after->columns[1].master.active);
    EXPECT_EQ(after->columns[1].appointments.size(), 2u);
}

TEST_F(AppointmentServiceTest, CheckoutRingsTheServicesByTheirMastersAndMarksTheAppointmentDone)
{
    openShift();
    auto customer = customers().create({"Анна Петрова", "89991112233", ""}, m_cashier);
    ASSERT_TRUE(customer.ok());
    till::NewAppointment input;
    input.staffId = m_olga;
    input.customerId = customer->id.toString();
    input.startsAtUs = at(12);
    input.durationMin = 120;
    input.services.push_back({"CUT-1", {}, {}, core::VatRate::None, {}});
    input.services.push_back({"COLOR-1", {}, {}, core::VatRate::None, m_ivan});
    input.services.push_back({{}, "Укладка", core::Money::fromKopecks(80000), core::VatRate::None, {}});
    auto a = appointments().create(input, m_cashier);
    ASSERT_TRUE(a.ok()) << a.error().message;

    auto result =
        appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(700000)}}, m_cashier);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "fiscalized");
    EXPECT_EQ(result->receipt.total.kopecks(), 150000 + 450000 + 80000);
    ASSERT_EQ(result->receipt.lines.size(), 3u);
    EXPECT_EQ(result->receipt.lines[0].staffId, m_olga);
    EXPECT_EQ(result->receipt.lines[1].staffId, m_ivan);
    EXPECT_EQ(result->receipt.lines[2].staffId, m_olga);
    EXPECT_EQ(result->receipt.lines[2].paymentObject, "service");
    EXPECT_EQ(result->receipt.customerId, customer->id.toString());

    auto done = appointments().get(a->id);
    ASSERT_TRUE(done.ok());
    EXPECT_EQ(done->status, "done");
    EXPECT_EQ(done->receiptId, result->receipt.id);

    // The journal: the receipt with its masters and customer, then the appointment completed.
    const auto all = events();
    ASSERT_GE(all.size(), 2u);
    const auto& receipt = all[all.size() - 2];
    const auto& completed = all.back();
    EXPECT_EQ(receipt.type, "receipt.fiscalized");
    EXPECT_EQ(receipt.payload["customerId"], customer->id.toString());
    EXPECT_EQ(receipt.payload["lines"][1]["staffId"], m_ivan);
    EXPECT_EQ(completed.type, "appointment.completed");
    EXPECT_EQ(completed.payload["appointmentId"], a->id);
    EXPECT_EQ(completed.payload["receiptId"], result->receipt.id);

    // Done: not sold twice, not moved, not cancelled.
    auto twice =
        appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(700000)}}, m_cashier);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, till::errc::kAppointmentWrongState);
    EXPECT_EQ(appointments().cancel(a->id, "ошибка", m_cashier).error().code, till::errc::kAppointmentWrongState);
    // Its slot stays taken.
    EXPECT_EQ(book(m_olga, at(13), 30).error().code, till::errc::kAppointmentOverlap);

    // A retry with the receipt's UUID answers with the same receipt and rings nothing.
    const auto last = registerLast();
    auto retry = appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(700000)}},
                                         m_cashier, result->receipt.id);
    ASSERT_TRUE(retry.ok()) << retry.error().message;
    EXPECT_EQ(retry->receipt.fiscalDocumentNumber, result->receipt.fiscalDocumentNumber);
    EXPECT_EQ(registerLast(), last);
    EXPECT_TRUE(m_context->journal().verify()->ok);
}

TEST_F(AppointmentServiceTest, AnAppointmentWithoutServicesCannotBeSold)
{
    openShift();
    auto a = book(m_olga, at(12), 60);
    ASSERT_TRUE(a.ok());
    auto sold = appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(100)}}, m_cashier);
    ASSERT_FALSE(sold.ok());
    EXPECT_EQ(sold.error().code, till::errc::kAppointmentNoServices);
}

TEST_F(AppointmentServiceTest, ASaleThatFailsLeavesTheAppointmentScheduledAndSellableAgain)
{
    openShift();
    auto a = book(m_olga, at(12), 60, {"CUT-1"});
    ASSERT_TRUE(a.ok());
    // The link dies as the receipt goes out (it never arrives): the receipt stays pending, and
    // the appointment cannot be changed meanwhile.
    AnswerLosingDevice dying(*m_kkt, /*deliver=*/false);
    till::TillContext context(*m_database, dying, m_payment.get(), m_clock, m_random);
    auto pending = till::AppointmentService(context, *m_lookup)
                       .checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(150000)}}, m_cashier);
    ASSERT_TRUE(pending.ok()) << pending.error().message;
    EXPECT_EQ(pending->receipt.status, "pending");
    auto stuck = appointments().get(a->id);
    EXPECT_EQ(stuck->status, "scheduled");
    EXPECT_EQ(stuck->receiptId, pending->receipt.id);
    auto move = appointments().move(a->id, {at(14), {}, {}}, m_cashier);
    ASSERT_FALSE(move.ok());
    EXPECT_EQ(move.error().code, till::errc::kAppointmentWrongState);

    // With the register reachable again, recovery finds no document: the receipt fails, and the
    // appointment is unlinked and can be sold again.
    ASSERT_TRUE(till::RecoveryService(*m_context).recoverAll().ok());
    ASSERT_EQ(m_context->receipts().find(pending->receipt.id)->value().status, "failed");
    auto result =
        appointments().checkout(a->id, {{core::PaymentType::Cash, core::Money::fromKopecks(150000)}}, m_cashier);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->receipt.status, "fiscalized");
    EXPECT_EQ(appointments().get(a->id)->status, "done");
}

TEST_F(AppointmentServiceTest, AReceiptCompletedByRecoveryMarksItsAppointmentDone)
{
    openShift();
    auto a = book(m_olga, at(12), 60, {"CUT-1"});
    ASSERT_TRUE(a.ok());
    // The sale is rung through an ordinary SaleSession, as the screen does.
    till::SaleSession sale(*m_context, *m_lookup);
    ASSERT_TRUE(appointments().toSale(a->id, sale).ok());
    ASSERT_EQ(sale.lines().size(), 1u);
    EXPECT_EQ(sale.lines()[0].origin.staffId, m_olga);
    auto request = sale.checkoutRequest({{core::PaymentType::Cash, core::Money::fromKopecks(150000)}}, m_cashier);
    EXPECT_EQ(request.uuid, appointments().get(a->id)->receiptId);

    // The register prints the receipt, then the link dies before the answer comes back: the
    // receipt stays pending (recovery cannot ask the register either).
    AnswerLosingDevice losing(*m_kkt);
    till::TillContext context(*m_database, losing, m_payment.get(), m_clock, m_random);
    auto first = till::CheckoutService(context).checkout(request);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(first->receipt.status, "pending");
    EXPECT_EQ(*appointments().settle(), 0);
    EXPECT_EQ(appointments().get(a->id)->status, "scheduled");

    // Recovery finds the document; the next settle() (run by the day view) completes the
    // appointment, exactly once.
    ASSERT_TRUE(till::RecoveryService(*m_context).recoverAll().ok());
    ASSERT_EQ(m_context->receipts().find(request.uuid)->value().status, "fiscalized");
    auto view = appointments().day(core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(10)});
    ASSERT_TRUE(view.ok());
    EXPECT_EQ(appointments().get(a->id)->status, "done");
    EXPECT_EQ(*appointments().settle(), 0);
    EXPECT_EQ(eventsOfType("appointment.completed").size(), 1u);
}

} // namespace
} // namespace sigma::test
