// A busy salon's terminal.db: 20 masters, 200 days of appointments (8 a day each, 32,000 in all)
// and 20,000 customers. Measures what the screens wait for: the day view, booking through the
// overlap check and the journal, and customer search by name and by phone fragment.

#include "core/Clock.h"
#include "core/Uuid.h"
#include "crypto/OsRandom.h"
#include "drivers/emulator/VirtualKkt.h"
#include "store/AppointmentRepository.h"
#include "store/CatalogRepository.h"
#include "store/CustomerRepository.h"
#include "store/EmployeeRepository.h"
#include "store/MasterRepository.h"
#include "store/TerminalDatabase.h"
#include "till/AppointmentService.h"
#include "till/CustomerService.h"
#include "till/LocalTime.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

namespace {

using namespace sigma;

constexpr int kMasters = 20;
constexpr int kDays = 200;
constexpr int kPerDay = 8;
constexpr int kCustomers = 20'000;
constexpr std::int64_t kMinute = 60LL * 1'000'000;

const char* const kFirst[] = {"Анна", "Мария", "Елена", "Ольга", "Ирина", "Пётр", "Иван", "Алексей", "Дарья", "Юлия"};
const char* const kLast[] = {"Петрова",  "Иванова", "Смирнова", "Кузнецова", "Попова",  "Соколова",
                             "Лебедева", "Козлова", "Новикова", "Морозова",  "Волкова", "Фёдорова"};

struct Salon {
    std::filesystem::path dir;
    core::SystemClock clock;
    crypto::OsRandom random;
    std::unique_ptr<store::TerminalDatabase> database;
    std::unique_ptr<drivers::emulator::VirtualKkt> kkt;
    std::unique_ptr<till::TillContext> context;
    std::unique_ptr<store::CatalogRepository> catalog;
    std::unique_ptr<till::ProductLookup> lookup;
    std::vector<std::string> masters;
    core::Date firstDay{std::chrono::year(2027), std::chrono::month(1), std::chrono::day(1)};

    Salon()
    {
        dir = std::filesystem::temp_directory_path() / ("sigma-services-bench-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        database = std::move(store::TerminalDatabase::open(dir / "terminal.db", store::TerminalDatabase::Access::Writer,
                                                           "bench"))
                       .value();
        drivers::emulator::VirtualKkt::Options options;
        options.statePath = dir / "kkt.db";
        options.clock = &clock;
        kkt = std::move(drivers::emulator::VirtualKkt::open(options)).value();
        context = std::make_unique<till::TillContext>(*database, *kkt, nullptr, clock, random);
        catalog = std::make_unique<store::CatalogRepository>(*database);
        lookup = std::make_unique<till::ProductLookup>(*catalog);
        auto& db = database->connection();
        (void)database->transaction([&]() -> core::Status {
            store::EmployeeRepository employees(db, clock);
            store::MasterRepository masterRepository(db, clock);
            for (int i = 0; i < kMasters; ++i) {
                store::Employee e;
                e.id = core::Uuid::generateV7(clock, random);
                e.name = "Мастер " + std::to_string(i);
                e.pinHash = "-";
                SIGMA_TRY(employees.insert(e));
                store::Master m;
                m.employeeId = e.id.toString();
                m.workFromMin = 9 * 60;
                m.workToMin = 21 * 60;
                SIGMA_TRY(masterRepository.save(m));
                masters.push_back(m.employeeId);
            }
            store::CustomerRepository customers(db, clock);
            for (int i = 0; i < kCustomers; ++i) {
                store::Customer c;
                c.id = core::Uuid::generateV7(clock, random);
                c.name = std::string(kFirst[i % 10]) + " " + kLast[(i / 10) % 12] + " " + std::to_string(i);
                c.phone = "+7999" + std::to_string(1'000'000 + i * 7);
                SIGMA_TRY(customers.insert(c));
            }
            store::AppointmentRepository appointments(db);
            for (int day = 0; day < kDays; ++day) {
                const std::int64_t midnight =
                    till::localMidnightUs(core::Date{std::chrono::sys_days(firstDay) + std::chrono::days(day)});
                for (const auto& master : masters) {
                    for (int slot = 0; slot < kPerDay; ++slot) {
                        store::Appointment a;
                        a.id = core::Uuid::generateV7(clock, random).toString();
                        a.staffId = master;
                        a.startsAtUs = midnight + (9 * 60 + slot * 75) * kMinute;
                        a.endsAtUs = a.startsAtUs + 60 * kMinute;
                        a.createdBy = master;
                        a.items.push_back({0, "", "", "Стрижка", core::Money::fromKopecks(150000), "none", master});
                        SIGMA_TRY(appointments.insert(a));
                    }
                }
            }
            return core::ok();
        });
    }
    ~Salon() { std::filesystem::remove_all(dir); }
};

