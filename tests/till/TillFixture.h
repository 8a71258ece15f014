#pragma once

#include "drivers/emulator/VirtualKkt.h"
#include "drivers/payment/EmulatedPaymentTerminal.h"
#include "fiscal/AtolErrors.h"
#include "mock/ManualClock.h"
#include "mock/SeededRandom.h"
#include "store/TerminalDatabase.h"
#include "support/TempDir.h"
#include "till/CheckoutService.h"
#include "till/RecoveryService.h"
#include "till/ShiftService.h"

#include <gtest/gtest.h>

namespace sigma::test {

/// The register's cable: a FiscalDevice in front of the real emulator that can be unplugged.
/// Only the link is fake; every task that gets through is executed by the real virtual register.
class UnpluggableDevice final : public fiscal::FiscalDevice {
public:
    explicit UnpluggableDevice(fiscal::FiscalDevice& inner) : m_inner(inner) {}

    core::Result<core::Json> execute(const core::Json& task) override
    {
        if (m_unplugged) {
            return fiscal::atolError(fiscal::atol::kNoConnection, "cable unplugged");
        }
        return m_inner.execute(task);
    }
    std::string_view driverId() const override { return m_inner.driverId(); }
    void unplug() { m_unplugged = true; }
    void plugIn() { m_unplugged = false; }

private:
    fiscal::FiscalDevice& m_inner;
    bool m_unplugged = false;
};

class TillFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto database = store::TerminalDatabase::open(m_dir / "terminal.db", store::TerminalDatabase::Access::Writer,
                                                      "test");
        ASSERT_TRUE(database.ok()) << database.error().message;
        m_database = std::move(*database);
        drivers::emulator::VirtualKkt::Options kktOptions;
        kktOptions.statePath = m_dir / "kkt.db";
        kktOptions.clock = &m_clock;
        auto kkt = drivers::emulator::VirtualKkt::open(kktOptions);
        ASSERT_TRUE(kkt.ok()) << kkt.error().message;
        m_kkt = std::move(*kkt);
        m_device = std::make_unique<UnpluggableDevice>(*m_kkt);
        drivers::payment::EmulatedPaymentTerminal::Options payOptions;
        payOptions.statePath = m_dir / "pinpad.db";
        payOptions.clock = &m_clock;
        payOptions.random = &m_random;
        auto payment = drivers::payment::EmulatedPaymentTerminal::open(payOptions);
        ASSERT_TRUE(payment.ok()) << payment.error().message;
        m_payment = std::move(*payment);
        m_context = std::make_unique<till::TillContext>(*m_database, *m_device, m_payment.get(), m_clock, m_random);
    }

    void openShift()
    {
        auto shift = till::ShiftService(*m_context).open(m_cashier);
        ASSERT_TRUE(shift.ok()) << shift.error().message;
    }

    static core::Receipt receipt(std::int64_t priceKopecks, std::int64_t thousandths = 1000,
                                 core::VatRate vat = core::VatRate::Vat22)
    {
        core::Receipt r;
        r.vatDate = core::Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
        core::ReceiptLine line;
        line.name = "Товар";
        line.productRef = "SKU-1";
        line.unitPrice = core::Money::fromKopecks(priceKopecks);
        line.quantity = core::Quantity::fromThousandths(thousandths);
        line.unit = thousandths % 1000 == 0 ? core::MeasureUnit::Piece : core::MeasureUnit::Kilogram;
        line.vat = vat;
        r.lines.push_back(line);
        return r;
    }

    till::CheckoutRequest request(core::Receipt r, core::PaymentType type, std::int64_t paidKopecks)
    {
        r.payments.push_back({type, core::Money::fromKopecks(paidKopecks)});
        till::CheckoutRequest request;
        request.receipt = std::move(r);
        request.cashier = m_cashier;
        return request;
    }

    core::Result<till::CheckoutResult> sell(std::int64_t priceKopecks, core::PaymentType type = core::PaymentType::Cash,
                                            std::string uuid = {})
    {
        auto req = request(receipt(priceKopecks), type, priceKopecks);
        req.uuid = std::move(uuid);
        return till::CheckoutService(*m_context).checkout(std::move(req));
    }

    std::uint32_t registerLast() { return m_kkt->state()->lastDocumentNumber; }

    TempDir m_dir{"sigma-till"};
    ManualClock m_clock{core::Clock::TimePoint(std::chrono::seconds(1'796'374'800))}; // 2026-12-04 09:00 UTC
    SeededRandom m_random{11};
    std::unique_ptr<store::TerminalDatabase> m_database;
    std::unique_ptr<drivers::emulator::VirtualKkt> m_kkt;
    std::unique_ptr<UnpluggableDevice> m_device;
    std::unique_ptr<drivers::payment::EmulatedPaymentTerminal> m_payment;
    std::unique_ptr<till::TillContext> m_context;
    till::Cashier m_cashier{"00000000-0000-7000-8000-000000000001", "Иванова А.", ""};
};

} // namespace sigma::test
