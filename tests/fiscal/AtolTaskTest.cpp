#include "fiscal/AtolTask.h"

#include "fiscal/AtolErrors.h"

#include <gtest/gtest.h>

namespace sigma::fiscal {
namespace {

TEST(AtolTask, ParsesAReceiptTaskExactly)
{
    auto task = parseTaskText(R"({"type": "sellReturn", "taxationType": "usnIncome", "electronically": true,
        "operator": {"name": "Иванова", "vatin": "123456789012"}, "clientInfo": {"emailOrPhone": "a@b.ru"},
        "items": [{"type": "position", "name": "Молоко", "price": 89.9, "quantity": 2, "amount": 179.80,
                   "measurementUnit": "piece", "paymentMethod": "advance", "paymentObject": "service",
                   "tax": {"type": "vat10", "sum": 16.35}},
                  {"type": "text", "text": "hello"}],
        "payments": [{"type": "card", "sum": "179,80"}], "total": 179.8})");
    ASSERT_TRUE(task.ok()) << task.error().message;
    EXPECT_EQ(task->type, TaskType::SellReturn);
    const auto& receipt = std::get<ReceiptTask>(task->body);
    EXPECT_EQ(receipt.operation, core::ReceiptOperation::SaleReturn);
    EXPECT_EQ(*receipt.taxationType, "usnIncome");
    EXPECT_TRUE(receipt.electronically);
    EXPECT_EQ(receipt.op.vatin, "123456789012");
    ASSERT_EQ(receipt.items.size(), 2u);
    const auto& position = std::get<PositionItem>(receipt.items[0]);
    EXPECT_EQ(position.price.kopecks(), 8990);
    EXPECT_EQ(position.amount.kopecks(), 17980);
    EXPECT_EQ(position.quantity.thousandths(), 2000);
    EXPECT_EQ(position.paymentMethod, core::PaymentMethod::Advance);
    EXPECT_EQ(position.paymentObject, core::PaymentObject::Service);
    EXPECT_EQ(position.taxSum->kopecks(), 1635);
    EXPECT_EQ(receipt.payments[0].type, core::PaymentType::Electronically);
    EXPECT_EQ(receipt.payments[0].sum.kopecks(), 17980);
    EXPECT_EQ(receipt.total->kopecks(), 17980);
}

TEST(AtolTask, KnowsEveryTaskType)
{
    for (const char* name : {"openShift", "closeShift", "reportX", "cashIn", "cashOut", "getShiftStatus",
                             "getDeviceStatus", "getDeviceInfo", "getFnInfo", "getFnStatus", "getShiftTotals",
                             "reportOfdExchangeStatus", "continuePrint", "printLastReceiptCopy", "nonFiscal",
                             "getFnDocument", "registration", "fnChange", "closeArchive", "sell", "buy",
                             "buyReturn", "sellCorrection", "buyCorrection"}) {
        auto type = taskTypeFromName(name);
        ASSERT_TRUE(type.ok()) << name;
        EXPECT_EQ(taskTypeName(*type), name);
    }
}

TEST(AtolTask, SyntaxErrorsAreCode501)
{
    for (const char* bad : {"", "{", "{\"type\": \"sell\",}", "\xff\xfe"}) {
        auto task = parseTaskText(bad);
        ASSERT_FALSE(task.ok()) << bad;
        EXPECT_EQ(task.error().code, atol::kJsonSyntax);
    }
}

TEST(AtolTask, RegisterJudgedValuesPassThrough)
{
    // Unknown taxation and tax types are the register's to refuse (143/144), in its own order.
    auto task = parseTaskText(R"({"type": "sell", "taxationType": "envd", "items": [{"type": "position",
        "name": "x", "price": 1, "quantity": 1, "amount": 1, "tax": {"type": "vat18"}}], "payments": []})");
    ASSERT_TRUE(task.ok()) << task.error().message;
    EXPECT_EQ(std::get<PositionItem>(std::get<ReceiptTask>(task->body).items[0]).taxType, "vat18");
}

TEST(AtolTask, NonFiscalRefusesPositions)
{
    auto task = parseTaskText(R"({"type": "nonFiscal", "items": [{"type": "position", "name": "x", "price": 1,
        "quantity": 1, "amount": 1, "tax": {"type": "none"}}]})");
    ASSERT_FALSE(task.ok());
    EXPECT_EQ(task.error().field, "items[0].type");
}

TEST(AtolTask, ErrorDescriptionsAreRussian)
{
    EXPECT_EQ(atolErrorDescription(atol::kNoPaper), "Нет бумаги");
    const auto error = atolError(atol::kShiftExpired, "close it");
    EXPECT_EQ(error.code, 68);
    EXPECT_EQ(error.message, "Смена превысила 24 часа: close it");
    EXPECT_TRUE(isDeviceUnreachable(atolError(atol::kNoConnection)));
    EXPECT_FALSE(isDeviceUnreachable(atolError(atol::kNoPaper)));
}

} // namespace
} // namespace sigma::fiscal