Salon& salon()
{
    static Salon instance;
    return instance;
}

void BM_DayView(benchmark::State& state)
{
    auto& s = salon();
    till::AppointmentService service(*s.context, *s.lookup);
    int day = 0;
    for (auto _ : state) {
        auto view = service.day(core::Date{std::chrono::sys_days(s.firstDay) + std::chrono::days(day++ % kDays)});
        if (!view || view->columns.size() != kMasters) {
            state.SkipWithError("day view failed");
            break;
        }
        benchmark::DoNotOptimize(view->toJson());
    }
    state.counters["appointments/day"] = kMasters * kPerDay;
}
BENCHMARK(BM_DayView)->Unit(benchmark::kMillisecond);

void BM_BookInAGap(benchmark::State& state)
{
    // The 15-minute gaps between the bench's appointments: each booking runs the overlap and hours
    // checks and appends its journal event in its own transaction.
    auto& s = salon();
    till::AppointmentService service(*s.context, *s.lookup);
    till::Cashier cashier{s.masters[0], "Администратор", ""};
    static int n = 0; // across the library's repeated runs: a gap is booked once
    for (auto _ : state) {
        const int day = n / (kMasters * (kPerDay - 1));
        const int master = (n / (kPerDay - 1)) % kMasters;
        const int gap = n % (kPerDay - 1);
        ++n;
        till::NewAppointment a;
        a.staffId = s.masters[static_cast<std::size_t>(master)];
        a.startsAtUs = till::localMidnightUs(core::Date{std::chrono::sys_days(s.firstDay) + std::chrono::days(day)}) +
                       (9 * 60 + gap * 75 + 60) * kMinute;
        a.durationMin = 15;
        auto booked = service.create(a, cashier);
        if (!booked) {
            state.SkipWithError(booked.error().message.c_str());
            break;
        }
    }
}
BENCHMARK(BM_BookInAGap)->Unit(benchmark::kMicrosecond);

void BM_CustomerSearchByName(benchmark::State& state)
{
    auto& s = salon();
    till::CustomerService customers(*s.context);
    const char* queries[] = {"анна петр", "ольга смир", "федорова", "иван"};
    int i = 0;
    for (auto _ : state) {
        auto found = customers.find(queries[i++ % 4]);
        if (!found) {
            state.SkipWithError("search failed");
            break;
        }
        benchmark::DoNotOptimize(found->size());
    }
    state.counters["customers"] = kCustomers;
}
BENCHMARK(BM_CustomerSearchByName)->Unit(benchmark::kMillisecond);

void BM_CustomerSearchByPhone(benchmark::State& state)
{
    auto& s = salon();
    till::CustomerService customers(*s.context);
    std::mt19937 rng(7);
    for (auto _ : state) {
        auto found = customers.find(std::to_string(1000 + rng() % 9000));
        if (!found) {
            state.SkipWithError("search failed");
            break;
        }
        benchmark::DoNotOptimize(found->size());
    }
    state.counters["customers"] = kCustomers;
}
BENCHMARK(BM_CustomerSearchByPhone)->Unit(benchmark::kMillisecond);

} // namespace
