// A salon day through sigmactl, as a technician or a script runs it: the real binary on a real
// data directory with the emulated register.

#include "core/ExactJson.h"
#include "core/Money.h"
#include "support/Process.h"
#include "support/TempDir.h"

#include <gtest/gtest.h>

#include <fstream>

namespace sigma {
namespace {

const std::string kSigmactl = SIGMACTL_PATH;

class SigmactlServices : public ::testing::Test {
protected:
    core::Json run(const std::vector<std::string>& args, int expectedExit = 0, const std::string& input = {})
    {
        std::vector<std::string> all = {"--data-dir", m_dir.path().string()};
        all.insert(all.end(), args.begin(), args.end());
        // Moscow time, whatever the machine's zone: the local times below are fixed.
        const auto result = test::runProcess(kSigmactl, all, input, {"SIGMA_TEST_CHEAP_HASHES=1", "TZ=MSK-3"});
        EXPECT_EQ(result.exitCode, expectedExit) << "sigmactl " << args[0] << " " << args[1] << "\n"
                                                 << result.out << result.err;
        auto json = core::parseJsonExact(result.out);
        EXPECT_TRUE(json.ok()) << result.out;
        return json.ok() ? *json : core::Json();
    }

    int errorOf(const std::vector<std::string>& args)
    {
        const auto json = run(args, 1);
        return json.contains("error") ? json["error"]["code"].get<int>() : 0;
    }

    void setUpSalon()
    {
        const auto init = run({"init", "--business", "services", "--admin-pin", "1357"});
        EXPECT_EQ(init["businessType"], "services");
        run({"staff", "change-pin", "--pin", "1357", "--new-pin", "2468"});
        m_olga = run({"staff", "add", "--pin", "2468", "--name", "Ольга", "--new-pin", "3579"})["id"];
        m_ivan = run({"staff", "add", "--pin", "2468", "--name", "Иван", "--new-pin", "4680"})["id"];
        const auto master =
            run({"staff", "master", m_olga, "--pin", "2468", "--specialty", "Парикмахер", "--hours", "10:00-20:00"});
        EXPECT_EQ(master["workingHours"], "10:00-20:00");
        run({"staff", "master", m_ivan, "--pin", "2468", "--specialty", "Барбер"});
        const auto catalog = m_dir / "services.csv";
        std::ofstream(catalog) << "sku;name;price;unit;vat;paymentObject\n"
                                  "CUT-1;Стрижка женская;1500,00;piece;none;service\n"
                                  "COLOR-1;Окрашивание;4500,00;piece;none;service\n";
        EXPECT_EQ(run({"catalog", "import", catalog.string()})["imported"], 2);
    }

