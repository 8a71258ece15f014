#include "fiscal/ffd/TlvNode.h"

#include "core/ErrorCodes.h"
#include "fiscal/ffd/Tags.h"
#include "fiscal/ffd/TlvTestSupport.h"

#include <gtest/gtest.h>

#include <limits>

namespace sigma::fiscal::ffd {
namespace {

using test::hexBytes;

TEST(TlvNode, VlnUsesTheFewestBytesButAtLeastOne)
{
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 0).value(), hexBytes("00"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 255).value(), hexBytes("FF"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 256).value(), hexBytes("00 01"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 39075).value(), hexBytes("A3 98"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 0x010000).value(), hexBytes("00 00 01"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, std::numeric_limits<std::uint64_t>::max()).value(),
              hexBytes("FF FF FF FF FF FF FF FF"));
    EXPECT_EQ(TlvNode::vln(tag::kTotal, 1).type(), TlvType::Vln);
}

TEST(TlvNode, VlnRoundTripsAcrossAllLengths)
{
    for (int shift = 0; shift < 64; ++shift) {
        for (std::uint64_t delta : {0ULL, 1ULL}) {
            const std::uint64_t value = (std::uint64_t{1} << shift) - delta;
            auto read = TlvNode::vln(tag::kTotal, value).asVln();
            ASSERT_TRUE(read.ok());
            EXPECT_EQ(*read, value);
        }
    }
}

TEST(TlvNode, VlnFixedPadsToTheGivenLength)
{
    auto counter = TlvNode::vlnFixed(tag::kFiscalDocumentNumber, 71, 4);
    ASSERT_TRUE(counter.ok());
    EXPECT_EQ(counter->value(), hexBytes("47 00 00 00"));
    EXPECT_EQ(*counter->asVln(), 71U);

    auto three = TlvNode::vlnFixed(tag::kTotal, 39075, 3);
    ASSERT_TRUE(three.ok());
    EXPECT_EQ(three->value(), hexBytes("A3 98 00"));

    EXPECT_EQ(TlvNode::vlnFixed(tag::kTotal, 256, 1).error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(TlvNode::vlnFixed(tag::kTotal, 1, 0).error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(TlvNode::vlnFixed(tag::kTotal, 1, 9).error().code, core::errc::kTlvBadValue);
}

TEST(TlvNode, MoneyIsKopecksAndNeverNegative)
{
    auto total = TlvNode::money(tag::kTotal, core::Money::fromKopecks(39075));
    ASSERT_TRUE(total.ok());
    EXPECT_EQ(total->value(), hexBytes("A3 98"));
    EXPECT_EQ(*total->asMoney(), core::Money::fromKopecks(39075));

    auto negative = TlvNode::money(tag::kTotal, core::Money::fromKopecks(-1));
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().code, core::errc::kTlvBadValue);

    // A VLN beyond int64 is a valid VLN but not a sum.
    auto huge = TlvNode::vln(tag::kTotal, std::numeric_limits<std::uint64_t>::max()).asMoney();
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().code, core::errc::kTlvBadValue);
}

TEST(TlvNode, FvlnIsDecimalsThenValue)
{
    auto quantity = TlvNode::fvln(tag::kQuantity, 3, 125);
    ASSERT_TRUE(quantity.ok());
    EXPECT_EQ(quantity->value(), hexBytes("03 7D"));
    EXPECT_EQ(quantity->type(), TlvType::Fvln);
    EXPECT_EQ(*quantity->asFvln(), (FvlnValue{3, 125}));

    auto big = TlvNode::fvln(tag::kQuantity, 9, std::numeric_limits<std::uint64_t>::max());
    ASSERT_TRUE(big.ok());
    EXPECT_EQ(big->value().size(), 9U);
    EXPECT_EQ(*big->asFvln(), (FvlnValue{9, std::numeric_limits<std::uint64_t>::max()}));

    auto tooMany = TlvNode::fvln(tag::kQuantity, 10, 1);
    ASSERT_FALSE(tooMany.ok());
    EXPECT_EQ(tooMany.error().code, core::errc::kTlvBadValue);
}

