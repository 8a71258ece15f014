// The projections of cloud migration 3: a receipt's customer and each line's master, the salon's
// masters, customers and appointments, the hall's tables, orders and kitchen tickets; retried
// batches project nothing twice, and a malformed payload refuses the whole batch with a 400
// naming the field.

#include "CloudFixture.h"

namespace sigma::cloud::test {
namespace {

constexpr std::int64_t kT0 = 1796378400000000;

class CloudProjectionTest : public CloudFixture {
protected:
    std::int64_t count(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().message);
        return row.ok() && row->has_value() && !(*row)->isNull(0) ? (*row)->int64(0) : -1;
    }
    std::string text(const std::string& sql, std::initializer_list<db::Param> params = {})
    {
        auto lock = m_adminDb->lock();
        auto row = m_adminDb->connection().queryOne(sql, params);
        EXPECT_TRUE(row.ok()) << (row.ok() ? "" : row.error().message);
        return row.ok() && row->has_value() && !(*row)->isNull(0) ? (*row)->text(0) : std::string("<null>");
    }

    /// Sends the events as one batch, then the same batch again (a retry after a lost answer).
    void sendTwice(const Device& device, const std::vector<store::JournalEvent>& events)
    {
        auto sent = deviceSend(device, "POST", "/api/v1/device/events", eventsBody(events));
        ASSERT_EQ(sent.status, 200) << sent.body;
        sent = deviceSend(device, "POST", "/api/v1/device/events", eventsBody(events),
                          std::to_string(std::stoll(nowSeconds()) + 1));
        ASSERT_EQ(sent.status, 200) << sent.body;
        EXPECT_EQ(json(sent).value("ackedSeq", 0), events.back().seq);
    }