    test::TempDir m_dir{"sigma-cli-services"};
    std::string m_olga;
    std::string m_ivan;
};

TEST_F(SigmactlServices, ASalonDay)
{
    setUpSalon();
    const auto staff = run({"staff", "list", "--pin", "2468"});
    ASSERT_EQ(staff["employees"].size(), 3u);
    const auto masters = run({"staff", "masters", "--pin", "2468"});
    ASSERT_EQ(masters["masters"].size(), 2u);
    EXPECT_EQ(masters["masters"][0]["name"], "Иван");

    // A customer on the spot; found again by a phone fragment and by name.
    EXPECT_EQ(errorOf({"customer", "add", "--pin", "2468", "--name", "Анна", "--phone", "8 999 123"}), 1908);
    const auto anna =
        run({"customer", "add", "--pin", "2468", "--name", "Анна Петрова", "--phone", "8 (999) 123-45-67"});
    EXPECT_EQ(anna["phone"], "+79991234567");
    const std::string annaId = anna["id"];
    EXPECT_EQ(run({"customer", "find", "4567", "--pin", "2468"})["customers"][0]["id"], annaId);
    EXPECT_EQ(run({"customer", "find", "петрова", "--pin", "2468"})["customers"][0]["id"], annaId);
    EXPECT_EQ(errorOf({"customer", "find", "1", "--pin", "2468"}), 2110);

    // Appointments: booked, refused on an overlap and outside hours, moved, cancelled.
    const auto booked = run({"appointment", "add", "--pin", "2468", "--master", m_olga, "--start", "2026-12-10T12:00",
                             "--duration", "60", "--customer", annaId, "--service", "CUT-1"});
    ASSERT_EQ(booked["status"], "scheduled") << booked.dump();
    EXPECT_EQ(booked["end"], "2026-12-10T13:00");
    const std::string id = booked["id"];
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", m_olga, "--start", "2026-12-10T12:30"}),
              2101);
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", m_olga, "--start", "2026-12-10T09:00"}),
              2102);
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", m_olga, "--start", "10.12.2026 12:00"}),
              2104);
    const auto other = run(
        {"appointment", "add", "--pin", "2468", "--master", m_olga, "--start", "2026-12-10T14:00", "--duration", "30"});
    EXPECT_EQ(errorOf({"appointment", "move", other["id"], "--pin", "2468", "--start", "2026-12-10T12:45"}), 2101);
    const auto moved = run({"appointment", "move", other["id"], "--pin", "2468", "--start", "2026-12-10T13:00"});
    EXPECT_EQ(moved["start"], "2026-12-10T13:00");
    EXPECT_EQ(errorOf({"appointment", "cancel", other["id"], "--pin", "2468"}), 2106);
    EXPECT_EQ(run({"appointment", "cancel", other["id"], "--pin", "2468", "--reason", "не пришла"})["status"],
              "cancelled");

    const auto day = run({"appointment", "day", "2026-12-10", "--pin", "2468"});
    ASSERT_EQ(day["columns"].size(), 2u);
    EXPECT_EQ(day["columns"][1]["master"]["id"], m_olga);
    ASSERT_EQ(day["columns"][1]["appointments"].size(), 1u);
    EXPECT_EQ(day["columns"][1]["appointments"][0]["customerName"], "Анна Петрова");
    EXPECT_EQ(day["columns"][1]["free"], core::Json::parse(R"(["10:00-12:00", "13:00-20:00"])"));

    // Services changed after booking: the colouring goes to Ivan, a note is added.
    const auto edited = run({"appointment", "edit", id, "--pin", "2468", "--service", "CUT-1", "--service",
                             "COLOR-1@" + m_ivan, "--note", "кофе без сахара"});
    EXPECT_EQ(edited["note"], "кофе без сахара");
    EXPECT_EQ(edited["customerId"], annaId);
    EXPECT_EQ(errorOf({"appointment", "edit", id, "--pin", "2468", "--customer", "nobody"}), 2108);

    // The cart it would ring: each service by its master, the customer attached.
    const auto cart = run({"appointment", "to-sale", id, "--pin", "2468"});
    ASSERT_EQ(cart["lines"].size(), 2u);
    EXPECT_EQ(cart["lines"][0]["staffId"], m_olga);
    EXPECT_EQ(cart["lines"][1]["staffId"], m_ivan);
    EXPECT_EQ(cart["customerId"], annaId);
    EXPECT_EQ(core::moneyFromJson(cart["total"], "total")->kopecks(), 600000);

    // Paid without an open shift: refused, and the appointment is untouched.
    EXPECT_EQ(errorOf({"appointment", "checkout", id, "--pin", "2468"}), 1800);
    run({"shift", "open", "--pin", "2468"});
    const auto paid = run({"appointment", "checkout", id, "--pin", "2468", "--card", "1000", "--cash", "5000"});
    ASSERT_EQ(paid["status"], "fiscalized") << paid.dump(2);
    EXPECT_EQ(core::moneyFromJson(paid["total"], "total")->kopecks(), 600000);
    EXPECT_EQ(paid["appointment"]["status"], "done");
    EXPECT_EQ(paid["appointment"]["receiptId"], paid["uuid"]);
    EXPECT_EQ(errorOf({"appointment", "cancel", id, "--pin", "2468", "--reason", "поздно"}), 2103);

    // The card shows the visit with who did what.
    const auto card = run({"customer", "show", annaId, "--pin", "2468"});
    ASSERT_EQ(card["visits"].size(), 1u);
    EXPECT_EQ(card["visits"][0]["receiptId"], paid["uuid"]);
    EXPECT_EQ(card["visits"][0]["lines"][1]["staffId"], m_ivan);

    // A walk-in sale to Anna: the master chosen on a line is the default for the next ones.
    const auto walkIn = run({"sale", "-"}, 0,
                            R"({"pin": "2468", "customerId": ")" + annaId + R"(", "lines": [
                                {"sku": "CUT-1", "staffId": ")" +
                                m_ivan + R"("}, {"sku": "COLOR-1"}],
                                "payments": [{"type": "cash", "sum": 6000}]})");
    ASSERT_EQ(walkIn["status"], "fiscalized") << walkIn.dump(2);
    const auto unknown = run({"sale", "-"}, 1,
                             R"({"pin": "2468", "customerId": "nobody", "lines": [{"sku": "CUT-1"}],
                                 "payments": [{"type": "cash", "sum": 1500}]})");
    EXPECT_EQ(unknown["error"]["code"], 2108);
    const auto notStaff = run({"sale", "-"}, 1,
                              R"({"pin": "2468", "lines": [{"sku": "CUT-1", "staffId": "nobody"}],
                                  "payments": [{"type": "cash", "sum": 1500}]})");
    EXPECT_EQ(notStaff["error"]["code"], 2105);
    const auto visits = run({"customer", "show", annaId, "--pin", "2468"})["visits"];
    ASSERT_EQ(visits.size(), 2u);
    EXPECT_EQ(visits[0]["receiptId"], walkIn["uuid"]);
    EXPECT_EQ(visits[0]["lines"][0]["staffId"], m_ivan);
    EXPECT_EQ(visits[0]["lines"][1]["staffId"], m_ivan);

    // Everything is in the journal, and the chain holds.
    const auto journal = run({"journal", "export"});
    std::vector<std::string> types;
    for (const auto& event : journal["events"]) {
        types.push_back(event["type"]);
    }
    for (const char* type :
         {"master.saved", "customer.saved", "appointment.created", "appointment.updated", "appointment.moved",
          "appointment.cancelled", "receipt.fiscalized", "appointment.completed"}) {
        EXPECT_NE(std::find(types.begin(), types.end(), type), types.end()) << type;
    }
    EXPECT_TRUE(run({"journal", "verify"})["ok"].get<bool>());
}

