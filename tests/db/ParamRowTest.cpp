#include "db/Param.h"
#include "db/Row.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace sigma::db {
namespace {

// Nothing slips in through a conversion to bool.
static_assert(!std::is_convertible_v<int*, Param>);
static_assert(!std::is_convertible_v<const void*, Param>);
static_assert(!std::is_constructible_v<Param, char>);
static_assert(std::is_convertible_v<const char*, Param>);
static_assert(std::is_convertible_v<std::optional<std::string>, Param>);

template <typename T> bool holds(const Param& p)
{
    return std::holds_alternative<T>(p.value());
}

TEST(DbParam, ConvertsNaturally)
{
    EXPECT_EQ(std::get<std::int64_t>(Param(42).value()), 42);
    EXPECT_EQ(std::get<std::int64_t>(Param(std::int64_t{-9'000'000'000'000}).value()), -9'000'000'000'000);
    EXPECT_EQ(std::get<std::int64_t>(Param(7U).value()), 7);
    EXPECT_EQ(std::get<std::int64_t>(Param(static_cast<std::uint8_t>(200)).value()), 200);
    EXPECT_EQ(std::get<std::int64_t>(Param(true).value()), 1);
    EXPECT_EQ(std::get<std::int64_t>(Param(false).value()), 0);
    EXPECT_EQ(std::get<double>(Param(2.5).value()), 2.5);
    EXPECT_EQ(std::get<double>(Param(0.5F).value()), 0.5);
    EXPECT_EQ(std::get<std::string>(Param("текст").value()), "текст");
    EXPECT_EQ(std::get<std::string>(Param(std::string_view("view")).value()), "view");
    EXPECT_EQ(std::get<std::string>(Param(std::string("string")).value()), "string");
    EXPECT_EQ(std::get<Blob>(Param(Blob{{0, 1}}).value()).bytes, (std::vector<std::uint8_t>{0, 1}));
    EXPECT_TRUE(Param().isNull());
    EXPECT_TRUE(Param(std::nullopt).isNull());
    EXPECT_TRUE(Param(nullptr).isNull());
    EXPECT_TRUE(Param(static_cast<const char*>(nullptr)).isNull());
    EXPECT_TRUE(Param(std::optional<int>()).isNull());
    EXPECT_EQ(std::get<std::int64_t>(Param(std::optional<int>(5)).value()), 5);
    EXPECT_TRUE(holds<std::string>(Param(std::optional<std::string>("x"))));
    EXPECT_TRUE(holds<double>(Param(Value(1.5))));

    const std::initializer_list<Param> list{1, "a", std::nullopt, 2.0, Blob{}, true};
    EXPECT_EQ(list.size(), 6u);
}

Row sampleRow()
{
    auto names = std::make_shared<const std::vector<std::string>>(
        std::vector<std::string>{"id", "name", "price", "image", "note"});
    return Row({Value(std::int64_t{7}), Value(std::string("Сыр")), Value(12.5), Value(Blob{{1, 0, 2}}), Value()},
               names);
}

TEST(DbRow, TypedAccess)
{
    const Row row = sampleRow();
    EXPECT_EQ(row.size(), 5u);
    EXPECT_EQ(row.int64(0), 7);
    EXPECT_EQ(row.real(0), 7.0) << "an integer reads as a real";
    EXPECT_EQ(row.text(1), "Сыр");
    EXPECT_EQ(row.real(2), 12.5);
    EXPECT_EQ(row.blob(3), (std::vector<std::uint8_t>{1, 0, 2}));
    EXPECT_TRUE(row.isNull(4));
    EXPECT_FALSE(row.isNull(0));
    EXPECT_EQ(row.optionalInt64(4), std::nullopt);
    EXPECT_EQ(row.optionalText(4), std::nullopt);
    EXPECT_EQ(row.optionalReal(4), std::nullopt);
    EXPECT_EQ(row.optionalBlob(4), std::nullopt);
    EXPECT_EQ(row.optionalInt64(0), 7);
    EXPECT_EQ(row.optionalText(1), "Сыр");
    EXPECT_EQ(row.columnIndex("price"), 2u);
    EXPECT_EQ(row.columnIndex("PRICE"), std::nullopt);
    EXPECT_EQ(row.columnName(3), "image");
}

#ifndef NDEBUG
TEST(DbRowDeathTest, WrongTypeIsAProgrammingError)
{
    const Row row = sampleRow();
    EXPECT_DEATH((void)row.int64(1), "not an integer"); // text is never read as a number
    EXPECT_DEATH((void)row.int64(2), "not an integer");
    EXPECT_DEATH((void)row.text(0), "not text");
    EXPECT_DEATH((void)row.real(1), "not a number");
    EXPECT_DEATH((void)row.blob(1), "not a blob");
    EXPECT_DEATH((void)row.int64(4), "not an integer"); // NULL needs optionalInt64()
    EXPECT_DEATH((void)row.value(5), "");
}
#endif

} // namespace
} // namespace sigma::db