    static core::Json service(int position, const std::string& name, std::int64_t price, const std::string& staffId)
    {
        return {{"position", position}, {"sku", "S" + std::to_string(position)},
                {"name", name},         {"price", price},
                {"vatRate", "none"},    {"staffId", staffId}};
    }
};

TEST_P(CloudProjectionTest, SalonEventsAndReceiptStaffAreProjected)
{
    const auto account = registerAccount("SN-S1", "9993330031", "salon@example.com", "services");
    const core::Json sale = {
        {"receiptId", "r-1"},
        {"operation", "sell"},
        {"total", 450000},
        {"customerId", "cust-1"},
        {"lines",
         {{{"position", 0}, {"name", "Стрижка"}, {"quantity", 1000}, {"amount", 150000}, {"staffId", "m-2"}},
          {{"position", 1}, {"name", "Окрашивание"}, {"quantity", 1000}, {"amount", 250000}, {"staffId", "m-1"}},
          {{"position", 2}, {"name", "Шампунь"}, {"quantity", 1000}, {"amount", 50000}}}}};
    const core::Json anonymousSale = {
        {"receiptId", "r-2"},
        {"operation", "sell"},
        {"lines", {{{"position", 0}, {"name", "Укладка"}, {"amount", 70000}, {"staffId", "m-1"}}}}};
    auto events = chain(
        1, std::string(store::JournalHash::kGenesis),
        {{"master.saved",
          {{"employeeId", "m-1"}, {"specialty", "Колорист"}, {"active", true}, {"workFrom", 540}, {"workTo", 1200}}},
         {"master.saved", {{"employeeId", "m-2"}, {"specialty", "Парикмахер"}, {"active", true}}},
         {"master.saved", {{"employeeId", "m-2"}, {"specialty", "Барбер"}, {"active", false}, {"savedBy", "e-1"}}},
         {"customer.saved", {{"customerId", "cust-1"}, {"name", "Анна"}, {"phone", "+79990001122"}}},
         {"appointment.created",
          {{"appointmentId", "a-1"},
           {"staffId", "m-1"},
           {"customerId", "cust-1"},
           {"startsAt", kT0},
           {"endsAt", kT0 + 3'600'000'000},
           {"note", ""},
           {"createdBy", "e-1"},
           {"services", {service(0, "Стрижка", 150000, "m-1"), service(1, "Окрашивание", 250000, "m-1")}}}},
         {"appointment.updated",
          {{"appointmentId", "a-1"},
           {"note", "без спешки"},
           {"services",
            {service(0, "Стрижка", 150000, "m-1"), service(1, "Окрашивание", 250000, "m-1"),
             service(2, "Укладка", 70000, "m-3")}}}},
         {"appointment.moved",
          {{"appointmentId", "a-1"},
           {"staffId", "m-2"},
           {"startsAt", kT0 + 7'200'000'000},
           {"endsAt", kT0 + 10'800'000'000},
           {"previousStaffId", "m-1"},
           {"previousStartsAt", kT0},
           {"previousEndsAt", kT0 + 3'600'000'000}}},
         {"receipt.fiscalized", sale},
         {"appointment.completed", {{"appointmentId", "a-1"}, {"receiptId", "r-1"}}},
         {"appointment.created",
          {{"appointmentId", "a-2"}, {"staffId", "m-1"}, {"startsAt", kT0}, {"endsAt", kT0 + 1'800'000'000}}},
         {"appointment.cancelled", {{"appointmentId", "a-2"}, {"reason", "клиент заболел"}}},
         {"appointment.completed", {{"appointmentId", "a-2"}, {"receiptId", "r-x"}}}, // too late: cancelled
         {"receipt.fiscalized", anonymousSale},
         {"appointment.rescheduledByRobot", {{"anything", 1}}}}); // a newer type: kept verbatim only
    sendTwice(account.device, events);

    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events WHERE device_id = $1", {account.device.id}), 14);
    // Revenue per employee and visits per customer.
    EXPECT_EQ(count("SELECT SUM(amount) FROM receipt_lines WHERE staff_id = 'm-1'"), 250000 + 70000);
    EXPECT_EQ(count("SELECT SUM(amount) FROM receipt_lines WHERE staff_id = 'm-2'"), 150000);
    EXPECT_EQ(count("SELECT COUNT(*) FROM receipt_lines WHERE staff_id IS NULL"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM receipts WHERE customer_id = 'cust-1'"), 1);
    EXPECT_EQ(text("SELECT customer_id FROM receipts WHERE receipt_id = 'r-2'"), "<null>");
    // Masters: the latest profile holds.
    EXPECT_EQ(count("SELECT COUNT(*) FROM masters"), 2);
    EXPECT_EQ(text("SELECT specialty FROM masters WHERE employee_id = 'm-2'"), "Барбер");
    EXPECT_EQ(count("SELECT active FROM masters WHERE employee_id = 'm-2'"), 0);
    EXPECT_EQ(count("SELECT work_to FROM masters WHERE employee_id = 'm-1' AND active = 1"), 1200);
    EXPECT_EQ(text("SELECT phone FROM customers WHERE customer_id = 'cust-1' AND name = 'Анна'"), "+79990001122");
    // The appointment: updated (customer dropped, three services), moved to m-2 with m-1's
    // services, then completed by r-1.
    EXPECT_EQ(text("SELECT status FROM appointments WHERE appointment_id = 'a-1'"), "completed");
    EXPECT_EQ(text("SELECT receipt_id FROM appointments WHERE appointment_id = 'a-1'"), "r-1");
    EXPECT_EQ(text("SELECT staff_id FROM appointments WHERE appointment_id = 'a-1'"), "m-2");
    EXPECT_EQ(count("SELECT starts_at FROM appointments WHERE appointment_id = 'a-1'"), kT0 + 7'200'000'000);
    EXPECT_EQ(text("SELECT customer_id FROM appointments WHERE appointment_id = 'a-1'"), "<null>");
    EXPECT_EQ(text("SELECT note FROM appointments WHERE appointment_id = 'a-1'"), "без спешки");
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_services WHERE appointment_id = 'a-1'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_services WHERE appointment_id = 'a-1' AND staff_id = 'm-2'"), 2);
    EXPECT_EQ(text("SELECT staff_id FROM appointment_services WHERE appointment_id = 'a-1' AND position = 2"), "m-3");
    EXPECT_EQ(count("SELECT price FROM appointment_services WHERE appointment_id = 'a-1' AND position = 1"), 250000);
    EXPECT_EQ(text("SELECT status FROM appointments WHERE appointment_id = 'a-2'"), "cancelled");
    EXPECT_EQ(text("SELECT cancel_reason FROM appointments WHERE appointment_id = 'a-2'"), "клиент заболел");
    EXPECT_EQ(text("SELECT receipt_id FROM appointments WHERE appointment_id = 'a-2'"), "<null>");
}

TEST_P(CloudProjectionTest, FoodEventsKeepTheLatestState)
{
    const auto account = registerAccount("SN-F1", "9993330032", "food@example.com", "food");
    const core::Json modifiers = {{{"groupId", "g1"}, {"group", "Сироп"}, {"option", "Ваниль"}, {"priceDelta", 3000}}};
    core::Json open = {
        {"orderId", "o-1"},
        {"number", 1},
        {"tableId", "t-1"},
        {"status", "open"},
        {"guests", 2},
        {"waiterId", "w-1"},
        {"openedAt", kT0},
        {"total", 63000},
        {"lines",
         {{{"position", 0},
           {"productId", "p-1"},
           {"name", "Латте"},
           {"price", 23000},
           {"quantity", 2000},
           {"amount", 46000},
           {"modifiers", modifiers},
           {"comment", "горячий"}},
          {{"position", 1}, {"name", "Круассан"}, {"price", 17000}, {"quantity", 1000}, {"amount", 17000}}}},
        {"parts", core::Json::array()},
        {"cancelReason", ""},
        {"mergedInto", ""}};
    core::Json paid = open;
    paid["status"] = "paid";
    paid["total"] = 46000;
    paid["lines"] = {open["lines"][0]};
    paid["parts"] = {{{"part", 1}, {"receiptId", "r-7"}, {"amount", 46000}, {"paid", true}}};
    const core::Json body = {{"orderNumber", 1}, {"table", "Стол 1"}, {"guests", 2}, {"lines", core::Json::array()}};
    auto events = chain(
        1, std::string(store::JournalHash::kGenesis),
        {{"food.table", {{"tableId", "t-1"}, {"name", "Стол 1"}, {"x", 0}, {"y", 1}, {"seats", 4}}},
         {"food.table", {{"tableId", "t-2"}, {"name", "Бар"}, {"x", 2}, {"y", 0}, {"seats", 2}}},
         {"food.table", {{"tableId", "t-2"}, {"name", "Бар"}, {"x", 2}, {"y", 0}, {"seats", 2}, {"removed", true}}},
         {"food.order", open},
         {"food.ticket",
          {{"ticketId", "k-1"},
           {"number", 5},
           {"orderId", "o-1"},
           {"printerId", ""},
           {"state", "new"},
           {"body", body}}},
         {"food.ticket",
          {{"ticketId", "k-1"}, {"number", 5}, {"orderId", "o-1"}, {"state", "ready"}, {"readyAt", kT0 + 600'000'000}}},
         {"food.order", paid}});
    sendTwice(account.device, events);

    EXPECT_EQ(count("SELECT COUNT(*) FROM food_tables"), 2);
    EXPECT_EQ(count("SELECT removed FROM food_tables WHERE table_id = 't-2'"), 1);
    EXPECT_EQ(count("SELECT seats FROM food_tables WHERE table_id = 't-1' AND removed = 0 AND y = 1"), 4);
    EXPECT_EQ(text("SELECT status FROM food_orders WHERE order_id = 'o-1'"), "paid");
    EXPECT_EQ(count("SELECT total FROM food_orders WHERE order_id = 'o-1' AND guests = 2 AND waiter_id = 'w-1'"),
              46000);
    EXPECT_EQ(text("SELECT cancel_reason FROM food_orders WHERE order_id = 'o-1'"), "<null>");
    EXPECT_EQ(count("SELECT COUNT(*) FROM food_order_lines WHERE order_id = 'o-1'"), 1);
    EXPECT_EQ(count("SELECT quantity FROM food_order_lines WHERE order_id = 'o-1' AND position = 0"), 2000);
    const auto storedModifiers =
        core::parseJsonExact(text("SELECT modifiers FROM food_order_lines WHERE order_id = 'o-1' AND position = 0"));
    ASSERT_TRUE(storedModifiers.ok());
    EXPECT_EQ(*storedModifiers, modifiers);
    EXPECT_EQ(count("SELECT amount FROM food_order_parts WHERE order_id = 'o-1' AND part = 1 AND receipt_id = 'r-7' "
                    "AND paid = 1"),
              46000);
    EXPECT_EQ(text("SELECT state FROM food_tickets WHERE ticket_id = 'k-1'"), "ready");
    EXPECT_EQ(count("SELECT ready_at FROM food_tickets WHERE ticket_id = 'k-1' AND number = 5"), kT0 + 600'000'000);
    EXPECT_EQ(text("SELECT printer_id FROM food_tickets WHERE ticket_id = 'k-1'"), "<null>");
    const auto storedBody = core::parseJsonExact(text("SELECT body FROM food_tickets WHERE ticket_id = 'k-1'"));
    ASSERT_TRUE(storedBody.ok());
    EXPECT_EQ(*storedBody, body);
}

struct MalformedCase {
    std::string type;
    core::Json payload;
    std::string field; ///< under events[1].payload
};

TEST_P(CloudProjectionTest, MalformedPayloadsRefuseTheWholeBatchNamingTheField)
{
    const auto account = registerAccount("SN-M1", "9993330033", "bad@example.com", "services");
    const core::Json slot = {{"appointmentId", "a-1"}, {"staffId", "m-1"}, {"startsAt", kT0}, {"endsAt", kT0 + 1}};
    auto with = [](core::Json base, const std::string& key, core::Json value) {
        base[key] = std::move(value);
        return base;
    };
    auto without = [](core::Json base, const std::string& key) {
        base.erase(key);
        return base;
    };
    const core::Json order = {{"orderId", "o-1"}, {"status", "open"}};
    const std::vector<MalformedCase> cases = {
        {"appointment.created", without(slot, "startsAt"), "startsAt"},
        {"appointment.created", with(slot, "startsAt", "2026-12-04"), "startsAt"},
        {"appointment.created", without(slot, "appointmentId"), "appointmentId"},
        {"appointment.created", with(slot, "staffId", ""), "staffId"},
        {"appointment.created", with(slot, "endsAt", kT0), "endsAt"},
        {"appointment.created", with(slot, "customerId", 42), "customerId"},
        {"appointment.created", with(slot, "services", {{{"name", "ok"}}, {{"price", "1000"}}}), "services[1].price"},
        {"appointment.created", with(slot, "services", {"Стрижка"}), "services[0]"},
        {"appointment.updated", {{"appointmentId", "a-1"}, {"services", "all"}}, "services"},
        {"appointment.moved", without(slot, "endsAt"), "endsAt"},
        {"appointment.cancelled", {{"appointmentId", "a-1"}, {"reason", ""}}, "reason"},
        {"appointment.completed", {{"appointmentId", "a-1"}, {"receiptId", 7}}, "receiptId"},
        {"master.saved", {{"employeeId", "m-1"}, {"active", "yes"}}, "active"},
        {"master.saved", {{"specialty", "Колорист"}}, "employeeId"},
        {"master.saved", {{"employeeId", "m-1"}, {"workFrom", "09:00"}}, "workFrom"},
        {"customer.saved", {{"name", "Анна"}}, "customerId"},
        {"customer.saved", {{"customerId", "c-1"}, {"phone", 79990001122LL}}, "phone"},
        {"food.table", {{"tableId", "t-1"}, {"seats", "4"}}, "seats"},
        {"food.table", {{"tableId", "t-1"}, {"removed", 1}}, "removed"},
        {"food.order", with(order, "status", "eaten"), "status"},
        {"food.order", without(order, "orderId"), "orderId"},
        {"food.order", with(order, "lines", "Латте"), "lines"},
        {"food.order", with(order, "lines", {{{"name", "Латте"}, {"modifiers", {{"option", "x"}}}}}),
         "lines[0].modifiers"},
        {"food.order", with(order, "lines", {{{"name", "Латте"}, {"quantity", "2"}}}), "lines[0].quantity"},
        {"food.order", with(order, "parts", {"p"}), "parts[0]"},
        {"food.order", with(order, "parts", {{{"part", 1}, {"paid", "да"}}}), "parts[0].paid"},
        {"food.ticket", {{"ticketId", "k-1"}, {"state", "done"}}, "state"},
        {"food.ticket", {{"ticketId", "k-1"}, {"state", "new"}, {"body", "текст"}}, "body"},
        {"food.ticket", {{"ticketId", "k-1"}, {"state", "ready"}, {"readyAt", "soon"}}, "readyAt"},
        {"receipt.fiscalized", {{"receiptId", "r-1"}, {"customerId", 42}}, "customerId"},
        // Amounts no register can hold: they would overflow the cabinet's 64-bit sums.
        {"receipt.fiscalized", {{"receiptId", "r-1"}, {"total", 10'000'000'000'000LL}}, "total"},
        {"receipt.fiscalized",
         {{"receiptId", "r-1"}, {"lines", {{{"name", "a"}, {"amount", 100}}, {{"name", "b"}, {"amount", INT64_MIN}}}}},
         "lines[1].amount"},
        {"receipt.fiscalized", {{"receiptId", "r-1"}, {"payments", {{{"type", "cash"}, {"sum", INT64_MAX}}}}},
         "payments[0].sum"},
        {"shift.closed", {{"shiftId", "s-1"}, {"figures", {{"sales", 1'000'000'000'001LL}}}}, "figures.sales"},
        {"cash.out", {{"operationId", "o-1"}, {"sum", -1'000'000'000'001LL}}, "sum"},
        {"receipt.fiscalized",
         {{"receiptId", "r-1"}, {"lines", {{{"name", "a"}, {"staffId", "m-1"}}, {{"name", "b"}, {"staffId", 7}}}}},
         "lines[1].staffId"},
    };
    for (const auto& bad : cases) {
        // A good event first: the batch is refused as a whole, so it is not stored either.
        auto events = chain(1, std::string(store::JournalHash::kGenesis),
                            {{"customer.saved", {{"customerId", "c-ok"}, {"name", "Иван"}}}, {bad.type, bad.payload}});
        auto sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(events));
        EXPECT_EQ(sent.status, 400) << bad.type << " " << bad.payload.dump() << ": " << sent.body;
        EXPECT_EQ(errorCode(sent), "bad_payload") << sent.body;
        EXPECT_EQ(errorField(sent), "events[1].payload." + bad.field) << sent.body;
        EXPECT_NE(json(sent)["error"].value("message", "").find(bad.type), std::string::npos) << sent.body;
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM device_events"), 0);
    for (const char* table :
         {"customers", "receipts", "receipt_lines", "appointments", "appointment_services", "masters", "food_tables",
          "food_orders", "food_order_lines", "food_order_parts", "food_tickets"}) {
        EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
    }
    // The device's chain is untouched: the same seq 1 goes through once the payload is right.
    auto good = chain(1, std::string(store::JournalHash::kGenesis),
                      {{"customer.saved", {{"customerId", "c-ok"}, {"name", "Иван"}}}, {"appointment.created", slot}});
    auto sent = deviceSend(account.device, "POST", "/api/v1/device/events", eventsBody(good));
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CloudProjectionTest, ::testing::ValuesIn(backends()), backendName);

} // namespace
} // namespace sigma::cloud::test