TEST_F(SigmactlServices, BadInputIsAClearError)
{
    setUpSalon();
    EXPECT_EQ(errorOf({"staff", "master", m_olga, "--pin", "2468", "--hours", "20:00-10:00"}), 2109);
    EXPECT_EQ(errorOf({"staff", "master", "01939a4c-0000-7000-8000-000000000000", "--pin", "2468"}), 2105);
    // A cashier may not set up masters.
    EXPECT_EQ(errorOf({"staff", "master", m_ivan, "--pin", "3579"}), 1903); // must change the PIN first
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", "nobody", "--start", "2026-12-10T12:00"}),
              2105);
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", m_ivan, "--start", "2026-12-10T12:00",
                       "--duration", "7"}),
              2104);
    EXPECT_EQ(errorOf({"appointment", "add", "--pin", "2468", "--master", m_ivan, "--start", "2026-12-10T12:00",
                       "--service", "NOPE"}),
              1610);
    EXPECT_EQ(errorOf({"appointment", "show", "01939a4c-0000-7000-8000-000000000000", "--pin", "2468"}), 2100);
    EXPECT_EQ(errorOf({"appointment", "day", "2026-13-01", "--pin", "2468"}), 1113);
    EXPECT_EQ(errorOf({"customer", "show", "nobody", "--pin", "2468"}), 2108);
    EXPECT_EQ(errorOf({"customer", "find", "анна", "--pin", "0000"}), 1900);
    const auto empty = run({"appointment", "day", "2026-12-10", "--pin", "2468"});
    EXPECT_TRUE(empty["columns"][0]["appointments"].empty());
    EXPECT_TRUE(empty["columns"][1]["appointments"].empty());
}

} // namespace
} // namespace sigma
