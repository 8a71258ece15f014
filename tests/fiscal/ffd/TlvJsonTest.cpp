#include "fiscal/ffd/TlvJson.h"

#include "fiscal/ffd/Tags.h"
#include "fiscal/ffd/TlvCodec.h"
#include "fiscal/ffd/TlvTestSupport.h"

#include <gtest/gtest.h>

namespace sigma::fiscal::ffd {
namespace {

using test::hexBytes;

TEST(TlvJson, PrintsDecodedTags)
{
    const std::vector<TlvNode> nodes = {
        TlvNode::vln(tag::kTotal, 39075),
        TlvNode::stlv(tag::kItem, {TlvNode::string(tag::kItemName, "Сыр"),
                                   TlvNode::fvln(tag::kQuantity, 3, 125).value(), TlvNode::byte(tag::kVatRate, 11)}),
        TlvNode::unixTime(tag::kDateTime, 1520344320).value(),
        TlvNode::bytes(tag::kFiscalSign, hexBytes("00 01 59 11 99 9C")),
        TlvNode::raw(60000, TlvType::Bytes, hexBytes("DE AD")),
    };
    const auto expected = core::Json::parse(R"([
        {"tag": 1020, "name": "total", "value": 39075},
        {"tag": 1059, "name": "item", "items": [
            {"tag": 1030, "name": "itemName", "value": "Сыр"},
            {"tag": 1023, "name": "quantity", "value": "0.125"},
            {"tag": 1199, "name": "vatRate", "value": 11}]},
        {"tag": 1012, "name": "dateTime", "value": 1520344320, "time": "2018-03-06T13:52:00"},
        {"tag": 1077, "name": "fiscalSign", "value": "00015911999c", "printed": 1494325660},
        {"tag": 60000, "value": "dead"}
    ])");
    EXPECT_EQ(toJson(nodes), expected) << toJson(nodes).dump(2);
}

TEST(TlvJson, FvlnIsAnExactDecimalString)
{
    auto text = [](std::uint8_t decimals, std::uint64_t value) {
        return toJson({TlvNode::fvln(tag::kQuantity, decimals, value).value()})[0]["value"].get<std::string>();
    };
    EXPECT_EQ(text(0, 2), "2");
    EXPECT_EQ(text(1, 15), "1.5");
    EXPECT_EQ(text(3, 5), "0.005");
    EXPECT_EQ(text(3, 0), "0.000");
    EXPECT_EQ(text(9, 18446744073709551615ULL), "18446744073.709551615");
}

TEST(TlvJson, HandMadeBadLeafIsShownAsHexWithAnError)
{
    const auto json = toJson({TlvNode::raw(tag::kTotal, TlvType::Vln, std::vector<std::uint8_t>(9, 0xAB))});
    EXPECT_EQ(json[0]["value"], "ababababababababab");
    EXPECT_TRUE(json[0].contains("error"));
}

TEST(TlvJson, DumpsAnyDecodedDocument)
{
    // Every CP866 byte in a string: the JSON text must still be valid UTF-8 (dump() throws otherwise).
    std::vector<std::uint8_t> all(256);
    for (unsigned b = 0; b < 256; ++b) {
        all[b] = static_cast<std::uint8_t>(b);
    }
    const auto nodes = std::vector<TlvNode>{TlvNode::raw(tag::kItemName, TlvType::String, all)};
    EXPECT_NO_THROW((void)toJson(nodes).dump());
    // 128 ASCII bytes, 308 bytes of UTF-8 for the upper half (Python: bytes(range(256)).decode("cp866")).
    EXPECT_EQ(toJson(nodes)[0]["value"].get<std::string>().size(), 436U);
}

TEST(TlvJson, ShortFiscalSignHasNoPrintedForm)
{
    const auto json = toJson({TlvNode::bytes(tag::kFiscalSign, hexBytes("01 02 03"))});
    EXPECT_FALSE(json[0].contains("printed"));
    EXPECT_EQ(json[0]["value"], "010203");
}

} // namespace
} // namespace sigma::fiscal::ffd