TEST(TlvNode, QuantityDropsTrailingZeroDecimals)
{
    auto node = [](std::int64_t thousandths) {
        return TlvNode::quantity(tag::kQuantity, core::Quantity::fromThousandths(thousandths));
    };
    EXPECT_EQ(node(125)->value(), hexBytes("03 7D"));  // 0.125
    EXPECT_EQ(node(1500)->value(), hexBytes("01 0F")); // 1.5
    EXPECT_EQ(node(2000)->value(), hexBytes("00 02")); // 2
    EXPECT_EQ(node(0)->value(), hexBytes("00 00"));
    EXPECT_EQ(node(-1000).error().code, core::errc::kTlvBadValue);
    for (std::int64_t q : {1, 125, 1500, 2000, 99'999'999}) {
        auto back = node(q)->asQuantity();
        ASSERT_TRUE(back.ok()) << q;
        EXPECT_EQ(back->thousandths(), q);
    }
}

TEST(TlvNode, AsQuantityRefusesWhatAQuantityCannotHold)
{
    auto fvln = [](std::uint8_t decimals, std::uint64_t value) {
        return TlvNode::fvln(tag::kQuantity, decimals, value).value();
    };
    EXPECT_EQ(fvln(4, 1250).asQuantity()->thousandths(), 125); // 0.1250 is 0.125
    EXPECT_EQ(fvln(4, 1251).asQuantity().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(fvln(0, 100'000).asQuantity().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(fvln(0, 99'999).asQuantity()->thousandths(), 99'999'000);
    EXPECT_EQ(fvln(0, std::numeric_limits<std::uint64_t>::max()).asQuantity().error().code, core::errc::kTlvBadValue);
}

TEST(TlvNode, UnixTimeIsFourLittleEndianBytes)
{
    // 2018-03-06 13:52:00, the document time of FISCAL.md's receipt example.
    auto time = TlvNode::unixTime(tag::kDateTime, 1520344320);
    ASSERT_TRUE(time.ok());
    EXPECT_EQ(time->value(), hexBytes("00 9D 9E 5A"));
    EXPECT_EQ(*time->asUnixTime(), 1520344320);

    EXPECT_EQ(TlvNode::unixTime(tag::kDateTime, 0)->value(), hexBytes("00 00 00 00"));
    EXPECT_EQ(*TlvNode::unixTime(tag::kDateTime, 0xFFFFFFFF)->asUnixTime(), std::int64_t{0xFFFFFFFF});
    EXPECT_EQ(TlvNode::unixTime(tag::kDateTime, -1).error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(TlvNode::unixTime(tag::kDateTime, 0x100000000).error().code, core::errc::kTlvBadValue);
}

TEST(TlvNode, StringIsStoredAsCp866)
{
    const TlvNode cashier = TlvNode::string(tag::kCashier, "Иванов");
    EXPECT_EQ(cashier.value(), hexBytes("88 A2 A0 AD AE A2"));
    EXPECT_EQ(cashier.type(), TlvType::String);
    EXPECT_EQ(*cashier.asString(), "Иванов");
    EXPECT_EQ(*TlvNode::string(tag::kItemName, "").asString(), "");
    EXPECT_EQ(*TlvNode::string(tag::kItemName, "Кофе 100 ₽").asString(), "Кофе 100 ?");
}

TEST(TlvNode, ByteAndBytes)
{
    const TlvNode vat = TlvNode::byte(tag::kVatRate, 11);
    EXPECT_EQ(vat.value(), hexBytes("0B"));
    EXPECT_EQ(*vat.asByte(), 11);

    const auto raw = hexBytes("00 01 59 11 99 9C");
    const TlvNode sign = TlvNode::bytes(tag::kFiscalSign, raw);
    EXPECT_EQ(sign.value(), raw);
    EXPECT_EQ(sign.type(), TlvType::Bytes);
}

TEST(TlvNode, StlvFindsChildren)
{
    const TlvNode item =
        TlvNode::stlv(tag::kItem, {TlvNode::string(tag::kItemName, "Хлеб"), TlvNode::vln(tag::kPrice, 4590),
                                   TlvNode::byte(tag::kPaymentMethod, 4), TlvNode::byte(tag::kPaymentMethod, 5)});
    EXPECT_TRUE(item.isStlv());
    EXPECT_TRUE(item.value().empty());
    ASSERT_NE(item.find(tag::kPrice), nullptr);
    EXPECT_EQ(*item.find(tag::kPrice)->asVln(), 4590U);
    EXPECT_EQ(item.find(tag::kTotal), nullptr);
    const auto methods = item.findAll(tag::kPaymentMethod);
    ASSERT_EQ(methods.size(), 2U);
    EXPECT_EQ(*methods[1]->asByte(), 5);

    const std::vector<TlvNode> document = {TlvNode::vln(tag::kTotal, 1), item};
    ASSERT_NE(findTag(document, tag::kItem), nullptr);
    EXPECT_EQ(findTag(document, tag::kItem)->children().size(), 4U);
    EXPECT_EQ(findTag(document, tag::kCashier), nullptr);
}

TEST(TlvNode, ReadingAnStlvAsALeafIsAWrongTypeError)
{
    const TlvNode item = TlvNode::stlv(tag::kItem, {});
    EXPECT_EQ(item.asVln().error().code, core::errc::kTlvWrongType);
    EXPECT_EQ(item.asFvln().error().code, core::errc::kTlvWrongType);
    EXPECT_EQ(item.asUnixTime().error().code, core::errc::kTlvWrongType);
    EXPECT_EQ(item.asByte().error().code, core::errc::kTlvWrongType);
    EXPECT_EQ(item.asString().error().code, core::errc::kTlvWrongType);
    EXPECT_EQ(item.asVln().error().field, "1059");
}

TEST(TlvNode, ReadersCheckTheRawBytes)
{
    auto rawNode = [](TlvType type, std::string_view hex) { return TlvNode::raw(9999, type, hexBytes(hex)); };
    EXPECT_EQ(rawNode(TlvType::Bytes, "").asVln().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "01 02 03 04 05 06 07 08 09").asVln().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "0A 01").asFvln().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "03").asFvln().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "01 02 03").asUnixTime().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "01 02").asByte().error().code, core::errc::kTlvBadValue);
    EXPECT_EQ(rawNode(TlvType::Bytes, "").asVln().error().field, "9999");
    // An unknown tag's bytes can still be read as what the caller knows them to be.
    EXPECT_EQ(*rawNode(TlvType::Bytes, "A3 98").asVln(), 39075U);
}

