#pragma once

#include "core/Receipt.h"

#include <string>

namespace sigma::core::test {

/// Terse receipts for tests: kopecks and thousandths as integers.
class ReceiptBuilder {
public:
    ReceiptBuilder()
    {
        m_receipt.vatDate = Date{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};
    }

    ReceiptBuilder& date(int y, unsigned m, unsigned d)
    {
        m_receipt.vatDate = Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
        return *this;
    }
    ReceiptBuilder& operation(ReceiptOperation op)
    {
        m_receipt.operation = op;
        return *this;
    }
    ReceiptBuilder& line(std::int64_t priceKopecks, std::int64_t quantityThousandths, VatRate vat = VatRate::Vat22,
                         MeasureUnit unit = MeasureUnit::Piece)
    {
        ReceiptLine l;
        l.name = "item " + std::to_string(m_receipt.lines.size() + 1);
        l.unitPrice = Money::fromKopecks(priceKopecks);
        l.quantity = Quantity::fromThousandths(quantityThousandths);
        l.vat = vat;
        l.unit = unit;
        m_receipt.lines.push_back(l);
        return *this;
    }
    ReceiptBuilder& weighed(std::int64_t priceKopecks, std::int64_t grams, VatRate vat = VatRate::Vat22)
    {
        return line(priceKopecks, grams, vat, MeasureUnit::Kilogram);
    }
    ReceiptBuilder& lineDiscount(Discount d)
    {
        m_receipt.lines.back().discount = d;
        return *this;
    }
    ReceiptBuilder& discount(Discount d)
    {
        m_receipt.discount = d;
        return *this;
    }
    ReceiptBuilder& pay(PaymentType type, std::int64_t kopecks)
    {
        m_receipt.payments.push_back({type, Money::fromKopecks(kopecks)});
        return *this;
    }

    [[nodiscard]] const Receipt& build() const { return m_receipt; }
    operator const Receipt&() const { return m_receipt; }

private:
    Receipt m_receipt;
};

} // namespace sigma::core::test
