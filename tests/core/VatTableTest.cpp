#include "core/VatRate.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

constexpr Date k2025{year(2025), month(6), day(15)};
constexpr Date kLastDay2025{year(2025), month(12), day(31)};
constexpr Date kFirstDay2026{year(2026), month(1), day(1)};
constexpr Date k2024{year(2024), month(3), day(1)};

struct VatCase {
    const char* tax;
    std::int64_t amount;
    std::int64_t vat;
};

void PrintTo(const VatCase& c, std::ostream* os)
{
    *os << c.tax << "_" << c.amount;
}

class VatIncluded : public ::testing::TestWithParam<VatCase> {};

// Hand-computed: vat = round half up (amount × r / (100 + r)).
TEST_P(VatIncluded, MatchesHandComputation)
{
    const auto& table = VatTable::standard();
    auto rate = table.fromAtolName(GetParam().tax);
    ASSERT_TRUE(rate.ok());
    EXPECT_EQ(table.vatIncluded(*rate, Money::fromKopecks(GetParam().amount)).kopecks(), GetParam().vat)
        << GetParam().tax << " on " << GetParam().amount;
}

INSTANTIATE_TEST_SUITE_P(
    EveryRate, VatIncluded,
    ::testing::Values(VatCase{"none", 12345, 0}, VatCase{"vat0", 12345, 0},
                      VatCase{"vat22", 12200, 2200},   // 122.00 × 22/122 = 22.00
                      VatCase{"vat22", 10000, 1803},   // 18.0327 → 18.03
                      VatCase{"vat22", 10250, 1848},   // 18.4836 → 18.48
                      VatCase{"vat22", 1, 0},          // 0.18 kopeck → 0
                      VatCase{"vat22", 3, 1},          // 0.54 kopeck → 1
                      VatCase{"vat122", 10000, 1803},  // calculated rate, same formula
                      VatCase{"vat122", 24400, 4400},
                      VatCase{"vat20", 12000, 2000},   // 2025 documents
                      VatCase{"vat20", 10000, 1667},   // 16.6667 → 16.67
                      VatCase{"vat20", 123, 21},       // 20.5 kopecks → 21 (half up, not to even)
                      VatCase{"vat20", 9, 2},          // 1.5 → 2
                      VatCase{"vat120", 10000, 1667},
                      VatCase{"vat10", 11000, 1000}, VatCase{"vat10", 9999, 909}, VatCase{"vat110", 9999, 909},
                      VatCase{"vat5", 10500, 500}, VatCase{"vat5", 10000, 476}, VatCase{"vat105", 10000, 476},
                      VatCase{"vat7", 10700, 700}, VatCase{"vat7", 10000, 654}, VatCase{"vat107", 10000, 654}));

TEST(VatTable, CodesMatchFfd)
{
    const auto& table = VatTable::standard();
    EXPECT_EQ(table.info(VatRate::Vat20).tag1199, 1);
    EXPECT_EQ(table.info(VatRate::Vat10).tag1199, 2);
    EXPECT_EQ(table.info(VatRate::Vat120).tag1199, 3);
    EXPECT_EQ(table.info(VatRate::Vat110).tag1199, 4);
    EXPECT_EQ(table.info(VatRate::Vat0).tag1199, 5);
    EXPECT_EQ(table.info(VatRate::None).tag1199, 6);
    EXPECT_EQ(table.info(VatRate::Vat5).tag1199, 7);
    EXPECT_EQ(table.info(VatRate::Vat7).tag1199, 8);
    EXPECT_EQ(table.info(VatRate::Vat105).tag1199, 9);
    EXPECT_EQ(table.info(VatRate::Vat107).tag1199, 10);
    EXPECT_EQ(table.info(VatRate::Vat22).tag1199, 11);
    EXPECT_EQ(table.info(VatRate::Vat122).tag1199, 12);
    EXPECT_EQ(*table.fromTag1199(12), VatRate::Vat122);
    EXPECT_EQ(table.fromTag1199(13).error().code, errc::kUnknownVatRate);
    EXPECT_EQ(table.fromAtolName("vat18").error().code, errc::kUnknownVatRate);
    EXPECT_EQ(table.rows().size(), 12u);
}

TEST(VatTable, StandardRateChangesOnNewYear2026)
{
    const auto& table = VatTable::standard();
    EXPECT_EQ(table.standardRateOn(kLastDay2025), VatRate::Vat20);
    EXPECT_EQ(table.standardRateOn(kFirstDay2026), VatRate::Vat22);
}

TEST(VatTable, ValidityDatesAreEnforced)
{
    const auto& table = VatTable::standard();
    EXPECT_TRUE(table.checkValidOn(VatRate::Vat20, kLastDay2025).ok());
    auto late20 = table.checkValidOn(VatRate::Vat20, kFirstDay2026);
    ASSERT_FALSE(late20.ok());
    EXPECT_EQ(late20.error().code, errc::kVatRateNotValidOnDate);
    EXPECT_NE(late20.error().message.find("vat20"), std::string::npos);
    EXPECT_FALSE(table.checkValidOn(VatRate::Vat22, kLastDay2025).ok());
    EXPECT_TRUE(table.checkValidOn(VatRate::Vat22, kFirstDay2026).ok());
    EXPECT_TRUE(table.checkValidOn(VatRate::Vat120, k2025).ok());
    EXPECT_FALSE(table.checkValidOn(VatRate::Vat122, k2025).ok());
    EXPECT_TRUE(table.checkValidOn(VatRate::Vat5, k2025).ok());
    EXPECT_FALSE(table.checkValidOn(VatRate::Vat5, k2024).ok());
    EXPECT_TRUE(table.checkValidOn(VatRate::Vat10, k2024).ok());
    EXPECT_TRUE(table.checkValidOn(VatRate::None, kFirstDay2026).ok());
}

TEST(VatTable, IsDataNotCode)
{
    // A changed law is a changed row: a table where 22% already applied in 2025 accepts it then.
    std::vector<VatRateInfo> rows(VatTable::standard().rows().begin(), VatTable::standard().rows().end());
    for (auto& row : rows) {
        if (row.rate == VatRate::Vat22) {
            row.validFrom = Date{year(2025), month(1), day(1)};
        }
    }
    const VatTable custom(rows);
    EXPECT_TRUE(custom.checkValidOn(VatRate::Vat22, k2025).ok());
    EXPECT_FALSE(VatTable::standard().checkValidOn(VatRate::Vat22, k2025).ok());
}

} // namespace
} // namespace sigma::core