TEST(TlvNode, CheckValueByType)
{
    auto check = [](TlvType type, std::string_view hex) { return TlvNode::checkValue(type, hexBytes(hex)).ok(); };
    EXPECT_TRUE(check(TlvType::Vln, "01"));
    EXPECT_TRUE(check(TlvType::Vln, "01 02 03 04 05 06 07 08"));
    EXPECT_FALSE(check(TlvType::Vln, ""));
    EXPECT_FALSE(check(TlvType::Vln, "01 02 03 04 05 06 07 08 09"));
    EXPECT_TRUE(check(TlvType::Fvln, "09 01"));
    EXPECT_FALSE(check(TlvType::Fvln, "0A 01"));
    EXPECT_FALSE(check(TlvType::Fvln, "03"));
    EXPECT_FALSE(check(TlvType::Fvln, "03 01 02 03 04 05 06 07 08 09"));
    EXPECT_TRUE(check(TlvType::UnixTime, "01 02 03 04"));
    EXPECT_FALSE(check(TlvType::UnixTime, "01 02 03 04 05"));
    EXPECT_TRUE(check(TlvType::Byte, "01"));
    EXPECT_FALSE(check(TlvType::Byte, ""));
    EXPECT_TRUE(check(TlvType::String, ""));
    EXPECT_TRUE(check(TlvType::Bytes, "FF FF"));
}

} // namespace
} // namespace sigma::fiscal::ffd
