#include "fiscal/ffd/ReceiptQr.h"

#include "core/ErrorCodes.h"

#include <gtest/gtest.h>

namespace sigma::fiscal::ffd {
namespace {

ReceiptQr example()
{
    ReceiptQr qr;
    qr.year = 2026;
    qr.month = 12;
    qr.day = 4;
    qr.hour = 15;
    qr.minute = 30;
    qr.total = core::Money::fromKopecks(123450);
    qr.fnNumber = "9999078900000961";
    qr.fiscalDocumentNumber = 71;
    qr.fiscalSign = 1494325660;
    qr.operationType = 1;
    return qr;
}

constexpr const char* kExample = "t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1";

TEST(ReceiptQr, BuildsTheExactText)
{
    EXPECT_EQ(buildReceiptQr(example()), kExample);
}

TEST(ReceiptQr, AppendsSecondsOnlyWhenPresent)
{
    ReceiptQr qr = example();
    qr.second = 45;
    EXPECT_EQ(buildReceiptQr(qr), "t=20261204T153045&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1");
    qr.second = 0;
    EXPECT_EQ(buildReceiptQr(qr).substr(0, 17), "t=20261204T153000");
}

TEST(ReceiptQr, PadsAndFormats)
{
    ReceiptQr qr = example();
    qr.month = 1;
    qr.day = 2;
    qr.hour = 3;
    qr.minute = 4;
    qr.total = core::Money::fromKopecks(5);
    qr.fiscalDocumentNumber = 4294967295U;
    qr.fiscalSign = 0;
    qr.operationType = 4;
    EXPECT_EQ(buildReceiptQr(qr), "t=20260102T0304&s=0.05&fn=9999078900000961&i=4294967295&fp=0&n=4");
}

TEST(ReceiptQr, ParsesWhatItBuilds)
{
    auto parsed = parseReceiptQr(kExample);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(*parsed, example());

    ReceiptQr withSeconds = example();
    withSeconds.second = 7;
    auto again = parseReceiptQr(buildReceiptQr(withSeconds));
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(*again, withSeconds);
}

struct ValidCase {
    const char* text;
    std::int64_t kopecks;
    std::optional<int> second;
};

class ReceiptQrValid : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ReceiptQrValid, Parses)
{
    auto parsed = parseReceiptQr(GetParam().text);
    ASSERT_TRUE(parsed.ok()) << GetParam().text << ": " << parsed.error().message;
    EXPECT_EQ(parsed->total.kopecks(), GetParam().kopecks);
    EXPECT_EQ(parsed->second, GetParam().second);
    EXPECT_EQ(parsed->fnNumber, "9999078900000961");
}

INSTANTIATE_TEST_SUITE_P(
    ReceiptQr, ReceiptQrValid,
    ::testing::Values(
        ValidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1", 123450, std::nullopt},
        // any order
        ValidCase{"n=1&fp=1494325660&i=71&fn=9999078900000961&s=1234.50&t=20261204T1530", 123450, std::nullopt},
        ValidCase{"fn=9999078900000961&t=20261204T153059&n=2&s=0.01&fp=0&i=1", 1, 59},
        // fewer decimals, leading zeros in the sign, trailing newline from a scanner
        ValidCase{"t=20261204T1530&s=1234&fn=9999078900000961&i=71&fp=0094325660&n=1", 123400, std::nullopt},
        ValidCase{"t=20261204T1530&s=1234.5&fn=9999078900000961&i=71&fp=1494325660&n=3\r\n", 123450, std::nullopt},
        // an unknown key is ignored
        ValidCase{"t=20240229T0000&s=99999999.99&fn=9999078900000961&i=71&fp=4294967295&n=4&x=whatever", 9999999999,
                  std::nullopt}));

struct InvalidCase {
    const char* text;
    const char* field;
};

void PrintTo(const InvalidCase& c, std::ostream* os)
{
    *os << "'" << c.text << "'";
}

class ReceiptQrInvalid : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(ReceiptQrInvalid, IsRefusedNamingTheField)
{
    auto parsed = parseReceiptQr(GetParam().text);
    ASSERT_FALSE(parsed.ok()) << GetParam().text;
    EXPECT_EQ(parsed.error().code, core::errc::kBadReceiptQr);
    EXPECT_EQ(parsed.error().field, GetParam().field) << parsed.error().message;
    EXPECT_FALSE(parsed.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    ReceiptQr, ReceiptQrInvalid,
    ::testing::Values(
        // missing fields
        InvalidCase{"s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T1530&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=1234.50&i=71&fp=1494325660&n=1", "fn"},
        InvalidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&fp=1494325660&n=1", "i"},
        InvalidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&n=1", "fp"},
        InvalidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660", "n"}, InvalidCase{"", ""},
        // duplicated keys
        InvalidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1&s=1.00", "s"},
        InvalidCase{"t=20261204T1530&t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        // malformed fields
        InvalidCase{"t=20261204T1530&&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1", ""},
        InvalidCase{"t=20261204T1530&s=1234.50&fn=9999078900000961&i=71&fp=1494325660&n=1&", ""},
        InvalidCase{"t=20261204T1530&s&fn=9999078900000961&i=71&fp=1494325660&n=1", ""},
        InvalidCase{"t=20261204T1530&=5&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", ""},
        // bad amounts
        InvalidCase{"t=20261204T1530&s=1234.505&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=1234,50&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=-1.00&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=.50&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=1.&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=1 234.50&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        InvalidCase{"t=20261204T1530&s=100000000.00&fn=9999078900000961&i=71&fp=1494325660&n=1", "s"},
        // bad dates and times
        InvalidCase{"t=20261304T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20250229T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261200T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T2430&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T1560&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T153060&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204 1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T15&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=20261204T15304&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=2026-12-04T15:30&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        InvalidCase{"t=19691231T2359&s=1&fn=9999078900000961&i=71&fp=1494325660&n=1", "t"},
        // bad numbers
        InvalidCase{"t=20261204T1530&s=1&fn=999907890000096&i=71&fp=1494325660&n=1", "fn"},
        InvalidCase{"t=20261204T1530&s=1&fn=999907890000096X&i=71&fp=1494325660&n=1", "fn"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=-71&fp=1494325660&n=1", "i"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=&fp=1494325660&n=1", "i"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=4294967296&n=1", "fp"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=14943256600&n=1", "fp"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=0x59&n=1", "fp"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=0", "n"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=5", "n"},
        InvalidCase{"t=20261204T1530&s=1&fn=9999078900000961&i=71&fp=1494325660&n=11", "n"}));

} // namespace
} // namespace sigma::fiscal::ffd
