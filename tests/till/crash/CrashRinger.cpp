// The terminal side of the crash test: rings sales in a loop, through the ATOL web-server
// transport to an out-of-process register and the emulated pin pad, until it is killed.
// Usage: sigma_crash_ringer DATA_DIR REGISTER_URL

#include "core/Clock.h"
#include "crypto/OsRandom.h"
#include "drivers/BuiltinDrivers.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "store/TerminalDatabase.h"
#include "till/CheckoutService.h"
#include "till/RecoveryService.h"
#include "till/ShiftService.h"
#include "till/TillErrors.h"

#include <cstdio>
#include <filesystem>

using namespace sigma;

namespace {

int fail(const char* what, const core::Error& error)
{
    std::fprintf(stderr, "ringer: %s: %d %s\n", what, error.code, error.message.c_str());
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s DATA_DIR REGISTER_URL\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    core::SystemClock clock;
    crypto::OsRandom random;
    auto database = store::TerminalDatabase::open(dir / "terminal.db", store::TerminalDatabase::Access::Writer, "ringer");
    if (!database) {
        return fail("open terminal.db", database.error());
    }
    fiscal::DriverRegistry registry;
    drivers::registerBuiltinDrivers(registry);
    auto device = registry.create("atol", {{"transport", "webServer"}, {"url", argv[2]}, {"pollIntervalMs", 2}},
                                  {dir, &clock});
    if (!device) {
        return fail("register", device.error());
    }
    drivers::payment::EmulatedPaymentTerminal::Options paymentOptions;
    paymentOptions.statePath = dir / "pinpad.db";
    paymentOptions.clock = &clock;
    auto payment = drivers::payment::EmulatedPaymentTerminal::open(paymentOptions);
    if (!payment) {
        return fail("pin pad", payment.error());
    }
    till::TillContext context(**database, **device, payment->get(), clock, random);
    const till::Cashier cashier{"00000000-0000-7000-8000-0000000000c1", "Кассир Тестова", ""};

    // What the terminal does at every start: reconcile, then make sure a shift is open.
    if (auto recovered = till::RecoveryService(context).recoverAll(); !recovered) {
        return fail("recover", recovered.error());
    }
    if (auto shift = till::ShiftService(context).open(cashier);
        !shift && shift.error().code != till::errc::kShiftAlreadyOpen) {
        return fail("open shift", shift.error());
    }

    for (std::int64_t n = 0;; ++n) {
        core::Receipt receipt;
        receipt.vatDate = context.today();
        core::ReceiptLine line;
        line.name = "Товар " + std::to_string(n % 7);
        line.unitPrice = core::Money::fromKopecks(1000 + (n % 13) * 137);
        line.quantity = core::Quantity::pieces(1 + n % 3);
        receipt.lines.push_back(line);
        const auto total = *line.unitPrice.checkedTimes(line.quantity);
        switch (n % 3) {
        case 0: receipt.payments = {{core::PaymentType::Cash, total}}; break;
        case 1: receipt.payments = {{core::PaymentType::Electronically, total}}; break;
        default:
            receipt.payments = {{core::PaymentType::Electronically, core::Money::fromKopecks(500)},
                                {core::PaymentType::Cash, total - core::Money::fromKopecks(500)}};
            break;
        }
        till::CheckoutRequest request;
        request.receipt = std::move(receipt);
        request.cashier = cashier;
        auto result = till::CheckoutService(context).checkout(std::move(request));
        if (!result) {
            std::fprintf(stderr, "ringer: sale %lld: %s\n", static_cast<long long>(n), result.error().message.c_str());
        }
    }
}
