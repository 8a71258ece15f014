#include "core/ExactJson.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

TEST(ExactJson, KeepsDecimalsAsLiteralText)
{
    auto doc = parseJsonExact(R"({"price": 0.1, "sum": 1234.50, "qty": 3, "neg": -2, "big": 1e3, "s": "x"})");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_EQ((*doc)["price"], "0.1");
    EXPECT_EQ((*doc)["sum"], "1234.50");
    EXPECT_TRUE((*doc)["qty"].is_number_integer());
    EXPECT_EQ((*doc)["neg"], -2);
    EXPECT_EQ(moneyFromJson((*doc)["sum"], "sum")->kopecks(), 123450);
    EXPECT_EQ(moneyFromJson((*doc)["qty"], "qty")->kopecks(), 300);
    // "1e3" is not a two-decimal amount: refused, not silently 1000.
    EXPECT_EQ(moneyFromJson((*doc)["big"], "big").error().code, errc::kBadMoney);
}

TEST(ExactJson, BuildsNestedDocuments)
{
    auto doc = parseJsonExact(R"({"a": [1, {"b": [true, null, 2.50]}], "c": {}})");
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ((*doc)["a"][1]["b"][2], "2.50");
    EXPECT_TRUE((*doc)["a"][1]["b"][1].is_null());
    EXPECT_TRUE((*doc)["c"].is_object());
}

TEST(ExactJson, MalformedInputGetsPositionedError)
{
    for (const char* bad : {"", "{", "{\"a\": }", "[1, 2", "{\"a\" 1}", "nul", "{\"a\": 1} trailing", "\"\\uZZZZ\"",
                            "{\"a\": 01}", "[1,]"}) {
        auto doc = parseJsonExact(bad);
        ASSERT_FALSE(doc.ok()) << bad;
        EXPECT_EQ(doc.error().code, errc::kMalformedJson);
        EXPECT_FALSE(doc.error().message.empty());
    }
}

TEST(ExactJson, RefusesDeepNesting)
{
    const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
    auto doc = parseJsonExact(deep);
    ASSERT_FALSE(doc.ok());
    EXPECT_NE(doc.error().message.find("nested"), std::string::npos);
    EXPECT_TRUE(parseJsonExact(std::string(64, '[') + std::string(64, ']')).ok());
}

TEST(ExactJson, TypedAccessorsNameTheField)
{
    auto doc = parseJsonExact(R"({"price": true, "qty": "abc", "name": 5})");
    ASSERT_TRUE(doc.ok());
    auto price = moneyFromJson((*doc)["price"], "lines[0].price");
    EXPECT_EQ(price.error().field, "lines[0].price");
    auto qty = quantityFromJson((*doc)["qty"], "lines[0].quantity");
    EXPECT_EQ(qty.error().code, errc::kBadQuantity);
    EXPECT_EQ(qty.error().field, "lines[0].quantity");
    EXPECT_EQ(stringFromJson((*doc)["name"], "name").error().field, "name");
}

TEST(ExactJson, NumbersBuiltInCodeStillConvertExactly)
{
    EXPECT_EQ(moneyFromJson(Json(22.54), "x")->kopecks(), 2254);
    EXPECT_EQ(quantityFromJson(Json(0.125), "x")->thousandths(), 125);
    EXPECT_EQ(moneyFromJson(Json(std::int64_t{10'000'000'000}), "x").error().code, errc::kMoneyOutOfRange);
}

} // namespace
} // namespace sigma::core
