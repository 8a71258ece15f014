#include "core/ReceiptJson.h"

#include "core/ErrorCodes.h"
#include "core/ReceiptCalculator.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

constexpr Date kToday{std::chrono::year(2026), std::chrono::month(12), std::chrono::day(4)};

Result<Receipt> read(const char* text)
{
    auto doc = parseJsonExact(text);
    if (!doc) {
        return doc.error();
    }
    return receiptFromJson(*doc, kToday);
}

TEST(ReceiptJson, ReadsAFullCart)
{
    auto receipt = read(R"({
        "operation": "sell", "taxationType": "usnIncome",
        "lines": [
            {"name": "Молоко 3,2%", "sku": "A-1", "price": 89.90, "quantity": 2, "tax": "vat10"},
            {"name": "Сыр", "price": "1 299,00", "quantity": 0.350, "unit": "kilogram", "tax": "vat22",
             "discount": {"percent": 5}, "paymentObject": "commodity", "paymentMethod": "fullPayment"},
            {"name": "Доставка", "price": 150, "tax": "vat22", "paymentObject": "service", "unit": 0}
        ],
        "discount": {"sum": "10.00"},
        "payments": [{"type": "card", "sum": 500}, {"type": "cash", "sum": 1000.00}],
        "customer": {"emailOrPhone": "+79990000000"},
        "futureField": {"ignored": true}
    })");
    ASSERT_TRUE(receipt.ok()) << receipt.error().message << " " << receipt.error().field;
    EXPECT_EQ(receipt->taxSystem, TaxSystem::UsnIncome);
    ASSERT_EQ(receipt->lines.size(), 3u);
    EXPECT_EQ(receipt->lines[0].unitPrice.kopecks(), 8990);
    EXPECT_EQ(receipt->lines[0].productRef, "A-1");
    EXPECT_EQ(receipt->lines[1].quantity.thousandths(), 350);
    EXPECT_EQ(receipt->lines[1].unit, MeasureUnit::Kilogram);
    EXPECT_EQ(receipt->lines[1].discount->percentHundredths(), 500);
    EXPECT_EQ(receipt->lines[2].paymentObject, PaymentObject::Service);
    EXPECT_EQ(receipt->lines[2].quantity.thousandths(), 1000);
    EXPECT_EQ(receipt->payments[0].type, PaymentType::Electronically);
    EXPECT_EQ(receipt->customerContact, "+79990000000");
    EXPECT_EQ(receipt->vatDate, kToday);

    auto totals = ReceiptCalculator().settle(*receipt);
    ASSERT_TRUE(totals.ok()) << totals.error().message;
    // 179.80 + (454.65 − 22.73 = 431.92) + 150.00 = 761.72 − 10.00 = 751.72
    EXPECT_EQ(totals->total.kopecks(), 75172);
    EXPECT_EQ(totals->change.kopecks(), 74828);

    const Json out = totalsToJson(*receipt, *totals);
    EXPECT_EQ(out["total"].dump(), "751.72");
    EXPECT_EQ(out["lines"].size(), 3u);
    EXPECT_EQ(out["vat"][0]["tax"], "vat10");
}

struct BadCart {
    const char* json;
    const char* field;
};

void PrintTo(const BadCart& c, std::ostream* os)
{
    *os << (c.field[0] != '\0' ? c.field : "root");
}

class ReceiptJsonErrors : public ::testing::TestWithParam<BadCart> {};

TEST_P(ReceiptJsonErrors, NameTheField)
{
    auto receipt = read(GetParam().json);
    ASSERT_FALSE(receipt.ok()) << GetParam().json;
    EXPECT_EQ(receipt.error().field, GetParam().field) << receipt.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, ReceiptJsonErrors,
    ::testing::Values(BadCart{R"([])", ""}, BadCart{R"({})", "lines"}, BadCart{R"({"lines": {}})", "lines"},
                      BadCart{R"({"lines": [5]})", "lines[0]"},
                      BadCart{R"({"lines": [{"price": 1, "tax": "vat22"}]})", "lines[0].name"},
                      BadCart{R"({"lines": [{"name": "x", "tax": "vat22"}]})", "lines[0].price"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1}]})", "lines[0].tax"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1.005, "tax": "vat22"}]})", "lines[0].price"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat18"}]})", "lines[0].tax"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22", "quantity": 0.0001}]})",
                              "lines[0].quantity"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22", "unit": "bag"}]})",
                              "lines[0].unit"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22", "discount": {"percent": 5, "sum": 1}}]})",
                              "lines[0].discount"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22"}], "payments": [{"type": "bitcoin", "sum": 1}]})",
                              "payments[0].type"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22"}], "payments": [{"type": "cash"}]})",
                              "payments[0].sum"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22"}], "date": "2025-13-01"})", "date"},
                      BadCart{R"({"lines": [{"name": "x", "price": 1, "tax": "vat22"}], "taxationType": "envd"})",
                              "taxationType"}));

TEST(ReceiptJson, MoneyInJsonIsExactBothWays)
{
    auto receipt = read(R"({"lines": [{"name": "a", "price": 0.1, "quantity": 3, "tax": "vat22"},
                                      {"name": "b", "price": "0.20", "tax": "vat22"}]})");
    ASSERT_TRUE(receipt.ok());
    auto totals = ReceiptCalculator().calculate(*receipt);
    ASSERT_TRUE(totals.ok());
    EXPECT_EQ(totals->total.kopecks(), 50); // 0.1 × 3 + 0.2 is 0.5 exactly, not 0.5000000000000001
    EXPECT_EQ(totalsToJson(*receipt, *totals)["total"].dump(), "0.5");
}

} // namespace
} // namespace sigma::core
